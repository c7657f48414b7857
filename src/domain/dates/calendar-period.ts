/**
 * The period a calendar view shows for a date, computed by us (not read back from FullCalendar) so
 * the toolbar, the D-n range and our own list view agree, and navigation is pure.
 */
import { addDays, daysInMonth, weekdayOf } from '@/domain/dates/local-date'
import type { LocalDate } from '@/domain/types'

/** The periods a calendar shows: a month (also the list), a Monday-first week, a year. */
export type CalendarViewKind = 'month' | 'week' | 'list' | 'year'

export interface VisibleRange {
  /** First day shown as "the period" (the month, the week, the year), inclusive. */
  start: LocalDate
  /** Exclusive end. */
  end: LocalDate
}

export function periodOf(view: CalendarViewKind, date: LocalDate): VisibleRange {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  switch (view) {
    case 'month':
    case 'list': {
      const start = `${date.slice(0, 7)}-01`
      return { start, end: addDays(start, daysInMonth(year, month)) }
    }
    case 'week': {
      const start = addDays(date, -((weekdayOf(date) + 6) % 7)) // weeks start on Monday
      return { start, end: addDays(start, 7) }
    }
    case 'year':
      return { start: `${year}-01-01`, end: `${year + 1}-01-01` }
  }
}

/** The date one period before (-1) or after (+1). Month steps keep the day where it exists. */
export function stepPeriod(view: CalendarViewKind, date: LocalDate, direction: -1 | 1): LocalDate {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  if (view === 'week') return addDays(date, 7 * direction)
  if (view === 'year') return `${year + direction}-01-01`
  const target = new Date(Date.UTC(year, month - 1 + direction, 1))
  return `${target.getUTCFullYear()}-${String(target.getUTCMonth() + 1).padStart(2, '0')}-01`
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export function periodTitle(view: CalendarViewKind, date: LocalDate, language: 'vi' | 'en'): string {
  const year = date.slice(0, 4)
  const month = Number(date.slice(5, 7))
  if (view === 'year') return language === 'vi' ? `Năm ${year}` : year
  if (view === 'week') {
    const { start, end } = periodOf('week', date)
    const last = addDays(end, -1)
    const fmt = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`
    return `${fmt(start)} – ${fmt(last)}`
  }
  return language === 'vi' ? `Tháng ${month} năm ${year}` : `${MONTHS_EN[month - 1]} ${year}`
}
