import { describe, expect, it } from 'vitest'
import { applyImport } from '@/domain/plan/import-tasks'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Task } from '@/domain/types'

const plan = buildCampaign2021Plan(100)
const existing = plan.tasks['vn-2021-province-press-training']!
const fresh: Task = { ...emptyTaskDraft('2021-05-05', '2021-05-06', true), id: 'new-1', title: 'Mới', createdAt: 200, updatedAt: 200 }

describe('applying an import', () => {
  it('merges: adds new tasks, updates older ones, keeps newer and equal ones, and counts them', () => {
    const newer = { ...existing, title: 'Đã sửa', updatedAt: 500 }
    const older = { ...plan.tasks['vn-2021-national-online-training']!, title: 'Cũ', updatedAt: 1 }
    const same = plan.tasks['vn-2021-campaigning-ends']!
    const outcome = applyImport(plan, { tasks: [fresh, newer, older, same] }, 'merge', 1000)
    expect([outcome.added, outcome.updated, outcome.unchanged]).toEqual([1, 1, 2])
    expect(outcome.plan.tasks['new-1']?.title).toBe('Mới')
    expect(outcome.plan.tasks[existing.id]?.title).toBe('Đã sửa')
    expect(outcome.plan.tasks['vn-2021-national-online-training']?.title).not.toBe('Cũ')
    expect(Object.keys(outcome.plan.tasks)).toHaveLength(Object.keys(plan.tasks).length + 1)
  })

  it('replaces: the plan holds exactly the imported tasks, the others get tombstones', () => {
    const outcome = applyImport(plan, { tasks: [fresh] }, 'replace', 1000)
    expect(Object.keys(outcome.plan.tasks)).toEqual(['new-1'])
    expect(outcome.removed).toBe(Object.keys(plan.tasks).length)
    expect(outcome.plan.deletedTasks[existing.id]).toBe(1000)
  })

  it('keeps links the file explains and drops the ones nobody knows', () => {
    const linked = { ...fresh, leadUnitId: 'unit-file', channelId: 'channel-nowhere', supportUnitIds: ['unit-file', 'unit-nowhere'] }
    const outcome = applyImport(plan, { tasks: [linked], units: [{ id: 'unit-file', name: 'Đơn vị từ tệp', updatedAt: 1 }] }, 'merge', 1000)
    expect(outcome.plan.tasks['new-1']).toMatchObject({ leadUnitId: 'unit-file', channelId: null, supportUnitIds: ['unit-file'] })
    expect(outcome.plan.units.some((u) => u.id === 'unit-file')).toBe(true)
  })

  it('does not touch the plan it was given', () => {
    const before = JSON.stringify(plan)
    applyImport(plan, { tasks: [fresh, { ...existing, title: 'x', updatedAt: 9999 }] }, 'replace', 1000)
    expect(JSON.stringify(plan)).toBe(before)
  })

  it('renames a task id that is a reserved key, whatever file it came from, instead of losing the task', () => {
    for (const id of ['__proto__', 'constructor', 'prototype']) {
      const outcome = applyImport(plan, { tasks: [{ ...fresh, id, leadUnitId: existing.leadUnitId }] }, 'merge', 1000)
      expect(outcome.added).toBe(1)
      expect(Object.hasOwn(outcome.plan.tasks, `renamed-${id}`)).toBe(true)
      expect(Object.getPrototypeOf(outcome.plan.tasks)).toBe(Object.prototype)
      expect(outcome.plan.tasks[`renamed-${id}`]!.leadUnitId).toBe(existing.leadUnitId)
    }
  })
})
