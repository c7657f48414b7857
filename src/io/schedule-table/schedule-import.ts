/**
 * Reading a table (a CSV's records, an XLSX sheet's rows, as text cells) back into tasks. Shared by
 * the CSV and XLSX importers so that both read the same columns the same way.
 *
 * - Our own export is recognised by its machine column labels (in either language). Its rows are
 *   rebuilt from the machine cells and checked against the visible ones: when someone changed a date,
 *   a title or a unit in the spreadsheet, the visible cell wins (that is what they meant) and the
 *   task's `updatedAt` becomes `now` so the edit is newer than the copy in the app.
 * - Any other sheet is "foreign": we suggest a column mapping from its header names and turn its rows
 *   into new tasks once the user has confirmed the mapping (`applyColumnMapping`).
 *
 * Every task goes through `restoreTask` (style rule 15). Nothing here throws or touches the plan it is
 * given: the caller decides what to do with the tasks. Row numbers are 1-based and are the numbers a
 * spreadsheet shows (the header of a CSV is row 1), so a message can say "row 14" and be found.
 */
import { addDays, datePart, daysInMonth, diffDays, fromMinuteNumber, isValidLocalDate, isValidLocalDateTime, timePart, toMinuteNumber } from '@/domain/dates/local-date'
import { reanchor } from '@/domain/plan/anchors'
import { canonicalJson } from '@/domain/plan/canonical-json'
import { newId } from '@/domain/plan/ids'
import { restoreTask } from '@/domain/plan/restore-plan'
import { shiftRecurrence } from '@/domain/plan/recurrence'
import { ADMIN_LEVELS, TASK_STATUSES, type EpochMs, type LocalDate, type Plan, type Task, type TaskAnchor, type TaskStatus, type Unit } from '@/domain/types'
import {
  MACHINE_COLUMNS, MAPPED_FIELDS, OWN_FILE_MARKER_COLUMNS, PHASE_COLUMN, SCHEDULE_COLUMNS, STATUS_LABELS,
  matchColumnHeader, normaliseForMatching, readSeriesRowDates, restoreNeutralisedText, seriesBoundsFromRow,
  type MachineColumnKey, type MappedField, type ScheduleColumn, type VisibleColumnKey,
} from '@/io/schedule-table/schedule-rows'
import { removeRecurrenceNote } from '@/io/schedule-table/recurrence-text'

/** Files over this size are refused before they are read (the issue's limit: 20 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
/** How many data rows a foreign sheet's mapping preview shows. */
export const FOREIGN_PREVIEW_ROWS = 10
/** The header is looked for in this many first non-empty rows (officials' sheets start with titles). */
const HEADER_SCAN_ROWS = 30
/** Sample values of a foreign column are taken from this many first data rows. */
const SAMPLE_SCAN_ROWS = 200
const SAMPLES_PER_COLUMN = 3
/** A foreign timed task with no end lasts this long. */
const DEFAULT_TIMED_LENGTH_MINUTES = 60

/** One row of a sheet: its number as the spreadsheet shows it, and its cells as text. */
export interface SheetRow {
  number: number
  cells: string[]
  /** Set by the file reader when the row itself is broken (an unclosed quote in a CSV). */
  problem?: RowProblem
}

/** Why a row was not imported (errors) or was imported with something left out (warnings). */
export type RowProblem =
  // errors: the row is not imported
  | 'missingTitle'
  | 'missingStart'
  | 'invalidStart'
  | 'invalidEnd'
  | 'endBeforeStart'
  | 'invalidTask'
  | 'unclosedQuote'
  | 'wrongFieldCount'
  // warnings: the row is imported without the named part
  | 'unknownUnit'
  | 'unknownChannel'
  | 'unknownStatus'
  | 'invalidAnchor'
  | 'invalidTraining'
  | 'invalidSource'
  | 'invalidOtherData'
  | 'duplicateId'
  | 'sectionHeading'

export interface RowIssue {
  /** 1-based row number as the spreadsheet shows it. */
  row: number
  message: RowProblem
  /** The offending text (a date that could not be read, an unknown unit name…), when there is one. */
  detail?: string
}

export interface OwnSheetResult {
  ok: true
  kind: 'own'
  tasks: Task[]
  errors: RowIssue[]
  warnings: RowIssue[]
}

/** Column index → the task field it fills, or null to ignore the column. */
export type ColumnMapping = Record<number, MappedField | null>

export interface ForeignSheetResult {
  ok: true
  kind: 'foreign'
  headers: string[]
  /** Row number of the header row (1 unless the sheet starts with a title). */
  headerRow: number
  suggestedMapping: ColumnMapping
  /** The first data rows, each as long as `headers`. */
  preview: string[][]
  /** Every data row, for `applyColumnMapping`. */
  rows: SheetRow[]
  /** Every non-empty row of the sheet, header and title rows too: `readForeignSheet` reads them again with another header row. */
  sheetRows: SheetRow[]
  /** A second header row merged into the first ("Thời gian" over "Từ ngày | Đến ngày"), or null. */
  subHeaderRow: number | null
  /** Up to three non-empty values of each column, to show what the column holds. */
  samples: string[][]
}

export type MappingResult =
  | {
    ok: true; tasks: Task[]; errors: RowIssue[]; warnings: RowIssue[]
    /** The sheet row each task came from (same order as `tasks`). */
    rowNumbers: number[]
    /** Units the sheet names that the plan lacks (only with `addUnknownUnits`); tasks refer to them. */
    newUnits: Unit[]
  }
  | { ok: false; error: 'mappingIncomplete'; missing: MappedField[] }

/** A foreign sheet cannot be imported without these. */
export const REQUIRED_MAPPED_FIELDS: readonly MappedField[] = ['title', 'start']

export interface InterpretOptions {
  /** CSV: every record must have as many fields as the header (a missing or extra separator shifts cells). */
  strictWidth?: boolean
}

type OwnColumnKey = VisibleColumnKey | 'phase' | MachineColumnKey

const OWN_LABELS: ReadonlyMap<string, OwnColumnKey> = new Map(
  ([...SCHEDULE_COLUMNS, PHASE_COLUMN, ...MACHINE_COLUMNS] as ScheduleColumn<OwnColumnKey>[]).flatMap((c) => [
    [normaliseForMatching(c.vi), c.key] as const,
    [normaliseForMatching(c.en), c.key] as const,
  ]),
)

/**
 * Decides what a sheet is and reads it: our own export (tasks), a foreign sheet (headers and a
 * suggested mapping), or null when it has no non-empty row at all.
 */
export function interpretSheet(
  rows: readonly SheetRow[], plan: Plan, now: EpochMs, options: InterpretOptions = {},
): OwnSheetResult | ForeignSheetResult | null {
  const nonEmpty = rows.filter((row) => !isBlankRow(row.cells))
  if (nonEmpty.length === 0) return null
  const scanned = nonEmpty.slice(0, HEADER_SCAN_ROWS)

  for (let i = 0; i < scanned.length; i += 1) {
    const columns = ownColumns(scanned[i]!.cells)
    if (columns) return readOwnRows(nonEmpty[i]!, nonEmpty.slice(i + 1), columns, plan, now, options)
  }

  return readForeignSheet(nonEmpty)
}

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
 * Names officials give columns that the shared header phrases (schedule-rows.ts) leave out:
 * "Đơn vị/cá nhân thực hiện", "Trách nhiệm", "Đơn vị phụ trách", "Phân công", "Đầu mối" name who
 * leads. Only asked when those phrases find nothing, so "Thời gian thực hiện" stays a date.
 */
const EXTRA_HEADER_PHRASES: readonly (readonly [MappedField, readonly string[]])[] = [
  ['location', ['noi to chuc', 'noi dien ra']],
  ['lead', ['thuc hien', 'trach nhiem', 'phu trach', 'phan cong', 'dau moi']],
]

/** The task field a foreign column's header names, or null (also used for sub-header rows). */
export function suggestColumnField(header: string): MappedField | null {
  const field = matchColumnHeader(header)
  if (field !== null) return field
  const padded = ` ${normaliseForMatching(header)} `
  if (padded.trim() === '') return null
  for (const [candidate, phrases] of EXTRA_HEADER_PHRASES) {
    if (phrases.some((phrase) => padded.includes(` ${phrase} `))) return candidate
  }
  return null
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
  const context = new ImportContext(plan, now, options.addUnknownUnits === true)
  const rowNumbers: number[] = []
  const columns = Object.entries(mapping)
    .filter((entry): entry is [string, MappedField] => entry[1] !== null && (MAPPED_FIELDS as readonly string[]).includes(entry[1]))
    .map(([index, field]) => [Number(index), field] as const)
  rows.forEach((input, index) => {
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

// ── Own files ───────────────────────────────────────────────────────────────────────────────────

function ownColumns(cells: readonly string[]): Map<OwnColumnKey, number> | null {
  const columns = new Map<OwnColumnKey, number>()
  cells.forEach((cell, index) => {
    const key = OWN_LABELS.get(normaliseForMatching(cell))
    if (key !== undefined && !columns.has(key)) columns.set(key, index)
  })
  return OWN_FILE_MARKER_COLUMNS.every((key) => columns.has(key)) ? columns : null
}

function readOwnRows(
  header: SheetRow, rows: readonly SheetRow[], columns: ReadonlyMap<OwnColumnKey, number>, plan: Plan, now: EpochMs, options: InterpretOptions,
): OwnSheetResult {
  const context = new ImportContext(plan, now)
  for (const row of rows) {
    if (row.problem) context.error(row.number, row.problem)
    else if (options.strictWidth && row.cells.length !== header.cells.length) context.error(row.number, 'wrongFieldCount')
    else {
      const task = context.readOwnRow(row, columns)
      if (task) context.tasks.push(task)
    }
  }
  const result = context.result()
  return { ok: true, kind: 'own', tasks: result.tasks, errors: result.errors, warnings: result.warnings }
}

// ── Reading rows ────────────────────────────────────────────────────────────────────────────────

class ImportContext {
  readonly tasks: Task[] = []
  private readonly errors: RowIssue[] = []
  private readonly warnings: RowIssue[] = []
  private readonly seenIds = new Set<string>()
  private readonly units: NameIndex
  private readonly channels: NameIndex
  private readonly plan: Plan
  private readonly now: EpochMs
  /** See `MappingOptions.addUnknownUnits`. */
  private readonly addUnknownUnits: boolean
  readonly newUnits: Unit[] = []

  constructor(plan: Plan, now: EpochMs, addUnknownUnits = false) {
    this.plan = plan
    this.now = now
    this.addUnknownUnits = addUnknownUnits
    this.units = new NameIndex(plan.units.map((u) => [u.id, [u.name]]))
    this.channels = new NameIndex(plan.channels.map((c) => [c.id, [c.name, c.nameEn]]))
  }

  error(row: number, message: RowProblem, detail?: string): null {
    this.errors.push(detail === undefined ? { row, message } : { row, message, detail })
    return null
  }

  warn(row: number, message: RowProblem, detail?: string): void {
    this.warnings.push(detail === undefined ? { row, message } : { row, message, detail })
  }

  result(): { ok: true; tasks: Task[]; errors: RowIssue[]; warnings: RowIssue[] } {
    const byRow = (a: RowIssue, b: RowIssue) => a.row - b.row
    return { ok: true, tasks: this.tasks, errors: [...this.errors].sort(byRow), warnings: [...this.warnings].sort(byRow) }
  }

  /** A row of our own export: machine cells for what they carry, visible cells for what people see. */
  readOwnRow(row: SheetRow, columns: ReadonlyMap<OwnColumnKey, number>): Task | null {
    const cell = (key: OwnColumnKey): string => {
      const index = columns.get(key)
      return index === undefined ? '' : restoreNeutralisedText(row.cells[index] ?? '')
    }
    const id = cell('id').trim()
    // Another occurrence of a series (schedule-rows.ts): the series is read from its own row, the one with the id.
    if (id === '' && cell('occurrenceOf').trim() !== '') return null
    if (id === '') {
      // A row someone added in the spreadsheet: only its visible cells mean anything.
      return this.readVisibleRow(row.number, {
        title: cell('title').trim(), start: cell('from').trim(), end: cell('to').trim(), lead: cell('lead').trim(),
        support: cell('support').trim(), channel: cell('channel').trim(), status: cell('status').trim(),
        description: cell('notes').trim(), location: cell('location').trim(), quantity: cell('quantity').trim(),
      })
    }

    // A series' row may show a later or moved occurrence: its visible dates are read against that one.
    const series = readSeriesRowDates(cell('occurrenceOf'), id, cell('start').trim(), cell('end').trim(), cell('other'))
    const shown = readOwnBounds(cell('from'), cell('to'), series?.shown.start ?? cell('start').trim(), series?.shown.end ?? cell('end').trim(), cell('allDay').trim())
    const bounds = series && shown.ok ? seriesBoundsFromRow(series, shown) : shown
    if (!bounds.ok) return this.error(row.number, bounds.problem, bounds.detail)

    const anchor = this.readJson(row.number, cell('anchor'), 'invalidAnchor', { type: 'fixed' })
    const training = this.readJson(row.number, cell('training'), 'invalidTraining', null)
    const source = this.readJson(row.number, cell('source'), 'invalidSource', null)
    const otherValue = this.readJson(row.number, cell('other'), 'invalidOtherData', null)
    const other = isPlainObject(otherValue) ? otherValue : {}
    const level = cell('level').trim()

    const raw = {
      ...other,
      id,
      title: cell('title'),
      allDay: bounds.allDay,
      start: bounds.start,
      end: bounds.end,
      anchor: bounds.edited || bounds.fromVisible ? reanchor(asAnchor(anchor), bounds.start, this.plan.election) : anchor,
      ...this.readLinks(row.number, cell('lead').trim(), cell('support'), cell('channel').trim()),
      location: cell('location'),
      quantity: cell('quantity'),
      status: this.readStatus(row.number, cell('status').trim()),
      description: cell('notes'),
      training,
      level: (ADMIN_LEVELS as readonly string[]).includes(level) ? level : null,
      source,
      createdAt: readInstant(cell('createdAt'), this.now),
      updatedAt: bounds.edited ? this.now : readInstant(cell('updatedAt'), this.now),
    }
    // A series' notes end with its rule in words, added by the export.
    const restored = removeRecurrenceNote(restoreTask(raw))
    // An edited start moves the whole series: its end date, weekdays and exceptions move with it.
    const ownStart = cell('start').trim()
    const task = restored?.recurrence && (bounds.edited || bounds.fromVisible) && ownStart.length >= 10 && datePart(ownStart) !== datePart(restored.start)
      ? { ...restored, recurrence: shiftRecurrence(restored.recurrence, diffDays(datePart(ownStart), datePart(restored.start))) }
      : restored
    if (!task) return this.error(row.number, 'invalidTask')
    if (canonicalJson(task.anchor) !== canonicalJson(anchor) && !bounds.edited && !bounds.fromVisible) this.warn(row.number, 'invalidAnchor', cell('anchor'))
    return this.claimId(row.number, this.stampIfEdited(task))
  }

  /** A row read from visible cells only (a foreign sheet, or a row added to our own): a new task. */
  readVisibleRow(rowNumber: number, values: Partial<Record<MappedField, string>>): Task | null {
    const title = values.title ?? ''
    if (title === '') return this.error(rowNumber, 'missingTitle')
    const startText = values.start ?? ''
    if (startText === '') return this.error(rowNumber, 'missingStart')
    const range = parseDateRangeText(startText)
    if (!range) return this.error(rowNumber, 'invalidStart', startText)
    let to = range.to
    if (values.end) {
      to = parseDateTimeText(values.end)
      if (!to) return this.error(rowNumber, 'invalidEnd', values.end)
    }
    const bounds = foreignBounds(range.from, to)
    if (!bounds) return this.error(rowNumber, 'endBeforeStart', to ? `${startText} → ${values.end ?? ''}` : startText)
    const task = restoreTask({
      id: newId('task'),
      title,
      allDay: bounds.allDay,
      start: bounds.start,
      end: bounds.end,
      anchor: { type: 'fixed' },
      ...this.readLinks(rowNumber, values.lead ?? '', values.support ?? '', values.channel ?? ''),
      location: values.location ?? '',
      quantity: values.quantity ?? '',
      status: this.readStatus(rowNumber, values.status ?? ''),
      description: values.description ?? '',
      training: null,
      level: null,
      source: null,
      createdAt: this.now,
      updatedAt: this.now,
    })
    if (!task) return this.error(rowNumber, 'invalidTask')
    this.seenIds.add(task.id)
    return task
  }

  private readLinks(rowNumber: number, lead: string, support: string, channel: string) {
    if (this.addUnknownUnits) return { ...this.readForeignUnits(lead, support), channelId: this.readChannel(rowNumber, channel) }
    let leadUnitId: string | null = null
    if (lead !== '') {
      leadUnitId = this.units.find(lead)
      if (leadUnitId === null) this.warn(rowNumber, 'unknownUnit', lead)
    }
    const supportUnitIds: string[] = []
    for (const part of splitNames(support, this.units)) {
      if (part.id === null) this.warn(rowNumber, 'unknownUnit', part.name)
      else if (!supportUnitIds.includes(part.id)) supportUnitIds.push(part.id)
    }
    return { leadUnitId, supportUnitIds, channelId: this.readChannel(rowNumber, channel) }
  }

  private readChannel(rowNumber: number, channel: string): string | null {
    if (channel === '') return null
    const channelId = this.channels.find(channel)
    if (channelId === null) this.warn(rowNumber, 'unknownChannel', channel)
    return channelId
  }

  /**
   * A foreign row's units, adding the ones the plan lacks. The lead cell may name several units
   * ("Sở Thông tin và Truyền thông, Đài PT-TH tỉnh"): the first leads, the others support.
   */
  private readForeignUnits(lead: string, support: string): { leadUnitId: string | null; supportUnitIds: string[] } {
    const idOf = (part: { name: string; id: string | null }) => part.id ?? this.addUnit(part.name)
    const [leadUnitId = null, ...others] = splitNames(lead, this.units, true).map(idOf)
    const supportUnitIds: string[] = []
    for (const id of [...others, ...splitNames(support, this.units, true).map(idOf)]) {
      if (id !== leadUnitId && !supportUnitIds.includes(id)) supportUnitIds.push(id)
    }
    return { leadUnitId, supportUnitIds }
  }

  private addUnit(name: string): string {
    const unit: Unit = { id: newId('unit'), name, updatedAt: this.now }
    this.newUnits.push(unit)
    this.units.add(unit.id, name)
    return unit.id
  }

  private readStatus(rowNumber: number, text: string): TaskStatus {
    if (text === '') return 'planned'
    const status = parseStatusText(text)
    if (status === null) this.warn(rowNumber, 'unknownStatus', text)
    return status ?? 'planned'
  }

  private readJson(rowNumber: number, text: string, problem: RowProblem, fallback: unknown): unknown {
    if (text.trim() === '') return fallback
    try {
      return JSON.parse(text) as unknown
    } catch {
      this.warn(rowNumber, problem, text)
      return fallback
    }
  }

  /**
   * The sheet is a copy of the plan's task at the same version (same `updatedAt`) but says something
   * else: it was edited in the spreadsheet, so it is newer than the app's copy. (A sheet older than
   * the app's copy keeps its own stamp: whoever merges decides.)
   */
  private stampIfEdited(task: Task): Task {
    const current = Object.prototype.hasOwnProperty.call(this.plan.tasks, task.id) ? this.plan.tasks[task.id] : undefined
    if (current && current.updatedAt === task.updatedAt && canonicalJson(current) !== canonicalJson(task)) {
      return { ...task, updatedAt: this.now }
    }
    return task
  }

  /** A copied row repeats its task's id: the copy becomes a task of its own. */
  private claimId(rowNumber: number, task: Task): Task {
    if (!this.seenIds.has(task.id)) {
      this.seenIds.add(task.id)
      return task
    }
    this.warn(rowNumber, 'duplicateId', task.id)
    const copy = { ...task, id: newId('task'), createdAt: this.now, updatedAt: this.now }
    this.seenIds.add(copy.id)
    return copy
  }
}

type Bounds = { allDay: boolean; start: string; end: string }
/**
 * `edited`: the visible dates differ from intact machine ones, so someone changed them in the sheet.
 * `fromVisible`: the machine cells were unreadable (Excel turns "2021-04-01" into its own date format
 * when it saves a CSV), so the dates come from the visible cells, which is not by itself an edit.
 */
type OwnBounds = ({ ok: true; edited: boolean; fromVisible: boolean } & Bounds) | { ok: false; problem: RowProblem; detail?: string }

/**
 * An own row's dates: the machine bounds, unless the visible "from"/"to" cells say otherwise (then
 * someone edited them: they win, and the task stays all-day or timed as it was).
 */
function readOwnBounds(fromText: string, toText: string, machineStart: string, machineEnd: string, allDayText: string): OwnBounds {
  const from = fromText.trim() === '' ? null : parseDateTimeText(fromText)
  if (fromText.trim() !== '' && !from) return { ok: false, problem: 'invalidStart', detail: fromText.trim() }
  const to = toText.trim() === '' ? null : parseDateTimeText(toText)
  if (toText.trim() !== '' && !to) return { ok: false, problem: 'invalidEnd', detail: toText.trim() }

  const allDay = allDayText === '1' ? true : allDayText === '0' ? false : machineStart.length <= 10
  const isValidBound = allDay ? isValidLocalDate : isValidLocalDateTime
  if (isValidBound(machineStart) && isValidBound(machineEnd) && (allDay ? machineEnd > machineStart : machineEnd >= machineStart)) {
    const startTime = allDay ? null : timePart(machineStart)
    const endTime = allDay ? null : timePart(machineEnd)
    const lastShown = allDay ? addDays(machineEnd, -1) : datePart(machineEnd)
    const fromSame = from === null || sameMoment(from, datePart(machineStart), startTime)
    const toSame = to === null || sameMoment(to, lastShown, endTime)
    if (fromSame && toSame) return { ok: true, edited: false, fromVisible: false, allDay, start: machineStart, end: machineEnd }
    const start = fromSame ? machineStart : composeBound(from!, allDay, startTime)
    const end = toSame ? machineEnd : allDay ? addDays(to!.date, 1) : composeBound(to!, false, endTime)
    if (allDay ? end <= start : end < start) return { ok: false, problem: 'endBeforeStart', detail: `${fromText.trim()} → ${toText.trim()}` }
    return { ok: true, edited: true, fromVisible: false, allDay, start, end }
  }
  // The machine cells are gone or broken: the visible cells are all there is.
  if (!from) return { ok: false, problem: fromText.trim() === '' && machineStart === '' ? 'missingStart' : 'invalidStart', detail: machineStart || undefined }
  const bounds = foreignBounds(from, to)
  if (!bounds) return { ok: false, problem: 'endBeforeStart', detail: `${fromText.trim()} → ${toText.trim()}` }
  return { ok: true, edited: false, fromVisible: true, ...bounds }
}

/** A shown date (and time) is the bound's, where a missing time means midnight. */
function sameMoment(shown: DateTimeValue, date: LocalDate, time: string | null): boolean {
  if (shown.date !== date) return false
  return time === null ? shown.time === null || shown.time === '00:00' : (shown.time ?? '00:00') === time
}

function composeBound(value: DateTimeValue, allDay: boolean, fallbackTime: string | null): string {
  return allDay ? value.date : `${value.date}T${value.time ?? fallbackTime ?? '00:00'}`
}

/** Bounds of a task read from a start (and maybe end) a person wrote; null when the end is before the start. */
function foreignBounds(from: DateTimeValue, to: DateTimeValue | null): Bounds | null {
  if (from.time === null) {
    const end = addDays(to ? to.date : from.date, 1)
    return end > from.date ? { allDay: true, start: from.date, end } : null
  }
  const start = `${from.date}T${from.time}`
  let end: string
  if (to === null || (to.time === null && to.date === from.date)) {
    end = fromMinuteNumber(toMinuteNumber(start) + DEFAULT_TIMED_LENGTH_MINUTES)
  } else {
    end = `${to.date}T${to.time ?? from.time}`
  }
  return end >= start ? { allDay: false, start, end } : null
}

// ── Dates people write ──────────────────────────────────────────────────────────────────────────

export interface DateTimeValue {
  date: LocalDate
  /** `HH:mm`, or null when only a day was given. */
  time: string | null
}

const TIME_PATTERN = String.raw`(\d{1,2})(?::(\d{2})(?::\d{2}(?:\.\d+)?)?|h(\d{2})?)`
const LEADING_TIME = new RegExp(String.raw`^${TIME_PATTERN}(?:,\s*|\s+)(?:(?:lúc|ngày)\s+)?`, 'iu')
const DAY_PREFIX = /^(?:(?:cn|chủ nhật|t[2-7]|thứ\s+\S+|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:ngày\s+)?/iu
const DATE_WITH_TIME = new RegExp(
  String.raw`^(?:(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})|(\d{4})-(\d{1,2})-(\d{1,2}))(?:(?:T|\s+|,\s*)(?:lúc\s+)?${TIME_PATTERN})?$`,
  'iu',
)

/**
 * Reads a date people write: `30/03/2021`, `30/3/2021`, `30.03.2021`, `2021-03-30`, with an optional
 * weekday or "ngày" in front and an optional time (`30/03/2021 08:00`, `2021-03-30T08:00`,
 * `8h30 ngày 30/3/2021`), or an Excel day number (`44286`). Null when it is not a real date and time.
 */
export function parseDateTimeText(text: string): DateTimeValue | null {
  let rest = text.trim().replace(/\s+/g, ' ')
  let time: string | null = null
  const leading = LEADING_TIME.exec(rest)
  if (leading) {
    time = toTime(leading[1], leading[2] ?? leading[3])
    if (time === null) return null
    rest = rest.slice(leading[0].length)
  }
  rest = rest.replace(DAY_PREFIX, '')
  const match = DATE_WITH_TIME.exec(rest)
  if (!match) return time === null ? parseExcelDayNumber(rest) : null
  const date = match[1] !== undefined
    ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1].padStart(2, '0')}`
    : `${match[4]}-${match[5]!.padStart(2, '0')}-${match[6]!.padStart(2, '0')}`
  if (!isValidLocalDate(date)) return null
  if (match[7] !== undefined) {
    if (time !== null) return null // two times
    time = toTime(match[7], match[8] ?? match[9])
    if (time === null) return null
  }
  return { date, time }
}

function toTime(hours: string | undefined, minutes: string | undefined): string | null {
  const h = Number(hours)
  const m = minutes === undefined ? 0 : Number(minutes)
  if (!Number.isInteger(h) || h > 23 || m > 59) return null
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
}

/** Excel's day 25569 is 1970-01-01; days 20000–80000 are the years 1954–2119. */
const EXCEL_UNIX_EPOCH_DAY = 25569
const EXCEL_DAY_NUMBER = /^([2-7]\d{4})(?:\.(\d+))?$/

/**
 * An Excel date as its day number ("44287", "44287.375"): what a date cell becomes when the sheet
 * was saved with the cell formatted as a number. Only five-digit numbers of plausible years count.
 */
function parseExcelDayNumber(text: string): DateTimeValue | null {
  const match = EXCEL_DAY_NUMBER.exec(text)
  if (!match) return null
  const date = addDays('1970-01-01', Number(match[1]) - EXCEL_UNIX_EPOCH_DAY)
  const minutes = match[2] === undefined ? 0 : Math.round(Number(`0.${match[2]}`) * 24 * 60)
  if (minutes === 0 || minutes >= 24 * 60) return { date, time: null }
  return { date, time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}` }
}

const RANGE_SEPARATOR = /\s*(?:–|—|→|~|\s-\s|-|\s(?:đến|den|to|until)\s)\s*/giu
const DAY_MONTH_ONLY = /^(?:(?:từ|tu|from)\s+)?(?:ngày\s+)?(\d{1,2})[/.](\d{1,2})$/iu
const DAY_ONLY = /^(?:(?:từ|tu|from)\s+)?(?:ngày\s+)?(\d{1,2})$/iu
const MONTH_WORD = String.raw`(?:tháng|thang|th\.?|month)`
/** "Tháng 4/2021", "tháng 04 năm 2021", "4/2021", "Tháng 4 - 5/2021", "tháng 4 đến tháng 5/2021". */
const MONTH_PERIOD = new RegExp(
  String.raw`^(?:(?:trong|in)\s+)?(?:${MONTH_WORD}\s*)?(\d{1,2})(?:\s*(?:–|—|-|đến|den|to)\s*(?:${MONTH_WORD}\s*)?(\d{1,2}))?\s*(?:/|-|\.|\s+(?:năm|nam)\s+|,?\s+)(\d{4})$`,
  'iu',
)
/** "Quý II/2021", "quý 2 năm 2021", "Q2/2021". */
const QUARTER_PERIOD = /^(?:(?:trong|in)\s+)?(?:quý|quy|q)\s*(i{1,3}|iv|[1-4])\s*(?:\/|-|\s+(?:năm|nam)\s+|,?\s+)(\d{4})$/iu
const QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, 1: 1, 2: 2, 3: 3, 4: 4 }

/** A month or quarter as a whole-day range from its first to its last day. */
function parsePeriodText(text: string): { from: DateTimeValue; to: DateTimeValue } | null {
  let year: number
  let firstMonth: number
  let lastMonth: number
  const month = MONTH_PERIOD.exec(text)
  const quarter = month ? null : QUARTER_PERIOD.exec(text)
  if (month) {
    year = Number(month[3])
    firstMonth = Number(month[1])
    lastMonth = month[2] === undefined ? firstMonth : Number(month[2])
  } else if (quarter) {
    year = Number(quarter[2])
    firstMonth = (QUARTERS[quarter[1]!.toLowerCase()]! - 1) * 3 + 1
    lastMonth = firstMonth + 2
  } else return null
  if (firstMonth < 1 || lastMonth > 12 || lastMonth < firstMonth) return null
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    from: { date: `${year}-${pad(firstMonth)}-01`, time: null },
    to: { date: `${year}-${pad(lastMonth)}-${pad(daysInMonth(year, lastMonth))}`, time: null },
  }
}

/**
 * A single date or a range "from – to" (en dash, hyphen, "đến", "to"); the first date may leave out
 * its year ("01/4 – 23/5/2021") or its month too ("01 - 30/4/2021"). A month or a quarter ("Tháng
 * 4/2021", "Tháng 4 - 5/2021", "Quý II/2021") is the range of its days. Null when none reads.
 */
export function parseDateRangeText(text: string): { from: DateTimeValue; to: DateTimeValue | null } | null {
  const trimmed = text.trim().replace(/^(?:từ|tu|from)\s+/iu, '')
  const single = parseDateTimeText(trimmed)
  if (single) return { from: single, to: null }
  for (const separator of trimmed.matchAll(RANGE_SEPARATOR)) {
    const left = trimmed.slice(0, separator.index)
    const right = trimmed.slice(separator.index + separator[0].length)
    const to = parseDateTimeText(right)
    if (!to) continue
    let from = parseDateTimeText(left)
    const dayMonth = from ? null : DAY_MONTH_ONLY.exec(left.trim())
    if (!from && dayMonth) from = parseDateTimeText(`${dayMonth[1]}/${dayMonth[2]}/${to.date.slice(0, 4)}`)
    // "01 - 30/4/2021": the first day takes the month and year of the second.
    const dayOnly = from ? null : DAY_ONLY.exec(left.trim())
    if (!from && dayOnly) from = parseDateTimeText(`${dayOnly[1]}/${to.date.slice(5, 7)}/${to.date.slice(0, 4)}`)
    if (from) return { from, to }
  }
  return parsePeriodText(trimmed)
}

// ── Names ───────────────────────────────────────────────────────────────────────────────────────

/**
 * Finds a unit or channel by the name a person wrote: exactly (ignoring case and spacing) first, then
 * without diacritics ("Uỷ ban" and "Ủy ban", or a sheet typed without accents), when that is unique.
 * With two units of the same name the first one is taken.
 */
class NameIndex {
  private readonly exact = new Map<string, string>()
  private readonly loose = new Map<string, string | null>()

  constructor(entries: readonly (readonly [string, readonly string[]])[]) {
    for (const [id, names] of entries) {
      for (const name of names) this.add(id, name)
    }
  }

  add(id: string, name: string): void {
    if (name.trim() === '') return
    const exactKey = exactName(name)
    if (!this.exact.has(exactKey)) this.exact.set(exactKey, id)
    const looseKey = normaliseForMatching(name)
    const known = this.loose.get(looseKey)
    this.loose.set(looseKey, known === undefined || known === id ? id : null)
  }

  find(name: string): string | null {
    return this.exact.get(exactName(name)) ?? this.loose.get(normaliseForMatching(name)) ?? null
  }
}

function exactName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()
}

/**
 * Splits "A; B; C" (or one name a line) into names. A unit's own name may hold a ";": consecutive
 * parts that together name a unit are taken together, longest first. With `commas` (a foreign
 * sheet), list bullets ("- ", "+ ") are dropped and a part not known as a whole is also split at
 * commas, around the known units only: a name like "Sở Văn hóa, Thể thao và Du lịch" has commas of
 * its own, so unknown pieces next to each other stay one name.
 */
function splitNames(text: string, index: NameIndex, commas = false): { name: string; id: string | null }[] {
  const found = splitNameParts(text, index, commas)
  return commas ? found.flatMap((part) => (part.id === null && part.name.includes(',') ? splitAtCommas(part.name, index) : [part])) : found
}

function splitAtCommas(text: string, index: NameIndex): { name: string; id: string | null }[] {
  const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '')
  const found: { name: string; id: string | null }[] = []
  let unknown: string[] = []
  const flush = () => {
    if (unknown.length > 0) found.push({ name: unknown.join(', '), id: null })
    unknown = []
  }
  let i = 0
  while (i < parts.length) {
    let j = parts.length
    let id: string | null = null
    for (; j > i; j -= 1) {
      id = index.find(parts.slice(i, j).join(', '))
      if (id !== null) break
    }
    if (id === null) {
      unknown.push(parts[i]!)
      i += 1
    } else {
      flush()
      found.push({ name: parts.slice(i, j).join(', '), id })
      i = j
    }
  }
  flush()
  return found
}

function splitNameParts(text: string, index: NameIndex, commas: boolean): { name: string; id: string | null }[] {
  const parts = text.split(/[;\n]/).map((part) => (commas ? part.trim().replace(/^[-+•*]\s*/u, '').replace(/\s+/g, ' ') : part.trim())).filter((part) => part !== '')
  const found: { name: string; id: string | null }[] = []
  let i = 0
  while (i < parts.length) {
    let matched = false
    for (let j = parts.length; j > i; j -= 1) {
      const name = parts.slice(i, j).join('; ')
      const id = index.find(name)
      if (id !== null) {
        found.push({ name, id })
        i = j
        matched = true
        break
      }
    }
    if (!matched) {
      found.push({ name: parts[i]!, id: null })
      i += 1
    }
  }
  return found
}

const STATUS_WORDS: ReadonlyMap<string, TaskStatus> = new Map<string, TaskStatus>([
  ...TASK_STATUSES.flatMap((status) => [
    [normaliseForMatching(status), status] as const,
    [normaliseForMatching(STATUS_LABELS[status].vi), status] as const,
    [normaliseForMatching(STATUS_LABELS[status].en), status] as const,
  ]),
  ['chua thuc hien', 'planned'], ['chua trien khai', 'planned'], ['ke hoach', 'planned'], ['not started', 'planned'], ['todo', 'planned'], ['to do', 'planned'],
  ['dang trien khai', 'in-progress'], ['dang lam', 'in-progress'], ['ongoing', 'in-progress'],
  ['da hoan thanh', 'done'], ['xong', 'done'], ['da xong', 'done'], ['da thuc hien', 'done'], ['complete', 'done'], ['completed', 'done'], ['finished', 'done'],
  ['huy bo', 'cancelled'], ['da huy', 'cancelled'], ['canceled', 'cancelled'], ['khong thuc hien', 'cancelled'],
])

/** A status as a person wrote it (either language, with or without diacritics), or null. */
export function parseStatusText(text: string): TaskStatus | null {
  return STATUS_WORDS.get(normaliseForMatching(text)) ?? null
}

// ── Small helpers ───────────────────────────────────────────────────────────────────────────────

function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '')
}

function padCells(cells: readonly string[], width: number): string[] {
  const padded = cells.slice(0, width)
  while (padded.length < width) padded.push('')
  return padded
}

function isSheetRow(row: SheetRow | readonly string[]): row is SheetRow {
  return !Array.isArray(row)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The anchor in a cell, when it has the shape of one (the edited-dates path re-anchors it). */
function asAnchor(value: unknown): TaskAnchor {
  if (isPlainObject(value) && Number.isInteger(value.offsetDays)) {
    const offsetDays = value.offsetDays as number
    if (value.type === 'election-day') return { type: 'election-day', offsetDays }
    if (value.type === 'milestone' && typeof value.milestoneId === 'string') return { type: 'milestone', milestoneId: value.milestoneId, offsetDays }
  }
  return { type: 'fixed' }
}

const ISO_INSTANT = /^[+-]?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/

/** A bookkeeping time written by `formatInstant` (an ISO instant, or a plain number of ms). */
function readInstant(text: string, fallback: number): number {
  const trimmed = text.trim()
  if (ISO_INSTANT.test(trimmed)) {
    const ms = Date.parse(trimmed)
    return Number.isFinite(ms) ? ms : fallback
  }
  const n = trimmed === '' ? Number.NaN : Number(trimmed)
  return Number.isFinite(n) ? n : fallback
}
