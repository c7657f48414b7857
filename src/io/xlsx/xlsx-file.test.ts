import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { restoreTask } from '@/domain/plan/restore-plan'
import { lastDay } from '@/domain/plan/task-dates'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Plan, Task, TaskRecurrence } from '@/domain/types'
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '@/io/import-limits'
import { describeRowIssue } from '@/io/schedule-table/import-messages'
import { columnLabel, MACHINE_COLUMNS, SCHEDULE_COLUMNS } from '@/io/schedule-table/schedule-columns'
import {
  applyXlsxMapping, escapeXlsxText, MILESTONE_SHEET_NAME, parseXlsx, PLAN_SHEET_NAME, serializeXlsx, XLSX_MIME_TYPE, xlsxFileName,
} from '@/io/xlsx/xlsx-file'

const NOW = Date.UTC(2026, 10, 22, 3, 0)
const base = buildCampaign2021Plan(1234)
const someTask = Object.values(base.tasks)[0]!

const WEEKLY: TaskRecurrence = {
  frequency: 'weekly', interval: 1, weekdays: ['MO', 'TH'], until: '2021-05-20', count: null,
  exceptions: { '2021-04-08': { type: 'cancelled' }, '2021-04-12': { type: 'moved', start: '2021-04-13T14:00', end: '2021-04-13T15:30' } },
}

/** The 2021 template's daily polling notice, 13–23/05/2021. */
const pollingNotice = Object.values(base.tasks).find((t) => t.title.startsWith('Thông báo thường xuyên thời gian, địa điểm bỏ phiếu'))!

function richPlan(): Plan {
  const extra: Task[] = [
    { ...someTask, id: 'weekly', allDay: false, start: '2021-04-05T08:00', end: '2021-04-05T09:30', title: 'Giao ban tuyên truyền', recurrence: WEEKLY },
    { ...someTask, id: 'timed', allDay: false, start: '2021-03-30T08:00', end: '2021-03-30T11:30', status: 'done', title: 'Hội nghị tập huấn (trực tuyến)' },
    { ...someTask, id: 'midnight', allDay: false, start: '2021-04-02T00:00', end: '2021-04-03T00:00', status: 'in-progress' },
    { ...someTask, id: 'outside', start: '2020-12-01', end: '2020-12-04', anchor: { type: 'election-day', offsetDays: -173 }, status: 'cancelled', supportUnitIds: [], leadUnitId: null, channelId: null },
    { ...someTask, id: 'formula', title: '=HYPERLINK("http://x","y")', description: '- gạch đầu dòng\n+ <b>dòng hai</b> & "ba"', quantity: '@100' },
  ]
  const tasks = { ...base.tasks }
  for (const t of extra) tasks[t.id] = t
  return { ...base, tasks }
}

const byId = (a: Task, b: Task) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes.slice().buffer as Parameters<ExcelJS.Xlsx['load']>[0])
  return workbook
}

/** Task rows of the plan sheet, keyed by the hidden id column. */
function taskRows(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.Row> {
  const idColumn = SCHEDULE_COLUMNS.length + 1
  const rows = new Map<string, ExcelJS.Row>()
  sheet.eachRow((row, number) => {
    const id = row.getCell(idColumn).value
    if (number > 2 && typeof id === 'string') rows.set(id, row)
  })
  return rows
}

async function ownTasks(bytes: Uint8Array, plan: Plan): Promise<Task[]> {
  const result = await parseXlsx(bytes, plan, NOW)
  if (!result.ok || result.kind !== 'own') throw new Error(`expected an own file, got ${JSON.stringify(result).slice(0, 200)}`)
  expect(result.errors).toEqual([])
  expect(result.warnings).toEqual([])
  return result.tasks
}

describe('XLSX export', () => {
  it('writes the two sheets officials use, with a frozen header, widths and A4 landscape print set-up', async () => {
    const plan = richPlan()
    const workbook = await readWorkbook(await serializeXlsx(plan, { tasks: Object.values(plan.tasks), language: 'vi', now: NOW }))
    expect(workbook.worksheets.map((s) => s.name)).toEqual([PLAN_SHEET_NAME, MILESTONE_SHEET_NAME])
    expect(workbook.created.getTime()).toBe(NOW)
    const sheet = workbook.getWorksheet(PLAN_SHEET_NAME)!
    expect(sheet.getCell('A1').value).toBe(plan.name)
    expect((sheet.getRow(2).values as unknown[]).slice(1, 10)).toEqual(['STT', 'Nội dung công việc', 'Từ ngày', 'Đến ngày', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Kênh', 'Trạng thái', 'Ghi chú'])
    expect(sheet.getCell('B2').font.bold).toBe(true)
    expect(sheet.getCell('B2').alignment.wrapText).toBe(true)
    expect(sheet.getCell('B2').border.bottom?.style).toBe('thin')
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' })
    expect([1, 2, 3, 5, 9].map((c) => sheet.getColumn(c).width)).toEqual([6, 50, 18, 28, 40])
    for (let c = 1; c <= SCHEDULE_COLUMNS.length; c += 1) expect(sheet.getColumn(c).hidden).toBe(false)
    for (let c = SCHEDULE_COLUMNS.length + 1; c <= SCHEDULE_COLUMNS.length + MACHINE_COLUMNS.length; c += 1) expect(sheet.getColumn(c).hidden).toBe(true)
    const english = await readWorkbook(await serializeXlsx(plan, { tasks: Object.values(plan.tasks), language: 'en', now: NOW }))
    expect(english.worksheets.map((s) => s.name)).toEqual([PLAN_SHEET_NAME, MILESTONE_SHEET_NAME])
    expect((english.worksheets[0]!.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['No.', 'Task', 'From'])
    expect(xlsxFileName(plan)).toBe('ke-hoach-tuyen-truyen-bau-cu-2021.xlsx')
    expect(XLSX_MIME_TYPE).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  })

  it('gives every row of both sheets a height fitted to its wrapped text, so no text runs over the next row', async () => {
    // One line everywhere but the title: no units, channel or notes to wrap.
    const plain: Task = { ...someTask, id: 'one-line', title: 'Họp', description: '', leadUnitId: null, supportUnitIds: [], channelId: null, recurrence: null }
    const fourLines: Task = { ...plain, id: 'four-lines', title: 'Dòng một\nDòng hai\nDòng ba\nDòng bốn' }
    // ~230 characters of Vietnamese in the 50-unit title column: four to six lines wherever it is opened.
    const long: Task = { ...plain, id: 'long', title: 'Tuyên truyền chung trên báo, đài, cổng thông tin điện tử về ý nghĩa cuộc bầu cử, Hiến pháp, Luật Bầu cử, tiêu chuẩn người ứng cử; '.repeat(2) }
    const plan: Plan = { ...base, tasks: { ...base.tasks, [plain.id]: plain, [fourLines.id]: fourLines, [long.id]: long } }
    const workbook = await readWorkbook(await serializeXlsx(plan, { tasks: Object.values(plan.tasks), language: 'vi', now: NOW }))

    for (const sheet of workbook.worksheets) {
      expect(sheet.rowCount).toBeGreaterThan(20)
      for (let number = 1; number <= sheet.rowCount; number += 1) {
        const height = sheet.getRow(number).height
        expect(height, `${sheet.name} row ${number}`).toBeGreaterThanOrEqual(15.75)
        expect(height, `${sheet.name} row ${number}`).toBeLessThanOrEqual(409)
      }
    }
    const rows = taskRows(workbook.getWorksheet(PLAN_SHEET_NAME)!)
    const one = rows.get('one-line')!.height
    expect(one).toBeLessThan(24) // a one-line row is not padded out
    const four = rows.get('four-lines')!.height
    expect(four / one).toBeGreaterThan(3.2)
    expect(four / one).toBeLessThan(4.4)
    const longLines = rows.get('long')!.height / (four / 4)
    expect(longLines).toBeGreaterThan(3.5)
    expect(longLines).toBeLessThan(6.5)
    // The template's rows with a long source note stay as tall as their visible text only: the hidden
    // machine columns do not count.
    const template = [...rows.entries()].filter(([id]) => base.tasks[id])
    for (const [id, row] of template) expect(row.height, id).toBeLessThan(one * 8)

    // The milestone sheet: a header that wraps ("Số ngày trước (sau) ngày bầu cử") is taller than a one-line row.
    const milestones = workbook.getWorksheet(MILESTONE_SHEET_NAME)!
    expect(milestones.getRow(3).getCell(2).value).toBe('Công bố ngày bầu cử')
    expect(milestones.getRow(2).height).toBeGreaterThan(milestones.getRow(3).height * 1.5)
  })

  it('writes dates as real Excel dates shown dd/mm/yyyy, on the tasks’ own days', async () => {
    const plan = richPlan()
    const sheet = (await readWorkbook(await serializeXlsx(plan, { tasks: Object.values(plan.tasks), language: 'vi', now: NOW }))).getWorksheet(PLAN_SHEET_NAME)!
    const rows = taskRows(sheet)
    expect(rows.size).toBe(Object.keys(plan.tasks).length)
    for (const task of Object.values(plan.tasks)) {
      const from = rows.get(task.id)!.getCell(3)
      const to = rows.get(task.id)!.getCell(4)
      expect(from.value).toBeInstanceOf(Date)
      expect(to.value).toBeInstanceOf(Date)
      if (task.allDay) {
        expect(from.numFmt).toBe('dd/mm/yyyy')
        expect((from.value as Date).toISOString()).toBe(`${task.start}T00:00:00.000Z`)
        expect((to.value as Date).toISOString()).toBe(`${lastDay(task)}T00:00:00.000Z`)
      } else {
        expect(from.numFmt).toBe('dd/mm/yyyy hh:mm')
        expect((from.value as Date).toISOString()).toBe(`${task.start}:00.000Z`)
        expect((to.value as Date).toISOString()).toBe(`${task.end}:00.000Z`)
      }
    }
  })

  it('heads each phase with one merged, tinted row', async () => {
    const plan = richPlan()
    const sheet = (await readWorkbook(await serializeXlsx(plan, { tasks: Object.values(plan.tasks), language: 'vi', now: NOW }))).getWorksheet(PLAN_SHEET_NAME)!
    const headings: string[] = []
    sheet.eachRow((row, number) => {
      const cell = row.getCell(1)
      if (number > 2 && typeof cell.value === 'string') {
        headings.push(cell.value)
        expect(cell.isMerged).toBe(true)
        expect(row.getCell(9).master.address).toBe(`A${number}`)
        expect(cell.font.bold).toBe(true)
        expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid' })
      }
    })
    expect(headings).toEqual([
      'I. Tuyên truyền chung (01/01/2021 – 31/03/2021)', 'II. Cao điểm (01/04/2021 – 23/05/2021)',
      'III. Sau bầu cử (24/05/2021 – 12/06/2021)', 'IV. Ngoài các giai đoạn',
    ])
  })

  it('lists the legal milestones with real date cells and the deadline marker in the number format', async () => {
    const workbook = await readWorkbook(await serializeXlsx(base, { tasks: [], language: 'vi', now: NOW }))
    const sheet = workbook.getWorksheet(MILESTONE_SHEET_NAME)!
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['TT', 'Nội dung công việc', 'Số ngày trước (sau) ngày bầu cử', 'Ngày chậm nhất phải hoàn thành'])
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    expect(sheet.actualRowCount).toBe(2 + 21)
    const rows = new Map<string, ExcelJS.Row>()
    sheet.eachRow((row, number) => {
      if (number > 2) rows.set(String(row.getCell(2).value), row)
    })
    const voterLists = rows.get('Niêm yết danh sách cử tri')!
    expect(voterLists.getCell(3).value).toBe('Trước 40 ngày (D-40)')
    expect((voterLists.getCell(4).value as Date).toISOString()).toBe('2021-04-13T00:00:00.000Z')
    expect(voterLists.getCell(4).numFmt).toBe('dd/mm/yyyy')
    const results = rows.get('Công bố kết quả bầu cử đại biểu Quốc hội')!
    expect((results.getCell(4).value as Date).toISOString()).toBe('2021-06-12T00:00:00.000Z')
    expect(results.getCell(4).numFmt).toBe('"≤ "dd/mm/yyyy')
    const campaigningEnds = [...rows.values()].find((r) => String(r.getCell(2).value).startsWith('Kết thúc vận động'))!
    expect((campaigningEnds.getCell(4).value as Date).toISOString()).toBe('2021-05-22T07:00:00.000Z')
  })

  it('neutralises formula text and never turns user text into markup', async () => {
    const plan = richPlan()
    const bytes = await serializeXlsx(plan, { tasks: [plan.tasks.formula!], language: 'vi', now: NOW })
    const row = taskRows((await readWorkbook(bytes)).getWorksheet(PLAN_SHEET_NAME)!).get('formula')!
    expect(row.getCell(2).value).toBe(`'=HYPERLINK("http://x","y")`)
    expect(row.getCell(2).formula).toBeUndefined()
    expect(row.getCell(9).value).toBe("'- gạch đầu dòng\n+ <b>dòng hai</b> & \"ba\"")
    expect(await ownTasks(bytes, plan)).toEqual([plan.tasks.formula])
  })

  it('lists the 2021 polling notice as 11 daily rows with real Excel dates, under the peak phase', async () => {
    const sheet = (await readWorkbook(await serializeXlsx(base, { tasks: [pollingNotice], language: 'vi', now: NOW }))).getWorksheet(PLAN_SHEET_NAME)!
    expect(sheet.getCell('A3').value).toBe('I. Cao điểm (01/04/2021 – 23/05/2021)')
    const rows: ExcelJS.Row[] = []
    sheet.eachRow((row, number) => { if (number > 3) rows.push(row) })
    expect(rows).toHaveLength(11)
    const days = Array.from({ length: 11 }, (_, i) => `2021-05-${13 + i}T00:00:00.000Z`)
    for (const column of [3, 4]) {
      expect(rows.map((row) => (row.getCell(column).value as Date).toISOString())).toEqual(days)
      expect(rows.every((row) => row.getCell(column).numFmt === 'dd/mm/yyyy')).toBe(true)
    }
    expect(rows.map((row) => row.getCell(1).value)).toEqual(days.map((_, i) => i + 1))
    expect(rows.map((row) => row.getCell(9).value)).toEqual(days.map(() => `${pollingNotice.description}\nLặp lại hằng ngày đến 23/05/2021`))
    const idColumn = SCHEDULE_COLUMNS.length + 1
    const occurrenceIndex = MACHINE_COLUMNS.findIndex((column) => column.key === 'occurrenceOf')
    const occurrenceColumn = SCHEDULE_COLUMNS.length + 1 + occurrenceIndex
    // The label itself belongs to schedule-columns.ts (prefixed "[Để nhập lại – không sửa]").
    expect(sheet.getRow(2).getCell(occurrenceColumn).value).toBe(columnLabel(MACHINE_COLUMNS[occurrenceIndex]!, 'vi'))
    expect(sheet.getRow(2).getCell(occurrenceColumn).value).toContain('Lần lặp của')
    expect(sheet.getColumn(occurrenceColumn).hidden).toBe(true)
    expect(rows.map((row) => row.getCell(idColumn).value)).toEqual([pollingNotice.id, ...days.slice(1).map(() => null)])
    expect(rows.map((row) => row.getCell(occurrenceColumn).value)).toEqual(days.map((day) => `${pollingNotice.id}@${day.slice(0, 10)}`))
  })

  it('leaves out a cancelled occurrence, shows a moved one at its new time, and keeps to the export’s range', async () => {
    const plan = richPlan()
    const starts = async (range?: { from: string; to: string }) => {
      const bytes = await serializeXlsx(plan, { tasks: [plan.tasks.weekly!], language: 'vi', now: NOW, range })
      const values: string[] = []
      ;(await readWorkbook(bytes)).getWorksheet(PLAN_SHEET_NAME)!.eachRow((row) => {
        const from = row.getCell(3)
        if (from.value instanceof Date) {
          expect(from.numFmt).toBe('dd/mm/yyyy hh:mm')
          values.push(from.value.toISOString().slice(0, 16))
        }
      })
      return { values, tasks: await ownTasks(bytes, plan) }
    }
    const all = await starts()
    expect(all.values).toHaveLength(13)
    expect(all.values.slice(0, 3)).toEqual(['2021-04-05T08:00', '2021-04-13T14:00', '2021-04-15T08:00'])
    expect(all.values).not.toContain('2021-04-08T08:00')
    expect(all.tasks).toEqual([plan.tasks.weekly])
    const april = await starts({ from: '2021-04-10', to: '2021-04-19' })
    expect(april.values).toEqual(['2021-04-13T14:00', '2021-04-15T08:00', '2021-04-19T08:00'])
    expect(april.tasks).toEqual([plan.tasks.weekly])
  })
})

describe('XLSX import', () => {
  it('reads its own export back to the same tasks: ids, anchors, training, times and unknown fields', async () => {
    const plan = richPlan()
    const tasks = Object.values(plan.tasks).sort(byId)
    for (const language of ['vi', 'en'] as const) {
      const read = (await ownTasks(await serializeXlsx(plan, { tasks, language, now: NOW }), plan)).sort(byId)
      expect(read).toEqual(tasks)
      expect(read.map((t) => restoreTask(t))).toEqual(tasks)
    }
    expect(tasks.filter((t) => t.recurrence !== null).map((t) => t.id)).toEqual(expect.arrayContaining(['weekly', pollingNotice.id]))
  })

  it('reads a series whose first occurrence is cancelled back as one task with its rule and exceptions', async () => {
    const series: Task = {
      ...someTask, id: 'first-cancelled', start: '2021-02-01', end: '2021-02-03',
      recurrence: { frequency: 'daily', interval: 2, weekdays: [], until: '2021-02-09', count: null, exceptions: { '2021-02-01': { type: 'cancelled' }, '2021-02-05': { type: 'moved', start: '2021-01-25', end: '2021-01-26' } } },
    }
    const plan = { ...base, tasks: { [series.id]: series } }
    const result = await parseXlsx(await serializeXlsx(plan, { tasks: [series], language: 'en', now: NOW }), plan, NOW)
    expect(result).toMatchObject({ ok: true, kind: 'own', errors: [], warnings: [], tasks: [series] })
  })

  it('keeps any Unicode text, control characters and "_x0041_" look-alikes included, through export and import', async () => {
    const plan = richPlan()
    expect(escapeXlsxText('a\rb_x0041_\u0001\ud800')).toBe('a_x000D_b_x005F_x0041__x0001__xD800_')
    const tricky = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.array(fc.constantFrom('\r\n', '\r', '\n', '\t', '\u0000', '\u001f', '\u007f', '_x0041_', '_x00ab_', '_x005F_', '=', '-', "'", '<b>', '&amp;', ' ', '😀', '\ud83d', 'Đắk Lắk', '\uFFFE'), { maxLength: 10 }).map((parts) => parts.join('')),
    )
    await fc.assert(
      fc.asyncProperty(tricky, tricky, tricky, async (title, description, location) => {
        const task: Task = { ...someTask, id: 'prop', title, description, location }
        const single = { ...plan, tasks: { prop: task } }
        const result = await parseXlsx(await serializeXlsx(single, { tasks: [task], language: 'vi', now: NOW }), single, NOW)
        expect(result.ok && result.kind === 'own' ? result.tasks : result).toEqual([task])
      }),
      { numRuns: 40 },
    )
  }, 30_000)

  it('takes a date typed into the sheet and reports a row whose date cannot be read', async () => {
    const plan = richPlan()
    const workbook = await readWorkbook(await serializeXlsx(plan, { tasks: Object.values(plan.tasks), language: 'vi', now: NOW }))
    const sheet = workbook.getWorksheet(PLAN_SHEET_NAME)!
    const rows = taskRows(sheet)
    rows.get('outside')!.getCell(3).value = new Date(Date.UTC(2020, 11, 2))
    rows.get('timed')!.getCell(3).value = 'sáng mai'
    const result = await parseXlsx(new Uint8Array(await workbook.xlsx.writeBuffer() as unknown as ArrayBuffer), plan, NOW)
    if (!result.ok || result.kind !== 'own') throw new Error('expected own')
    expect(result.errors).toEqual([{ row: rows.get('timed')!.number, message: 'invalidStart', detail: 'sáng mai' }])
    expect(result.tasks).toHaveLength(Object.keys(plan.tasks).length - 1)
    expect(result.tasks.find((t) => t.id === 'outside')).toMatchObject({ start: '2020-12-02', end: '2020-12-04', anchor: { type: 'election-day', offsetDays: -172 }, updatedAt: NOW })
  })

  it('warns about a formula in our own file, by row and column, and takes its last computed value', async () => {
    const plan = richPlan()
    const workbook = await readWorkbook(await serializeXlsx(plan, { tasks: Object.values(plan.tasks), language: 'vi', now: NOW }))
    const sheet = workbook.getWorksheet(PLAN_SHEET_NAME)!
    const row = taskRows(sheet).get('timed')!
    const header = sheet.getRow(2)
    const column = (label: string) => header.values instanceof Array ? header.values.indexOf(label) : -1
    row.getCell(column('Số lượng')).value = { formula: '2*6', result: 12 }
    row.getCell(column('Nội dung công việc')).value = { formula: 'UPPER("họp")', result: 'HỌP' }
    const calls: [number, number][] = []
    const result = await parseXlsx(new Uint8Array(await workbook.xlsx.writeBuffer() as unknown as ArrayBuffer), plan, NOW, { onProgress: (done, total) => calls.push([done, total]) })
    if (!result.ok || result.kind !== 'own') throw new Error('expected own')
    expect(result.errors).toEqual([])
    expect(result.tasks.find((t) => t.id === 'timed')).toMatchObject({ quantity: '12', title: 'HỌP' })
    const rows = calls.at(-1)![1]
    expect(calls).toEqual([[0, rows], [rows, rows]])
    expect(result.warnings.map((w) => [w.row, w.message, w.column, w.detail])).toEqual([
      [row.number, 'formulaCell', 'Nội dung công việc', 'HỌP'], [row.number, 'formulaCell', 'Số lượng', '12'],
    ])
    expect(describeRowIssue(result.warnings[1]!, 'vi')).toBe(`Dòng ${row.number}: cột 'Số lượng' chứa công thức, đã lấy giá trị tính sẵn (“12”).`)
  })

  it('refuses a foreign sheet of more data rows than the limit, and tells its progress mapping one within it', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Plan')
    sheet.addRow(['Nội dung', 'Từ ngày'])
    for (let i = 0; i < MAX_IMPORT_ROWS + 1; i += 1) sheet.addRow(['Việc', '01/04/2021'])
    const long = new Uint8Array(await workbook.xlsx.writeBuffer() as unknown as ArrayBuffer)
    expect(await parseXlsx(long, base, NOW)).toEqual({ ok: false, error: 'tooManyRows', count: 50_001, limit: 50_000 })

    const short = new ExcelJS.Workbook()
    const shortSheet = short.addWorksheet(PLAN_SHEET_NAME)
    shortSheet.addRow(['Nội dung', 'Từ ngày'])
    for (let i = 0; i < 600; i += 1) shortSheet.addRow(['Việc', '01/04/2021'])
    const result = await parseXlsx(new Uint8Array(await short.xlsx.writeBuffer() as unknown as ArrayBuffer), base, NOW)
    expect(result).toMatchObject({ ok: true, kind: 'foreign' })
    if (!result.ok || result.kind !== 'foreign') return
    const mapped: number[] = []
    applyXlsxMapping(result.rows, result.suggestedMapping, base, NOW, 2, { onProgress: (done) => mapped.push(done) })
    expect(mapped).toEqual([0, 500, 600])
  }, 60_000)

  it('offers a column mapping for a foreign workbook with English headers', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Plan')
    sheet.addRow(['Communication plan 2021'])
    sheet.mergeCells('A1:E1')
    sheet.addRow(['Task', 'Start', 'End', 'Lead', 'Status'])
    sheet.addRow(['Banners on main roads', new Date(Date.UTC(2021, 3, 1)), new Date(Date.UTC(2021, 4, 23)), 'Sở Văn hóa, Thể thao và Du lịch', 'In progress'])
    sheet.addRow(['Press briefing', new Date(Date.UTC(2021, 2, 30, 8, 30)), null, 'Sở Thông tin và Truyền thông', 'Done'])
    sheet.addRow([{ richText: [{ text: 'Rich ' }, { text: 'text' }] }, '30/03/2021', { formula: 'B4+1', result: new Date(Date.UTC(2021, 2, 31)) }, null, null])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer() as unknown as ArrayBuffer)
    const result = await parseXlsx(bytes, base, NOW)
    expect(result).toMatchObject({ ok: true, kind: 'foreign', headers: ['Task', 'Start', 'End', 'Lead', 'Status'], headerRow: 2 })
    if (!result.ok || result.kind !== 'foreign') return
    expect(result.suggestedMapping).toEqual({ 0: 'title', 1: 'start', 2: 'end', 3: 'lead', 4: 'status' })
    expect(result.preview[1]).toEqual(['Press briefing', '30/03/2021 08:30', '', 'Sở Thông tin và Truyền thông', 'Done'])
    const mapped = applyXlsxMapping(result.rows, result.suggestedMapping, base, NOW)
    if (!mapped.ok) throw new Error('expected tasks')
    expect(mapped.errors).toEqual([])
    expect(mapped.tasks.map((t) => [t.title, t.allDay, t.start, t.end, t.leadUnitId, t.status])).toEqual([
      ['Banners on main roads', true, '2021-04-01', '2021-05-24', 'unit-soVhttdl', 'in-progress'],
      ['Press briefing', false, '2021-03-30T08:30', '2021-03-30T09:30', 'unit-soTttt', 'done'],
      ['Rich text', true, '2021-03-30', '2021-04-01', null, 'planned'],
    ])
  })

  it('refuses what is not an .xlsx file, with a reason', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
    const pkNoise = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 200 }, (_, i) => (i * 7919) % 256)])
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    expect(await parseXlsx(png, base, NOW)).toEqual({ ok: false, error: 'notXlsx' })
    expect(await parseXlsx(pkNoise, base, NOW)).toEqual({ ok: false, error: 'notXlsx' })
    expect(await parseXlsx(xls, base, NOW)).toEqual({ ok: false, error: 'legacyXls' })
    expect(await parseXlsx(new Uint8Array(0), base, NOW)).toEqual({ ok: false, error: 'empty' })
    expect(await parseXlsx(new Uint8Array(MAX_IMPORT_BYTES + 1), base, NOW)).toEqual({ ok: false, error: 'tooLarge' })
    // A real ZIP that is not a workbook (a .docx, say): its directory has no xl/workbook.xml.
    const renamed = await serializeXlsx(base, { tasks: [], language: 'vi', now: NOW })
    const name = [...'xl/workbook.xml'].map((c) => c.charCodeAt(0))
    for (let i = 0; i + name.length <= renamed.length; i += 1) {
      if (name.every((byte, j) => renamed[i + j] === byte)) renamed[i + 11] = 'X'.charCodeAt(0)
    }
    expect(await parseXlsx(renamed, base, NOW)).toEqual({ ok: false, error: 'notXlsx' })
    // A workbook whose only sheet is empty.
    const emptyBook = new ExcelJS.Workbook()
    emptyBook.addWorksheet('Sheet1')
    expect(await parseXlsx(new Uint8Array(await emptyBook.xlsx.writeBuffer() as unknown as ArrayBuffer), base, NOW)).toEqual({ ok: false, error: 'empty' })
  })

  it('survives 1,000 mutated and random files without throwing or touching the plan', async () => {
    const plan: Plan = { ...base, tasks: { timed: richPlan().tasks.timed!, [someTask.id]: someTask } }
    const before = JSON.stringify(plan)
    const original = await serializeXlsx(plan, { tasks: Object.values(plan.tasks), language: 'vi', now: NOW })
    // The same workbook stored without compression: there, changed bytes land in the XML itself
    // and reach exceljs's parser and our reading instead of failing in inflate.
    const stored = new Uint8Array(await (await readWorkbook(original)).xlsx.writeBuffer({ zip: { compression: 'STORE' } }) as unknown as ArrayBuffer)
    const mutation = fc.tuple(fc.constantFrom(original, stored), fc.array(fc.tuple(fc.nat({ max: 1 << 20 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 3 }))
      .map(([start, edits]) => {
        const bytes = start.slice()
        for (const [at, value] of edits) bytes[at % bytes.length] = value
        return bytes
      })
    const truncation = fc.nat({ max: original.length - 1 }).map((length) => original.slice(0, length))
    const random = fc.uint8Array({ maxLength: 400 }).map((bytes) => (bytes.length > 4 ? Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes))
    const input = fc.oneof({ arbitrary: mutation, weight: 6 }, { arbitrary: truncation, weight: 1 }, { arbitrary: random, weight: 2 })
    let runs = 0
    const outcomes = new Map<string, number>()
    await fc.assert(
      fc.asyncProperty(input, async (bytes) => {
        runs += 1
        const result = await parseXlsx(bytes, plan, NOW)
        const outcome = result.ok ? result.kind : result.error
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
        if (result.ok && result.kind === 'own') for (const task of result.tasks) expect(restoreTask(task)).toEqual(task)
        if (result.ok && result.kind === 'foreign') applyXlsxMapping(result.rows, result.suggestedMapping, plan, NOW)
        expect(JSON.stringify(plan)).toBe(before)
      }),
      { numRuns: 1000 },
    )
    expect(runs).toBe(1000)
    expect(outcomes.get('own') ?? 0).toBeGreaterThan(0) // some mutations leave a readable file
  }, 40_000)
})
