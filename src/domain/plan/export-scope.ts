/**
 * Which tasks an export covers: the whole plan, one phase, one lead unit, or a date range.
 */
import { addDays, datePart } from '@/domain/dates/local-date'
import { expandTask } from '@/domain/plan/recurrence'
import { lastDay } from '@/domain/plan/task-dates'
import type { LocalDate, Plan, Task } from '@/domain/types'

export type ExportScope =
  | { kind: 'all' }
  | { kind: 'phase'; phaseId: string }
  | { kind: 'lead-unit'; unitId: string }
  /** Inclusive range of days: tasks touching any of them. */
  | { kind: 'range'; from: LocalDate; to: LocalDate }

/** The plan's tasks in the scope, sorted by start then title. */
export function selectTasksForExport(plan: Plan, scope: ExportScope): Task[] {
  const tasks = Object.values(plan.tasks).filter((task) => isInScope(plan, task, scope))
  return tasks.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.title.localeCompare(b.title, 'vi')))
}

function isInScope(plan: Plan, task: Task, scope: ExportScope): boolean {
  switch (scope.kind) {
    case 'all':
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
