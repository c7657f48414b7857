/**
 * The plan as a table, shared by the spreadsheet formats (CSV, XLSX) and anything else that prints
 * the plan as rows: which columns there are, how a task becomes a row, how rows group under phases,
 * the legal-milestone table, and how a foreign sheet's header names map onto task fields.
 *
 * Two kinds of columns:
 * - visible columns, what officials read and print (STT | Nội dung công việc | Từ ngày | Đến ngày |
 *   Đơn vị chủ trì | Đơn vị phối hợp | Kênh | Trạng thái | Ghi chú). The issue's single "Thời gian
 *   (từ ngày – đến ngày)" column is split into "Từ ngày" and "Đến ngày" so that an XLSX file can hold
 *   real Excel dates (one cell holds one date); `ScheduleRow.timeLabel` still has the one-cell text
 *   "dd/mm/yyyy – dd/mm/yyyy" for formats that want it;
 * - machine columns after them (hidden in XLSX, trailing in CSV), which carry what the visible cells
 *   cannot (id, exact bounds, anchor, training…), so that our own export reads back without loss.
 *
 * The machine columns' labels are a shipped file format: a file is recognised as ours by them. Never
 * rename a label; add new columns at the end.
 *
 * A recurring task (a series) is listed one row per occurrence, each at its own dates and under the
 * phase its occurrence falls in, with the rule in its notes. Only one of those rows carries the task's
 * machine cells (its id, own bounds, and the rule inside `other`); the others have an empty id and name
 * their series in the "Lần lặp của" column, so the import skips them and reads the series back as one
 * task, not one per row.
 */
import {
  addDays, datePart, diffDays, fromMinuteNumber, isValidLocalDate, isValidLocalDateTime, shiftByDays, timePart, toMinuteNumber,
} from '@/domain/dates/local-date'
import { formatDate, formatDateWithWeekday, type Language } from '@/domain/dates/format-date'
import { formatElectionOffset, offsetFromElectionDay } from '@/domain/dates/election-offset'
import type { ExportScope } from '@/domain/plan/export-scope'
import { expandTask, isRecurring, occurrenceKey, parseOccurrenceKey, type TaskOccurrence } from '@/domain/plan/recurrence'
import { lastDay } from '@/domain/plan/task-dates'
import { LAW_LABELS } from '@/domain/rules/election-laws'
import { computeMilestones } from '@/domain/rules/milestones'
import type { LocalDate, Phase, Plan, Task, TaskStatus } from '@/domain/types'
import { appendNote, occurrenceNote } from '@/io/schedule-table/recurrence-text'

export interface ScheduleColumn<K extends string = string> {
  key: K
  vi: string
  en: string
}

export type VisibleColumnKey = 'number' | 'title' | 'from' | 'to' | 'lead' | 'support' | 'channel' | 'status' | 'notes'
export type MachineColumnKey =
  | 'id' | 'start' | 'end' | 'allDay' | 'anchor' | 'quantity' | 'location' | 'training' | 'level'
  | 'updatedAt' | 'source' | 'createdAt' | 'other' | 'occurrenceOf'

/** The visible columns, in order (the XLSX sheet's printed columns; the CSV's first columns). */
export const SCHEDULE_COLUMNS: readonly ScheduleColumn<VisibleColumnKey>[] = [
  { key: 'number', vi: 'STT', en: 'No.' },
  { key: 'title', vi: 'Nội dung công việc', en: 'Task' },
  { key: 'from', vi: 'Từ ngày', en: 'From' },
  { key: 'to', vi: 'Đến ngày', en: 'To' },
  { key: 'lead', vi: 'Đơn vị chủ trì', en: 'Lead unit' },
  { key: 'support', vi: 'Đơn vị phối hợp', en: 'Supporting units' },
  { key: 'channel', vi: 'Kênh', en: 'Channel' },
  { key: 'status', vi: 'Trạng thái', en: 'Status' },
  { key: 'notes', vi: 'Ghi chú', en: 'Notes' },
]

/** CSV only: CSV has no merged rows to group tasks under, so the phase is a column of its own. */
export const PHASE_COLUMN: ScheduleColumn<'phase'> = { key: 'phase', vi: 'Giai đoạn', en: 'Phase' }

/**
 * The machine columns, in order. Shipped labels (both languages are recognised on import): never
 * rename. `other` holds, as JSON, any task field this table does not know (a newer version's), so
 * even those survive a round trip.
 */
export const MACHINE_COLUMNS: readonly ScheduleColumn<MachineColumnKey>[] = [
  { key: 'id', vi: 'Mã', en: 'ID' },
  { key: 'start', vi: 'Bắt đầu', en: 'Start (ISO)' },
  { key: 'end', vi: 'Kết thúc', en: 'End (ISO, exclusive for all-day)' },
  { key: 'allDay', vi: 'Cả ngày', en: 'All day' },
  { key: 'anchor', vi: 'Neo', en: 'Anchor (JSON)' },
  { key: 'quantity', vi: 'Số lượng', en: 'Quantity' },
  { key: 'location', vi: 'Địa điểm', en: 'Location' },
  { key: 'training', vi: 'Tập huấn', en: 'Training (JSON)' },
  { key: 'level', vi: 'Mức', en: 'Level' },
  { key: 'updatedAt', vi: 'Cập nhật', en: 'Updated (UTC)' },
  { key: 'source', vi: 'Nguồn', en: 'Source (JSON)' },
  { key: 'createdAt', vi: 'Tạo lúc', en: 'Created (UTC)' },
  { key: 'other', vi: 'Dữ liệu khác', en: 'Other data (JSON)' },
  // On every row of a series: "<task id>@<occurrence date>" (the occurrence's key, see recurrence.ts).
  // A row with this and no id is an occurrence whose series is read from its own row.
  { key: 'occurrenceOf', vi: 'Lần lặp của', en: 'Occurrence of' },
]

/** A file is ours when its header has all of these machine columns (in either language). */
export const OWN_FILE_MARKER_COLUMNS: readonly MachineColumnKey[] = ['id', 'start', 'end', 'allDay']

/** The task fields a table maps onto columns; the rest travel in `other`. */
const TABLE_TASK_FIELDS = new Set<string>([
  'id', 'title', 'allDay', 'start', 'end', 'anchor', 'channelId', 'leadUnitId', 'supportUnitIds', 'location',
  'quantity', 'status', 'description', 'training', 'level', 'source', 'createdAt', 'updatedAt',
])

export const SUPPORT_UNIT_SEPARATOR = '; '

export const STATUS_LABELS: Record<TaskStatus, { vi: string; en: string }> = {
  planned: { vi: 'Chưa bắt đầu', en: 'Planned' },
  'in-progress': { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  cancelled: { vi: 'Hủy', en: 'Cancelled' },
}

const OUTSIDE_PHASES = { vi: 'Ngoài các giai đoạn', en: 'Outside the phases' }

export interface ScheduleRow {
  /** STT: 1, 2, 3… through the whole table, in the order rows are shown. */
  number: number
  task: Task
  phaseName: string
  /** The bounds of what this row shows: the task's own, or one occurrence's of a series. */
  start: string
  end: string
  /** A series' row: the date its occurrence starts on under the rule (its key); null for a single task. */
  occurrenceDate: LocalDate | null
  firstDay: LocalDate
  /** Inclusive last day. */
  lastDay: LocalDate
  /** HH:mm of a timed task's start and end; null for all-day tasks. */
  startTime: string | null
  endTime: string | null
  /** "dd/mm/yyyy – dd/mm/yyyy", "dd/mm/yyyy", "dd/mm/yyyy HH:mm – HH:mm": the one-cell form. */
  timeLabel: string
  /** The visible cells as text (not yet neutralised: each format does that on writing). */
  display: Record<VisibleColumnKey, string>
  machine: Record<MachineColumnKey, string>
}

export interface ScheduleGroup {
  /** null for the final group of tasks outside every phase. */
  phaseId: string | null
  name: string
  /** "01/01/2021 – 31/03/2021"; empty for the outside group. */
  rangeLabel: string
  /** "I. Tuyên truyền chung (01/01/2021 – 31/03/2021)": the group's header row. */
  label: string
  rows: ScheduleRow[]
}

/** Inclusive days: a table limited to them lists only the occurrences touching one of them. */
export interface ScheduleRange {
  from: LocalDate
  to: LocalDate
}

export interface ScheduleRowOptions {
  /**
   * The export's days (a date range, a phase: see `scheduleRangeOfScope`): occurrences of a series
   * outside them are left out, and so is a task not touching them. Without it, every occurrence.
   */
  range?: ScheduleRange | null
}

/** One row to be: an occurrence, and whether it is the row that carries its task's machine cells. */
interface RowEntry {
  occurrence: TaskOccurrence
  carriesTask: boolean
  /** The one row kept for a series with no occurrence left (all cancelled). */
  noneLeft: boolean
}

/**
 * Groups the given tasks under the plan's phases, in phase order, each group sorted by start (then
 * end, title, id, so the order is the same every time). A task belongs to the first phase (by start)
 * that contains its first day; the rest go to a final group "Ngoài các giai đoạn". Empty groups are
 * left out, so an export of a filtered list shows no empty headings.
 *
 * A series gives one row per occurrence (moved ones at their new dates, cancelled ones left out),
 * each placed and sorted by its own dates. The row of its earliest occurrence (by rule date) carries
 * the task's machine cells; a series with no occurrence left keeps one row at its own dates, so that
 * a full export still reads back to the whole plan.
 */
export function buildScheduleRows(
  plan: Plan, tasks: readonly Task[], language: Language, options: ScheduleRowOptions = {},
): ScheduleGroup[] {
  const phases = [...plan.phases].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
  const unitNames = new Map(plan.units.map((u) => [u.id, u.name]))
  const channelNames = new Map(plan.channels.map((c) => [c.id, language === 'en' && c.nameEn ? c.nameEn : c.name]))
  const buckets = new Map<string | null, RowEntry[]>()
  const range = options.range ?? null
  for (const entry of expandEntries(tasks, range)) {
    const day = datePart(entry.occurrence.start)
    const phase = phases.find((p) => p.start <= day && day < p.end)
    const key = phase?.id ?? null
    const bucket = buckets.get(key)
    if (bucket) bucket.push(entry)
    else buckets.set(key, [entry])
  }

  const collator = new Intl.Collator('vi')
  const byStart = ({ occurrence: a }: RowEntry, { occurrence: b }: RowEntry): number =>
    compareText(a.start, b.start) || compareText(a.end, b.end) || collator.compare(a.task.title, b.task.title)
    || compareText(a.task.id, b.task.id) || compareText(a.occurrenceDate, b.occurrenceDate)

  // Most tasks share a few timestamps (a template's, an import's): format each once.
  const instants = new Map<number, string>()
  const instant = (ms: number): string => {
    let text = instants.get(ms)
    if (text === undefined) {
      text = formatInstant(ms)
      instants.set(ms, text)
    }
    return text
  }

  const groups: ScheduleGroup[] = []
  let number = 0
  const addGroup = (phase: Phase | null, entries: RowEntry[]): void => {
    const name = phase ? phaseName(phase, language) : OUTSIDE_PHASES[language]
    const rangeLabel = phase ? `${formatDate(phase.start)} – ${formatDate(addDays(phase.end, -1))}` : ''
    const ordinal = toRoman(groups.length + 1)
    const rows = [...entries].sort(byStart).map((entry) => {
      number += 1
      return buildRow(entry, number, name, unitNames, channelNames, language, instant)
    })
    groups.push({ phaseId: phase?.id ?? null, name, rangeLabel, label: rangeLabel ? `${ordinal}. ${name} (${rangeLabel})` : `${ordinal}. ${name}`, rows })
  }
  for (const phase of phases) {
    const entries = buckets.get(phase.id)
    if (entries) addGroup(phase, entries)
  }
  const outside = buckets.get(null)
  if (outside) addGroup(null, outside)
  return groups
}

/** Every row the tasks give, in the tasks' order (see `buildScheduleRows`). */
function expandEntries(tasks: readonly Task[], range: ScheduleRange | null): RowEntry[] {
  const entries: RowEntry[] = []
  for (const task of tasks) {
    const occurrences = range === null ? expandTask(task) : expandTask(task, range.from, addDays(range.to, 1))
    if (occurrences.length === 0) {
      if (range === null && isRecurring(task)) {
        const occurrence = { task, occurrenceDate: datePart(task.start), start: task.start, end: task.end, moved: false, recurring: true }
        entries.push({ occurrence, carriesTask: true, noneLeft: true })
      }
      continue
    }
    // Occurrences come sorted by start; the carrier is the earliest by rule date (the task's own
    // first occurrence, unless it is cancelled, moved later or outside the range).
    let carrier = occurrences[0]!
    for (const occurrence of occurrences) if (occurrence.occurrenceDate < carrier.occurrenceDate) carrier = occurrence
    for (const occurrence of occurrences) entries.push({ occurrence, carriesTask: occurrence === carrier, noneLeft: false })
  }
  return entries
}

function buildRow(
  { occurrence, carriesTask, noneLeft }: RowEntry, number: number, phaseName: string,
  unitNames: ReadonlyMap<string, string>, channelNames: ReadonlyMap<string, string>, language: Language,
  instant: (ms: number) => string,
): ScheduleRow {
  const { task, start, end } = occurrence
  const firstDay = datePart(start)
  const last = lastDay({ start, end, allDay: task.allDay })
  const startTime = task.allDay ? null : timePart(start)
  const endTime = task.allDay ? null : timePart(end)
  const from = startTime === null ? formatDate(firstDay) : `${formatDate(firstDay)} ${startTime}`
  const to = task.allDay ? formatDate(last) : `${formatDate(datePart(end))} ${endTime}`
  let timeLabel: string
  if (task.allDay) timeLabel = firstDay === last ? from : `${from} – ${to}`
  else timeLabel = datePart(end) === firstDay ? `${from} – ${endTime}` : `${from} – ${to}`
  const series = isRecurring(task) ? task.recurrence : null
  const notes = series ? appendNote(task.description, occurrenceNote(series, noneLeft ? 'none-left' : occurrence, language)) : task.description

  return {
    number,
    task,
    phaseName,
    start,
    end,
    occurrenceDate: series ? occurrence.occurrenceDate : null,
    firstDay,
    lastDay: last,
    startTime,
    endTime,
    timeLabel,
    display: {
      number: String(number),
      title: task.title,
      from,
      to,
      lead: task.leadUnitId === null ? '' : unitNames.get(task.leadUnitId) ?? '',
      support: task.supportUnitIds.map((id) => unitNames.get(id)).filter((n): n is string => n !== undefined).join(SUPPORT_UNIT_SEPARATOR),
      channel: task.channelId === null ? '' : channelNames.get(task.channelId) ?? '',
      status: STATUS_LABELS[task.status]?.[language] ?? task.status,
      notes,
    },
    machine: carriesTask ? taskMachineCells(task, instant, series ? occurrenceKey(task.id, occurrence.occurrenceDate) : '') : {
      ...EMPTY_MACHINE_CELLS,
      occurrenceOf: occurrenceKey(task.id, occurrence.occurrenceDate),
    },
  }
}

const EMPTY_MACHINE_CELLS = Object.fromEntries(MACHINE_COLUMNS.map((c) => [c.key, ''])) as Record<MachineColumnKey, string>

function taskMachineCells(task: Task, instant: (ms: number) => string, occurrenceOf: string): Record<MachineColumnKey, string> {
  return {
    id: task.id,
    start: task.start,
    end: task.end,
    allDay: task.allDay ? '1' : '0',
    anchor: JSON.stringify(task.anchor),
    quantity: task.quantity,
    location: task.location,
    training: task.training ? JSON.stringify(task.training) : '',
    level: task.level ?? '',
    updatedAt: instant(task.updatedAt),
    source: task.source ? JSON.stringify(task.source) : '',
    createdAt: instant(task.createdAt),
    other: otherFieldsJson(task),
    occurrenceOf,
  }
}

/** The days an export scope covers, for `ScheduleRowOptions.range`: null for the whole plan or one lead unit. */
export function scheduleRangeOfScope(plan: Pick<Plan, 'phases'>, scope: ExportScope): ScheduleRange | null {
  if (scope.kind === 'range') return { from: scope.from, to: scope.to }
  if (scope.kind !== 'phase') return null
  const phase = plan.phases.find((p) => p.id === scope.phaseId)
  return phase ? { from: phase.start, to: addDays(phase.end, -1) } : null
}

// ── Reading a series' row back ──────────────────────────────────────────────────────────────────

type Bounds = { start: string; end: string }

/** A row carrying a series whose visible dates are another occurrence's than the task's own. */
export interface SeriesRowDates {
  /** The task's own bounds (its machine cells). */
  own: Bounds
  /** The bounds of the occurrence the row's visible dates show. */
  shown: Bounds
}

/**
 * What the visible dates of a row carrying a series show, when that is not the task's own bounds:
 * the row names its occurrence in "Lần lặp của", and it may be a later one (the first is cancelled,
 * or outside the exported range) or a moved one. Null when the row shows the task's own bounds
 * (always so for a single task, and in files written before the column existed) or when its cells
 * do not tell (then the import reads the row as any other).
 */
export function readSeriesRowDates(occurrenceOf: string, id: string, machineStart: string, machineEnd: string, otherJson: string): SeriesRowDates | null {
  const { taskId, occurrenceDate } = parseOccurrenceKey(occurrenceOf.trim())
  if (occurrenceDate === null || taskId !== id || !isValidLocalDate(occurrenceDate)) return null
  const isValidBound = machineStart.length > 10 ? isValidLocalDateTime : isValidLocalDate
  if (!isValidBound(machineStart) || !isValidBound(machineEnd)) return null
  const own = { start: machineStart, end: machineEnd }
  const moved = movedException(otherJson, occurrenceDate)
  const days = diffDays(datePart(machineStart), occurrenceDate)
  const shown = moved && isValidBound(moved.start) && isValidBound(moved.end)
    ? moved
    : { start: shiftByDays(machineStart, days), end: shiftByDays(machineEnd, days) }
  return shown.start === own.start && shown.end === own.end ? null : { own, shown }
}

/**
 * A series' own bounds from what was read against its row's shown occurrence: unchanged when the
 * visible dates were not edited; otherwise each bound moves by as much as the edit moved the shown
 * occurrence's. Fails when that would end the task before it starts (a long moved occurrence shortened).
 */
export function seriesBoundsFromRow<B extends Bounds & { allDay: boolean; edited: boolean; fromVisible: boolean }>(
  dates: SeriesRowDates, read: B,
): B | { ok: false; problem: 'endBeforeStart'; detail: string } {
  if (read.fromVisible) return read
  if (!read.edited) return { ...read, start: dates.own.start, end: dates.own.end }
  const start = moveBy(dates.own.start, dates.shown.start, read.start)
  const end = moveBy(dates.own.end, dates.shown.end, read.end)
  if (read.allDay ? end <= start : end < start) return { ok: false, problem: 'endBeforeStart', detail: `${start} → ${end}` }
  return { ...read, start, end }
}

/** `value` moved by (to − from), in days for dates and minutes for date-times. */
function moveBy(value: string, from: string, to: string): string {
  const minutes = (v: string) => toMinuteNumber(v.length > 10 ? v : `${v}T00:00`)
  const moved = fromMinuteNumber(minutes(value) + minutes(to) - minutes(from))
  return value.length > 10 ? moved : datePart(moved)
}

function movedException(otherJson: string, occurrenceDate: LocalDate): Bounds | null {
  let other: unknown
  try {
    other = otherJson.trim() === '' ? null : JSON.parse(otherJson)
  } catch {
    return null
  }
  const exception = (other as { recurrence?: { exceptions?: Record<string, unknown> } } | null)?.recurrence?.exceptions?.[occurrenceDate]
  if (typeof exception !== 'object' || exception === null) return null
  const { type, start, end } = exception as Record<string, unknown>
  return type === 'moved' && typeof start === 'string' && typeof end === 'string' ? { start, end } : null
}

/**
 * A bookkeeping time as an ISO instant ("2021-01-04T01:00:00.000Z") rather than milliseconds: Excel
 * shows a 13-digit number as 1.60972E+12 and saves a CSV that way, which would lose the time; it
 * leaves this text alone. Values no Date can hold stay numbers.
 */
export function formatInstant(ms: number): string {
  return Number.isInteger(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms)
}

function otherFieldsJson(task: Task): string {
  let other: Record<string, unknown> | null = null
  for (const [key, value] of Object.entries(task)) {
    if (TABLE_TASK_FIELDS.has(key) || value === undefined) continue
    other ??= {}
    other[key] = value
  }
  return other ? JSON.stringify(other) : ''
}

export function phaseName(phase: Pick<Phase, 'name' | 'nameEn'>, language: Language): string {
  return language === 'en' && phase.nameEn ? phase.nameEn : phase.name
}

/** The header label of a column in the chosen language. */
export function columnLabel(column: ScheduleColumn, language: Language): string {
  return language === 'en' ? column.en : column.vi
}

// ── Formula injection ───────────────────────────────────────────────────────────────────────────

const FORMULA_TRIGGER = /^'*[=+\-@\t\r]/
const NEUTRALISED = /^'+[=+\-@\t\r]/

/**
 * Neutralises text that a spreadsheet would run as a formula (=, +, - and @ start a formula; a tab or
 * carriage return in front can hide one), by putting a single quote before it. Why a quote: it is
 * the spreadsheets' own "this is text" marker — Excel and LibreOffice show such a cell as the text
 * that follows (typing '=1+1 in a cell gives the text =1+1), never evaluate it, and keep it text when
 * the cell is edited again. Only user text goes through here; our own numbers are never negative.
 *
 * Text that already starts with quotes before a trigger ("'=x") gets one more, so that
 * `restoreNeutralisedText` can undo exactly one and every text survives a round trip.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text
}

/** Undoes `neutraliseFormula` on a cell read back from a file. */
export function restoreNeutralisedText(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text
}

// ── Legal milestones ────────────────────────────────────────────────────────────────────────────

export const MILESTONE_COLUMNS: readonly ScheduleColumn<'number' | 'name' | 'offset' | 'date'>[] = [
  { key: 'number', vi: 'TT', en: 'No.' },
  { key: 'name', vi: 'Nội dung công việc', en: 'Task' },
  { key: 'offset', vi: 'Số ngày trước (sau) ngày bầu cử', en: 'Days before (after) election day' },
  { key: 'date', vi: 'Ngày chậm nhất phải hoàn thành', en: 'Latest completion date' },
]

export interface MilestoneRow {
  /** TT: 1, 2, 3… in date order. */
  number: number
  milestoneId: string
  name: string
  /** "Trước 40 ngày (D-40)", "Ngày bầu cử (D)", "Sau 10 ngày (D+10)". */
  offsetLabel: string
  /** "13/04/2021", "≤ 07/06/2021", "22/05/2021 07:00", "13/05/2021 – 23/05/2021". */
  dateLabel: string
  date: LocalDate
  /** Last day (inclusive) of a range milestone. */
  endDate: LocalDate | null
  time: string | null
  /** The law sets a latest day ("chậm nhất"): shown with "≤". */
  isDeadline: boolean
  articles: string
}

/**
 * The legal milestones as the 2021 provincial schedules listed them (Phú Thọ: TT | Nội dung công việc
 * | Số ngày chậm nhất phải hoàn thành trước (sau) ngày bầu cử | Ngày chậm nhất phải hoàn thành).
 * That table counts days in words, so the offset reads "Trước 40 ngày"; the planner's own "D-40"
 * follows in brackets, since the app shows offsets that way everywhere else.
 *
 * A milestone whose date is not the rule's (the announcement, when the real day is known) is a
 * fact, not a deadline: it gets the real offset and no "≤".
 */
export function buildMilestoneRows(plan: Pick<Plan, 'election'>, language: Language): MilestoneRow[] {
  const electionDay = plan.election.electionDay
  return computeMilestones(plan.election).map((m, index): MilestoneRow => {
    const offset = offsetFromElectionDay(m.date, electionDay)
    const isDeadline = m.timing === 'deadline' && offset === m.offsetDays
    const endDate = m.timing === 'range' ? m.endDate : null
    let offsetLabel: string
    let dateLabel: string
    if (endDate !== null) {
      const endOffset = offsetFromElectionDay(endDate, electionDay)
      offsetLabel = `${rangeOffsetText(offset, endOffset, language)} (${formatElectionOffset(offset)} – ${formatElectionOffset(endOffset)})`
      dateLabel = `${formatDate(m.date)} – ${formatDate(endDate)}`
    } else {
      offsetLabel = `${offsetText(offset, language)} (${formatElectionOffset(offset)})`
      dateLabel = `${isDeadline ? '≤ ' : ''}${formatDate(m.date)}${m.time ? ` ${m.time}` : ''}`
    }
    return {
      number: index + 1,
      milestoneId: m.id,
      name: language === 'en' ? m.nameEn : m.nameVi,
      offsetLabel,
      dateLabel,
      date: m.date,
      endDate,
      time: m.time,
      isDeadline,
      articles: m.articles,
    }
  })
}

function offsetText(offset: number, language: Language): string {
  if (offset === 0) return language === 'en' ? 'Election day' : 'Ngày bầu cử'
  const days = Math.abs(offset)
  if (language === 'en') return `${days} ${days === 1 ? 'day' : 'days'} ${offset < 0 ? 'before' : 'after'}`
  return `${offset < 0 ? 'Trước' : 'Sau'} ${days} ngày`
}

function rangeOffsetText(from: number, to: number, language: Language): string {
  const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1)
  return language === 'en'
    ? `From ${lowerFirst(offsetText(from, 'en'))} to ${lowerFirst(offsetText(to, 'en'))}`
    : `Từ ${lowerFirst(offsetText(from, 'vi'))} đến ${lowerFirst(offsetText(to, 'vi'))}`
}

/** "Ngày bầu cử: CN 23/05/2021 — Luật số 85/2015/QH13": the milestone table's subtitle. */
export function milestoneTableSubtitle(plan: Pick<Plan, 'election'>, language: Language): string {
  const day = formatDateWithWeekday(plan.election.electionDay, language)
  const law = LAW_LABELS[plan.election.law]?.[language] ?? ''
  return language === 'en' ? `Election day: ${day} — ${law}` : `Ngày bầu cử: ${day} — ${law}`
}

// ── File names ──────────────────────────────────────────────────────────────────────────────────

/** `ke-hoach-tuyen-truyen-bau-cu-2021`: what the file is, and for which election. */
export function scheduleFileBaseName(plan: Pick<Plan, 'election'>): string {
  return `ke-hoach-tuyen-truyen-bau-cu-${plan.election.electionDay.slice(0, 4)}`
}

// ── Header matching (foreign sheets) ───────────────────────────────────────────────────────────

export const MAPPED_FIELDS = [
  'title', 'start', 'end', 'lead', 'support', 'channel', 'status', 'description', 'location', 'quantity',
] as const
/** A task field a foreign column can be mapped to. `start` also takes a "from – to" range. */
export type MappedField = (typeof MAPPED_FIELDS)[number]

/**
 * Phrases, without diacritics, lower case, that name a field, each found as whole words anywhere in
 * the header; a phrase starting with "=" must be the whole header ("To", "Hạn"). The first field in
 * this order wins, so "Đơn vị phối hợp" is `support` and "Nội dung, hình thức" is the title.
 */
const HEADER_PHRASES: readonly (readonly [MappedField, readonly string[]])[] = [
  ['support', ['phoi hop', 'support', 'supporting', 'coordination', 'coordinating', 'partner', 'partners']],
  ['lead', ['chu tri', 'lead', 'owner', 'responsible', 'in charge', 'don vi thuc hien', 'co quan thuc hien']],
  ['description', ['ghi chu', 'mo ta', 'note', 'notes', 'description', 'remark', 'remarks', 'comment', 'comments', 'details']],
  ['location', ['dia diem', 'dia ban', 'location', 'place', 'venue']],
  ['status', ['trang thai', 'tinh trang', 'tien do', 'status', 'state', 'progress']],
  ['quantity', ['so luong', 'chi tieu', 'quantity', 'amount', 'target']],
  ['start', ['tu ngay', 'ngay bat dau', 'bat dau', 'start', 'starts', '=from', 'begin', 'begins']],
  ['end', ['den ngay', 'ngay ket thuc', 'ket thuc', 'thoi han', '=han', 'han chot', 'end', 'ends', '=to', 'until', 'due', 'deadline', 'finish']],
  ['title', ['noi dung', 'cong viec', 'nhiem vu', 'hoat dong', '=ten', 'title', 'task', 'activity', '=name', 'content', 'subject', 'summary']],
  ['channel', ['kenh', 'hinh thuc', 'channel', 'medium', 'media']],
]

/** Words that name a time without saying which end: a start, unless the header also names an end. */
const GENERIC_TIME_PHRASES = ['thoi gian', 'ngay', 'date', 'dates', 'time', 'when', 'period']

/**
 * The task field a foreign sheet's column header names, or null. Vietnamese with or without
 * diacritics (and either tone placement), any case, and English are recognised. A header naming
 * both ends ("Thời gian (từ ngày – đến ngày)") is the start column: `start` also takes a range.
 */
export function matchColumnHeader(header: string): MappedField | null {
  const normalised = normaliseForMatching(header)
  const words = normalised.split(' ').filter(Boolean)
  if (words.length === 0) return null
  const has = (phrase: string) => (phrase.startsWith('=') ? normalised === phrase.slice(1) : containsWords(words, phrase.split(' ')))
  const matches = HEADER_PHRASES.filter(([, phrases]) => phrases.some(has)).map(([field]) => field)
  if (matches.includes('start') && matches.includes('end')) return 'start'
  const first = matches[0]
  if (first !== undefined) return first
  return GENERIC_TIME_PHRASES.some(has) ? 'start' : null
}

/** Lower case, no diacritics (đ → d), punctuation as spaces: for matching names people type. */
export function normaliseForMatching(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

function containsWords(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i += 1) {
    for (let j = 0; j < phrase.length; j += 1) if (words[i + j] !== phrase[j]) continue outer
    return true
  }
  return false
}

// ── Small helpers ───────────────────────────────────────────────────────────────────────────────

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

const ROMAN: readonly (readonly [number, string])[] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
]

/** 1 → I, 4 → IV: officials number a plan's parts in Roman numerals. */
export function toRoman(n: number): string {
  let rest = n
  let out = ''
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters
      rest -= value
    }
  }
  return out
}
