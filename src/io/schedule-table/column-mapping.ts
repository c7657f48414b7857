/**
 * A foreign sheet (not our own export): its header row, a suggested column mapping from its header
 * names, and, once the user has confirmed the mapping, its rows as new tasks (`applyColumnMapping`).
 */
import type { EpochMs, Plan } from '@/domain/types'
import { restoreNeutralisedText } from '@/io/schedule-table/formula-text'
import { MAPPED_FIELDS, suggestColumnField, type MappedField } from '@/io/schedule-table/header-matching'
import {
  isBlankRow, progressEvery, type ColumnMapping, type ImportProgress, type ForeignSheetResult, type MappingResult, type SheetRow,
} from '@/io/schedule-table/import-result'
import { RowReader } from '@/io/schedule-table/row-reader'

/** How many data rows a foreign sheet's mapping preview shows. */
export const FOREIGN_PREVIEW_ROWS = 10
/** The header is looked for in this many first non-empty rows (officials' sheets start with titles). */
export const HEADER_SCAN_ROWS = 30
/** Sample values of a foreign column are taken from this many first data rows. */
const SAMPLE_SCAN_ROWS = 200
const SAMPLES_PER_COLUMN = 3

/** A foreign sheet cannot be imported without these. */
export const REQUIRED_MAPPED_FIELDS: readonly MappedField[] = ['title', 'start']

/**
 * Reads a foreign sheet under a header row: the given one (a row number as the spreadsheet shows
 * it, when the user picked it), else the most likely one. Officials' sheets open with title lines
 * (the agency, "KẾ HOẠCH …"), so the header is the row among the first ones that names the most
 * task fields. A second header row right under it ("Thời gian" over "Từ ngày | Đến ngày") is merged
 * into it. The suggested mapping gives each field to the first column that names it.
 */
export function readForeignSheet(sheetRows: readonly SheetRow[], headerRow?: number): ForeignSheetResult {
  const rows = sheetRows.filter((row) => !isBlankRow(row.cells))
  let headerIndex = headerRow === undefined ? -1 : rows.findIndex((row) => row.number === headerRow)
  if (headerIndex < 0) headerIndex = detectHeaderIndex(rows)
  const header = rows[headerIndex] ?? { number: 1, cells: [] }
  let headerCells = header.cells.map((cell) => cell.trim())
  let dataStart = headerIndex + 1
  let subHeaderRow: number | null = null
  const below = rows[dataStart]
  const merged = below ? mergeSubHeader(headerCells, below.cells) : null
  if (below && merged) {
    headerCells = merged
    subHeaderRow = below.number
    dataStart += 1
  }
  const dataRows = rows.slice(dataStart)
  const width = dataRows.reduce((max, row) => Math.max(max, row.cells.length), headerCells.length)
  const headers = padCells(headerCells, width)
  const suggestedMapping: ColumnMapping = {}
  const used = new Set<MappedField>()
  headers.forEach((name, index) => {
    const field = suggestColumnField(name)
    const free = field !== null && !used.has(field)
    if (free) used.add(field)
    suggestedMapping[index] = free ? field : null
  })
  const samples = headers.map(() => [] as string[])
  for (const row of dataRows.slice(0, SAMPLE_SCAN_ROWS)) {
    row.cells.forEach((cell, index) => {
      const text = restoreNeutralisedText(cell).trim()
      const column = samples[index]
      if (column && text !== '' && column.length < SAMPLES_PER_COLUMN && !column.includes(text)) column.push(text)
    })
  }
  return {
    ok: true,
    kind: 'foreign',
    headers,
    headerRow: header.number,
    suggestedMapping,
    preview: dataRows.slice(0, FOREIGN_PREVIEW_ROWS).map((row) => padCells(row.cells, width)),
    rows: dataRows,
    sheetRows: rows,
    subHeaderRow,
    samples,
  }
}

/**
 * The index of the most likely header among the first rows: the one naming the most different
 * fields (at least two; the first such on a tie), or the row above it when it is that row's second
 * header row. Without one, the first row with a field name,
 * else the first row of two or more cells (a title line has one), else the first row.
 */
function detectHeaderIndex(rows: readonly SheetRow[]): number {
  let best = -1
  let bestScore = 1
  let firstNamed = -1
  let firstWide = -1
  rows.slice(0, HEADER_SCAN_ROWS).forEach((row, index) => {
    const fields = new Set(row.cells.map(suggestColumnField).filter((field) => field !== null))
    if (fields.size > bestScore) {
      best = index
      bestScore = fields.size
    }
    if (firstNamed < 0 && fields.size > 0) firstNamed = index
    if (firstWide < 0 && row.cells.filter((cell) => cell.trim() !== '').length >= 2) firstWide = index
  })
  // The row that names the most may be the second row of a two-row header: the first row leads.
  const above = rows[best - 1]
  if (best > 0 && above && above.cells.some((cell) => suggestColumnField(cell) !== null) && mergeSubHeader(above.cells, rows[best]!.cells)) return best - 1
  if (best >= 0) return best
  if (firstNamed >= 0) return firstNamed
  return Math.max(0, firstWide)
}

/**
 * The header cells with a second header row merged in, or null when `below` is not one: each of
 * its cells repeats the one above (a cell merged down) or names a field, and at least two name
 * fields the row above does not (a data row seldom does).
 */
function mergeSubHeader(header: readonly string[], below: readonly string[]): string[] | null {
  const merged = [...header]
  let named = 0
  for (let index = 0; index < below.length; index += 1) {
    const top = (header[index] ?? '').trim()
    const bottom = (below[index] ?? '').trim()
    if (bottom === '' || bottom === top) continue
    if (suggestColumnField(bottom) === null) return null
    named += 1
    while (merged.length <= index) merged.push('')
    merged[index] = top === '' ? bottom : `${top} – ${bottom}`
  }
  return named >= 2 ? merged : null
}

/** The mapped fields a mapping still lacks before it can be applied. */
export function missingRequiredFields(mapping: ColumnMapping): MappedField[] {
  const mapped = new Set(Object.values(mapping))
  return REQUIRED_MAPPED_FIELDS.filter((field) => !mapped.has(field))
}

export interface MappingOptions {
  /**
   * Unit names the plan does not know become new units (listed in `newUnits`) instead of being left
   * out with a warning; a lead cell naming several units gives the first the lead and the others
   * support, and a list may be separated by commas as well as ";" or line breaks.
   */
  addUnknownUnits?: boolean
  onProgress?: ImportProgress
}

/**
 * Turns a foreign sheet's rows into new tasks, given the user's column mapping. Dates may be
 * dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd, with an optional time (08:00, 8h30), or Excel day numbers; a
 * start cell may hold a range ("01/04/2021 – 23/05/2021", "01/04 - 23/05/2021", "từ … đến …",
 * "01 - 30/4/2021") or a month or quarter ("Tháng 4/2021", "Quý II/2021"). Rows that cannot be read
 * are reported by number and left out; empty rows are skipped, and so are section headings (a title
 * and nothing else, in capitals or numbered "I.", "A.": reported as warnings). Rows may be given as
 * plain cell arrays, numbered from `firstRowNumber` (2: under a header row).
 */
export function applyColumnMapping(
  rows: readonly (SheetRow | readonly string[])[], mapping: ColumnMapping, plan: Plan, now: EpochMs, firstRowNumber = 2,
  options: MappingOptions = {},
): MappingResult {
  const missing = missingRequiredFields(mapping)
  if (missing.length > 0) return { ok: false, error: 'mappingIncomplete', missing }
  const context = new RowReader(plan, now, options.addUnknownUnits === true)
  const progress = progressEvery(rows.length, options.onProgress)
  const rowNumbers: number[] = []
  const columns = Object.entries(mapping)
    .filter((entry): entry is [string, MappedField] => entry[1] !== null && (MAPPED_FIELDS as readonly string[]).includes(entry[1]))
    .map(([index, field]) => [Number(index), field] as const)
  rows.forEach((input, index) => {
    progress(index)
    const row: SheetRow = isSheetRow(input) ? input : { number: firstRowNumber + index, cells: [...input] }
    if (isBlankRow(row.cells)) return
    if (row.problem) {
      context.error(row.number, row.problem)
      return
    }
    const values: Partial<Record<MappedField, string>> = {}
    for (const [column, field] of columns) {
      const text = restoreNeutralisedText(row.cells[column] ?? '').trim()
      if (text === '') continue
      const before = values[field]
      // Two columns on one field: notes add up, anything else keeps the first.
      values[field] = before === undefined ? text : field === 'description' ? `${before}\n${text}` : before
    }
    if (isSectionHeading(values, row.cells)) {
      context.warn(row.number, 'sectionHeading', values.title)
      return
    }
    const task = context.readVisibleRow(row.number, values)
    if (task) {
      context.tasks.push(task)
      rowNumbers.push(row.number)
    }
  })
  progress(rows.length)
  return { ...context.result(), rowNumbers, newUnits: context.newUnits }
}

/**
 * A row that is a heading of the sheet's own sections ("I. TUYÊN TRUYỀN CHUNG", "B | Cao điểm"),
 * not a task: it has a title and no other field, and the title is in capitals, or it or a cell of
 * the row is numbered with a Roman numeral or a letter.
 */
function isSectionHeading(values: Partial<Record<MappedField, string>>, cells: readonly string[]): boolean {
  const title = values.title
  if (title === undefined || Object.keys(values).length > 1) return false
  const capitals = /\p{L}/u.test(title) && title === title.toLocaleUpperCase('vi') && title !== title.toLocaleLowerCase('vi')
  const numbered = /^(?:[IVXLC]+|[A-Z])[.):]\s/u.test(title) || cells.some((cell) => /^(?:[IVXLC]+|[A-Z])[.)]?$/u.test(cell.trim()))
  return capitals || numbered
}

function padCells(cells: readonly string[], width: number): string[] {
  const padded = cells.slice(0, width)
  while (padded.length < width) padded.push('')
  return padded
}

function isSheetRow(row: SheetRow | readonly string[]): row is SheetRow {
  return !Array.isArray(row)
}
