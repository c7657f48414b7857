/**
 * The rows behind every figure of the progress dashboard and report: one item per occurrence (a
 * single task is one occurrence; a daily series of 10 days is 10), each with where it stood "as of"
 * the day the figures are for. Every figure counts these items, and `selectProgressItems` gives back
 * the items behind a figure, so a bar and the list it opens can never disagree.
 *
 * What "done", "late" and "as of" mean is decided once, in domain/plan/task-progress.ts (shared with
 * the filter and the timeline); the phase of an occurrence once, in domain/plan/task-phase.ts.
 */
import { addDays, datePart } from '@/domain/dates/local-date'
import type { TaskPredicate } from '@/domain/filter/task-filter'
import { isRecurring } from '@/domain/plan/recurrence'
import { lastDay } from '@/domain/plan/task-dates'
import { createPhaseLookup, type PhaseLookup } from '@/domain/plan/task-phase'
import { doneDayOf, isLateAsOf, occurrenceLastDay, statusAsOf, taskOccurrences } from '@/domain/plan/task-progress'
import { TASK_STATUSES, type LocalDate, type Phase, type Plan, type Task, type TaskStatus } from '@/domain/types'

/** "Due soon": open work whose last day is within this many days from the as-of day, that day included. */
export const DUE_SOON_DAYS = 7

export interface ProgressItem {
  task: Task
  /** The date the rule gives this occurrence of a series (its key); null for a single task. */
  occurrenceDate: LocalDate | null
  /** The occurrence's own bounds (a moved occurrence's new ones), in the task's form. */
  start: string
  end: string
  firstDay: LocalDate
  lastDay: LocalDate
  /** Its status as it stood on the as-of day. */
  status: TaskStatus
  /** Last day before the as-of day, and neither done (by then) nor cancelled. */
  late: boolean
  /** Open (not done by then, not cancelled) and due from the as-of day to DUE_SOON_DAYS later. */
  dueSoon: boolean
  /** The day it counts done from, when its task is done (may be after the as-of day); else null. */
  doneDay: LocalDate | null
  /** The phase it belongs to by the one phase rule, or null when outside every phase. */
  phaseId: string | null
}

/**
 * The items of the plan's tasks that `keep` keeps (null keeps all: the app's filter, compiled with
 * `today` = the as-of day so that its "late" agrees with these figures), every occurrence of a series
 * included, cancelled ones of a series left out (they are not work), sorted by first day.
 */
export function buildProgressItems(plan: Plan, keep: TaskPredicate | null, asOf: LocalDate): ProgressItem[] {
  const phaseOf = createPhaseLookup(plan.phases)
  const dueBefore = addDays(asOf, DUE_SOON_DAYS)
  const days = dayMemoOf(phaseOf)
  const items: ProgressItem[] = []
  for (const task of Object.values(plan.tasks)) {
    if (keep && !keep(task)) continue
    pushTaskItems(items, task, plan.phases, phaseOf, days, asOf, dueBefore)
  }
  return sortedByFirstDay(items)
}

/**
 * The items by first day, in their order within a day (what a stable sort gives), by buckets: 10,000
 * items fall on a few hundred days, so sorting the days instead of the items saves most of the work.
 */
function sortedByFirstDay(items: ProgressItem[]): ProgressItem[] {
  const byDay = new Map<LocalDate, ProgressItem[]>()
  for (const item of items) {
    const bucket = byDay.get(item.firstDay)
    if (bucket) bucket.push(item)
    else byDay.set(item.firstDay, [item])
  }
  const days = [...byDay.keys()].sort()
  const sorted: ProgressItem[] = []
  for (const day of days) for (const item of byDay.get(day)!) sorted.push(item)
  return sorted
}

/**
 * The items of one task as of a day (unsorted): what the filter's "tasks behind a figure" facet
 * (domain/filter/progress-drill.ts) asks of each task, by the same code as the figures.
 */
export function progressItemsOfTask(task: Task, phases: readonly Phase[], phaseOf: PhaseLookup<Phase>, asOf: LocalDate): ProgressItem[] {
  const items: ProgressItem[] = []
  pushTaskItems(items, task, phases, phaseOf, dayMemoOf(phaseOf), asOf, addDays(asOf, DUE_SOON_DAYS))
  return items
}

/** NOTE: mutates `items`. */
function pushTaskItems(items: ProgressItem[], task: Task, phases: readonly Phase[], phaseOf: PhaseLookup<Phase>, days: DayMemo, asOf: LocalDate, dueBefore: LocalDate): void {
  // Most tasks are single: their one item is the task itself, without expanding a recurrence.
  if (!isRecurring(task)) {
    const firstDay = datePart(task.start)
    const last = singleLastDay(task, days)
    pushItem(items, task, null, task.start, task.end, firstDay, last, singlePhaseId(task, firstDay, last, phaseOf, days), asOf, dueBefore)
    return
  }
  for (const span of seriesSpans(task, phases, phaseOf)) {
    pushItem(items, task, span.occurrenceDate, span.start, span.end, span.firstDay, span.lastDay, span.phaseId, asOf, dueBefore)
  }
}

/** NOTE: mutates `items`. */
function pushItem(
  items: ProgressItem[], task: Task, occurrenceDate: LocalDate | null, start: string, end: string,
  firstDay: LocalDate, lastDay: LocalDate, phaseId: string | null, asOf: LocalDate, dueBefore: LocalDate,
): void {
  const doneDay = task.status === 'done' ? doneDayOf(task, lastDay) : null
  const status = statusAsOf(task, firstDay, doneDay, asOf)
  const open = status !== 'done' && status !== 'cancelled'
  // Fields written out rather than spread: one object shape for all 10,000 items keeps this fast.
  items.push({
    task,
    occurrenceDate,
    start,
    end,
    firstDay,
    lastDay,
    phaseId,
    status,
    late: isLateAsOf(status, lastDay, asOf),
    dueSoon: open && lastDay >= asOf && lastDay < dueBefore,
    doneDay,
  })
}

/** What an item of a series is whatever the as-of day: its occurrence's days and phase. */
type OccurrenceDays = Pick<ProgressItem, 'occurrenceDate' | 'start' | 'end' | 'firstDay' | 'lastDay' | 'phaseId'>

/**
 * A series' occurrences, kept per task object (immutable in the store) and per phase list, so moving
 * the as-of day or changing the filter does not expand it again. Single tasks are not kept: their
 * days come from the day memo below, and 10,000 cache entries cost the dashboard's cold opening
 * more than they saved (issue 12).
 */
const seriesCache = new WeakMap<Task, { phases: readonly Phase[]; spans: OccurrenceDays[] }>()
function seriesSpans(task: Task, phases: readonly Phase[], phaseOf: PhaseLookup<Phase>): OccurrenceDays[] {
  const cached = seriesCache.get(task)
  if (cached && cached.phases === phases) return cached.spans
  const spans = taskOccurrences(task).map((occurrence): OccurrenceDays => ({
    occurrenceDate: occurrence.recurring ? occurrence.occurrenceDate : null,
    start: occurrence.start,
    end: occurrence.end,
    firstDay: datePart(occurrence.start),
    lastDay: occurrenceLastDay(occurrence),
    phaseId: phaseOf({ start: occurrence.start, end: occurrence.end, allDay: task.allDay })?.id ?? null,
  }))
  seriesCache.set(task, { phases, spans })
  return spans
}

/** A single task's last day (an all-day one's from the memo). */
function singleLastDay(task: Task, days: DayMemo): LocalDate {
  if (!task.allDay) return lastDay(task)
  let last = days.lastDayByEnd.get(task.end)
  if (last === undefined) days.lastDayByEnd.set(task.end, (last = lastDay(task)))
  return last
}

/** A single task's phase id (null: outside every phase), from the memo by its first and last days. */
function singlePhaseId(task: Task, firstDay: LocalDate, last: LocalDate, phaseOf: PhaseLookup<Phase>, days: DayMemo): string | null {
  let phaseByLastDay = days.phaseByDays.get(firstDay)
  if (!phaseByLastDay) days.phaseByDays.set(firstDay, (phaseByLastDay = new Map()))
  let phaseId = phaseByLastDay.get(last)
  if (phaseId === undefined) phaseByLastDay.set(last, (phaseId = phaseOf(task)?.id ?? null))
  return phaseId
}

/**
 * Date arithmetic already done for single tasks, per phase lookup (one per build of the items, one per
 * compiled drill filter): 10,000 tasks start and end on a few hundred days, and on a cold page (the
 * dashboard's opening) a look-up costs a fraction of working a day out again (issue 12). The phase
 * rule (task-phase.ts) reads only an occurrence's first and last days, so they key its answer.
 */
interface DayMemo {
  /** An all-day task's last day by its (exclusive) end. */
  lastDayByEnd: Map<string, LocalDate>
  /** The phase id (null: outside every phase) by first day, then last day. */
  phaseByDays: Map<LocalDate, Map<LocalDate, string | null>>
}
const dayMemos = new WeakMap<PhaseLookup<Phase>, DayMemo>()
function dayMemoOf(phaseOf: PhaseLookup<Phase>): DayMemo {
  let memo = dayMemos.get(phaseOf)
  if (!memo) dayMemos.set(phaseOf, (memo = { lastDayByEnd: new Map(), phaseByDays: new Map() }))
  return memo
}

/** Counts of a set of items: by status (as of the day), late and due soon. */
export interface StatusTally {
  total: number
  byStatus: Record<TaskStatus, number>
  late: number
  /**
   * Of the late items, those in progress as of the day (the others were not started: late work is
   * never done or cancelled). With it a stacked bar splits late work out of both statuses without
   * another pass over the items.
   */
  lateInProgress: number
  dueSoon: number
}

export function emptyTally(): StatusTally {
  return { total: 0, byStatus: { planned: 0, 'in-progress': 0, done: 0, cancelled: 0 }, late: 0, lateInProgress: 0, dueSoon: 0 }
}

/** Adds one item to a tally. NOTE: mutates `tally`. */
export function addToTally(tally: StatusTally, item: ProgressItem): void {
  tally.total += 1
  tally.byStatus[item.status] += 1
  if (item.late) {
    tally.late += 1
    if (item.status === 'in-progress') tally.lateInProgress += 1
  }
  if (item.dueSoon) tally.dueSoon += 1
}

export function tallyItems(items: Iterable<ProgressItem>): StatusTally {
  const tally = emptyTally()
  for (const item of items) addToTally(tally, item)
  return tally
}

/**
 * Whole percentages of the total by status that add up to exactly 100 (largest remainder), so the
 * dashboard and the report print the same four numbers; all zero when there is nothing.
 */
export function statusPercentages(tally: StatusTally): Record<TaskStatus, number> {
  const percent = { planned: 0, 'in-progress': 0, done: 0, cancelled: 0 } satisfies Record<TaskStatus, number>
  if (tally.total === 0) return percent
  const exact = TASK_STATUSES.map((status) => ({ status, value: (tally.byStatus[status] * 100) / tally.total }))
  let left = 100
  for (const { status, value } of exact) {
    percent[status] = Math.floor(value)
    left -= percent[status]
  }
  // Ties go to the status listed first (TASK_STATUSES order), so the result never depends on sort stability.
  const byRemainder = [...exact].sort((a, b) => (b.value - Math.floor(b.value)) - (a.value - Math.floor(a.value)) || TASK_STATUSES.indexOf(a.status) - TASK_STATUSES.indexOf(b.status))
  for (let i = 0; i < left; i += 1) percent[byRemainder[i]!.status] += 1
  return percent
}

/**
 * What a figure, bar or row stands for, to open the items behind it. Every field given must match
 * (AND); a group key of null means "none" (no lead unit, no channel, outside every phase).
 */
export interface ProgressSelection {
  status?: TaskStatus
  late?: boolean
  dueSoon?: boolean
  leadUnitId?: string | null
  channelId?: string | null
  phaseId?: string | null
  /** Conferences and trainings (tasks with training details). */
  training?: boolean
  /** Open items (neither done by then nor cancelled) whose last day is on or after `dueFrom`… */
  dueFrom?: LocalDate
  /** …and on or before `dueBy`: the work due before a milestone. */
  dueBy?: LocalDate
}

export function matchesSelection(item: ProgressItem, selection: ProgressSelection): boolean {
  if (selection.status !== undefined && item.status !== selection.status) return false
  if (selection.late !== undefined && item.late !== selection.late) return false
  if (selection.dueSoon !== undefined && item.dueSoon !== selection.dueSoon) return false
  if (selection.leadUnitId !== undefined && item.task.leadUnitId !== selection.leadUnitId) return false
  if (selection.channelId !== undefined && item.task.channelId !== selection.channelId) return false
  if (selection.phaseId !== undefined && item.phaseId !== selection.phaseId) return false
  if (selection.training !== undefined && (item.task.training !== null) !== selection.training) return false
  if (selection.dueFrom !== undefined || selection.dueBy !== undefined) {
    if (item.status === 'done' || item.status === 'cancelled') return false
    if (selection.dueFrom !== undefined && item.lastDay < selection.dueFrom) return false
    if (selection.dueBy !== undefined && item.lastDay > selection.dueBy) return false
  }
  return true
}

/** The items behind a figure. */
export function selectProgressItems(items: readonly ProgressItem[], selection: ProgressSelection): ProgressItem[] {
  return items.filter((item) => matchesSelection(item, selection))
}

/** The distinct tasks of some items, in the items' order (a series once, however many occurrences). */
export function taskIdsOf(items: Iterable<ProgressItem>): string[] {
  const ids = new Set<string>()
  for (const item of items) ids.add(item.task.id)
  return [...ids]
}
