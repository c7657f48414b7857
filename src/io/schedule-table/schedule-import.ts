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
import { addDays, datePart, fromMinuteNumber, isValidLocalDate, isValidLocalDateTime, timePart, toMinuteNumber } from '@/domain/dates/local-date'
import { reanchor } from '@/domain/plan/anchors'
import { canonicalJson } from '@/domain/plan/canonical-json'
import { newId } from '@/domain/plan/ids'
import { restoreTask } from '@/domain/plan/restore-plan'
import { ADMIN_LEVELS, TASK_STATUSES, type EpochMs, type LocalDate, type Plan, type Task, type TaskAnchor, type TaskStatus } from '@/domain/types'
import {
  MACHINE_COLUMNS, MAPPED_FIELDS, OWN_FILE_MARKER_COLUMNS, PHASE_COLUMN, SCHEDULE_COLUMNS, STATUS_LABELS,
  matchColumnHeader, normaliseForMatching, restoreNeutralisedText,
  type MachineColumnKey, type MappedField, type ScheduleColumn, type VisibleColumnKey,
} from '@/io/schedule-table/schedule-rows'

/** Files over this size are refused before they are read (the issue's limit: 20 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
/** How many data rows a foreign sheet's mapping preview shows. */
export const FOREIGN_PREVIEW_ROWS = 10
/** The header is looked for in this many first non-empty rows (officials' sheets start with titles). */
const HEADER_SCAN_ROWS = 30
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
}

export type MappingResult =
  | { ok: true; tasks: Task[]; errors: RowIssue[]; warnings: RowIssue[] }
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

  const headerIndex = Math.max(0, scanned.findIndex((row) => new Set(row.cells.map(matchColumnHeader).filter(Boolean)).size >= 2))
  const header = nonEmpty[headerIndex]!
  const dataRows = nonEmpty.slice(headerIndex + 1)
  const width = dataRows.reduce((max, row) => Math.max(max, row.cells.length), header.cells.length)
  const headers = padCells(header.cells.map((cell) => cell.trim()), width)
  const suggestedMapping: ColumnMapping = {}
  const used = new Set<MappedField>()
  headers.forEach((name, index) => {
    const field = matchColumnHeader(name)
    const free = field !== null && !used.has(field)
    if (free) used.add(field)
    suggestedMapping[index] = free ? field : null
  })
  return {
    ok: true,
    kind: 'foreign',
    headers,
    headerRow: header.number,
    suggestedMapping,
    preview: dataRows.slice(0, FOREIGN_PREVIEW_ROWS).map((row) => padCells(row.cells, width)),
    rows: dataRows,
  }
}

/** The mapped fields a mapping still lacks before it can be applied. */
export function missingRequiredFields(mapping: ColumnMapping): MappedField[] {
  const mapped = new Set(Object.values(mapping))
  return REQUIRED_MAPPED_FIELDS.filter((field) => !mapped.has(field))
}

/**
 * Turns a foreign sheet's rows into new tasks, given the user's column mapping. Dates may be
 * dd/mm/yyyy or yyyy-mm-dd, with an optional time (08:00, 8h30); a start cell may hold a range
 * ("01/04/2021 – 23/05/2021", "01/04 - 23/05/2021", "từ … đến …"). Rows that cannot be read are
 * reported by number and left out; empty rows are skipped. Rows may be given as plain cell arrays,
 * numbered from `firstRowNumber` (2: under a header row).
 */
export function applyColumnMapping(
  rows: readonly (SheetRow | readonly string[])[], mapping: ColumnMapping, plan: Plan, now: EpochMs, firstRowNumber = 2,
): MappingResult {
  const missing = missingRequiredFields(mapping)
  if (missing.length > 0) return { ok: false, error: 'mappingIncomplete', missing }
  const context = new ImportContext(plan, now)
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
    const task = context.readVisibleRow(row.number, values)
    if (task) context.tasks.push(task)
  })
  return context.result()
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

  constructor(plan: Plan, now: EpochMs) {
    this.plan = plan
    this.now = now
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
    if (id === '') {
      // A row someone added in the spreadsheet: only its visible cells mean anything.
      return this.readVisibleRow(row.number, {
        title: cell('title').trim(), start: cell('from').trim(), end: cell('to').trim(), lead: cell('lead').trim(),
        support: cell('support').trim(), channel: cell('channel').trim(), status: cell('status').trim(),
        description: cell('notes').trim(), location: cell('location').trim(), quantity: cell('quantity').trim(),
      })
    }

    const bounds = readOwnBounds(cell('from'), cell('to'), cell('start').trim(), cell('end').trim(), cell('allDay').trim())
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
    const task = restoreTask(raw)
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
    let channelId: string | null = null
    if (channel !== '') {
      channelId = this.channels.find(channel)
      if (channelId === null) this.warn(rowNumber, 'unknownChannel', channel)
    }
    return { leadUnitId, supportUnitIds, channelId }
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
 * `8h30 ngày 30/3/2021`). Null when it is not a real date and time.
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
  if (!match) return null
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

const RANGE_SEPARATOR = /\s*(?:–|—|→|~|\s-\s|-|\s(?:đến|den|to|until)\s)\s*/giu
const DAY_MONTH_ONLY = /^(?:(?:từ|tu|from)\s+)?(?:ngày\s+)?(\d{1,2})[/.](\d{1,2})$/iu

/**
 * A single date or a range "from – to" (en dash, hyphen, "đến", "to"); the first date may leave out
 * its year ("01/4 – 23/5/2021"). Null when neither reads.
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
    if (from) return { from, to }
  }
  return null
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
      for (const name of names) {
        if (name.trim() === '') continue
        const exactKey = exactName(name)
        if (!this.exact.has(exactKey)) this.exact.set(exactKey, id)
        const looseKey = normaliseForMatching(name)
        const known = this.loose.get(looseKey)
        this.loose.set(looseKey, known === undefined || known === id ? id : null)
      }
    }
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
 * parts that together name a unit are taken together, longest first.
 */
function splitNames(text: string, index: NameIndex): { name: string; id: string | null }[] {
  const parts = text.split(/[;\n]/).map((part) => part.trim()).filter((part) => part !== '')
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
