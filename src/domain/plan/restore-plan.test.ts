import { describe, expect, it } from 'vitest'
import { emptyReport, restorePlan, restoreTask } from '@/domain/plan/restore-plan'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'

const plan = buildCampaign2021Plan(0)

describe('restore', () => {
  it('gives back a valid plan unchanged', () => {
    expect(restorePlan(JSON.parse(JSON.stringify(plan)))).toEqual(plan)
  })

  it('returns null for garbage instead of throwing', () => {
    for (const garbage of [null, undefined, 42, 'plan', [], {}, { id: 'x' }, { id: 'x', election: { electionDay: 'soon' } }]) {
      expect(restorePlan(garbage)).toBeNull()
    }
  })

  it('fills defaults for missing fields and keeps unknown ones', () => {
    const task = restoreTask({ id: 't1', start: '2021-05-05', futureField: { x: 1 } })!
    expect(task).toMatchObject({ title: '', allDay: true, end: '2021-05-06', status: 'planned', supportUnitIds: [], training: null, anchor: { type: 'fixed' } })
    expect((task as unknown as Record<string, unknown>).futureField).toEqual({ x: 1 })
  })

  it('drops tasks it cannot place and reports them', () => {
    const report = emptyReport()
    const raw = JSON.parse(JSON.stringify(plan))
    raw.tasks.broken = { id: 'broken', start: 'NaN' }
    raw.tasks.nonsense = 'not a task'
    raw.tasks.mismatch = { ...raw.tasks['vn-2021-province-press-training'] }
    const restored = restorePlan(raw, report)!
    expect(Object.keys(restored.tasks)).toHaveLength(Object.keys(plan.tasks).length)
    expect(report.droppedTasks).toBe(3)
  })

  it('repairs an end before the start and a dangling unit, keeping the task', () => {
    const report = emptyReport()
    const raw = JSON.parse(JSON.stringify(plan))
    const id = 'vn-2021-province-press-training'
    raw.tasks[id].leadUnitId = 'unit-gone'
    raw.tasks[id].supportUnitIds = ['unit-gone', 'unit-soTttt']
    raw.tasks[id].end = '2021-01-01T00:00'
    const restored = restorePlan(raw, report)!
    expect(restored.tasks[id]!.leadUnitId).toBeNull()
    expect(restored.tasks[id]!.supportUnitIds).toEqual(['unit-soTttt'])
    expect(restored.tasks[id]!.end).toBe(restored.tasks[id]!.start)
    expect(report.repairedTasks).toBe(1)
  })

  it('survives wrong types in every field', () => {
    const raw = JSON.parse(JSON.stringify(plan))
    const id = 'vn-2021-national-online-training'
    Object.assign(raw.tasks[id], { title: 5, status: 'maybe', training: 'yes', supportUnitIds: [1, null, 'unit-soTttt'], anchor: { type: 'moon' }, createdAt: 'x' })
    const restored = restorePlan(raw)!
    expect(restored.tasks[id]).toMatchObject({ title: '', status: 'planned', training: null, supportUnitIds: ['unit-soTttt'], anchor: { type: 'fixed' }, createdAt: 0 })
  })
})
