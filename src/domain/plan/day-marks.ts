/**
 * What a phone's month shows in each day (issue 11, "Phones"): how many tasks touch the day and up
 * to three of their channels, drawn as dots. At 390 px a day is a 50 px square: a title does not fit,
 * a count and three dots do, and the day's tasks are listed under the grid when it is picked.
 *
 * Counted by day number into an array, not by date string into a map: a 10,000-task plan has ~3,000
 * occurrences in a month's six weeks, most of them several days long.
 */
import { periodOf } from '@/domain/dates/calendar-period'
import { addDays, toDayNumber } from '@/domain/dates/local-date'
import { forEachOccurrenceSpan, type TaskIndex } from '@/domain/plan/task-index'
import type { LocalDate, Task } from '@/domain/types'

/** Dots per day: more would not fit a phone's day cell (and the count says the rest). */
export const DAY_DOTS = 3

export interface DayMark {
  date: LocalDate
  /** Tasks (occurrences of a series, each) touching the day. */
  count: number
  /** Distinct channels of the day's tasks, at most DAY_DOTS, the first met; null is a task without channel. */
  channelIds: (string | null)[]
}

/**
 * The weeks, Monday to Sunday, that hold the month of `date`: four to six rows of seven days. A
 * phone shows only the weeks the month needs (FullCalendar's six fixed rows would cost a row of
 * height on most months).
 */
export function monthGridWeeks(date: LocalDate): LocalDate[][] {
  const month = periodOf('month', date)
  const weeks: LocalDate[][] = []
  for (let monday = periodOf('week', month.start).start; monday < month.end; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)))
  }
  return weeks
}

/**
 * One mark per day of `days` (consecutive, ascending), from the index's tasks kept by `keep`, each
 * occurrence of a series on its own days. The days come from the index (it worked them out once), not
 * from occurrence objects. A day with more channels than dots shows the first met in the index's
 * order (the count tells the rest; sorting a month's occurrences first would cost a phone's tap more
 * than the dots are worth).
 */
export function markDays(days: readonly LocalDate[], index: TaskIndex, keep?: (task: Task) => boolean): DayMark[] {
  const marks: DayMark[] = days.map((date) => ({ date, count: 0, channelIds: [] }))
  if (days.length === 0) return marks
  const firstDay = toDayNumber(days[0]!)
  const lastDay = firstDay + days.length - 1
  forEachOccurrenceSpan(index, days[0]!, addDays(days.at(-1)!, 1), keep, (task, first, last) => {
    const end = Math.min(lastDay, toDayNumber(last))
    for (let day = Math.max(firstDay, toDayNumber(first)); day <= end; day += 1) {
      const mark = marks[day - firstDay]!
      mark.count += 1
      if (mark.channelIds.length < DAY_DOTS && !mark.channelIds.includes(task.channelId)) mark.channelIds.push(task.channelId)
    }
  })
  return marks
}
