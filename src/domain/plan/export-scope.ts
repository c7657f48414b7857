/**
 * Which tasks an export covers: the whole plan, one phase, one lead unit, or a date range.
 */
import { datePart } from '@/domain/dates/local-date'
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
      return scope.from <= scope.to && datePart(task.start) <= scope.to && lastDay(task) >= scope.from
  }
}

function touches(task: Task, start: LocalDate, endExclusive: LocalDate): boolean {
  return datePart(task.start) < endExclusive && lastDay(task) >= start
}
