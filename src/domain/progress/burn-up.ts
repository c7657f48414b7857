/**
 * The burn-up series of the dashboard: how much work was planned to be finished by each day, and how
 * much was done by then, from the first phase's start to the results deadline. Both lines count the
 * progress items (one per occurrence) that are not cancelled: "planned" by their last day, "done" by
 * the day they count done from (task-progress.ts), so a plan reviewed as of 30/04 shows no work done
 * in May. After the as-of day nothing is known to be done: the done line stops there (null).
 */
import { addDays, maxDate, minDate, weekdayOf } from '@/domain/dates/local-date'
import type { ProgressItem } from '@/domain/progress/progress-items'
import type { LocalDate } from '@/domain/types'

export type BurnUpStep = 'day' | 'week'

export interface BurnUpPoint {
  date: LocalDate
  /** Items whose last day is on or before `date`. */
  planned: number
  /** Items done on or before `date`; null after the as-of day. */
  done: number | null
}

export interface BurnUp {
  step: BurnUpStep
  from: LocalDate
  to: LocalDate
  asOf: LocalDate
  /** Items not cancelled: the height both lines rise to when all is done. */
  total: number
  /** One point a day, or one per week ending on Sunday (Vietnamese weeks run Monday to Sunday), plus `from`, `to` and the as-of day. */
  points: BurnUpPoint[]
  /** The point of the as-of day ("today" on the chart), or null when it falls outside [from, to]. */
  asOfIndex: number | null
}

/** The dates of the points: every day, or each Sunday, with `from`, `to` and `asOf` (when inside) added. */
export function burnUpDates(from: LocalDate, to: LocalDate, asOf: LocalDate, step: BurnUpStep): LocalDate[] {
  const dates = new Set<LocalDate>()
  // Bounded: a range of more than ten years is cut rather than allowed to loop for long.
  for (let day = from, i = 0; day <= to && i < 3700; i += 1) {
    if (step === 'day') {
      dates.add(day)
      day = addDays(day, 1)
    } else {
      const sunday = addDays(day, (7 - weekdayOf(day)) % 7)
      dates.add(minDate(sunday, to))
      day = addDays(sunday, 1)
    }
  }
  if (from <= to) {
    dates.add(from)
    dates.add(to)
  }
  if (asOf >= from && asOf <= to) dates.add(asOf)
  return [...dates].sort()
}

/** The burn-up of some items over [from, to] (inclusive), as of a day. */
export function computeBurnUp(items: readonly ProgressItem[], range: { from: LocalDate; to: LocalDate }, asOf: LocalDate, step: BurnUpStep = 'week'): BurnUp {
  const from = range.from
  const to = maxDate(range.from, range.to)
  // Counted by day, then only the days sorted: 10,000 items end on a few hundred days (issue 12).
  const plannedOn = new Map<LocalDate, number>()
  const doneOn = new Map<LocalDate, number>()
  let total = 0
  for (const item of items) {
    if (item.task.status === 'cancelled') continue
    total += 1
    plannedOn.set(item.lastDay, (plannedOn.get(item.lastDay) ?? 0) + 1)
    if (item.doneDay !== null) doneOn.set(item.doneDay, (doneOn.get(item.doneDay) ?? 0) + 1)
  }
  const plannedDays = [...plannedOn.keys()].sort()
  const doneDays = [...doneOn.keys()].sort()
  const dates = burnUpDates(from, to, asOf, step)
  const points: BurnUpPoint[] = []
  let planned = 0
  let done = 0
  let nextPlanned = 0
  let nextDone = 0
  // One sweep: the dates and both lists of days are sorted.
  for (const date of dates) {
    for (; nextPlanned < plannedDays.length && plannedDays[nextPlanned]! <= date; nextPlanned += 1) planned += plannedOn.get(plannedDays[nextPlanned]!)!
    for (; nextDone < doneDays.length && doneDays[nextDone]! <= date; nextDone += 1) done += doneOn.get(doneDays[nextDone]!)!
    points.push({ date, planned, done: date <= asOf ? done : null })
  }
  const asOfIndex = points.findIndex((p) => p.date === asOf)
  return { step, from, to, asOf, total, points, asOfIndex: asOfIndex < 0 ? null : asOfIndex }
}
