/**
 * The sync engine of one connected plan (issue 13): a local PouchDB replica (IndexedDB in the
 * browser, memory in Node tests) replicating live, continuously and with retries to the plan's
 * CouchDB database, and kept in step with the planner store through a PlanPort.
 *
 * Stores: the replica database `election-planner-sync:<planId>` (one per connected plan; never rename:
 * a rename would re-download every plan). Nothing else; connection settings live in sync-store.ts.
 *
 * How edits flow:
 * - local → replica: the store is diffed (domain/sync/plan-documents.ts) against `shadow`, the plan as
 *   last exchanged with the replica; only changed tasks (and the settings document when it changed)
 *   are written. Each write names its parent revision explicitly (`new_edits: false`), so an edit
 *   made on top of an older revision than the replica's becomes a CouchDB conflict (kept for review)
 *   instead of a 409 or a silent overwrite;
 * - replica → store: the replica's changes feed; revisions this engine wrote are skipped, the rest
 *   (replicated in from the server) are read back as the current winner, restored (a bad document is
 *   skipped and counted) and handed to `port.applyRemote`, which is not an undo step;
 * - replica ⇄ server: PouchDB `sync({ live: true, retry: true })`; its events drive the status.
 *
 * Conflicts: every task document with `_conflicts` is listed (winner + losers as full Tasks);
 * `resolve` writes the chosen version on the winner and deletes the losing revisions.
 */
import { newId } from '@/domain/plan/ids'
import { emptyReport, type RestoreReport } from '@/domain/plan/restore-plan'
import {
  applyRemoteChange, diffPlanDocuments, documentsToPlan, parseRemoteDocuments, parseTaskDocument, serializePlanDocuments,
  serializeSettingsDocument, serializeTaskDocument, SETTINGS_DOC_ID, taskDocId, taskIdOfDoc, type IncomingDocument,
} from '@/domain/sync/plan-documents'
import type { Plan, Task } from '@/domain/types'
import { cancelReplication, LIVE_RETRY_OPTIONS, reportReplicationStatus } from '@/store/sync/live-replication'
import { classifySyncError, SyncFailure } from '@/store/sync/sync-errors'
import type { PlanPort, SyncConflict, SyncConnection, SyncError, SyncStatus } from '@/store/sync/sync-types'

/** Writes are gathered this long after a store change: a drag or a typing burst is one write. */
export const LOCAL_WRITE_DEBOUNCE_MS = 50

// The few PouchDB calls the engine makes, typed loosely: @types/pouchdb lag behind PouchDB 9.
/* eslint-disable @typescript-eslint/no-explicit-any */
export interface PouchDatabase {
  get(id: string, options?: Record<string, unknown>): Promise<any>
  allDocs(options?: Record<string, unknown>): Promise<{ rows: any[] }>
  bulkDocs(docs: unknown[], options?: Record<string, unknown>): Promise<any[]>
  changes(options: Record<string, unknown>): any
  sync(remote: PouchDatabase, options: Record<string, unknown>): any
  replicate: { from(remote: PouchDatabase, options?: Record<string, unknown>): any; to(remote: PouchDatabase, options?: Record<string, unknown>): any }
  info(): Promise<any>
  close(): Promise<void>
  destroy(): Promise<void>
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** What the engine needs from its surroundings (the browser's, or a Node test's). */
export interface SyncEnvironment {
  /** Opens the local replica (idb in the browser, memory in tests). */
  openLocal(name: string): PouchDatabase
  /** Opens the remote database over HTTP, sending the session cookie with `fetch`. */
  openRemote(url: string): PouchDatabase
  /** fetch with credentials: the `_session` login and the database creation use it. */
  fetch: (url: string, init?: RequestInit) => Promise<Response>
  now(): number
}

export function replicaName(planId: string): string {
  return `election-planner-sync:${planId}`
}

export function databaseUrl(connection: SyncConnection): string {
  return `${connection.serverUrl.replace(/\/+$/, '')}/${encodeURIComponent(connection.database)}`
}

async function readJson(response: Response): Promise<Record<string, unknown>> {
  try {
    return (await response.json()) as Record<string, unknown>
  } catch {
    return {}
  }
}

async function request(env: SyncEnvironment, url: string, init: RequestInit): Promise<Response> {
  try {
    return await env.fetch(url, { ...init, credentials: 'include' })
  } catch (error) {
    throw new SyncFailure({ kind: 'unreachable', detail: String(error).slice(0, 300) })
  }
}

/**
 * Logs in through `_session` (the browser keeps the cookie; the password is not kept anywhere).
 * Throws a SyncFailure: unauthorised for a refused name/password, bad-address when no CouchDB answers there.
 */
export async function logIn(env: SyncEnvironment, serverUrl: string, username: string, password: string): Promise<void> {
  const response = await request(env, `${serverUrl.replace(/\/+$/, '')}/_session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ name: username, password }),
  })
  const body = await readJson(response)
  if (response.ok && body.ok === true) return
  if (response.status === 401) throw new SyncFailure({ kind: 'unauthorised', detail: String(body.reason ?? 'Name or password is incorrect.') })
  const kind = response.status >= 500 ? 'server-error' : 'bad-address'
  throw new SyncFailure({ kind, detail: String(body.reason ?? `HTTP ${response.status}`) })
}

/** Opens (or, when the user may, creates) the database. Returns whether it was created now. */
export async function openOrCreateDatabase(env: SyncEnvironment, connection: SyncConnection): Promise<'created' | 'exists'> {
  const url = databaseUrl(connection)
  const head = await request(env, url, { headers: { Accept: 'application/json' } })
  if (head.ok) {
    const body = await readJson(head)
    if (typeof body.db_name !== 'string') throw new SyncFailure({ kind: 'bad-address', detail: 'not a CouchDB database' })
    return 'exists'
  }
  if (head.status === 401 || head.status === 403) throw new SyncFailure({ kind: 'forbidden', detail: String((await readJson(head)).reason ?? '') })
  if (head.status !== 404) throw new SyncFailure(classifySyncError({ status: head.status, reason: (await readJson(head)).reason }))
  const created = await request(env, url, { method: 'PUT', headers: { Accept: 'application/json' } })
  if (created.ok || created.status === 412) return created.ok ? 'created' : 'exists'
  const reason = String((await readJson(created)).reason ?? `HTTP ${created.status}`)
  if (created.status === 401 || created.status === 403) throw new SyncFailure({ kind: 'forbidden', detail: reason })
  throw new SyncFailure(classifySyncError({ status: created.status, reason }))
}

export interface EngineCallbacks {
  onStatus(status: SyncStatus): void
  onConflicts(conflicts: SyncConflict[]): void
  /** Documents from the server that could not be read (skipped, never applied). */
  onSkipped(report: RestoreReport): void
}

/** How `start` treats the plan: first upload, take the server's plan, or carry on with the replica. */
export type StartMode = 'upload' | 'download' | 'resume'

function randomRevHash(): string {
  return newId('r').replace(/[^0-9a-f]/g, '').slice(0, 32).padEnd(32, '0')
}

function revNumber(rev: string | undefined): number {
  return rev ? Number.parseInt(rev.split('-')[0]!, 10) : 0
}

function revHash(rev: string): string {
  return rev.slice(rev.indexOf('-') + 1)
}

/** `id rev [conflicts]` per design-less document, sorted: the same text for two databases holding the same revision trees' leaves. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function summariseRevisions(rows: readonly any[]): string {
  return rows
    .filter((row) => row.doc && !String(row.id).startsWith('_design/'))
    .map((row) => `${row.id} ${row.value.rev} ${[...(row.doc._conflicts ?? [])].sort().join(',')}`)
    .sort()
    .join('\n')
}

export class SyncEngine {
  private readonly local: PouchDatabase
  private readonly remote: PouchDatabase
  private shadow: Plan | null = null
  /** The revision of each document the engine believes is the replica's winner (the parent of its next write). */
  private readonly revs = new Map<string, string>()
  /** Revisions this engine wrote: their echo in the changes feed is not a remote change. */
  private readonly ownRevs = new Set<string>()
  private readonly conflictIds = new Set<string>()
  private writeChain: Promise<void> = Promise.resolve()
  private writeTimer: ReturnType<typeof setTimeout> | null = null
  private remoteTimer: ReturnType<typeof setTimeout> | null = null
  private readonly pendingRemoteIds = new Set<string>()
  private unsubscribe: (() => void) | null = null
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private changesFeed: any = null
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private replication: any = null
  private status: SyncStatus = { kind: 'connecting' }
  private lastSyncedAt: number | null = null
  private stopped = false

  constructor(
    readonly planId: string,
    readonly connection: SyncConnection,
    private readonly port: PlanPort,
    private readonly env: SyncEnvironment,
    private readonly callbacks: EngineCallbacks,
  ) {
    this.local = env.openLocal(replicaName(planId))
    this.remote = env.openRemote(databaseUrl(connection))
  }

  getStatus(): SyncStatus {
    return this.status
  }

  private setStatus(status: SyncStatus): void {
    if (this.stopped) return
    this.status = status
    this.callbacks.onStatus(status)
  }

  /** Brings the replica and the store together, then starts live replication. */
  async start(mode: StartMode): Promise<void> {
    const plan = this.port.getPlan()
    if (!plan) throw new Error(`no plan ${this.planId}`)
    if (mode === 'download') {
      await this.replicateOnce('from')
      const docs = await this.readAllDocs()
      const report = emptyReport()
      const remotePlan = documentsToPlan(plan, docs, report)
      this.reportSkipped(report)
      this.shadow = remotePlan
      this.port.applyRemote(() => remotePlan)
    } else if (mode === 'upload') {
      await this.writeDocs(serializePlanDocuments(plan))
      this.shadow = plan
      await this.replicateOnce('to')
    } else {
      const docs = await this.readAllDocs()
      const report = emptyReport()
      const replicaPlan = documentsToPlan(plan, docs, report)
      this.reportSkipped(report)
      // Edits made while the engine was not running: the newer copy of each task wins.
      const fromReplica: Task[] = []
      for (const [id, task] of Object.entries(replicaPlan.tasks)) {
        const mine = plan.tasks[id]
        if (!mine || mine.updatedAt < task.updatedAt) fromReplica.push(task)
      }
      this.shadow = replicaPlan
      if (fromReplica.length > 0) this.port.applyRemote((p) => applyRemoteChange(p, { put: fromReplica, deleted: [], settings: undefined }))
      await this.flushLocalEdits()
    }
    this.startLive()
    await this.refreshConflicts()
  }

  private async readAllDocs(): Promise<IncomingDocument[]> {
    const result = await this.local.allDocs({ include_docs: true, conflicts: true })
    const docs: IncomingDocument[] = []
    for (const row of result.rows) {
      if (!row.doc) continue
      this.revs.set(row.id, row.value.rev)
      if (row.doc._conflicts?.length) this.conflictIds.add(row.id)
      docs.push(row.doc)
    }
    return docs
  }

  private replicateOnce(direction: 'from' | 'to'): Promise<void> {
    return new Promise((resolve, reject) => {
      this.setStatus({ kind: 'syncing', lastSyncedAt: this.lastSyncedAt })
      const replication = direction === 'from' ? this.local.replicate.from(this.remote, { batch_size: 500 }) : this.local.replicate.to(this.remote, { batch_size: 500 })
      replication.on('complete', (info: { doc_write_failures?: number }) => {
        if (direction === 'to' && (info.doc_write_failures ?? 0) > 0) {
          reject(new SyncFailure({ kind: 'forbidden', detail: `${info.doc_write_failures} documents refused by the server` }))
          return
        }
        this.lastSyncedAt = this.env.now()
        resolve()
      })
      replication.on('denied', (error: unknown) => reject(new SyncFailure({ ...classifySyncError(error, 'forbidden'), kind: 'forbidden' })))
      replication.on('error', (error: unknown) => reject(new SyncFailure(classifySyncError(error, 'forbidden'))))
    })
  }

  private startLive(): void {
    this.changesFeed = this.local.changes({ since: 'now', live: true, include_docs: false, conflicts: true, style: 'all_docs' })
    this.changesFeed.on('change', (change: { id: string; changes: { rev: string }[]; doc?: unknown }) => this.onReplicaChange(change))
    this.replication = this.local.sync(this.remote, { ...LIVE_RETRY_OPTIONS, batch_size: 500 })
    reportReplicationStatus(this.replication, {
      setStatus: (status) => this.setStatus(status),
      lastSyncedAt: () => this.lastSyncedAt,
      markCaughtUp: () => (this.lastSyncedAt = this.env.now()),
    })
    // Two-way only: a push the server's validate_doc_update refused.
    this.replication.on('denied', (error: unknown) => {
      this.setStatus({ kind: 'error', error: { ...classifySyncError(error, 'forbidden'), kind: 'forbidden' }, lastSyncedAt: this.lastSyncedAt })
    })
    this.unsubscribe = this.port.subscribe(() => this.scheduleLocalWrite())
    this.setStatus({ kind: 'connected', lastSyncedAt: this.lastSyncedAt })
  }

  private scheduleLocalWrite(): void {
    if (this.stopped || this.writeTimer !== null) return
    const plan = this.port.getPlan()
    if (!plan || plan === this.lastSeenPlan) return
    this.writeTimer = setTimeout(() => {
      this.writeTimer = null
      void this.flushLocalEdits()
    }, LOCAL_WRITE_DEBOUNCE_MS)
  }

  private lastSeenPlan: Plan | null = null

  /** Writes the store's edits since the last exchange. Serialised: two flushes never interleave. */
  flushLocalEdits(): Promise<void> {
    const run = this.writeChain.then(async () => {
      const plan = this.port.getPlan()
      if (!plan || this.stopped || plan === this.lastSeenPlan) return
      this.lastSeenPlan = plan
      const changes = diffPlanDocuments(this.shadow, plan)
      const docs: Record<string, unknown>[] = changes.changedTasks.map(serializeTaskDocument) as unknown as Record<string, unknown>[]
      for (const id of changes.deletedTaskIds) docs.push({ _id: taskDocId(id), _deleted: true })
      if (changes.settingsChanged) docs.push(serializeSettingsDocument(plan) as unknown as Record<string, unknown>)
      if (docs.length === 0) return
      await this.writeDocs(docs)
      // The shadow follows what was written (the store may have moved on meanwhile: the next flush sees it).
      const base = this.shadow ?? plan
      const tasks = { ...base.tasks }
      for (const task of changes.changedTasks) tasks[task.id] = task
      for (const id of changes.deletedTaskIds) delete tasks[id]
      this.shadow = changes.settingsChanged ? { ...plan, tasks } : { ...base, tasks }
    })
    this.writeChain = run.catch((error: unknown) => {
      this.setStatus({ kind: 'error', error: classifySyncError(error), lastSyncedAt: this.lastSyncedAt })
    })
    return this.writeChain
  }

  /**
   * Writes documents as children of the revisions the engine last saw. With `new_edits: false` an
   * edit on an outdated parent becomes a second branch (a conflict), never a lost write.
   */
  private async writeDocs(docs: readonly object[]): Promise<void> {
    const written = docs.map((doc) => {
      const id = (doc as { _id: string })._id
      const parent = this.revs.get(id)
      const start = revNumber(parent) + 1
      const hash = randomRevHash()
      const rev = `${start}-${hash}`
      this.ownRevs.add(rev)
      this.revs.set(id, rev)
      return { ...doc, _rev: rev, _revisions: { start, ids: parent ? [hash, revHash(parent)] : [hash] } }
    })
    for (let i = 0; i < written.length; i += 1000) await this.local.bulkDocs(written.slice(i, i + 1000), { new_edits: false })
  }

  private onReplicaChange(change: { id: string; changes: { rev: string }[] }): void {
    if (this.stopped) return
    if (change.changes.every((c) => this.ownRevs.has(c.rev))) {
      void this.refreshConflictOf(change.id)
      return
    }
    this.pendingRemoteIds.add(change.id)
    if (this.remoteTimer !== null) return
    this.remoteTimer = setTimeout(() => {
      this.remoteTimer = null
      void this.applyPendingRemote()
    }, 0)
  }

  /** Applies the replica's current winners of the documents that changed (after our own pending edits are written). */
  private async applyPendingRemote(): Promise<void> {
    // Our unwritten edits go first: a remote change to the same task then meets them as a conflict.
    await this.flushLocalEdits()
    const ids = [...this.pendingRemoteIds]
    this.pendingRemoteIds.clear()
    if (ids.length === 0 || this.stopped) return
    const result = await this.local.allDocs({ keys: ids, include_docs: true, conflicts: true })
    const docs: IncomingDocument[] = []
    for (const row of result.rows) {
      if (!row.value) continue
      this.revs.set(row.id, row.value.rev)
      if (row.value.deleted) docs.push({ _id: row.id, _rev: row.value.rev, _deleted: true })
      else if (row.doc) docs.push(row.doc)
      if (row.doc?._conflicts?.length) this.conflictIds.add(row.id)
      else this.conflictIds.delete(row.id)
    }
    // A winner this engine wrote needs no applying (the store has it already).
    const remoteDocs = docs.filter((doc) => !this.ownRevs.has(doc._rev ?? ''))
    const report = emptyReport()
    const change = parseRemoteDocuments(remoteDocs, report)
    this.reportSkipped(report)
    if (change.put.length > 0 || change.deleted.length > 0 || change.settings !== undefined) {
      if (this.shadow) this.shadow = applyRemoteChange(this.shadow, change)
      this.port.applyRemote((plan) => applyRemoteChange(plan, change))
      this.lastSeenPlan = this.port.getPlan()
    }
    await this.refreshConflicts()
  }

  private reportSkipped(report: RestoreReport): void {
    if (report.details.length > 0) this.callbacks.onSkipped(report)
  }

  private async refreshConflictOf(id: string): Promise<void> {
    const doc = await this.local.get(id, { conflicts: true }).catch(() => null)
    const had = this.conflictIds.has(id)
    if (doc?._conflicts?.length) this.conflictIds.add(id)
    else this.conflictIds.delete(id)
    if (had !== this.conflictIds.has(id)) await this.refreshConflicts()
  }

  /** The conflicting tasks with every version, as full Tasks. */
  async listConflicts(): Promise<SyncConflict[]> {
    const conflicts: SyncConflict[] = []
    for (const id of [...this.conflictIds].sort()) {
      if (id === SETTINGS_DOC_ID) continue
      const winnerDoc = await this.local.get(id, { conflicts: true }).catch(() => null)
      if (!winnerDoc?._conflicts?.length) {
        this.conflictIds.delete(id)
        continue
      }
      const winner = parseTaskDocument(winnerDoc)
      if (!winner) continue
      const losers = await Promise.all((winnerDoc._conflicts as string[]).map(async (rev) => {
        const doc = await this.local.get(id, { rev }).catch(() => null)
        return { rev, task: doc && !doc._deleted ? parseTaskDocument(doc) : null }
      }))
      conflicts.push({ taskId: taskIdOfDoc(id), winner: { rev: winnerDoc._rev, task: winner }, losers })
    }
    return conflicts
  }

  private async refreshConflicts(): Promise<void> {
    if (this.stopped) return
    this.callbacks.onConflicts(await this.listConflicts())
  }

  /**
   * Resolves a conflict: `chosen` (one of the versions, or a merge of them) becomes the task, the
   * losing revisions are deleted, so every replica ends with one version.
   */
  async resolve(taskId: string, chosen: Task): Promise<void> {
    await this.flushLocalEdits()
    const id = taskDocId(taskId)
    const current = await this.local.get(id, { conflicts: true })
    const task: Task = { ...chosen, id: taskId, updatedAt: this.env.now() }
    const docs: Record<string, unknown>[] = [{ ...serializeTaskDocument(task), _rev: current._rev }]
    for (const rev of (current._conflicts ?? []) as string[]) docs.push({ _id: id, _rev: rev, _deleted: true })
    const results = await this.local.bulkDocs(docs)
    for (const result of results) if (result.ok && result.id === id) this.ownRevs.add(result.rev)
    const winnerResult = results[0]
    if (!winnerResult?.ok) throw new SyncFailure({ kind: 'server-error', detail: String(winnerResult?.reason ?? winnerResult?.message ?? 'write refused') })
    this.revs.set(id, winnerResult.rev)
    const change = { put: [task], deleted: [], settings: undefined }
    if (this.shadow) this.shadow = applyRemoteChange(this.shadow, change)
    this.port.applyRemote((plan) => applyRemoteChange(plan, change))
    this.lastSeenPlan = this.port.getPlan()
    this.conflictIds.delete(id)
    await this.refreshConflicts()
  }

  /** Waits until the local edits so far are in the replica (tests, and before a disconnect). */
  async settle(): Promise<void> {
    if (this.writeTimer !== null) {
      clearTimeout(this.writeTimer)
      this.writeTimer = null
    }
    await this.flushLocalEdits()
  }

  /** Stops replicating. `forget` also deletes the replica (disconnect); the store's plan stays. */
  async stop(forget = false): Promise<void> {
    await this.settle().catch(() => {})
    this.stopped = true
    this.unsubscribe?.()
    if (this.writeTimer !== null) clearTimeout(this.writeTimer)
    if (this.remoteTimer !== null) clearTimeout(this.remoteTimer)
    this.changesFeed?.cancel()
    const replication = this.replication
    this.replication = null
    if (replication) await cancelReplication(replication)
    if (forget) await this.local.destroy().catch(() => {})
    else await this.local.close().catch(() => {})
    await this.remote.close().catch(() => {})
  }

  /**
   * Every document's winning revision and conflicting revisions, sorted (tests compare replicas with
   * the server's `_all_docs?conflicts=true` to know replication has finished).
   */
  async revisionSummary(): Promise<string> {
    const result = await this.local.allDocs({ include_docs: true, conflicts: true })
    return summariseRevisions(result.rows)
  }

  /** For tests: the last error a status carried. */
  lastError(): SyncError | null {
    return this.status.kind === 'error' ? this.status.error : null
  }
}
