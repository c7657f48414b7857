/**
 * The plan as CSV: UTF-8 with a byte order mark (without it Excel reads the file as the machine's
 * ANSI code page and garbles Vietnamese), CRLF line ends and RFC 4180 quoting (papaparse), one
 * header row and one record per task (per occurrence for a recurring task: see schedule-rows.ts).
 *
 * Columns: first what an official reads, in the order of their own tables: STT, "Giai đoạn" (CSV has
 * no merged rows, so the phase a task is grouped under becomes a column of its own instead of a header
 * row), the visible columns of the XLSX sheet (schedule-columns.ts) with dates as dd/mm/yyyy, and the
 * plain-text "Số lượng" and "Địa điểm" before "Ghi chú". Then the machine columns, each labelled
 * "[Để nhập lại – không sửa] …", that let our own file read back without loss: ids, ISO bounds, JSON.
 * A template's research note is not among them (see source-cell.ts); the JSON backup is the lossless
 * format of everything. The import finds columns by label, so files of the older order read too.
 * Every text field is neutralised against formula injection.
 *
 * Import takes the file's text (the caller reads it as UTF-8 and should refuse a File over
 * MAX_IMPORT_BYTES before reading it at all). The delimiter is detected from the first records, since
 * Excel in a Vietnamese locale writes ";" (the decimal separator there is ",").
 */
import Papa from 'papaparse'
import type { Language } from '@/domain/dates/format-date'
import type { EpochMs, Plan, Task } from '@/domain/types'
import { exceedsUtf8Bytes, MAX_IMPORT_BYTES } from '@/io/import-limits'
import { applyColumnMapping } from '@/io/schedule-table/column-mapping'
import { neutraliseFormula } from '@/io/schedule-table/formula-text'
import type { ForeignSheetResult, ImportProgress, OwnSheetResult, SheetRow, TooManyRows } from '@/io/schedule-table/import-result'
import { interpretSheet } from '@/io/schedule-table/interpret-sheet'
import {
  columnLabel, MACHINE_COLUMNS, PHASE_COLUMN, READABLE_MACHINE_KEYS, SCHEDULE_COLUMNS,
  type MachineColumnKey, type ScheduleColumn, type VisibleColumnKey,
} from '@/io/schedule-table/schedule-columns'
import { buildScheduleRows, scheduleFileBaseName, type ScheduleRange, type ScheduleRow } from '@/io/schedule-table/schedule-rows'

export const CSV_MIME_TYPE = 'text/csv;charset=utf-8'
const BOM = '\uFEFF'
const CSV_DELIMITERS = [',', ';', '\t', '|']
const DELIMITER_CODES = CSV_DELIMITERS.map((d) => d.charCodeAt(0))

export type CsvImportError = 'tooLarge' | 'empty' | 'notCsv' | 'notUtf8'
export type ParseCsvResult = OwnSheetResult | ForeignSheetResult | TooManyRows | { ok: false; error: CsvImportError }

export interface CsvImportOptions {
  /** Rows read so far, of how many (see `ImportProgress`). */
  onProgress?: ImportProgress
}

export interface CsvExportOptions {
  tasks: readonly Task[]
  language: Language
  /** The export's days: a series lists only its occurrences touching them (see `scheduleRangeOfScope`). */
  range?: ScheduleRange | null
}

interface CsvColumn {
  column: ScheduleColumn
  /** The cell's text, not yet neutralised. */
  cell: (row: ScheduleRow) => string
}

const visible = (key: VisibleColumnKey): CsvColumn => ({
  column: SCHEDULE_COLUMNS.find((c) => c.key === key)!,
  cell: (row) => row.display[key],
})
const machine = (column: ScheduleColumn<MachineColumnKey>): CsvColumn => ({ column, cell: (row) => row.machine[column.key] })
const readable = (key: MachineColumnKey): CsvColumn => machine(MACHINE_COLUMNS.find((c) => c.key === key)!)

/** The CSV's columns in order: the human ones, then the machine ones (see the header comment). */
const CSV_COLUMNS: readonly CsvColumn[] = [
  visible('number'),
  { column: PHASE_COLUMN, cell: (row) => row.phaseName },
  ...(['title', 'from', 'to', 'lead', 'support', 'channel', 'status'] as const).map(visible),
  ...[...READABLE_MACHINE_KEYS].map(readable),
  visible('notes'),
  ...MACHINE_COLUMNS.filter((c) => !READABLE_MACHINE_KEYS.has(c.key)).map(machine),
]

/** The header labels of the CSV, in order. */
export function csvHeader(language: Language): string[] {
  return CSV_COLUMNS.map(({ column }) => columnLabel(column, language))
}

/** The given tasks as CSV text, starting with the BOM. */
export function serializeCsv(plan: Plan, { tasks, language, range = null }: CsvExportOptions): string {
  const data: string[][] = []
  for (const group of buildScheduleRows(plan, tasks, language, { range })) {
    for (const row of group.rows) data.push(CSV_COLUMNS.map(({ cell }) => neutraliseFormula(cell(row))))
  }
  return BOM + Papa.unparse({ fields: csvHeader(language), data }, {
    newline: '\r\n',
    // Neutralised fields are also wrapped in double quotes, as OWASP's CSV-injection advice has it;
    // everything else is quoted only where RFC 4180 needs it.
    quotes: (value: unknown) => typeof value === 'string' && value.startsWith("'"),
    escapeFormulae: false,
  })
}

/**
 * Reads a CSV: our own export (tasks, with errors and warnings by row number) or a foreign sheet
 * (headers, a suggested column mapping and a preview, for `applyCsvMapping`). Never throws; the plan
 * is only read, to match unit and channel names.
 */
export function parseCsv(text: string, plan: Plan, now: EpochMs, options: CsvImportOptions = {}): ParseCsvResult {
  if (typeof text !== 'string') return { ok: false, error: 'notCsv' }
  if (exceedsUtf8Bytes(text, MAX_IMPORT_BYTES)) return { ok: false, error: 'tooLarge' }
  const body = text.startsWith(BOM) ? text.slice(1) : text
  if (body.trim() === '') return { ok: false, error: 'empty' }
  if (looksBinary(body)) return { ok: false, error: 'notCsv' }

  let rows: SheetRow[]
  try {
    const { delimiter, newline } = detectLayout(body)
    const parsed = Papa.parse<string[]>(body, { delimiter, newline, skipEmptyLines: false })
    rows = parsed.data.map((cells, index) => ({ number: index + 1, cells: Array.isArray(cells) ? cells.map(String) : [] }))
    for (const error of parsed.errors) {
      // An unclosed quote swallows the rest of the file into one field: that record is broken.
      const row = error.code === 'MissingQuotes' && typeof error.row === 'number' ? rows[error.row] : undefined
      if (row) row.problem = 'unclosedQuote'
    }
  } catch {
    return { ok: false, error: 'notCsv' }
  }

  const result = interpretSheet(rows, plan, now, { strictWidth: true, onProgress: options.onProgress })
  if (!result) return { ok: false, error: 'empty' }
  // A foreign file saved in a legacy code page (Excel's plain "CSV" on Vietnamese Windows) decodes
  // with replacement characters: say so, rather than offer a mapping of garbled names.
  if (result.ok && result.kind === 'foreign' && body.slice(0, 4096).includes('\uFFFD')) return { ok: false, error: 'notUtf8' }
  return result
}

/** Turns a foreign CSV's rows into new tasks with the user's mapping (see `applyColumnMapping`). */
export const applyCsvMapping = applyColumnMapping

/** `ke-hoach-tuyen-truyen-bau-cu-2021.csv` */
export function csvFileName(plan: Pick<Plan, 'election'>): string {
  return `${scheduleFileBaseName(plan)}.csv`
}

/** How many first non-empty records, and at most how many characters, the delimiter is told from. */
const LAYOUT_SCAN_RECORDS = 10
const LAYOUT_SCAN_CHARS = 64 * 1024

/**
 * The delimiter and line break. The line break is the one that ends the first line; the delimiter is
 * the one found (outside quotes) in the most of the first non-empty records, then the most often:
 * officials' files open with a title line that has no delimiter at all ("KẾ HOẠCH …"), or a comma in
 * its text while the table uses ";". Papaparse could guess too, but it looks at the data only
 * by its first records' field counts, where quoted text full of ";" or line breaks can mislead it.
 */
function detectLayout(text: string): { delimiter: string; newline: '\r\n' | '\n' | '\r' } {
  const lineEnd = text.search(/[\r\n]/)
  const newline = lineEnd < 0 || text[lineEnd] === '\n' ? '\n' : text[lineEnd + 1] === '\n' ? '\r\n' : '\r'
  const records: number[][] = []
  let counts = CSV_DELIMITERS.map(() => 0)
  let blank = true
  let inQuotes = false
  const end = Math.min(text.length, LAYOUT_SCAN_CHARS)
  for (let i = 0; i <= end && records.length < LAYOUT_SCAN_RECORDS; i += 1) {
    const code = i === end ? 0x0a : text.charCodeAt(i)
    if (code === 0x22) inQuotes = !inQuotes // an escaped quote ("") toggles twice
    if (inQuotes) continue
    if (code === 0x0a || code === 0x0d) {
      if (!blank) records.push(counts)
      counts = CSV_DELIMITERS.map(() => 0)
      blank = true
      continue
    }
    const delimiter = DELIMITER_CODES.indexOf(code)
    if (delimiter >= 0) counts[delimiter]! += 1
    if (code > 0x20) blank = false
  }
  let delimiter = ','
  let bestRecords = 0
  let bestTotal = 0
  CSV_DELIMITERS.forEach((candidate, index) => {
    let inRecords = 0
    let total = 0
    for (const record of records) {
      const count = record[index]!
      if (count > 0) inRecords += 1
      total += count
    }
    if (inRecords > bestRecords || (inRecords === bestRecords && total > bestTotal)) {
      delimiter = candidate
      bestRecords = inRecords
      bestTotal = total
    }
  })
  return { delimiter, newline }
}

/**
 * Binary files read as text (XLSX/ZIP, PNG, old .xls, UTF-16) show NUL or other control characters
 * in their first few characters; a CSV's header never does.
 */
function looksBinary(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return text.startsWith('%PDF-') || /[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 64))
}
