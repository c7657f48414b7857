import { describe, expect, it } from 'vitest'
import { addTask, deleteChannel, deleteTask, deleteUnit, emptyTaskDraft, moveTask, renameUnit, updateTask } from '@/domain/plan/plan-ops'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'

const base = buildCampaign2021Plan(1000)

describe('plan operations', () => {
  it('adds a task with its clocks and never mutates the plan it was given', () => {
    const before = JSON.stringify(base)
    const plan = addTask(base, { ...emptyTaskDraft('2021-05-05', '2021-05-07', true), title: 'Mới' }, 2000, 'task-new')
    expect(plan.tasks['task-new']).toMatchObject({ title: 'Mới', createdAt: 2000, updatedAt: 2000 })
    expect(JSON.stringify(base)).toBe(before)
  })

  it('stamps updatedAt on an edit and leaves other tasks untouched (same objects)', () => {
    const plan = updateTask(base, 'vn-2021-province-press-training', { status: 'done' }, 5000)
    expect(plan.tasks['vn-2021-province-press-training']!.updatedAt).toBe(5000)
    expect(plan.tasks['vn-2021-national-online-training']).toBe(base.tasks['vn-2021-national-online-training'])
  })

  it('keeps the day a task was done: today when not given, the edit\'s day when given, none once reopened', () => {
    const id = 'vn-2021-province-press-training'
    // 2021-04-30T18:00Z is already 1 May in Vietnam, the plan's zone.
    const now = Date.UTC(2021, 3, 30, 18, 0)
    const done = updateTask(base, id, { status: 'done' }, now)
    expect(done.tasks[id]!.doneOn).toBe('2021-05-01')
    expect(updateTask(done, id, { title: 'Tập huấn' }, now + 86_400_000).tasks[id]!.doneOn).toBe('2021-05-01')
    expect(updateTask(done, id, { status: 'done', doneOn: '2021-03-30' }, now).tasks[id]!.doneOn).toBe('2021-03-30')
    expect(updateTask(base, id, { status: 'done', doneOn: '2021-03-30' }, now).tasks[id]!.doneOn).toBe('2021-03-30')
    const reopened = updateTask(done, id, { status: 'in-progress' }, now)
    expect(reopened.tasks[id]!.doneOn).toBeNull()
    expect(updateTask(base, id, { doneOn: '2021-03-30' }, now).tasks[id]!.doneOn).toBeNull()
    const added = addTask(base, { ...emptyTaskDraft('2021-05-05', '2021-05-06', true), status: 'done' }, now, 'new')
    expect(added.tasks.new!.doneOn).toBe('2021-05-01')
    expect(addTask(base, { ...emptyTaskDraft('2021-05-05', '2021-05-06', true), doneOn: '2021-05-05' }, now, 'new').tasks.new!.doneOn).toBeNull()
  })

  it('deletes with a tombstone, and re-adding the same id clears it', () => {
    const deleted = deleteTask(base, 'vn-2021-province-press-training', 7000)
    expect(deleted.tasks['vn-2021-province-press-training']).toBeUndefined()
    expect(deleted.deletedTasks['vn-2021-province-press-training']).toBe(7000)
    const readded = addTask(deleted, emptyTaskDraft('2021-05-05', '2021-05-06', true), 8000, 'vn-2021-province-press-training')
    expect(readded.deletedTasks['vn-2021-province-press-training']).toBeUndefined()
  })

  it('moves an all-day task keeping its length and a timed task keeping its duration', () => {
    let plan = addTask(base, { ...emptyTaskDraft('2021-05-05', '2021-05-08', true), title: 'A' }, 1, 'a')
    plan = moveTask(plan, 'a', { start: '2021-05-12', end: null, allDay: true }, 2)
    expect([plan.tasks.a!.start, plan.tasks.a!.end, plan.tasks.a!.allDay]).toEqual(['2021-05-12', '2021-05-15', true])
    plan = addTask(plan, { ...emptyTaskDraft('2021-03-30T08:00', '2021-03-30T11:30', false), title: 'B' }, 1, 'b')
    plan = moveTask(plan, 'b', { start: '2021-03-31T14:00', end: null, allDay: false }, 2)
    expect([plan.tasks.b!.start, plan.tasks.b!.end]).toEqual(['2021-03-31T14:00', '2021-03-31T17:30'])
  })

  it('keeps an anchored task anchored after a drag, with the new offset', () => {
    const id = Object.values(base.tasks).find((t) => t.anchor.type === 'election-day')!.id
    const plan = moveTask(base, id, { start: '2021-05-20', end: null, allDay: true }, 2)
    expect(plan.tasks[id]!.anchor).toEqual({ type: 'election-day', offsetDays: -3 })
  })

  it('refuses to delete a unit in use without a replacement, and moves its tasks to the replacement', () => {
    const unitId = 'unit-soTttt'
    expect(deleteUnit(base, unitId, null, 2)).toBeNull()
    const plan = deleteUnit(base, unitId, 'unit-banTuyenGiao', 2)!
    expect(plan.units.some((u) => u.id === unitId)).toBe(false)
    for (const task of Object.values(plan.tasks)) {
      expect(task.leadUnitId).not.toBe(unitId)
      expect(task.supportUnitIds).not.toContain(unitId)
      expect(task.supportUnitIds).not.toContain(task.leadUnitId)
      expect(new Set(task.supportUnitIds).size).toBe(task.supportUnitIds.length)
    }
    expect(Object.values(plan.tasks).filter((t) => t.leadUnitId === 'unit-banTuyenGiao').length)
      .toBeGreaterThan(Object.values(base.tasks).filter((t) => t.leadUnitId === 'unit-banTuyenGiao').length)
  })

  it('deletes an unused unit without a replacement, and renames with a trimmed name', () => {
    const withUnit = renameUnit(base, 'unit-tinhDoan', '  Tỉnh đoàn Thanh niên  ', 3)
    expect(withUnit.units.find((u) => u.id === 'unit-tinhDoan')!.name).toBe('Tỉnh đoàn Thanh niên')
    const unused = base.units.find((u) => !Object.values(base.tasks).some((t) => t.leadUnitId === u.id || t.supportUnitIds.includes(u.id)))
    if (unused) expect(deleteUnit(base, unused.id, null, 3)!.units).toHaveLength(base.units.length - 1)
  })

  it('moves the tasks of a deleted channel to the replacement', () => {
    expect(deleteChannel(base, 'channel-print', null, 2)).toBeNull()
    const plan = deleteChannel(base, 'channel-print', 'channel-other', 2)!
    expect(Object.values(plan.tasks).some((t) => t.channelId === 'channel-print')).toBe(false)
  })
})
