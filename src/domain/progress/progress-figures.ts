/**
 * The figures of the progress dashboard ("Tổng quan") and of the progress report ("Báo cáo tiến
 * độ"), for one plan, one filter and one "as of" day. Pure: the dashboard and the report call the
 * same function with the same inputs, so their numbers are equal by construction.
 *
 * Everything counts progress items (progress-items.ts): one per occurrence, so a daily series of ten
 * days is ten pieces of work. Each group comes with the selection that gives back its items
 * (`selectProgressItems`), for "every bar opens the tasks behind it".
 */
import { addDays, diffDays, maxDate } from '@/domain/dates/local-date'
import type { TaskPredicate } from '@/domain/filter/task-filter'
import { computeBurnUp, type BurnUp, type BurnUpStep } from '@/domain/progress/burn-up'
import {
  addToTally, buildProgressItems, emptyTally, selectProgressItems, statusPercentages, tallyItems,
  type ProgressItem, type ProgressSelection, type StatusTally,
} from '@/domain/progress/progress-items'
import { computeTrainingFigures, type TrainingFigures } from '@/domain/progress/training-figures'
import { computeMilestones, findMilestone, type Milestone } from '@/domain/rules/milestones'
import { resultsDeadlineOffsetDays } from '@/domain/templates/phases'
import type { LocalDate, Plan, TaskStatus } from '@/domain/types'

/** How many of the next legal milestones the dashboard lists. */
export const UPCOMING_MILESTONE_COUNT = 3

export interface ProgressOptions {
  /** The day the figures are for: today, or an earlier day to review the plan as it stood. */
  asOf: LocalDate
  /** The app's filter as a predicate (null: the whole plan). Compile it with `today` = `asOf`. */
  keep?: TaskPredicate | null
  burnUpStep?: BurnUpStep
  milestoneCount?: number
}

export interface ProgressHeadline {
  tally: StatusTally
  /** Whole percentages of `tally.total` by status, adding up to 100 (0 when there is no work). */
  percent: Record<TaskStatus, number>
  /** Distinct tasks behind the items (a series once). */
  taskCount: number
  electionDay: LocalDate
  /** Days from the as-of day to election day: 21 shows as "D-21"; negative once it has passed. */
  daysToElection: number
  /** The last day results may be announced (National Assembly, under the law in force). */
  resultsDeadline: LocalDate
  daysToResults: number
}

/** One bar: a lead unit, a channel or a phase (key null: none / outside every phase). */
export interface ProgressGroup {
  key: string | null
  tally: StatusTally
  selection: ProgressSelection
}

export interface MilestoneWork {
  milestone: Milestone
  /** Days from the as-of day to the milestone's day. */
  daysTo: number
  /** Open work due after the previous listed milestone (the first: from the as-of day) and by this one. */
  items: ProgressItem[]
  selection: ProgressSelection
}

export interface ProgressFigures {
  asOf: LocalDate
  /** Every item the figures count, sorted by first day. */
  items: ProgressItem[]
  headline: ProgressHeadline
  /** By lead unit and by channel: most late work first, then most work, then the plan's order. */
  byUnit: ProgressGroup[]
  byChannel: ProgressGroup[]
  /** Every phase in date order, then the work outside every phase (when there is some). */
  byPhase: ProgressGroup[]
  burnUp: BurnUp
  trainings: TrainingFigures
  milestones: MilestoneWork[]
}

export function computeProgressFigures(plan: Plan, options: ProgressOptions): ProgressFigures {
  const { asOf } = options
  const items = buildProgressItems(plan, options.keep ?? null, asOf)
  const milestones = computeMilestones(plan.election)
  const resultsDeadline = findMilestone(milestones, 'results-national-assembly')?.date
    ?? addDays(plan.election.electionDay, resultsDeadlineOffsetDays(plan.election))
  const tally = tallyItems(items)
  return {
    asOf,
    items,
    headline: {
      tally,
      percent: statusPercentages(tally),
      taskCount: new Set(items.map((item) => item.task.id)).size,
      electionDay: plan.election.electionDay,
      daysToElection: diffDays(asOf, plan.election.electionDay),
      resultsDeadline,
      daysToResults: diffDays(asOf, resultsDeadline),
    },
    byUnit: groupBy(items, (item) => item.task.leadUnitId, plan.units.map((u) => u.id), 'leadUnitId'),
    byChannel: groupBy(items, (item) => item.task.channelId, plan.channels.map((c) => c.id), 'channelId'),
    byPhase: phaseGroups(plan, items),
    burnUp: computeBurnUp(items, burnUpRange(plan, items, asOf, resultsDeadline), asOf, options.burnUpStep),
    trainings: computeTrainingFigures(items),
    milestones: upcomingMilestoneWork(milestones, items, asOf, options.milestoneCount ?? UPCOMING_MILESTONE_COUNT),
  }
}

/** Groups sorted by late work, then by size, then by the plan's order (ids it does not list, and none, last). */
function groupBy(
  items: readonly ProgressItem[], keyOf: (item: ProgressItem) => string | null, order: readonly string[], field: 'leadUnitId' | 'channelId',
): ProgressGroup[] {
  const tallies = new Map<string | null, StatusTally>()
  for (const item of items) {
    const key = keyOf(item)
    let tally = tallies.get(key)
    if (!tally) tallies.set(key, (tally = emptyTally()))
    addToTally(tally, item)
  }
  const rank = (key: string | null) => {
    const index = key === null ? -1 : order.indexOf(key)
    return index < 0 ? order.length + (key === null ? 1 : 0) : index
  }
  return [...tallies]
    .map(([key, tally]): ProgressGroup => ({ key, tally, selection: field === 'leadUnitId' ? { leadUnitId: key } : { channelId: key } }))
    .sort((a, b) => b.tally.late - a.tally.late || b.tally.total - a.tally.total || rank(a.key) - rank(b.key))
}

function phaseGroups(plan: Plan, items: readonly ProgressItem[]): ProgressGroup[] {
  const phases = [...plan.phases].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
  const tallies = new Map<string | null, StatusTally>(phases.map((p) => [p.id, emptyTally()]))
  for (const item of items) {
    let tally = tallies.get(item.phaseId)
    if (!tally) tallies.set(item.phaseId, (tally = emptyTally()))
    addToTally(tally, item)
  }
  return [...tallies].map(([key, tally]) => ({ key, tally, selection: { phaseId: key } }))
}

/** From the first phase's start (no phases: the first work, else the as-of day) to the results deadline. */
function burnUpRange(plan: Plan, items: readonly ProgressItem[], asOf: LocalDate, resultsDeadline: LocalDate): { from: LocalDate; to: LocalDate } {
  const phaseStarts = plan.phases.map((p) => p.start).sort()
  const from = phaseStarts[0] ?? items[0]?.firstDay ?? asOf
  return { from, to: maxDate(resultsDeadline, plan.election.electionDay) }
}

/**
 * The next `count` legal milestones whose day (a range's last day) is not past, each with the open
 * work due by it and after the milestone before it, so no item is listed twice.
 */
function upcomingMilestoneWork(milestones: readonly Milestone[], items: readonly ProgressItem[], asOf: LocalDate, count: number): MilestoneWork[] {
  const upcoming = milestones.filter((m) => (m.endDate ?? m.date) >= asOf).slice(0, Math.max(0, count))
  let dueFrom = asOf
  return upcoming.map((milestone) => {
    const selection: ProgressSelection = { dueFrom, dueBy: milestone.date }
    if (milestone.date >= dueFrom) dueFrom = addDays(milestone.date, 1)
    return { milestone, daysTo: diffDays(asOf, milestone.date), items: selectProgressItems(items, selection), selection }
  })
}
