import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { selectTasksForExport } from '@/domain/plan/export-scope'
import { phaseOfOccurrence } from '@/domain/plan/task-phase'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Plan, Task } from '@/domain/types'
import { csvHeader, serializeCsv } from '@/io/csv/csv-file'
import { serializeDocx } from '@/io/docx/docx-file'
import { buildScheduleRows } from '@/io/schedule-table/schedule-rows'
import { columnLabel, PHASE_COLUMN, SCHEDULE_COLUMNS } from '@/io/schedule-table/schedule-columns'
import { PLAN_HEADER_ROW, PLAN_SHEET_NAME, serializeXlsx } from '@/io/xlsx/xlsx-file'

// Issue 10: one rule for a task's phase (domain/plan/task-phase.ts). Every export of the same tasks
// must put each task under the same phase, with the same STT, as the checks' "outside the phases".

const NOW = new Date('2021-01-04T01:00:00Z')
const OUTSIDE = 'outside'

function withTask(plan: Plan, id: string, title: string, start: string, end: string, allDay = true): Plan {
  const template = Object.values(plan.tasks).find((t) => !t.recurrence)!
  const task: Task = { ...template, id, title, start, end, allDay, recurrence: null, anchor: { type: 'fixed' } }
  return { ...plan, tasks: { ...plan.tasks, [id]: task } }
}

let plan = buildCampaign2021Plan(0)
plan = withTask(plan, 'early', 'Chuẩn bị trước giai đoạn một', '2020-12-30', '2021-01-05')
plan = withTask(plan, 'across', 'Nhiệm vụ vắt qua hai giai đoạn', '2021-03-25', '2021-04-10')
plan = withTask(plan, 'outside', 'Tổng kết năm sau', '2022-03-01', '2022-03-02')
plan = withTask(plan, 'timed-early', 'Họp trước giai đoạn, kéo qua nửa đêm', '2020-12-31T20:00', '2021-01-01T01:00', false)
const tasks = selectTasksForExport(plan, { kind: 'all' })
const single = tasks.filter((t) => !t.recurrence)
const labelOf = (key: 'title' | 'number') => columnLabel(SCHEDULE_COLUMNS.find((c) => c.key === key)!, 'vi')
const phaseIdByName = new Map(plan.phases.map((p) => [p.name, p.id]))
/** A phase id from any label that holds the phase's first day as dd/mm/yyyy. */
function phaseIdOfLabel(label: string): string {
  const phase = plan.phases.find((p) => label.includes(`${p.start.slice(8, 10)}/${p.start.slice(5, 7)}/${p.start.slice(0, 4)}`))
  return phase?.id ?? OUTSIDE
}

/** title → [phase id or OUTSIDE, STT], for the tasks with one row. */
type Grouping = Map<string, [string, number]>

function printGrouping(): Grouping {
  const result: Grouping = new Map()
  for (const group of buildScheduleRows(plan, tasks, 'vi')) {
    for (const row of group.rows) result.set(row.task.title, [group.phaseId ?? OUTSIDE, row.number])
  }
  return result
}

function csvGrouping(): Grouping {
  const text = serializeCsv(plan, { tasks, language: 'vi' }).slice(1)
  const [header, ...records] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data
  expect(header).toEqual(csvHeader('vi'))
  const phaseColumn = header!.indexOf(PHASE_COLUMN.vi)
  const titleColumn = header!.indexOf(labelOf('title'))
  const numberColumn = header!.indexOf(labelOf('number'))
  const result: Grouping = new Map()
  for (const record of records) {
    result.set(record[titleColumn]!, [phaseIdByName.get(record[phaseColumn]!) ?? OUTSIDE, Number(record[numberColumn])])
  }
  return result
}

async function xlsxGrouping(): Promise<Grouping> {
  const bytes = await serializeXlsx(plan, { tasks, language: 'vi', now: NOW.getTime() })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes.slice().buffer as Parameters<ExcelJS.Xlsx['load']>[0])
  const sheet = workbook.getWorksheet(PLAN_SHEET_NAME)!
  const header = (sheet.getRow(PLAN_HEADER_ROW).values as unknown[]).map(String)
  const [titleColumn, numberColumn] = [header.indexOf(labelOf('title')), header.indexOf(labelOf('number'))]
  expect(numberColumn).toBe(1)
  const result: Grouping = new Map()
  let current = ''
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber <= PLAN_HEADER_ROW) return
    const first = row.getCell(numberColumn).value
    // A group row is one merged cell holding its label; a task row starts with its STT.
    if (typeof first === 'number') result.set(String(row.getCell(titleColumn).value), [current, first])
    else current = phaseIdOfLabel(String(first))
  })
  return result
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

function cellTexts(row: Element): string[] {
  return Array.from(row.getElementsByTagNameNS(W_NS, 'tc'), (cell) =>
    Array.from(cell.getElementsByTagNameNS(W_NS, 'p'), (p) => Array.from(p.getElementsByTagNameNS(W_NS, 't'), (t) => t.textContent ?? '').join('')).join('\n'))
}

async function wordGrouping(): Promise<Grouping> {
  const bytes = await serializeDocx(plan, { tasks, language: 'vi', now: NOW })
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')
  const { JSDOM } = (await import(/* @vite-ignore */ 'jsdom' as string)) as { JSDOM: new (html: string) => { window: { DOMParser: new () => DOMParser } } }
  const doc = new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml')
  const body = doc.getElementsByTagNameNS(W_NS, 'body')[0]!
  const result: Grouping = new Map()
  let current = ''
  for (const element of Array.from(body.children)) {
    if (element.localName === 'p') {
      const text = Array.from(element.getElementsByTagNameNS(W_NS, 't'), (t) => t.textContent ?? '').join('')
      // Section II's group headings: "1. Giai đoạn …: từ ngày 01/01/2021 …" or "4. Nhiệm vụ khác".
      if (/^\d+\. /.test(text) && (text.includes('từ ngày') || text.endsWith('Nhiệm vụ khác'))) current = phaseIdOfLabel(text)
      if (text.startsWith('III.')) break
    } else if (element.localName === 'tbl') {
      const rows = Array.from(element.getElementsByTagNameNS(W_NS, 'tr')).map(cellTexts)
      if (rows[0]?.[0] !== 'STT') continue
      for (const cells of rows.slice(1)) result.set(cells[1]!, [current, Number(cells[0])])
    }
  }
  return result
}

describe('phase grouping in every export', () => {
  it('puts each task under the same phase, with the same STT, in CSV, XLSX, Word and print', async () => {
    const expected: Grouping = new Map(single.map((t) => [t.title, [phaseOfOccurrence(plan.phases, t)?.id ?? OUTSIDE, 0]]))
    const [general, peak] = [...plan.phases].sort((a, b) => (a.start < b.start ? -1 : 1))
    // The three cases of the issue, by the rule: the first phase touched, or none.
    expect(expected.get('Chuẩn bị trước giai đoạn một')?.[0]).toBe(general!.id)
    expect(expected.get('Họp trước giai đoạn, kéo qua nửa đêm')?.[0]).toBe(general!.id)
    expect(expected.get('Nhiệm vụ vắt qua hai giai đoạn')?.[0]).toBe(general!.id)
    expect(expected.get('Tổng kết năm sau')?.[0]).toBe(OUTSIDE)
    expect(peak).toBeDefined()

    const print = printGrouping()
    const exports: [string, Grouping][] = [['print', print], ['CSV', csvGrouping()], ['XLSX', await xlsxGrouping()], ['Word', await wordGrouping()]]
    for (const [name, grouping] of exports) {
      for (const [title, [phaseId]] of expected) {
        expect(grouping.get(title)?.[0], `${name}: ${title}`).toBe(phaseId)
        // STT: the same number for the same task in every file, running on through the phases.
        expect(grouping.get(title)?.[1], `${name}: STT of ${title}`).toBe(print.get(title)?.[1])
      }
    }
    const numbers = [...print.values()].map(([, n]) => n).sort((a, b) => a - b)
    expect(numbers[0]).toBe(1)
    expect(new Set(numbers).size).toBe(numbers.length)
  }, 120_000)
})
