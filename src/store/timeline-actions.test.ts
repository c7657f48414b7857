// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_PLAN_ID } from '@/domain/templates/campaign-2021'
import { createPlannerStore, timelineOptionsOf } from '@/store/planner-store'
import { STORAGE_KEYS } from '@/store/storage-keys'

let opened: ReturnType<typeof createPlannerStore>[] = []
function open() {
  const s = createPlannerStore(STORAGE_KEYS.document)
  opened.push(s)
  return s
}
beforeEach(() => localStorage.clear())
afterEach(() => {
  opened.forEach((s) => s.stopSync())
  opened = []
})

const task = (s: ReturnType<typeof open>, id: string) => s.store.getState().plans[DEFAULT_PLAN_ID]!.tasks[id]!

describe('timeline actions', () => {
  it('moves a task to another lead unit and new dates in one undo step', () => {
    const s = open()
    const { store } = s
    const [id, before] = Object.entries(store.getState().plans[DEFAULT_PLAN_ID]!.tasks).find(([, t]) => t.allDay && !t.recurrence && t.anchor.type === 'election-day')!
    const to = store.getState().plans[DEFAULT_PLAN_ID]!.units.find((u) => u.id !== before.leadUnitId && !before.supportUnitIds.includes(u.id))!.id

    store.getState().moveTaskToRow(id, { start: '2021-05-03', end: '2021-05-05', allDay: true }, { leadUnitId: to })
    const after = task(s, id)
    expect(after).toMatchObject({ start: '2021-05-03', end: '2021-05-05', leadUnitId: to })
    // Re-planned like any drag: the anchor keeps election day with the new offset (23/5 − 3/5 = 20 days).
    expect(after.anchor).toEqual({ type: 'election-day', offsetDays: -20 })
    expect(store.temporal.getState().pastStates).toHaveLength(1)

    store.temporal.getState().undo()
    expect(task(s, id)).toEqual(before)
  })

  it('drops the new lead unit from the supporting units, and changes a channel', () => {
    const s = open()
    const { store } = s
    const [id, before] = Object.entries(store.getState().plans[DEFAULT_PLAN_ID]!.tasks).find(([, t]) => t.supportUnitIds.length > 0 && !t.recurrence && t.allDay)!
    const supporter = before.supportUnitIds[0]!
    store.getState().moveTaskToRow(id, { start: before.start, end: before.end, allDay: true }, { leadUnitId: supporter })
    expect(task(s, id).leadUnitId).toBe(supporter)
    expect(task(s, id).supportUnitIds).not.toContain(supporter)

    store.getState().moveTaskToRow(id, { start: before.start, end: before.end, allDay: true }, { channelId: null })
    expect(task(s, id).channelId).toBeNull()
    expect(task(s, id).leadUnitId).toBe(supporter)
  })

  it('keeps the timeline options in the session, defaults filled in', () => {
    const { store } = open()
    expect(timelineOptionsOf(store.getState().calendar)).toEqual({ rows: 'units', zoom: 'month', showSupport: false })
    store.getState().setTimelineOptions({ rows: 'channels' })
    store.getState().setTimelineOptions({ zoom: 'campaign' })
    expect(timelineOptionsOf(store.getState().calendar)).toEqual({ rows: 'channels', zoom: 'campaign', showSupport: false })
    expect(store.temporal.getState().pastStates).toHaveLength(0)
  })
})
