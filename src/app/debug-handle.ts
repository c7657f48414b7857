/**
 * A handle on the running app for the end-to-end tests and the benchmark (and for support: a person
 * can read their plan from the console). Read-mostly; it exposes nothing that is not already in the
 * page's own localStorage.
 */
import { plannerStorage, usePlannerStore } from '@/store/use-planner-store'

declare global {
  interface Window {
    __electionPlanner?: { store: typeof usePlannerStore; storage: typeof plannerStorage }
  }
}

export function exposeDebugHandle(): void {
  window.__electionPlanner = { store: usePlannerStore, storage: plannerStorage }
}
