/**
 * The plan as an Excel workbook (exceljs), laid out the way officials lay out a plan's schedule:
 *
 * - sheet "Kế hoạch": a title row, the header row (frozen, repeated on every printed page), one
 *   merged, tinted row per phase ("I. Tuyên truyền chung (01/01/2021 – 31/03/2021)") with its tasks
 *   under it, a recurring task one row per occurrence. "Từ ngày" and "Đến ngày" (inclusive last day) are real Excel dates shown dd/mm/yyyy
 *   (dd/mm/yyyy hh:mm for timed tasks), built from the LocalDate as UTC midnight: Excel dates have no
 *   zone and exceljs converts with the epoch only, so no machine's zone can move a day.
 *   A4 landscape, one page wide.
 *   Every row carries its height, fitted to its wrapped text (row-height.ts): LibreOffice and most
 *   viewers do not fit rows themselves, and draw the text of an unsized row over the rows below.
 * - sheet "Mốc pháp lý": the legal milestones as the 2021 provincial schedules listed them.
 *
 * The sheet names stay Vietnamese in the English UI too (these are officials' files); the header
 * labels follow the chosen language.
 *
 * Where the machine data lives: in hidden columns after "Ghi chú", on the task's own row, rather than
 * in a hidden sheet keyed by id. A row is the unit people sort, filter, copy and delete in Excel;
 * data on the same row moves with it, while a separate sheet would silently go stale (a deleted row
 * would leave its data behind, a copied row would have none). It also makes the XLSX and CSV tables
 * the same columns, read by the same code (interpret-sheet.ts).
 *
 * exceljs is large: this module is only ever loaded with a dynamic import() by the UI.
 */
import ExcelJS from 'exceljs'
import { formatDate, type Language } from '@/domain/dates/format-date'
import { datePart, fromMinuteNumber, timePart, toMinuteNumber } from '@/domain/dates/local-date'
import type { EpochMs, Plan, Task } from '@/domain/types'
import { MAX_IMPORT_BYTES, MAX_XLSX_UNPACKED_BYTES } from '@/io/import-limits'
import { applyColumnMapping } from '@/io/schedule-table/column-mapping'
import { neutraliseFormula } from '@/io/schedule-table/formula-text'
import type { ForeignSheetResult, ImportProgress, OwnSheetResult, SheetRow, TooManyRows } from '@/io/schedule-table/import-result'
import { interpretSheet } from '@/io/schedule-table/interpret-sheet'
import { buildMilestoneRows, MILESTONE_COLUMNS, milestoneTableSubtitle } from '@/io/schedule-table/milestone-table'
import { columnLabel, MACHINE_COLUMNS, SCHEDULE_COLUMNS, type VisibleColumnKey } from '@/io/schedule-table/schedule-columns'
import { buildScheduleRows, scheduleFileBaseName, type ScheduleRange } from '@/io/schedule-table/schedule-rows'
import { rowHeightForLines, textAreaWidthPt, wrappedLineCount, type CellFont } from '@/io/xlsx/row-height'
import { storeZip, unpackZip } from '@/io/xlsx/zip-entries'

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const PLAN_SHEET_NAME = 'Kế hoạch'
export const MILESTONE_SHEET_NAME = 'Mốc pháp lý'
/** Row numbers on the plan sheet. */
export const PLAN_TITLE_ROW = 1
export const PLAN_HEADER_ROW = 2
/** Columns beyond this are not read (a stray cell at XFD would otherwise make every row 16,384 wide). */
const MAX_READ_COLUMNS = 256

export type XlsxImportError = 'tooLarge' | 'empty' | 'notXlsx' | 'legacyXls'
/** The workbook's parts unpack to more than `limit` bytes (MAX_XLSX_UNPACKED_BYTES): a zip bomb, or far too big. */
export interface XlsxTooLargeUnpacked {
  ok: false
  error: 'tooLargeUnpacked'
  limit: number
}
export type ParseXlsxResult = OwnSheetResult | ForeignSheetResult | TooManyRows | XlsxTooLargeUnpacked | { ok: false; error: XlsxImportError }

export interface XlsxImportOptions {
  /** Rows read so far, of how many (see `ImportProgress`). */
  onProgress?: ImportProgress
}

export interface XlsxExportOptions {
  tasks: readonly Task[]
  language: Language
  /** The export's days: a series lists only its occurrences touching them (see `scheduleRangeOfScope`). */
  range?: ScheduleRange | null
  /** Stamped as the workbook's created/modified time. */
  now: EpochMs
}

const DATE_FORMAT = 'dd/mm/yyyy'
const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm'
const FONT_NAME = 'Times New Roman' // the font of administrative documents (Decree 30/2020/NĐ-CP)
const WIDTHS: Record<VisibleColumnKey, number> = { number: 6, title: 50, from: 12, to: 12, lead: 28, support: 28, channel: 22, status: 16, notes: 40 }
/**
 * Wide enough for dd/mm/yyyy hh:mm, used when the export has timed tasks. Not 16: "22/05/2021 07:00"
 * in Times New Roman 12 is ~113 px in Excel (12 digits of 8 px), a 16-unit column 112 px, and Excel
 * shows "#####" for a date that does not fit.
 */
const DATE_TIME_WIDTH = 18
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } }
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } }
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN }
const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }
const BODY_FONT: CellFont = { size: 12 }
const BOLD_FONT: CellFont = { size: 12, bold: true }
/** The title rows keep at least this height (points), for the space around a one-line title. */
const TITLE_MIN_HEIGHT_PT = 36
/** Page numbers only: user text in a header/footer would be read as its "&" codes. */
const PAGE_FOOTER = '&C&P / &N'

/** The workbook as the bytes of an .xlsx file. */
export async function serializeXlsx(plan: Plan, { tasks, language, now, range = null }: XlsxExportOptions): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Kế hoạch tuyên truyền bầu cử'
  workbook.created = new Date(now)
  workbook.modified = new Date(now)
  addPlanSheet(workbook, plan, tasks, language, range)
  addMilestoneSheet(workbook, plan, language)
  // Deflate level 1: for 10,000 tasks the file is 1.15 MB instead of 0.89 MB, and the export about
  // half a second faster (deflate was its largest single cost).
  const written: unknown = await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } })
  // Node gives a Buffer, the browser build a Uint8Array polyfill: hand back a plain view either way.
  if (written instanceof Uint8Array) return new Uint8Array(written.buffer, written.byteOffset, written.byteLength)
  return new Uint8Array(written as ArrayBuffer)
}

function addPlanSheet(workbook: ExcelJS.Workbook, plan: Plan, tasks: readonly Task[], language: Language, range: ScheduleRange | null): void {
  const visibleCount = SCHEDULE_COLUMNS.length
  const sheet = workbook.addWorksheet(PLAN_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: PLAN_HEADER_ROW, topLeftCell: `A${PLAN_HEADER_ROW + 1}`, activeCell: `A${PLAN_HEADER_ROW + 1}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as needed
      horizontalCentered: true,
      printTitlesRow: `${PLAN_HEADER_ROW}:${PLAN_HEADER_ROW}`,
      margins: MARGINS,
    },
    headerFooter: { oddFooter: PAGE_FOOTER },
  })
  const hasTimed = tasks.some((task) => !task.allDay)
  // One style object per column, shared by all its cells: exceljs caches a style's id by object
  // identity, so 10,000 rows cost one lookup each instead of one style serialisation per cell.
  // NOTE: never set `cell.numFmt` (or font…) on these cells: it would mutate the shared object.
  const cellStyle = (horizontal: 'center' | undefined, numFmt: string | undefined): Partial<ExcelJS.Style> => ({
    font: { name: FONT_NAME, size: 12 },
    alignment: { wrapText: true, vertical: 'top', ...(horizontal ? { horizontal } : {}) },
    border: BORDER,
    ...(numFmt ? { numFmt } : {}),
  })
  const columnStyles = SCHEDULE_COLUMNS.map((column) =>
    cellStyle(column.key === 'number' ? 'center' : undefined, column.key === 'from' || column.key === 'to' ? DATE_FORMAT : undefined))
  const timedDateStyle = cellStyle(undefined, DATE_TIME_FORMAT)
  const widths = SCHEDULE_COLUMNS.map((column) => (column.key === 'from' || column.key === 'to') && hasTimed ? DATE_TIME_WIDTH : WIDTHS[column.key])
  widths.forEach((width, index) => { sheet.getColumn(index + 1).width = width })
  const textAreas = widths.map((width) => textAreaWidthPt([width]))
  const fullWidthArea = textAreaWidthPt(widths)
  MACHINE_COLUMNS.forEach((_column, index) => {
    const sheetColumn = sheet.getColumn(visibleCount + index + 1)
    sheetColumn.hidden = true
    sheetColumn.width = 14
  })

  const title = sheet.getRow(PLAN_TITLE_ROW)
  title.getCell(1).value = textCell(plan.name)
  const titleFont: CellFont = { size: 14, bold: true }
  title.getCell(1).style = { font: { name: FONT_NAME, ...titleFont }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }
  title.height = Math.max(TITLE_MIN_HEIGHT_PT, fitHeight([title.getCell(1).value], [fullWidthArea], titleFont))
  sheet.mergeCells(PLAN_TITLE_ROW, 1, PLAN_TITLE_ROW, visibleCount)

  const header = sheet.getRow(PLAN_HEADER_ROW)
  header.values = [...SCHEDULE_COLUMNS, ...MACHINE_COLUMNS].map((column) => columnLabel(column, language))
  for (let c = 1; c <= visibleCount; c += 1) {
    header.getCell(c).style = {
      font: { name: FONT_NAME, size: 12, bold: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      border: BORDER,
      fill: HEADER_FILL,
    }
  }
  header.height = fitHeight((header.values as ExcelJS.CellValue[]).slice(1, visibleCount + 1), textAreas, BOLD_FONT)

  let rowNumber = PLAN_HEADER_ROW
  for (const group of buildScheduleRows(plan, tasks, language, { range })) {
    rowNumber += 1
    const groupRow = sheet.getRow(rowNumber)
    groupRow.getCell(1).value = textCell(group.label)
    for (let c = 1; c <= visibleCount; c += 1) {
      groupRow.getCell(c).style = { font: { name: FONT_NAME, size: 12, bold: true }, alignment: { vertical: 'middle', wrapText: true }, border: BORDER, fill: GROUP_FILL }
    }
    sheet.mergeCells(rowNumber, 1, rowNumber, visibleCount)
    groupRow.height = fitHeight([groupRow.getCell(1).value], [fullWidthArea], BOLD_FONT)

    for (const row of group.rows) {
      rowNumber += 1
      const task = row.task
      const values: ExcelJS.CellValue[] = [
        row.number,
        textCell(row.display.title),
        excelDate(task.allDay ? row.firstDay : row.start),
        excelDate(task.allDay ? row.lastDay : row.end),
        textCell(row.display.lead),
        textCell(row.display.support),
        textCell(row.display.channel),
        textCell(row.display.status),
        textCell(row.display.notes),
        ...MACHINE_COLUMNS.map((column) => textCell(row.machine[column.key])),
      ]
      const sheetRow = sheet.getRow(rowNumber)
      sheetRow.values = values
      sheetRow.height = fitHeight(values, textAreas, BODY_FONT)
      for (let c = 1; c <= visibleCount; c += 1) {
        sheetRow.getCell(c).style = !task.allDay && (c === 3 || c === 4) ? timedDateStyle : columnStyles[c - 1]!
      }
    }
  }
}

function addMilestoneSheet(workbook: ExcelJS.Workbook, plan: Plan, language: Language): void {
  const sheet = workbook.addWorksheet(MILESTONE_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: PLAN_HEADER_ROW, topLeftCell: `A${PLAN_HEADER_ROW + 1}`, activeCell: `A${PLAN_HEADER_ROW + 1}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait', // four columns fit a portrait page
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${PLAN_HEADER_ROW}:${PLAN_HEADER_ROW}`,
      margins: MARGINS,
    },
    headerFooter: { oddFooter: PAGE_FOOTER },
  })
  const widths = [6, 60, 30, 26]
  const textAreas = widths.map((width) => textAreaWidthPt([width]))
  const baseStyle: Partial<ExcelJS.Style> = { font: { name: FONT_NAME, size: 12 }, alignment: { wrapText: true, vertical: 'top' }, border: BORDER }
  widths.forEach((width, index) => {
    const column = sheet.getColumn(index + 1)
    column.width = width
    column.style = index === 0 ? { ...baseStyle, alignment: { ...baseStyle.alignment, horizontal: 'center' } } : baseStyle
  })

  const title = sheet.getRow(PLAN_TITLE_ROW)
  title.getCell(1).value = textCell(milestoneTableSubtitle(plan, language))
  const titleFont: CellFont = { size: 13, bold: true }
  title.getCell(1).style = { font: { name: FONT_NAME, ...titleFont }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }
  title.height = Math.max(TITLE_MIN_HEIGHT_PT, fitHeight([title.getCell(1).value], [textAreaWidthPt(widths)], titleFont))
  sheet.mergeCells(PLAN_TITLE_ROW, 1, PLAN_TITLE_ROW, MILESTONE_COLUMNS.length)

  const header = sheet.getRow(PLAN_HEADER_ROW)
  header.values = MILESTONE_COLUMNS.map((column) => columnLabel(column, language))
  header.eachCell((cell) => {
    cell.style = { font: { name: FONT_NAME, size: 12, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border: BORDER, fill: HEADER_FILL }
  })
  header.height = fitHeight((header.values as ExcelJS.CellValue[]).slice(1), textAreas, BOLD_FONT)

  buildMilestoneRows(plan, language).forEach((milestone, index) => {
    const row = sheet.getRow(PLAN_HEADER_ROW + 1 + index)
    // The "Ngày chậm nhất" cell is always a real date; what the text form adds ("≤ ", a time, the
    // first day of a range) is in the number format, so sorting and date arithmetic still work.
    const latest = milestone.endDate ?? milestone.date
    const values = [milestone.number, textCell(milestone.name), textCell(milestone.offsetLabel), excelDate(milestone.time ? `${latest}T${milestone.time}` : latest)]
    row.values = values
    row.height = fitHeight(values, textAreas, BODY_FONT)
    const dateCell = row.getCell(4)
    if (milestone.endDate !== null) dateCell.numFmt = `"${formatDate(milestone.date)} – "${DATE_FORMAT}`
    else if (milestone.time) dateCell.numFmt = DATE_TIME_FORMAT
    else dateCell.numFmt = milestone.isDeadline ? `"≤ "${DATE_FORMAT}` : DATE_FORMAT
  })
}

/**
 * The height (points) of a row whose cells hold `values` in cells with `areas` of text room (see
 * `textAreaWidthPt`), all in `font`. Only text wraps: numbers and dates are left out, as are the
 * values past `areas` (the hidden machine columns).
 */
function fitHeight(values: readonly ExcelJS.CellValue[], areas: readonly number[], font: CellFont): number {
  let lines = 1
  for (let i = 0; i < areas.length; i += 1) {
    const value = values[i]
    if (typeof value === 'string') lines = Math.max(lines, wrappedLineCount(value, areas[i]!, font))
  }
  return rowHeightForLines(lines, font.size)
}

/** Empty text as an empty cell; other text neutralised against formula injection, then escaped. */
function textCell(text: string): string | null {
  return text === '' ? null : escapeXlsxText(neutraliseFormula(text))
}

// eslint-disable-next-line no-control-regex
const UNWRITABLE = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000b-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/**
 * Spreadsheet text can hold characters XML cannot (control characters; a carriage return, which XML
 * readers turn into a line feed; unpaired surrogates). OOXML writes them as "_xHHHH_", and a literal
 * "_xHHHH_" as "_x005F_xHHHH_"; Excel and exceljs decode both. exceljs does not encode on writing (it
 * silently drops control characters), so we do, and every text survives a round trip.
 */
export function escapeXlsxText(text: string): string {
  return text.replace(UNWRITABLE, (match) =>
    match.length > 1 ? `_x005F${match}` : `_x${match.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
}

/** A LocalDate or LocalDateTime as the UTC instant of that wall-clock time (see the file comment). */
function excelDate(value: string): Date {
  const minutes = value.length > 10 ? toMinuteNumber(value) : toMinuteNumber(`${value}T00:00`)
  return new Date(minutes * 60_000)
}

// ── Import ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Reads an .xlsx file: our own export (tasks) or a foreign sheet (headers, a suggested mapping and a
 * preview, for `applyXlsxMapping`). Reads the "Kế hoạch" sheet, else the first sheet with rows.
 * Refuses files over 20 MB, files that are not ZIP-packed workbooks and old binary .xls files, before
 * exceljs sees them; a workbook whose parts inflate past MAX_XLSX_UNPACKED_BYTES is refused while it
 * inflates (zip-entries.ts), and a sheet of more than MAX_IMPORT_ROWS rows before they are read.
 * Never throws.
 */
export async function parseXlsx(bytes: Uint8Array, plan: Plan, now: EpochMs, options: XlsxImportOptions = {}): Promise<ParseXlsxResult> {
  try {
    if (!(bytes instanceof Uint8Array) || bytes.length === 0) return { ok: false, error: 'empty' }
    if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, error: 'tooLarge' }
    if (startsWith(bytes, OLE_SIGNATURE)) return { ok: false, error: 'legacyXls' }
    if (!startsWith(bytes, ZIP_SIGNATURE)) return { ok: false, error: 'notXlsx' }
    const unpacked = unpackZip(bytes, MAX_XLSX_UNPACKED_BYTES)
    if (!unpacked.ok) return unpacked.error === 'notZip' ? { ok: false, error: 'notXlsx' } : unpacked
    if (!unpacked.entries.has(WORKBOOK_PATH)) return { ok: false, error: 'notXlsx' }

    const workbook = new ExcelJS.Workbook()
    try {
      // exceljs gets the checked parts stored uncompressed: nothing is inflated twice, or unchecked.
      await workbook.xlsx.load(storeZip(unpacked.entries).buffer as Parameters<ExcelJS.Xlsx['load']>[0])
    } catch {
      return { ok: false, error: 'notXlsx' }
    }
    const sheets = workbook.worksheets
    const sheet = workbook.getWorksheet(PLAN_SHEET_NAME) ?? sheets.find((s) => s.actualRowCount > 0) ?? sheets[0]
    if (!sheet) return { ok: false, error: 'empty' }
    const result = interpretSheet(readSheetRows(sheet), plan, now, { onProgress: options.onProgress })
    return result ?? { ok: false, error: 'empty' }
  } catch {
    // exceljs can fail in odd places on a damaged file (a style index out of range…): not a workbook we can read.
    return { ok: false, error: 'notXlsx' }
  }
}

/** Turns a foreign sheet's rows into new tasks with the user's mapping (see `applyColumnMapping`). */
export const applyXlsxMapping = applyColumnMapping

/** `ke-hoach-tuyen-truyen-bau-cu-2021.xlsx` */
export function xlsxFileName(plan: Pick<Plan, 'election'>): string {
  return `${scheduleFileBaseName(plan)}.xlsx`
}

/**
 * The sheet's rows as text cells. A row that is one merged block (a title, or a phase heading like
 * ours) is left out: it is a heading, not a task; a cell merged down over several rows (one lead unit
 * for three tasks) gives its value to each of them.
 */
function readSheetRows(sheet: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = []
    const formulaColumns: number[] = []
    const masters = new Set<string>()
    let nonEmpty = 0
    let allMerged = true
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (column > MAX_READ_COLUMNS) return
      const text = cellText(cell.value)
      if (text === '') return
      while (cells.length < column - 1) cells.push('')
      cells[column - 1] = text
      if (isFormula(cell.value)) formulaColumns.push(column - 1)
      nonEmpty += 1
      if (cell.isMerged && Number(cell.master.row) === rowNumber) masters.add(cell.master.address)
      else allMerged = false
    })
    if (nonEmpty >= 2 && allMerged && masters.size === 1) return
    if (cells.length > 0) rows.push(formulaColumns.length > 0 ? { number: rowNumber, cells, formulaColumns } : { number: rowNumber, cells })
  })
  return rows
}

/** A cell's value as the text a person sees; dates as dd/mm/yyyy (with the time when it has one). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return dateText(value)
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>
    if (Array.isArray(v.richText)) {
      return v.richText.map((part: unknown) => (typeof part === 'object' && part !== null && typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : '')).join('')
    }
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result)
    if ('hyperlink' in v) return cellText(v.text)
  }
  return ''
}

function isFormula(value: unknown): boolean {
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value)
}

/** An Excel date (an instant read as UTC wall-clock time, see `excelDate`) as dd/mm/yyyy [HH:mm]. */
function dateText(date: Date): string {
  const ms = date.getTime()
  if (!Number.isFinite(ms) || Math.abs(ms) > 1e14) return ''
  const value = fromMinuteNumber(Math.round(ms / 60_000))
  const time = timePart(value)
  return time === '00:00' ? formatDate(datePart(value)) : `${formatDate(datePart(value))} ${time}`
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04] // "PK\x03\x04"
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] // .xls, and password-protected .xlsx

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte)
}

const WORKBOOK_PATH = 'xl/workbook.xml'
