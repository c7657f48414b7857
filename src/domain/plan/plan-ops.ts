/**
 * Plan operations: pure functions from a plan to a new plan. Each stamps `updatedAt` on what it
 * touches (the per-record clock a merge or a later sync engine uses) and never mutates its input.
 */
import { reanchor, reanchorEnd } from '@/domain/plan/anchors'
import { newId } from '@/domain/plan/ids'
import { endForLength, taskLength } from '@/domain/plan/task-dates'
import { shiftRecurrence } from '@/domain/plan/recurrence'
import { datePart, diffDays, isValidLocalDate, shiftByDays, todayIn } from '@/domain/dates/local-date'
import type { Channel, DocumentDetails, EpochMs, LocalDate, Plan, Task, Unit } from '@/domain/types'

export type TaskDraft = Omit<Task, 'id' | 'createdAt' | 'updatedAt'>

export function emptyTaskDraft(start: string, end: string, allDay: boolean): TaskDraft {
  return {
    title: '', allDay, start, end, anchor: { type: 'fixed' }, endAnchor: null,
    channelId: null, leadUnitId: null, supportUnitIds: [], location: '', quantity: '',
    status: 'planned', doneOn: null, description: '', training: null, recurrence: null, level: null, source: null, campaigning: false, derivedFromTaskId: null,
  }
}

export function addTask(plan: Plan, draft: TaskDraft, now: EpochMs, id: string = newId('task')): Plan {
  const task: Task = { ...draft, doneOn: doneOnFor(plan, null, draft, now), id, createdAt: now, updatedAt: now }
  const { [id]: _tombstone, ...deletedTasks } = plan.deletedTasks
  return { ...plan, tasks: { ...plan.tasks, [id]: task }, deletedTasks, updatedAt: now }
}

export function updateTask(plan: Plan, id: string, changes: Partial<TaskDraft>, now: EpochMs): Plan {
  const task = plan.tasks[id]
  if (!task) return plan
  const updated = { ...task, ...changes }
  if ('status' in changes || 'doneOn' in changes) updated.doneOn = doneOnFor(plan, task, changes, now)
  return { ...plan, tasks: { ...plan.tasks, [id]: { ...updated, updatedAt: now } }, updatedAt: now }
}

/**
 * The "done on" day after a create or an edit, so the burn-up stays truthful: kept only while the
 * task is done (a task reopened forgets it); a day given by the edit wins; a task that becomes done
 * without one was done today (the plan's today, from `now`); a task that stays done keeps its day
 * unless the edit clears it (null: the user does not know the day).
 */
function doneOnFor(plan: Plan, before: Task | null, changes: Partial<TaskDraft>, now: EpochMs): LocalDate | null {
  const status = changes.status ?? before?.status ?? 'planned'
  if (status !== 'done') return null
  const given = changes.doneOn
  if (given !== undefined && given !== null && isValidLocalDate(given)) return given
  const wasDone = before?.status === 'done'
  if (wasDone && given === null) return null
  if (wasDone) return before.doneOn
  return todayOf(plan, now)
}

/** The plan's calendar day at `now`; Vietnam's when the plan's zone is not one this browser knows. */
function todayOf(plan: Plan, now: EpochMs): LocalDate {
  try {
    return todayIn(plan.timeZone, new Date(now))
  } catch {
    return todayIn('Asia/Ho_Chi_Minh', new Date(now))
  }
}

export function deleteTask(plan: Plan, id: string, now: EpochMs): Plan {
  if (!plan.tasks[id]) return plan
  const { [id]: _removed, ...tasks } = plan.tasks
  return { ...plan, tasks, deletedTasks: { ...plan.deletedTasks, [id]: now }, updatedAt: now }
}

/**
 * A drag or resize on the calendar. All-day stays all-day (unless the calendar turned it into a
 * timed event by dropping it on the time grid), a timed task moved without a new end keeps its
 * length, and an anchored task keeps its anchor with the new offset.
 */
export function moveTask(
  plan: Plan,
  id: string,
  move: { start: string; end: string | null; allDay: boolean },
  now: EpochMs,
): Plan {
  const task = plan.tasks[id]
  if (!task) return plan
  const lengthKept = move.allDay === task.allDay ? taskLength(task) : move.allDay ? 1 : 60
  const end = move.end ?? endForLength(move.start, move.allDay, lengthKept)
  // A series moved whole keeps its shape: its end date and exceptions move with its start. A series
  // cannot change between all-day and timed by a drag (its exceptions hold bounds of one kind).
  if (task.recurrence && move.allDay !== task.allDay) return plan
  const recurrence = task.recurrence && shiftRecurrence(task.recurrence, diffDays(datePart(task.start), datePart(move.start)))
  return updateTask(plan, id, {
    start: move.start,
    end,
    allDay: move.allDay,
    anchor: reanchor(task.anchor, move.start, plan.election),
    // A drag that moves the end moves its anchor's offset too, as for the start. An all-day end is
    // exclusive and a timed one is not: a change of kind drops the end anchor rather than guess.
    endAnchor: move.allDay === task.allDay ? reanchorEnd(task.endAnchor, end, plan.election) : null,
    recurrence,
  }, now)
}

/**
 * One occurrence of a series moved on its own (a drag on the calendar): an exception keyed by the
 * date the rule gives it. Moving it back onto that date removes the exception.
 */
export function moveOccurrence(
  plan: Plan,
  id: string,
  occurrenceDate: LocalDate,
  move: { start: string; end: string | null; allDay: boolean },
  now: EpochMs,
): Plan {
  const task = plan.tasks[id]
  if (!task?.recurrence || move.allDay !== task.allDay) return plan
  const end = move.end ?? endForLength(move.start, task.allDay, taskLength(task))
  const ruleStart = shiftByDays(task.start, diffDays(datePart(task.start), occurrenceDate))
  const { [occurrenceDate]: _old, ...exceptions } = task.recurrence.exceptions
  if (move.start !== ruleStart || end !== endForLength(ruleStart, task.allDay, taskLength(task))) {
    exceptions[occurrenceDate] = { type: 'moved', start: move.start, end }
  }
  return updateTask(plan, id, { recurrence: { ...task.recurrence, exceptions } }, now)
}

/** One occurrence of a series cancelled (left out of the calendar and every export), or brought back. */
export function setOccurrenceCancelled(plan: Plan, id: string, occurrenceDate: LocalDate, cancelled: boolean, now: EpochMs): Plan {
  const task = plan.tasks[id]
  if (!task?.recurrence) return plan
  const { [occurrenceDate]: _old, ...exceptions } = task.recurrence.exceptions
  if (cancelled) exceptions[occurrenceDate] = { type: 'cancelled' }
  return updateTask(plan, id, { recurrence: { ...task.recurrence, exceptions } }, now)
}

export function duplicateTask(plan: Plan, id: string, now: EpochMs): Plan {
  const task = plan.tasks[id]
  if (!task) return plan
  const { id: _id, createdAt: _c, updatedAt: _u, ...draft } = task
  return addTask(plan, { ...draft, source: null }, now)
}

// ── Units ─────────────────────────────────────────────────────────────────────────────────────────

export function addUnit(plan: Plan, name: string, now: EpochMs, id: string = newId('unit')): Plan {
  return { ...plan, units: [...plan.units, { id, name: name.trim(), updatedAt: now }], updatedAt: now }
}

export function renameUnit(plan: Plan, id: string, name: string, now: EpochMs): Plan {
  const units = plan.units.map((u): Unit => (u.id === id ? { ...u, name: name.trim(), updatedAt: now } : u))
  return { ...plan, units, updatedAt: now }
}

export function tasksUsingUnit(plan: Plan, unitId: string): Task[] {
  return Object.values(plan.tasks).filter((t) => t.leadUnitId === unitId || t.supportUnitIds.includes(unitId))
}

/**
 * Deletes a unit. Tasks that name it take `replacementId` instead (lead or support); with no
 * replacement the unit is only deleted when no task uses it (returns null otherwise).
 */
export function deleteUnit(plan: Plan, id: string, replacementId: string | null, now: EpochMs): Plan | null {
  const users = tasksUsingUnit(plan, id)
  if (users.length > 0 && (replacementId === null || replacementId === id)) return null
  const tasks = { ...plan.tasks }
  for (const task of users) {
    const leadUnitId = task.leadUnitId === id ? replacementId : task.leadUnitId
    // The replacement may already lead or support the task: keep each unit once.
    const supportUnitIds = [...new Set(task.supportUnitIds.map((u) => (u === id ? replacementId! : u)))]
      .filter((u) => u !== leadUnitId)
    tasks[task.id] = { ...task, leadUnitId, supportUnitIds, updatedAt: now }
  }
  return { ...plan, units: plan.units.filter((u) => u.id !== id), tasks, updatedAt: now }
}

// ── Channels ──────────────────────────────────────────────────────────────────────────────────────

export function addChannel(plan: Plan, name: string, color: string, now: EpochMs, id: string = newId('channel')): Plan {
  const channel: Channel = { id, name: name.trim(), nameEn: '', color, campaigning: false, updatedAt: now }
  return { ...plan, channels: [...plan.channels, channel], updatedAt: now }
}

export function updateChannel(plan: Plan, id: string, changes: Partial<Pick<Channel, 'name' | 'nameEn' | 'color' | 'campaigning'>>, now: EpochMs): Plan {
  const channels = plan.channels.map((c): Channel => (c.id === id ? { ...c, ...changes, updatedAt: now } : c))
  return { ...plan, channels, updatedAt: now }
}

export function tasksUsingChannel(plan: Plan, channelId: string): Task[] {
  return Object.values(plan.tasks).filter((t) => t.channelId === channelId)
}

/** Like deleteUnit: tasks on the channel move to `replacementId` (which may be null only when unused). */
export function deleteChannel(plan: Plan, id: string, replacementId: string | null, now: EpochMs): Plan | null {
  const users = tasksUsingChannel(plan, id)
  if (users.length > 0 && (replacementId === null || replacementId === id)) return null
  const tasks = { ...plan.tasks }
  for (const task of users) tasks[task.id] = { ...task, channelId: replacementId, updatedAt: now }
  return { ...plan, channels: plan.channels.filter((c) => c.id !== id), tasks, updatedAt: now }
}

// ── Document details (Word export) ───────────────────────────────────────────────────────────────

export function updateDocumentDetails(plan: Plan, changes: Partial<DocumentDetails>, now: EpochMs): Plan {
  return { ...plan, document: { ...plan.document, ...changes }, updatedAt: now }
}

// ── Checks ────────────────────────────────────────────────────────────────────────────────────────

export function dismissCheck(plan: Plan, taskId: string, kind: string, now: EpochMs): Plan {
  const current = plan.checks.dismissed[taskId] ?? []
  if (current.includes(kind)) return plan
  return { ...plan, checks: { ...plan.checks, dismissed: { ...plan.checks.dismissed, [taskId]: [...current, kind] } }, updatedAt: now }
}

export function setMaxTasksPerUnitPerDay(plan: Plan, value: number, now: EpochMs): Plan {
  return { ...plan, checks: { ...plan.checks, maxTasksPerUnitPerDay: value }, updatedAt: now }
}
