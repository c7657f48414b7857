/**
 * The plan as rows of a table, shared by the spreadsheet formats (CSV, XLSX) and anything else that
 * prints the plan as rows (DOCX, print): how a task becomes a row, and how rows group under phases.
 * The columns are in schedule-columns.ts.
 *
 * A recurring task (a series) is listed one row per occurrence, each at its own dates and under the
 * phase its occurrence falls in, with the rule in its notes. Only one of those rows carries the task's
 * machine cells (its id, own bounds, and the rule inside `other`); the others have an empty id and name
 * their series in the "Lần lặp của" column, so the import skips them and reads the series back as one
 * task, not one per row.
 */
import { addDays, datePart, timePart } from '@/domain/dates/local-date'
import { formatDate, type Language } from '@/domain/dates/format-date'
import type { ExportScope } from '@/domain/plan/export-scope'
import { expandTask, isRecurring, occurrenceKey, type TaskOccurrence } from '@/domain/plan/recurrence'
import { lastDay } from '@/domain/plan/task-dates'
import { createPhaseLookup } from '@/domain/plan/task-phase'
import type { LocalDate, Phase, Plan, Task } from '@/domain/types'
import { appendNote, occurrenceNote } from '@/io/schedule-table/recurrence-text'
import {
  MACHINE_COLUMNS, SUPPORT_UNIT_SEPARATOR, TABLE_TASK_FIELDS, type MachineColumnKey, type VisibleColumnKey,
} from '@/io/schedule-table/schedule-columns'
import { formatSourceCell } from '@/io/schedule-table/source-cell'
import { STATUS_LABELS } from '@/io/schedule-table/status-text'

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
  /** A series' row: its rule in words, with "(dời từ …)" on a moved occurrence; '' for a single task. */
  recurrenceNote: string
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
 * whose days it touches (`createPhaseLookup`, the rule the checks use too); the rest go to a final
 * group "Ngoài các giai đoạn". Empty groups are left out, so an export of a filtered list shows no
 * empty headings. STT runs on through the groups (1…n over the whole table).
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
  const phaseOf = createPhaseLookup(phases)
  for (const entry of expandEntries(tasks, range)) {
    const { occurrence } = entry
    const key = phaseOf({ start: occurrence.start, end: occurrence.end, allDay: occurrence.task.allDay })?.id ?? null
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
  const recurrenceNote = series ? occurrenceNote(series, noneLeft ? 'none-left' : occurrence, language) : ''
  const notes = series ? appendNote(task.description, recurrenceNote) : task.description

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
    recurrenceNote,
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
    source: formatSourceCell(task.source),
    createdAt: instant(task.createdAt),
    other: otherFieldsJson(task),
    occurrenceOf,
    doneOn: task.status === 'done' && task.doneOn ? task.doneOn : '',
  }
}

/** The days an export scope covers, for `ScheduleRowOptions.range`: null for the whole plan or one lead unit. */
export function scheduleRangeOfScope(plan: Pick<Plan, 'phases'>, scope: ExportScope): ScheduleRange | null {
  if (scope.kind === 'range') return { from: scope.from, to: scope.to }
  if (scope.kind !== 'phase') return null
  const phase = plan.phases.find((p) => p.id === scope.phaseId)
  return phase ? { from: phase.start, to: addDays(phase.end, -1) } : null
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

/** `ke-hoach-tuyen-truyen-bau-cu-2021`: what the file is, and for which election. */
export function scheduleFileBaseName(plan: Pick<Plan, 'election'>): string {
  return `ke-hoach-tuyen-truyen-bau-cu-${plan.election.electionDay.slice(0, 4)}`
}

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
