import { describe, expect, it } from 'vitest'
import { compactPlan } from '@/domain/plan/compact-plan'
import { restorePlan, restorePlanRecord, restoreTask } from '@/domain/plan/restore-plan'
import { emptyReport, reportHasChanges } from '@/domain/plan/restore-report'
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

describe('restore counts every change (issue #9: a restore must never silently cost data)', () => {
  const taskId = 'vn-2021-national-online-training'
  const rawPlan = () => JSON.parse(JSON.stringify(plan)) as { id: string; tasks: Record<string, Record<string, unknown>>; [key: string]: unknown }
  const fieldsOf = (report: ReturnType<typeof emptyReport>, id: string) => report.details.find((d) => d.id === id)?.fields ?? []

  it('reports nothing for a valid plan, as saved and in its compact storage form', () => {
    const report = emptyReport()
    restorePlan(JSON.parse(JSON.stringify(plan)), report)
    restorePlan(JSON.parse(JSON.stringify(compactPlan(plan))), report)
    expect(reportHasChanges(report)).toBe(false)
    expect(report.details).toEqual([])
  })

  it('counts each field that fell back to its default, naming the fields', () => {
    const raw = rawPlan()
    Object.assign(raw.tasks[taskId]!, { title: {}, allDay: -1, status: 'maybe', level: 'village', anchor: { type: 'moon' }, campaigning: 'yes', training: 'yes', source: 7 })
    raw.timeZone = 42
    const report = emptyReport()
    restorePlan(raw, report)
    expect(report.repairedTasks).toBe(1)
    expect(fieldsOf(report, taskId)).toEqual(expect.arrayContaining(['title', 'allDay', 'status', 'level', 'anchor', 'campaigning', 'training', 'source']))
    expect(report.repairedOther).toBe(1)
    expect(fieldsOf(report, plan.id)).toContain('timeZone')
    expect(reportHasChanges(report)).toBe(true)
  })

  it('reads a save from before "done on" existed as not known, without counting a repair', () => {
    const raw = rawPlan()
    raw.tasks[taskId]!.status = 'done'
    delete raw.tasks[taskId]!.doneOn
    const report = emptyReport()
    const restored = restorePlan(raw, report)!
    expect(restored.tasks[taskId]!.doneOn).toBeNull()
    expect(restored.tasks[taskId]!.status).toBe('done')
    expect(reportHasChanges(report)).toBe(false)
  })

  it('keeps a valid "done on" day and counts an unreadable one', () => {
    const raw = rawPlan()
    Object.assign(raw.tasks[taskId]!, { status: 'done', doneOn: '2021-02-26' })
    raw.tasks['vn-2021-province-press-training']!.status = 'done'
    raw.tasks['vn-2021-province-press-training']!.doneOn = '2021-02-30'
    const report = emptyReport()
    const restored = restorePlan(raw, report)!
    expect(restored.tasks[taskId]!.doneOn).toBe('2021-02-26')
    expect(restored.tasks['vn-2021-province-press-training']!.doneOn).toBeNull()
    expect(report.repairedTasks).toBe(1)
    expect(fieldsOf(report, 'vn-2021-province-press-training')).toEqual(['doneOn'])
  })

  it('keeps a series whose last day does not exist, ending it on the month\'s last day, and counts it', () => {
    const raw = rawPlan()
    raw.tasks[taskId]!.recurrence = { frequency: 'daily', interval: 1, weekdays: [], until: '2021-02-31', count: null, exceptions: {} }
    raw.tasks[taskId]!.start = '2021-02-20'
    raw.tasks[taskId]!.end = '2021-02-21'
    raw.tasks[taskId]!.allDay = true
    const report = emptyReport()
    const restored = restorePlan(raw, report)!
    expect(restored.tasks[taskId]!.recurrence?.until).toBe('2021-02-28')
    expect(fieldsOf(report, taskId)).toContain('recurrence.until')
  })

  it('counts a series it cannot keep (a frequency the planner does not have) instead of silently making it a single task', () => {
    const raw = rawPlan()
    raw.tasks[taskId]!.recurrence = { frequency: 'monthly', interval: 1, weekdays: [], until: '2021-06-30', count: null, exceptions: {} }
    const report = emptyReport()
    const restored = restorePlan(raw, report)!
    expect(restored.tasks[taskId]!.recurrence).toBeNull()
    expect(report.repairedTasks).toBe(1)
    expect(fieldsOf(report, taskId)).toEqual(['recurrence'])
  })

  it('drops an unknown field nested 100,000 levels deep, counts it, and the plan can be saved again', () => {
    let deep: unknown = []
    for (let i = 0; i < 100_000; i += 1) deep = [deep]
    const raw = rawPlan()
    raw.tasks[taskId]!.extra = deep
    raw.tasks[taskId]!.futureField = { kept: true }
    raw.newerPlanField = 'x'.repeat(200_000)
    const report = emptyReport()
    const restored = restorePlan(raw, report)!
    expect(() => JSON.stringify(restored)).not.toThrow()
    expect(fieldsOf(report, taskId)).toEqual(['extra'])
    expect((restored.tasks[taskId] as unknown as Record<string, unknown>).futureField).toEqual({ kept: true })
    expect(fieldsOf(report, plan.id)).toEqual(['newerPlanField'])
  })

  it('renames a task, a plan and a unit whose id is a reserved key, keeping the links, and counts it', () => {
    const text = JSON.stringify(plan)
      .replace(`"${taskId}":{"id":"${taskId}"`, '"__proto__":{"id":"__proto__"')
      .replaceAll('"unit-soTttt"', '"constructor"')
    const raw = JSON.parse(`{"__proto__": ${text.replace(`"id":"${plan.id}"`, '"id":"__proto__"')}}`)
    const report = emptyReport()
    const plans = restorePlanRecord(raw, report)
    const restored = plans['renamed-__proto__']!
    expect(restored).toBeDefined()
    expect(Object.getPrototypeOf(plans)).toBe(Object.prototype)
    expect(restored.tasks['renamed-__proto__']!.title).toBe(plan.tasks[taskId]!.title)
    expect(restored.units.map((u) => u.id)).toContain('renamed-constructor')
    expect(Object.values(restored.tasks).some((t) => t.leadUnitId === 'renamed-constructor')).toBe(true)
    expect(Object.keys(restored.tasks)).toHaveLength(Object.keys(plan.tasks).length)
    expect(reportHasChanges(report)).toBe(true)
    expect(fieldsOf(report, '__proto__')).toContain('id')
  })

  it('counts an occurrence exception keyed by a reserved key', () => {
    const raw = rawPlan()
    raw.tasks[taskId]!.recurrence = JSON.parse('{"frequency":"daily","interval":1,"weekdays":[],"until":"2021-06-30","count":null,"exceptions":{"__proto__":{"type":"cancelled"}}}')
    const report = emptyReport()
    const restored = restorePlan(raw, report)!
    expect(restored.tasks[taskId]!.recurrence?.exceptions).toEqual({})
    expect(fieldsOf(report, taskId)).toEqual(['recurrence.exceptions'])
  })

  it('keeps the good tombstones when one is bad, and counts the bad one', () => {
    const raw = rawPlan()
    raw.deletedTasks = { a: 5, b: 'x', __proto__: 7 }
    const report = emptyReport()
    const restored = restorePlan(raw, report)!
    expect(restored.deletedTasks).toEqual({ a: 5 })
    expect(fieldsOf(report, plan.id)).toEqual(['deletedTasks'])
  })

  it('counts a plan it has to drop', () => {
    const report = emptyReport()
    restorePlanRecord({ x: { id: 'x', election: { electionDay: 'soon' } }, y: 5 }, report)
    expect(report.droppedOther).toBe(2)
  })
})
