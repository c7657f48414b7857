/**
 * Stores the planner in localStorage: the document (preferences, plan ids, tombstones) under
 * STORAGE_KEYS.document as the zustand persist envelope `{ state, version }`, and each plan under
 * its own key, compressed (planStorageKey, stored-plan.ts). See persisted-document.ts for versions.
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
import type { PersistStorage, StorageValue } from 'zustand/middleware'
import type { Plan } from '@/domain/types'
import { scheduleIdle } from '@/lib/schedule-idle'
import {
  readStorageItem, removeStorageItem, storageKeysWithPrefix, storageUsedChars, writeStorageItem, type WriteResult,
} from '@/lib/web-storage'
import { CURRENT_DOCUMENT_VERSION, readPlanIds } from '@/store/persisted-document'
import type { SaveStatus, StorageUsage } from '@/store/planner-state'
import type { PersistedState } from '@/store/state-keys'
import { planStorageKey, STORAGE_KEYS } from '@/store/storage-keys'
import { packText, unpackText } from '@/store/storage-codec'
import { decodeKeptCopy, decodeStoredPlan, encodeKeptCopy, PlanEncoder, type DecodedPlan } from '@/store/stored-plan'

export const SAVE_DEBOUNCE_MS = 300
export const SAVE_IDLE_TIMEOUT_MS = 1_000
/** Main-thread time one idle callback may spend compressing before it yields to the page. */
export const SAVE_SLICE_MS = 40
/** Chromium's localStorage quota per origin: 5 MiB of UTF-16 code units (keys + values). */
export const STORAGE_QUOTA_CHARS = 5 * 1024 * 1024
/** From this share of the quota on, the app warns and offers the backup download. */
export const STORAGE_WARNING_RATIO = 0.8

export type ReadOutcome =
  | { kind: 'empty' }
  | { kind: 'ok'; version: number }
  | { kind: 'corrupt'; copyKey: string | null }
  | { kind: 'newer-version'; version: number }
  | { kind: 'unavailable' }

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

/** A plan key that could not be read at load: kept under `copyKey` (null: could not be kept, key blocked). */
export interface UnreadablePlan { planId: string; key: string; copyKey: string | null }

/** What storage holds, read for another tab's change: plans as restored objects when unchanged. */
export interface StoredSnapshot {
  version: number
  /** The document's own fields (v3), or the whole v1/v2 state (with its plans). */
  state: Record<string, unknown>
  /** Plans whose key changed since we last read or wrote it, as stored (for restore). */
  changedPlans: Record<string, unknown>
  /** Plans whose key holds exactly what we last read or wrote: that plan object. */
  unchangedPlans: Record<string, Plan>
  /** Text per plan id as read, to mark it stored once merged. */
  texts: Map<string, string>
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
  /** Plan id → the plan object its key holds; key → the text it holds (both as last read or written). */
  const storedPlans = new Map<string, Plan>()
  const storedTexts = new Map<string, string>()
  let storedDocumentText: string | null = null
  const blockedPlanKeys = new Set<string>()
  const encoders = new Map<string, PlanEncoder>()
  /** Segments read at load, per plan id, until the encoder is seeded (or the plan changes). */
  const layoutsRead = new Map<string, NonNullable<DecodedPlan['layout']>>()
  /** Set while the document key still holds a v1/v2 save: the next write splits it (see header). */
  let legacyText: string | null = null
  let legacyCopyKey: string | null | undefined
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
          return readAtLoad()
        } finally {
          timing.readMs = performance.now() - startedAt
        }
      },
      setItem: (_name, value) => {
        // Session-only changes (and our own status updates) reach here too: ignore what is already
        // queued, or every status update would schedule another "save".
        if (blocked || isSameState(value.state, lastQueued)) return
        lastQueued = value.state
        if (isStored(value.state)) {
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
    keepUnreadableCopy: (raw) => {
      const stamp = new Date().toISOString()
      let copyKey = `${STORAGE_KEYS.unreadablePrefix}${stamp}`
      // Two copies in the same millisecond (two plans of one load) must not share a key.
      for (let n = 2; hasItem(copyKey); n += 1) {
        copyKey = `${STORAGE_KEYS.unreadablePrefix}${stamp}-${n}`
      }
      return writeStorageItem(copyKey, encodeKeptCopy(raw)) === 'ok' ? copyKey : null
    },
    keepOriginalOfPlan: (planId) => {
      const planKey = planStorageKey(planId)
      if (legacyText !== null) {
        if (legacyCopyKey === undefined) legacyCopyKey = adapter.keepUnreadableCopy(legacyText)
        if (legacyCopyKey === null) blockedPlanKeys.add(planKey)
        return legacyCopyKey
      }
      const text = storedTexts.get(planKey)
      if (text === undefined) return null
      const copyKey = adapter.keepUnreadableCopy(text)
      if (copyKey === null) blockedPlanKeys.add(planKey)
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
      if (legacyText !== null) return // the old save still has to be split into plan keys
      for (const [id, plan] of Object.entries(state.plans)) storedPlans.set(id, plan)
      adapter.markDocumentStored(state)
    },
    markPlanStored: (planId, plan, text) => {
      const planKey = planStorageKey(planId)
      if (text !== null) storedTexts.set(planKey, text)
      else if (!storedTexts.has(planKey)) return // not read from its key: it has to be written
      storedPlans.set(planId, plan)
      settleIfStored()
    },
    markDocumentStored: (state) => {
      if (legacyText !== null) return
      storedDocumentText = serializeDocument(state)
      settleIfStored()
    },
    seedEncoder: (planId, plan) => {
      const layout = layoutsRead.get(planId)
      layoutsRead.delete(planId)
      if (layout) encoderFor(planId).seed(plan, layout)
    },
    readSnapshot: () => {
      const read = readDocumentText(key)
      if (!read.ok || read.value === null) return null
      const envelope = parseEnvelope(read.value)
      if (envelope === null) return null
      const state = envelope.state as Record<string, unknown>
      const snapshot: StoredSnapshot = { version: envelope.version, state, changedPlans: {}, unchangedPlans: {}, texts: new Map() }
      if (envelope.version < 3 || envelope.version > CURRENT_DOCUMENT_VERSION) return snapshot
      for (const planId of readPlanIds(state.planIds)) {
        const planKey = planStorageKey(planId)
        const text = readStorageItem(planKey)
        if (!text.ok || text.value === null) continue
        const known = storedPlans.get(planId)
        if (known && storedTexts.get(planKey) === text.value) {
          snapshot.unchangedPlans[planId] = known
        } else {
          const decoded = decodeStoredPlan(text.value)
          if (decoded === null) continue // another tab never writes garbage; a half-written key is read on its next event
          snapshot.changedPlans[planId] = decoded.raw
        }
        snapshot.texts.set(planId, text.value)
      }
      return snapshot
    },
    readKeptCopy: (copyKey) => {
      const read = readStorageItem(copyKey)
      return read.ok && read.value !== null ? decodeKeptCopy(read.value) : null
    },
    readSavedDocument: () => {
      const read = readDocumentText(key)
      const envelope = read.ok && read.value !== null ? parseEnvelope(read.value) : null
      if (envelope === null) return null
      const state = envelope.state as Record<string, unknown>
      if (envelope.version < 3) return { version: envelope.version, state }
      const plans: Record<string, unknown> = {}
      for (const planId of readPlanIds(state.planIds)) {
        const text = readStorageItem(planStorageKey(planId))
        const decoded = text.ok && text.value !== null ? decodeStoredPlan(text.value) : null
        if (decoded) plans[planId] = decoded.raw
      }
      return { version: envelope.version, state: { ...state, plans } }
    },
    isBlocked: () => blocked,
    lastStatus: () => lastStatus,
    measureUsage: () => {
      const used = storageUsedChars()
      if (used === null) return null
      const usage = { usedChars: used, quotaChars: STORAGE_QUOTA_CHARS }
      onUsage(usage)
      return usage
    },
  }

  function encoderFor(planId: string): PlanEncoder {
    let encoder = encoders.get(planId)
    if (!encoder) {
      encoder = new PlanEncoder()
      encoders.set(planId, encoder)
    }
    return encoder
  }

  /** The load: the document, then (v3) each listed plan's key, plus plan keys nobody lists (a crash between writes). */
  function readAtLoad(): StorageValue<PersistedState> | null {
    const read = readDocumentText(key)
    if (!read.ok) {
      adapter.readOutcome = { kind: 'unavailable' }
      report({ kind: 'unavailable' })
      return null
    }
    let documentState: Record<string, unknown> = {}
    if (read.value !== null) {
      const parsed = parseEnvelope(read.value)
      if (parsed === null) {
        const copyKey = adapter.keepUnreadableCopy(read.value)
        adapter.readOutcome = { kind: 'corrupt', copyKey }
        if (copyKey === null) {
          adapter.block({ kind: 'blocked' })
          return null
        }
      } else if (parsed.version > CURRENT_DOCUMENT_VERSION) {
        adapter.readOutcome = { kind: 'newer-version', version: parsed.version }
        adapter.block({ kind: 'newer-version', version: parsed.version })
        return null
      } else if (parsed.version < 3) {
        legacyText = read.value
        adapter.readOutcome = { kind: 'ok', version: parsed.version }
        return parsed as unknown as StorageValue<PersistedState>
      } else {
        documentState = parsed.state as Record<string, unknown>
        storedDocumentText = read.value
        adapter.readOutcome = { kind: 'ok', version: parsed.version }
      }
    }
    const plans: Record<string, unknown> = {}
    const listed = readPlanIds(documentState.planIds)
    const tombstones = typeof documentState.deletedPlans === 'object' && documentState.deletedPlans !== null ? documentState.deletedPlans as Record<string, unknown> : {}
    const listedKeys = new Set(listed.map(planStorageKey))
    const orphanKeys = storageKeysWithPrefix(STORAGE_KEYS.planPrefix).filter((k) => !listedKeys.has(k))
    for (const [planKey, listedId] of [...listed.map((id) => [planStorageKey(id), id] as const), ...orphanKeys.map((k) => [k, null] as const)]) {
      const text = readStorageItem(planKey)
      if (!text.ok || text.value === null) continue
      const decoded = decodeStoredPlan(text.value)
      const planId = listedId ?? planIdOf(decoded?.raw)
      if (decoded === null || planId === null) {
        const copyKey = adapter.keepUnreadableCopy(text.value)
        if (copyKey === null) blockedPlanKeys.add(planKey)
        adapter.unreadablePlans.push({ planId: listedId ?? '', key: planKey, copyKey })
        continue
      }
      // A plan key nobody lists: a deleted plan whose key was not removed yet stays deleted.
      if (listedId === null && (planStorageKey(planId) !== planKey || Object.prototype.hasOwnProperty.call(tombstones, planId) || Object.prototype.hasOwnProperty.call(plans, planId))) continue
      Object.defineProperty(plans, planId, { value: decoded.raw, enumerable: true, writable: true, configurable: true })
      storedTexts.set(planKey, text.value)
      if (decoded.layout) layoutsRead.set(planId, decoded.layout)
    }
    if (read.value === null && Object.keys(plans).length === 0) {
      adapter.readOutcome = { kind: 'empty' }
      return null
    }
    if (adapter.readOutcome.kind === 'empty') adapter.readOutcome = { kind: 'ok', version: CURRENT_DOCUMENT_VERSION }
    return { state: { ...documentState, plans } as unknown as PersistedState, version: CURRENT_DOCUMENT_VERSION }
  }

  function isStored(state: PersistedState): boolean {
    if (legacyText !== null || storedDocumentText === null) return false
    for (const [id, plan] of Object.entries(state.plans)) {
      if (storedPlans.get(id) !== plan && !blockedPlanKeys.has(planStorageKey(id))) return false
    }
    return serializeDocument(state) === storedDocumentText
  }

  function settleIfStored() {
    if (pending && isStored(pending)) {
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
    const state = pending
    const startedAt = performance.now()
    const progress = inProgress ?? { ms: 0, encodeMs: 0, slices: 0 }
    inProgress = progress
    progress.slices += 1
    const finish = () => {
      progress.ms += performance.now() - startedAt
      timing.lastWriteMs = progress.ms
      timing.lastEncodeMs = progress.encodeMs
      timing.lastWriteSlices = progress.slices
      timing.lastWriteDeferred = deferred
      inProgress = null
    }
    let failed = false
    /** A plan not written (blocked or failed): the old single-key save must then stay where it is. */
    let incomplete = false
    let written = 0
    let keys = 0
    const toWrite: { planId: string; planKey: string; plan: Plan; text: string }[] = []
    for (const [planId, plan] of Object.entries(state.plans)) {
      const planKey = planStorageKey(planId)
      if (blockedPlanKeys.has(planKey)) {
        incomplete = true
        continue
      }
      if (storedPlans.get(planId) === plan && legacyText === null) continue
      const encodeStart = performance.now()
      let text: string | null
      try {
        text = encoderFor(planId).encode(plan, deadline)
      } catch {
        // A value JSON cannot hold (too deep, cyclic): this plan stays in memory, the others save.
        failed = true
        incomplete = true
        continue
      } finally {
        progress.encodeMs += performance.now() - encodeStart
      }
      if (text === null) {
        progress.ms += performance.now() - startedAt
        return 'yielded'
      }
      if (storedTexts.get(planKey) === text) {
        storedPlans.set(planId, plan) // same text as stored (a no-op edit): nothing to write
        continue
      }
      toWrite.push({ planId, planKey, plan, text })
    }

    let outcome: WriteResult | 'failed' = 'ok'
    for (const item of toWrite) {
      outcome = writeStorageItem(item.planKey, item.text)
      if (outcome === 'quota' && legacyText !== null && packLegacyDocument()) outcome = writeStorageItem(item.planKey, item.text)
      if (outcome === 'ok' && legacyText !== null) {
        const back = readStorageItem(item.planKey)
        if (!back.ok || back.value !== item.text) outcome = 'failed'
      }
      if (outcome !== 'ok') break
      storedPlans.set(item.planId, item.plan)
      storedTexts.set(item.planKey, item.text)
      layoutsRead.delete(item.planId)
      written += item.text.length
      keys += 1
    }
    if (outcome === 'ok') {
      let documentText: string | null = null
      try {
        documentText = serializeDocument(state)
      } catch {
        failed = true
      }
      if (documentText !== null && documentText !== storedDocumentText && !(legacyText !== null && incomplete)) {
        outcome = writeStorageItem(key, documentText)
        if (outcome === 'ok') {
          storedDocumentText = documentText
          legacyText = null
          written += documentText.length
          keys += 1
        }
      }
    }
    if (outcome === 'ok') removeDeletedPlanKeys(state)
    timing.lastWriteBytes = written
    timing.lastWriteKeys = keys
    finish()
    if (outcome !== 'ok') {
      // Keep `pending`: the next change (or flush) tries again; the plan stays in memory meanwhile.
      report({ kind: outcome === 'failed' ? 'failed' : outcome })
    } else if (failed) {
      report({ kind: 'failed' })
    } else {
      pending = null
      report({ kind: 'saved', at: Date.now() })
    }
    adapter.measureUsage()
    return 'done'
  }

  /**
   * Makes room for the plan keys of an old single-key save that fills the quota: the document key
   * gets the same text compressed, in one setItem (the old value or the new one, never neither),
   * only after reading the packed form back to the exact same text. True when it was replaced.
   */
  function packLegacyDocument(): boolean {
    if (legacyText === null) return false
    const current = readStorageItem(key)
    if (!current.ok || current.value !== legacyText) return false // already packed, or changed by another tab
    try {
      const packed = PACKED_DOCUMENT_MARKER + packText(legacyText)
      if (unpackText(packed, PACKED_DOCUMENT_MARKER.length)?.text !== legacyText) return false
      return writeStorageItem(key, packed) === 'ok'
    } catch {
      return false
    }
  }

  /** Keys of plans this tab knew as stored and that are gone from the state (deleted here or merged away). */
  function removeDeletedPlanKeys(state: PersistedState) {
    for (const planId of [...storedPlans.keys()]) {
      if (Object.prototype.hasOwnProperty.call(state.plans, planId)) continue
      const planKey = planStorageKey(planId)
      if (!blockedPlanKeys.has(planKey)) removeStorageItem(planKey)
      storedPlans.delete(planId)
      storedTexts.delete(planKey)
      encoders.delete(planId)
    }
  }

  function onVisibilityChange() {
    if (document.visibilityState === 'hidden') adapter.flush()
  }
  window.addEventListener('pagehide', adapter.flush)
  document.addEventListener('visibilitychange', onVisibilityChange)
  return adapter
}

/**
 * The document key's text. A v1/v2 save too big to leave room for its own plan keys is first
 * replaced by itself compressed (`PACKED_DOCUMENT_MARKER`, lossless and verified; see write()).
 */
export const PACKED_DOCUMENT_MARKER = 'ep-doc-z1;'

function readDocumentText(key: string): ReturnType<typeof readStorageItem> {
  const read = readStorageItem(key)
  if (!read.ok || read.value === null || !read.value.startsWith(PACKED_DOCUMENT_MARKER)) return read
  // A damaged packed document reads as the marker alone: not JSON, so it is kept as a corrupt save.
  return { ok: true, value: unpackText(read.value, PACKED_DOCUMENT_MARKER.length)?.text ?? PACKED_DOCUMENT_MARKER }
}

function hasItem(key: string): boolean {
  const read = readStorageItem(key)
  return read.ok && read.value !== null
}

function planIdOf(raw: unknown): string | null {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined
  return typeof id === 'string' && id.length > 0 ? id : null
}

/** The document key's text (v3): everything but the plans, which have their own keys. */
export function serializeDocument(state: PersistedState): string {
  const { plans, ...rest } = state
  return JSON.stringify({ state: { ...rest, planIds: Object.keys(plans) }, version: CURRENT_DOCUMENT_VERSION })
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
  return b !== null && a.plans === b.plans && a.activePlanId === b.activePlanId && a.deletedPlans === b.deletedPlans && a.language === b.language && a.lastBackupAt === b.lastBackupAt && a.showHolidays === b.showHolidays
}
