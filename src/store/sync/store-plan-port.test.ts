// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { createPlannerStore } from '@/store/planner-store'
import { createStorePlanPort } from '@/store/sync/store-plan-port'

const stores: ReturnType<typeof createPlannerStore>[] = []
afterEach(() => {
  stores.splice(0).forEach((s) => s.stopSync())
  localStorage.clear()
})

describe('the planner store as a sync port', () => {
  it('the other office’s work is not an undo step, and undo does not rewind it', () => {
    const made = createPlannerStore('test-sync-port')
    stores.push(made)
    const { store } = made
    const planId = store.getState().activePlanId
    const [mine, theirs] = Object.keys(store.getState().plans[planId]!.tasks)
    const port = createStorePlanPort(store, planId)
    const original = store.getState().plans[planId]!.tasks[theirs!]!.title

    store.getState().moveTask(mine!, { start: '2021-03-01', end: '2021-03-02', allDay: true })
    expect(store.temporal.getState().pastStates).toHaveLength(1)
    port.applyRemote((plan) => ({ ...plan, tasks: { ...plan.tasks, [theirs!]: { ...plan.tasks[theirs!]!, title: 'edited by the district' } } }))
    expect(store.temporal.getState().pastStates).toHaveLength(1)

    store.temporal.getState().undo()
    const plan = store.getState().plans[planId]!
    expect(plan.tasks[mine!]!.start).not.toBe('2021-03-01')
    expect(plan.tasks[theirs!]!.title).toBe('edited by the district')
    expect(original).not.toBe('edited by the district')
    store.temporal.getState().redo()
    expect(store.getState().plans[planId]!.tasks[theirs!]!.title).toBe('edited by the district')
    expect(store.getState().plans[planId]!.tasks[mine!]!.start).toBe('2021-03-01')
  })
})
