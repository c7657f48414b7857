import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays, datePart } from '@/domain/dates/local-date'
import { buildTaskIndex, monthsBetween, queryOccurrences, queryTaskIndex } from '@/domain/plan/task-index'
import { expandTask } from '@/domain/plan/recurrence'
import { lastDay } from '@/domain/plan/task-dates'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import type { Task } from '@/domain/types'

const task = (id: string, start: string, days: number): Task => ({ ...emptyTaskDraft(start, addDays(start, days), true), id, title: id, createdAt: 0, updatedAt: 0 })

describe('task index by month', () => {
  it('lists month keys across a year boundary', () => {
    expect(monthsBetween('2020-11-17', '2021-02-01')).toEqual(['2020-11', '2020-12', '2021-01', '2021-02'])
  })

  it('finds exactly the tasks touching a range, once each (property: same as a linear scan)', () => {
    const arbTask = fc.record({ offset: fc.integer({ min: 0, max: 200 }), days: fc.integer({ min: 1, max: 60 }) })
    fc.assert(fc.property(fc.array(arbTask, { maxLength: 60 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 45 }), (specs, from, length) => {
      const tasks = specs.map((s, i) => task(`t${i}`, addDays('2021-01-01', s.offset), s.days))
      const start = addDays('2021-01-01', from)
      const end = addDays(start, length)
      const expected = tasks.filter((t) => datePart(t.start) < end && lastDay(t) >= start).map((t) => t.id).sort()
      const actual = queryTaskIndex(buildTaskIndex(tasks), start, end).map((t) => t.id).sort()
      expect(actual).toEqual(expected)
    }), { numRuns: 300 })
  })

  it('gives the same occurrences as expanding every task, single tasks and a weekly series alike', () => {
    const weekly: Task = { ...task('series', '2021-01-04', 2), recurrence: { frequency: 'weekly', interval: 1, weekdays: ['MO'], until: '2021-06-30', count: null, exceptions: {} } }
    const arbTask = fc.record({ offset: fc.integer({ min: 0, max: 200 }), days: fc.integer({ min: 1, max: 60 }) })
    fc.assert(fc.property(fc.array(arbTask, { maxLength: 40 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 45 }), (specs, from, length) => {
      const tasks = [weekly, ...specs.map((s, i) => task(`t${i}`, addDays('2021-01-01', s.offset), s.days))]
      const start = addDays('2021-01-01', from)
      const end = addDays(start, length)
      const key = (o: { task: Task; occurrenceDate: string; start: string; end: string }) => `${o.task.id}|${o.occurrenceDate}|${o.start}|${o.end}`
      const expected = tasks.flatMap((t) => expandTask(t, start, end)).map(key).sort()
      expect(queryOccurrences(buildTaskIndex(tasks), start, end).map(key).sort()).toEqual(expected)
    }), { numRuns: 200 })
  })
})
