/**
 * Plan ⇄ CouchDB documents (issue 13, "Đồng bộ"). One database per plan; in it:
 * - one document per task: `_id` = task id (a task id starting with `_`, which CouchDB reserves, gets
 *   the prefix `task~`), `type: 'task'`, and the Task's own fields flattened (so a
 *   `validate_doc_update` can read `newDoc.leadUnitId` or `newDoc.level`);
 * - one settings document `_id: 'plan-settings'`: the plan's election, law, phases, units, channels,
 *   document details, checks, name, level, locality, time zone;
 * - a deleted task is a CouchDB deletion (`_deleted: true`), never a field.
 *
 * The plan's own `updatedAt` and `deletedTasks` tombstones are NOT in the settings document: every
 * task edit bumps `updatedAt`, which would make every edit on two offices a settings conflict, and
 * CouchDB's deletions already are the tombstones.
 *
 * Everything coming from the server passes through the restore path (restore-plan.ts): a document
 * that cannot be read is skipped and counted (`report`), never written into the plan.
 *
 * These doc id strings and field names are the data layout on the province's server: never rename them.
 */
import { restorePlan, restoreTask, type RestoreReport } from '@/domain/plan/restore-plan'
import { isPlainRecord } from '@/domain/plan/bounded-value'
import { emptyReport, noteChange } from '@/domain/plan/restore-report'
import type { Plan, Task } from '@/domain/types'

export const SETTINGS_DOC_ID = 'plan-settings'
const RESERVED_ID_PREFIX = 'task~'

/** The plan fields the settings document carries (everything but tasks and bookkeeping). */
export const SETTINGS_FIELDS = [
  'name', 'level', 'locality', 'parentPlanId', 'timeZone', 'election', 'document', 'checks', 'phases', 'units', 'channels', 'createdAt',
] as const satisfies readonly (keyof Plan)[]

export type PlanSettings = Pick<Plan, (typeof SETTINGS_FIELDS)[number]>

export interface TaskDocument extends Task {
  _id: string
  _rev?: string
  type: 'task'
}

export interface SettingsDocument extends PlanSettings {
  _id: typeof SETTINGS_DOC_ID
  _rev?: string
  type: 'plan-settings'
}

/** A document as the database hands it over: anything, from anyone. */
export interface IncomingDocument {
  _id: string
  _rev?: string
  _deleted?: boolean
  [field: string]: unknown
}

/** The CouchDB `_id` of a task (CouchDB refuses ids starting with `_`). */
export function taskDocId(taskId: string): string {
  return taskId.startsWith('_') || taskId === SETTINGS_DOC_ID ? `${RESERVED_ID_PREFIX}${taskId}` : taskId
}

/** The task id of a document id (the inverse of `taskDocId`). */
export function taskIdOfDoc(docId: string): string {
  return docId.startsWith(RESERVED_ID_PREFIX) ? docId.slice(RESERVED_ID_PREFIX.length) : docId
}

export function serializeTaskDocument(task: Task): TaskDocument {
  return { ...task, _id: taskDocId(task.id), type: 'task' }
}

export function pickPlanSettings(plan: Plan): PlanSettings {
  const settings = {} as Record<string, unknown>
  for (const field of SETTINGS_FIELDS) settings[field] = plan[field]
  return settings as PlanSettings
}

export function serializeSettingsDocument(plan: Plan): SettingsDocument {
  return { ...pickPlanSettings(plan), _id: SETTINGS_DOC_ID, type: 'plan-settings' }
}

/** Every document of a plan (the settings first), for a first upload. */
export function serializePlanDocuments(plan: Plan): (TaskDocument | SettingsDocument)[] {
  return [serializeSettingsDocument(plan), ...Object.values(plan.tasks).map(serializeTaskDocument)]
}

/** Structural equality of two JSON values (key order ignored). */
export function isSameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => isSameJson(x, b[i]))
  if (!isPlainRecord(a) || !isPlainRecord(b) || Array.isArray(b)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && isSameJson(a[key], b[key]))
}

export interface PlanChanges {
  /** Tasks new or changed in `next` (full tasks, to be written). */
  changedTasks: Task[]
  /** Ids of tasks in `base` that `next` no longer has. */
  deletedTaskIds: string[]
  settingsChanged: boolean
}

/**
 * What changed from `base` (the plan as last exchanged with the database) to `next` (the store's
 * plan): only those documents are written. Tasks are compared by identity first (the store keeps an
 * untouched task's object), then by content, so an undo that brings an old object back is a change.
 */
export function diffPlanDocuments(base: Plan | null, next: Plan): PlanChanges {
  const changedTasks: Task[] = []
  const deletedTaskIds: string[] = []
  const baseTasks = base?.tasks ?? {}
  for (const [id, task] of Object.entries(next.tasks)) {
    const before = baseTasks[id]
    if (before !== task && !isSameJson(before, task)) changedTasks.push(task)
  }
  for (const id of Object.keys(baseTasks)) if (!Object.prototype.hasOwnProperty.call(next.tasks, id)) deletedTaskIds.push(id)
  const settingsChanged = base === null || SETTINGS_FIELDS.some((field) => base[field] !== next[field] && !isSameJson(base[field], next[field]))
  return { changedTasks, deletedTaskIds, settingsChanged }
}

/**
 * Reads a task document from the server through the restore path. null (and counted in `report`)
 * when it is not a readable task, or when its `_id` and its task id disagree.
 */
export function parseTaskDocument(doc: unknown, report: RestoreReport = emptyReport()): Task | null {
  if (!isPlainRecord(doc) || typeof doc._id !== 'string' || doc.type !== 'task') {
    noteChange(report, { kind: 'task', id: isPlainRecord(doc) && typeof doc._id === 'string' ? doc._id.slice(0, 200) : '', name: '', outcome: 'dropped', fields: [] })
    return null
  }
  const { _id, _rev: _ignoredRev, _conflicts: _ignoredConflicts, _revisions: _ignoredRevisions, type: _type, ...fields } = doc
  const expectedId = taskIdOfDoc(_id)
  const task = restoreTask({ id: expectedId, ...fields }, report)
  if (task === null) return null
  if (task.id !== expectedId) {
    noteChange(report, { kind: 'task', id: _id.slice(0, 200), name: task.title, outcome: 'dropped', fields: ['id'] })
    return null
  }
  return task
}

/**
 * Applies a settings document from the server to `plan` through the restore path; `plan` unchanged
 * (and the document counted in `report`) when it cannot be read.
 */
export function applySettingsDocument(plan: Plan, doc: unknown, report: RestoreReport = emptyReport()): Plan {
  if (!isPlainRecord(doc) || doc.type !== 'plan-settings') {
    noteChange(report, { kind: 'plan', id: plan.id, name: plan.name, outcome: 'dropped', fields: ['settings'] })
    return plan
  }
  const raw: Record<string, unknown> = { id: plan.id, updatedAt: plan.updatedAt }
  for (const field of SETTINGS_FIELDS) if (field in doc) raw[field] = doc[field]
  // Restored as a plan without tasks: the settings' own checks run, the tasks stay ours.
  const restored = restorePlan({ ...raw, tasks: {}, deletedTasks: {} }, report)
  if (restored === null) return plan
  const next = { ...plan }
  for (const field of SETTINGS_FIELDS) (next as Record<string, unknown>)[field] = restored[field]
  return next
}

export interface RemoteChange {
  /** Restored tasks to put (keyed by task id). */
  put: Task[]
  /** Task ids deleted on the server. */
  deleted: string[]
  /** The settings document, when it changed. */
  settings: unknown
}

/**
 * Sorts a batch of documents from the database into task puts, task deletions and a settings change.
 * Unreadable documents are skipped and counted in `report`.
 */
export function parseRemoteDocuments(docs: readonly IncomingDocument[], report: RestoreReport = emptyReport()): RemoteChange {
  const change: RemoteChange = { put: [], deleted: [], settings: undefined }
  for (const doc of docs) {
    if (doc._id.startsWith('_design/') || doc._id.startsWith('_local/')) continue
    if (doc._id === SETTINGS_DOC_ID) {
      if (!doc._deleted) change.settings = doc
      continue
    }
    if (doc._deleted) {
      change.deleted.push(taskIdOfDoc(doc._id))
      continue
    }
    const task = parseTaskDocument(doc, report)
    if (task) change.put.push(task)
  }
  return change
}

/** Applies a parsed remote batch to a plan (settings first, so new units exist for the tasks). */
export function applyRemoteChange(plan: Plan, change: RemoteChange, report: RestoreReport = emptyReport()): Plan {
  let next = change.settings === undefined ? plan : applySettingsDocument(plan, change.settings, report)
  if (change.put.length === 0 && change.deleted.length === 0) return next
  const tasks = { ...next.tasks }
  for (const task of change.put) tasks[task.id] = task
  for (const id of change.deleted) delete tasks[id]
  next = { ...next, tasks }
  return next
}

/** The whole plan from a database's documents (a joining office's first pull); `base` gives id and defaults. */
export function documentsToPlan(base: Plan, docs: readonly IncomingDocument[], report: RestoreReport = emptyReport()): Plan {
  const change = parseRemoteDocuments(docs, report)
  return applyRemoteChange({ ...base, tasks: {}, deletedTasks: {} }, change, report)
}
