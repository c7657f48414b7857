/**
 * Which tasks an export covers: the whole plan, one phase, one lead unit, a date range, or what the
 * app's filter shows ("export what is shown": the predicate the views use, so the file holds exactly
 * the tasks on screen).
 */
import type { TaskPredicate } from '@/domain/filter/task-filter'
import { addDays, datePart } from '@/domain/dates/local-date'
import { expandTask } from '@/domain/plan/recurrence'
import { lastDay } from '@/domain/plan/task-dates'
import { compareTitles } from '@/domain/plan/title-order'
import type { LocalDate, Plan, Task } from '@/domain/types'

export type ExportScope =
  | { kind: 'all' }
  | { kind: 'phase'; phaseId: string }
  | { kind: 'lead-unit'; unitId: string }
  /** Inclusive range of days: tasks touching any of them. */
  | { kind: 'range'; from: LocalDate; to: LocalDate }
  /** The tasks the current filter shows (all when nothing is filtered). */
  | { kind: 'shown' }

/** The plan's tasks in the scope, sorted by start then title. `shown`: the views' predicate, for the 'shown' scope. */
export function selectTasksForExport(plan: Plan, scope: ExportScope, shown: TaskPredicate | null = null): Task[] {
  const tasks = Object.values(plan.tasks).filter((task) => (scope.kind === 'shown' ? shown === null || shown(task) : isInScope(plan, task, scope)))
  return tasks.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : compareTitles(a.title, b.title)))
}

function isInScope(plan: Plan, task: Task, scope: ExportScope): boolean {
  switch (scope.kind) {
    case 'all':
    case 'shown':
      return true
    case 'lead-unit':
      return task.leadUnitId === scope.unitId
    case 'phase': {
      const phase = plan.phases.find((p) => p.id === scope.phaseId)
      return phase !== undefined && touches(task, phase.start, phase.end)
    }
    case 'range':
      return scope.from <= scope.to && touches(task, scope.from, addDays(scope.to, 1))
  }
}

/** A series touches the days when any of its occurrences does. */
function touches(task: Task, start: LocalDate, endExclusive: LocalDate): boolean {
  if (task.recurrence) return expandTask(task, start, endExclusive).length > 0
  return datePart(task.start) < endExclusive && lastDay(task) >= start
}
