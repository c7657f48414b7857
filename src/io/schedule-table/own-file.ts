/**
 * Our own export read back. It is recognised by its machine column labels, in either language, with
 * the "[Để nhập lại – không sửa]" prefix or without it (as older files have them). Its rows are rebuilt
 * from the machine cells and checked against the visible ones: when someone changed a date, a title or
 * a unit in the spreadsheet, the visible cell wins (that is what they meant) and the task's
 * `updatedAt` becomes `now` so the edit is newer than the copy in the app. A hidden machine
 * cell that holds what it cannot ("Mức" = "abc", a time that is no time, JSON of the wrong shape) and
 * a cell holding a formula are never taken silently: each becomes a warning naming its row and
 * column; the task is imported without the unreadable value, or with the formula's last result.
 */
import { addDays, datePart, diffDays, isValidLocalDate, isValidLocalDateTime, timePart } from '@/domain/dates/local-date'
import { reanchor, reanchorEnd } from '@/domain/plan/anchors'
import { canonicalJson } from '@/domain/plan/canonical-json'
import { restoreTask } from '@/domain/plan/restore-plan'
import { shiftRecurrence } from '@/domain/plan/recurrence'
import { ADMIN_LEVELS, type EpochMs, type LocalDate, type Plan, type Task, type TaskAnchor } from '@/domain/types'
import { parseDateTimeText, type DateTimeValue } from '@/io/schedule-table/date-text'
import { restoreNeutralisedText } from '@/io/schedule-table/formula-text'
import { progressEvery, type ImportProgress, type OwnSheetResult, type RowProblem, type SheetRow } from '@/io/schedule-table/import-result'
import { normaliseForMatching } from '@/io/schedule-table/match-text'
import { removeRecurrenceNote } from '@/io/schedule-table/recurrence-text'
import { foreignBounds, RowReader, type Bounds } from '@/io/schedule-table/row-reader'
import {
  MACHINE_COLUMNS, OWN_FILE_MARKER_COLUMNS, PHASE_COLUMN, SCHEDULE_COLUMNS,
  type MachineColumnKey, type ScheduleColumn, type VisibleColumnKey,
} from '@/io/schedule-table/schedule-columns'
import { readSeriesRowDates, seriesBoundsFromRow } from '@/io/schedule-table/series-rows'
import { readSourceCell } from '@/io/schedule-table/source-cell'

type OwnColumnKey = VisibleColumnKey | 'phase' | MachineColumnKey
type OwnColumns = ReadonlyMap<OwnColumnKey, number>

/** Every label of every column, current and former ("Mã" as well as "[Để nhập lại – không sửa] Mã"), in both languages. */
const OWN_LABELS: ReadonlyMap<string, OwnColumnKey> = new Map(
  ([...SCHEDULE_COLUMNS, PHASE_COLUMN, ...MACHINE_COLUMNS] as ScheduleColumn<OwnColumnKey>[]).flatMap((c) =>
    [c.vi, c.en, ...(c.formerLabels ?? [])].map((label) => [normaliseForMatching(label), c.key] as const),
  ),
)

/** The own columns a header row names (by any of their labels), or null when it is not our header. */
export function ownColumns(cells: readonly string[]): OwnColumns | null {
  const columns = new Map<OwnColumnKey, number>()
  cells.forEach((cell, index) => {
    const key = OWN_LABELS.get(normaliseForMatching(cell))
    if (key !== undefined && !columns.has(key)) columns.set(key, index)
  })
  return OWN_FILE_MARKER_COLUMNS.every((key) => columns.has(key)) ? columns : null
}

export interface OwnRowsOptions {
  /** CSV: every record must have as many fields as the header (a missing or extra separator shifts cells). */
  strictWidth?: boolean
  onProgress?: ImportProgress
}

/** The rows under our own header, as tasks with their errors and warnings. */
export function readOwnRows(
  header: SheetRow, rows: readonly SheetRow[], columns: OwnColumns, plan: Plan, now: EpochMs, options: OwnRowsOptions = {},
): OwnSheetResult {
  const reader = new RowReader(plan, now)
  const progress = progressEvery(rows.length, options.onProgress)
  rows.forEach((row, index) => {
    progress(index)
    if (row.problem) reader.error(row.number, row.problem)
    else if (options.strictWidth && row.cells.length !== header.cells.length) reader.error(row.number, 'wrongFieldCount')
    else {
      const task = readOwnRow(reader, row, header, columns)
      if (task) reader.tasks.push(task)
    }
  })
  progress(rows.length)
  const result = reader.result()
  return { ok: true, kind: 'own', tasks: result.tasks, errors: result.errors, warnings: result.warnings }
}

/** A row of our own export: machine cells for what they carry, visible cells for what people see. */
function readOwnRow(reader: RowReader, row: SheetRow, header: SheetRow, columns: OwnColumns): Task | null {
  const cell = (key: OwnColumnKey): string => {
    const index = columns.get(key)
    return index === undefined ? '' : restoreNeutralisedText(row.cells[index] ?? '')
  }
  /** A cell that holds something but cannot be read: the row is imported without it, and says so. */
  const unreadable = (key: OwnColumnKey, problem: RowProblem = 'unreadableCell'): void => {
    reader.warn(row.number, problem, cell(key).trim(), columnName(header, columns, key))
  }
  const id = cell('id').trim()
  // Another occurrence of a series (schedule-rows.ts): the series is read from its own row, the one with the id.
  if (id === '' && cell('occurrenceOf').trim() !== '') return null
  // A formula's cached result is imported as the cell's text; the formula itself is lost.
  for (const index of row.formulaColumns ?? []) {
    const key = [...columns].find(([, at]) => at === index)?.[0]
    if (key !== undefined) reader.warn(row.number, 'formulaCell', row.cells[index], columnName(header, columns, key))
  }
  if (id === '') {
    // A row someone added in the spreadsheet: only its visible cells mean anything.
    return reader.readVisibleRow(row.number, {
      title: cell('title').trim(), start: cell('from').trim(), end: cell('to').trim(), lead: cell('lead').trim(),
      support: cell('support').trim(), channel: cell('channel').trim(), status: cell('status').trim(),
      description: cell('notes').trim(), location: cell('location').trim(), quantity: cell('quantity').trim(),
    })
  }

  // A series' row may show a later or moved occurrence: its visible dates are read against that one.
  const allDayText = cell('allDay').trim()
  const series = readSeriesRowDates(cell('occurrenceOf'), id, cell('start').trim(), cell('end').trim(), cell('other'))
  const shown = readOwnBounds(cell('from'), cell('to'), series?.shown.start ?? cell('start').trim(), series?.shown.end ?? cell('end').trim(), allDayText)
  const bounds = series && shown.ok ? seriesBoundsFromRow(series, shown) : shown
  if (!bounds.ok) return reader.error(row.number, bounds.problem, bounds.detail)
  if (allDayText !== '' && allDayText !== '0' && allDayText !== '1') unreadable('allDay')

  const json = (key: OwnColumnKey, problem: RowProblem, fallback: unknown): unknown => {
    const text = cell(key)
    if (text.trim() === '') return fallback
    try {
      return JSON.parse(text) as unknown
    } catch {
      unreadable(key, problem)
      return fallback
    }
  }
  const anchor = json('anchor', 'invalidAnchor', { type: 'fixed' })
  const training = json('training', 'invalidTraining', null)
  // A template's source comes as a reference to the template's entry (source-cell.ts).
  const source = readSourceCell(json('source', 'invalidSource', null))
  const otherValue = json('other', 'invalidOtherData', null)
  if (otherValue !== null && !isPlainObject(otherValue)) unreadable('other', 'invalidOtherData')
  const other = isPlainObject(otherValue) ? otherValue : {}
  const level = cell('level').trim()
  const knownLevel = (ADMIN_LEVELS as readonly string[]).includes(level)
  if (level !== '' && !knownLevel) unreadable('level')
  const instant = (key: 'createdAt' | 'updatedAt'): number => {
    const ms = readInstant(cell(key))
    if (ms === null && cell(key).trim() !== '') unreadable(key)
    return ms ?? reader.now
  }
  const createdAt = instant('createdAt')
  const updatedAt = instant('updatedAt')
  const status = reader.readStatus(row.number, cell('status').trim())
  // The column wins over a day an older file kept in `other`; it means something only on a done task
  // (a status changed in the sheet from done to another one drops it, as plan-ops does).
  const doneOnText = cell('doneOn').trim()
  if (doneOnText !== '' && !isValidLocalDate(doneOnText)) unreadable('doneOn')
  const doneOnValue = columns.has('doneOn') ? (isValidLocalDate(doneOnText) ? doneOnText : null) : other.doneOn ?? null

  const raw = {
    ...other,
    id,
    title: cell('title'),
    allDay: bounds.allDay,
    start: bounds.start,
    end: bounds.end,
    anchor: bounds.edited || bounds.fromVisible ? reanchor(asAnchor(anchor), bounds.start, reader.plan.election) : anchor,
    // An end moved in the sheet keeps its anchor with the new offset, or the next re-plan would snap it back.
    ...(bounds.edited || bounds.fromVisible) && 'endAnchor' in other && other.endAnchor !== null
      ? { endAnchor: reanchorEnd(asAnchor(other.endAnchor), bounds.end, reader.plan.election) }
      : {},
    ...reader.readLinks(row.number, cell('lead').trim(), cell('support'), cell('channel').trim()),
    location: cell('location'),
    quantity: cell('quantity'),
    status,
    doneOn: status === 'done' ? doneOnValue : null,
    description: cell('notes'),
    training,
    level: knownLevel ? level : null,
    source,
    createdAt,
    updatedAt: bounds.edited ? reader.now : updatedAt,
  }
  // A series' notes end with its rule in words, added by the export.
  const restored = removeRecurrenceNote(restoreTask(raw))
  // An edited start moves the whole series: its end date, weekdays and exceptions move with it.
  const ownStart = cell('start').trim()
  const task = restored?.recurrence && (bounds.edited || bounds.fromVisible) && ownStart.length >= 10 && datePart(ownStart) !== datePart(restored.start)
    ? { ...restored, recurrence: shiftRecurrence(restored.recurrence, diffDays(datePart(ownStart), datePart(restored.start))) }
    : restored
  if (!task) return reader.error(row.number, 'invalidTask')
  if (canonicalJson(task.anchor) !== canonicalJson(anchor) && !bounds.edited && !bounds.fromVisible) reader.warn(row.number, 'invalidAnchor', cell('anchor'), columnName(header, columns, 'anchor'))
  // JSON that reads but is not the shape of the field: restoreTask left it out.
  if (training !== null && task.training === null) unreadable('training', 'invalidTraining')
  if (source !== null && task.source === null) unreadable('source', 'invalidSource')
  return reader.claimId(row.number, stampIfEdited(reader, task))
}

/** The column's header as the file has it (what the person sees), for a message. */
function columnName(header: SheetRow, columns: OwnColumns, key: OwnColumnKey): string {
  const index = columns.get(key)
  return (index === undefined ? '' : header.cells[index] ?? '').trim()
}

/**
 * The sheet is a copy of the plan's task at the same version (same `updatedAt`) but says something
 * else: it was edited in the spreadsheet, so it is newer than the app's copy. (A sheet older than
 * the app's copy keeps its own stamp: whoever merges decides.)
 */
function stampIfEdited(reader: RowReader, task: Task): Task {
  const { plan, now } = reader
  const current = Object.prototype.hasOwnProperty.call(plan.tasks, task.id) ? plan.tasks[task.id] : undefined
  if (current && current.updatedAt === task.updatedAt && canonicalJson(current) !== canonicalJson(task)) {
    return { ...task, updatedAt: now }
  }
  return task
}

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

/** A bookkeeping time written by `formatInstant` (an ISO instant, or a plain number of ms); null when it is neither. */
function readInstant(text: string): number | null {
  const trimmed = text.trim()
  if (ISO_INSTANT.test(trimmed)) {
    const ms = Date.parse(trimmed)
    return Number.isFinite(ms) ? ms : null
  }
  const n = trimmed === '' ? Number.NaN : Number(trimmed)
  return Number.isFinite(n) ? n : null
}
