/**
 * The plan as CSV: UTF-8 with a byte order mark (without it Excel reads the file as the machine's
 * ANSI code page and garbles Vietnamese), CRLF line ends and RFC 4180 quoting (papaparse), one
 * header row and one record per task (per occurrence for a recurring task: see schedule-rows.ts).
 *
 * Columns: the visible columns of the XLSX sheet (schedule-rows.ts), then "Giai đoạn" — CSV has no
 * merged rows, so the phase a task is grouped under becomes a column of its own instead of a header
 * row — then the machine columns, plain and trailing, that let our own file read back without loss.
 * Every text field is neutralised against formula injection.
 *
 * Import takes the file's text (the caller reads it as UTF-8 and should refuse a File over
 * MAX_IMPORT_BYTES before reading it at all). The delimiter is detected from the header line, since
 * Excel in a Vietnamese locale writes ";" (the decimal separator there is ",").
 */
import Papa from 'papaparse'
import type { Language } from '@/domain/dates/format-date'
import type { EpochMs, Plan, Task } from '@/domain/types'
import {
  applyColumnMapping, interpretSheet, MAX_IMPORT_BYTES,
  type ForeignSheetResult, type OwnSheetResult, type SheetRow,
} from '@/io/schedule-table/schedule-import'
import {
  buildScheduleRows, columnLabel, MACHINE_COLUMNS, neutraliseFormula, PHASE_COLUMN, SCHEDULE_COLUMNS, scheduleFileBaseName,
  type ScheduleRange,
} from '@/io/schedule-table/schedule-rows'

export const CSV_MIME_TYPE = 'text/csv;charset=utf-8'
const BOM = '\uFEFF'
const CSV_DELIMITERS = [',', ';', '\t', '|']

export type CsvImportError = 'tooLarge' | 'empty' | 'notCsv' | 'notUtf8'
export type ParseCsvResult = OwnSheetResult | ForeignSheetResult | { ok: false; error: CsvImportError }

export interface CsvExportOptions {
  tasks: readonly Task[]
  language: Language
  /** The export's days: a series lists only its occurrences touching them (see `scheduleRangeOfScope`). */
  range?: ScheduleRange | null
}

/** The header labels of the CSV, in order. */
export function csvHeader(language: Language): string[] {
  return [...SCHEDULE_COLUMNS, PHASE_COLUMN, ...MACHINE_COLUMNS].map((column) => columnLabel(column, language))
}

/** The given tasks as CSV text, starting with the BOM. */
export function serializeCsv(plan: Plan, { tasks, language, range = null }: CsvExportOptions): string {
  const data: string[][] = []
  for (const group of buildScheduleRows(plan, tasks, language, { range })) {
    for (const row of group.rows) {
      const record: string[] = []
      for (const column of SCHEDULE_COLUMNS) record.push(neutraliseFormula(row.display[column.key]))
      record.push(neutraliseFormula(row.phaseName))
      for (const column of MACHINE_COLUMNS) record.push(neutraliseFormula(row.machine[column.key]))
      data.push(record)
    }
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
export function parseCsv(text: string, plan: Plan, now: EpochMs): ParseCsvResult {
  if (typeof text !== 'string') return { ok: false, error: 'notCsv' }
  if (utf8ByteLength(text) > MAX_IMPORT_BYTES) return { ok: false, error: 'tooLarge' }
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

  const result = interpretSheet(rows, plan, now, { strictWidth: true })
  if (!result) return { ok: false, error: 'empty' }
  // A foreign file saved in a legacy code page (Excel's plain "CSV" on Vietnamese Windows) decodes
  // with replacement characters: say so, rather than offer a mapping of garbled names.
  if (result.kind === 'foreign' && body.slice(0, 4096).includes('\uFFFD')) return { ok: false, error: 'notUtf8' }
  return result
}

/** Turns a foreign CSV's rows into new tasks with the user's mapping (see `applyColumnMapping`). */
export const applyCsvMapping = applyColumnMapping

/** `ke-hoach-tuyen-truyen-bau-cu-2021.csv` */
export function csvFileName(plan: Pick<Plan, 'election'>): string {
  return `${scheduleFileBaseName(plan)}.csv`
}

/**
 * The delimiter and line break, taken from the header line: the delimiter it has most of, and the
 * line break that ends it. Papaparse could guess both, but its guesses look at the data too, where
 * quoted text full of ";" or line breaks can mislead them; a header is short and plain.
 */
function detectLayout(text: string): { delimiter: string; newline: '\r\n' | '\n' | '\r' } {
  const lineEnd = text.search(/[\r\n]/)
  const firstLine = lineEnd < 0 ? text : text.slice(0, lineEnd)
  const newline = lineEnd < 0 || text[lineEnd] === '\n' ? '\n' : text[lineEnd + 1] === '\n' ? '\r\n' : '\r'
  let delimiter = ','
  let most = 0
  for (const candidate of CSV_DELIMITERS) {
    const count = firstLine.split(candidate).length - 1
    if (count > most) {
      most = count
      delimiter = candidate
    }
  }
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

/** UTF-8 size of a string without encoding it (every UTF-16 unit is at least one byte). */
function utf8ByteLength(text: string): number {
  if (text.length > MAX_IMPORT_BYTES) return text.length
  let bytes = 0
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4 // a surrogate pair
      i += 1
    } else bytes += 3
  }
  return bytes
}
