/**
 * Section II "NỘI DUNG" of the Word plan: per phase a heading ("1. Giai đoạn …: từ ngày … đến ngày …"),
 * its focus, and a table of its tasks; tasks outside every phase last, under "Nhiệm vụ khác".
 *
 * The rows are the spreadsheet and print exports' (`buildScheduleRows`): the same phase for each task
 * (`createPhaseLookup`), the same order and the same STT, running on through the phases, so a task
 * quoted by number in a meeting is the same task in every file. A recurring task has a row per
 * occurrence, its rule under Ghi chú.
 *
 * Long tables are written as several tables of at most TASK_TABLE_MAX_ROWS rows, each with its own
 * repeating header row, separated by an empty paragraph of almost no height. LibreOffice lays out a
 * table that runs over many pages in time that grows with the square of its length: the 10,000-task
 * plan (phase tables of thousands of rows) did not convert to PDF in 7 minutes, while the same rows in
 * 200-row tables convert in under a minute (measured, see the report of issue 10). The price is a
 * header row inside a page where one table ends and the next begins (one in ~20 pages).
 */
import {
  LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx'
import { addDays, datePart, timePart } from '@/domain/dates/local-date'
import { formatDate } from '@/domain/dates/format-date'
import { lastDay } from '@/domain/plan/task-dates'
import type { Phase, Plan, Task } from '@/domain/types'
import {
  STYLE_TASK_CELL, STYLE_TASK_CELL_CENTRED, STYLE_TASK_HEAD, TASK_CELL_MARGIN_TWIPS, TASK_COLUMNS_TWIPS, TEXT_WIDTH_TWIPS,
} from '@/io/docx/docx-geometry'
import { bodyParagraph, bodyRun, heading } from '@/io/docx/docx-paragraphs'
import { oneLine, stripEndPunctuation, textLines } from '@/io/docx/docx-text'
import { buildScheduleRows, type ScheduleRange, type ScheduleRow } from '@/io/schedule-table/schedule-rows'

const TASK_COLUMN_LABELS = ['STT', 'Nội dung công việc', 'Thời gian', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Ghi chú'] as const
/**
 * Rows per table (see the module header). Measured on the 10,000-task plan's rows with LibreOffice
 * 7.4: 200-row tables convert fastest; 500 and 1,000 cost a little more; one table per phase
 * (2,000–6,000 rows) is what took minutes.
 */
export const TASK_TABLE_MAX_ROWS = 200
/** The heading of the tasks outside every phase. */
export const OUTSIDE_PHASES_HEADING = 'Nhiệm vụ khác'

/** Section II for the given tasks (in any order: the rows are sorted as in every export). */
export function buildContentSection(plan: Plan, tasks: readonly Task[], range: ScheduleRange | null): (Paragraph | Table)[] {
  const content: (Paragraph | Table)[] = [heading('II. NỘI DUNG')]
  // 'vi' whatever the interface language: an official document is Vietnamese.
  const groups = buildScheduleRows(plan, tasks, 'vi', { range })
  if (groups.length === 0) content.push(bodyParagraph([bodyRun('Chưa có nhiệm vụ.', { italics: true })]))
  const phases = new Map(plan.phases.map((p) => [p.id, p]))
  const unitNames = new Map(plan.units.map((u) => [u.id, u.name]))
  groups.forEach((group, index) => {
    const phase = group.phaseId === null ? undefined : phases.get(group.phaseId)
    content.push(heading(`${index + 1}. ${phase ? phaseHeading(phase) : OUTSIDE_PHASES_HEADING}`))
    const focus = phase ? oneLine(phase.focus) : ''
    if (focus !== '') {
      content.push(bodyParagraph([
        bodyRun('Nội dung trọng tâm: ', { italics: true }),
        bodyRun(`${stripEndPunctuation(focus)}.`),
      ], { keepNext: true }))
    }
    // The heading (or focus) paragraph before the first table keeps two groups' tables from ever
    // touching: Word would merge them into one.
    for (let start = 0; start < group.rows.length; start += TASK_TABLE_MAX_ROWS) {
      if (start > 0) content.push(tableJoint())
      content.push(buildTaskTable(group.rows.slice(start, start + TASK_TABLE_MAX_ROWS), unitNames))
    }
  })
  return content
}

/** "Giai đoạn tuyên truyền chung: từ ngày 01/01/2021 đến ngày 31/03/2021". */
function phaseHeading(phase: Phase): string {
  return `${phaseTitle(phase.name)}: từ ngày ${formatDate(phase.start)} đến ngày ${formatDate(addDays(phase.end, -1))}`
}

/** "Giai đoạn cao điểm" from "Cao điểm"; an acronym ("HĐND …") or "Giai đoạn …" stays as it is. */
function phaseTitle(name: string): string {
  const value = oneLine(name)
  if (/^giai đoạn\b/i.test(value)) return value
  const [a = '', b = ''] = [...value]
  const lowered = b !== '' && b === b.toLowerCase() ? a.toLocaleLowerCase('vi') + value.slice(a.length) : value
  return `Giai đoạn ${lowered}`.trim()
}

/**
 * The paragraph between two parts of one long table: without it Word and LibreOffice join adjacent
 * tables into one (and LibreOffice is slow again). A tenth of a point high, so the parts read as one
 * table.
 */
function tableJoint(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: 2, lineRule: LineRuleType.EXACT }, children: [] })
}

/** One paragraph per line; an empty cell still needs one paragraph. */
function cellParagraphs(lines: readonly string[], style: string = STYLE_TASK_CELL): Paragraph[] {
  return (lines.length > 0 ? lines : ['']).map((text) => new Paragraph({ style, children: text === '' ? [] : [new TextRun(text)] }))
}

function taskCell(index: number, children: Paragraph[], verticalAlign?: typeof VerticalAlign.CENTER): TableCell {
  return new TableCell({ width: { size: TASK_COLUMNS_TWIPS[index] ?? 0, type: WidthType.DXA }, verticalAlign, children })
}

/**
 * 12 pt, thin single borders (docx's default table borders); the header row repeats on every page and
 * no row splits across pages. STT is the row's number in the whole schedule.
 */
function buildTaskTable(rows: readonly ScheduleRow[], unitNames: ReadonlyMap<string, string>): Table {
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: TASK_COLUMN_LABELS.map((label, index) => taskCell(index, cellParagraphs([label], STYLE_TASK_HEAD), VerticalAlign.CENTER)),
  })
  const bodyRows = rows.map((row) => new TableRow({
    cantSplit: true,
    children: [
      taskCell(0, cellParagraphs([String(row.number)], STYLE_TASK_CELL_CENTRED)),
      taskCell(1, cellParagraphs(textLines(row.task.title))),
      taskCell(2, cellParagraphs(formatTaskTime({ allDay: row.task.allDay, start: row.start, end: row.end }), STYLE_TASK_CELL_CENTRED)),
      taskCell(3, cellParagraphs(row.task.leadUnitId === null ? [] : textLines(unitNames.get(row.task.leadUnitId) ?? ''))),
      taskCell(4, cellParagraphs(supportLines(row.task, unitNames))),
      taskCell(5, cellParagraphs([...noteLines(row.task), ...(row.recurrenceNote === '' ? [] : [row.recurrenceNote])])),
    ],
  }))
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: [...TASK_COLUMNS_TWIPS],
    layout: TableLayoutType.FIXED,
    margins: TASK_CELL_MARGIN_TWIPS,
    rows: [headerRow, ...bodyRows],
  })
}

/**
 * The "Thời gian" cell, one or two lines: `23/05/2021`, `01/01/2021 -` / `31/03/2021`,
 * `07:30 - 09:30` / `23/05/2021`. Wall-clock values are printed as stored: no time zone applies.
 */
function formatTaskTime(task: Pick<Task, 'allDay' | 'start' | 'end'>): string[] {
  if (task.allDay) {
    const first = datePart(task.start)
    const last = lastDay(task)
    return first === last ? [formatDate(first)] : [`${formatDate(first)} -`, formatDate(last)]
  }
  const startDate = datePart(task.start)
  const endDate = datePart(task.end)
  if (startDate === endDate) return [`${timePart(task.start)} - ${timePart(task.end)}`, formatDate(startDate)]
  return [`${timePart(task.start)} ${formatDate(startDate)} -`, `${timePart(task.end)} ${formatDate(endDate)}`]
}

/** One line per supporting unit: unit names often contain commas ("Sở Văn hóa, Thể thao và Du lịch"). */
function supportLines(task: Task, unitNames: ReadonlyMap<string, string>): string[] {
  const names = task.supportUnitIds.map((id) => oneLine(unitNames.get(id) ?? '')).filter((name) => name !== '')
  return names.length > 1 ? names.map((name) => `- ${name}`) : names
}

/** Ghi chú: the quantity, the place and the description, each on its own line(s). */
function noteLines(task: Task): string[] {
  const location = oneLine(task.location)
  return [
    ...textLines(task.quantity),
    ...(location === '' ? [] : [`Địa điểm: ${location}`]),
    ...textLines(task.description),
  ]
}
