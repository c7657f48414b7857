import { describe, expect, it } from 'vitest'
import { addDays } from '@/domain/dates/local-date'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import { lastDay } from '@/domain/plan/task-dates'
import type { Task } from '@/domain/types'
import { computeMilestones } from '@/domain/rules/milestones'
import { capTasksPerDay, milestoneEvents, taskToEvent } from '@/features/calendar/utils/calendar-events'

const task = (id: string, start: string, days: number, allDay = true): Task => ({
  ...emptyTaskDraft(start, allDay ? addDays(start, days) : `${start}T10:00`, allDay), start: allDay ? start : `${start}T08:00`, id, title: id, createdAt: 0, updatedAt: 0,
})
const range = { start: '2021-05-01', end: '2021-05-08' }

describe('capping crowded days', () => {
  it('never shows more than the cap on a day, shows bars whole, and counts every hidden task-day', () => {
    const tasks = [task('long', '2021-04-28', 10), task('a', '2021-05-02', 1), task('b', '2021-05-02', 2), task('c', '2021-05-03', 1), task('d', '2021-05-02', 1)]
    const { shown, hiddenByDay } = capTasksPerDay(tasks, range, 2)
    const perDay = new Map<string, number>()
    for (const t of shown) for (let d = t.start; d <= lastDay(t); d = addDays(d, 1)) perDay.set(d, (perDay.get(d) ?? 0) + 1)
    for (const n of perDay.values()) expect(n).toBeLessThanOrEqual(2)
    expect(shown.map((t) => t.id)).toEqual(['long', 'b'])
    // a, c, d hidden: 02/05 has a and d, 03/05 has c.
    expect(Object.fromEntries(hiddenByDay)).toEqual({ '2021-05-02': 2, '2021-05-03': 1 })
  })

  it('lets uncapped tasks (timed ones in the week grid) through without using a slot', () => {
    const tasks = [task('x', '2021-05-02', 1), task('t', '2021-05-02', 1, false), task('y', '2021-05-02', 1)]
    const { shown } = capTasksPerDay(tasks, range, 1, (t) => t.allDay)
    expect(shown.map((t) => t.id).sort()).toEqual(['t', 'x'])
  })
})

describe('task events', () => {
  it('keeps the title as text and the wall-clock dates as written', () => {
    const event = taskToEvent({ ...task('id', '2021-05-02', 1), title: '<img src=x onerror=alert(1)>' }, new Map())
    expect(event).toMatchObject({ title: '<img src=x onerror=alert(1)>', start: '2021-05-02', end: '2021-05-03', allDay: true })
  })
})

describe('milestones on the calendar', () => {
  it('label the announcement with its real offset (17/11/2020 is D-187), the rule ≤ D-115 beside it', () => {
    const milestones = computeMilestones({ name: '', nameEn: '', electionDay: '2021-05-23', law: 'law-85-2015', announcedOn: '2020-11-17' })
    const announced = milestoneEvents(milestones, 'vi').find((e) => e.id === 'milestone-election-announced')!
    expect(announced.start).toBe('2020-11-17')
    expect(announced.title).toMatch(/^D-187 \(≤ D-115\) · /)
  })
})
