// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_PLAN_ID } from '@/domain/templates/campaign-2021'
import { createPlannerStore } from '@/store/planner-store'
import { STORAGE_KEYS } from '@/store/storage-keys'

let opened: ReturnType<typeof createPlannerStore>[] = []
function open() {
  const s = createPlannerStore(STORAGE_KEYS.document)
  opened.push(s)
  return s
}
beforeEach(() => {
  localStorage.clear()
  // 10/05/2021 10:00 in Vietnam (03:00 UTC): the plan's "today".
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2021-05-10T03:00:00Z'))
})
afterEach(() => {
  opened.forEach((s) => s.stopSync())
  opened = []
  vi.useRealTimers()
})

const tasks = (s: ReturnType<typeof open>) => s.store.getState().plans[DEFAULT_PLAN_ID]!.tasks

describe('quick status change', () => {
  it('marks a task done today in one undo step, stamping updatedAt, and undo brings it back', () => {
    const s = open()
    const [id, before] = Object.entries(tasks(s)).find(([, t]) => t.status === 'planned' && !t.recurrence)!
    s.store.getState().setTaskStatus(id, 'done')
    expect(tasks(s)[id]).toMatchObject({ status: 'done', doneOn: '2021-05-10', updatedAt: Date.parse('2021-05-10T03:00:00Z') })
    expect(s.store.temporal.getState().pastStates).toHaveLength(1)
    s.store.temporal.getState().undo()
    expect(tasks(s)[id]).toEqual(before)
  })

  it('takes a given done-on day, and clears it when the task leaves done', () => {
    const s = open()
    const [id] = Object.entries(tasks(s)).find(([, t]) => t.status === 'planned' && !t.recurrence)!
    s.store.getState().setTaskStatus(id, 'done', '2021-05-03')
    expect(tasks(s)[id]!.doneOn).toBe('2021-05-03')
    s.store.getState().setTaskStatus(id, 'in-progress')
    expect(tasks(s)[id]).toMatchObject({ status: 'in-progress', doneOn: null })
  })

  it('keeps the done-on day of a task chosen done again, and records no step for a status it already has', () => {
    const s = open()
    const [id] = Object.entries(tasks(s)).find(([, t]) => t.status === 'planned' && !t.recurrence)!
    s.store.getState().setTaskStatus(id, 'done', '2021-05-03')
    const stamped = tasks(s)[id]
    s.store.getState().setTaskStatus(id, 'done')
    expect(tasks(s)[id]).toBe(stamped)
    expect(s.store.temporal.getState().pastStates).toHaveLength(1)
  })

  it('gives a series one status for all its occurrences', () => {
    const s = open()
    const [id] = Object.entries(tasks(s)).find(([, t]) => t.recurrence !== null)!
    s.store.getState().setTaskStatus(id, 'done')
    expect(tasks(s)[id]).toMatchObject({ status: 'done', doneOn: '2021-05-10' })
  })
})
