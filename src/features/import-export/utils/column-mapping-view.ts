/**
 * Small pure helpers for the column-mapping step of the import dialog: how a column, a row and a
 * task are shown, and how a choice in one column's select changes the mapping. The mapping itself
 * (header row, suggestions, reading rows) lives in io/schedule-table/schedule-import.ts.
 */
import { formatDate } from '@/domain/dates/format-date'
import { datePart, timePart } from '@/domain/dates/local-date'
import { lastDay } from '@/domain/plan/task-dates'
import type { Task } from '@/domain/types'
import type { MappedField } from '@/io/schedule-table/header-matching'
import type { ColumnMapping } from '@/io/schedule-table/import-result'

/** How many of the first rows are offered as the header row. */
export const HEADER_ROW_CHOICES = 15

/** The column's letter as a spreadsheet shows it: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    const rest = (n - 1) % 26
    letters = String.fromCharCode(65 + rest) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

/** Text cut to `max` characters with an ellipsis, on one line. */
export function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/** A row's non-empty cells on one line ("STT | Nội dung công việc | …"), for the header-row select. */
export function rowSummary(cells: readonly string[], max = 90): string {
  return shorten(cells.map((cell) => cell.trim()).filter((cell) => cell !== '').join(' | '), max)
}

/** "01/04/2021 – 30/04/2021", "05/05/2021", "10/05/2021 08:00 – 09:00". */
export function taskTimeLabel(task: Pick<Task, 'start' | 'end' | 'allDay'>): string {
  const first = datePart(task.start)
  if (task.allDay) {
    const last = lastDay(task)
    return last === first ? formatDate(first) : `${formatDate(first)} – ${formatDate(last)}`
  }
  const from = `${formatDate(first)} ${timePart(task.start)}`
  return datePart(task.end) === first ? `${from} – ${timePart(task.end)}` : `${from} – ${formatDate(datePart(task.end))} ${timePart(task.end)}`
}

/**
 * The mapping with `column` set to `field`. A field sits on one column: choosing it for another
 * column takes it from the first, except notes, which add up (two "Ghi chú" columns are both kept).
 */
export function assignField(mapping: ColumnMapping, column: number, field: MappedField | null): ColumnMapping {
  const next: ColumnMapping = { ...mapping, [column]: field }
  if (field !== null && field !== 'description') {
    for (const [key, value] of Object.entries(mapping)) {
      if (Number(key) !== column && value === field) next[Number(key)] = null
    }
  }
  return next
}
