import { describe, expect, it } from 'vitest'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import type { Task } from '@/domain/types'
import { differingFields, fieldDiffers, mergeVersions } from '@/features/sync/utils/conflict-fields'

const base: Task = {
  ...emptyTaskDraft('2026-02-02', '2026-02-05', true), id: 't-1', title: 'Treo pano', createdAt: 100, updatedAt: 200,
} as Task

describe('conflict fields', () => {
  it('lists only the rows that differ, dates as one row', () => {
    const other: Task = { ...base, start: '2026-02-03', end: '2026-02-06', description: 'ghi chú', updatedAt: 300 }
    expect(differingFields(base, other)).toEqual(['dates', 'notes'])
    expect(fieldDiffers('title', base, other)).toBe(false)
    // updatedAt alone is not a difference a person reviews.
    expect(differingFields(base, { ...base, updatedAt: 999 })).toEqual([])
  })

  it('merges per row: start and end travel together, the rest stays the current version', () => {
    const other: Task = { ...base, title: 'Treo băng rôn', start: '2026-02-10', end: '2026-02-12', status: 'done', doneOn: '2026-02-11' }
    const merged = mergeVersions(base, other, { dates: 'other', title: 'current', status: 'other' })
    expect(merged).toMatchObject({ id: 't-1', title: 'Treo pano', start: '2026-02-10', end: '2026-02-12', status: 'done', doneOn: '2026-02-11' })
    expect(mergeVersions(base, other, {})).toEqual(base)
  })
})
