import Papa from 'papaparse'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expandTask } from '@/domain/plan/recurrence'
import { restoreTask } from '@/domain/plan/restore-plan'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Plan, Task, TaskRecurrence } from '@/domain/types'
import { applyCsvMapping, csvFileName, csvHeader, parseCsv, serializeCsv } from '@/io/csv/csv-file'
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '@/io/import-limits'
import { describeRowIssue } from '@/io/schedule-table/import-messages'
import { MACHINE_COLUMNS, MACHINE_LABEL_PREFIX } from '@/io/schedule-table/schedule-columns'
import { buildScheduleRows } from '@/io/schedule-table/schedule-rows'

const NOW = Date.UTC(2026, 10, 22, 3, 0)
const base = buildCampaign2021Plan(1234)
const someTask = Object.values(base.tasks)[0]!

const WEEKLY: TaskRecurrence = {
  frequency: 'weekly', interval: 1, weekdays: ['MO', 'TH'], until: '2021-05-20', count: null,
  exceptions: { '2021-04-08': { type: 'cancelled' }, '2021-04-12': { type: 'moved', start: '2021-04-13T14:00', end: '2021-04-13T15:30' } },
}

/** The 2021 template's daily polling notice, 13–23/05/2021. */
const pollingNotice = Object.values(base.tasks).find((t) => t.title.startsWith('Thông báo thường xuyên thời gian, địa điểm bỏ phiếu'))!

/**
 * The 2021 plan plus what the template lacks: statuses, a timed task, odd text, a task outside the
 * phases, a weekly timed series with a cancelled and a moved occurrence.
 */
function richPlan(): Plan {
  const extra: Task[] = [
    { ...someTask, id: 'weekly', allDay: false, start: '2021-04-05T08:00', end: '2021-04-05T09:30', title: 'Giao ban tuyên truyền', description: '', recurrence: WEEKLY },
    { ...someTask, id: 'timed', allDay: false, start: '2021-03-30T08:00', end: '2021-03-30T11:30', status: 'done', title: 'Hội nghị tập huấn (trực tuyến)', location: 'Hội trường UBND tỉnh, số 9 "Lê Duẩn"' },
    { ...someTask, id: 'outside', start: '2020-12-01', end: '2020-12-04', anchor: { type: 'election-day', offsetDays: -173 }, status: 'cancelled', supportUnitIds: [], leadUnitId: null, channelId: null },
    { ...someTask, id: 'formula', title: '=HYPERLINK("http://x","y")', description: '-  gạch đầu dòng\r\n+ dòng hai', quantity: '@100', location: '\tlệch' },
  ]
  const tasks = { ...base.tasks }
  for (const t of extra) tasks[t.id] = t
  return { ...base, tasks }
}

/** A CSV's records, as a real parser reads them (without the BOM). */
const recordsOf = (text: string): string[][] => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { newline: '\r\n' }).data
const csvOf = (records: string[][]): string => `\uFEFF${Papa.unparse(records, { newline: '\r\n' })}`

/** A machine column's Vietnamese label: "[Để nhập lại – không sửa] Mã". */
const m = (name: string): string => `${MACHINE_LABEL_PREFIX.vi}${name}`

const byId = (a: Task, b: Task) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

function ownTasks(text: string, plan: Plan): Task[] {
  const result = parseCsv(text, plan, NOW)
  if (!result.ok || result.kind !== 'own') throw new Error(`expected an own file, got ${JSON.stringify(result).slice(0, 200)}`)
  expect(result.errors).toEqual([])
  expect(result.warnings).toEqual([])
  return result.tasks
}

describe('CSV export', () => {
  it('starts with a byte order mark and ends its lines with CRLF', () => {
    const text = serializeCsv(base, { tasks: Object.values(base.tasks), language: 'vi' })
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text.slice(1, 50)).toBe('STT,Giai đoạn,Nội dung công việc,Từ ngày,Đến ngày')
    expect(text.replace(/"[^"]*"/g, '').includes('\n')).toBe(true)
    expect(/[^\r]\n/.test(text.replace(/"(?:[^"]|"")*"/g, ''))).toBe(false)
    expect(csvFileName(base)).toBe('ke-hoach-tuyen-truyen-bau-cu-2021.csv')
  })

  it('is read by a real CSV parser as one record per task (per occurrence of a series) with the plan’s values', () => {
    const plan = richPlan()
    const tasks = Object.values(plan.tasks)
    const text = serializeCsv(plan, { tasks, language: 'vi' })
    const parsed = Papa.parse<string[]>(text.slice(1), { header: false, skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    const [header, ...records] = parsed.data
    expect(header).toEqual(csvHeader('vi'))
    expect(header!.slice(-2)).toEqual([m('Lần lặp của'), m('Ngày hoàn thành')])
    expect(records).toHaveLength(tasks.reduce((n, t) => n + expandTask(t).length, 0))
    const rows = buildScheduleRows(plan, tasks, 'vi').flatMap((g) => g.rows)
    const column = (name: string) => header!.indexOf(name)
    records.forEach((record, index) => {
      const row = rows[index]!
      const task = row.task
      expect(record).toHaveLength(header!.length)
      if (record[column(m('Mã'))] === '') {
        // Another occurrence of a series: no machine cells but the one naming its series.
        expect(record[column(m('Lần lặp của'))]).toBe(`${task.id}@${row.occurrenceDate}`)
        expect(MACHINE_COLUMNS.filter((c) => c.key !== 'occurrenceOf').map((c) => record[column(c.vi)])).toEqual(MACHINE_COLUMNS.slice(0, -1).map(() => ''))
        return
      }
      expect(record[column(m('Mã'))]).toBe(task.id)
      expect(record[column('STT')]).toBe(String(index + 1))
      expect(record[column('Nội dung công việc')]).toBe(task.title.startsWith('=') ? `'${task.title}` : task.title)
      expect(record[column('Từ ngày')]).toBe(row.display.from)
      expect(record[column('Đến ngày')]).toBe(row.display.to)
      expect(record[column('Đơn vị chủ trì')]).toBe(plan.units.find((u) => u.id === task.leadUnitId)?.name ?? '')
      expect(record[column('Đơn vị phối hợp')]).toBe(task.supportUnitIds.map((id) => plan.units.find((u) => u.id === id)!.name).join('; '))
      expect(record[column('Kênh')]).toBe(plan.channels.find((c) => c.id === task.channelId)?.name ?? '')
      expect(record[column('Giai đoạn')]).toBe(row.phaseName)
      expect(record[column(m('Bắt đầu'))]).toBe(task.start)
      expect(record[column(m('Kết thúc'))]).toBe(task.end)
      expect(record[column(m('Cả ngày'))]).toBe(task.allDay ? '1' : '0')
      expect(JSON.parse(record[column(m('Neo'))]!)).toEqual(task.anchor)
    })
  })

  it('neutralises a field that starts like a formula, and quotes it', () => {
    const plan = richPlan()
    const text = serializeCsv(plan, { tasks: [plan.tasks.formula!], language: 'vi' })
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`)
    expect(text).toContain(`"'-  gạch đầu dòng\r\n+ dòng hai"`)
    expect(text).toContain(`"'@100"`)
    expect(text).toContain(`"'\tlệch"`)
    expect(ownTasks(text, plan)).toEqual([plan.tasks.formula])
  })

  it('lists the 2021 polling notice as 11 daily records, each at its own date, saying it repeats', () => {
    const records = recordsOf(serializeCsv(base, { tasks: [pollingNotice], language: 'vi' }))
    const [header, ...rows] = records
    const column = (name: string) => header!.indexOf(name)
    expect(rows).toHaveLength(11)
    const days = Array.from({ length: 11 }, (_, i) => `${String(13 + i).padStart(2, '0')}/05/2021`)
    expect(rows.map((r) => r[column('Từ ngày')])).toEqual(days)
    expect(rows.map((r) => r[column('Đến ngày')])).toEqual(days)
    expect(rows.map((r) => r[column('STT')])).toEqual(days.map((_, i) => String(i + 1)))
    expect(rows.map((r) => r[column('Giai đoạn')])).toEqual(days.map(() => 'Cao điểm'))
    for (const row of rows) {
      expect(row[column('Nội dung công việc')]).toBe(pollingNotice.title)
      expect(row[column('Ghi chú')]).toBe(`${pollingNotice.description}\nLặp lại hằng ngày đến 23/05/2021`)
    }
    expect(rows.map((r) => r[column(m('Mã'))])).toEqual([pollingNotice.id, ...days.slice(1).map(() => '')])
    expect(rows.map((r) => r[column(m('Lần lặp của'))])).toEqual(days.map((_, i) => `${pollingNotice.id}@2021-05-${13 + i}`))
    const english = recordsOf(serializeCsv(base, { tasks: [pollingNotice], language: 'en' }))
    expect(english[1]![english[0]!.indexOf('Notes')]).toBe(`${pollingNotice.description}\nRepeats daily until 23/05/2021`)
    expect(english[0]!.at(-2)).toBe(`${MACHINE_LABEL_PREFIX.en}Occurrence of`)
  })

  it('leaves out a cancelled occurrence and shows a moved one at its new date', () => {
    const plan = richPlan()
    const [header, ...rows] = recordsOf(serializeCsv(plan, { tasks: [plan.tasks.weekly!], language: 'en' }))
    const from = rows.map((r) => r[header!.indexOf('From')])
    // Mondays and Thursdays from 05/04 to 20/05: 14 dates, less 08/04 (cancelled); 12/04 moved to 13/04 14:00.
    expect(from).toHaveLength(13)
    expect(from).not.toContain('08/04/2021 08:00')
    expect(from).not.toContain('12/04/2021 08:00')
    expect(from.slice(0, 4)).toEqual(['05/04/2021 08:00', '13/04/2021 14:00', '15/04/2021 08:00', '19/04/2021 08:00'])
    expect(rows[1]![header!.indexOf('Notes')]).toBe('Repeats weekly on Monday, Thursday until 20/05/2021 (moved from 12/04/2021)')
  })

  it('lists only the occurrences inside the export’s range', () => {
    const text = serializeCsv(base, { tasks: [pollingNotice], language: 'vi', range: { from: '2021-05-20', to: '2021-05-30' } })
    const [header, ...rows] = recordsOf(text)
    expect(rows.map((r) => r[header!.indexOf('Từ ngày')])).toEqual(['20/05/2021', '21/05/2021', '22/05/2021', '23/05/2021'])
    expect(rows[0]![header!.indexOf(m('Mã'))]).toBe(pollingNotice.id)
    // Still one task, with its own dates and rule.
    expect(ownTasks(text, base)).toEqual([pollingNotice])
  })
})

describe('CSV import', () => {
  it('reads its own export back to the same tasks: ids, anchors, training, times and unknown fields', () => {
    const plan = richPlan()
    const tasks = Object.values(plan.tasks).sort(byId)
    for (const language of ['vi', 'en'] as const) {
      const read = ownTasks(serializeCsv(plan, { tasks, language }), plan).sort(byId)
      expect(read).toEqual(tasks)
      expect(read.map((t) => restoreTask(t))).toEqual(tasks)
    }
    expect(tasks.some((t) => t.training !== null && t.anchor.type === 'milestone') || tasks.some((t) => t.training !== null)).toBe(true)
    expect(tasks.filter((t) => t.recurrence !== null).map((t) => t.id)).toEqual(expect.arrayContaining(['weekly', pollingNotice.id]))
  })

  it('reads a series back as one task with its rule and exceptions, whichever occurrence carries it', () => {
    const daily: TaskRecurrence = { frequency: 'daily', interval: 1, weekdays: [], until: null, count: 5, exceptions: {} }
    const series: Task[] = [
      // The first occurrence cancelled, the third moved before the series' start.
      { ...someTask, id: 'first-cancelled', start: '2021-02-01', end: '2021-02-03', recurrence: { ...daily, exceptions: { '2021-02-01': { type: 'cancelled' }, '2021-02-03': { type: 'moved', start: '2021-01-20', end: '2021-01-21' } } } },
      // The first occurrence moved later than the second.
      { ...someTask, id: 'first-moved', allDay: false, start: '2021-04-05T08:00', end: '2021-04-05T09:00', recurrence: { ...WEEKLY, exceptions: { '2021-04-05': { type: 'moved', start: '2021-04-09T10:00', end: '2021-04-09T12:00' } } } },
      { ...someTask, id: 'none-left', start: '2021-03-01', end: '2021-03-02', description: '', recurrence: { ...daily, count: 1, exceptions: { '2021-03-01': { type: 'cancelled' } } } },
    ]
    const plan = { ...base, tasks: Object.fromEntries(series.map((t) => [t.id, t])) }
    for (const language of ['vi', 'en'] as const) {
      const text = serializeCsv(plan, { tasks: series, language })
      expect(ownTasks(text, plan).sort(byId)).toEqual([...series].sort(byId))
    }
  })

  it('moves a series by a date changed on its row, and skips its other rows without a word', () => {
    const plan = { ...base, tasks: { [pollingNotice.id]: pollingNotice } }
    const [header, ...records] = recordsOf(serializeCsv(plan, { tasks: [pollingNotice], language: 'vi', range: { from: '2021-05-20', to: '2021-05-23' } }))
    records[0]![header!.indexOf('Từ ngày')] = '19/05/2021'
    records[0]![header!.indexOf('Đến ngày')] = '19/05/2021'
    records[1]![header!.indexOf('Nội dung công việc')] = 'Sửa ở dòng lặp: bỏ qua'
    const [task, ...rest] = ownTasks(csvOf([header!, ...records]), plan)
    expect(rest).toEqual([])
    expect(task).toMatchObject({ id: pollingNotice.id, title: pollingNotice.title, start: '2021-05-12', end: '2021-05-13', updatedAt: NOW })
    // The whole series moved a day earlier: its last day too.
    expect(task!.recurrence).toEqual({ ...pollingNotice.recurrence, until: '2021-05-22' })
  })

  it('still reads an own file written before the occurrence and done-on columns existed', () => {
    const plan = richPlan()
    const tasks = Object.values(plan.tasks).filter((t) => t.recurrence === null).sort(byId)
    const records = recordsOf(serializeCsv(plan, { tasks, language: 'vi' })).map((record) => record.slice(0, -2))
    expect(records[0]!.at(-1)).toBe(m('Dữ liệu khác'))
    expect(ownTasks(csvOf(records), plan).sort(byId)).toEqual(tasks)
  })

  it('keeps any Unicode text in titles, notes and places through export and import', () => {
    const plan = richPlan()
    const tricky = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.array(fc.constantFrom(',', '"', '""', '\n', '\r\n', '\r', "'", '=', '+', '-', '@', '\t', ' ', ';', '😀', '👩‍👩‍👧', 'Nội dung', 'Đắk Lắk', '\uFEFF', 'ộ'), { maxLength: 12 }).map((parts) => parts.join('')),
    )
    fc.assert(
      fc.property(tricky, tricky, tricky, (title, description, location) => {
        const task: Task = { ...someTask, id: 'prop', title, description, location }
        const single = { ...plan, tasks: { prop: task } }
        const result = parseCsv(serializeCsv(single, { tasks: [task], language: 'vi' }), single, NOW)
        expect(result.ok && result.kind === 'own' ? result.tasks : result).toEqual([task])
      }),
      { numRuns: 300 },
    )
  }, 30_000)

  it('offers a column mapping for a foreign sheet with Vietnamese headers, then imports it', () => {
    const text = [
      'STT,Nội dung công việc,Thời gian,Đơn vị chủ trì',
      '1,Treo băng rôn khẩu hiệu,01/04/2021 – 23/05/2021,"Sở Văn hóa, Thể thao và Du lịch"',
      '2,Họp báo,30/03/2021 - 30/03/2021,Sở Thông tin và Truyền thông',
      '3,Phát thanh lưu động,2021-05-20,Đài Phát thanh - Truyền hình tỉnh',
    ].join('\r\n')
    const result = parseCsv(text, base, NOW)
    expect(result).toMatchObject({ ok: true, kind: 'foreign', headers: ['STT', 'Nội dung công việc', 'Thời gian', 'Đơn vị chủ trì'], headerRow: 1 })
    if (!result.ok || result.kind !== 'foreign') return
    expect(result.suggestedMapping).toEqual({ 0: null, 1: 'title', 2: 'start', 3: 'lead' })
    expect(result.preview[0]).toEqual(['1', 'Treo băng rôn khẩu hiệu', '01/04/2021 – 23/05/2021', 'Sở Văn hóa, Thể thao và Du lịch'])
    const mapped = applyCsvMapping(result.rows, result.suggestedMapping, base, NOW)
    expect(mapped.ok).toBe(true)
    if (!mapped.ok) return
    expect(mapped.errors).toEqual([])
    expect(mapped.warnings).toEqual([])
    expect(mapped.tasks.map((t) => [t.title, t.start, t.end, t.leadUnitId, t.allDay, t.createdAt])).toEqual([
      ['Treo băng rôn khẩu hiệu', '2021-04-01', '2021-05-24', 'unit-soVhttdl', true, NOW],
      ['Họp báo', '2021-03-30', '2021-03-31', 'unit-soTttt', true, NOW],
      ['Phát thanh lưu động', '2021-05-20', '2021-05-21', 'unit-daiPtthTinh', true, NOW],
    ])
    expect(new Set(mapped.tasks.map((t) => t.id)).size).toBe(3)
    expect(applyCsvMapping(result.rows, { 1: 'title' }, base, NOW)).toEqual({ ok: false, error: 'mappingIncomplete', missing: ['start'] })
  })

  it('reads a semicolon-separated sheet (Excel in a Vietnamese locale) with English headers', () => {
    const text = '\uFEFFTask;Start;End;Status;Notes\n"Họp; báo";2021-03-30 08:00;2021-03-30 10:00;Done;x\n'
    const result = parseCsv(text, base, NOW)
    if (!result.ok || result.kind !== 'foreign') throw new Error('expected foreign')
    expect(result.suggestedMapping).toEqual({ 0: 'title', 1: 'start', 2: 'end', 3: 'status', 4: 'description' })
    const mapped = applyCsvMapping(result.rows, result.suggestedMapping, base, NOW)
    expect(mapped.ok && mapped.tasks.map((t) => [t.title, t.allDay, t.start, t.end, t.status])).toEqual([['Họp; báo', false, '2021-03-30T08:00', '2021-03-30T10:00', 'done']])
  })

  it('reports the rows it cannot read by number, with the reason, and imports the others', () => {
    const text = [
      'Nội dung,Từ ngày,Đến ngày,Chủ trì,Trạng thái',
      'Một,01/04/2021,02/04/2021,Sở Tư pháp,Hoàn thành',
      'Hai,32/13/2021,,,',
      ',01/04/2021,,,',
      'Bốn,05/04/2021,01/04/2021,,',
      '',
      'Sáu,06/04/2021,không rõ,,',
      'Bảy,07/04/2021,,Sở Không Có,Sắp làm',
    ].join('\n')
    const result = parseCsv(text, base, NOW)
    if (!result.ok || result.kind !== 'foreign') throw new Error('expected foreign')
    const mapped = applyCsvMapping(result.rows, result.suggestedMapping, base, NOW)
    if (!mapped.ok) throw new Error('expected a mapping result')
    expect(mapped.tasks.map((t) => t.title)).toEqual(['Một', 'Bảy'])
    expect(mapped.errors).toEqual([
      { row: 3, message: 'invalidStart', detail: '32/13/2021' },
      { row: 4, message: 'missingTitle' },
      { row: 5, message: 'endBeforeStart', detail: '05/04/2021 → 01/04/2021' },
      { row: 7, message: 'invalidEnd', detail: 'không rõ' },
    ])
    expect(mapped.warnings).toEqual([
      { row: 8, message: 'unknownUnit', detail: 'Sở Không Có' },
      { row: 8, message: 'unknownStatus', detail: 'Sắp làm' },
    ])
  })

  it('reports a broken row of its own export and keeps the plan as it was', () => {
    const plan = richPlan()
    const before = JSON.stringify(plan)
    const tasks = Object.values(plan.tasks)
    const [header, ...records] = recordsOf(serializeCsv(plan, { tasks, language: 'vi' }))
    // Row 3: an unreadable start; row 4: one field too many; row 5: an unknown unit (imported, warned).
    records[1]![header!.indexOf('Từ ngày')] = '31/02/2021'
    records[2]!.push('extra')
    records[3]![header!.indexOf('Đơn vị chủ trì')] = 'Phòng Văn hóa huyện X'
    const result = parseCsv(csvOf([header!, ...records]), plan, NOW)
    if (!result.ok || result.kind !== 'own') throw new Error('expected own')
    expect(result.errors).toEqual([{ row: 3, message: 'invalidStart', detail: '31/02/2021' }, { row: 4, message: 'wrongFieldCount' }])
    expect(result.warnings).toEqual([{ row: 5, message: 'unknownUnit', detail: 'Phòng Văn hóa huyện X' }])
    expect(result.tasks).toHaveLength(tasks.length - 2)
    const edited = result.tasks.find((t) => t.id === records[3]![header!.indexOf(m('Mã'))])!
    expect(edited.leadUnitId).toBeNull()
    expect(edited.updatedAt).toBe(NOW) // changed in the sheet: newer than the plan's copy
    expect(JSON.stringify(plan)).toBe(before)
  })

  it('takes a date changed in the spreadsheet, keeps the task’s length rule and re-anchors it', () => {
    const plan = richPlan()
    const anchored = Object.values(plan.tasks).find((t) => t.anchor.type === 'election-day' && t.allDay)!
    const [header, record] = recordsOf(serializeCsv(plan, { tasks: [anchored], language: 'vi' }))
    record![header!.indexOf('Từ ngày')] = '01/05/2021'
    record![header!.indexOf('Đến ngày')] = '03/05/2021'
    const [task] = ownTasks(csvOf([header!, record!]), plan)
    expect(task).toMatchObject({ id: anchored.id, start: '2021-05-01', end: '2021-05-04', anchor: { type: 'election-day', offsetDays: -22 }, updatedAt: NOW })
  })

  it('reads its own export back after Excel re-saved it with its own date format', () => {
    const plan = richPlan()
    const tasks = Object.values(plan.tasks).sort(byId)
    const [header, ...records] = recordsOf(serializeCsv(plan, { tasks, language: 'vi' }))
    const excelDate = (iso: string) => `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`
    for (const record of records) {
      for (const name of [m('Bắt đầu'), m('Kết thúc')]) {
        const index = header!.indexOf(name)
        if (record[index]!.length === 10) record[index] = excelDate(record[index]!)
      }
    }
    expect(ownTasks(csvOf([header!, ...records]), plan).sort(byId)).toEqual(tasks)
  })

  it('reports a record with an unclosed quote', () => {
    const plan = richPlan()
    const text = serializeCsv(plan, { tasks: [plan.tasks.timed!], language: 'vi' }) + '\r\n1,"never closed,01/04/2021'
    const result = parseCsv(text, plan, NOW)
    expect(result.ok && result.kind === 'own' && [result.tasks.length, result.errors]).toEqual([1, [{ row: 3, message: 'unclosedQuote' }]])
  })

  it('refuses what is empty, too large, binary or not UTF-8', () => {
    for (const empty of ['', '\uFEFF', ' \r\n \n', ',,,\r\n,,']) expect(parseCsv(empty, base, NOW)).toEqual({ ok: false, error: 'empty' })
    expect(parseCsv('a'.repeat(MAX_IMPORT_BYTES + 1), base, NOW)).toEqual({ ok: false, error: 'tooLarge' })
    // 7 million Vietnamese letters are 21 MB in UTF-8.
    expect(parseCsv('ộ'.repeat(7_000_000), base, NOW)).toEqual({ ok: false, error: 'tooLarge' })
    expect(parseCsv('\uFFFDPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', base, NOW)).toEqual({ ok: false, error: 'notCsv' })
    expect(parseCsv('PK\u0003\u0004\u0014\u0000\u0006\u0000', base, NOW)).toEqual({ ok: false, error: 'notCsv' })
    expect(parseCsv('%PDF-1.7\n%\uFFFD\uFFFD', base, NOW)).toEqual({ ok: false, error: 'notCsv' })
    expect(parseCsv('S\u0000T\u0000T\u0000', base, NOW)).toEqual({ ok: false, error: 'notCsv' })
    expect(parseCsv('N\uFFFDi dung,Th\uFFFDi gian\r\nA,01/04/2021', base, NOW)).toEqual({ ok: false, error: 'notUtf8' })
  })

  it('survives 1,000 random and mutated files without throwing or touching the plan', () => {
    const plan: Plan = { ...base, tasks: { timed: richPlan().tasks.timed!, formula: richPlan().tasks.formula!, [someTask.id]: someTask } }
    const before = JSON.stringify(plan)
    const own = serializeCsv(plan, { tasks: Object.values(plan.tasks), language: 'vi' })
    const foreign = 'STT;Nội dung;Thời gian;Chủ trì\r\n1;"Họp ""A""";01/04 – 03/04/2021;Sở Tư pháp\r\n2;Treo cờ;2021-05-01;'
    const edit = fc.record({
      kind: fc.constantFrom('insert', 'delete', 'replace', 'duplicate', 'truncate'),
      at: fc.nat(),
      length: fc.nat({ max: 40 }),
      text: fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('"', ',', '\r\n', '\n', ';', '=', '{', '}', '2021-13-45', '\u0000', '""')),
    })
    const mutated = fc.tuple(fc.constantFrom(own, foreign), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([start, edits]) =>
      edits.reduce((text, e) => {
        const i = e.at % (text.length + 1)
        switch (e.kind) {
          case 'insert': return text.slice(0, i) + e.text + text.slice(i)
          case 'delete': return text.slice(0, i) + text.slice(i + e.length)
          case 'replace': return text.slice(0, i) + e.text + text.slice(i + e.text.length)
          case 'duplicate': return text.slice(0, i + e.length) + text.slice(i, i + e.length) + text.slice(i + e.length)
          case 'truncate': return text.slice(0, i)
        }
      }, start))
    const input = fc.oneof({ arbitrary: mutated, weight: 3 }, { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 1 })
    let runs = 0
    fc.assert(
      fc.property(input, (text) => {
        runs += 1
        const result = parseCsv(text, plan, NOW)
        let tasks: Task[] = []
        if (result.ok && result.kind === 'own') tasks = result.tasks
        if (result.ok && result.kind === 'foreign') {
          const mapped = applyCsvMapping(result.rows, result.suggestedMapping, plan, NOW)
          if (mapped.ok) tasks = mapped.tasks
        }
        for (const task of tasks) expect(restoreTask(task)).toEqual(task)
        expect(JSON.stringify(plan)).toBe(before)
      }),
      { numRuns: 1200 },
    )
    expect(runs).toBeGreaterThanOrEqual(1000)
  }, 30_000)
})

describe('CSV import: layouts, long files and machine columns', () => {
  it('tells a ";" sheet from the records under a title line that has no ";" (or has a comma)', () => {
    for (const title of ['KẾ HOẠCH TUYÊN TRUYỀN NĂM 2021', 'KẾ HOẠCH, NĂM 2021', '']) {
      const text = `\uFEFF${title}\r\nSTT;Nội dung công việc;Thời gian;Ghi chú\r\n1;Họp báo, phát động;01/04/2021;a, b\r\n2;"Tọa đàm; trực tuyến";02/04/2021;\r\n`
      const result = parseCsv(text, base, NOW)
      if (!result.ok || result.kind !== 'foreign') throw new Error(`expected foreign, got ${JSON.stringify(result).slice(0, 200)}`)
      expect(result.headers).toEqual(['STT', 'Nội dung công việc', 'Thời gian', 'Ghi chú'])
      const mapped = applyCsvMapping(result.rows, result.suggestedMapping, base, NOW)
      expect(mapped.ok && mapped.tasks.map((t) => [t.title, t.start, t.description])).toEqual([
        ['Họp báo, phát động', '2021-04-01', 'a, b'], ['Tọa đàm; trực tuyến', '2021-04-02', ''],
      ])
    }
  })

  it('refuses a foreign or own sheet of more data rows than the limit, naming both numbers, and reads a sheet at the limit', () => {
    const foreign = (rows: number) => `Nội dung,Từ ngày\r\n${'Việc,01/04/2021\r\n'.repeat(rows)}`
    expect(parseCsv(foreign(MAX_IMPORT_ROWS + 1), base, NOW)).toEqual({ ok: false, error: 'tooManyRows', count: 50_001, limit: 50_000 })
    expect(parseCsv(foreign(MAX_IMPORT_ROWS), base, NOW)).toMatchObject({ ok: true, kind: 'foreign' })
    const own = (rows: number) => `${csvHeader('vi').join(',')}\r\n${`1,,Việc,01/04/2021${','.repeat(csvHeader('vi').length - 4)}\r\n`.repeat(rows)}`
    expect(parseCsv(own(MAX_IMPORT_ROWS + 1), base, NOW)).toEqual({ ok: false, error: 'tooManyRows', count: 50_001, limit: 50_000 })
  }, 30_000)

  it('tells its progress every 500 rows and at the end, reading its own file and mapping a foreign one', () => {
    const width = csvHeader('vi').length
    const own = `${csvHeader('vi').join(',')}\r\n${`1,,Việc,01/04/2021${','.repeat(width - 4)}\r\n`.repeat(1234)}`
    const calls: [number, number][] = []
    const result = parseCsv(own, base, NOW, { onProgress: (done, total) => calls.push([done, total]) })
    expect(result.ok && result.kind === 'own' && result.tasks.length).toBe(1234)
    expect(calls).toEqual([[0, 1234], [500, 1234], [1000, 1234], [1234, 1234]])

    const foreign = parseCsv(`Nội dung,Từ ngày\r\n${'Việc,01/04/2021\r\n'.repeat(1001)}`, base, NOW)
    if (!foreign.ok || foreign.kind !== 'foreign') throw new Error('expected foreign')
    const mappingCalls: number[] = []
    const mapped = applyCsvMapping(foreign.rows, foreign.suggestedMapping, base, NOW, 2, { onProgress: (done) => mappingCalls.push(done) })
    expect(mapped.ok && mapped.tasks.length).toBe(1001)
    expect(mappingCalls).toEqual([0, 500, 1000, 1001])
    // A progress bar that throws does not stop the import.
    expect(parseCsv(own, base, NOW, { onProgress: () => { throw new Error('bar') } })).toMatchObject({ ok: true, kind: 'own' })
  })

  it('warns, by row and column, about each hidden machine cell it cannot read, and imports the task without it', () => {
    const task = { ...someTask, id: 'garbage-row', level: 'province' as const }
    const plan = { ...base, tasks: { [task.id]: task } }
    const exported = recordsOf(serializeCsv(plan, { tasks: [task], language: 'vi' }))
    const header = exported[0]!
    const cases: [column: string, value: string, check: (read: Task) => void][] = [
      [m('Mức'), 'tỉnh lỵ', (read) => expect(read.level).toBeNull()],
      [m('Tạo lúc'), 'hôm qua', (read) => expect(read.createdAt).toBe(NOW)],
      [m('Cập nhật'), '12/13/2021', (read) => expect(read.updatedAt).toBe(NOW)],
      [m('Cả ngày'), 'có', (read) => expect(read.allDay).toBe(true)],
      [m('Neo'), '{"type":"milestone"}', (read) => expect(read.anchor).toEqual({ type: 'fixed' })],
      [m('Neo'), '{broken', (read) => expect(read.anchor).toEqual({ type: 'fixed' })],
      [m('Tập huấn'), '[1, 2]', (read) => expect(read.training).toBeNull()],
      [m('Tập huấn'), '{nope', (read) => expect(read.training).toBeNull()],
      [m('Nguồn'), '42', (read) => expect(read.source).toBeNull()],
      [m('Dữ liệu khác'), '"chữ"', (read) => expect(read.title).toBe(task.title)],
      [m('Dữ liệu khác'), '{"x":', (read) => expect(read.title).toBe(task.title)],
    ]
    for (const [column, value, check] of cases) {
      const records = exported.map((record) => [...record])
      const index = header.indexOf(column)
      expect(index, column).toBeGreaterThan(0)
      records[1]![index] = value
      const result = parseCsv(csvOf(records), plan, NOW)
      if (!result.ok || result.kind !== 'own') throw new Error(`expected own, got ${JSON.stringify(result).slice(0, 200)}`)
      expect(result.errors).toEqual([])
      expect(result.tasks).toHaveLength(1)
      check(result.tasks[0]!)
      expect(result.warnings.map((issue) => [issue.row, issue.column, issue.detail])).toEqual([[2, column, value]])
      expect(describeRowIssue(result.warnings[0]!, 'vi').startsWith(`Dòng 2: cột '${column}' không đọc được`)).toBe(true)
      expect(describeRowIssue(result.warnings[0]!, 'en').startsWith(`Row 2: column '${column}' cannot be read`)).toBe(true)
    }
  })
})
