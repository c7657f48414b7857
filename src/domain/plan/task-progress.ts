/**
 * Where a task stands against the calendar: late, due, done as of a day. One definition for the
 * filter's "late", the timeline's per-row counts and the progress dashboard, so their numbers agree:
 * `isTaskLate` is "one of its occurrences is late today", by `isOccurrenceLate`.
 *
 * Status is kept per task, also for a series; the as-of rules below say what it means for each day
 * and each occurrence:
 * - A task counts as done only from the day it was done (`doneOn`): reviewed "as of" 30/04, work done
 *   on 5/05 was not done yet. A done task saved without that day counts from the day its work ended.
 * - A series marked done on day X: each occurrence ending on or before X counts done from its own
 *   last day (it was held; the series was signed off afterwards), each one after X from X (the series
 *   was closed early: none of its occurrences is outstanding any more).
 * - Done but not yet as of the day: in progress if it had begun, else planned. Cancelled stays cancelled
 *   (the plan keeps no day for it). Planned and in progress are taken as they stand.
 */
import { datePart, minDate } from '@/domain/dates/local-date'
import { lastDay } from '@/domain/plan/task-dates'
import { expandTask, isRecurring, occurrenceSpan, type TaskOccurrence } from '@/domain/plan/recurrence'
import type { LocalDate, Task, TaskStatus } from '@/domain/types'

/** Work that is finished one way or another: never late. */
export function isClosed(task: Pick<Task, 'status'>): boolean {
  return task.status === 'done' || task.status === 'cancelled'
}

/** The last day the task (a series: its last occurrence) touches. */
export function taskLastDay(task: Task): LocalDate {
  return task.recurrence ? occurrenceSpan(task).last : lastDay(task)
}

/** The first day the task (a series: its first occurrence) touches. */
export function taskFirstDay(task: Task): LocalDate {
  return task.recurrence ? occurrenceSpan(task).first : datePart(task.start)
}

/** The bounds of one occurrence (or of a single task) and the task it belongs to. */
export type OccurrenceLike = Pick<TaskOccurrence, 'task' | 'start' | 'end'>

/** The last calendar day an occurrence touches (inclusive). */
export function occurrenceLastDay(occurrence: OccurrenceLike): LocalDate {
  return lastDay({ start: occurrence.start, end: occurrence.end, allDay: occurrence.task.allDay })
}

/**
 * The day from which the occurrence counts as done (see the module comment), or null when its task
 * is not done.
 */
export function occurrenceDoneDay(occurrence: OccurrenceLike): LocalDate | null {
  return occurrence.task.status === 'done' ? doneDayOf(occurrence.task, occurrenceLastDay(occurrence)) : null
}

/** The occurrence's status as it stood on `asOf` (see the module comment). */
export function occurrenceStatusAsOf(occurrence: OccurrenceLike, asOf: LocalDate): TaskStatus {
  const { task } = occurrence
  if (task.status !== 'done') return task.status
  return statusAsOf(task, datePart(occurrence.start), doneDayOf(task, occurrenceLastDay(occurrence)), asOf)
}

/** Late on `asOf`: its last day is before `asOf` and, on `asOf`, it was neither done nor cancelled. */
export function isOccurrenceLate(occurrence: OccurrenceLike, asOf: LocalDate): boolean {
  const { task } = occurrence
  if (task.status === 'cancelled') return false
  const last = occurrenceLastDay(occurrence)
  if (last >= asOf) return false
  return isLateAsOf(statusAsOf(task, datePart(occurrence.start), task.status === 'done' ? doneDayOf(task, last) : null, asOf), last, asOf)
}

// The three rules, on days already worked out: the progress figures call these directly for their
// thousands of occurrences, so each occurrence's last day is computed once.

/** The day a done task's occurrence ending on `lastDay` counts done from. */
export function doneDayOf(task: Pick<Task, 'doneOn' | 'recurrence'>, lastDay: LocalDate): LocalDate {
  if (task.doneOn === null || task.doneOn === undefined) return lastDay
  return isRecurring(task) ? minDate(lastDay, task.doneOn) : task.doneOn
}

/** The status on `asOf` of an occurrence starting on `firstDay`; `doneDay` is read only when the task is done. */
export function statusAsOf(task: Pick<Task, 'status'>, firstDay: LocalDate, doneDay: LocalDate | null, asOf: LocalDate): TaskStatus {
  if (task.status !== 'done') return task.status
  if (doneDay !== null && doneDay <= asOf) return 'done'
  return firstDay <= asOf ? 'in-progress' : 'planned'
}

/** Late: ending before `asOf` with a status on `asOf` that is neither done nor cancelled. */
export function isLateAsOf(status: TaskStatus, lastDay: LocalDate, asOf: LocalDate): boolean {
  return status !== 'done' && status !== 'cancelled' && lastDay < asOf
}

/**
 * Every occurrence of the task (a single task: itself), expanded once per task object (tasks are
 * immutable in the store, so the filter, the timeline and the dashboard share one expansion).
 */
const expanded = new WeakMap<Task, TaskOccurrence[]>()
export function taskOccurrences(task: Task): TaskOccurrence[] {
  let occurrences = expanded.get(task)
  if (!occurrences) expanded.set(task, (occurrences = expandTask(task)))
  return occurrences
}

/**
 * Late on `today`: one of its occurrences is (a single task: itself). A series still running is late
 * as soon as one of its past occurrences is, since its status covers them all.
 */
export function isTaskLate(task: Task, today: LocalDate): boolean {
  if (task.status === 'cancelled') return false
  if (!isRecurring(task)) return isOccurrenceLate({ task, start: task.start, end: task.end }, today)
  return taskOccurrences(task).some((o) => isOccurrenceLate(o, today))
}
