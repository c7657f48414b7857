/**
 * The period a calendar view shows for a date, computed by us (not read back from FullCalendar) so
 * the toolbar, the D-n range and our own list view agree, and navigation is pure. The timeline's
 * period depends on its zoom: a week, a month, or the whole campaign (see `campaignPeriodOf`).
 */
import { addDays, daysInMonth, diffDays, weekdayOf } from '@/domain/dates/local-date'
import type { LocalDate, Phase } from '@/domain/types'

/** The periods a calendar shows: a month (also the list), a Monday-first week, a year. */
export type CalendarViewKind = 'month' | 'week' | 'list' | 'year'
/**
 * Every view of the app: the calendar's, the timeline (rows of units or channels) and the progress
 * dashboard ("Tổng quan", which shows no period: the toolbar keeps the month's for when one goes back).
 */
export type ViewKind = CalendarViewKind | 'timeline' | 'dashboard'

export const TIMELINE_ZOOMS = ['week', 'month', 'campaign'] as const
/** How much the timeline shows at once: a week, a month, or the whole campaign on one screen. */
export type TimelineZoom = (typeof TIMELINE_ZOOMS)[number]

export interface PeriodOptions {
  /** The timeline's zoom (month when absent). */
  zoom?: TimelineZoom
  /** The campaign's days (`campaignRangeOf`), for the timeline's whole-campaign zoom. */
  campaign?: VisibleRange
}

export interface VisibleRange {
  /** First day shown as "the period" (the month, the week, the year), inclusive. */
  start: LocalDate
  /** Exclusive end. */
  end: LocalDate
}

export function periodOf(view: ViewKind, date: LocalDate, options: PeriodOptions = {}): VisibleRange {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  switch (view) {
    case 'timeline': {
      const zoom = options.zoom ?? 'month'
      return zoom === 'campaign' ? campaignPeriodOf(date, options.campaign) : periodOf(zoom, date)
    }
    case 'month':
    case 'list':
    case 'dashboard': {
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

/** The date one period before (-1) or after (+1). Month and year steps land on the period's first day. */
export function stepPeriod(view: ViewKind, date: LocalDate, direction: -1 | 1, options: PeriodOptions = {}): LocalDate {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  if (view === 'timeline') {
    const zoom = options.zoom ?? 'month'
    if (zoom !== 'campaign') return stepPeriod(zoom, date, direction)
    const { start, end } = campaignPeriodOf(date, options.campaign)
    return direction === 1 ? end : addDays(start, -diffDays(start, end))
  }
  if (view === 'week') return addDays(date, 7 * direction)
  if (view === 'year') return `${year + direction}-01-01`
  const target = new Date(Date.UTC(year, month - 1 + direction, 1))
  return `${target.getUTCFullYear()}-${String(target.getUTCMonth() + 1).padStart(2, '0')}-01`
}

/**
 * The same day of the month before (-1) or after (+1), or that month's last day when it is shorter
 * (31/01 → 28/02): the phone month's Page Up/Down, which moves the picked day, not the period.
 */
export function sameDayOfMonth(date: LocalDate, direction: -1 | 1): LocalDate {
  const first = stepPeriod('month', date, direction)
  const length = daysInMonth(Number(first.slice(0, 4)), Number(first.slice(5, 7)))
  return `${first.slice(0, 8)}${String(Math.min(Number(date.slice(8, 10)), length)).padStart(2, '0')}`
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export function periodTitle(view: ViewKind, date: LocalDate, language: 'vi' | 'en', options: PeriodOptions = {}): string {
  const year = date.slice(0, 4)
  const month = Number(date.slice(5, 7))
  if (view === 'timeline') return options.zoom === 'campaign' ? rangeTitle(campaignPeriodOf(date, options.campaign)) : periodTitle(options.zoom ?? 'month', date, language)
  if (view === 'year') return language === 'vi' ? `Năm ${year}` : year
  if (view === 'week') return rangeTitle(periodOf('week', date))
  return language === 'vi' ? `Tháng ${month} năm ${year}` : `${MONTHS_EN[month - 1]} ${year}`
}

/** `17/05/2021 – 23/05/2021` (the same in both languages). */
function rangeTitle({ start, end }: VisibleRange): string {
  const fmt = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`
  return `${fmt(start)} – ${fmt(addDays(end, -1))}`
}

/**
 * The campaign's days, from the Monday on or before its first phase's start to the Monday on or
 * after its last phase's end (whole weeks, so the timeline's week labels fall on Mondays). Without
 * phases: the thirteen weeks around election day.
 */
export function campaignRangeOf(phases: readonly Pick<Phase, 'start' | 'end'>[], electionDay: LocalDate): VisibleRange {
  const first = phases.reduce<LocalDate | null>((min, p) => (min === null || p.start < min ? p.start : min), null) ?? addDays(electionDay, -63)
  const last = phases.reduce<LocalDate | null>((max, p) => (max === null || p.end > max ? p.end : max), null) ?? addDays(electionDay, 28)
  const start = addDays(first, -((weekdayOf(first) + 6) % 7))
  const endWeekday = (weekdayOf(last) + 6) % 7
  const end = endWeekday === 0 ? last : addDays(last, 7 - endWeekday)
  return { start, end: end > start ? end : addDays(start, 7) }
}

/**
 * The whole-campaign period holding `date`: the campaign itself, or (for a date outside it, e.g.
 * "today" in another year) the span of the same length before or after it that holds the date, so
 * ‹ › and "today" move by whole campaign lengths and always land on a period that holds the date.
 * Without a campaign: the year.
 */
export function campaignPeriodOf(date: LocalDate, campaign: VisibleRange | undefined): VisibleRange {
  if (!campaign) return periodOf('year', date)
  const length = Math.max(1, diffDays(campaign.start, campaign.end))
  const steps = Math.floor(diffDays(campaign.start, date) / length)
  const start = addDays(campaign.start, steps * length)
  return { start, end: addDays(start, length) }
}
