/**
 * A task's dates as ranges: its all-day span in calendar days, its length, and moving or resizing it
 * while keeping all-day tasks all-day and timed tasks their length.
 */
import {
  addDays, datePart, diffDays, fromMinuteNumber, shiftByDays, toMinuteNumber,
} from '@/domain/dates/local-date'
import type { LocalDate, Task } from '@/domain/types'

/** First calendar day the task touches. */
export function firstDay(task: Pick<Task, 'start'>): LocalDate {
  return datePart(task.start)
}

/**
 * Last calendar day the task touches, inclusive. A timed task ending exactly at 00:00 does not touch
 * that day.
 */
export function lastDay(task: Pick<Task, 'start' | 'end' | 'allDay'>): LocalDate {
  if (task.allDay) return addDays(task.end, -1)
  const endDate = datePart(task.end)
  const endsAtMidnight = task.end.slice(11, 16) === '00:00' && endDate > datePart(task.start)
  return endsAtMidnight ? addDays(endDate, -1) : endDate
}

/** Length in days (all-day) or minutes (timed). */
export function taskLength(task: Pick<Task, 'start' | 'end' | 'allDay'>): number {
  return task.allDay ? diffDays(task.start, task.end) : toMinuteNumber(task.end) - toMinuteNumber(task.start)
}

/** The end that keeps `length` (days or minutes) from a new start. */
export function endForLength(start: string, allDay: boolean, length: number): string {
  return allDay ? addDays(start, length) : fromMinuteNumber(toMinuteNumber(start) + length)
}

/** Moves both bounds by whole days. */
export function shiftTaskDates<T extends Pick<Task, 'start' | 'end'>>(task: T, days: number): { start: string; end: string } {
  return { start: shiftByDays(task.start, days), end: shiftByDays(task.end, days) }
}
