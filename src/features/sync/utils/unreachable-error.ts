/**
 * What a sync dialog shows when a controller call threw instead of answering (PouchDB failed to
 * load, the network went away mid-call): "cannot be reached", with the cause in the details.
 * Shared by the connect and follow dialogs.
 */
import type { SyncError } from '@/store/sync/sync-types'

export function unreachableError(error: unknown): SyncError {
  return { kind: 'unreachable', detail: String(error).slice(0, 300) }
}
