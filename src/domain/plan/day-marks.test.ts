import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays } from '@/domain/dates/local-date'
import { DAY_DOTS, markDays, monthGridWeeks } from '@/domain/plan/day-marks'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import { lastDay } from '@/domain/plan/task-dates'
import { buildTaskIndex, queryOccurrences } from '@/domain/plan/task-index'
import type { Task } from '@/domain/types'

let taskCount = 0
const dayTask = (start: string, end: string, channelId: string | null, allDay = true): Task => {
  taskCount += 1
  return { ...emptyTaskDraft(start, end, allDay), id: `t${taskCount}`, title: `t${taskCount}`, createdAt: 0, updatedAt: 0, channelId }
}
const index = (...tasks: Task[]) => buildTaskIndex(tasks)

describe('monthGridWeeks', () => {
  it('covers May 2021 in six Monday-first weeks, from 26/04 to 06/06', () => {
    const weeks = monthGridWeeks('2021-05-23')
    expect(weeks).toHaveLength(6)
    expect(weeks[0]![0]).toBe('2021-04-26')
    expect(weeks[5]![6]).toBe('2021-06-06')
    expect(weeks.every((week) => week.length === 7)).toBe(true)
  })

  it('takes only the weeks a month needs: February 2021 starts on a Monday and fills four', () => {
    const weeks = monthGridWeeks('2021-02-10')
    expect(weeks.map((week) => week[0])).toEqual(['2021-02-01', '2021-02-08', '2021-02-15', '2021-02-22'])
  })

  it('starts on the Monday before a month that begins on a Sunday (August 2021)', () => {
    const weeks = monthGridWeeks('2021-08-31')
    expect(weeks[0]![6]).toBe('2021-08-01')
    expect(weeks[0]![0]).toBe('2021-07-26')
    expect(weeks.at(-1)!.includes('2021-08-31')).toBe(true)
  })
})

describe('markDays', () => {
  const days = monthGridWeeks('2021-05-01').flat()
  const markOf = (marks: ReturnType<typeof markDays>, date: string) => marks.find((m) => m.date === date)!

  it('counts a task on every day it touches, cut to the grid', () => {
    const marks = markDays(days, index(dayTask('2021-04-20', '2021-04-28', 'press'), dayTask('2021-05-10', '2021-05-13', 'radio')))
    expect(markOf(marks, '2021-04-26').count).toBe(1)
    expect(markOf(marks, '2021-04-27').count).toBe(1)
    expect(markOf(marks, '2021-04-28').count).toBe(0) // the exclusive end
    expect(['2021-05-10', '2021-05-11', '2021-05-12'].map((d) => markOf(marks, d).count)).toEqual([1, 1, 1])
    expect(markOf(marks, '2021-05-13').count).toBe(0)
    expect(marks.reduce((sum, m) => sum + m.count, 0)).toBe(5)
  })

  it('does not count the next day for a timed task ending at midnight', () => {
    const marks = markDays(days, index(dayTask('2021-05-10T20:00', '2021-05-11T00:00', null, false)))
    expect(markOf(marks, '2021-05-10').count).toBe(1)
    expect(markOf(marks, '2021-05-11').count).toBe(0)
  })

  it('dots the first distinct channels of the day, a task without channel included, at most three', () => {
    const marks = markDays(days, index(
      dayTask('2021-05-20', '2021-05-21', 'press'),
      dayTask('2021-05-20', '2021-05-21', 'press'),
      dayTask('2021-05-20', '2021-05-21', null),
      dayTask('2021-05-20', '2021-05-21', 'radio'),
      dayTask('2021-05-20', '2021-05-21', 'online'),
    ))
    expect(markOf(marks, '2021-05-20')).toEqual({ date: '2021-05-20', count: 5, channelIds: ['press', null, 'radio'] })
    expect(DAY_DOTS).toBe(3)
  })

  it('ignores tasks outside the grid', () => {
    const marks = markDays(days, index(dayTask('2021-01-01', '2021-01-05', 'press'), dayTask('2021-07-01', '2021-07-02', 'press')))
    expect(marks.every((m) => m.count === 0)).toBe(true)
  })
})

describe('markDays over a plan\'s index', () => {
  it('marks each day with every occurrence touching it, as expanding the occurrences does: single, timed and a weekly series (property)', () => {
    const weekly: Task = {
      ...emptyTaskDraft('2021-04-05', '2021-04-07', true), id: 'series', title: 'series', createdAt: 0, updatedAt: 0, channelId: 'radio',
      recurrence: { frequency: 'weekly', interval: 1, weekdays: ['MO', 'TH'], until: '2021-07-30', count: null, exceptions: {} },
    }
    const arbTask = fc.record({
      offset: fc.integer({ min: 0, max: 150 }), days: fc.integer({ min: 1, max: 40 }), timed: fc.boolean(), channel: fc.constantFrom(null, 'press', 'radio', 'online', 'pano'),
    })
    fc.assert(fc.property(fc.array(arbTask, { maxLength: 40 }), fc.integer({ min: 0, max: 120 }), (specs, monthOffset) => {
      const tasks = specs.map((spec, i): Task => {
        const start = addDays('2021-03-01', spec.offset)
        const draft = spec.timed
          ? emptyTaskDraft(`${start}T20:00`, `${addDays(start, spec.days - 1)}T00:00`, false)
          : emptyTaskDraft(start, addDays(start, spec.days), true)
        return { ...draft, id: `t${i}`, title: `t${i}`, createdAt: 0, updatedAt: 0, channelId: spec.channel }
      })
      const days = monthGridWeeks(addDays('2021-03-01', monthOffset)).flat()
      const planIndex = buildTaskIndex([...tasks, weekly])
      // The plain way: each occurrence of the grid's range, on each of its days.
      const expected = new Map(days.map((day) => [day, { count: 0, channels: new Set<string | null>() }]))
      for (const o of queryOccurrences(planIndex, days[0]!, addDays(days.at(-1)!, 1))) {
        for (let day = o.start.slice(0, 10), last = lastDay({ start: o.start, end: o.end, allDay: o.task.allDay }); day <= last; day = addDays(day, 1)) {
          const mark = expected.get(day)
          if (mark) { mark.count += 1; mark.channels.add(o.task.channelId) }
        }
      }
      for (const mark of markDays(days, planIndex)) {
        const want = expected.get(mark.date)!
        expect(mark.count).toBe(want.count)
        expect(mark.channelIds.length).toBe(Math.min(DAY_DOTS, want.channels.size))
        expect(mark.channelIds.every((id) => want.channels.has(id))).toBe(true)
      }
    }), { numRuns: 200 })
  })
})
