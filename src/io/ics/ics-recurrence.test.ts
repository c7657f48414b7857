import fc from 'fast-check'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { fromDayNumber, fromMinuteNumber, toDayNumber } from '@/domain/dates/local-date'
import { expandTask, ruleDates } from '@/domain/plan/recurrence'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import { WEEKDAYS, type RecurrenceException } from '@/domain/types'
import { serializeIcs } from '@/io/ics/ics-export'
import { parseIcs } from '@/io/ics/ics-import'
import googleRecurringFixture from '@/io/ics/fixtures/google-calendar-recurring.ics?raw'
import {
  IMPORT_NOW, NOW, calendar, contentLines, event, expectOk, icalJsOccurrences, planWith, readEvents, sortBounds, taskWith,
  timeOf
} from '@/io/ics/ics-test-support'

describe('ICS import of recurring events', () => {
  const plan = buildCampaign2021Plan(0)

  it('expands an endless weekly rule only over two years and says it left the rest out', () => {
    const result = expectOk(parseIcs(calendar([event('UID:weekly', 'DTSTART:20210104T020000Z', 'DTEND:20210104T030000Z', 'RRULE:FREQ=WEEKLY')]), plan, IMPORT_NOW))
    expect(result.tasks).toHaveLength(105)
    expect(result.tasks.at(-1)!.start).toBe('2023-01-02T09:00') // 104 weeks on, within two years
    expect(result.skipped).toEqual([{ index: 0, reason: 'tooManyOccurrences' }])
  })

  it('stops a daily rule the plan cannot hold (over 1,000 occurrences) at 366 occurrences', () => {
    const result = expectOk(parseIcs(calendar([event('UID:daily', 'DTSTART;VALUE=DATE:20210101', 'RRULE:FREQ=DAILY;COUNT=1500')]), plan, IMPORT_NOW))
    expect(result.tasks).toHaveLength(366)
    expect(result.tasks.every((t) => t.allDay)).toBe(true)
    expect(result.skipped).toEqual([{ index: 0, reason: 'tooManyOccurrences' }])
  })

  it('leaves out all-day EXDATEs and keeps the time-of-day of a series in a DST zone', () => {
    const result = expectOk(parseIcs(calendar([
      event('UID:days', 'DTSTART;VALUE=DATE:20210503', 'DTEND;VALUE=DATE:20210505', 'RRULE:FREQ=WEEKLY;COUNT=3;BYMONTH=5', 'EXDATE;VALUE=DATE:20210510'),
      event('UID:berlin', 'DTSTART;TZID=Europe/Berlin:20210321T100000', 'RRULE:FREQ=WEEKLY;COUNT=2'),
    ]), plan, IMPORT_NOW))
    // BYMONTH is not a rule the plan holds, and Berlin's 10:00 is 16:00, then 15:00 in Vietnam: both expanded.
    expect(result.tasks.map((t) => [t.start, t.end])).toEqual([
      ['2021-05-03', '2021-05-05'],
      ['2021-05-17', '2021-05-19'],
      ['2021-03-21T16:00', '2021-03-21T16:00'],
      ['2021-03-28T15:00', '2021-03-28T15:00'],
    ])
    expect(result.recurringExpanded).toBe(2)
    expect(result.expandedSeries).toEqual([0, 1])
  })

  it('ends a series at a UNTIL written in UTC, as Google writes it', () => {
    const zone = ['BEGIN:VTIMEZONE', 'TZID:Asia/Ho_Chi_Minh', 'BEGIN:STANDARD', 'TZOFFSETFROM:+0700', 'TZOFFSETTO:+0700', 'DTSTART:19700101T000000', 'END:STANDARD', 'END:VTIMEZONE'].join('\r\n')
    const result = expectOk(parseIcs(calendar([zone, event(
      'UID:until', 'DTSTART;TZID=Asia/Ho_Chi_Minh:20210405T140000', 'DTEND;TZID=Asia/Ho_Chi_Minh:20210405T153000',
      'RRULE:FREQ=WEEKLY;UNTIL=20210426T070000Z',
    )]), plan, IMPORT_NOW))
    expect(result.tasks).toHaveLength(1)
    expect(result.tasks[0]!.recurrence).toMatchObject({ frequency: 'weekly', weekdays: ['MO'], until: '2021-04-26', count: null })
    expect(expandTask(result.tasks[0]!).map((o) => o.start)).toEqual(['2021-04-05T14:00', '2021-04-12T14:00', '2021-04-19T14:00', '2021-04-26T14:00'])
    expect(result.skipped).toEqual([])
  })

  it('does not use a VTIMEZONE whose rules change more than yearly (ical.js would expand them for minutes)', () => {
    const zone = [
      'BEGIN:VTIMEZONE', 'TZID:Asia/Bangkok', 'BEGIN:STANDARD', 'TZOFFSETFROM:+0700', 'TZOFFSETTO:+0800', 'DTSTART:16010101T000000',
      'RRULE:FREQ=HOURLY', 'END:STANDARD', 'END:VTIMEZONE',
    ].join('\r\n')
    const result = expectOk(parseIcs(calendar([zone, event('UID:bkk', 'DTSTART;TZID=Asia/Bangkok:20210330T080000')]), plan, IMPORT_NOW))
    // The zone is looked up by its name instead (Bangkok is UTC+07:00 like Vietnam).
    expect(result.tasks.map((t) => t.start)).toEqual(['2021-03-30T08:00'])
  })

  it('gives up on a rule ical.js would loop on forever, keeping the first occurrence', () => {
    const result = expectOk(parseIcs(calendar([event('UID:never', 'DTSTART:20210101T010000Z', 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30')]), plan, IMPORT_NOW))
    expect(result.tasks.map((t) => t.start)).toEqual(['2021-01-01T08:00'])
    expect(result.skipped).toEqual([{ index: 0, reason: 'badRecurrence' }])
  })
})

describe('ICS recurring tasks', () => {
  const plan2021 = buildCampaign2021Plan(0)
  const notice = taskWith({
    id: 'notice', title: 'Thông báo thời gian, địa điểm bỏ phiếu', allDay: true, start: '2021-05-13', end: '2021-05-14', status: 'planned',
    recurrence: {
      frequency: 'daily', interval: 1, weekdays: [], until: '2021-05-23', count: null,
      exceptions: { '2021-05-15': { type: 'cancelled' }, '2021-05-17': { type: 'cancelled' }, '2021-05-16': { type: 'moved', start: '2021-05-18', end: '2021-05-20' } },
    },
  })
  const briefing = taskWith({
    id: 'briefing', title: 'Giao ban', allDay: false, start: '2021-04-05T14:00', end: '2021-04-05T15:30', status: 'in-progress',
    recurrence: {
      frequency: 'weekly', interval: 2, weekdays: ['MO', 'TH'], until: '2021-05-20', count: null,
      exceptions: { '2021-04-19': { type: 'cancelled' }, '2021-05-06': { type: 'moved', start: '2021-05-07T08:00', end: '2021-05-07T09:00' } },
    },
  })
  const counted = taskWith({
    id: 'counted', title: 'Phát thanh', allDay: false, start: '2021-05-10T23:30', end: '2021-05-11T00:15', status: 'planned',
    recurrence: { frequency: 'daily', interval: 3, weekdays: [], until: null, count: 4, exceptions: {} },
  })
  const tasks = [notice, briefing, counted]
  const text = serializeIcs(planWith(tasks), { tasks, includeMilestones: false, language: 'vi', now: NOW })
  const lines = contentLines(text)

  it('writes a series as one VEVENT with RRULE and EXDATE in DTSTART’s value type, and one RECURRENCE-ID event per moved occurrence', () => {
    expect(lines).toContain('RRULE:FREQ=DAILY;UNTIL=20210523')
    expect(lines).toContain('EXDATE;VALUE=DATE:20210515,20210517')
    expect(lines).toContain('RECURRENCE-ID;VALUE=DATE:20210516')
    // A timed series ends with a UTC UNTIL: 23:59:59 on 20/05 in Vietnam.
    expect(lines).toContain('RRULE:FREQ=WEEKLY;WKST=MO;INTERVAL=2;BYDAY=MO,TH;UNTIL=20210520T165959Z')
    expect(lines).toContain('EXDATE;TZID=Asia/Ho_Chi_Minh:20210419T140000')
    expect(lines).toContain('RECURRENCE-ID;TZID=Asia/Ho_Chi_Minh:20210506T140000')
    expect(lines).toContain('RRULE:FREQ=DAILY;INTERVAL=3;COUNT=4')
    const events = readEvents(text)
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual([
      'notice@election-campaign-planner', 'notice@election-campaign-planner', 'briefing@election-campaign-planner',
      'briefing@election-campaign-planner', 'counted@election-campaign-planner',
    ])
    const moved = events[1]!
    expect(timeOf(moved, 'dtstart').toString()).toBe('2021-05-18')
    expect(timeOf(moved, 'dtend').toString()).toBe('2021-05-20')
    expect(moved.getFirstPropertyValue('recurrence-id')).toBeInstanceOf(ICAL.Time)
    expect((moved.getFirstPropertyValue('recurrence-id') as ICAL.Time).isDate).toBe(true)
  })

  it('gives the same occurrences in ical.js as in the plan, EXDATEs and moved occurrences included', () => {
    for (const task of tasks) {
      expect(icalJsOccurrences(text, `${task.id}@election-campaign-planner`)).toEqual(sortBounds(expandTask(task)))
    }
  })

  it('reads its own series back unchanged, so plan → ICS → plan → ICS gives the same file', () => {
    const result = expectOk(parseIcs(text, planWith(tasks), IMPORT_NOW))
    expect(result.tasks).toEqual(tasks)
    expect(result.skipped).toEqual([])
    expect(serializeIcs(planWith(result.tasks), { tasks: result.tasks, includeMilestones: false, language: 'vi', now: NOW })).toBe(text)
  })

  it('agrees with ical.js and reads back any daily or weekly rule with cancelled and moved occurrences', () => {
    const ruleArb = fc.record({
      allDay: fc.boolean(), day: fc.integer({ min: toDayNumber('2020-12-20'), max: toDayNumber('2021-12-31') }),
      minute: fc.integer({ min: 0, max: 1439 }), minutes: fc.integer({ min: 0, max: 600 }), days: fc.integer({ min: 1, max: 3 }),
      weekly: fc.boolean(), interval: fc.integer({ min: 1, max: 3 }), weekdays: fc.subarray([...WEEKDAYS]),
      byCount: fc.boolean(), count: fc.integer({ min: 1, max: 30 }), untilDays: fc.integer({ min: 0, max: 120 }),
      cancelled: fc.array(fc.nat(), { maxLength: 4 }),
      moved: fc.array(fc.record({ at: fc.nat(), shift: fc.integer({ min: -3000, max: 3000 }).filter((n) => n !== 0) }), { maxLength: 3 }),
    })
    fc.assert(
      fc.property(ruleArb, (r) => {
        const startMinute = r.day * 1440 + r.minute
        const start = r.allDay ? fromDayNumber(r.day) : fromMinuteNumber(startMinute)
        const end = r.allDay ? fromDayNumber(r.day + r.days) : fromMinuteNumber(startMinute + r.minutes)
        const recurrence = {
          frequency: r.weekly ? 'weekly' as const : 'daily' as const,
          interval: r.interval,
          weekdays: r.weekly ? WEEKDAYS.filter((d, i) => r.weekdays.includes(d) || i === (new Date(r.day * 86_400_000).getUTCDay() + 6) % 7) : [],
          until: r.byCount ? null : fromDayNumber(r.day + r.untilDays),
          count: r.byCount ? r.count : null,
          exceptions: {} as Record<string, RecurrenceException>,
        }
        const dates = ruleDates(start.slice(0, 10), recurrence)
        for (const at of r.cancelled) recurrence.exceptions[dates[at % dates.length]!] = { type: 'cancelled' }
        for (const { at, shift } of r.moved) {
          const date = dates[at % dates.length]!
          const offset = toDayNumber(date) - r.day
          recurrence.exceptions[date] = r.allDay
            ? { type: 'moved', start: fromDayNumber(r.day + offset + Math.sign(shift) * (1 + (Math.abs(shift) % 3))), end: fromDayNumber(r.day + offset + Math.sign(shift) * (1 + (Math.abs(shift) % 3)) + r.days) }
            : { type: 'moved', start: fromMinuteNumber(startMinute + offset * 1440 + shift), end: fromMinuteNumber(startMinute + offset * 1440 + shift + r.minutes) }
        }
        const task = taskWith({ id: 'series', allDay: r.allDay, start, end, recurrence })
        const written = serializeIcs(planWith([task]), { tasks: [task], includeMilestones: false, language: 'vi', now: NOW })
        expect(icalJsOccurrences(written, 'series@election-campaign-planner')).toEqual(sortBounds(expandTask(task)))
        expect(expectOk(parseIcs(written, planWith([task]), IMPORT_NOW)).tasks).toEqual([task])
      }),
      { numRuns: 150 },
    )
  })

  it('reads a Google Calendar series with BYDAY, UNTIL in UTC, an EXDATE, a moved and a cancelled occurrence as one task', () => {
    const result = expectOk(parseIcs(googleRecurringFixture, planWith([]), IMPORT_NOW))
    expect(result.skipped).toEqual([])
    const [briefings, notices, reports, ...monthly] = result.tasks
    expect(briefings).toMatchObject({ title: 'Giao ban trực tuyến Tổ thông tin - tuyên truyền', allDay: false, start: '2021-04-05T07:30', end: '2021-04-05T08:30' })
    expect(briefings!.recurrence).toEqual({
      frequency: 'weekly', interval: 1, weekdays: ['MO', 'WE', 'FR'], until: '2021-04-30', count: null,
      exceptions: {
        '2021-04-14': { type: 'moved', start: '2021-04-15T09:00', end: '2021-04-15T10:00' },
        '2021-04-21': { type: 'cancelled' },
        '2021-04-30': { type: 'cancelled' },
      },
    })
    expect(notices).toMatchObject({ allDay: true, start: '2021-05-13', end: '2021-05-14', recurrence: { frequency: 'daily', count: 11, until: null } })
    expect(reports).toMatchObject({ allDay: true, start: '2021-04-06', recurrence: { frequency: 'weekly', interval: 2, weekdays: ['TU'], until: '2021-05-18' } })
    // Google's own expansion of each series, through ical.js, is the plan's.
    const googleUids = ['3k9f2m1q8r7s6t5u4v3w2x1y0z@google.com', '9a8b7c6d5e4f3g2h1i0j@google.com', '5p4o3i2u1y0t9r8e7w6q@google.com']
    googleUids.forEach((uid, i) => expect(sortBounds(expandTask(result.tasks[i]!))).toEqual(icalJsOccurrences(googleRecurringFixture, uid)))

    // "The first Monday of each month" is no rule the plan holds: one task per occurrence, and said so.
    expect(monthly.map((t) => [t.start, t.recurrence])).toEqual([['2021-03-01T14:00', null], ['2021-04-05T14:00', null], ['2021-05-03T14:00', null]])
    expect(result.expandedSeries).toEqual([5])
    expect(result.recurringExpanded).toBe(1)
  })

  it('writes a Google series back (ICS → plan → ICS) with the same occurrences, and reads that file back the same', () => {
    const imported = expectOk(parseIcs(googleRecurringFixture, planWith([]), IMPORT_NOW)).tasks
    const plan = planWith(imported)
    const written = serializeIcs(plan, { tasks: imported, includeMilestones: false, language: 'vi', now: NOW })
    for (const task of imported) {
      const ours = `${task.id}@election-campaign-planner`
      expect(icalJsOccurrences(written, ours)).toEqual(sortBounds(expandTask(task)))
    }
    expect(expectOk(parseIcs(written, plan, IMPORT_NOW)).tasks).toEqual(imported)
  })

  it('expands rules the plan cannot hold: a start off its weekdays, DAILY with BYDAY, numbered weekdays, no end', () => {
    const result = expectOk(parseIcs(calendar([
      event('UID:off-day', 'DTSTART;VALUE=DATE:20210405', 'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=3'),
      event('UID:weekdays', 'DTSTART;VALUE=DATE:20210405', 'RRULE:FREQ=DAILY;BYDAY=MO,TU;COUNT=3'),
      event('UID:numbered', 'DTSTART;VALUE=DATE:20210405', 'RRULE:FREQ=WEEKLY;BYDAY=1MO;COUNT=2'),
      event('UID:endless', 'DTSTART;VALUE=DATE:20210405', 'RRULE:FREQ=DAILY'),
      event('UID:kept', 'DTSTART;VALUE=DATE:20210405', 'RRULE:FREQ=WEEKLY;BYDAY=MO,TU;COUNT=3'),
    ]), plan2021, IMPORT_NOW))
    expect(result.expandedSeries).toEqual([0, 1, 2, 3])
    expect(result.tasks.filter((t) => t.recurrence !== null).map((t) => t.recurrence)).toEqual([
      { frequency: 'weekly', interval: 1, weekdays: ['MO', 'TU'], until: null, count: 3, exceptions: {} },
    ])
  })

  it('takes in RECURRENCE-ID events before their series, and keeps one that changes all-day-ness as a task of its own', () => {
    const result = expectOk(parseIcs(calendar([
      event('UID:s', 'RECURRENCE-ID:20210412T070000Z', 'DTSTART;VALUE=DATE:20210412'),
      event('UID:s', 'RECURRENCE-ID:20210419T070000Z', 'DTSTART:20210420T020000Z', 'DTEND:20210420T030000Z'),
      event('UID:s', 'DTSTART:20210405T070000Z', 'DTEND:20210405T080000Z', 'RRULE:FREQ=WEEKLY;COUNT=4', 'EXDATE:20210426T090000Z'),
    ]), plan2021, IMPORT_NOW))
    const [allDay, series] = result.tasks
    expect(allDay).toMatchObject({ allDay: true, start: '2021-04-12', end: '2021-04-13', recurrence: null })
    // The EXDATE at 09:00 names no occurrence (they start at 07:00 UTC): nothing is cancelled by it.
    expect(series!.recurrence!.exceptions).toEqual({
      '2021-04-12': { type: 'cancelled' },
      '2021-04-19': { type: 'moved', start: '2021-04-20T09:00', end: '2021-04-20T10:00' },
    })
    expect(result.tasks).toHaveLength(2)
  })
})
