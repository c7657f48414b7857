/**
 * Re-planning a campaign when election day or the law changes: anchored tasks and phases follow
 * election day (or their milestone), fixed tasks stay. Returns the new plan and a preview of every
 * task that moves, with the ones that now fall outside every phase, so the user sees it before
 * anything changes and applies it as one undo step.
 */
import { addDays, datePart, diffDays } from '@/domain/dates/local-date'
import { expandTask, shiftRecurrence } from '@/domain/plan/recurrence'
import { resolveAnchoredDates } from '@/domain/plan/anchors'
import { createPhaseLookup } from '@/domain/plan/task-phase'
import { computeMilestones } from '@/domain/rules/milestones'
import { resultsDeadlineOffsetDays } from '@/domain/templates/phases'
import { findDayOff, type HolidayLike } from '@/domain/rules/plan-checks'
import type { ElectionSettings, EpochMs, Phase, Plan, Task } from '@/domain/types'

export interface ReplanChange {
  taskId: string
  title: string
  before: { start: string; end: string }
  after: { start: string; end: string }
  /** After the move the task touches no phase of the re-planned campaign. */
  outsidePhases: boolean
  /**
   * After the move the task is an event held on a day off (the checks' rule: a training, or work of at
   * most a week): the day's name (Vietnamese), else null. Ongoing work through a day off is not named.
   */
  onHoliday: string | null
}

export interface ReplanResult {
  plan: Plan
  changes: ReplanChange[]
  /** Tasks that do not move (fixed dates, or an anchor whose date did not change). */
  unchanged: number
}

/** The plan under new election settings (pure; the input plan is not touched). */
export function replanElection(plan: Plan, election: ElectionSettings, now: EpochMs, holidays: readonly HolidayLike[] = []): ReplanResult {
  const daysOff = new Map(holidays.filter((h) => h.dayOff).map((h) => [h.date, h]))
  const milestones = computeMilestones(election)
  const phases = plan.phases.map((phase) => replanPhase(phase, plan.election, election))
  // The checks' and the exports' rule (task-phase.ts), over the re-planned phases.
  const phaseOf = createPhaseLookup(phases)
  const tasks: Record<string, Task> = {}
  const changes: ReplanChange[] = []
  let unchanged = 0
  for (const task of Object.values(plan.tasks)) {
    const after = resolveAnchoredDates(task, election.electionDay, milestones)
    if (after.start === task.start && after.end === task.end) {
      tasks[task.id] = task
      unchanged += 1
      continue
    }
    // A series moves whole: its end date and its one-off exceptions follow its start.
    const recurrence = task.recurrence && shiftRecurrence(task.recurrence, diffDays(datePart(task.start), datePart(after.start)))
    const moved: Task = { ...task, ...after, recurrence, updatedAt: now }
    tasks[task.id] = moved
    changes.push({
      taskId: task.id,
      title: task.title,
      before: { start: task.start, end: task.end },
      after,
      outsidePhases: expandTask(moved).some((o) => phaseOf({ start: o.start, end: o.end, allDay: moved.allDay }) === null),
      onHoliday: firstDayOff(moved, daysOff),
    })
  }
  changes.sort((a, b) => (a.after.start < b.after.start ? -1 : a.after.start > b.after.start ? 1 : 0))
  return { plan: { ...plan, election, phases, tasks, updatedAt: now }, changes, unchanged }
}

function firstDayOff(task: Task, daysOff: ReadonlyMap<string, HolidayLike>): string | null {
  if (daysOff.size === 0) return null
  for (const occurrence of expandTask(task)) {
    const found = findDayOff(task, { ...occurrence, allDay: task.allDay }, daysOff)
    if (found?.kind === 'on-holiday') return found.name
  }
  return null
}

/**
 * A phase anchored to D keeps its offsets. A phase that ended with the results (its end was the
 * results deadline of the old law) ends with the results deadline of the new law.
 */
function replanPhase(phase: Phase, before: ElectionSettings, after: ElectionSettings): Phase {
  const start = phase.startOffsetDays === null ? phase.start : addDays(after.electionDay, phase.startOffsetDays)
  let endOffset = phase.endOffsetDays
  if (endOffset !== null && endOffset === resultsDeadlineOffsetDays(before) + 1) endOffset = resultsDeadlineOffsetDays(after) + 1
  const end = endOffset === null ? phase.end : addDays(after.electionDay, endOffset)
  return { ...phase, start, end, endOffsetDays: endOffset }
}
