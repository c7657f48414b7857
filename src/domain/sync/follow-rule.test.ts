import { describe, expect, it } from 'vitest'
import {
  copyFollowedTask, followRuleOf, isDocumentMeantFor, isTaskMeantFor, levelsMeantFor, listFollowedTasks,
} from '@/domain/sync/follow-rule'
import { serializeTaskDocument, SETTINGS_DOC_ID } from '@/domain/sync/plan-documents'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import { derivePlan } from '@/domain/templates/plan-templates'
import type { Task } from '@/domain/types'

const province = buildCampaign2021Plan(1_600_000_000_000)
const tasks = Object.values(province.tasks)
const provinceTask = tasks.find((t) => t.level === 'province' && t.leadUnitId !== null && t.channelId !== null)!
const districtTask = tasks.find((t) => t.level === 'district')!
const district = derivePlan(province, { name: 'Huyện', level: 'district', locality: '', taskIds: [districtTask.id] }, 1_700_000_000_000, 'plan-d')

describe('what is meant for a lower-level plan', () => {
  it('a level and the ones below it', () => {
    expect(levelsMeantFor('district')).toEqual(['district', 'commune'])
    expect(levelsMeantFor('national')).toEqual(['national', 'province', 'district', 'commune'])
  })

  it('its level or lower, no level at all, or a task it copied; not a higher-level task it did not copy', () => {
    const rule = followRuleOf(district)
    expect(isTaskMeantFor(districtTask, rule)).toBe(true)
    expect(isTaskMeantFor({ id: 'x', level: 'commune' }, rule)).toBe(true)
    expect(isTaskMeantFor({ id: 'x', level: null }, rule)).toBe(true)
    expect(isTaskMeantFor(provinceTask, rule)).toBe(false)
    expect(isTaskMeantFor(provinceTask, followRuleOf({ ...district, tasks: { c: { ...provinceTask, id: 'c', derivedFromTaskId: provinceTask.id } } }))).toBe(true)
  })

  it('the replication filter: settings and deletions pass, garbage and design documents do not, held documents keep coming', () => {
    const rule = followRuleOf(district)
    expect(isDocumentMeantFor({ _id: SETTINGS_DOC_ID, type: 'plan-settings' }, rule)).toBe(true)
    expect(isDocumentMeantFor({ _id: provinceTask.id, _rev: '2-a', _deleted: true }, rule)).toBe(true)
    expect(isDocumentMeantFor(serializeTaskDocument(districtTask), rule)).toBe(true)
    expect(isDocumentMeantFor(serializeTaskDocument(provinceTask), rule)).toBe(false)
    expect(isDocumentMeantFor(serializeTaskDocument(provinceTask), rule, new Set([provinceTask.id]))).toBe(true)
    expect(isDocumentMeantFor({ _id: 'x', type: 'task', level: 42 }, rule)).toBe(false)
    expect(isDocumentMeantFor({ _id: '_design/guard' }, rule)).toBe(false)
    for (const garbage of [null, undefined, 7, 'task', [], { _id: 3 }, { type: 'task' }]) expect(isDocumentMeantFor(garbage, rule)).toBe(false)
  })

  it('lists them by date, each with the copy this plan has', () => {
    const rows = listFollowedTasks(province, district)
    expect(rows.length).toBe(tasks.filter((t) => t.level === 'district' || t.level === 'commune').length)
    expect(rows.map((r) => r.task.start)).toEqual(rows.map((r) => r.task.start).sort())
    const copied = rows.find((r) => r.task.id === districtTask.id)!
    expect(copied.copyId).not.toBeNull()
    expect(district.tasks[copied.copyId!]!.derivedFromTaskId).toBe(districtTask.id)
    expect(rows.filter((r) => r.copyId !== null)).toHaveLength(1)
  })
})

describe('copying a followed task', () => {
  it('adds a planned copy that remembers its source, once', () => {
    const done: Task = { ...provinceTask, status: 'done', doneOn: '2021-05-01' }
    const next = copyFollowedTask(district, done, province, 1_800_000_000_000, 'task-copy')
    const copy = next.tasks['task-copy']!
    expect(copy).toMatchObject({ title: done.title, start: done.start, end: done.end, derivedFromTaskId: done.id, status: 'planned', doneOn: null, createdAt: 1_800_000_000_000 })
    expect(Object.keys(next.tasks)).toHaveLength(Object.keys(district.tasks).length + 1)
    expect(copyFollowedTask(next, done, province, 1_900_000_000_000, 'task-again')).toBe(next)
  })

  it('keeps units and channels this plan has (by id or by name) and adds the ones it lacks', () => {
    const lead = province.units.find((u) => u.id === provinceTask.leadUnitId)!
    // The district has no unit of that id, but one of the same name (another id): it is used.
    const renamed = { ...district, units: [...district.units.filter((u) => u.id !== lead.id), { ...lead, id: 'unit-mine', name: ` ${lead.name.toUpperCase()} ` }] }
    expect(copyFollowedTask(renamed, provinceTask, province, 1, 'c').tasks.c!.leadUnitId).toBe('unit-mine')
    // Neither: the province's unit is added, so the task keeps a named unit.
    const none = { ...district, units: district.units.filter((u) => u.id !== lead.id), channels: [] }
    const next = copyFollowedTask(none, provinceTask, province, 1, 'c')
    expect(next.tasks.c!.leadUnitId).toBe(lead.id)
    expect(next.units.find((u) => u.id === lead.id)?.name).toBe(lead.name)
    expect(next.tasks.c!.channelId).toBe(provinceTask.channelId)
    expect(next.channels.map((c) => c.id)).toEqual([provinceTask.channelId])
    // A unit nobody knows is dropped rather than left dangling.
    expect(copyFollowedTask(district, { ...provinceTask, leadUnitId: 'unit-ghost', supportUnitIds: ['unit-ghost'] }, province, 1, 'c').tasks.c).toMatchObject({ leadUnitId: null, supportUnitIds: [] })
  })
})
