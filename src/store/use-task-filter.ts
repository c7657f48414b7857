/**
 * The filter as the views use it: one predicate for "is this task shown", combining the app-wide
 * filter (filter-slice.ts) with the channels hidden in the side panel's legend. Every view, the
 * checks panel and the "what is shown" export ask this, so they always agree.
 */
import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { todayIn } from '@/domain/dates/local-date'
import { isNarrowingOf, markNarrowing } from '@/domain/filter/narrowing'
import { compileTaskFilter, isFilterEmpty, type TaskFilter, type TaskPredicate } from '@/domain/filter/task-filter'
import type { Plan, Task } from '@/domain/types'
import { planViewOf } from '@/store/filter-slice'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

export function useActiveFilter(): TaskFilter {
  return usePlannerStore((s) => planViewOf(s).filter)
}

export function useMyUnitIds(): string[] {
  return usePlannerStore(useShallow((s) => planViewOf(s).myUnitIds))
}

/** What decides whether a task is shown, from a state snapshot (also for non-React callers: exports). */
export function visibleTaskPredicate(plan: Pick<Plan, 'units' | 'phases'>, filter: TaskFilter, myUnitIds: readonly string[], hiddenChannelIds: readonly string[], today: string): TaskPredicate | null {
  const filtered = compileTaskFilter(filter, { units: plan.units, phases: plan.phases, today, myUnitIds })
  if (hiddenChannelIds.length === 0) return filtered
  const hidden = new Set(hiddenChannelIds)
  const channelShown = (task: Task) => task.channelId === null || !hidden.has(task.channelId)
  return filtered ? (task) => channelShown(task) && filtered(task) : channelShown
}

/** The predicate for the active plan, or null when every task is shown. Stable until an input changes. */
export function useVisibleTaskPredicate(): TaskPredicate | null {
  const plan = usePlannerStore(selectActivePlan)
  const filter = useActiveFilter()
  const myUnitIds = useMyUnitIds()
  const hiddenChannelIds = usePlannerStore(useShallow((s) => s.hiddenChannelIds))
  const today = todayIn(plan.timeZone)
  const { units, phases } = plan
  return useMemo(
    () => sharedVisibleTaskPredicate({ units, phases }, filter, myUnitIds, hiddenChannelIds, today),
    [units, phases, filter, myUnitIds, hiddenChannelIds, today],
  )
}

/**
 * The last predicate made and what it was made of. Every view asks for the same one (one compile
 * per filter change, one cache of matches), and a search typed further narrows it (narrowing.ts).
 */
let lastPredicate: { keep: TaskPredicate | null; filter: TaskFilter; inputs: readonly unknown[] } | null = null

function sharedVisibleTaskPredicate(plan: Pick<Plan, 'units' | 'phases'>, filter: TaskFilter, myUnitIds: readonly string[], hiddenChannelIds: readonly string[], today: string): TaskPredicate | null {
  const inputs = [plan.units, plan.phases, myUnitIds, hiddenChannelIds, today]
  const before = lastPredicate
  const sameInputs = before !== null && before.inputs.every((input, i) => input === inputs[i])
  if (sameInputs && before.filter === filter) return before.keep
  const keep = visibleTaskPredicate(plan, filter, myUnitIds, hiddenChannelIds, today)
  if (keep && sameInputs && before.keep && isNarrowingOf(filter, before.filter)) markNarrowing(keep, before.keep)
  lastPredicate = { keep, filter, inputs }
  return keep
}

export function useIsFiltered(): boolean {
  const filter = useActiveFilter()
  return !isFilterEmpty(filter)
}
