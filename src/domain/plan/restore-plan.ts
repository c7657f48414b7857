/**
 * Restore: every plan that comes from outside (localStorage, a backup file, another tab) passes
 * through here. Per-field defaults, invalid items dropped, unknown fields kept (a newer minor version
 * may have added them), and it never throws. It reports what it had to drop or repair so the caller
 * can keep the original and tell the user: a restore must never silently cost data.
 */
import { z } from 'zod'
import { addDays, isValidLocalDate, isValidLocalDateTime } from '@/domain/dates/local-date'
import {
  ADMIN_LEVELS, ELECTION_LAWS, RECURRENCE_FREQUENCIES, TASK_STATUSES, WEEKDAYS, type Plan, type RecurrenceException, type Task, type Weekday,
} from '@/domain/types'
import { MAX_OCCURRENCES, MAX_RECURRENCE_INTERVAL } from '@/domain/plan/recurrence'

export interface RestoreReport {
  droppedTasks: number
  repairedTasks: number
  droppedOther: number
}

const anchorSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fixed') }),
  z.object({ type: z.literal('election-day'), offsetDays: z.number().int() }),
  z.object({ type: z.literal('milestone'), milestoneId: z.string(), offsetDays: z.number().int() }),
])

const stringList = z.array(z.unknown()).catch([]).transform((items) => items.filter((x): x is string => typeof x === 'string'))
const count = z.number().int().nonnegative().nullable().catch(null)

const trainingSchema = z.object({
  connectionPointCount: count,
  connectionPoints: stringList,
  participantCount: count,
  participants: z.string().catch(''),
  topics: stringList,
  presenters: stringList,
}).loose()

const localDate = z.string().refine(isValidLocalDate)
const exceptionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cancelled') }),
  z.object({ type: z.literal('moved'), start: z.string(), end: z.string() }),
])
/** A rule that cannot be read is dropped (the task stays, as a single task); bad exceptions are dropped one by one. */
const recurrenceSchema = z.object({
  frequency: z.enum(RECURRENCE_FREQUENCIES),
  interval: z.number().int().min(1).max(MAX_RECURRENCE_INTERVAL).catch(1),
  weekdays: z.array(z.unknown()).catch([]).transform((items) => items.filter((x): x is Weekday => (WEEKDAYS as readonly unknown[]).includes(x))),
  until: localDate.nullable().catch(null),
  count: z.number().int().min(1).max(MAX_OCCURRENCES).nullable().catch(null),
  exceptions: z.record(z.string(), z.unknown()).catch({}).transform((record) => {
    const kept: Record<string, RecurrenceException> = {}
    for (const [date, value] of Object.entries(record)) {
      const parsed = exceptionSchema.safeParse(value)
      if (isValidLocalDate(date) && parsed.success) kept[date] = parsed.data
    }
    return kept
  }),
}).refine((r) => r.until !== null || r.count !== null)

const sourceSchema = z.object({
  note: z.string().catch(''),
  urls: stringList,
  verified: z.enum(['yes', 'partly', 'unverified']).catch('unverified'),
}).loose()

const taskSchema = z.object({
  id: z.string().min(1),
  title: z.string().catch(''),
  allDay: z.boolean().catch(true),
  start: z.string(),
  end: z.string().catch(''),
  anchor: anchorSchema.catch({ type: 'fixed' }),
  channelId: z.string().nullable().catch(null),
  leadUnitId: z.string().nullable().catch(null),
  supportUnitIds: stringList,
  location: z.string().catch(''),
  quantity: z.string().catch(''),
  status: z.enum(TASK_STATUSES).catch('planned'),
  description: z.string().catch(''),
  training: trainingSchema.nullable().catch(null),
  recurrence: recurrenceSchema.nullable().catch(null),
  level: z.enum(ADMIN_LEVELS).nullable().catch(null),
  source: sourceSchema.nullable().catch(null),
  campaigning: z.boolean().catch(false),
  derivedFromTaskId: z.string().nullable().catch(null),
  createdAt: z.number().catch(0),
  updatedAt: z.number().catch(0),
}).loose()

const unitSchema = z.object({ id: z.string().min(1), name: z.string(), updatedAt: z.number().catch(0) }).loose()
const channelSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  nameEn: z.string().catch(''),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).catch('#546e7a'),
  campaigning: z.boolean().catch(false),
  updatedAt: z.number().catch(0),
}).loose()
const phaseSchema = z.object({
  id: z.string().min(1),
  name: z.string().catch(''),
  nameEn: z.string().catch(''),
  start: z.string().refine(isValidLocalDate),
  end: z.string().refine(isValidLocalDate),
  startOffsetDays: z.number().int().nullable().catch(null),
  endOffsetDays: z.number().int().nullable().catch(null),
  focus: z.string().catch(''),
  source: sourceSchema.nullable().catch(null),
}).loose()

const electionSchema = z.object({
  name: z.string().catch(''),
  nameEn: z.string().catch(''),
  electionDay: z.string().refine(isValidLocalDate),
  law: z.enum(ELECTION_LAWS).catch('law-85-2015'),
  announcedOn: z.string().refine(isValidLocalDate).nullable().catch(null),
}).loose()

export const EMPTY_DOCUMENT_DETAILS = {
  parentAgency: '', issuingAgency: '', agencyCode: '', number: '', place: '', issuedOn: null, subject: '', purpose: '',
  signerAuthority: '', signerTitle: '', signerName: '', recipients: [], draftingUnitCode: '',
}

const documentSchema = z.object({
  parentAgency: z.string().catch(''),
  issuingAgency: z.string().catch(''),
  agencyCode: z.string().catch(''),
  number: z.string().catch(''),
  place: z.string().catch(''),
  issuedOn: z.string().refine(isValidLocalDate).nullable().catch(null),
  subject: z.string().catch(''),
  purpose: z.string().catch(''),
  signerAuthority: z.string().catch(''),
  signerTitle: z.string().catch(''),
  signerName: z.string().catch(''),
  recipients: stringList,
  draftingUnitCode: z.string().catch(''),
}).loose()

const planShellSchema = z.object({
  id: z.string().min(1),
  name: z.string().catch(''),
  level: z.enum(ADMIN_LEVELS).catch('province'),
  locality: z.string().catch(''),
  parentPlanId: z.string().nullable().catch(null),
  timeZone: z.string().catch('Asia/Ho_Chi_Minh'),
  election: electionSchema,
  // Added after version 2 of the storage format: older saves get empty details.
  document: documentSchema.catch({ ...EMPTY_DOCUMENT_DETAILS }),
  checks: z.object({
    maxTasksPerUnitPerDay: z.number().int().min(1).max(1000).catch(5),
    dismissed: z.record(z.string(), z.array(z.string())).catch({}),
  }).loose().catch({ maxTasksPerUnitPerDay: 5, dismissed: {} }),
  phases: z.array(z.unknown()).catch([]),
  units: z.array(z.unknown()).catch([]),
  channels: z.array(z.unknown()).catch([]),
  tasks: z.record(z.string(), z.unknown()).catch({}),
  deletedTasks: z.record(z.string(), z.number()).catch({}),
  createdAt: z.number().catch(0),
  updatedAt: z.number().catch(0),
}).loose()

/** Restores one plan; null when not even its shell (id, election day) can be read. */
export function restorePlan(raw: unknown, report: RestoreReport = emptyReport()): Plan | null {
  const shell = planShellSchema.safeParse(raw)
  if (!shell.success) return null
  const data = shell.data
  const units = keepValid(data.units, unitSchema, report)
  const channels = keepValid(data.channels, channelSchema, report)
  const phases = keepValid(data.phases, phaseSchema, report)
  const unitIds = new Set(units.map((u) => u.id))
  const channelIds = new Set(channels.map((c) => c.id))

  const tasks: Record<string, Task> = {}
  for (const [key, value] of Object.entries(data.tasks)) {
    const repairsBefore = report.repairedTasks
    // The storage form leaves out the id (it is the key): give it back.
    const withId = typeof value === 'object' && value !== null && !('id' in value) ? { ...value, id: key } : value
    const task = restoreTask(withId, report)
    if (!task || task.id !== key) {
      if (task) report.droppedTasks += 1 // key and id disagree: the record is not what it says it is
      continue
    }
    // A task pointing at a unit or channel that no longer exists loses the link, not the task.
    const leadUnitId = task.leadUnitId !== null && !unitIds.has(task.leadUnitId) ? null : task.leadUnitId
    const channelId = task.channelId !== null && !channelIds.has(task.channelId) ? null : task.channelId
    const supportUnitIds = task.supportUnitIds.filter((id) => unitIds.has(id))
    const lostLinks = leadUnitId !== task.leadUnitId || channelId !== task.channelId || supportUnitIds.length !== task.supportUnitIds.length
    if (lostLinks && report.repairedTasks === repairsBefore) {
      report.repairedTasks += 1 // count tasks, not repairs
    }
    tasks[key] = { ...task, leadUnitId, channelId, supportUnitIds }
  }
  return { ...data, phases, units, channels, tasks } as Plan
}

/** Restores one task, repairing its end when it can; null when its id or start are unreadable. */
export function restoreTask(raw: unknown, report: RestoreReport = emptyReport()): Task | null {
  const parsed = taskSchema.safeParse(raw)
  if (!parsed.success) {
    report.droppedTasks += 1
    return null
  }
  const task = parsed.data as Task
  const isValidBound = task.allDay ? isValidLocalDate : isValidLocalDateTime
  if (!isValidBound(task.start)) {
    report.droppedTasks += 1
    return null
  }
  if (!isValidBound(task.end) || (task.allDay ? task.end <= task.start : task.end < task.start)) {
    report.repairedTasks += 1
    return withValidExceptions({ ...task, end: task.allDay ? addDays(task.start, 1) : task.start })
  }
  return withValidExceptions(task)
}

/** A moved occurrence whose bounds do not fit the task (all-day vs timed, end before start) is dropped. */
function withValidExceptions(task: Task): Task {
  if (!task.recurrence) return task
  const isValidBound = task.allDay ? isValidLocalDate : isValidLocalDateTime
  const entries = Object.entries(task.recurrence.exceptions)
  const kept = entries.filter(([, e]) => e.type === 'cancelled'
    || (isValidBound(e.start) && isValidBound(e.end) && (task.allDay ? e.end > e.start : e.end >= e.start)))
  if (kept.length === entries.length) return task
  return { ...task, recurrence: { ...task.recurrence, exceptions: Object.fromEntries(kept) } }
}

export function emptyReport(): RestoreReport {
  return { droppedTasks: 0, repairedTasks: 0, droppedOther: 0 }
}

export function reportLostSomething(report: RestoreReport): boolean {
  return report.droppedTasks > 0 || report.droppedOther > 0
}

function keepValid<T>(items: unknown[], schema: z.ZodType<T>, report: RestoreReport): T[] {
  const kept: T[] = []
  for (const item of items) {
    const parsed = schema.safeParse(item)
    if (parsed.success) kept.push(parsed.data)
    else report.droppedOther += 1
  }
  return kept
}
