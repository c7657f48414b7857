/**
 * Following a higher-level plan (issue 13, province → districts): a pull-only, live, retrying
 * replication from the province's database into a local replica of its own, filtered to the tasks
 * meant for this plan (domain/sync/follow-rule.ts), read back as a read-only Plan for the UI.
 *
 * Stores: the replica database `election-planner-follow:<planId>` (IndexedDB in the browser, memory
 * in Node tests), apart from the plan's own sync replica (`election-planner-sync:<planId>`): following
 * never mixes the province's documents into this plan's database. Never rename it.
 *
 * Read-only, by construction: only `replicate.from` is ever called on the remote, with
 * `checkpoint: 'target'` (PouchDB otherwise writes its `_local` checkpoint into the SOURCE database
 * too, which CouchDB lets any member do, validate_doc_update or not). The province's server sees
 * reads only: `_session`, `GET /db`, `_changes`, `_bulk_get`, `GET _local/…`.
 *
 * The filter is a JavaScript function, which PouchDB's HTTP adapter applies on the client to the
 * changes feed (it asks for the documents with it): it works against every CouchDB and the in-memory
 * test server alike. A Mango `selector` would filter on the server, but express-pouchdb 4.2 ignores
 * the selector of a POST `_changes` (it reads only `doc_ids`), so the tests could not check it.
 * The price: the changes feed carries every document of the province's plan once, not only those
 * meant for this plan; only those are kept.
 */
import { emptyReport } from '@/domain/plan/restore-report'
import { followRuleOf, isDocumentMeantFor, type FollowRule } from '@/domain/sync/follow-rule'
import { documentsToPlan, taskDocId, type IncomingDocument } from '@/domain/sync/plan-documents'
import type { Plan } from '@/domain/types'
import { classifySyncError, SyncFailure } from '@/store/sync/sync-errors'
import { cancelReplication, LIVE_RETRY_OPTIONS, reportReplicationStatus, statusAfterFailure } from '@/store/sync/live-replication'
import { databaseUrl, type PouchDatabase, type SyncEnvironment } from '@/store/sync/sync-engine'
import type { SyncConnection, SyncStatus } from '@/store/sync/sync-types'

/** The follower's replica of a plan's higher-level plan (never rename: it would pull everything again). */
export function followReplicaName(planId: string): string {
  return `election-planner-follow:${planId}`
}

/** A replica change is read back this long after the last one: a batch of 500 documents is one read. */
const SNAPSHOT_DEBOUNCE_MS = 50

/** The follower's own plan, read only: the rule comes from its level and its copies. */
export interface FollowerPort {
  getPlan(): Plan | null
  subscribe(listener: () => void): () => void
}

export interface FollowCallbacks {
  onStatus(status: SyncStatus): void
  /** The higher-level plan as the replica holds it (tasks meant for this plan, the province's settings). */
  onSnapshot(followed: Plan, skippedDocuments: number): void
}

function sameRule(a: FollowRule, b: FollowRule): boolean {
  return a.levels.join() === b.levels.join() && a.copiedTaskIds.size === b.copiedTaskIds.size && [...a.copiedTaskIds].every((id) => b.copiedTaskIds.has(id))
}

export class FollowEngine {
  private readonly local: PouchDatabase
  private readonly remote: PouchDatabase
  private rule: FollowRule
  /** Ids of the documents the replica holds (they keep coming, see follow-rule.ts). */
  private readonly held = new Set<string>()
  private status: SyncStatus = { kind: 'connecting' }
  private lastPulledAt: number | null = null
  private stopped = false
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private replication: any = null
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private changesFeed: any = null
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null
  private snapshotChain: Promise<void> = Promise.resolve()
  private unsubscribe: (() => void) | null = null
  private widening: Promise<void> = Promise.resolve()
  /** Whether a snapshot was handed over: after one, an emptied replica is news too. */
  private shown = false

  constructor(
    readonly planId: string,
    readonly source: SyncConnection,
    private readonly port: FollowerPort,
    private readonly env: SyncEnvironment,
    private readonly callbacks: FollowCallbacks,
  ) {
    this.local = env.openLocal(followReplicaName(planId))
    this.remote = env.openRemote(databaseUrl(source))
    const plan = port.getPlan()
    this.rule = plan ? followRuleOf(plan) : { levels: [], copiedTaskIds: new Set() }
  }

  getStatus(): SyncStatus {
    return this.status
  }

  private setStatus(status: SyncStatus): void {
    if (this.stopped) return
    this.status = status
    this.callbacks.onStatus(status)
  }

  /** The replication's filter: reads the current rule, so a new copy widens it at once. */
  private readonly filter = (doc: unknown): boolean => isDocumentMeantFor(doc, this.rule, this.held)

  /**
   * Shows what the replica holds, then (`firstPull`: a new follow) pulls once and throws a
   * SyncFailure when that fails (forbidden, unreachable…), then follows live.
   */
  async start(firstPull: boolean): Promise<void> {
    // The feed first: nothing the pull writes is missed.
    this.changesFeed = this.local.changes({ since: 'now', live: true, include_docs: false })
    this.changesFeed.on('change', () => this.scheduleSnapshot())
    await this.readSnapshot()
    if (firstPull) {
      await this.pullOnce({})
      // The first pull is on screen when `follow` answers.
      await this.readSnapshot()
    }
    this.startLive()
    this.unsubscribe = this.port.subscribe(() => this.onPlanChange())
  }

  private replicationOptions(extra: Record<string, unknown>): Record<string, unknown> {
    return { batch_size: 500, checkpoint: 'target', filter: this.filter, ...extra }
  }

  private pullOnce(extra: Record<string, unknown>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.setStatus({ kind: 'syncing', lastSyncedAt: this.lastPulledAt })
      const replication = this.local.replicate.from(this.remote, this.replicationOptions(extra))
      replication.on('complete', () => {
        this.lastPulledAt = this.env.now()
        this.setStatus({ kind: 'connected', lastSyncedAt: this.lastPulledAt })
        resolve()
      })
      // Logged in already: a 401 here means "not a member of this database".
      replication.on('error', (error: unknown) => reject(new SyncFailure(classifySyncError(error, 'forbidden'))))
    })
  }

  private startLive(): void {
    this.replication = this.local.replicate.from(this.remote, this.replicationOptions(LIVE_RETRY_OPTIONS))
    reportReplicationStatus(this.replication, {
      setStatus: (status) => this.setStatus(status),
      lastSyncedAt: () => this.lastPulledAt,
      markCaughtUp: () => (this.lastPulledAt = this.env.now()),
    })
    if (this.status.kind === 'connecting') this.setStatus({ kind: 'syncing', lastSyncedAt: this.lastPulledAt })
  }

  /**
   * The plan changed: when its rule widened (a new copy of a task not pulled, or a higher level), the
   * documents now meant for it are fetched by one pass over the feed from the start (a live
   * replication's checkpoint is past them); a narrower rule needs nothing (the display applies it).
   */
  private onPlanChange(): void {
    const plan = this.port.getPlan()
    if (!plan || this.stopped) return
    const next = followRuleOf(plan)
    if (sameRule(next, this.rule)) return
    const before = this.rule
    this.rule = next
    const widened = next.levels.some((level) => !before.levels.includes(level)) || [...next.copiedTaskIds].some((id) => !before.copiedTaskIds.has(id) && !this.held.has(taskDocId(id)))
    if (!widened) {
      this.scheduleSnapshot()
      return
    }
    this.widening = this.widening.then(() => this.pullOnce({ checkpoint: false })).catch((error: unknown) => {
      // Offline or refused: said in the status; the next widening (or a new follow) fetches them.
      this.setStatus(statusAfterFailure(error, this.lastPulledAt))
    })
  }

  private scheduleSnapshot(): void {
    if (this.stopped || this.snapshotTimer !== null) return
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null
      void this.readSnapshot()
    }, SNAPSHOT_DEBOUNCE_MS)
  }

  /** Reads the whole replica back (serialised) and hands the higher-level plan to the UI. */
  private readSnapshot(): Promise<void> {
    this.snapshotChain = this.snapshotChain.then(async () => {
      const plan = this.port.getPlan()
      if (this.stopped || !plan) return
      const result = await this.local.allDocs({ include_docs: true }).catch(() => null)
      if (!result || this.stopped) return
      const docs: IncomingDocument[] = []
      for (const row of result.rows) {
        if (!row.doc) continue
        this.held.add(row.id)
        docs.push(row.doc)
      }
      if (docs.length === 0 && !this.shown) return
      this.shown = true
      const report = emptyReport()
      // The follower's plan gives only the id and the defaults of settings the province's lack.
      const followed = documentsToPlan({ ...plan, parentPlanId: null }, docs, report)
      this.callbacks.onSnapshot(followed, report.droppedTasks + report.droppedOther)
    })
    return this.snapshotChain
  }

  /** Waits for pending reads of the replica (tests). */
  async settle(): Promise<void> {
    await this.widening
    if (this.snapshotTimer !== null) {
      clearTimeout(this.snapshotTimer)
      this.snapshotTimer = null
    }
    await this.readSnapshot()
  }

  /** Stops following; `forget` also deletes the replica. Nothing is ever written to the province. */
  async stop(forget = false): Promise<void> {
    this.stopped = true
    this.unsubscribe?.()
    if (this.snapshotTimer !== null) clearTimeout(this.snapshotTimer)
    this.changesFeed?.cancel()
    const replication = this.replication
    this.replication = null
    if (replication) await cancelReplication(replication)
    await this.widening.catch(() => {})
    await this.snapshotChain.catch(() => {})
    if (forget) await this.local.destroy().catch(() => {})
    else await this.local.close().catch(() => {})
    await this.remote.close().catch(() => {})
  }
}
