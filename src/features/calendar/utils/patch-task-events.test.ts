import { describe, expect, it } from 'vitest'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import type { Task } from '@/domain/types'
import { changedTaskIds, keepsLayout } from '@/features/calendar/utils/patch-task-events'

const task = (id: string, extra: Partial<Task> = {}): Task => ({
  ...emptyTaskDraft('2021-05-02', '2021-05-03', true), id, title: id, createdAt: 0, updatedAt: 0, ...extra,
})

describe('patching task events in place', () => {
  it('lists added, edited and deleted tasks by identity, and gives up past the limit', () => {
    const a = task('a')
    const b = task('b')
    expect(changedTaskIds({ a, b }, { a, b: { ...b, title: 'B' }, c: task('c') }, 5)).toEqual(['b', 'c'])
    expect(changedTaskIds({ a, b }, { a }, 5)).toEqual(['b'])
    expect(changedTaskIds({ a, b }, { a: task('a'), b: task('b') }, 1)).toBeNull()
  })

  it('patches a title, status or colour change, and refetches when days, series or visibility change', () => {
    const before = task('a', { channelId: 'radio' })
    const none = null
    const hiding = (channel: string) => (t: Task) => t.channelId !== channel
    expect(keepsLayout(before, { ...before, title: 'x', status: 'done', channelId: 'press' }, none)).toBe(true)
    expect(keepsLayout(before, { ...before, end: '2021-05-04' }, none)).toBe(false)
    expect(keepsLayout(before, { ...before, recurrence: { frequency: 'daily', interval: 1, weekdays: [], until: '2021-05-09', count: null, exceptions: {} } }, none)).toBe(false)
    expect(keepsLayout(before, { ...before, channelId: 'press' }, hiding('press'))).toBe(false)
    expect(keepsLayout(before, undefined, none)).toBe(false)
  })
})
