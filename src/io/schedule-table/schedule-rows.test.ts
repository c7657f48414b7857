import { describe, expect, it } from 'vitest'
import { expandTask } from '@/domain/plan/recurrence'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Plan, Task, TaskRecurrence } from '@/domain/types'
import { buildScheduleRows, scheduleFileBaseName, scheduleRangeOfScope, toRoman } from '@/io/schedule-table/schedule-rows'
import { readSeriesRowDates, seriesBoundsFromRow } from '@/io/schedule-table/series-rows'

const plan = buildCampaign2021Plan(1234)
const template = Object.values(plan.tasks)[0]!

function task(id: string, changes: Partial<Task>): Task {
  return { ...template, id, anchor: { type: 'fixed' }, ...changes }
}

function planWith(tasks: Task[]): Plan {
  return { ...plan, tasks: Object.fromEntries(tasks.map((t) => [t.id, t])) }
}

describe('schedule rows', () => {
  it('groups tasks under the phases in phase order, each group sorted by start, the rest last', () => {
    const tasks = [
      task('late-peak', { start: '2021-05-20', end: '2021-05-21' }),
      task('early-peak', { start: '2021-04-01', end: '2021-04-03' }),
      task('general', { start: '2021-02-01', end: '2021-02-02' }),
      task('before', { start: '2020-12-01', end: '2020-12-02' }),
      task('timed-peak', { allDay: false, start: '2021-04-01T08:00', end: '2021-04-01T10:00' }),
      task('after', { start: '2021-05-24', end: '2021-05-25' }),
    ]
    const groups = buildScheduleRows(planWith(tasks), tasks, 'vi')
    expect(groups.map((g) => g.name)).toEqual(['Tuyên truyền chung', 'Cao điểm', 'Sau bầu cử', 'Ngoài các giai đoạn'])
    expect(groups.map((g) => g.rows.map((r) => r.task.id))).toEqual([
      ['general'], ['early-peak', 'timed-peak', 'late-peak'], ['after'], ['before'],
    ])
    expect(groups.flatMap((g) => g.rows.map((r) => r.number))).toEqual([1, 2, 3, 4, 5, 6])
    expect(groups[0]!.label).toBe('I. Tuyên truyền chung (01/01/2021 – 31/03/2021)')
    expect(groups[3]!.label).toBe('IV. Ngoài các giai đoạn')
    expect(buildScheduleRows(planWith(tasks), tasks, 'en').map((g) => g.name)).toEqual(['General communication', 'Peak', 'After the election', 'Outside the phases'])
  })

  it('leaves out phases with no tasks and sorts every task of the 2021 plan by start', () => {
    const tasks = Object.values(plan.tasks)
    const groups = buildScheduleRows(plan, tasks, 'vi')
    const rows = groups.flatMap((g) => g.rows)
    expect(rows).toHaveLength(tasks.reduce((n, t) => n + expandTask(t).length, 0))
    for (const group of groups) {
      expect(group.rows.length).toBeGreaterThan(0)
      const starts = group.rows.map((r) => r.start)
      expect(starts).toEqual([...starts].sort())
    }
    expect(buildScheduleRows(plan, [task('only', { start: '2021-02-01', end: '2021-02-02' })], 'vi').map((g) => g.name)).toEqual(['Tuyên truyền chung'])
  })

  it('shows the inclusive last day, times of timed tasks, and units and channels by name', () => {
    const allDay = task('a', { start: '2021-03-30', end: '2021-04-02', leadUnitId: 'unit-soTttt', supportUnitIds: ['unit-baoTinh', 'unit-soVhttdl'], channelId: 'channel-press', status: 'in-progress' })
    const oneDay = task('b', { start: '2021-03-30', end: '2021-03-31' })
    const timed = task('c', { allDay: false, start: '2021-03-30T08:00', end: '2021-03-30T11:30' })
    const overnight = task('d', { allDay: false, start: '2021-03-30T20:00', end: '2021-03-31T06:00' })
    const rows = buildScheduleRows(plan, [allDay, oneDay, timed, overnight], 'vi').flatMap((g) => g.rows)
    const byId = new Map(rows.map((r) => [r.task.id, r]))
    expect(byId.get('a')!.display).toMatchObject({
      from: '30/03/2021', to: '01/04/2021', lead: 'Sở Thông tin và Truyền thông',
      support: 'Báo tỉnh; Sở Văn hóa, Thể thao và Du lịch', channel: 'Báo chí, cổng thông tin điện tử', status: 'Đang thực hiện',
    })
    expect(byId.get('a')!.timeLabel).toBe('30/03/2021 – 01/04/2021')
    expect(byId.get('b')!.timeLabel).toBe('30/03/2021')
    expect(byId.get('c')!.display).toMatchObject({ from: '30/03/2021 08:00', to: '30/03/2021 11:30' })
    expect(byId.get('c')!.timeLabel).toBe('30/03/2021 08:00 – 11:30')
    expect(byId.get('d')!.timeLabel).toBe('30/03/2021 20:00 – 31/03/2021 06:00')
    expect(byId.get('a')!.machine).toMatchObject({ id: 'a', start: '2021-03-30', end: '2021-04-02', allDay: '1', anchor: '{"type":"fixed"}' })
  })

  it('names files for the election year, and numbers phases in Roman numerals', () => {
    expect(scheduleFileBaseName(plan)).toBe('ke-hoach-tuyen-truyen-bau-cu-2021')
    expect([1, 3, 4, 9, 14, 40].map(toRoman)).toEqual(['I', 'III', 'IV', 'IX', 'XIV', 'XL'])
  })
})

describe('recurring tasks in the schedule table', () => {
  const daily: TaskRecurrence = { frequency: 'daily', interval: 1, weekdays: [], until: '2021-03-30', count: null, exceptions: {} }

  it('lists a series one row per occurrence, at its own dates, under the phase each falls in, among the other rows', () => {
    const series = task('series', { title: 'Phát thanh', start: '2021-03-29', end: '2021-03-30', description: 'Mỗi sáng.', recurrence: daily })
    const other = task('other', { title: 'Hội nghị', start: '2021-03-30', end: '2021-03-31' })
    const groups = buildScheduleRows(planWith([series, other]), [series, other], 'vi')
    expect(groups.map((g) => g.name)).toEqual(['Tuyên truyền chung'])
    expect(groups[0]!.rows.map((r) => [r.task.id, r.start, r.occurrenceDate, r.display.from])).toEqual([
      ['series', '2021-03-29', '2021-03-29', '29/03/2021'],
      ['other', '2021-03-30', null, '30/03/2021'],
      ['series', '2021-03-30', '2021-03-30', '30/03/2021'],
    ])
    expect(groups[0]!.rows.map((r) => r.number)).toEqual([1, 2, 3])
    const seriesRows = groups[0]!.rows.filter((r) => r.task.id === 'series')
    for (const row of seriesRows) expect(row.display.notes).toBe('Mỗi sáng.\nLặp lại hằng ngày đến 30/03/2021')
    // The first occurrence's row carries the task; the other only names its series.
    expect(seriesRows[0]!.machine).toMatchObject({ id: 'series', start: '2021-03-29', end: '2021-03-30', occurrenceOf: 'series@2021-03-29' })
    expect(JSON.parse(seriesRows[0]!.machine.other)).toMatchObject({ recurrence: daily })
    expect(seriesRows[1]!.machine).toMatchObject({ id: '', start: '', end: '', other: '', occurrenceOf: 'series@2021-03-30' })
    expect(groups[0]!.rows[1]!.machine.occurrenceOf).toBe('')
  })

  it('puts each occurrence under its own phase, leaves out cancelled ones and shows moved ones at their new dates', () => {
    const series = task('series', {
      start: '2021-03-30', end: '2021-03-31',
      recurrence: { ...daily, until: '2021-04-03', exceptions: { '2021-04-01': { type: 'cancelled' }, '2021-04-02': { type: 'moved', start: '2021-04-05', end: '2021-04-06' } } },
    })
    const groups = buildScheduleRows(planWith([series]), [series], 'en')
    expect(groups.map((g) => [g.name, g.rows.map((r) => r.start)])).toEqual([
      ['General communication', ['2021-03-30', '2021-03-31']],
      ['Peak', ['2021-04-03', '2021-04-05']],
    ])
    const moved = groups[1]!.rows[1]!
    expect(moved.occurrenceDate).toBe('2021-04-02')
    expect(moved.display.notes).toBe(`${series.description}\nRepeats daily until 03/04/2021 (moved from 02/04/2021)`.replace(/^\n/, ''))
  })

  it('lists only the occurrences touching the export’s days, the first of them carrying the task', () => {
    const series = task('series', { start: '2021-05-13', end: '2021-05-14', recurrence: { ...daily, until: '2021-05-23' } })
    const single = task('single', { start: '2021-05-01', end: '2021-05-02' })
    const rows = buildScheduleRows(planWith([series, single]), [series, single], 'vi', { range: { from: '2021-05-20', to: '2021-05-21' } }).flatMap((g) => g.rows)
    expect(rows.map((r) => r.start)).toEqual(['2021-05-20', '2021-05-21'])
    expect(rows[0]!.machine).toMatchObject({ id: 'series', start: '2021-05-13', occurrenceOf: 'series@2021-05-20' })
    expect(rows[1]!.machine.id).toBe('')
  })

  it('keeps one row for a series whose every occurrence is cancelled, so the file still holds it', () => {
    const series = task('series', { start: '2021-02-01', end: '2021-02-02', description: '', recurrence: { ...daily, until: '2021-02-01', exceptions: { '2021-02-01': { type: 'cancelled' } } } })
    const rows = buildScheduleRows(planWith([series]), [series], 'vi').flatMap((g) => g.rows)
    expect(rows.map((r) => [r.start, r.machine.id, r.display.notes])).toEqual([['2021-02-01', 'series', 'Lặp lại hằng ngày đến 01/02/2021 (các lần đều đã hủy)']])
    expect(buildScheduleRows(planWith([series]), [series], 'vi', { range: { from: '2021-01-01', to: '2021-12-31' } })).toEqual([])
  })

  it('turns an export scope into its days', () => {
    expect(scheduleRangeOfScope(plan, { kind: 'range', from: '2021-05-01', to: '2021-05-10' })).toEqual({ from: '2021-05-01', to: '2021-05-10' })
    const peak = plan.phases.find((p) => p.name === 'Cao điểm')!
    expect(scheduleRangeOfScope(plan, { kind: 'phase', phaseId: peak.id })).toEqual({ from: '2021-04-01', to: '2021-05-23' })
    expect(scheduleRangeOfScope(plan, { kind: 'phase', phaseId: 'nope' })).toBeNull()
    expect(scheduleRangeOfScope(plan, { kind: 'all' })).toBeNull()
    expect(scheduleRangeOfScope(plan, { kind: 'lead-unit', unitId: 'x' })).toBeNull()
  })

  it('reads a series row’s dates against the occurrence it shows, and moves the series by an edit', () => {
    const other = JSON.stringify({ recurrence: { ...daily, exceptions: { '2021-05-16': { type: 'moved', start: '2021-05-18T08:00', end: '2021-05-18T10:00' } } } })
    // The task's own first occurrence: nothing to translate (and so for old files and single tasks).
    expect(readSeriesRowDates('s@2021-05-13', 's', '2021-05-13', '2021-05-14', '')).toBeNull()
    expect(readSeriesRowDates('', 's', '2021-05-13', '2021-05-14', '')).toBeNull()
    expect(readSeriesRowDates('other@2021-05-15', 's', '2021-05-13', '2021-05-14', '')).toBeNull()
    expect(readSeriesRowDates('s@2021-02-31', 's', '2021-05-13', '2021-05-14', '')).toBeNull()
    expect(readSeriesRowDates('s@2021-05-15', 's', 'garbage', '2021-05-14', '')).toBeNull()
    const later = readSeriesRowDates('s@2021-05-15', 's', '2021-05-13', '2021-05-14', '{broken')!
    expect(later).toEqual({ own: { start: '2021-05-13', end: '2021-05-14' }, shown: { start: '2021-05-15', end: '2021-05-16' } })
    const moved = readSeriesRowDates('s@2021-05-16', 's', '2021-05-13T07:00', '2021-05-13T08:00', other)!
    expect(moved.shown).toEqual({ start: '2021-05-18T08:00', end: '2021-05-18T10:00' })

    const read = { ok: true as const, allDay: true, edited: false, fromVisible: false, start: '2021-05-15', end: '2021-05-16' }
    expect(seriesBoundsFromRow(later, read)).toEqual({ ...read, start: '2021-05-13', end: '2021-05-14' })
    expect(seriesBoundsFromRow(later, { ...read, edited: true, start: '2021-05-17', end: '2021-05-19' })).toMatchObject({ start: '2021-05-15', end: '2021-05-17' })
    expect(seriesBoundsFromRow(later, { ...read, fromVisible: true })).toEqual({ ...read, fromVisible: true })
    const timed = { ok: true as const, allDay: false, edited: true, fromVisible: false, start: '2021-05-18T08:30', end: '2021-05-18T08:45' }
    expect(seriesBoundsFromRow(moved, timed)).toMatchObject({ ok: false, problem: 'endBeforeStart' })
    expect(seriesBoundsFromRow(moved, { ...timed, end: '2021-05-18T10:00' })).toMatchObject({ start: '2021-05-13T07:30', end: '2021-05-13T08:00' })
  })
})
