/**
 * Reading one row of a sheet into a task, shared by our own files (own-file.ts) and foreign sheets
 * (column-mapping.ts): errors and warnings by row number, units and channels by name, the status,
 * dates people write, and ids seen so far. Every task goes through `restoreTask` (style rule 15).
 */
import { addDays, fromMinuteNumber, toMinuteNumber } from '@/domain/dates/local-date'
import { newId } from '@/domain/plan/ids'
import { restoreTask } from '@/domain/plan/restore-plan'
import type { EpochMs, Plan, Task, TaskStatus, Unit } from '@/domain/types'
import { parseDateRangeText, parseDateTimeText, type DateTimeValue } from '@/io/schedule-table/date-text'
import type { MappedField } from '@/io/schedule-table/header-matching'
import type { RowIssue, RowProblem } from '@/io/schedule-table/import-result'
import { NameIndex, splitNames } from '@/io/schedule-table/name-index'
import { parseStatusText } from '@/io/schedule-table/status-text'

/** A foreign timed task with no end lasts this long. */
const DEFAULT_TIMED_LENGTH_MINUTES = 60

/** Reads the rows of one sheet: collects its tasks, issues and new units as it goes. */
export class RowReader {
  readonly tasks: Task[] = []
  private readonly errors: RowIssue[] = []
  private readonly warnings: RowIssue[] = []
  private readonly seenIds = new Set<string>()
  private readonly units: NameIndex
  private readonly channels: NameIndex
  readonly plan: Plan
  readonly now: EpochMs
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

  /** `column`: the header of the column the warning is about, as the file has it. */
  warn(row: number, message: RowProblem, detail?: string, column?: string): void {
    const issue: RowIssue = { row, message }
    if (detail !== undefined) issue.detail = detail
    if (column !== undefined && column !== '') issue.column = column
    this.warnings.push(issue)
  }

  result(): { ok: true; tasks: Task[]; errors: RowIssue[]; warnings: RowIssue[] } {
    const byRow = (a: RowIssue, b: RowIssue) => a.row - b.row
    return { ok: true, tasks: this.tasks, errors: [...this.errors].sort(byRow), warnings: [...this.warnings].sort(byRow) }
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

  readLinks(rowNumber: number, lead: string, support: string, channel: string) {
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

  readStatus(rowNumber: number, text: string): TaskStatus {
    if (text === '') return 'planned'
    const status = parseStatusText(text)
    if (status === null) this.warn(rowNumber, 'unknownStatus', text)
    return status ?? 'planned'
  }

  /** A copied row repeats its task's id: the copy becomes a task of its own. */
  claimId(rowNumber: number, task: Task): Task {
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

export type Bounds = { allDay: boolean; start: string; end: string }

/** Bounds of a task read from a start (and maybe end) a person wrote; null when the end is before the start. */
export function foreignBounds(from: DateTimeValue, to: DateTimeValue | null): Bounds | null {
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
