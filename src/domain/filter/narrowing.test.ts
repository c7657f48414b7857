import { describe, expect, it } from 'vitest'
import { isNarrowingOf, markNarrowing, matchingTasks } from '@/domain/filter/narrowing'
import { EMPTY_FILTER, type TaskPredicate } from '@/domain/filter/task-filter'
import type { Task } from '@/domain/types'

const filter = (text: string, more: Partial<typeof EMPTY_FILTER> = {}) => ({ ...EMPTY_FILTER, text, ...more })

describe('isNarrowingOf', () => {
  it('is true when each earlier word lies inside a word of the new search and nothing else changed', () => {
    expect(isNarrowingOf(filter('tuye'), filter('tuy'))).toBe(true)
    expect(isNarrowingOf(filter('tuyen t'), filter('tuyen'))).toBe(true)
    expect(isNarrowingOf(filter('Tuyên'), filter('tuyen'))).toBe(true) // folded
    expect(isNarrowingOf(filter('tuyen'), filter(''))).toBe(true)
  })

  it('is false when a letter is deleted, a word replaced or another facet changed', () => {
    expect(isNarrowingOf(filter('tuy'), filter('tuye'))).toBe(false)
    expect(isNarrowingOf(filter('pano'), filter('tuyen'))).toBe(false)
    expect(isNarrowingOf(filter('tuyen', { late: true }), filter('tuy'))).toBe(false)
    expect(isNarrowingOf(filter('tuyen', { unitIds: ['a'] }), filter('tuy', { unitIds: ['b'] }))).toBe(false)
  })
})

describe('matchingTasks', () => {
  const tasks = Object.fromEntries(['alpha', 'alps', 'beta'].map((title) => [title, { id: title, title } as Task]))

  it('tests only the previous matches when the predicate narrows one asked before', () => {
    const asked: string[] = []
    const startsAl: TaskPredicate = (task) => task.title.startsWith('al')
    const alp: TaskPredicate = (task) => { asked.push(task.id); return task.title.startsWith('alp') }
    expect(matchingTasks(tasks, startsAl).map((t) => t.id)).toEqual(['alpha', 'alps'])
    expect(matchingTasks(tasks, markNarrowing(alp, startsAl)).map((t) => t.id)).toEqual(['alpha', 'alps'])
    expect(asked).toEqual(['alpha', 'alps']) // "beta" was not asked again
  })

  it('scans every task when the record changed since the narrowed predicate was asked', () => {
    const all: TaskPredicate = () => true
    matchingTasks(tasks, all)
    const next = { ...tasks, gamma: { id: 'gamma', title: 'gamma' } as Task }
    const g: TaskPredicate = (task) => task.title.startsWith('g')
    expect(matchingTasks(next, markNarrowing(g, all)).map((t) => t.id)).toEqual(['gamma'])
  })
})
