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
import { isRecurring } from '@/domain/plan/recurrence'
import { computeBurnUp, type BurnUp, type BurnUpStep } from '@/domain/progress/burn-up'
import {
  addToTally, buildProgressItems, emptyTally, selectProgressItems, statusPercentages,
  type ProgressItem, type ProgressSelection, type StatusTally,
} from '@/domain/progress/progress-items'
import { computeTrainingFigures, type TrainingFigures } from '@/domain/progress/training-figures'
import { computeMilestones, findMilestone, type Milestone } from '@/domain/rules/milestones'
import { resultsDeadlineOffsetDays } from '@/domain/templates/phases'
import { TASK_STATUSES, type LocalDate, type Plan, type TaskStatus } from '@/domain/types'

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
  const tallies = tallyAll(plan, items)
  return {
    asOf,
    items,
    headline: {
      tally: tallies.headline,
      percent: statusPercentages(tallies.headline),
      taskCount: tallies.singleTasks + tallies.seriesIds.size,
      electionDay: plan.election.electionDay,
      daysToElection: diffDays(asOf, plan.election.electionDay),
      resultsDeadline,
      daysToResults: diffDays(asOf, resultsDeadline),
    },
    byUnit: sortedGroups(tallies.byUnit, plan.units.map((u) => u.id), 'leadUnitId'),
    byChannel: sortedGroups(tallies.byChannel, plan.channels.map((c) => c.id), 'channelId'),
    byPhase: [...tallies.byPhase].map(([key, tally]) => ({ key, tally, selection: { phaseId: key } })),
    burnUp: computeBurnUp(items, burnUpRange(plan, items, asOf, resultsDeadline), asOf, options.burnUpStep),
    trainings: computeTrainingFigures(items),
    milestones: upcomingMilestoneWork(milestones, items, asOf, options.milestoneCount ?? UPCOMING_MILESTONE_COUNT),
  }
}

interface Tallies {
  headline: StatusTally
  /** Distinct tasks: a single task has exactly one item, so only series need remembering. */
  singleTasks: number
  seriesIds: Set<string>
  byUnit: Map<string | null, StatusTally>
  byChannel: Map<string | null, StatusTally>
  /** Every phase in date order first (empty ones too), then "outside every phase" when there is such work. */
  byPhase: Map<string | null, StatusTally>
}

/**
 * Every tally in one pass over the items: the dashboard computes these on opening, with the engine's
 * compiler still cold, where one loop costs a fifth of five (measured on 10,000 tasks).
 */
function tallyAll(plan: Plan, items: readonly ProgressItem[]): Tallies {
  const phases = [...plan.phases].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
  const tallies: Tallies = {
    headline: emptyTally(),
    singleTasks: 0,
    seriesIds: new Set(),
    byUnit: new Map(),
    byChannel: new Map(),
    byPhase: new Map(phases.map((p) => [p.id, emptyTally()])),
  }
  const add = (map: Map<string | null, StatusTally>, key: string | null, item: ProgressItem) => {
    let tally = map.get(key)
    if (!tally) map.set(key, (tally = emptyTally()))
    addToTally(tally, item)
  }
  for (const item of items) {
    if (isRecurring(item.task)) tallies.seriesIds.add(item.task.id)
    else tallies.singleTasks += 1
    add(tallies.byUnit, item.task.leadUnitId, item)
    add(tallies.byChannel, item.task.channelId, item)
    add(tallies.byPhase, item.phaseId, item)
  }
  // Every item is in exactly one phase group ("outside every phase" included): the headline is their sum.
  for (const tally of tallies.byPhase.values()) addTallies(tallies.headline, tally)
  return tallies
}

/** Adds the counts of `source` to `target`. NOTE: mutates `target`. */
function addTallies(target: StatusTally, source: StatusTally): void {
  target.total += source.total
  for (const status of TASK_STATUSES) target.byStatus[status] += source.byStatus[status]
  target.late += source.late
  target.lateInProgress += source.lateInProgress
  target.dueSoon += source.dueSoon
}

/** Groups sorted by late work, then by size, then by the plan's order (ids it does not list, and none, last). */
function sortedGroups(tallies: Map<string | null, StatusTally>, order: readonly string[], field: 'leadUnitId' | 'channelId'): ProgressGroup[] {
  const position = new Map(order.map((id, index) => [id, index]))
  const rank = (key: string | null) => (key === null ? order.length + 1 : position.get(key) ?? order.length)
  return [...tallies]
    .map(([key, tally]): ProgressGroup => ({ key, tally, selection: field === 'leadUnitId' ? { leadUnitId: key } : { channelId: key } }))
    .sort((a, b) => b.tally.late - a.tally.late || b.tally.total - a.tally.total || rank(a.key) - rank(b.key))
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
