/**
 * Turns whatever fetch or PouchDB threw (a TypeError for no network, a PouchDB error with `status`,
 * a Response) into one of the few kinds the UI explains.
 */
import type { SyncError, SyncErrorKind } from '@/store/sync/sync-types'

export class SyncFailure extends Error {
  constructor(readonly error: SyncError) {
    super(`${error.kind}: ${error.detail}`)
  }
}

export function kindOfStatus(status: number): SyncErrorKind {
  if (status === 401) return 'unauthorised'
  if (status === 403) return 'forbidden'
  if (status === 404 || status === 400 || status === 405) return 'bad-address'
  return 'server-error'
}

/** Classifies an exception; `whenUnauthorised` lets a caller that already logged in read 401 as "forbidden". */
export function classifySyncError(error: unknown, whenUnauthorised: SyncErrorKind = 'unauthorised'): SyncError {
  if (error instanceof SyncFailure) return error.error
  const record = (typeof error === 'object' && error !== null ? error : {}) as { status?: unknown; reason?: unknown; message?: unknown; name?: unknown }
  const detail = String(record.reason ?? record.message ?? error).slice(0, 300)
  const status = typeof record.status === 'number' ? record.status : 0
  if (status === 401) return { kind: whenUnauthorised, detail }
  if (status > 0) return { kind: kindOfStatus(status), detail }
  // fetch rejects with a TypeError when nothing answers (offline, refused, CORS); PouchDB wraps it.
  return { kind: 'unreachable', detail }
}

/** True for the errors a live replication retries through (the network went away). */
export function isNetworkError(error: unknown): boolean {
  return classifySyncError(error).kind === 'unreachable'
}
