/**
 * Stores the planner's document and preferences in localStorage under STORAGE_KEYS.document, as the
 * zustand persist envelope `{ state, version }` (see persisted-document.ts for the versions).
 *
 * What must never happen, and how it is prevented:
 * - A save lost to a crash or a quota: writes are retried on the next change, the status says so,
 *   and the UI offers the plan as a file while the quota is full.
 * - A save that could not be read being overwritten: its text is first copied under its own
 *   `STORAGE_KEYS.unreadablePrefix + timestamp` key; if even that copy fails, writes stay blocked.
 * - A newer app's save being overwritten by this older app: writes stay blocked.
 * - Saving on the interaction path: a change only marks the state dirty; serialising and writing
 *   happen after SAVE_DEBOUNCE_MS, in an idle callback, and at once when the page is hidden.
 */
import type { PersistStorage, StorageValue } from 'zustand/middleware'
import { compactPlan } from '@/domain/plan/compact-plan'
import { scheduleIdle } from '@/lib/schedule-idle'
import { readStorageItem, writeStorageItem } from '@/lib/web-storage'
import { CURRENT_DOCUMENT_VERSION } from '@/store/persisted-document'
import type { SaveStatus } from '@/store/planner-state'
import type { PersistedState } from '@/store/state-keys'
import { STORAGE_KEYS } from '@/store/storage-keys'

export const SAVE_DEBOUNCE_MS = 300
export const SAVE_IDLE_TIMEOUT_MS = 1_000

export type ReadOutcome =
  | { kind: 'empty' }
  | { kind: 'ok'; raw: string }
  | { kind: 'corrupt'; copyKey: string | null }
  | { kind: 'newer-version'; version: number }
  | { kind: 'unavailable' }

export interface SaveTiming {
  /** When the last write finished, and how long serialising + writing took. */
  lastWriteMs: number
  lastWriteBytes: number
  /** True when the last write ran from the idle/timer callback, not inside a state change. */
  lastWriteDeferred: boolean
}

export interface LocalStorageAdapter {
  storage: PersistStorage<PersistedState>
  readOutcome: ReadOutcome
  timing: SaveTiming
  /** Writes any pending change now (page hide, tests, "download" buttons). */
  flush: () => void
  /** Copies a raw save under its own key; returns the key, or null when it could not be kept. */
  keepUnreadableCopy: (raw: string) => string | null
  /** Stops all writes (a save we must not overwrite is in the way). */
  block: (status: SaveStatus) => void
  /** Tells the adapter that storage already holds this state (after adopting another tab's save). */
  markAsStored: (state: PersistedState) => void
  isBlocked: () => boolean
  /** The last status reported (the store reads it once after hydration, before its sink is wired). */
  lastStatus: () => SaveStatus | null
}

export function createLocalStorageAdapter(onStatus: (status: SaveStatus) => void, key: string = STORAGE_KEYS.document): LocalStorageAdapter {
  let pending: StorageValue<PersistedState> | null = null
  let lastStored: PersistedState | null = null
  let blocked = false
  let lastStatus: SaveStatus | null = null
  const report = (status: SaveStatus) => {
    lastStatus = status
    onStatus(status)
  }
  let cancelScheduled: (() => void) | null = null
  const timing: SaveTiming = { lastWriteMs: 0, lastWriteBytes: 0, lastWriteDeferred: true }

  const adapter: LocalStorageAdapter = {
    readOutcome: { kind: 'empty' },
    timing,
    storage: {
      getItem: () => {
        const read = readStorageItem(key)
        if (!read.ok) {
          adapter.readOutcome = { kind: 'unavailable' }
          report({ kind: 'unavailable' })
          return null
        }
        if (read.value === null) {
          adapter.readOutcome = { kind: 'empty' }
          return null
        }
        const parsed = parseEnvelope(read.value)
        if (parsed === null) {
          const copyKey = adapter.keepUnreadableCopy(read.value)
          adapter.readOutcome = { kind: 'corrupt', copyKey }
          if (copyKey === null) adapter.block({ kind: 'blocked' })
          return null
        }
        if (parsed.version > CURRENT_DOCUMENT_VERSION) {
          adapter.readOutcome = { kind: 'newer-version', version: parsed.version }
          adapter.block({ kind: 'newer-version', version: parsed.version })
          return null
        }
        adapter.readOutcome = { kind: 'ok', raw: read.value }
        return parsed
      },
      setItem: (_name, value) => {
        // Session-only changes (and our own status updates) reach here too: ignore what is already
        // stored or already pending, or every status update would schedule another "save".
        if (blocked || isSameState(value.state, pending?.state ?? lastStored)) return
        const wasPending = pending !== null
        pending = value
        if (!wasPending) report({ kind: 'pending' })
        schedule()
      },
      removeItem: () => {
        // The app never removes its save; a user who wants a clean slate starts a new plan.
      },
    },
    flush: () => {
      cancelScheduled?.()
      cancelScheduled = null
      write(false)
    },
    keepUnreadableCopy: (raw) => {
      const copyKey = `${STORAGE_KEYS.unreadablePrefix}${new Date().toISOString()}`
      return writeStorageItem(copyKey, raw) === 'ok' ? copyKey : null
    },
    block: (status) => {
      blocked = true
      pending = null
      cancelScheduled?.()
      report(status)
    },
    markAsStored: (state) => {
      lastStored = state
      if (pending && isSameState(pending.state, state)) {
        pending = null
        report({ kind: 'saved', at: Date.now() }) // saved by the other tab
      }
    },
    isBlocked: () => blocked,
    lastStatus: () => lastStatus,
  }

  function schedule() {
    if (cancelScheduled) return
    const timer = window.setTimeout(() => {
      cancelScheduled = scheduleIdle(() => {
        cancelScheduled = null
        write(true)
      }, SAVE_IDLE_TIMEOUT_MS)
    }, SAVE_DEBOUNCE_MS)
    cancelScheduled = () => window.clearTimeout(timer)
  }

  function write(deferred: boolean) {
    if (!pending || blocked) return
    const value = pending
    const startedAt = performance.now()
    const text = serializeForStorage(value)
    const result = writeStorageItem(key, text)
    timing.lastWriteMs = performance.now() - startedAt
    timing.lastWriteBytes = text.length
    timing.lastWriteDeferred = deferred
    if (result === 'ok') {
      pending = null
      lastStored = value.state
      report({ kind: 'saved', at: Date.now() })
    } else {
      // Keep `pending`: the next change (or flush) tries again; the plan stays in memory meanwhile.
      report({ kind: result })
    }
  }

  window.addEventListener('pagehide', adapter.flush)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') adapter.flush()
  })
  return adapter
}

/** The stored text: plans in their compact form (see domain/plan/compact-plan.ts). */
function serializeForStorage(value: StorageValue<PersistedState>): string {
  const plans: Record<string, unknown> = {}
  for (const [id, plan] of Object.entries(value.state.plans)) plans[id] = compactPlan(plan)
  return JSON.stringify({ ...value, state: { ...value.state, plans } })
}

/** `{ state, version }` from a stored string, or null when it is not one. */
export type StoredEnvelope = { state: PersistedState; version: number }

export function parseEnvelope(text: string): StoredEnvelope | null {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null) return null
    const { state, version } = value as { state?: unknown; version?: unknown }
    if (typeof state !== 'object' || state === null || typeof version !== 'number' || !Number.isInteger(version)) return null
    return value as StoredEnvelope
  } catch {
    return null
  }
}

function isSameState(a: PersistedState, b: PersistedState | null): boolean {
  return b !== null && a.plans === b.plans && a.activePlanId === b.activePlanId && a.language === b.language && a.lastBackupAt === b.lastBackupAt && a.showHolidays === b.showHolidays
}
