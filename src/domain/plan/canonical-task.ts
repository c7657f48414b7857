/**
 * The fast path of restore for the common case: a task exactly as this app writes it (its storage
 * form, compact-plan.ts), with nothing to repair. At load, restore-plan.ts's zod schema was most of
 * the time spent on a 10,000-task plan (issue 11, "Speed on a phone"); a hand-written check of a
 * plain task is several times faster.
 *
 * The contract, tested against the schema itself (canonical-task.test.ts): `readCanonicalTask`
 * returns null whenever it has any doubt, and otherwise exactly what the schema would give (same
 * fields, same values, same key order) with no field changed. So it never accepts anything the
 * schema would repair or drop; every doubtful task still goes through the schema and is counted.
 * Doubt is cheap to have: a task with unknown fields (also inside its training or source), a
 * recurrence, a value of a wrong type, an invalid or reversed date, is left to the schema.
 */
import { isValidLocalDate, isValidLocalDateTime } from '@/domain/dates/local-date'
import { ADMIN_LEVELS, TASK_STATUSES, type Task } from '@/domain/types'
import { isPlainRecord } from '@/domain/plan/bounded-value'

/** The schema's fields in its order (restore-plan.ts's taskSchema); any other key sends the task to the schema. */
const KNOWN_FIELDS = new Set([
  'id', 'title', 'allDay', 'start', 'end', 'anchor', 'endAnchor', 'channelId', 'leadUnitId', 'supportUnitIds', 'location',
  'quantity', 'status', 'doneOn', 'description', 'training', 'recurrence', 'level', 'source', 'campaigning', 'derivedFromTaskId',
  'createdAt', 'updatedAt',
])
const STATUSES: ReadonlySet<unknown> = new Set(TASK_STATUSES)
const LEVELS: ReadonlySet<unknown> = new Set(ADMIN_LEVELS)

/** Sentinel: the field is not plain (the schema must judge the task). */
const DOUBT = Symbol('doubt')
type Read<T> = T | typeof DOUBT

const str = (v: unknown, fallback: string): Read<string> => (v === undefined ? fallback : typeof v === 'string' ? v : DOUBT)
const nullableStr = (v: unknown): Read<string | null> => (v === undefined || v === null ? null : typeof v === 'string' ? v : DOUBT)
const bool = (v: unknown, fallback: boolean): Read<boolean> => (v === undefined ? fallback : typeof v === 'boolean' ? v : DOUBT)
const finite = (v: unknown): Read<number> => (v === undefined ? 0 : typeof v === 'number' && Number.isFinite(v) ? v : DOUBT)
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v)

/** An anchor with exactly the schema's keys (the schema strips others: that would be a change). */
function anchor(v: unknown): Read<Task['anchor']> {
  if (!isPlainRecord(v)) return DOUBT
  const keys = Object.keys(v).length
  if (v.type === 'fixed' && keys === 1) return { type: 'fixed' }
  if (v.type === 'election-day' && keys === 2 && isInt(v.offsetDays)) return { type: 'election-day', offsetDays: v.offsetDays }
  if (v.type === 'milestone' && keys === 3 && typeof v.milestoneId === 'string' && isInt(v.offsetDays)) {
    return { type: 'milestone', milestoneId: v.milestoneId, offsetDays: v.offsetDays }
  }
  return DOUBT
}

const SOURCE_VERIFIED: ReadonlySet<unknown> = new Set(['yes', 'partly', 'unverified'])
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')
const isCount = (v: unknown) => v === null || (isInt(v) && v >= 0)
const hasExactly = (v: Record<string, unknown>, keys: readonly string[]) => Object.keys(v).length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(v, k))

const SOURCE_KEYS = ['note', 'urls', 'verified'] as const
/** A source with exactly its three fields, all plain (the template's tasks each have one). */
function source(v: unknown): Read<Task['source']> {
  if (v === undefined || v === null) return null
  if (!isPlainRecord(v) || !hasExactly(v, SOURCE_KEYS) || typeof v.note !== 'string' || !isStringList(v.urls) || !SOURCE_VERIFIED.has(v.verified)) return DOUBT
  return { note: v.note, urls: [...v.urls], verified: v.verified as NonNullable<Task['source']>['verified'] }
}

const TRAINING_KEYS = ['connectionPointCount', 'connectionPoints', 'participantCount', 'participants', 'topics', 'presenters'] as const
function training(v: unknown): Read<Task['training']> {
  if (v === undefined || v === null) return null
  if (!isPlainRecord(v) || !hasExactly(v, TRAINING_KEYS) || !isCount(v.connectionPointCount) || !isStringList(v.connectionPoints)
    || !isCount(v.participantCount) || typeof v.participants !== 'string' || !isStringList(v.topics) || !isStringList(v.presenters)) return DOUBT
  return {
    connectionPointCount: v.connectionPointCount as number | null, connectionPoints: [...v.connectionPoints], participantCount: v.participantCount as number | null,
    participants: v.participants, topics: [...v.topics], presenters: [...v.presenters],
  }
}

/**
 * The task `raw` as restore would return it, or null when restore's schema has to look at it.
 * Never throws. `idFromKey`: the id of a task in its storage form, which leaves the id out (it is
 * the record's key); a task that has an `id` field keeps its own.
 */
export function readCanonicalTask(raw: unknown, idFromKey?: string): Task | null {
  if (!isPlainRecord(raw)) return null
  for (const key in raw) if (!KNOWN_FIELDS.has(key)) return null
  // A recurrence (rules, exceptions, a repaired last day) is left to the schema.
  if ((raw.recurrence ?? null) !== null) return null
  const id = 'id' in raw ? raw.id : idFromKey
  const { start, end } = raw
  if (typeof id !== 'string' || id.length === 0 || typeof start !== 'string' || typeof end !== 'string') return null
  const allDay = bool(raw.allDay, true)
  if (allDay === DOUBT) return null
  if (allDay ? !(isValidLocalDate(start) && isValidLocalDate(end) && end > start) : !(isValidLocalDateTime(start) && isValidLocalDateTime(end) && end >= start)) return null
  const title = str(raw.title, '')
  const taskAnchor = raw.anchor === undefined ? { type: 'fixed' as const } : anchor(raw.anchor)
  const endAnchor = raw.endAnchor === undefined || raw.endAnchor === null ? null : anchor(raw.endAnchor)
  const channelId = nullableStr(raw.channelId)
  const leadUnitId = nullableStr(raw.leadUnitId)
  const support = raw.supportUnitIds === undefined ? [] : raw.supportUnitIds
  if (!Array.isArray(support) || !support.every((x) => typeof x === 'string')) return null
  const location = str(raw.location, '')
  const quantity = str(raw.quantity, '')
  const status = raw.status === undefined ? 'planned' : STATUSES.has(raw.status) ? raw.status as Task['status'] : DOUBT
  const doneOn = raw.doneOn === undefined || raw.doneOn === null ? null : typeof raw.doneOn === 'string' && isValidLocalDate(raw.doneOn) ? raw.doneOn : DOUBT
  const description = str(raw.description, '')
  const level = raw.level === undefined || raw.level === null ? null : LEVELS.has(raw.level) ? raw.level as Task['level'] : DOUBT
  const campaigning = bool(raw.campaigning, false)
  const derivedFromTaskId = nullableStr(raw.derivedFromTaskId)
  const createdAt = finite(raw.createdAt)
  const updatedAt = finite(raw.updatedAt)
  const taskTraining = training(raw.training)
  const taskSource = source(raw.source)
  if (title === DOUBT || taskAnchor === DOUBT || endAnchor === DOUBT || channelId === DOUBT || leadUnitId === DOUBT || location === DOUBT
    || quantity === DOUBT || status === DOUBT || doneOn === DOUBT || description === DOUBT || level === DOUBT || campaigning === DOUBT
    || derivedFromTaskId === DOUBT || createdAt === DOUBT || updatedAt === DOUBT || taskTraining === DOUBT || taskSource === DOUBT) return null
  return {
    id, title, allDay, start, end, anchor: taskAnchor, endAnchor, channelId, leadUnitId, supportUnitIds: [...support as string[]], location,
    quantity, status, doneOn, description, training: taskTraining, recurrence: null, level, source: taskSource, campaigning, derivedFromTaskId, createdAt, updatedAt,
  }
}
