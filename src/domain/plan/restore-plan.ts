/**
 * Restore: every plan that comes from outside (localStorage, a backup file, another tab) passes
 * through here. Per-field defaults, invalid items dropped, unknown fields kept (a newer minor version
 * may have added them) within bounds, and it never throws. It reports every field it replaced and
 * every item it dropped or renamed (restore-report.ts) so the caller can keep the original and tell
 * the user: a restore must never silently cost data.
 *
 * How changes are counted: the schemas below give each field a default (`.catch`), and after parsing
 * each field read is compared with the field restored (`changedFields`). A field that was missing is
 * not a change (the storage form leaves defaults out); a field that was there and came out different
 * is. Comparing outcomes, rather than instrumenting each `.catch`, also counts what no `.catch` sees:
 * items filtered out of a list, exceptions dropped, links to units that are gone, renamed ids.
 *
 * Ids and keys from outside never become plain-object keys unchecked: `__proto__` as a task id would
 * set the record's prototype and vanish. Such ids are renamed (`safeKey`) the same way every time.
 */
import { z } from 'zod'
import { addDays, isValidLocalDate, isValidLocalDateTime } from '@/domain/dates/local-date'
import {
  ADMIN_LEVELS, ELECTION_LAWS, RECURRENCE_FREQUENCIES, TASK_STATUSES, WEEKDAYS, type Plan, type RecurrenceException, type Task, type Weekday,
} from '@/domain/types'
import { isPlainRecord, isSameValue, isWithinBounds } from '@/domain/plan/bounded-value'
import { readCanonicalTask } from '@/domain/plan/canonical-task'
import { isReservedKey, safeKey } from '@/domain/plan/ids'
import { MAX_OCCURRENCES, MAX_RECURRENCE_INTERVAL } from '@/domain/plan/recurrence'
import { emptyReport, noteChange, type RestoreDetail, type RestoreReport } from '@/domain/plan/restore-report'

export { emptyReport, reportHasChanges, reportLostSomething, type RestoreReport } from '@/domain/plan/restore-report'

/**
 * Each schema is built on first use. zod builds a schema's methods when it is declared: all of these
 * cost ~45 ms of the page's start (~180 ms on a mid-range phone), while a saved plan this app wrote
 * needs only the plan's own (its tasks take the canonical path), and a first start none at all.
 */
function lazily<T>(build: () => T): () => T {
  let built: T | undefined
  return () => (built ??= build())
}

const anchorSchema = lazily(() => z.discriminatedUnion('type', [
  z.object({ type: z.literal('fixed') }),
  z.object({ type: z.literal('election-day'), offsetDays: z.number().int() }),
  z.object({ type: z.literal('milestone'), milestoneId: z.string(), offsetDays: z.number().int() }),
]))

const stringList = lazily(() => z.array(z.unknown()).catch([]).transform((items) => items.filter((x): x is string => typeof x === 'string')))
const countSchema = lazily(() => z.number().int().nonnegative().nullable().catch(null))

const trainingSchema = lazily(() => z.object({
  connectionPointCount: countSchema(),
  connectionPoints: stringList(),
  participantCount: countSchema(),
  participants: z.string().catch(''),
  topics: stringList(),
  presenters: stringList(),
}).loose())

/**
 * A series' last day that does not exist (`2021-02-31`): a rule that also has a count ends by its
 * count; one that has only this date ends on the month's last day, so the series survives. Either
 * way the change is counted like any other.
 */
function readUntil(value: unknown, count: number | null): string | null {
  if (typeof value !== 'string') return null
  if (isValidLocalDate(value)) return value
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (count !== null || !match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const clamped = `${match[1]}-${match[2]}-${String(Math.min(day, lastDay)).padStart(2, '0')}`
  return isValidLocalDate(clamped) ? clamped : null
}
const exceptionSchema = lazily(() => z.discriminatedUnion('type', [
  z.object({ type: z.literal('cancelled') }),
  z.object({ type: z.literal('moved'), start: z.string(), end: z.string() }),
]))
/**
 * A rule that cannot be read (a frequency the planner does not have, no end) is dropped and counted
 * (the task stays, as a single task); each other field is repaired on its own, bad exceptions one by one.
 */
const recurrenceFieldsSchema = lazily(() => z.object({
  frequency: z.enum(RECURRENCE_FREQUENCIES),
  interval: z.number().int().min(1).max(MAX_RECURRENCE_INTERVAL).catch(1),
  weekdays: z.array(z.unknown()).catch([]).transform((items) => items.filter((x): x is Weekday => (WEEKDAYS as readonly unknown[]).includes(x))),
  until: z.unknown(),
  count: z.number().int().min(1).max(MAX_OCCURRENCES).nullable().catch(null),
  exceptions: z.record(z.string(), z.unknown()).catch({}).transform((record) => {
    const kept: Record<string, RecurrenceException> = {}
    for (const [date, value] of Object.entries(record)) {
      const parsed = exceptionSchema().safeParse(value)
      if (isValidLocalDate(date) && parsed.success) kept[date] = parsed.data
    }
    return kept
  }),
}).loose())
const recurrenceSchema = lazily(() => recurrenceFieldsSchema()
  .transform((r) => ({ ...r, until: readUntil(r.until, r.count) }))
  .refine((r) => r.until !== null || r.count !== null))

const sourceSchema = lazily(() => z.object({
  note: z.string().catch(''),
  urls: stringList(),
  verified: z.enum(['yes', 'partly', 'unverified']).catch('unverified'),
}).loose())

const taskSchema = lazily(() => z.object({
  id: z.string().min(1),
  title: z.string().catch(''),
  allDay: z.boolean().catch(true),
  start: z.string(),
  end: z.string().catch(''),
  anchor: anchorSchema().catch({ type: 'fixed' }),
  endAnchor: anchorSchema().nullable().catch(null),
  channelId: z.string().nullable().catch(null),
  leadUnitId: z.string().nullable().catch(null),
  supportUnitIds: stringList(),
  location: z.string().catch(''),
  quantity: z.string().catch(''),
  status: z.enum(TASK_STATUSES).catch('planned'),
  // Added with the progress dashboard: older saves have no such field (missing is not a repair).
  doneOn: z.string().refine(isValidLocalDate).nullable().catch(null),
  description: z.string().catch(''),
  training: trainingSchema().nullable().catch(null),
  recurrence: recurrenceSchema().nullable().catch(null),
  level: z.enum(ADMIN_LEVELS).nullable().catch(null),
  source: sourceSchema().nullable().catch(null),
  campaigning: z.boolean().catch(false),
  derivedFromTaskId: z.string().nullable().catch(null),
  createdAt: z.number().catch(0),
  updatedAt: z.number().catch(0),
}).loose())

const unitSchema = lazily(() => z.object({ id: z.string().min(1), name: z.string(), updatedAt: z.number().catch(0) }).loose())
const channelSchema = lazily(() => z.object({
  id: z.string().min(1),
  name: z.string(),
  nameEn: z.string().catch(''),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).catch('#546e7a'),
  campaigning: z.boolean().catch(false),
  updatedAt: z.number().catch(0),
}).loose())
const phaseSchema = lazily(() => z.object({
  id: z.string().min(1),
  name: z.string().catch(''),
  nameEn: z.string().catch(''),
  start: z.string().refine(isValidLocalDate),
  end: z.string().refine(isValidLocalDate),
  startOffsetDays: z.number().int().nullable().catch(null),
  endOffsetDays: z.number().int().nullable().catch(null),
  focus: z.string().catch(''),
  source: sourceSchema().nullable().catch(null),
}).loose())

const electionSchema = lazily(() => z.object({
  name: z.string().catch(''),
  nameEn: z.string().catch(''),
  electionDay: z.string().refine(isValidLocalDate),
  law: z.enum(ELECTION_LAWS).catch('law-85-2015'),
  announcedOn: z.string().refine(isValidLocalDate).nullable().catch(null),
}).loose())

export const EMPTY_DOCUMENT_DETAILS = {
  parentAgency: '', issuingAgency: '', agencyCode: '', number: '', place: '', issuedOn: null, subject: '', purpose: '',
  signerAuthority: '', signerTitle: '', signerName: '', recipients: [], draftingUnitCode: '',
}

const documentSchema = lazily(() => z.object({
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
  recipients: stringList(),
  draftingUnitCode: z.string().catch(''),
}).loose())

const checksSchema = lazily(() => z.object({
  maxTasksPerUnitPerDay: z.number().int().min(1).max(1000).catch(5),
  dismissed: z.unknown(),
}).loose())

const planShellSchema = lazily(() => z.object({
  id: z.string().min(1),
  name: z.string().catch(''),
  level: z.enum(ADMIN_LEVELS).catch('province'),
  locality: z.string().catch(''),
  parentPlanId: z.string().nullable().catch(null),
  timeZone: z.string().catch('Asia/Ho_Chi_Minh'),
  election: electionSchema(),
  // Added after version 2 of the storage format: older saves get empty details.
  document: documentSchema().catch({ ...EMPTY_DOCUMENT_DETAILS }),
  checks: checksSchema().catch({ maxTasksPerUnitPerDay: 5, dismissed: {} }),
  phases: z.array(z.unknown()).catch([]),
  units: z.array(z.unknown()).catch([]),
  channels: z.array(z.unknown()).catch([]),
  // Keyed by ids from outside: read by hand (restoreTaskRecord, restoreNumberRecord), since a record
  // schema would drop a `__proto__` key without a word.
  tasks: z.unknown(),
  deletedTasks: z.unknown(),
  createdAt: z.number().catch(0),
  updatedAt: z.number().catch(0),
}).loose())

/** Fields whose parts are compared one by one, so a report says `recurrence.until`, not `recurrence`. */
const NESTED_FIELDS = new Set(['recurrence', 'training', 'source', 'election', 'document', 'checks'])
/** Never left out by the storage form: missing is a change. */
const ALWAYS_WRITTEN = new Set(['start', 'end'])

/** The fields of `restored` that differ from what was read (missing fields took their default: not a change). */
function changedFields(read: Record<string, unknown>, restored: Record<string, unknown>, keys: Iterable<string>, prefix = ''): string[] {
  const changed: string[] = []
  for (const key of keys) {
    const before = read[key]
    if (before === undefined && !ALWAYS_WRITTEN.has(key)) continue
    const after = restored[key]
    if (isSameValue(before, after)) continue
    if (NESTED_FIELDS.has(key) && isPlainRecord(before) && isPlainRecord(after)) {
      const parts = changedFields(before, after, new Set([...Object.keys(before), ...Object.keys(after)]), `${prefix}${key}.`)
      changed.push(...(parts.length > 0 ? parts : [`${prefix}${key}`]))
    } else changed.push(`${prefix}${key}`)
  }
  return changed
}

/**
 * Unknown fields are kept only within bounds (bounded-value.ts), and never under a reserved name.
 * Returns the names of those it removed. NOTE: mutates `restored` (a fresh object from the schema).
 */
function dropUnboundedUnknown(read: Record<string, unknown>, restored: Record<string, unknown>, known: Record<string, unknown>, prefix = ''): string[] {
  const dropped: string[] = []
  for (const key of Object.keys(read)) {
    if (Object.prototype.hasOwnProperty.call(known, key)) continue
    if (isReservedKey(key) || !isWithinBounds(read[key])) {
      delete restored[key]
      dropped.push(`${prefix}${key}`)
    }
  }
  return dropped
}

/** The same for the unknown fields of a nested object (a task's training, a plan's election…). */
function dropUnboundedNested(read: Record<string, unknown>, restored: Record<string, unknown>, field: string, known: Record<string, unknown>): string[] {
  const before = read[field]
  const after = restored[field]
  return isPlainRecord(before) && isPlainRecord(after) ? dropUnboundedUnknown(before, after, known, `${field}.`) : []
}

function nameOf(value: unknown, field: 'title' | 'name'): string {
  const name = isPlainRecord(value) ? value[field] : undefined
  return typeof name === 'string' ? name.slice(0, 200) : ''
}

function idOf(value: unknown): string {
  const id = isPlainRecord(value) ? value.id : undefined
  return typeof id === 'string' ? id.slice(0, 200) : ''
}

/** Restores one plan; null (and counted) when not even its shell (id, election day) can be read. */
export function restorePlan(raw: unknown, report: RestoreReport = emptyReport()): Plan | null {
  const shell = planShellSchema().safeParse(raw)
  if (!shell.success || !isPlainRecord(raw)) {
    noteChange(report, { kind: 'plan', id: idOf(raw), name: nameOf(raw, 'name'), outcome: 'dropped', fields: [] })
    return null
  }
  const data = shell.data as Record<string, unknown> & z.infer<ReturnType<typeof planShellSchema>>
  const planFields = [
    ...dropUnboundedUnknown(raw, data, planShellSchema().shape),
    ...dropUnboundedNested(raw, data, 'election', electionSchema().shape),
    ...dropUnboundedNested(raw, data, 'document', documentSchema().shape),
    ...dropUnboundedNested(raw, data, 'checks', checksSchema().shape),
  ]
  const units = restoreItems<Plan['units'][number]>('unit', raw.units, unitSchema(), report, planFields)
  const channels = restoreItems<Plan['channels'][number]>('channel', raw.channels, channelSchema(), report, planFields)
  const phases = restoreItems<Plan['phases'][number]>('phase', raw.phases, phaseSchema(), report, planFields)
  const unitIds = new Set(units.map((u) => u.id))
  const channelIds = new Set(channels.map((c) => c.id))
  const tasks = restoreTaskRecord(raw.tasks, unitIds, channelIds, report, planFields)
  const deletedTasks = restoreNumberRecord(raw.deletedTasks, 'deletedTasks', planFields)
  const checks = { ...data.checks, dismissed: restoreDismissed(data.checks.dismissed) }
  const restored = {
    ...data, id: safeKey(data.id), parentPlanId: data.parentPlanId === null ? null : safeKey(data.parentPlanId),
    checks, phases, units, channels, tasks, deletedTasks,
  }
  planFields.push(...changedFields(raw, restored, ['id', 'name', 'level', 'locality', 'parentPlanId', 'timeZone', 'election', 'document', 'checks', 'createdAt', 'updatedAt']))
  if (planFields.length > 0) noteChange(report, { kind: 'plan', id: data.id, name: data.name, outcome: 'repaired', fields: planFields })
  return restored as unknown as Plan
}

/**
 * Restores a record of plans keyed by id (a saved document's `plans`). A plan whose key and id
 * disagree, or that repeats another's id, is dropped and counted.
 */
export function restorePlanRecord(raw: unknown, report: RestoreReport = emptyReport()): Record<string, Plan> {
  const plans: Record<string, Plan> = {}
  if (!isPlainRecord(raw)) return plans
  for (const key of Object.keys(raw)) {
    const value = raw[key]
    const plan = restorePlan(value, report)
    if (plan === null) continue // counted by restorePlan
    if (plan.id !== safeKey(key) || Object.prototype.hasOwnProperty.call(plans, plan.id)) {
      noteChange(report, { kind: 'plan', id: key.slice(0, 200), name: plan.name, outcome: 'dropped', fields: ['id'] })
      continue
    }
    plans[plan.id] = plan
  }
  return plans
}

function restoreTaskRecord(raw: unknown, unitIds: Set<string>, channelIds: Set<string>, report: RestoreReport, planFields: string[]): Record<string, Task> {
  const tasks: Record<string, Task> = {}
  if (raw === undefined) return tasks
  if (!isPlainRecord(raw)) {
    planFields.push('tasks')
    return tasks
  }
  for (const key of Object.keys(raw)) {
    const value = raw[key]
    // A task as this app writes it skips the schema (canonical-task.ts: same result, several times faster).
    const canonical = readCanonicalTask(value, key)
    // The common case at load: its id is its key and every link holds; it is already what restore gives.
    if (canonical !== null && canonical.id === key && safeKey(key) === key && linksHold(canonical, unitIds, channelIds)) {
      if (Object.prototype.hasOwnProperty.call(tasks, key)) noteChange(report, { kind: 'task', id: key.slice(0, 200), name: nameOf(value, 'title'), outcome: 'dropped', fields: [] })
      else tasks[key] = canonical
      continue
    }
    // The storage form leaves out the id (it is the key): give it back.
    const read = isPlainRecord(value) && !('id' in value) ? { ...value, id: key } : value
    const restored = canonical ? { task: canonical, fields: [] } : restoreTaskFields(read)
    const dropped: RestoreDetail = { kind: 'task', id: key.slice(0, 200), name: nameOf(value, 'title'), outcome: 'dropped', fields: [] }
    // Key and id disagree: the record is not what it says it is.
    if (restored === null || restored.task.id !== key || !isPlainRecord(read)) {
      noteChange(report, dropped)
      continue
    }
    const { task } = restored
    const id = safeKey(key)
    if (Object.prototype.hasOwnProperty.call(tasks, id)) {
      noteChange(report, dropped) // `renamed-__proto__` was taken already
      continue
    }
    // A task pointing at a unit or channel that no longer exists loses the link, not the task.
    const leadUnitId = task.leadUnitId === null ? null : keepIfKnown(safeKey(task.leadUnitId), unitIds)
    const channelId = task.channelId === null ? null : keepIfKnown(safeKey(task.channelId), channelIds)
    const supportUnitIds = task.supportUnitIds.map(safeKey).filter((unitId) => unitIds.has(unitId))
    const derivedFromTaskId = task.derivedFromTaskId === null ? null : safeKey(task.derivedFromTaskId)
    const linked: Task = { ...task, id, leadUnitId, channelId, supportUnitIds, derivedFromTaskId }
    // A canonical task equals what the schema gives, unchanged: only the links above can differ.
    const fields = [...restored.fields, ...changedFields(read, linked as unknown as Record<string, unknown>, canonical ? LINK_FIELDS : Object.keys(taskSchema().shape))]
    if (fields.length > 0) noteChange(report, { kind: 'task', id: key.slice(0, 200), name: linked.title, outcome: 'repaired', fields })
    tasks[id] = linked
  }
  return tasks
}

/**
 * True when restoreTaskRecord would change none of the task's links (the same checks as below it,
 * without building a new task): every id is safe and every unit and channel exists.
 */
function linksHold(task: Task, unitIds: Set<string>, channelIds: Set<string>): boolean {
  if (task.leadUnitId !== null && (safeKey(task.leadUnitId) !== task.leadUnitId || !unitIds.has(task.leadUnitId))) return false
  if (task.channelId !== null && (safeKey(task.channelId) !== task.channelId || !channelIds.has(task.channelId))) return false
  if (task.derivedFromTaskId !== null && safeKey(task.derivedFromTaskId) !== task.derivedFromTaskId) return false
  for (const unitId of task.supportUnitIds) if (safeKey(unitId) !== unitId || !unitIds.has(unitId)) return false
  return true
}

/** The fields restoreTaskRecord itself may change after the schema: ids made safe, links to units and channels. */
const LINK_FIELDS = ['id', 'leadUnitId', 'channelId', 'supportUnitIds', 'derivedFromTaskId']

function keepIfKnown(id: string, known: Set<string>): string | null {
  return known.has(id) ? id : null
}

/**
 * Restores one task on its own (an imported row or event), repairing its end when it can; null when
 * its id or start are unreadable. Both are counted in `report`.
 */
export function restoreTask(raw: unknown, report: RestoreReport = emptyReport()): Task | null {
  const restored = restoreTaskFields(raw)
  if (restored === null || !isPlainRecord(raw)) {
    noteChange(report, { kind: 'task', id: idOf(raw), name: nameOf(raw, 'title'), outcome: 'dropped', fields: [] })
    return null
  }
  const task = { ...restored.task, id: safeKey(restored.task.id) }
  const fields = [...restored.fields, ...changedFields(raw, task as unknown as Record<string, unknown>, Object.keys(taskSchema().shape))]
  if (fields.length > 0) noteChange(report, { kind: 'task', id: idOf(raw), name: task.title, outcome: 'repaired', fields })
  return task
}

/** The schema's task with its end repaired and its exceptions checked, plus the unknown fields it removed. */
function restoreTaskFields(raw: unknown): { task: Task; fields: string[] } | null {
  const parsed = taskSchema().safeParse(raw)
  if (!parsed.success || !isPlainRecord(raw)) return null
  const data = parsed.data as Record<string, unknown> & z.infer<ReturnType<typeof taskSchema>>
  const fields = [
    ...dropUnboundedUnknown(raw, data, taskSchema().shape),
    ...dropUnboundedNested(raw, data, 'training', trainingSchema().shape),
    ...dropUnboundedNested(raw, data, 'source', sourceSchema().shape),
    ...dropUnboundedNested(raw, data, 'recurrence', recurrenceFieldsSchema().shape),
  ]
  const task = data as unknown as Task
  const isValidBound = task.allDay ? isValidLocalDate : isValidLocalDateTime
  if (!isValidBound(task.start)) return null
  if (!isValidBound(task.end) || (task.allDay ? task.end <= task.start : task.end < task.start)) {
    return { task: withValidExceptions({ ...task, end: task.allDay ? addDays(task.start, 1) : task.start }), fields }
  }
  return { task: withValidExceptions(task), fields }
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

/** Numbers keyed by id (tombstones): bad entries are dropped one by one, reserved ids renamed. */
function restoreNumberRecord(raw: unknown, field: string, planFields: string[]): Record<string, number> {
  const kept: Record<string, number> = {}
  if (raw === undefined) return kept
  if (!isPlainRecord(raw)) {
    planFields.push(field)
    return kept
  }
  let changed = false
  for (const key of Object.keys(raw)) {
    const value = raw[key]
    if (typeof value === 'number' && Number.isFinite(value)) kept[safeKey(key)] = value
    if (typeof value !== 'number' || !Number.isFinite(value) || isReservedKey(key)) changed = true
  }
  if (changed) planFields.push(field)
  return kept
}

/** Dismissed checks keyed by task id (a change here shows up in the plan's `checks.dismissed`). */
function restoreDismissed(raw: unknown): Record<string, string[]> {
  const kept: Record<string, string[]> = {}
  if (!isPlainRecord(raw)) return kept
  for (const key of Object.keys(raw)) {
    const value = raw[key]
    if (Array.isArray(value)) kept[safeKey(key)] = value.filter((kind): kind is string => typeof kind === 'string')
  }
  return kept
}

type ItemKind = 'unit' | 'channel' | 'phase'

/** Units, channels or phases: invalid ones dropped, bad fields repaired, reserved ids renamed; all counted. */
function restoreItems<T extends { id: string }>(
  kind: ItemKind, raw: unknown, schema: z.ZodObject<z.ZodRawShape>, report: RestoreReport, planFields: string[],
): T[] {
  if (raw === undefined) return []
  if (!Array.isArray(raw)) {
    planFields.push(`${kind}s`)
    return []
  }
  const kept: T[] = []
  for (const item of raw) {
    const parsed = schema.safeParse(item)
    if (!parsed.success || !isPlainRecord(item)) {
      noteChange(report, { kind, id: idOf(item), name: nameOf(item, 'name'), outcome: 'dropped', fields: [] })
      continue
    }
    const data = parsed.data as Record<string, unknown>
    const unknownDropped = dropUnboundedUnknown(item, data, schema.shape)
    const restored = { ...data, id: safeKey(data.id as string) }
    const fields = [...unknownDropped, ...changedFields(item, restored, Object.keys(schema.shape))]
    if (fields.length > 0) noteChange(report, { kind, id: idOf(item), name: nameOf(item, 'name'), outcome: 'repaired', fields })
    kept.push(restored as unknown as T)
  }
  return kept
}
