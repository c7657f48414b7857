/**
 * A PlanPort over a plain value: the Node tests' stand-in for a browser's planner store (and a small
 * model of what store-plan-port.ts does with the real one: a remote apply is not an edit).
 */
import type { Plan } from '@/domain/types'
import type { PlanPort } from '@/store/sync/sync-types'

export interface MemoryPlanPort extends PlanPort {
  /** A local edit, as the store's actions make one. */
  edit(update: (plan: Plan) => Plan): void
  /** How many times remote work was applied (never counted as an edit). */
  remoteApplies: number
}

export function createMemoryPlanPort(initial: Plan): MemoryPlanPort {
  let plan = initial
  const listeners = new Set<() => void>()
  const notify = () => listeners.forEach((listener) => listener())
  const port: MemoryPlanPort = {
    remoteApplies: 0,
    getPlan: () => plan,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    applyRemote: (update) => {
      plan = update(plan)
      port.remoteApplies += 1
      notify()
    },
    edit: (update) => {
      plan = update(plan)
      notify()
    },
  }
  return port
}
