/**
 * Recurring tasks: a task with a `recurrence` is a series ("the daily notice of polling time and place
 * from D-10 to D"), stored once and expanded into occurrences here, in the domain, for the calendar,
 * the checks and the tables (the "what" is the task, the "when" are its occurrences).
 *
 * The rule is the small part of RFC 5545 the campaign needs: DAILY or WEEKLY, an interval, weekdays
 * for WEEKLY, and an end (UNTIL as a calendar date, or COUNT). It is expanded on calendar dates, never
 * on instants, so no occurrence moves with the viewer's time zone. An occurrence is known by the date
 * it would start on under the rule (its RECURRENCE-ID); a moved or cancelled occurrence is an exception
 * keyed by that date.
 */
import { addDays, datePart, diffDays, shiftByDays, weekdayOf } from '@/domain/dates/local-date'
import { lastDay } from '@/domain/plan/task-dates'
import type { LocalDate, Task, TaskRecurrence, Weekday } from '@/domain/types'
import { WEEKDAYS } from '@/domain/types'

/** A series longer than this is cut (three years of daily occurrences): it keeps expansion bounded. */
export const MAX_OCCURRENCES = 1000
export const MAX_RECURRENCE_INTERVAL = 99

/** One occurrence of a task: the task itself when it does not recur. */
export interface TaskOccurrence {
  task: Task
  /** The date this occurrence starts on under the rule (equal to the task's start date for a single task). */
  occurrenceDate: LocalDate
  start: string
  end: string
  /** Moved away from the rule's date by an exception. */
  moved: boolean
  /** Part of a series (false for a single task). */
  recurring: boolean
}

export function isRecurring(task: Pick<Task, 'recurrence'>): task is Task & { recurrence: TaskRecurrence } {
  return task.recurrence !== null && task.recurrence !== undefined
}

/** `MO`…`SU` of a date. */
export function weekdayCode(date: LocalDate): Weekday {
  return WEEKDAYS[(weekdayOf(date) + 6) % 7]!
}

/**
 * The dates the rule gives, from the task's start date, including cancelled ones (COUNT counts them,
 * as in RFC 5545). A weekly rule always includes the start's weekday, so the first occurrence is the
 * start (RFC 5545 leaves a DTSTART outside its rule undefined; we never write one).
 */
export function ruleDates(start: LocalDate, recurrence: TaskRecurrence, cap: number = MAX_OCCURRENCES): LocalDate[] {
  const dates: LocalDate[] = []
  const limit = Math.min(recurrence.count ?? cap, cap)
  const until = recurrence.until
  const interval = Math.max(1, Math.trunc(recurrence.interval) || 1)
  const fits = (date: LocalDate) => until === null || date <= until
  if (recurrence.frequency === 'daily') {
    for (let date = start; dates.length < limit && fits(date); date = addDays(date, interval)) dates.push(date)
    return dates
  }
  const days = weeklyDays(start, recurrence.weekdays)
  const monday = addDays(start, -((weekdayOf(start) + 6) % 7))
  for (let week = 0; dates.length < limit; week += interval) {
    for (const day of days) {
      const date = addDays(monday, week * 7 + day)
      if (date < start) continue
      if (!fits(date) || dates.length >= limit) return dates
      dates.push(date)
    }
  }
  return dates
}

/** Day offsets from Monday (0…6), sorted, always with the start's own weekday. */
function weeklyDays(start: LocalDate, weekdays: readonly Weekday[]): number[] {
  const days = new Set(weekdays.map((code) => WEEKDAYS.indexOf(code)).filter((i) => i >= 0))
  days.add((weekdayOf(start) + 6) % 7)
  return [...days].sort((a, b) => a - b)
}

/**
 * Every occurrence of the task (a single task gives itself), with moved occurrences at their new
 * dates and cancelled ones left out, sorted by start. With a range, only the occurrences touching a
 * day of [from, toExclusive).
 */
export function expandTask(task: Task, from?: LocalDate, toExclusive?: LocalDate): TaskOccurrence[] {
  const touches = (start: string, end: string, allDay: boolean) =>
    from === undefined || toExclusive === undefined
      || (datePart(start) < toExclusive && lastDay({ start, end, allDay }) >= from)
  if (!isRecurring(task)) {
    return touches(task.start, task.end, task.allDay)
      ? [{ task, occurrenceDate: datePart(task.start), start: task.start, end: task.end, moved: false, recurring: false }]
      : []
  }
  const startDate = datePart(task.start)
  const occurrences: TaskOccurrence[] = []
  for (const date of ruleDates(startDate, task.recurrence)) {
    const exception = task.recurrence.exceptions[date]
    if (exception?.type === 'cancelled') continue
    const bounds = exception?.type === 'moved'
      ? { start: exception.start, end: exception.end }
      : shiftBounds(task, diffDays(startDate, date))
    if (!touches(bounds.start, bounds.end, task.allDay)) continue
    occurrences.push({ task, occurrenceDate: date, ...bounds, moved: exception?.type === 'moved', recurring: true })
  }
  if (Object.values(task.recurrence.exceptions).some((e) => e.type === 'moved')) {
    occurrences.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
  }
  return occurrences
}

function shiftBounds(task: Pick<Task, 'start' | 'end'>, days: number): { start: string; end: string } {
  return days === 0 ? { start: task.start, end: task.end } : { start: shiftByDays(task.start, days), end: shiftByDays(task.end, days) }
}

/** The first and last calendar day any occurrence of the task touches (the task's own days when single). */
export function occurrenceSpan(task: Task): { first: LocalDate; last: LocalDate } {
  if (!isRecurring(task)) return { first: datePart(task.start), last: lastDay(task) }
  const occurrences = expandTask(task)
  if (occurrences.length === 0) return { first: datePart(task.start), last: lastDay(task) }
  let first = datePart(occurrences[0]!.start)
  let last = lastDay({ ...occurrences[0]!, allDay: task.allDay })
  for (const o of occurrences) {
    const day = datePart(o.start)
    const end = lastDay({ start: o.start, end: o.end, allDay: task.allDay })
    if (day < first) first = day
    if (end > last) last = end
  }
  return { first, last }
}

/** The rule moved by whole days with its task (re-planning, a drag of the whole series). */
export function shiftRecurrence(recurrence: TaskRecurrence, days: number): TaskRecurrence {
  if (days === 0) return recurrence
  const exceptions: TaskRecurrence['exceptions'] = {}
  for (const [date, exception] of Object.entries(recurrence.exceptions)) {
    exceptions[addDays(date, days)] = exception.type === 'moved'
      ? { type: 'moved', start: shiftByDays(exception.start, days), end: shiftByDays(exception.end, days) }
      : exception
  }
  // A weekly rule keeps its shape: "Mondays and Thursdays" moved by a day becomes "Tuesdays and Fridays".
  const turn = ((days % 7) + 7) % 7
  const weekdays = turn === 0 ? recurrence.weekdays : recurrence.weekdays.map((code) => WEEKDAYS[(WEEKDAYS.indexOf(code) + turn) % 7]!)
  return { ...recurrence, weekdays, until: recurrence.until === null ? null : addDays(recurrence.until, days), exceptions }
}

/**
 * Keeps only exceptions that still name an occurrence of the rule (after the user changed the start
 * or the rule, an exception for a date the series no longer has would be a ghost).
 */
export function pruneExceptions(start: LocalDate, recurrence: TaskRecurrence): TaskRecurrence {
  const keys = Object.keys(recurrence.exceptions)
  if (keys.length === 0) return recurrence
  const dates = new Set(ruleDates(start, recurrence))
  const exceptions: TaskRecurrence['exceptions'] = {}
  for (const key of keys) if (dates.has(key)) exceptions[key] = recurrence.exceptions[key]!
  return keys.length === Object.keys(exceptions).length ? recurrence : { ...recurrence, exceptions }
}

export type RecurrenceError = 'noEnd' | 'untilBeforeStart' | 'invalidInterval' | 'invalidCount' | 'tooManyOccurrences'

/** What is wrong with a rule for a task starting on `start`, or null. */
export function validateRecurrence(start: LocalDate, recurrence: TaskRecurrence): RecurrenceError | null {
  if (!Number.isInteger(recurrence.interval) || recurrence.interval < 1 || recurrence.interval > MAX_RECURRENCE_INTERVAL) return 'invalidInterval'
  if (recurrence.until === null && recurrence.count === null) return 'noEnd'
  if (recurrence.count !== null && (!Number.isInteger(recurrence.count) || recurrence.count < 1)) return 'invalidCount'
  if (recurrence.count !== null && recurrence.count > MAX_OCCURRENCES) return 'tooManyOccurrences'
  if (recurrence.until !== null) {
    if (recurrence.until < start) return 'untilBeforeStart'
    if (ruleDates(start, recurrence, MAX_OCCURRENCES + 1).length > MAX_OCCURRENCES) return 'tooManyOccurrences'
  }
  return null
}

/** `taskId@2021-05-13`: the id of one occurrence (calendar events, check links). */
export function occurrenceKey(taskId: string, occurrenceDate: LocalDate): string {
  return `${taskId}@${occurrenceDate}`
}

export function parseOccurrenceKey(key: string): { taskId: string; occurrenceDate: LocalDate | null } {
  const at = key.lastIndexOf('@')
  if (at < 0 || !/^\d{4}-\d{2}-\d{2}$/.test(key.slice(at + 1))) return { taskId: key, occurrenceDate: null }
  return { taskId: key.slice(0, at), occurrenceDate: key.slice(at + 1) }
}

/** A new daily or weekly rule ending on `until` (the editor's starting point). */
export function defaultRecurrence(start: LocalDate, frequency: TaskRecurrence['frequency'] = 'daily'): TaskRecurrence {
  return {
    frequency,
    interval: 1,
    weekdays: frequency === 'weekly' ? [weekdayCode(start)] : [],
    until: addDays(start, frequency === 'daily' ? 9 : 28),
    count: null,
    exceptions: {},
  }
}
