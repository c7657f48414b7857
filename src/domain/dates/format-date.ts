/**
 * Dates as people read them: dd/mm/yyyy in both languages (Vietnamese officials and the English UI
 * share the same numeric order), weekdays "CN, T2 … T7" in Vietnamese.
 */
import { datePart, timePart, weekdayOf } from '@/domain/dates/local-date'
import type { LocalDate } from '@/domain/types'

export type Language = 'vi' | 'en'

const WEEKDAYS_VI = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7']
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/** `2021-05-23` → `23/05/2021`. */
export function formatDate(date: LocalDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`
}

export function formatWeekday(date: LocalDate, language: Language): string {
  const names = language === 'vi' ? WEEKDAYS_VI : WEEKDAYS_EN
  return names[weekdayOf(date)] ?? ''
}

/** `CN 23/05/2021` / `Sun 23/05/2021`. */
export function formatDateWithWeekday(date: LocalDate, language: Language): string {
  return `${formatWeekday(date, language)} ${formatDate(date)}`
}

/** A LocalDate or LocalDateTime as `dd/mm/yyyy` or `dd/mm/yyyy HH:mm` (24-hour). */
export function formatDateOrDateTime(value: string): string {
  return value.length > 10 ? `${formatDate(datePart(value))} ${timePart(value)}` : formatDate(value)
}

/** Parses `dd/mm/yyyy` (also `d/m/yyyy`, `-` or `.` separators) into a LocalDate, or null. */
export function parseDisplayDate(text: string): LocalDate | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text)
  if (!match) return null
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`
  return iso
}
