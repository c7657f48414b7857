/**
 * Stores the planner in localStorage: the document (preferences, plan ids, tombstones) under
 * STORAGE_KEYS.document as the zustand persist envelope `{ state, version }` (document-key.ts), and
 * each plan under its own key, compressed (planStorageKey, stored-plan.ts). See persisted-document.ts
 * for versions. This module is the zustand `PersistStorage` and decides when to save; reading is in
 * storage-read.ts, writing in storage-write.ts, what the keys hold now in storage-mirror.ts, kept
 * copies in kept-copies.ts.
 *
 * What must never happen, and how it is prevented:
 * - A save lost to a crash, a quota or a value that cannot be serialised: a write never throws; the
 *   plan stays in memory, the status says what failed, the UI offers the backup file, and the write
 *   is tried again on the next change.
 * - The old single-key save (version 1–2) lost while it is split into plan keys: the plan keys are
 *   written and read back first, the document key is replaced last; until then the old save is what
 *   a reload reads.
 * - A save that could not be read (or that restore had to repair) being overwritten: its original
 *   text is first copied under its own `STORAGE_KEYS.unreadablePrefix + timestamp` key; if even that
 *   copy fails, writes to that key stay blocked (the other plans still save).
 * - A newer app's save being overwritten by this older app: all writes stay blocked.
 * - Saving on the interaction path: a change only marks the state dirty; encoding and writing
 *   happen after SAVE_DEBOUNCE_MS in idle callbacks of at most ~SAVE_SLICE_MS each, and at once
 *   when the page is hidden. Only plans whose object changed are encoded, and within a plan only the
 *   task buckets whose tasks changed are compressed again.
 * - A deleted plan's key removed before the document stops listing it: the document is written first.
 */
import type { PersistStorage } from 'zustand/middleware'
import type { Plan } from '@/domain/types'
import { scheduleIdle } from '@/lib/schedule-idle'
import { serializeDocument } from '@/store/document-key'
import { keepUnreadableCopy, readKeptCopy } from '@/store/kept-copies'
import type { SaveStatus, StorageUsage } from '@/store/planner-state'
import type { PersistedState } from '@/store/state-keys'
import { StorageMirror } from '@/store/storage-mirror'
import { measureStorageUsage } from '@/store/storage-quota'
import { readAtLoad, readSavedDocument, readSnapshot, type ReadOutcome, type StoredSnapshot, type UnreadablePlan } from '@/store/storage-read'
import { planStorageKey, STORAGE_KEYS } from '@/store/storage-keys'
import { writeState } from '@/store/storage-write'

// The adapter's public API as it was before the split into the modules above.
export { PACKED_DOCUMENT_MARKER, parseEnvelope, serializeDocument, type StoredEnvelope } from '@/store/document-key'
export { STORAGE_QUOTA_CHARS, STORAGE_WARNING_RATIO } from '@/store/storage-quota'
export type { ReadOutcome, StoredSnapshot, UnreadablePlan } from '@/store/storage-read'

export const SAVE_DEBOUNCE_MS = 300
export const SAVE_IDLE_TIMEOUT_MS = 1_000
/** Main-thread time one idle callback may spend compressing before it yields to the page. */
export const SAVE_SLICE_MS = 40

export interface SaveTiming {
  /** Main-thread ms of the last save (encoding + writing, summed over its idle slices). */
  lastWriteMs: number
  /** Of which serialising and compressing. */
  lastEncodeMs: number
  /** Characters written by the last save (only the keys that changed). */
  lastWriteBytes: number
  /** Keys written by the last save. */
  lastWriteKeys: number
  /** Idle slices the last save took. */
  lastWriteSlices: number
  /** True when the last write ran from the idle/timer callback, not inside a state change. */
  lastWriteDeferred: boolean
  /** ms spent reading, decompressing and parsing the save at load (before restore). */
  readMs: number
}

export interface LocalStorageAdapter {
  storage: PersistStorage<PersistedState>
  readOutcome: ReadOutcome
  timing: SaveTiming
  /** Plan keys that could not be decoded at load. */
  unreadablePlans: UnreadablePlan[]
  /** Writes any pending change now (page hide, tests, "download" buttons). */
  flush: () => void
  /** Copies a raw save under its own key (compressed when lossless); the key, or null when it could not be kept. */
  keepUnreadableCopy: (raw: string) => string | null
  /**
   * Keeps the original text a plan was loaded from (its key's text; for a v1/v2 save the whole old
   * document, copied once). Returns the copy's key; null when it could not be kept, and then that
   * plan's key is blocked.
   */
  keepOriginalOfPlan: (planId: string) => string | null
  /** Drops pending work and listeners; the adapter writes nothing more (tests, a store being replaced). */
  dispose: () => void
  /** Stops all writes (a save we must not overwrite is in the way). */
  block: (status: SaveStatus) => void
  /** Tells the adapter that storage already holds this whole state (after hydration). */
  markAsStored: (state: PersistedState) => void
  /** Tells the adapter that a plan's key holds this plan (text: as read from another tab; null: as read at load). */
  markPlanStored: (planId: string, plan: Plan, text: string | null) => void
  /** Tells the adapter that the document key holds these document fields. */
  markDocumentStored: (state: PersistedState) => void
  /** Lets the encoder reuse the segments just read, for a plan restored unchanged from them. */
  seedEncoder: (planId: string, plan: Plan) => void
  /** Reads what storage holds now (another tab wrote). Null when the document cannot be read. */
  readSnapshot: () => StoredSnapshot | null
  /** The saved document with its plans decoded (for support and the end-to-end tests); null when unreadable. */
  readSavedDocument: () => { version: number; state: Record<string, unknown> } | null
  /** The original text kept under an `unreadable:` key (copies are stored compressed); null when absent or unreadable. */
  readKeptCopy: (copyKey: string) => string | null
  isBlocked: () => boolean
  /** The last status reported (the store reads it once after hydration, before its sink is wired). */
  lastStatus: () => SaveStatus | null
  /** Measures the origin's localStorage use now. */
  measureUsage: () => StorageUsage | null
}

export function createLocalStorageAdapter(
  onStatus: (status: SaveStatus) => void,
  key: string = STORAGE_KEYS.document,
  onUsage: (usage: StorageUsage) => void = () => {},
): LocalStorageAdapter {
  let pending: PersistedState | null = null
  let lastQueued: PersistedState | null = null
  let blocked = false
  let lastStatus: SaveStatus | null = null
  const mirror = new StorageMirror()
  let cancelScheduled: (() => void) | null = null
  /** The save in progress across idle slices: its main-thread time so far. */
  let inProgress: { ms: number; encodeMs: number; slices: number } | null = null
  const report = (status: SaveStatus) => {
    lastStatus = status
    onStatus(status)
  }
  const timing: SaveTiming = { lastWriteMs: 0, lastEncodeMs: 0, lastWriteBytes: 0, lastWriteKeys: 0, lastWriteSlices: 0, lastWriteDeferred: true, readMs: 0 }

  const adapter: LocalStorageAdapter = {
    readOutcome: { kind: 'empty' },
    timing,
    unreadablePlans: [],
    storage: {
      getItem: () => {
        const startedAt = performance.now()
        try {
          const loaded = readAtLoad(key, mirror)
          adapter.readOutcome = loaded.outcome
          adapter.unreadablePlans.push(...loaded.unreadablePlans)
          if (loaded.status?.block) adapter.block(loaded.status.status)
          else if (loaded.status) report(loaded.status.status)
          return loaded.value
        } finally {
          timing.readMs = performance.now() - startedAt
        }
      },
      setItem: (_name, value) => {
        // Session-only changes (and our own status updates) reach here too: ignore what is already
        // queued, or every status update would schedule another "save".
        if (blocked || isSameState(value.state, lastQueued)) return
        lastQueued = value.state
        if (mirror.holds(value.state)) {
          if (pending) {
            pending = null
            report({ kind: 'saved', at: Date.now() })
          }
          return
        }
        const wasPending = pending !== null
        pending = value.state
        if (!wasPending || lastStatus?.kind !== 'pending') report({ kind: 'pending' })
        schedule()
      },
      removeItem: () => {
        // The app never removes its save; a user who wants a clean slate starts a new plan.
      },
    },
    flush: () => {
      cancelScheduled?.()
      cancelScheduled = null
      write(false, Infinity)
    },
    keepUnreadableCopy,
    keepOriginalOfPlan: (planId) => {
      const planKey = planStorageKey(planId)
      if (mirror.legacyText !== null) {
        if (mirror.legacyCopyKey === undefined) mirror.legacyCopyKey = keepUnreadableCopy(mirror.legacyText)
        if (mirror.legacyCopyKey === null) mirror.blockedPlanKeys.add(planKey)
        return mirror.legacyCopyKey
      }
      const text = mirror.texts.get(planKey)
      if (text === undefined) return null
      const copyKey = keepUnreadableCopy(text)
      if (copyKey === null) mirror.blockedPlanKeys.add(planKey)
      return copyKey
    },
    dispose: () => {
      blocked = true
      pending = null
      cancelScheduled?.()
      cancelScheduled = null
      window.removeEventListener('pagehide', adapter.flush)
      document.removeEventListener('visibilitychange', onVisibilityChange)
    },
    block: (status) => {
      blocked = true
      pending = null
      cancelScheduled?.()
      report(status)
    },
    markAsStored: (state) => {
      if (mirror.legacyText !== null) return // the old save still has to be split into plan keys
      for (const [id, plan] of Object.entries(state.plans)) mirror.plans.set(id, plan)
      adapter.markDocumentStored(state)
    },
    markPlanStored: (planId, plan, text) => {
      const planKey = planStorageKey(planId)
      if (text !== null) mirror.texts.set(planKey, text)
      else if (!mirror.texts.has(planKey)) return // not read from its key: it has to be written
      mirror.plans.set(planId, plan)
      settleIfStored()
    },
    markDocumentStored: (state) => {
      if (mirror.legacyText !== null) return
      mirror.documentText = serializeDocument(state)
      settleIfStored()
    },
    seedEncoder: (planId, plan) => {
      const layout = mirror.layoutsRead.get(planId)
      mirror.layoutsRead.delete(planId)
      if (layout) mirror.encoderFor(planId).seed(plan, layout)
    },
    readSnapshot: () => readSnapshot(key, mirror),
    readKeptCopy,
    readSavedDocument: () => readSavedDocument(key),
    isBlocked: () => blocked,
    lastStatus: () => lastStatus,
    measureUsage: () => {
      const usage = measureStorageUsage()
      if (usage !== null) onUsage(usage)
      return usage
    },
  }

  function settleIfStored() {
    if (pending && mirror.holds(pending)) {
      pending = null
      cancelScheduled?.()
      cancelScheduled = null
      inProgress = null
      report({ kind: 'saved', at: Date.now() }) // saved by the other tab
    }
  }

  function schedule() {
    if (cancelScheduled) return
    const timer = window.setTimeout(() => {
      cancelScheduled = null
      runSlice()
    }, SAVE_DEBOUNCE_MS)
    cancelScheduled = () => window.clearTimeout(timer)
  }

  function runSlice() {
    cancelScheduled = scheduleIdle(() => {
      cancelScheduled = null
      if (write(true, performance.now() + SAVE_SLICE_MS) === 'yielded') runSlice()
    }, SAVE_IDLE_TIMEOUT_MS)
  }

  /** Writes the pending state; 'yielded' when the slice's time ran out (the work so far is kept). */
  function write(deferred: boolean, deadline: number): 'done' | 'yielded' {
    if (!pending || blocked) return 'done'
    const startedAt = performance.now()
    const progress = inProgress ?? { ms: 0, encodeMs: 0, slices: 0 }
    inProgress = progress
    progress.slices += 1
    const step = writeState(pending, key, mirror, deadline, progress)
    progress.ms += performance.now() - startedAt
    if (step.kind === 'yielded') return 'yielded'
    Object.assign(timing, {
      lastWriteBytes: step.chars, lastWriteKeys: step.keys, lastWriteMs: progress.ms, lastEncodeMs: progress.encodeMs,
      lastWriteSlices: progress.slices, lastWriteDeferred: deferred,
    })
    inProgress = null
    if (step.outcome !== 'ok') {
      // Keep `pending`: the next change (or flush) tries again; the plan stays in memory meanwhile.
      report({ kind: step.outcome === 'failed' ? 'failed' : step.outcome })
    } else if (step.unserializable) {
      report({ kind: 'failed' })
    } else {
      pending = null
      report({ kind: 'saved', at: Date.now() })
    }
    adapter.measureUsage()
    return 'done'
  }

  function onVisibilityChange() {
    if (document.visibilityState === 'hidden') adapter.flush()
  }
  window.addEventListener('pagehide', adapter.flush)
  document.addEventListener('visibilitychange', onVisibilityChange)
  return adapter
}

function isSameState(a: PersistedState, b: PersistedState | null): boolean {
  return b !== null && a.plans === b.plans && a.activePlanId === b.activePlanId && a.deletedPlans === b.deletedPlans && a.language === b.language && a.lastBackupAt === b.lastBackupAt && a.showHolidays === b.showHolidays
}
