import fc from 'fast-check'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { addDays, fromDayNumber, fromMinuteNumber, toDayNumber, toMinuteNumber } from '@/domain/dates/local-date'
import { expandTask, ruleDates } from '@/domain/plan/recurrence'
import { computeMilestones } from '@/domain/rules/milestones'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import { TASK_STATUSES, WEEKDAYS, type Plan, type RecurrenceException, type Task } from '@/domain/types'
import { serializeBackup } from '@/io/backup/backup-file'
import {
  ICS_MIME_TYPE, MAX_IMPORT_BYTES, icsFileName, parseIcs, serializeIcs, type ParseIcsResult,
} from '@/io/ics/ics-file'
import googleRecurringFixture from '@/io/ics/fixtures/google-calendar-recurring.ics?raw'
import googleFixture from '@/io/ics/fixtures/google-calendar.ics?raw'
import outlookFixture from '@/io/ics/fixtures/outlook-calendar.ics?raw'

const NOW = new Date('2026-11-22T03:00:00Z')
const IMPORT_NOW = Date.UTC(2026, 10, 23)
const HOUR_MS = 3_600_000

function exportPlan(plan: Plan, options: { language?: 'vi' | 'en'; includeMilestones?: boolean; now?: Date } = {}): string {
  return serializeIcs(plan, {
    tasks: Object.values(plan.tasks),
    includeMilestones: options.includeMilestones ?? true,
    language: options.language ?? 'vi',
    now: options.now ?? NOW,
  })
}

function readEvents(text: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')
}

function eventByUid(events: readonly ICAL.Component[], uid: string): ICAL.Component {
  const event = events.find((e) => e.getFirstPropertyValue('uid') === uid)
  if (!event) throw new Error(`no event ${uid}`)
  return event
}

function timeOf(event: ICAL.Component, name: 'dtstart' | 'dtend'): ICAL.Time {
  const value = event.getFirstPropertyValue(name)
  if (!(value instanceof ICAL.Time)) throw new Error(`no ${name}`)
  return value
}

function expectOk(result: ParseIcsResult): Extract<ParseIcsResult, { ok: true }> {
  if (!result.ok) throw new Error(`parse failed: ${result.error}`)
  return result
}

/** A plan holding exactly these tasks (units and channels of the 2021 template). */
function planWith(tasks: readonly Task[]): Plan {
  const template = buildCampaign2021Plan(0)
  return { ...template, name: 'Kế hoạch mẫu', tasks: Object.fromEntries(tasks.map((t) => [t.id, t])) }
}

const TEMPLATE_TASK = Object.values(buildCampaign2021Plan(0).tasks)[0]!

function taskWith(changes: Partial<Task>): Task {
  return { ...TEMPLATE_TASK, anchor: { type: 'fixed' }, training: null, source: null, ...changes }
}

/** How ICS TEXT carries a string: line breaks become LF, control characters and lone surrogates can't be written. */
function asIcsText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- the characters RFC 5545 TEXT cannot carry
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

/** Our parser's title rule: trimmed, at most 200 code points. */
function asImportedTitle(text: string): string {
  return Array.from(asIcsText(text).trim()).slice(0, 200).join('').trim()
}

/** RFC 5545 §3.1 unfolding and §3.3.11 unescaping, written out independently of both libraries. */
function unfoldAndUnescape(text: string, name: string): string | null {
  const line = text.replace(/\r\n[ \t]/g, '').split('\r\n').find((l) => l.startsWith(`${name}:`))
  if (line === undefined) return null
  return line.slice(name.length + 1).replace(/\\([\\;,nN])/g, (_m, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch))
}

// Strings that stress escaping and folding: ICS specials, line breaks, Vietnamese letters (precomposed
// and combining), emoji (surrogate pairs, ZWJ sequences, flags), control characters, lone surrogates.
const trickyText = fc.string({
  unit: fc.constantFrom(
    ',', ';', '\\', ':', '"', '\n', '\r\n', '\r', '\t', ' ', 'a', 'Z', '=', '+', '-', '@',
    'ế', 'ữ', 'Đ', 'ơ', 'ư', 'Ạ', 'ẳ', 'e\u0301', 'o\u0302\u0303', '😀', '👨‍👩‍👧', '🇻🇳', '中', '\u0000', '\u001b', '\u007f', '\u2028',
    '\uD800', '\uDC00',
  ),
  maxLength: 120,
})
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 120 }), trickyText)

describe('ICS export', () => {
  const plan = buildCampaign2021Plan(0)
  const tasks = Object.values(plan.tasks)
  const milestones = computeMilestones(plan.election)
  const text = exportPlan(plan)
  const events = readEvents(text)

  it('writes one event per task and per legal milestone, with the calendar named after the plan', () => {
    expect(events).toHaveLength(tasks.length + milestones.length)
    const calendar = new ICAL.Component(ICAL.parse(text))
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//election-campaign-planner//VI')
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(plan.name)
  })

  it('gives every task its title, exact dates, lead unit and status as ical.js reads them', () => {
    for (const task of tasks) {
      const event = eventByUid(events, `${task.id}@election-campaign-planner`)
      expect(event.getFirstPropertyValue('summary')).toBe(task.title)
      const start = timeOf(event, 'dtstart')
      const end = timeOf(event, 'dtend')
      expect(start.isDate).toBe(task.allDay)
      expect(end.isDate).toBe(task.allDay)
      if (task.allDay) {
        expect(start.toString()).toBe(task.start)
        expect(end.toString()).toBe(task.end) // exclusive, exactly as the plan has it
      } else {
        expect(event.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Ho_Chi_Minh')
        expect(start.toString()).toBe(`${task.start}:00`)
        expect(end.toString()).toBe(`${task.end}:00`)
        expect(start.toUnixTime() * 1000).toBe(toMinuteNumber(task.start) * 60_000 - 7 * HOUR_MS)
      }
      const description = String(event.getFirstPropertyValue('description'))
      const lead = plan.units.find((u) => u.id === task.leadUnitId)
      if (lead) expect(description).toContain(`Đơn vị chủ trì: ${lead.name}`)
      expect(description).toContain('Trạng thái: Chưa bắt đầu')
      expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED')
      const channel = plan.channels.find((c) => c.id === task.channelId)
      if (channel) expect(event.getFirstProperty('categories')?.getValues()).toEqual([channel.name])
    }
  })

  it('writes the 30/03 training and the 22/05 07:00 task at their Vietnam wall-clock times, with a VTIMEZONE', () => {
    const training = eventByUid(events, 'vn-2021-province-press-training@election-campaign-planner')
    expect(timeOf(training, 'dtstart').toString()).toBe('2021-03-30T08:00:00')
    expect(timeOf(training, 'dtend').toString()).toBe('2021-03-30T11:30:00')
    expect(timeOf(training, 'dtstart').toUnixTime()).toBe(Date.UTC(2021, 2, 30, 1, 0) / 1000)
    expect(String(training.getFirstPropertyValue('description'))).toContain('Chuyên đề:\n- Công tác tổ chức các hội nghị hiệp thương')
    const campaigningEnds = eventByUid(events, 'vn-2021-campaigning-ends@election-campaign-planner')
    expect(timeOf(campaigningEnds, 'dtstart').toString()).toBe('2021-05-22T07:00:00')
    expect(timeOf(campaigningEnds, 'dtstart').toUnixTime()).toBe(Date.UTC(2021, 4, 22, 0, 0) / 1000)

    const zones = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vtimezone')
    expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Asia/Ho_Chi_Minh'])
    expect(text).toContain('TZOFFSETTO:+0700')
  })

  it('writes legal milestones as all-day events named by their D-offset', () => {
    for (const milestone of milestones) {
      const event = eventByUid(events, `milestone-${milestone.id}-${plan.id}@election-campaign-planner`)
      expect(timeOf(event, 'dtstart').isDate).toBe(true)
      expect(timeOf(event, 'dtstart').toString()).toBe(milestone.date)
      expect(String(event.getFirstPropertyValue('summary'))).toMatch(/^D([+-]\d+)? · /)
    }
    const voterLists = milestones.find((m) => m.nameVi === 'Niêm yết danh sách cử tri')!
    const event = eventByUid(events, `milestone-${voterLists.id}-${plan.id}@election-campaign-planner`)
    expect(event.getFirstPropertyValue('summary')).toBe('D-40 · Niêm yết danh sách cử tri')
    expect(readEvents(exportPlan(plan, { includeMilestones: false }))).toHaveLength(tasks.length)
  })

  it('keeps every UID stable from one export to the next, and raises SEQUENCE when a task changed', () => {
    const later = readEvents(exportPlan(plan, { now: new Date('2027-01-01T00:00:00Z'), language: 'en' }))
    expect(later.map((e) => e.getFirstPropertyValue('uid'))).toEqual(events.map((e) => e.getFirstPropertyValue('uid')))
    const task = tasks[0]!
    const sequence = (p: Plan) => Number(readEvents(exportPlan(p, { includeMilestones: false }))[0]!.getFirstPropertyValue('sequence'))
    const edited = planWith([{ ...task, updatedAt: Date.UTC(2021, 2, 1) }])
    const editedAgain = planWith([{ ...task, updatedAt: Date.UTC(2021, 2, 1, 0, 0, 1) }])
    expect(sequence(editedAgain)).toBeGreaterThan(sequence(edited))
  })

  it('labels the description in English and uses English channel and milestone names when asked', () => {
    const english = readEvents(exportPlan(plan, { language: 'en' }))
    const training = eventByUid(english, 'vn-2021-province-press-training@election-campaign-planner')
    const description = String(training.getFirstPropertyValue('description'))
    expect(description).toContain('Channel: Conferences and trainings')
    expect(description).toContain('Lead unit: Sở Thông tin và Truyền thông')
    expect(description).toContain('Status: Planned')
    expect(description).toContain('Participants: 130 — ')
    expect(training.getFirstProperty('categories')?.getValues()).toEqual(['Conferences and trainings'])
    expect(english.some((e) => e.getFirstPropertyValue('summary') === 'D-40 · Voter lists posted')).toBe(true)
  })

  it('marks cancelled tasks CANCELLED and labels each status in both languages', () => {
    const statuses = TASK_STATUSES.map((status, i) => taskWith({ id: `s${i}`, status, allDay: true, start: '2021-04-01', end: '2021-04-02' }))
    const labels = { vi: ['Chưa bắt đầu', 'Đang thực hiện', 'Hoàn thành', 'Hủy'], en: ['Planned', 'In progress', 'Done', 'Cancelled'] }
    for (const language of ['vi', 'en'] as const) {
      const written = readEvents(serializeIcs(planWith(statuses), { tasks: statuses, includeMilestones: false, language, now: NOW }))
      statuses.forEach((task, i) => {
        const event = eventByUid(written, `${task.id}@election-campaign-planner`)
        expect(event.getFirstPropertyValue('status')).toBe(task.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED')
        expect(String(event.getFirstPropertyValue('description'))).toContain(labels[language][i])
      })
    }
  })

  it('writes the same bytes whatever the machine’s time zone (run under TZ=UTC and TZ=Pacific/Kiritimati)', () => {
    const allDay = taskWith({
      id: 'golden-all-day', title: 'Treo băng rôn, khẩu hiệu; cờ Tổ quốc', allDay: true, start: '2021-05-21', end: '2021-05-26',
      channelId: 'channel-visual', leadUnitId: 'unit-soVhttdl', supportUnitIds: ['unit-ubndHuyen'], location: 'Các tuyến phố chính',
      status: 'in-progress', quantity: '300 băng rôn', description: 'Dòng 1\nDòng 2', createdAt: Date.UTC(2021, 4, 1), updatedAt: Date.UTC(2021, 4, 18, 10, 30),
    })
    // 23:30 to 01:00 crosses midnight in Vietnam and falls on another UTC day: any zone slip shows.
    const timed = taskWith({
      id: 'golden-timed', title: 'Trực ban đêm trước ngày bầu cử', allDay: false, start: '2021-05-22T23:30', end: '2021-05-23T01:00',
      channelId: null, leadUnitId: 'unit-ubbcTinh', supportUnitIds: [], location: '', status: 'cancelled', quantity: '', description: '',
      training: { connectionPointCount: 2, connectionPoints: ['Tỉnh', 'Huyện'], participantCount: null, participants: '', topics: ['An ninh'], presenters: [] },
      createdAt: 0, updatedAt: 0,
    })
    const golden = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//election-campaign-planner//VI',
      'NAME:Kế hoạch mẫu',
      'X-WR-CALNAME:Kế hoạch mẫu',
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Ho_Chi_Minh',
      'X-LIC-LOCATION:Asia/Ho_Chi_Minh',
      'BEGIN:STANDARD',
      'TZOFFSETFROM:+0700',
      'TZOFFSETTO:+0700',
      'TZNAME:+07',
      'DTSTART:19700101T000000',
      'END:STANDARD',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:golden-all-day@election-campaign-planner',
      'SEQUENCE:43497000',
      'DTSTAMP:20210518T103000Z',
      'DTSTART;VALUE=DATE:20210521',
      'DTEND;VALUE=DATE:20210526',
      'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
      'X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE',
      'SUMMARY:Treo băng rôn\\, khẩu hiệu\\; cờ Tổ quốc',
      'LOCATION:Các tuyến phố chính',
      'DESCRIPTION:Kênh: Pano\\, áp phích\\, băng rôn\\, khẩu hiệu\\, cờ\\n',
      ' Đơn vị chủ trì: Sở Văn hóa\\, Thể thao và Du lịch\\nĐơn v',
      ' ị phối hợp: Ủy ban nhân dân cấp huyện\\nTrạng thái: Đang ',
      ' thực hiện\\nSố lượng: 300 băng rôn\\n\\nDòng 1\\nDòng 2',
      'CATEGORIES:Pano\\, áp phích\\, băng rôn\\, khẩu hiệu\\, cờ',
      'STATUS:CONFIRMED',
      'X-ELECTION-PLANNER-STATUS:in-progress',
      'X-ELECTION-PLANNER-DESCRIPTION:Dòng 1\\nDòng 2',
      'CREATED:20210501T000000Z',
      'LAST-MODIFIED:20210518T103000Z',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:golden-timed@election-campaign-planner',
      'SEQUENCE:0',
      'DTSTAMP:20261122T030000Z',
      'DTSTART;TZID=Asia/Ho_Chi_Minh:20210522T233000',
      'DTEND;TZID=Asia/Ho_Chi_Minh:20210523T010000',
      'SUMMARY:Trực ban đêm trước ngày bầu cử',
      'DESCRIPTION:Đơn vị chủ trì: Ủy ban bầu cử tỉnh\\nTrạng th',
      ' ái: Hủy\\n\\nĐiểm cầu: 2 — Tỉnh\\; Huyện\\nChuyên đề:\\n- An ',
      ' ninh',
      'STATUS:CANCELLED',
      'X-ELECTION-PLANNER-STATUS:cancelled',
      'X-ELECTION-PLANNER-DESCRIPTION:',
      'LAST-MODIFIED:20261122T030000Z',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n')
    // Its own units and channel, so a change to the template's names does not move these bytes.
    const template = buildCampaign2021Plan(0)
    const plan: Plan = {
      ...planWith([allDay, timed]),
      units: [
        { ...template.units[0]!, id: 'unit-soVhttdl', name: 'Sở Văn hóa, Thể thao và Du lịch' },
        { ...template.units[0]!, id: 'unit-ubndHuyen', name: 'Ủy ban nhân dân cấp huyện' },
        { ...template.units[0]!, id: 'unit-ubbcTinh', name: 'Ủy ban bầu cử tỉnh' },
      ],
      channels: [{ ...template.channels[0]!, id: 'channel-visual', name: 'Pano, áp phích, băng rôn, khẩu hiệu, cờ', nameEn: 'Panels' }],
    }
    const written = serializeIcs(plan, { tasks: [allDay, timed], includeMilestones: false, language: 'vi', now: NOW })
    expect(written).toBe(golden)
  })

  it('keeps user text as text: no added lines or components, no HTML, formula-like text as written', () => {
    const task = taskWith({
      id: 'inject', allDay: true, start: '2021-05-01', end: '2021-05-02',
      title: '=HYPERLINK("http://x");\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil',
      description: '<b>đậm</b>\nEND:VCALENDAR', location: '@Hội trường, tầng 2; phòng 3',
    })
    const written = serializeIcs(planWith([task]), { tasks: [task], includeMilestones: false, language: 'vi', now: NOW })
    const events = readEvents(written)
    expect(events).toHaveLength(1)
    expect(events[0]!.getFirstPropertyValue('uid')).toBe('inject@election-campaign-planner')
    expect(events[0]!.getFirstPropertyValue('summary')).toBe('=HYPERLINK("http://x");\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil')
    expect(events[0]!.getFirstPropertyValue('location')).toBe(task.location)
    expect(written).not.toContain('X-ALT-DESC')
  })

  it('folds at 75 octets without splitting a character, and unfolding and unescaping give the text back', () => {
    fc.assert(
      fc.property(anyText, anyText, anyText, (title, description, location) => {
        const task = taskWith({ id: 'p', title, description, location, allDay: true, start: '2021-05-01', end: '2021-05-02' })
        const written = serializeIcs(planWith([task]), { tasks: [task], includeMilestones: false, language: 'vi', now: NOW })

        // Every line break is a CRLF we wrote: user text never adds a line.
        expect(written.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
        const bytes = new TextEncoder().encode(written)
        const decoder = new TextDecoder('utf-8', { fatal: true })
        let lineStart = 0
        for (let i = 0; i < bytes.length; i += 1) {
          if (bytes[i] !== 0x0d) continue
          expect(i - lineStart).toBeLessThanOrEqual(75)
          decoder.decode(bytes.subarray(lineStart, i)) // throws on a UTF-8 sequence cut in two
          lineStart = i + 2
        }

        const events = readEvents(written)
        expect(events).toHaveLength(1)
        const event = events[0]!
        expect(event.getFirstPropertyValue('summary')).toBe(asIcsText(title))
        expect(event.getFirstPropertyValue('location') ?? '').toBe(asIcsText(location))
        expect(unfoldAndUnescape(written, 'SUMMARY')).toBe(asIcsText(title))
        expect(unfoldAndUnescape(written, 'LOCATION') ?? '').toBe(asIcsText(location))
        expect(unfoldAndUnescape(written, 'X-ELECTION-PLANNER-DESCRIPTION')).toBe(asIcsText(description))
        if (description.trim() !== '') expect(String(event.getFirstPropertyValue('description'))).toContain(asIcsText(description))
      }),
      { numRuns: 200 },
    )
  })
})

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

function calendar(events: readonly string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR', ''].join('\r\n')
}

function event(...lines: string[]): string {
  return ['BEGIN:VEVENT', 'SUMMARY:Sự kiện', ...lines, 'END:VEVENT'].join('\r\n')
}

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

/** Each occurrence as ical.js (not our code) expands the series: RRULE, EXDATE and RECURRENCE-ID events, as Vietnam bounds. */
function icalJsOccurrences(text: string, uid: string): { start: string; end: string }[] {
  const components = readEvents(text).filter((e) => e.getFirstPropertyValue('uid') === uid)
  const master = components.find((e) => e.getFirstProperty('recurrence-id') === null)
  if (!master) throw new Error(`no series ${uid}`)
  const series = new ICAL.Event(master, { exceptions: components.filter((e) => e !== master) })
  const iterator = series.iterator()
  const found: { start: string; end: string }[] = []
  for (let next = iterator.next(); next; next = iterator.next()) {
    const details = series.getOccurrenceDetails(next)
    // A cancelled override (Google's way to delete one occurrence) removes it.
    if (details.item !== series && details.item.component.getFirstPropertyValue('status') === 'CANCELLED') continue
    found.push({ start: asVietnamBound(details.startDate), end: asVietnamBound(details.endDate) })
    if (found.length > 2000) throw new Error('runaway expansion')
  }
  return sortBounds(found)
}

function asVietnamBound(time: ICAL.Time): string {
  return time.isDate ? time.toString() : fromMinuteNumber(time.toUnixTime() / 60 + 7 * 60)
}

function sortBounds<T extends { start: string; end: string }>(bounds: readonly T[]): { start: string; end: string }[] {
  return bounds.map(({ start, end }) => ({ start, end })).sort((a, b) => (a.start + a.end < b.start + b.end ? -1 : 1))
}

function contentLines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n')
}

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

describe('ICS file naming', () => {
  it('names the file for the election year and declares a UTF-8 calendar type', () => {
    expect(icsFileName(buildCampaign2021Plan(0))).toBe('ke-hoach-tuyen-truyen-bau-cu-2021.ics')
    expect(ICS_MIME_TYPE).toBe('text/calendar;charset=utf-8')
  })
})
