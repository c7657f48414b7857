/**
 * Anchors tie a task's start to election day or to a legal milestone, so a plan re-plans itself when
 * election day changes. The task's length is its own; only the start derives from the anchor.
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
 * anchored one keeps its anchor with the offset of the new start.
 */
export function reanchor(anchor: TaskAnchor, newStart: string, election: ElectionSettings): TaskAnchor {
  if (anchor.type === 'fixed') return anchor
  const base = anchorBaseDate(anchor, election.electionDay, computeMilestones(election))
  if (base === null) return { type: 'fixed' }
  return { ...anchor, offsetDays: diffDays(base, datePart(newStart)) }
}

/**
 * The dates an anchored task takes under the given election settings (its length and time of day
 * are kept). Fixed tasks, and tasks whose milestone no longer exists, keep their dates.
 */
export function resolveAnchoredDates(
  task: Pick<Task, 'start' | 'end' | 'allDay' | 'anchor'>,
  electionDay: LocalDate,
  milestones: readonly Milestone[],
): { start: string; end: string } {
  const base = anchorBaseDate(task.anchor, electionDay, milestones)
  if (base === null || task.anchor.type === 'fixed') return { start: task.start, end: task.end }
  const startDate = addDays(base, task.anchor.offsetDays)
  const start = task.allDay ? startDate : startDate + task.start.slice(10)
  return { start, end: endForLength(start, task.allDay, taskLength(task)) }
}
