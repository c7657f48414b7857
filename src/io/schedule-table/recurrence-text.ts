/**
 * A recurring task's rule in words, for the tables that list a series one row per occurrence (XLSX,
 * CSV, DOCX, print): "Lặp lại hằng ngày đến 23/05/2021", "Repeats weekly on Monday, Thursday until
 * 23/05/2021". The sentence goes on the last line of the row's notes; `removeRecurrenceNote` takes it
 * off again when our own file is read back, so the task's description survives a round trip.
 */
import { formatDate, type Language } from '@/domain/dates/format-date'
import { WEEKDAYS, type LocalDate, type Task, type TaskRecurrence, type Weekday } from '@/domain/types'

const WEEKDAY_NAMES: Record<Language, Record<Weekday, string>> = {
  vi: { MO: 'Thứ Hai', TU: 'Thứ Ba', WE: 'Thứ Tư', TH: 'Thứ Năm', FR: 'Thứ Sáu', SA: 'Thứ Bảy', SU: 'Chủ nhật' },
  en: { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' },
}

/**
 * The rule as one sentence: how often, on which weekdays (weekly), and until when or how many times.
 * Exceptions are not named: each occurrence has its own row, and a moved one says so itself
 * (`occurrenceNote`).
 */
export function describeRecurrence(recurrence: TaskRecurrence, language: Language): string {
  const interval = Math.max(1, Math.trunc(recurrence.interval) || 1)
  const weekly = recurrence.frequency === 'weekly'
  const codes = WEEKDAYS.filter((code) => weekly && recurrence.weekdays.includes(code))
  const days = codes.map((code) => WEEKDAY_NAMES[language][code]).join(', ')
  const until = recurrence.until === null ? null : formatDate(recurrence.until)
  const count = recurrence.count
  if (language === 'en') {
    let text = weekly
      ? `Repeats ${interval === 1 ? 'weekly' : `every ${interval} weeks`}${days ? ` on ${days}` : ''}`
      : `Repeats ${interval === 1 ? 'daily' : `every ${interval} days`}`
    if (until !== null) text += ` until ${until}`
    if (count !== null) text += `, ${until === null ? '' : 'at most '}${count} ${count === 1 ? 'time' : 'times'}`
    return text
  }
  let text = weekly
    ? `Lặp lại ${interval === 1 ? 'hằng tuần' : `${interval} tuần một lần`}${days ? ` vào ${days}` : ''}`
    : `Lặp lại ${interval === 1 ? 'hằng ngày' : `${interval} ngày một lần`}`
  if (until !== null) text += ` đến ${until}`
  if (count !== null) text += `, ${until === null ? '' : 'tối đa '}${count} lần`
  return text
}

const MOVED_FROM: Record<Language, string> = { vi: 'dời từ', en: 'moved from' }
const NONE_LEFT: Record<Language, string> = { vi: 'các lần đều đã hủy', en: 'every occurrence cancelled' }

/**
 * The notes line of one occurrence's row: the rule, and "(dời từ 15/05/2021)" when the occurrence
 * was moved from that date; "(các lần đều đã hủy)" on the one row kept for a series with none left.
 */
export function occurrenceNote(
  recurrence: TaskRecurrence, occurrence: { occurrenceDate: LocalDate; moved: boolean } | 'none-left', language: Language,
): string {
  const rule = describeRecurrence(recurrence, language)
  if (occurrence === 'none-left') return `${rule} (${NONE_LEFT[language]})`
  return occurrence.moved ? `${rule} (${MOVED_FROM[language]} ${formatDate(occurrence.occurrenceDate)})` : rule
}

/** The description with the occurrence note as its last line (the notes cell of a series' row). */
export function appendNote(description: string, note: string): string {
  return description === '' ? note : `${description}\n${note}`
}

/**
 * Undoes `appendNote` on a series read back from our own file: drops the last line of the description
 * when it is the rule's sentence (in either language, with or without its bracketed remark). Anything
 * else, an edited sentence included, stays: it is then the user's text.
 */
export function removeRecurrenceNote<T extends Pick<Task, 'description' | 'recurrence'>>(task: T): T
export function removeRecurrenceNote<T extends Pick<Task, 'description' | 'recurrence'>>(task: T | null): T | null
export function removeRecurrenceNote<T extends Pick<Task, 'description' | 'recurrence'>>(task: T | null): T | null {
  if (task === null || !task.recurrence) return task
  const { description, recurrence } = task
  const lineStart = description.lastIndexOf('\n') + 1
  const last = description.slice(lineStart)
  const isNote = (['vi', 'en'] as const).some((language) => {
    const rule = describeRecurrence(recurrence, language)
    return last === rule || (last.startsWith(`${rule} (`) && last.endsWith(')'))
  })
  if (!isNote) return task
  return { ...task, description: description.slice(0, Math.max(0, lineStart - 1)).replace(/\r$/, '') }
}
