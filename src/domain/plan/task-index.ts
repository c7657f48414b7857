/**
 * An index of tasks by calendar month, so a view asks for the tasks of its visible range instead of
 * handing all of them (10,000 in the benchmark) to FullCalendar. A task is listed under every month
 * it touches (a recurring task every month of its series); a range query visits only the months of
 * the range and removes duplicates. Callers expand a series into the range's occurrences.
 */
import { datePart } from '@/domain/dates/local-date'
import { lastDay } from '@/domain/plan/task-dates'
import { expandTask, isRecurring, occurrenceSpan, type TaskOccurrence } from '@/domain/plan/recurrence'
import type { LocalDate, Task } from '@/domain/types'

/** A task with the days it touches, worked out once when the index is built. */
interface IndexedTask {
  task: Task
  first: LocalDate
  last: LocalDate
  /** Listed under more than one month: a range query must not return it twice. */
  spansMonths: boolean
}

export interface TaskIndex {
  byMonth: Map<string, IndexedTask[]>
  size: number
}

export function buildTaskIndex(tasks: Iterable<Task>): TaskIndex {
  const byMonth = new Map<string, IndexedTask[]>()
  const add = (month: string, entry: IndexedTask) => {
    const bucket = byMonth.get(month)
    if (bucket) bucket.push(entry)
    else byMonth.set(month, [entry])
  }
  let size = 0
  for (const task of tasks) {
    size += 1
    const { first, last } = daySpan(task)
    const firstMonth = first.slice(0, 7)
    // Most tasks last days, not months: one bucket, no list of months to build.
    const spansMonths = firstMonth !== last.slice(0, 7)
    const entry: IndexedTask = { task, first, last, spansMonths }
    if (!spansMonths) add(firstMonth, entry)
    else for (const month of monthsBetween(first, last)) add(month, entry)
  }
  return { byMonth, size }
}

/**
 * The index of a plan's task record, built once per record: the record is immutable in the store, so
 * the calendar and the list (and a switch between them) share one index instead of each building it.
 */
const indexes = new WeakMap<Record<string, Task>, TaskIndex>()
export function taskIndexOf(tasks: Record<string, Task>): TaskIndex {
  let index = indexes.get(tasks)
  if (!index) indexes.set(tasks, (index = buildTaskIndex(Object.values(tasks))))
  return index
}

/** The index's entries touching any day in [from, toExclusive), each once. */
function entriesTouching(index: TaskIndex, from: LocalDate, toExclusive: LocalDate): IndexedTask[] {
  const result: IndexedTask[] = []
  const seen = new Set<IndexedTask>()
  for (const month of monthsBetween(from, toExclusive)) {
    for (const entry of index.byMonth.get(month) ?? []) {
      if (entry.first >= toExclusive || entry.last < from) continue
      if (entry.spansMonths) {
        if (seen.has(entry)) continue
        seen.add(entry)
      }
      result.push(entry)
    }
  }
  return result
}

/** Tasks touching any day in [from, toExclusive). */
export function queryTaskIndex(index: TaskIndex, from: LocalDate, toExclusive: LocalDate): Task[] {
  return entriesTouching(index, from, toExclusive).map((entry) => entry.task)
}

/** The occurrences touching [from, toExclusive): single tasks as themselves, series expanded. */
export function queryOccurrences(index: TaskIndex, from: LocalDate, toExclusive: LocalDate, keep?: (task: Task) => boolean): TaskOccurrence[] {
  const occurrences: TaskOccurrence[] = []
  for (const { task, first } of entriesTouching(index, from, toExclusive)) {
    if (keep && !keep(task)) continue
    if (!isRecurring(task)) {
      // What expandTask gives a single task, without working out its days again (the index did).
      occurrences.push({ task, occurrenceDate: first, start: task.start, end: task.end, moved: false, recurring: false })
      continue
    }
    for (const occurrence of expandTask(task, from, toExclusive)) occurrences.push(occurrence)
  }
  return occurrences
}

/**
 * The first and last day of every occurrence touching [from, toExclusive), handed to `visit`: what a
 * count by day needs (a phone's month, day-marks.ts), without making occurrence objects or working out
 * a single task's days again (the index did).
 */
export function forEachOccurrenceSpan(
  index: TaskIndex, from: LocalDate, toExclusive: LocalDate, keep: ((task: Task) => boolean) | undefined,
  visit: (task: Task, first: LocalDate, last: LocalDate) => void,
): void {
  for (const { task, first, last } of entriesTouching(index, from, toExclusive)) {
    if (keep && !keep(task)) continue
    if (!isRecurring(task)) {
      visit(task, first, last)
      continue
    }
    for (const occurrence of expandTask(task, from, toExclusive)) {
      visit(task, datePart(occurrence.start), lastDay({ start: occurrence.start, end: occurrence.end, allDay: task.allDay }))
    }
  }
}

/** The days a task touches: a series' from its first to its last occurrence (cached: tasks are immutable). */
const seriesSpans = new WeakMap<Task, { first: LocalDate; last: LocalDate }>()
function daySpan(task: Task): { first: LocalDate; last: LocalDate } {
  if (!isRecurring(task)) return { first: datePart(task.start), last: lastDay(task) }
  let span = seriesSpans.get(task)
  if (!span) seriesSpans.set(task, (span = occurrenceSpan(task)))
  return span
}

/** `YYYY-MM` keys from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: LocalDate, to: LocalDate): string[] {
  const months: string[] = []
  let year = Number(from.slice(0, 4))
  let month = Number(from.slice(5, 7))
  const endKey = to.slice(0, 7)
  // Bounded: a malformed range cannot loop forever.
  for (let i = 0; i < 1200; i += 1) {
    const key = `${year}-${String(month).padStart(2, '0')}`
    months.push(key)
    if (key >= endKey) break
    month += 1
    if (month > 12) { month = 1; year += 1 }
  }
  return months
}
