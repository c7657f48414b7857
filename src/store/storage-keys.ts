/**
 * Every localStorage key the app uses. A shipped key name is never edited: old saves live under it.
 */
import { isReservedKey } from '@/domain/plan/ids'
import { bucketHash } from '@/store/stored-plan'

export const STORAGE_KEYS = {
  /**
   * The persisted document: the zustand persist envelope `{ state, version }`. Version 3 holds the
   * preferences and the list of plan ids (each plan under its own key); versions 1 and 2 held the
   * plans themselves (see persisted-document.ts).
   */
  document: 'election-planner:document',
  /** Prefix of one key per plan: `election-planner:plan:<id>` (see planStorageKey, stored-plan.ts). */
  planPrefix: 'election-planner:plan:',
  /**
   * Prefix of copies of saves the app could not read (corrupt JSON, or items a restore had to drop).
   * Each copy gets its own key with a timestamp, so one is never overwritten by another.
   */
  unreadablePrefix: 'election-planner:unreadable:',
  /** Plan id → the CouchDB database it syncs with (sync-store.ts); read at start to resume. */
  syncConnections: 'election-planner:sync:connections',
  /** Plan id → the higher-level plan's database it follows (follow-store.ts). */
  syncFollows: 'election-planner:sync:follows',
} as const

/** Longest plan id used in a key as it is; longer (or odd) ids get a hashed key of bounded length. */
const MAX_ID_IN_KEY = 120
const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

/**
 * The key of a plan. Plan ids come from files and other tabs: an id that is short and plain is used
 * as it is; any other id (long, with spaces, control characters, a reserved name) becomes `~` and a
 * 64-bit hash of it, so a key is always a bounded, printable string. Two ids sharing a hashed key is
 * caught on read (the plan's own id must match).
 */
export function planStorageKey(planId: string): string {
  if (planId.length <= MAX_ID_IN_KEY && PLAIN_ID.test(planId) && !isReservedKey(planId)) return STORAGE_KEYS.planPrefix + planId
  const reversed = [...planId].reverse().join('')
  const hash = `${bucketHash(planId).toString(16).padStart(8, '0')}${bucketHash(reversed).toString(16).padStart(8, '0')}`
  return `${STORAGE_KEYS.planPrefix}~${hash}-${planId.length}`
}
