/**
 * The sync API's types (issue 13), shared by the engine (sync-engine.ts), the store the UI reads
 * (sync-store.ts) and the UI of the connect dialog, the top-bar status and the conflict review.
 */
import type { EpochMs, Task } from '@/domain/types'

/** Where a plan is connected. Persisted per plan (sync-store.ts); the password never is. */
export interface SyncConnection {
  /** e.g. `https://couchdb.example.gov.vn` (no trailing slash, no database). */
  serverUrl: string
  /** CouchDB database name, e.g. `kh-tuyen-truyen-2026`. */
  database: string
  username: string
}

/**
 * Why a connection or a replication failed; the UI turns each into a message in the user's language.
 * - bad-address: not an http(s) address or database name, or the server there is not CouchDB;
 * - unauthorised: the name or password was refused, or the session expired (log in again);
 * - forbidden: the user may not create, read or write this database (or a validate_doc_update refused a write);
 * - unreachable: no answer (offline, wrong port, CORS refused);
 * - server-error: the server answered 5xx or something unexpected.
 */
export type SyncErrorKind = 'bad-address' | 'unauthorised' | 'forbidden' | 'unreachable' | 'server-error'

export interface SyncError {
  kind: SyncErrorKind
  /** The server's own reason or the exception text, for a details line (not translated). */
  detail: string
}

export type SyncStatus =
  /** Not connected: nothing is sent anywhere. */
  | { kind: 'disconnected' }
  | { kind: 'connecting' }
  /** Replicating right now. */
  | { kind: 'syncing'; lastSyncedAt: EpochMs | null }
  /** Up to date with the server, listening for changes. */
  | { kind: 'connected'; lastSyncedAt: EpochMs | null }
  /** The server cannot be reached; edits are kept and go up when it can (replication retries). */
  | { kind: 'offline'; lastSyncedAt: EpochMs | null }
  | { kind: 'error'; error: SyncError; lastSyncedAt: EpochMs | null }

/** One losing version of a conflicting task (null task: the other office deleted it). */
export interface ConflictVersion {
  rev: string
  task: Task | null
}

/** A task two offices edited apart: CouchDB's winner (shown everywhere) and the versions it beat. */
export interface SyncConflict {
  taskId: string
  winner: ConflictVersion & { task: Task }
  losers: ConflictVersion[]
}

/** A readable/writable slice of the planner for one plan (the engine never sees the rest of the store). */
export interface PlanPort {
  getPlan(): import('@/domain/types').Plan | null
  /** Calls `listener` after every store change (the engine diffs; most changes are not its plan's). */
  subscribe(listener: () => void): () => void
  /**
   * Applies the other offices' work. Must not become an undo step of this browser, and undo must not
   * rewind it (see store-plan-port.ts).
   */
  applyRemote(update: (plan: import('@/domain/types').Plan) => import('@/domain/types').Plan): void
}
