/**
 * The app's store instance. Created once, at import, so hydration from localStorage happens before
 * the first render (no flash of the default plan over a saved one).
 */
import type { Plan } from '@/domain/types'
import { createPlannerStore } from '@/store/planner-store'

const instance = createPlannerStore()

export const usePlannerStore = instance.store
export const plannerStorage = instance.adapter

/** The active plan (a stable reference until the plan changes). */
export function selectActivePlan(state: { plans: Record<string, Plan>; activePlanId: string }): Plan {
  return state.plans[state.activePlanId]!
}
