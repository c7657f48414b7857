import { describe, expect, it } from 'vitest'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import { expandTask } from '@/domain/plan/recurrence'
import { isOccurrenceLate, isTaskLate, occurrenceDoneDay, occurrenceStatusAsOf } from '@/domain/plan/task-progress'
import type { Task } from '@/domain/types'

const task = (extra: Partial<Task> = {}): Task => ({
  ...emptyTaskDraft('2021-04-20', '2021-04-21', true), id: 't', title: 't', createdAt: 0, updatedAt: 0, ...extra,
})
const single = (t: Task) => ({ task: t, start: t.start, end: t.end })
const daily = (extra: Partial<Task> = {}) => task({
  start: '2021-04-26', end: '2021-04-27',
  recurrence: { frequency: 'daily', interval: 1, weekdays: [], until: '2021-04-30', count: null, exceptions: {} },
  ...extra,
})

describe('a task as of a day', () => {
  it('counts a task done only from the day it was done', () => {
    const done = task({ status: 'done', doneOn: '2021-05-03' })
    expect(occurrenceStatusAsOf(single(done), '2021-05-03')).toBe('done')
    // Reviewed as of 30/04, the work done in May was begun and not done: late, since it ended on 20/04.
    expect(occurrenceStatusAsOf(single(done), '2021-04-30')).toBe('in-progress')
    expect(isOccurrenceLate(single(done), '2021-04-30')).toBe(true)
    expect(isOccurrenceLate(single(done), '2021-05-03')).toBe(false)
    // Before it began it was planned (and not late).
    expect(occurrenceStatusAsOf(single(done), '2021-04-19')).toBe('planned')
    expect(isOccurrenceLate(single(done), '2021-04-19')).toBe(false)
  })

  it('takes the last day of a done task saved without its day, and never counts cancelled work as late', () => {
    const legacy = task({ status: 'done', doneOn: null, start: '2021-04-20', end: '2021-04-23' })
    expect(occurrenceDoneDay(single(legacy))).toBe('2021-04-22')
    expect(occurrenceStatusAsOf(single(legacy), '2021-04-21')).toBe('in-progress')
    expect(isOccurrenceLate(single(task({ status: 'cancelled' })), '2021-06-01')).toBe(false)
  })

  it('is late once its last day is past: a timed task ending at midnight does not touch the next day', () => {
    const evening = task({ allDay: false, start: '2021-05-04T20:00', end: '2021-05-05T00:00' })
    expect(isOccurrenceLate(single(evening), '2021-05-05')).toBe(true)
    expect(isOccurrenceLate(single(evening), '2021-05-04')).toBe(false)
    const allDay = task({ start: '2021-05-04', end: '2021-05-05' })
    expect(isOccurrenceLate(single(allDay), '2021-05-05')).toBe(true)
    expect(isOccurrenceLate(single(allDay), '2021-05-04')).toBe(false)
  })

  it('counts each occurrence of a done series from its own last day, and those after the series was closed from that day', () => {
    const series = daily({ status: 'done', doneOn: '2021-04-28' })
    expect(expandTask(series).map((o) => occurrenceDoneDay(o))).toEqual(['2021-04-26', '2021-04-27', '2021-04-28', '2021-04-28', '2021-04-28'])
    expect(expandTask(series).map((o) => occurrenceStatusAsOf(o, '2021-04-27'))).toEqual(['done', 'done', 'planned', 'planned', 'planned'])
  })

  it('calls a running series late as soon as one of its past occurrences is, and the filter agrees', () => {
    const running = daily({ status: 'in-progress' })
    expect(isTaskLate(running, '2021-04-26')).toBe(false)
    expect(isTaskLate(running, '2021-04-27')).toBe(true)
    expect(isTaskLate(daily({ status: 'done', doneOn: '2021-04-30' }), '2021-05-10')).toBe(false)
    // A done task whose day is after today is late until then (an explicit "done on" in the future).
    expect(isTaskLate(task({ status: 'done', doneOn: '2021-05-12' }), '2021-05-10')).toBe(true)
    expect(isTaskLate(task({ status: 'cancelled' }), '2021-05-10')).toBe(false)
  })
})
