/**
 * Anchors tie a task's start (and, optionally, its end) to election day or to a legal milestone, so a
 * plan re-plans itself when election day or the law changes. Without an end anchor the task keeps its
 * own length; with one, its end follows the end anchor, so work the law closes at a milestone
 * (candidate-list communication at the end of campaigning, results work at the results deadline)
 * stays inside that window under any election day and either law.
 */
import { addDays, datePart, diffDays } from '@/domain/dates/local-date'
import { computeMilestones, findMilestone, type Milestone } from '@/domain/rules/milestones'
import { endForLength, taskLength } from '@/domain/plan/task-dates'
import type { ElectionSettings, LocalDate, Task, TaskAnchor } from '@/domain/types'

/** The date an anchor counts from, or null when the milestone is unknown. */
export function anchorBaseDate(
  anchor: TaskAnchor,
  electionDay: LocalDate,
  milestones: readonly Milestone[],
): LocalDate | null {
  switch (anchor.type) {
    case 'fixed':
      return null
    case 'election-day':
      return electionDay
    case 'milestone':
      return findMilestone(milestones, anchor.milestoneId)?.date ?? null
  }
}

/**
 * The anchor that keeps a task where it is after the user moved it: a fixed task stays fixed, an
 * anchored one keeps its anchor with the offset of the new start. Used for end anchors too, with the
 * new end (for an all-day task, the exclusive end).
 */
export function reanchor(anchor: TaskAnchor, newStart: string, election: ElectionSettings): TaskAnchor {
  if (anchor.type === 'fixed') return anchor
  const base = anchorBaseDate(anchor, election.electionDay, computeMilestones(election))
  if (base === null) return { type: 'fixed' }
  return { ...anchor, offsetDays: diffDays(base, datePart(newStart)) }
}

/** The end anchor after the task's end moved to `newEnd` (null stays null). */
export function reanchorEnd(endAnchor: TaskAnchor | null, newEnd: string, election: ElectionSettings): TaskAnchor | null {
  if (endAnchor === null || endAnchor.type === 'fixed') return endAnchor
  const moved = reanchor(endAnchor, newEnd, election)
  return moved.type === 'fixed' ? null : moved
}

/** Whether the task's end follows an anchor (and not just its length). */
export function hasEndAnchor(task: Pick<Task, 'endAnchor' | 'recurrence'>): boolean {
  return task.endAnchor !== null && task.endAnchor !== undefined && task.endAnchor.type !== 'fixed' && !task.recurrence
}

/**
 * The dates an anchored task takes under the given election settings. Fixed tasks, and tasks whose
 * milestone no longer exists, keep their dates; a task without an end anchor keeps its length and
 * time of day.
 *
 * With an end anchor the end is the anchor's date plus its offset (an all-day end is exclusive, so
 * "until campaigning ends at 07:00 on D-1" is the end D-1: the last full day is D-2; a timed end keeps
 * its time of day). When the law's window closes before the task's start (a shorter law can do that),
 * the end wins: the task keeps its length and ends at the end anchor, so it never runs past the date
 * the law closes; being early is the safe side.
 */
export function resolveAnchoredDates(
  task: Pick<Task, 'start' | 'end' | 'allDay' | 'anchor' | 'endAnchor' | 'recurrence'>,
  electionDay: LocalDate,
  milestones: readonly Milestone[],
): { start: string; end: string } {
  const length = taskLength(task)
  const base = anchorBaseDate(task.anchor, electionDay, milestones)
  let start = task.start
  if (base !== null && task.anchor.type !== 'fixed') {
    const startDate = addDays(base, task.anchor.offsetDays)
    start = task.allDay ? startDate : startDate + task.start.slice(10)
  }
  const endBase = hasEndAnchor(task) && task.endAnchor !== null ? anchorBaseDate(task.endAnchor, electionDay, milestones) : null
  if (endBase === null || task.endAnchor === null || task.endAnchor.type === 'fixed') {
    return start === task.start ? { start, end: task.end } : { start, end: endForLength(start, task.allDay, length) }
  }
  const endDate = addDays(endBase, task.endAnchor.offsetDays)
  const end = task.allDay ? endDate : endDate + task.end.slice(10)
  if (end > start) return { start, end }
  return { start: endForLength(end, task.allDay, -length), end }
}
