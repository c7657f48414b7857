import fc from 'fast-check'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { toMinuteNumber } from '@/domain/dates/local-date'
import { computeMilestones } from '@/domain/rules/milestones'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import { TASK_STATUSES, type Plan } from '@/domain/types'
import { ICS_MIME_TYPE, icsFileName, serializeIcs } from '@/io/ics/ics-export'
import {
  HOUR_MS, NOW, anyText, asIcsText, eventByUid, exportPlan, planWith, readEvents, taskWith, timeOf, unfoldAndUnescape
} from '@/io/ics/ics-test-support'

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

describe('ICS file naming', () => {
  it('names the file for the election year and declares a UTF-8 calendar type', () => {
    expect(icsFileName(buildCampaign2021Plan(0))).toBe('ke-hoach-tuyen-truyen-bau-cu-2021.ics')
    expect(ICS_MIME_TYPE).toBe('text/calendar;charset=utf-8')
  })
})
