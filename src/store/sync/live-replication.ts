/**
 * The live, retrying replication both engines run against a server: the sync engine's two-way
 * `sync` (sync-engine.ts) and the follow engine's pull-only `replicate.from` (follow-engine.ts).
 * One place for how it retries, how its events become a SyncStatus and how it is stopped, so
 * "Đồng bộ" and "Theo dõi kế hoạch cấp trên" report a lost network or a refused login alike.
 * What each replicates (and that following never writes) stays in its engine.
 */
import { classifySyncError } from '@/store/sync/sync-errors'
import type { SyncStatus } from '@/store/sync/sync-types'

/** Replication retries back off up to this (PouchDB's default grows to 10 minutes). */
export const MAX_RETRY_BACKOFF_MS = 30_000
const FIRST_RETRY_DELAY_MS = 1000
/** How long stopping waits for a cancelled replication to finish before going on. */
const REPLICATION_STOP_WAIT_MS = 2000

/** PouchDB's `back_off_function`: 1 s, then doubling, never more than MAX_RETRY_BACKOFF_MS. */
export function nextRetryDelay(delay: number): number {
  return delay === 0 ? FIRST_RETRY_DELAY_MS : Math.min(MAX_RETRY_BACKOFF_MS, delay * 2)
}

/** The replication options that make it live and retrying, with the backoff above. */
export const LIVE_RETRY_OPTIONS = { live: true, retry: true, back_off_function: nextRetryDelay } as const

/** A failed attempt as a status: offline when nothing answered, else the error (a 401 is a lost login). */
export function statusAfterFailure(error: unknown, lastSyncedAt: number | null): SyncStatus {
  const classified = classifySyncError(error, 'unauthorised')
  return classified.kind === 'unreachable' ? { kind: 'offline', lastSyncedAt } : { kind: 'error', error: classified, lastSyncedAt }
}

/** The few members of a PouchDB replication (or sync) handle used here. */
export interface ReplicationHandle {
  on(event: string, listener: (value: unknown) => void): unknown
  cancel(): void
}

export interface ReplicationStatusSink {
  setStatus(status: SyncStatus): void
  lastSyncedAt(): number | null
  /** The replication caught up with the server: records the time and returns it. */
  markCaughtUp(): number
}

/** Turns a live replication's `active`, `paused` and `error` events into statuses. */
export function reportReplicationStatus(replication: ReplicationHandle, sink: ReplicationStatusSink): void {
  replication.on('active', () => sink.setStatus({ kind: 'syncing', lastSyncedAt: sink.lastSyncedAt() }))
  replication.on('paused', (error) => {
    if (error) {
      sink.setStatus(statusAfterFailure(error, sink.lastSyncedAt()))
      return
    }
    sink.setStatus({ kind: 'connected', lastSyncedAt: sink.markCaughtUp() })
  })
  replication.on('error', (error) => sink.setStatus({ kind: 'error', error: classifySyncError(error, 'unauthorised'), lastSyncedAt: sink.lastSyncedAt() }))
}

/**
 * Cancels a live replication and waits for it to say it is complete (bounded): a cancelled one can
 * still have a request in flight, and closing the databases under it would end in an unhandled error.
 */
export function cancelReplication(replication: ReplicationHandle): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, REPLICATION_STOP_WAIT_MS)
    replication.on('complete', () => {
      clearTimeout(timer)
      resolve()
    })
    replication.cancel()
  })
}
