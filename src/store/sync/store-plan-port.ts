/**
 * Binds the sync engine to one plan of the planner store. A remote apply is written with zundo
 * paused (no undo step) and laid onto every past and future undo state (domain/sync/rebase-history.ts),
 * so undo never rewinds another office's work.
 */
import { rebasePlanOnRemote } from '@/domain/sync/rebase-history'
import type { Plan } from '@/domain/types'
import type { PlannerStore } from '@/store/planner-store'
import type { PlanPort } from '@/store/sync/sync-types'

export function createStorePlanPort(store: PlannerStore, planId: string): PlanPort {
  return {
    getPlan: () => store.getState().plans[planId] ?? null,
    subscribe: (listener) => store.subscribe((state, previous) => {
      if (state.plans[planId] !== previous.plans[planId]) listener()
    }),
    applyRemote: (update) => {
      const before = store.getState().plans[planId]
      if (!before) return
      const after = update(before)
      if (after === before) return
      const temporal = store.temporal.getState()
      temporal.pause()
      try {
        store.setState((state) => ({ plans: { ...state.plans, [planId]: after } }))
      } finally {
        temporal.resume()
      }
      const rebase = <S extends { plans?: Record<string, Plan> }>(state: S): S => {
        const plan = state.plans?.[planId]
        if (!plan) return state
        const rebased = rebasePlanOnRemote(plan, before, after)
        return rebased === plan ? state : { ...state, plans: { ...state.plans, [planId]: rebased } }
      }
      const { pastStates, futureStates } = store.temporal.getState()
      store.temporal.setState({ pastStates: pastStates.map(rebase), futureStates: futureStates.map(rebase) })
    },
  }
}
