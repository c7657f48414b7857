import { describe, expect, it } from 'vitest'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import { buildTaskIndex } from '@/domain/plan/task-index'
import { computeMilestones } from '@/domain/rules/milestones'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Task } from '@/domain/types'
import type { EventInput } from '@fullcalendar/core'
import {
  barEvent, barMove, capRows, dayClasses, moreStrips, scheduleEvents, taskBars, timelineEvents, TIMELINE_CAP_THRESHOLD, type Bar, type BarOptions,
  type MoreStripProps, type TaskBarProps,
} from '@/features/timeline/utils/timeline-events'
import { buildTimelineRows, NO_ROW_ID, rowResolver, SCHEDULE_ROW_ID, tallyRows } from '@/features/timeline/utils/timeline-rows'

const plan = buildCampaign2021Plan(0)
const labels = { noUnit: '-', noChannel: '-', schedule: 'S', channelName: (c: { name: string }) => c.name }
const MAY = { start: '2021-05-01', end: '2021-06-01' }

function options(mode: 'units' | 'channels', showSupport = false, tasks = plan.tasks): BarOptions {
  const rows = buildTimelineRows(plan, mode, tallyRows(tasks, '2021-05-01'), labels)
  return { mode, showSupport, today: '2021-05-01', colors: new Map(plan.channels.map((c) => [c.id, c.color])), rowOf: rowResolver(rows), supportLabel: 'Phối hợp' }
}

/** The bars of a range as events, each with its row. */
function barEvents(index: Parameters<typeof taskBars>[0], range: { start: string; end: string }, o: BarOptions, keep?: (t: Task) => boolean): { row: string; event: EventInput }[] {
  return taskBars(index, range, o, keep).map((bar) => ({ row: bar.row, event: barEvent(bar, o) }))
}

function task(id: string, start: string, end: string, changes: Partial<Task> = {}): Task {
  return { ...emptyTaskDraft(start, end, true), title: id, id, createdAt: 0, updatedAt: 0, ...changes }
}

describe('timeline bars', () => {
  it('puts each task of the range in its lead unit\'s row, or its channel\'s', () => {
    const index = buildTaskIndex(Object.values(plan.tasks))
    const byUnit = barEvents(index, MAY, options('units'))
    const single = Object.values(plan.tasks).find((t) => !t.recurrence && t.start >= '2021-05-01' && t.start < '2021-06-01')!
    const bar = byUnit.find((b) => b.event.id === single.id)!
    expect(bar.row).toBe(single.leadUnitId)
    expect(bar.event.resourceId).toBe(single.leadUnitId)
    expect(bar.event.title).toBe(single.title)
    expect((bar.event.extendedProps as TaskBarProps)).toMatchObject({ kind: 'task', taskId: single.id, occurrenceDate: null, support: false })
    const byChannel = barEvents(index, MAY, options('channels'))
    expect(byChannel.find((b) => b.event.id === single.id)!.row).toBe(single.channelId)
    // Nothing outside May, and nothing filtered out.
    const keep = (t: Task) => t.id !== single.id
    expect(barEvents(index, MAY, options('units'), keep).some((b) => b.event.id === single.id)).toBe(false)
    expect(taskBars(index, { start: '2022-01-01', end: '2022-02-01' }, options('units'))).toHaveLength(0)
  })

  it('shows an occurrence of a series on its own, moving only along its row', () => {
    const index = buildTaskIndex(Object.values(plan.tasks))
    const occurrence = barEvents(index, MAY, options('units')).find((b) => (b.event.extendedProps as TaskBarProps).occurrenceDate !== null)!
    expect(occurrence.event.resourceEditable).toBe(false)
    expect(String(occurrence.event.id)).toContain('@')
    expect(occurrence.event.classNames).toContain('is-occurrence')
  })

  it('shows a timed task as its whole days, not resizable', () => {
    const timed = task('timed', '2021-05-05T08:00', '2021-05-05T10:00', { allDay: false, leadUnitId: 'unit-soTttt' })
    const [bar] = barEvents(buildTaskIndex([timed]), MAY, options('units', false, { timed }))
    expect(bar!.event).toMatchObject({ start: '2021-05-05', end: '2021-05-06', allDay: true, durationEditable: false })
  })

  it('adds a read-only, marked copy in each supporting unit\'s row when asked', () => {
    const t = task('t', '2021-05-05', '2021-05-07', { leadUnitId: 'unit-soTttt', supportUnitIds: ['unit-baoTinh', 'unit-gone', 'unit-soTttt'] })
    const index = buildTaskIndex([t])
    expect(taskBars(index, MAY, options('units', false, { t }))).toHaveLength(1)
    const bars = barEvents(index, MAY, options('units', true, { t }))
    expect(bars.map((b) => b.row)).toEqual(['unit-soTttt', 'unit-baoTinh'])
    expect(bars[1]!.event).toMatchObject({ editable: false, title: 'Phối hợp: t' })
    expect(bars[1]!.event.classNames).toContain('is-support')
    // Channels have no supporting rows.
    expect(taskBars(index, MAY, options('channels', true, { t }))).toHaveLength(1)
  })

  it('marks late, done and cancelled tasks', () => {
    const late = task('late', '2021-04-28', '2021-04-29', { status: 'planned' })
    const done = task('done', '2021-04-28', '2021-04-29', { status: 'done', doneOn: '2021-04-28' } as Partial<Task>)
    const index = buildTaskIndex([late, done])
    const bars = barEvents(index, { start: '2021-04-01', end: '2021-06-01' }, options('units', false, { late, done }))
    expect(bars.find((b) => b.event.id === 'late')!.event.classNames).toContain('is-late')
    expect(bars.find((b) => b.event.id === 'done')!.event.classNames).toEqual(expect.arrayContaining(['is-done']))
    expect(bars.find((b) => b.event.id === 'done')!.event.classNames).not.toContain('is-late')
    expect(bars.find((b) => b.event.id === 'late')!.row).toBe(NO_ROW_ID)
  })
})

describe('thinning a crowded range', () => {
  const t = (id: string) => task(id, '2021-05-01', '2021-05-02')
  const bar = (id: string, row: string, from: number, to: number): Bar => ({
    occurrence: { task: t(id), start: '2021-05-01', end: '2021-05-02', recurring: false, occurrenceDate: '2021-05-01' }, row, from, to, support: false,
  })
  const label = (n: number) => `+${n}`
  const ids = (bars: Bar[]) => bars.map((b) => b.occurrence.task.id)
  // Day numbers: 18748 is Saturday 2021-05-01; 18750 Monday 2021-05-03.
  const D = 18748

  it('keeps the bars that fit in the lanes and counts the hidden ones per day in one "+N"', () => {
    // Five one-day bars on day 1, two lanes: two shown, "+3" on day 1; a lone bar on day 10 shown.
    const bars = [1, 2, 3, 4, 5].map((i) => bar(`a${i}`, 'r', D, D + 1)).concat([bar('b', 'r', D + 9, D + 10), bar('c', 'other', D, D + 29)])
    const { shown, markers } = capRows(bars, { lanes: 2, minDays: 1, markerDays: 1 }, label, label)
    expect(ids(shown).sort()).toEqual(['a1', 'a2', 'b', 'c'])
    expect(markers).toHaveLength(1)
    expect(markers[0]).toMatchObject({ resourceId: 'r', title: '+3', start: '2021-05-01', end: '2021-05-02', editable: false, order: 1 })
  })

  it('counts hidden bars per Monday-first week, a bar in every week it touches', () => {
    // One lane: the first bar shows; the next two (1–2/5 and 1–4/5) are hidden; the second spans into the week of 3/5.
    const bars = [bar('x', 'r', D, D + 3), bar('y', 'r', D, D + 2), bar('z', 'r', D, D + 4)]
    const { shown, markers } = capRows(bars, { lanes: 1, minDays: 1, markerDays: 7 }, label, label)
    expect(ids(shown)).toEqual(['z'])
    expect(markers.map((m) => [m.start, m.end, m.title])).toEqual([['2021-04-26', '2021-05-03', '+2'], ['2021-05-03', '2021-05-10', '+1']])
    // Cut to the range shown: the week of 26/4 is only 1–2/5 in May.
    const clipped = capRows(bars, { lanes: 1, minDays: 1, markerDays: 7 }, label, label, { from: D, to: D + 31 })
    expect(clipped.markers.map((m) => [m.start, m.end])).toEqual([['2021-05-01', '2021-05-03'], ['2021-05-03', '2021-05-10']])
  })

  it('counts a bar as at least `minDays` wide, so lanes of tiny bars do not pile up', () => {
    const bars = [0, 1, 2, 3, 4, 5].map((d) => bar(`d${d}`, 'r', D + d, D + d + 1))
    expect(capRows(bars, { lanes: 1, minDays: 1, markerDays: 7 }, label, label).shown).toHaveLength(6)
    const wide = capRows(bars, { lanes: 1, minDays: 3, markerDays: 7 }, label, label)
    expect(ids(wide.shown)).toEqual(['d0', 'd3'])
    expect(wide.markers.map((e) => e.title)).toEqual(['+1', '+3'])
  })

  it('thins only above the threshold, and makes events only of the bars it shows', () => {
    const o = options('units')
    const few = [1, 2, 3].map((i) => bar(`x${i}`, 'r', D, D + 1))
    expect(timelineEvents(few, { lanes: 1, minDays: 1, markerDays: 1 }, o, label, label)).toHaveLength(3)
    const many = Array.from({ length: TIMELINE_CAP_THRESHOLD + 1 }, (_, i) => bar(`y${String(i).padStart(3, '0')}`, 'r', D, D + 1))
    const events = timelineEvents(many, { lanes: 1, minDays: 1, markerDays: 1 }, o, label, label)
    expect(events.map((e) => e.title)).toEqual(['y000', `+${TIMELINE_CAP_THRESHOLD}`])
  })

  it('gathers a row\'s "+N" markers into one strip across the range, each marker at its days', () => {
    // Two rows, two lanes: row r hides bars in two weeks, row s in one; one strip event per row.
    const week = (id: string, row: string, from: number) => [1, 2, 3].map((i) => bar(`${id}${i}`, row, from, from + 1))
    const bars = [...week('a', 'r', D + 2), ...week('b', 'r', D + 2), ...week('c', 'r', D + 9), ...week('d', 's', D + 16)]
    const events = timelineEvents(bars.concat(Array.from({ length: TIMELINE_CAP_THRESHOLD }, (_, i) => bar(`z${i}`, `q${i}`, D, D + 1))),
      { lanes: 2, minDays: 1, markerDays: 7 }, options('units'), label, (n) => `${n} more`, MAY)
    const strips = events.filter((e) => (e.extendedProps as { kind?: string }).kind === 'more-strip')
    expect(strips.map((e) => [e.resourceId, e.start, e.end, e.editable])).toEqual([['r', MAY.start, MAY.end, false], ['s', MAY.start, MAY.end, false]])
    expect(events.some((e) => (e.extendedProps as { kind?: string }).kind === 'more')).toBe(false)
    const r = strips[0]!.extendedProps as MoreStripProps
    // Week of 3 May: six one-day bars, two shown; week of 10 May: three, two shown.
    expect(r.items).toEqual([
      { start: '2021-05-03', end: '2021-05-10', count: 4, text: '+4', label: '4 more' },
      { start: '2021-05-10', end: '2021-05-17', count: 1, text: '+1', label: '1 more' },
    ])
    // The same markers as capRows makes, only gathered.
    const { markers } = capRows(bars, { lanes: 2, minDays: 1, markerDays: 7 }, label, (n) => `${n} more`, { from: D, to: D + 31 })
    expect(moreStrips(markers, MAY).flatMap((e) => (e.extendedProps as MoreStripProps).items.map((i) => i.text))).toEqual(markers.map((m) => m.title))
  })
})

describe('the schedule row and the day classes', () => {
  const milestones = computeMilestones(plan.election)

  it('shows the phases and the milestones in the schedule row, read-only, election day marked', () => {
    const events = scheduleEvents(plan.phases, milestones, 'vi')
    expect(events.every((e) => e.resourceId === SCHEDULE_ROW_ID && e.editable === false)).toBe(true)
    expect(events.filter((e) => String(e.id).startsWith('phase')).map((e) => e.title)).toEqual(plan.phases.map((p) => p.name))
    const election = events.find((e) => e.id === 'milestone~election-day')!
    expect(election).toMatchObject({ start: '2021-05-23', end: '2021-05-24' })
    expect(election.classNames).toContain('is-election-day')
    expect(String(election.title)).toMatch(/^D · /)
  })

  it('marks each day with its phase band, milestone days and election day', () => {
    const days = dayClasses(plan.phases, milestones, MAY)
    expect(days.get('2021-05-01')).toContain('phase-band-1')
    expect(days.get('2021-05-23')).toEqual(expect.arrayContaining(['phase-band-1', 'is-election-day']))
    expect(days.get('2021-05-24')).toContain('phase-band-2')
    expect(days.has('2021-04-30')).toBe(false)
  })
})

describe('moving a bar', () => {
  it('gives an all-day task the days it was dropped on, and moves a timed task\'s hours by whole days', () => {
    expect(barMove({ start: '2021-05-05', end: '2021-05-07', allDay: true }, '2021-05-10', '2021-05-12')).toEqual({ start: '2021-05-10', end: '2021-05-12', allDay: true })
    expect(barMove({ start: '2021-05-05T08:00', end: '2021-05-05T10:30', allDay: false }, '2021-05-07', '2021-05-08'))
      .toEqual({ start: '2021-05-07T08:00', end: '2021-05-07T10:30', allDay: false })
  })
})
