/**
 * Reading a series' row of our own table back. A recurring task is listed one row per occurrence
 * (schedule-rows.ts); the row carrying the task's machine cells may show another occurrence than the
 * task's own first one, so its visible dates are read against that occurrence.
 */
import { datePart, diffDays, fromMinuteNumber, isValidLocalDate, isValidLocalDateTime, shiftByDays, toMinuteNumber } from '@/domain/dates/local-date'
import { parseOccurrenceKey } from '@/domain/plan/recurrence'
import type { LocalDate } from '@/domain/types'

type Bounds = { start: string; end: string }

/** A row carrying a series whose visible dates are another occurrence's than the task's own. */
export interface SeriesRowDates {
  /** The task's own bounds (its machine cells). */
  own: Bounds
  /** The bounds of the occurrence the row's visible dates show. */
  shown: Bounds
}

/**
 * What the visible dates of a row carrying a series show, when that is not the task's own bounds:
 * the row names its occurrence in "Lần lặp của", and it may be a later one (the first is cancelled,
 * or outside the exported range) or a moved one. Null when the row shows the task's own bounds
 * (always so for a single task, and in files written before the column existed) or when its cells
 * do not tell (then the import reads the row as any other).
 */
export function readSeriesRowDates(occurrenceOf: string, id: string, machineStart: string, machineEnd: string, otherJson: string): SeriesRowDates | null {
  const { taskId, occurrenceDate } = parseOccurrenceKey(occurrenceOf.trim())
  if (occurrenceDate === null || taskId !== id || !isValidLocalDate(occurrenceDate)) return null
  const isValidBound = machineStart.length > 10 ? isValidLocalDateTime : isValidLocalDate
  if (!isValidBound(machineStart) || !isValidBound(machineEnd)) return null
  const own = { start: machineStart, end: machineEnd }
  const moved = movedException(otherJson, occurrenceDate)
  const days = diffDays(datePart(machineStart), occurrenceDate)
  const shown = moved && isValidBound(moved.start) && isValidBound(moved.end)
    ? moved
    : { start: shiftByDays(machineStart, days), end: shiftByDays(machineEnd, days) }
  return shown.start === own.start && shown.end === own.end ? null : { own, shown }
}

/**
 * A series' own bounds from what was read against its row's shown occurrence: unchanged when the
 * visible dates were not edited; otherwise each bound moves by as much as the edit moved the shown
 * occurrence's. Fails when that would end the task before it starts (a long moved occurrence shortened).
 */
export function seriesBoundsFromRow<B extends Bounds & { allDay: boolean; edited: boolean; fromVisible: boolean }>(
  dates: SeriesRowDates, read: B,
): B | { ok: false; problem: 'endBeforeStart'; detail: string } {
  if (read.fromVisible) return read
  if (!read.edited) return { ...read, start: dates.own.start, end: dates.own.end }
  const start = moveBy(dates.own.start, dates.shown.start, read.start)
  const end = moveBy(dates.own.end, dates.shown.end, read.end)
  if (read.allDay ? end <= start : end < start) return { ok: false, problem: 'endBeforeStart', detail: `${start} → ${end}` }
  return { ...read, start, end }
}

/** `value` moved by (to − from), in days for dates and minutes for date-times. */
function moveBy(value: string, from: string, to: string): string {
  const minutes = (v: string) => toMinuteNumber(v.length > 10 ? v : `${v}T00:00`)
  const moved = fromMinuteNumber(minutes(value) + minutes(to) - minutes(from))
  return value.length > 10 ? moved : datePart(moved)
}

function movedException(otherJson: string, occurrenceDate: LocalDate): Bounds | null {
  let other: unknown
  try {
    other = otherJson.trim() === '' ? null : JSON.parse(otherJson)
  } catch {
    return null
  }
  const exception = (other as { recurrence?: { exceptions?: Record<string, unknown> } } | null)?.recurrence?.exceptions?.[occurrenceDate]
  if (typeof exception !== 'object' || exception === null) return null
  const { type, start, end } = exception as Record<string, unknown>
  return type === 'moved' && typeof start === 'string' && typeof end === 'string' ? { start, end } : null
}
