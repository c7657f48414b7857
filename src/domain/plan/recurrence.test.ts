import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays, datePart } from '@/domain/dates/local-date'
import {
  expandTask, MAX_OCCURRENCES, occurrenceSpan, parseOccurrenceKey, occurrenceKey, pruneExceptions, ruleDates, shiftRecurrence,
  validateRecurrence,
} from '@/domain/plan/recurrence'
import { addTask, emptyTaskDraft, moveOccurrence, moveTask, setOccurrenceCancelled } from '@/domain/plan/plan-ops'
import { restoreTask } from '@/domain/plan/restore-plan'
import { buildTaskIndex, queryTaskIndex } from '@/domain/plan/task-index'
import { replanElection } from '@/domain/rules/replan'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Task, TaskRecurrence } from '@/domain/types'

const daily = (until: string | null, count: number | null = null): TaskRecurrence =>
  ({ frequency: 'daily', interval: 1, weekdays: [], until, count, exceptions: {} })

function series(recurrence: TaskRecurrence, start = '2021-05-13', end = addDays(start, 1), allDay = true): Task {
  return { ...emptyTaskDraft(start, end, allDay), title: 'Thông báo', recurrence, id: 't', createdAt: 0, updatedAt: 0 }
}

describe('recurrence rules', () => {
  it('gives the daily notice of polling time and place on each of the 11 days from D-10 to D', () => {
    const dates = ruleDates('2021-05-13', daily('2021-05-23'))
    expect(dates).toHaveLength(11)
    expect(dates[0]).toBe('2021-05-13')
    expect(dates.at(-1)).toBe('2021-05-23')
  })

  it('repeats weekly on the chosen weekdays every other week, always from the start', () => {
    // 2021-04-01 is a Thursday; Mondays and Thursdays, every 2 weeks, 5 times.
    const dates = ruleDates('2021-04-01', { frequency: 'weekly', interval: 2, weekdays: ['MO', 'TH'], until: null, count: 5, exceptions: {} })
    expect(dates).toEqual(['2021-04-01', '2021-04-12', '2021-04-15', '2021-04-26', '2021-04-29'])
  })

  it("adds the start's own weekday to a weekly rule that forgot it", () => {
    const dates = ruleDates('2021-04-01', { frequency: 'weekly', interval: 1, weekdays: ['MO'], until: '2021-04-12', count: null, exceptions: {} })
    expect(dates).toEqual(['2021-04-01', '2021-04-05', '2021-04-08', '2021-04-12'])
  })

  it('ends after COUNT occurrences, counting cancelled ones as RFC 5545 does', () => {
    const task = series({ ...daily(null, 3), exceptions: { '2021-05-14': { type: 'cancelled' } } })
    expect(expandTask(task).map((o) => o.start)).toEqual(['2021-05-13', '2021-05-15'])
  })

  it('never expands beyond the occurrence cap, whatever the rule says', () => {
    expect(ruleDates('2021-01-01', daily('2099-01-01'))).toHaveLength(MAX_OCCURRENCES)
    expect(validateRecurrence('2021-01-01', daily('2099-01-01'))).toBe('tooManyOccurrences')
  })

  it('explains what is wrong with a rule', () => {
    expect(validateRecurrence('2021-05-13', daily(null))).toBe('noEnd')
    expect(validateRecurrence('2021-05-13', daily('2021-05-12'))).toBe('untilBeforeStart')
    expect(validateRecurrence('2021-05-13', { ...daily('2021-05-20'), interval: 0 })).toBe('invalidInterval')
    expect(validateRecurrence('2021-05-13', daily(null, 0))).toBe('invalidCount')
    expect(validateRecurrence('2021-05-13', daily('2021-05-23'))).toBeNull()
  })
})

describe('occurrences', () => {
  it('keeps the time and length of a timed series on every day', () => {
    const task = series(daily('2021-05-15'), '2021-05-13T06:30', '2021-05-13T07:00', false)
    expect(expandTask(task).map((o) => [o.start, o.end])).toEqual([
      ['2021-05-13T06:30', '2021-05-13T07:00'],
      ['2021-05-14T06:30', '2021-05-14T07:00'],
      ['2021-05-15T06:30', '2021-05-15T07:00'],
    ])
  })

  it('places a moved occurrence at its new dates, keyed by its rule date, and sorts by start', () => {
    const task = series({ ...daily('2021-05-16'), exceptions: { '2021-05-14': { type: 'moved', start: '2021-05-20', end: '2021-05-21' } } })
    const occurrences = expandTask(task)
    expect(occurrences.map((o) => o.start)).toEqual(['2021-05-13', '2021-05-15', '2021-05-16', '2021-05-20'])
    expect(occurrences.at(-1)).toMatchObject({ occurrenceDate: '2021-05-14', moved: true })
    expect(occurrenceSpan(task)).toEqual({ first: '2021-05-13', last: '2021-05-20' })
  })

  it('returns only the occurrences touching a range', () => {
    const task = series(daily('2021-05-23'))
    expect(expandTask(task, '2021-05-20', '2021-05-22').map((o) => o.occurrenceDate)).toEqual(['2021-05-20', '2021-05-21'])
  })

  it('gives a single task as its one occurrence', () => {
    const task = series(daily('2021-05-23'))
    expect(expandTask({ ...task, recurrence: null })).toEqual([
      { task: { ...task, recurrence: null }, occurrenceDate: '2021-05-13', start: '2021-05-13', end: '2021-05-14', moved: false, recurring: false },
    ])
  })

  it('round-trips an occurrence key, even for ids with an @ in them', () => {
    expect(parseOccurrenceKey(occurrenceKey('a@b', '2021-05-13'))).toEqual({ taskId: 'a@b', occurrenceDate: '2021-05-13' })
    expect(parseOccurrenceKey('plain')).toEqual({ taskId: 'plain', occurrenceDate: null })
  })

  it('is found by the month index in every month of the series', () => {
    const task = series(daily('2021-07-02'), '2021-05-30', '2021-05-31')
    const index = buildTaskIndex([task])
    expect(queryTaskIndex(index, '2021-06-01', '2021-07-01')).toEqual([task])
    expect(queryTaskIndex(index, '2021-07-03', '2021-08-01')).toEqual([])
  })

  it('moving a series by k days and back gives the same rule (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -800, max: 800 }), (k) => {
      const rule: TaskRecurrence = {
        ...daily('2021-05-23'),
        exceptions: { '2021-05-14': { type: 'cancelled' }, '2021-05-15': { type: 'moved', start: '2021-05-16T08:00', end: '2021-05-16T09:00' } },
      }
      expect(shiftRecurrence(shiftRecurrence(rule, k), -k)).toEqual(rule)
    }))
  })

  it('moving a weekly series by any number of days moves every occurrence by as many days (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -400, max: 400 }), (k) => {
      const rule: TaskRecurrence = {
        frequency: 'weekly', interval: 1, weekdays: ['MO', 'WE'], until: '2021-05-16', count: null, exceptions: { '2021-05-05': { type: 'cancelled' } },
      }
      const task = series(rule, '2021-05-03')
      const moved = { ...task, start: addDays(task.start, k), end: addDays(task.end, k), recurrence: shiftRecurrence(rule, k) }
      expect(expandTask(moved).map((o) => o.start)).toEqual(expandTask(task).map((o) => addDays(o.start, k)))
    }))
  })

  it('drops exceptions for dates the rule no longer gives', () => {
    const rule = { ...daily('2021-05-23'), exceptions: { '2021-05-14': { type: 'cancelled' as const }, '2021-05-30': { type: 'cancelled' as const } } }
    expect(Object.keys(pruneExceptions('2021-05-13', rule).exceptions)).toEqual(['2021-05-14'])
  })
})

describe('recurring tasks in a plan', () => {
  const plan = addTask(buildCampaign2021Plan(1), { ...emptyTaskDraft('2021-05-13', '2021-05-14', true), title: 'Loa', recurrence: daily('2021-05-23') }, 2, 'r')

  it('moves one occurrence, and moving it back removes the exception', () => {
    const moved = moveOccurrence(plan, 'r', '2021-05-15', { start: '2021-05-17', end: null, allDay: true }, 3)
    expect(moved.tasks.r!.recurrence!.exceptions).toEqual({ '2021-05-15': { type: 'moved', start: '2021-05-17', end: '2021-05-18' } })
    const back = moveOccurrence(moved, 'r', '2021-05-15', { start: '2021-05-15', end: '2021-05-16', allDay: true }, 4)
    expect(back.tasks.r!.recurrence!.exceptions).toEqual({})
  })

  it('cancels one occurrence and brings it back', () => {
    const cancelled = setOccurrenceCancelled(plan, 'r', '2021-05-20', true, 3)
    expect(expandTask(cancelled.tasks.r!).map((o) => o.occurrenceDate)).not.toContain('2021-05-20')
    expect(expandTask(setOccurrenceCancelled(cancelled, 'r', '2021-05-20', false, 4).tasks.r!)).toHaveLength(11)
  })

  it('a dragged series takes its end date and exceptions along', () => {
    const withException = setOccurrenceCancelled(plan, 'r', '2021-05-20', true, 3)
    const moved = moveTask(withException, 'r', { start: '2021-05-10', end: null, allDay: true }, 4).tasks.r!
    expect(moved.recurrence).toMatchObject({ until: '2021-05-20', exceptions: { '2021-05-17': { type: 'cancelled' } } })
  })

  it('the 2021 template gives the daily polling notice as one series from D-10 to D that follows election day', () => {
    const template = buildCampaign2021Plan(1)
    const notice = Object.values(template.tasks).find((t) => t.id.endsWith('polling-notice-last-ten-days'))!
    expect(expandTask(notice).map((o) => o.start)).toEqual(ruleDates('2021-05-13', daily('2021-05-23')))
    const { plan: replanned } = replanElection(template, { ...template.election, electionDay: '2021-05-30' }, 5)
    const after = replanned.tasks[notice.id]!
    expect(datePart(after.start)).toBe('2021-05-20')
    expect(after.recurrence!.until).toBe('2021-05-30')
  })

  it('restores a saved rule, drops an unreadable one and keeps the task', () => {
    const raw = { id: 'x', title: 'A', allDay: true, start: '2021-05-13', end: '2021-05-14' }
    expect(restoreTask({ ...raw, recurrence: { frequency: 'hourly', until: '2021-05-20' } })!.recurrence).toBeNull()
    expect(restoreTask({ ...raw, recurrence: { frequency: 'daily', interval: 1, until: null, count: null } })!.recurrence).toBeNull()
    const restored = restoreTask({
      ...raw,
      recurrence: {
        frequency: 'weekly', interval: 'x', weekdays: ['MO', 'XX', 3], until: '2021-06-30',
        exceptions: { '2021-05-20': { type: 'cancelled' }, 'nope': { type: 'cancelled' }, '2021-05-27': { type: 'moved', start: '2021-05-28T08:00', end: 'x' } },
      },
    })!
    expect(restored.recurrence).toEqual({ frequency: 'weekly', interval: 1, weekdays: ['MO'], until: '2021-06-30', count: null, exceptions: { '2021-05-20': { type: 'cancelled' } } })
  })
})
