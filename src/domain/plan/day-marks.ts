/**
 * What a phone's month shows in each day (issue 11, "Phones"): how many tasks touch the day and up
 * to three of their channels, drawn as dots. At 390 px a day is a 50 px square: a title does not fit,
 * a count and three dots do, and the day's tasks are listed under the grid when it is picked.
 *
 * Counted by day number into an array, not by date string into a map: a 10,000-task plan has ~3,000
 * occurrences in a month's six weeks, most of them several days long.
 */
import { addDays, fromDayNumber, toDayNumber } from '@/domain/dates/local-date'
import { lastDay } from '@/domain/plan/task-dates'
import { forEachOccurrenceSpan, type TaskIndex } from '@/domain/plan/task-index'
import type { TaskOccurrence } from '@/domain/plan/recurrence'
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
  const first = toDayNumber(`${date.slice(0, 7)}-01`)
  const month = date.slice(0, 7)
  // 1970-01-01 (day 0) was a Thursday: Monday is (dayNumber + 3) % 7 === 0.
  let day = first - (((first + 3) % 7) + 7) % 7
  const weeks: LocalDate[][] = []
  while (weeks.length < 6) {
    const week = Array.from({ length: 7 }, (_, i) => fromDayNumber(day + i))
    if (week[0]!.slice(0, 7) > month) break
    weeks.push(week)
    day += 7
  }
  return weeks
}

/**
 * One mark per day of `days` (consecutive, ascending), from the occurrences touching them. A day
 * with more channels than dots shows the first met in `occurrences`' order (the count tells the rest;
 * sorting a month's occurrences first would cost a phone's tap more than the dots are worth).
 */
export function markDays(days: readonly LocalDate[], occurrences: readonly Pick<TaskOccurrence, 'start' | 'end' | 'task'>[]): DayMark[] {
  const marker = dayMarker(days)
  for (const { start, end, task } of occurrences) marker.add(start.slice(0, 10), lastDay({ start, end, allDay: task.allDay }), task.channelId)
  return marker.marks
}

/** markDays over the index's tasks (kept by `keep`), from the days the index already knows. */
export function markIndexedDays(days: readonly LocalDate[], index: TaskIndex, keep?: (task: Task) => boolean): DayMark[] {
  const marker = dayMarker(days)
  if (days.length > 0) forEachOccurrenceSpan(index, days[0]!, addDays(days.at(-1)!, 1), keep, (task, first, last) => marker.add(first, last, task.channelId))
  return marker.marks
}

function dayMarker(days: readonly LocalDate[]) {
  const marks: DayMark[] = days.map((date) => ({ date, count: 0, channelIds: [] }))
  const first = days.length > 0 ? toDayNumber(days[0]!) : 0
  const last = first + days.length - 1
  return {
    marks,
    add(from: LocalDate, to: LocalDate, channelId: string | null) {
      const end = Math.min(last, toDayNumber(to))
      for (let day = Math.max(first, toDayNumber(from)); day <= end; day += 1) {
        const mark = marks[day - first]!
        mark.count += 1
        if (mark.channelIds.length < DAY_DOTS && !mark.channelIds.includes(channelId)) mark.channelIds.push(channelId)
      }
    },
  }
}
