import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, fromDayNumber, fromMinuteNumber, toDayNumber } from '@/domain/dates/local-date'
import { isReservedKey } from '@/domain/plan/ids'
import { expandTask } from '@/domain/plan/recurrence'
import { computeMilestones } from '@/domain/rules/milestones'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import { TASK_STATUSES } from '@/domain/types'
import { serializeBackup } from '@/io/backup/backup-file'
import { serializeIcs } from '@/io/ics/ics-export'
import { parseIcs } from '@/io/ics/ics-import'
import googleFixture from '@/io/ics/fixtures/google-calendar.ics?raw'
import outlookFixture from '@/io/ics/fixtures/outlook-calendar.ics?raw'
import {
  IMPORT_NOW, NOW, anyText, asIcsText, asImportedTitle, calendar, event, expectOk, exportPlan, planWith, taskWith
} from '@/io/ics/ics-test-support'
import { MAX_IMPORT_BYTES, MAX_IMPORT_EVENTS } from '@/io/import-limits'

describe('ICS round trip', () => {
  it('gives back every task of the 2021 plan unchanged, in both languages', () => {
    const plan = buildCampaign2021Plan(0)
    for (const language of ['vi', 'en'] as const) {
      const result = expectOk(parseIcs(exportPlan(plan, { language }), plan, IMPORT_NOW))
      expect(result.tasks).toEqual(Object.values(plan.tasks))
      expect(result.skipped).toEqual([])
      expect(result.ignoredMilestones).toBe(computeMilestones(plan.election).length)
    }
  })

  it('gives back title, all-day flag, start, end, location, status, description and id of arbitrary tasks', () => {
    const dayArb = fc.integer({ min: toDayNumber('1976-01-01'), max: toDayNumber('2199-06-01') })
    const taskArb = fc.record({
      allDay: fc.boolean(), day: dayArb, days: fc.integer({ min: 1, max: 90 }),
      minute: fc.integer({ min: 0, max: 1439 }), minutes: fc.integer({ min: 0, max: 5000 }),
      title: anyText, location: anyText, description: anyText, status: fc.constantFrom(...TASK_STATUSES),
    })
    fc.assert(
      fc.property(fc.array(taskArb, { minLength: 1, maxLength: 5 }), fc.constantFrom('vi' as const, 'en' as const), (drafts, language) => {
        const tasks = drafts.map((d, i) => {
          const startMinute = d.day * 1440 + d.minute
          return taskWith({
            id: `task-${i}-ư,;`, allDay: d.allDay, title: d.title, location: d.location, description: d.description, status: d.status,
            start: d.allDay ? fromDayNumber(d.day) : fromMinuteNumber(startMinute),
            end: d.allDay ? fromDayNumber(d.day + d.days) : fromMinuteNumber(startMinute + d.minutes),
          })
        })
        const plan = planWith(tasks)
        const result = expectOk(parseIcs(serializeIcs(plan, { tasks, includeMilestones: false, language, now: NOW }), plan, IMPORT_NOW))
        expect(result.tasks.map((t) => [t.id, t.title, t.allDay, t.start, t.end, t.location, t.status, t.description])).toEqual(
          tasks.map((t) => [t.id, asImportedTitle(t.title), t.allDay, t.start, t.end, asIcsText(t.location), t.status, asIcsText(t.description)]),
        )
      }),
      { numRuns: 100 },
    )
  })

  it('updates a re-imported task in place: new dates, same units, anchor moved, only changed tasks restamped', () => {
    const plan = buildCampaign2021Plan(1000)
    const moved = Object.values(plan.tasks).find((t) => t.allDay && t.anchor.type === 'election-day')!
    const text = exportPlan(plan).replace(/\r\n[ \t]/g, '')
    const uidLine = `UID:${moved.id}@election-campaign-planner`
    const at = text.indexOf(uidLine)
    const blockEnd = text.indexOf('END:VEVENT', at)
    const block = text.slice(at, blockEnd)
    const compact = (date: string) => date.replace(/-/g, '')
    const shifted = block.replace(`DTSTART;VALUE=DATE:${compact(moved.start)}`, `DTSTART;VALUE=DATE:${compact(addDays(moved.start, -2))}`)
    expect(shifted).not.toBe(block)
    const result = expectOk(parseIcs(text.slice(0, at) + shifted + text.slice(blockEnd), plan, IMPORT_NOW))
    const updated = result.tasks.find((t) => t.id === moved.id)!
    expect(updated.start).toBe(addDays(moved.start, -2))
    expect(updated).toMatchObject({ leadUnitId: moved.leadUnitId, supportUnitIds: moved.supportUnitIds, quantity: moved.quantity, end: moved.end, updatedAt: IMPORT_NOW })
    expect(updated.anchor).toEqual({ type: 'election-day', offsetDays: (moved.anchor as { offsetDays: number }).offsetDays - 2 })
    for (const task of result.tasks) if (task.id !== moved.id) expect(task).toEqual(plan.tasks[task.id])
  })
})

describe('ICS import from Google Calendar and Outlook', () => {
  const plan = buildCampaign2021Plan(0)

  it('reads a Google Calendar export: all-day, UTC, a weekly series with an EXDATE and a moved occurrence, a cancelled event', () => {
    const result = expectOk(parseIcs(googleFixture, plan, IMPORT_NOW))
    expect(result.skipped).toEqual([])
    expect(result.recurringExpanded).toBe(0)
    const summary = result.tasks.map((t) => ({ title: t.title, allDay: t.allDay, start: t.start, end: t.end, location: t.location, status: t.status }))
    expect(summary).toEqual([
      { title: 'Treo pano, áp phích, băng rôn cổ động bầu cử', allDay: true, start: '2021-04-15', end: '2021-04-18', location: 'Trung tâm thành phố, tỉnh Đắk Lắk', status: 'planned' },
      { title: 'Hội nghị tập huấn công tác thông tin, tuyên truyền bầu cử', allDay: false, start: '2021-03-30T08:00', end: '2021-03-30T11:30', location: 'Hội trường Sở Thông tin và Truyền thông, 08 Lê Thánh Tông', status: 'planned' },
      { title: 'Giao ban Tiểu ban Thông tin - Tuyên truyền', allDay: false, start: '2021-04-05T14:00', end: '2021-04-05T16:00', location: 'Phòng họp tầng 2, Sở TT&TT', status: 'planned' },
      { title: 'Đêm văn nghệ cổ động “Ngày hội non sông” 🇻🇳', allDay: true, start: '2021-05-20', end: '2021-05-21', location: '', status: 'cancelled' },
    ])
    expect(result.tasks[0]!.description).toBe('Treo băng rôn, khẩu hiệu tại các tuyến đường chính; trụ sở cơ quan, đơn vị.\nĐầu mối: Phòng Văn hóa và Thông tin')
    // One recurring task: the EXDATE cancels 12/04, the RECURRENCE-ID event moves 19/04 to 15:00.
    const weekly = result.tasks.find((t) => t.title.startsWith('Giao ban'))!
    expect(weekly.id).toMatch(/^ics-[0-9a-z]+$/)
    expect(weekly.recurrence).toEqual({
      frequency: 'weekly', interval: 1, weekdays: ['MO'], until: null, count: 4,
      exceptions: { '2021-04-12': { type: 'cancelled' }, '2021-04-19': { type: 'moved', start: '2021-04-19T15:00', end: '2021-04-19T17:00' } },
    })
    expect(expandTask(weekly).map((o) => o.start)).toEqual(['2021-04-05T14:00', '2021-04-19T15:00', '2021-04-26T14:00'])
    expect(result.tasks.every((t) => t.anchor.type === 'fixed' && t.createdAt === IMPORT_NOW && t.updatedAt === IMPORT_NOW)).toBe(true)
  })

  it('gives a foreign event the same id on every import, so a second import updates it', () => {
    const first = expectOk(parseIcs(googleFixture, plan, IMPORT_NOW)).tasks.map((t) => t.id)
    const second = expectOk(parseIcs(googleFixture, plan, IMPORT_NOW + 1)).tasks.map((t) => t.id)
    expect(second).toEqual(first)
    expect(new Set(first).size).toBe(first.length)
  })

  it('reads an Outlook export with Windows zone names at the right Vietnam wall-clock times', () => {
    const result = expectOk(parseIcs(outlookFixture, plan, IMPORT_NOW))
    expect(result.skipped).toEqual([])
    const [training, berlinWinter, berlinSummer, electionDay] = result.tasks
    expect(training).toMatchObject({ allDay: false, start: '2021-03-30T08:00', end: '2021-03-30T11:30', channelId: 'channel-meetings', location: 'Hội trường UBND tỉnh' })
    expect(training!.description).not.toContain('<')
    // W. Europe Standard Time: UTC+1 on 26/03, UTC+2 from 28/03/2021.
    expect(berlinWinter).toMatchObject({ start: '2021-03-26T16:00', end: '2021-03-26T17:00' })
    expect(berlinSummer).toMatchObject({ start: '2021-03-30T15:00', end: '2021-03-30T16:00' })
    expect(electionDay).toMatchObject({ title: 'Ngày bầu cử', allDay: true, start: '2021-05-23', end: '2021-05-24' })
  })

  it('converts UTC, floating and IANA-named times without a VTIMEZONE, and defaults a missing end', () => {
    const result = expectOk(parseIcs(calendar([
      event('UID:utc', 'DTSTART:20210522T170000Z', 'DTEND:20210522T180000Z'),
      event('UID:floating', 'DTSTART:20210522T090000'),
      event('UID:tokyo', 'DTSTART;TZID=Asia/Tokyo:20210522T090000', 'DURATION:PT90M'),
      event('UID:day', 'DTSTART;VALUE=DATE:20210523'),
    ]), plan, IMPORT_NOW))
    expect(result.tasks.map((t) => [t.allDay, t.start, t.end])).toEqual([
      [false, '2021-05-23T00:00', '2021-05-23T01:00'],
      [false, '2021-05-22T09:00', '2021-05-22T09:00'],
      [false, '2021-05-22T07:00', '2021-05-22T08:30'],
      [true, '2021-05-23', '2021-05-24'],
    ])
  })
})

describe('ICS import of bad files', () => {
  const plan = buildCampaign2021Plan(0)

  it('refuses what is not an ICS calendar, an empty one and one over 20 MB', () => {
    expect(parseIcs('', plan, IMPORT_NOW)).toEqual({ ok: false, error: 'empty' })
    expect(parseIcs(' \r\n', plan, IMPORT_NOW)).toEqual({ ok: false, error: 'empty' })
    expect(parseIcs('BEGIN:VCALENDAR', plan, IMPORT_NOW)).toEqual({ ok: false, error: 'notIcs' })
    expect(parseIcs('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20210101T000000Z\r\nEND:VEVENT\r\n', plan, IMPORT_NOW)).toEqual({ ok: false, error: 'notIcs' })
    expect(parseIcs(serializeBackup([plan], NOW), plan, IMPORT_NOW)).toEqual({ ok: false, error: 'notIcs' })
    const png = '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001\u0000' + String.fromCharCode(...Array.from({ length: 200 }, (_, i) => (i * 37) % 256))
    expect(parseIcs(png, plan, IMPORT_NOW)).toEqual({ ok: false, error: 'notIcs' })
    expect(parseIcs('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', plan, IMPORT_NOW)).toEqual({ ok: false, error: 'empty' })
    const big = calendar([event('UID:a', 'DTSTART;VALUE=DATE:20210101', `DESCRIPTION:${'x'.repeat(21 * 1024 * 1024)}`)])
    expect(parseIcs(big, plan, IMPORT_NOW)).toEqual({ ok: false, error: 'tooLarge' })
    // Under 20 M characters but over 20 MB once written as UTF-8 (3 bytes a letter).
    expect(parseIcs(`BEGIN:VCALENDAR\r\n${'ế'.repeat(7 * 1024 * 1024 + 1)}`, plan, IMPORT_NOW)).toEqual({ ok: false, error: 'tooLarge' })
    expect(MAX_IMPORT_BYTES).toBe(20 * 1024 * 1024)
  })

  it('skips broken events with their index and a reason, and imports the rest', () => {
    const result = expectOk(parseIcs(calendar([
      event('UID:good-1', 'DTSTART;VALUE=DATE:20210401'),
      event('UID:backwards', 'DTSTART:20210402T100000Z', 'DTEND:20210402T090000Z'),
      event('UID:no-start'),
      event('UID:feb-30', 'DTSTART;VALUE=DATE:20210230'),
      event('UID:garbage-line', 'DTSTART;VALUE=DATE:20210401', 'this line has no colon'),
      event('UID:good-2', 'DTSTART;VALUE=DATE:20210403', 'DTEND;VALUE=DATE:20210403'),
      event('UID:good-1', 'DTSTART;VALUE=DATE:20210405'),
      'BEGIN:VEVENT\r\nUID:unterminated\r\nDTSTART;VALUE=DATE:20210406',
    ]), plan, IMPORT_NOW))
    expect(result.tasks.map((t) => [t.start, t.end])).toEqual([['2021-04-01', '2021-04-02'], ['2021-04-03', '2021-04-04']])
    expect(result.skipped).toEqual([
      { index: 1, reason: 'endBeforeStart' },
      { index: 2, reason: 'noStart' },
      { index: 3, reason: 'badDate' },
      { index: 4, reason: 'unreadable' },
      { index: 6, reason: 'duplicate' },
      { index: 7, reason: 'unreadable' },
    ])
  })

  it('never throws on 1,000 random and mutated files, and never changes the plan', () => {
    const subset = planWith(Object.values(plan.tasks).filter((t, i) => i % 6 === 0 || !t.allDay))
    const bases = [exportPlan(plan), exportPlan(subset, { includeMilestones: false }), googleFixture, outlookFixture]
    const before = JSON.stringify(plan)
    const line = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(
        'BEGIN:VEVENT', 'END:VEVENT', 'BEGIN:VCALENDAR', 'END:VCALENDAR', 'BEGIN:VTIMEZONE', 'END:VTIMEZONE', 'BEGIN:VALARM',
        'DTSTART:20210230T250000Z', 'DTSTART;VALUE=DATE:30000101', 'DTEND;VALUE=DATE:19000101', 'DURATION:-P3D', 'DURATION:garbage',
        'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', 'RRULE:FREQ=HOURLY', 'RRULE:FREQ=YEARLY;COUNT=-1', 'RRULE:FREQ=WEEKLY;UNTIL=20200101',
        'EXDATE:garbage', 'RECURRENCE-ID:20210101', 'DTSTART;TZID=Nowhere/Zone:20210330T080000', 'TZOFFSETTO:+9999', 'TZID:',
        'UID:', 'UID:x@election-campaign-planner', 'UID:milestone-x-y@election-campaign-planner', 'X-ELECTION-PLANNER-STATUS:done',
        'X-ELECTION-PLANNER-DESCRIPTION:\\', 'CATEGORIES:,,,', 'SUMMARY;LANGUAGE=vi:\\', 'STATUS:CANCELLED', ' folded continuation',
      ),
    )
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('deleteLine' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('replaceLine' as const), at: fc.nat(), text: line }),
      fc.record({ kind: fc.constant('insertLine' as const), at: fc.nat(), text: line }),
      fc.record({ kind: fc.constant('deleteChars' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('insertChars' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 12 }) }),
      fc.record({ kind: fc.constant('replaceChar' as const), at: fc.nat(), text: fc.constantFrom(':', ';', ',', '\\', '\r\n', '\r\n ', '=', '"', 'Z', '9', '\u0000', 'ư', '') }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    )
    // Weighted by cost: the full 2021 file and Outlook's (its 1601 VTIMEZONE) take ~7–10 ms a parse.
    const base = fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: fc.constant(1), weight: 4 }, { arbitrary: fc.constant(2), weight: 3 }, { arbitrary: fc.constant(3), weight: 1 })
    const mutated = fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([b, mutations]) => {
      let text = bases[b]!
      for (const m of mutations) {
        const lines = text.split('\r\n')
        const li = m.at % lines.length
        const ci = m.at % (text.length + 1)
        switch (m.kind) {
          case 'deleteLine': lines.splice(li, 1); text = lines.join('\r\n'); break
          case 'duplicateLine': lines.splice(li, 0, lines[li]!); text = lines.join('\r\n'); break
          case 'replaceLine': lines[li] = m.text; text = lines.join('\r\n'); break
          case 'insertLine': lines.splice(li, 0, m.text); text = lines.join('\r\n'); break
          case 'deleteChars': text = text.slice(0, ci) + text.slice(ci + m.length); break
          case 'insertChars': text = text.slice(0, ci) + m.text + text.slice(ci); break
          case 'replaceChar': text = text.slice(0, ci) + m.text + text.slice(ci + 1); break
          case 'truncate': text = text.slice(0, ci); break
        }
      }
      return text
    })
    const random = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(line, { maxLength: 30 }).map((lines) => ['BEGIN:VCALENDAR', ...lines, 'END:VCALENDAR'].join('\r\n')),
    )
    let runs = 0
    fc.assert(
      fc.property(fc.oneof({ arbitrary: mutated, weight: 3 }, { arbitrary: random, weight: 1 }), (text) => {
        runs += 1
        const result = parseIcs(text, plan, IMPORT_NOW)
        expect(typeof result.ok).toBe('boolean')
        if (result.ok) {
          for (const task of result.tasks) {
            expect(task.allDay ? task.end > task.start : task.end >= task.start).toBe(true)
          }
        }
        expect(JSON.stringify(plan)).toBe(before)
      }),
      { numRuns: 1000 },
    )
    expect(runs).toBeGreaterThanOrEqual(1000)
  }, 30_000)
})

describe('ICS import of reserved ids', () => {
  const plan = buildCampaign2021Plan(0)

  it('never gives a task the id __proto__, constructor or prototype, whatever the UID says', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const result = expectOk(parseIcs(calendar([
        event(`UID:${key}@election-campaign-planner`, 'DTSTART;VALUE=DATE:20210401'),
        event(`UID:${key}@google.com`, 'DTSTART;VALUE=DATE:20210402'),
        event(`UID:${key}`, 'DTSTART;VALUE=DATE:20210403'),
        event(`UID:${key}@election-campaign-planner`, 'DTSTART;VALUE=DATE:20210405', 'RRULE:FREQ=WEEKLY;COUNT=2', 'EXDATE;VALUE=DATE:20210412'),
      ]), plan, IMPORT_NOW))
      const ids = result.tasks.map((t) => t.id)
      expect(ids.some(isReservedKey)).toBe(false)
      expect(ids[0]).toBe(`renamed-${key}`)
      expect(ids[1]).toMatch(/^ics-[0-9a-z]+$/)
      expect(ids[2]).toMatch(/^ics-[0-9a-z]+$/)
      // The series shares the first event's id: a duplicate, not a task with a reserved id.
      expect(result.skipped).toEqual([{ index: 3, reason: 'duplicate' }])
    }
  })

  it('updates the renamed task on a re-import of the same file, keeping what ICS does not carry', () => {
    const renamed = taskWith({ id: 'renamed-__proto__', allDay: true, start: '2021-04-01', end: '2021-04-02', leadUnitId: 'unit-ubbcTinh', quantity: '3 buổi', createdAt: 5 })
    const file = calendar([event('UID:__proto__@election-campaign-planner', 'DTSTART;VALUE=DATE:20210403')])
    const [task] = expectOk(parseIcs(file, planWith([renamed]), IMPORT_NOW)).tasks
    expect(task).toMatchObject({ id: 'renamed-__proto__', start: '2021-04-03', leadUnitId: 'unit-ubbcTinh', quantity: '3 buổi', createdAt: 5 })
  })

  it('hashes an own UID far longer than any id we write, like a foreign one', () => {
    const [task] = expectOk(parseIcs(calendar([event(`UID:${'a'.repeat(100_000)}@election-campaign-planner`, 'DTSTART;VALUE=DATE:20210401')]), plan, IMPORT_NOW)).tasks
    expect(task!.id).toMatch(/^ics-[0-9a-z]+$/)
  })
})

describe('ICS import limits and progress', () => {
  const plan = buildCampaign2021Plan(0)

  it('refuses a file of more than 50,000 events before reading them, naming the count and the limit', () => {
    const events = Array.from({ length: MAX_IMPORT_EVENTS + 1 }, (_, i) => `${i % 2 ? 'begin' : 'BEGIN'}:VEVENT\r\nEND:VEVENT`)
    let progressCalls = 0
    const result = parseIcs(calendar(events), plan, IMPORT_NOW, { onProgress: () => { progressCalls += 1 } })
    expect(result).toEqual({ ok: false, error: 'tooManyEvents', count: 50_001, limit: 50_000 })
    expect(progressCalls).toBe(0)
    expect(MAX_IMPORT_EVENTS).toBe(50_000)
  })

  it('reports progress every 500 steps, reading then converting each event, and ends at the total', () => {
    const events = Array.from({ length: 1_200 }, (_, i) => event(`UID:e${i}`, `DTSTART;VALUE=DATE:2021${String(1 + (i % 12)).padStart(2, '0')}01`))
    const calls: [number, number][] = []
    const result = expectOk(parseIcs(calendar(events), plan, IMPORT_NOW, { onProgress: (done, total) => calls.push([done, total]) }))
    expect(result.tasks).toHaveLength(1_200)
    expect(calls).toEqual([[500, 2_400], [1_000, 2_400], [1_500, 2_400], [2_000, 2_400], [2_400, 2_400]])
  })
})
