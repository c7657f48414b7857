/**
 * Reading the planner's save: at load (the document key, then each listed plan key, plus plan keys
 * nobody lists), for another tab's change, and whole for support. Layout of the keys:
 * document-key.ts and stored-plan.ts. Reading never overwrites anything: a key that cannot be read
 * is copied first (kept-copies.ts), and when even that fails it is blocked in the mirror.
 */
import type { StorageValue } from 'zustand/middleware'
import type { Plan } from '@/domain/types'
import { readStorageItem, storageKeysWithPrefix } from '@/lib/web-storage'
import { parseEnvelope, readDocumentText } from '@/store/document-key'
import { keepUnreadableCopy } from '@/store/kept-copies'
import { CURRENT_DOCUMENT_VERSION, readPlanIds } from '@/store/persisted-document'
import type { SaveStatus } from '@/store/planner-state'
import type { PersistedState } from '@/store/state-keys'
import type { StorageMirror } from '@/store/storage-mirror'
import { planStorageKey, STORAGE_KEYS } from '@/store/storage-keys'
import { decodeStoredPlan } from '@/store/stored-plan'

export type ReadOutcome =
  | { kind: 'empty' }
  | { kind: 'ok'; version: number }
  | { kind: 'corrupt'; copyKey: string | null }
  | { kind: 'newer-version'; version: number }
  | { kind: 'unavailable' }

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

export interface LoadResult {
  value: StorageValue<PersistedState> | null
  outcome: ReadOutcome
  unreadablePlans: UnreadablePlan[]
  /** What to report: `block` stops all writes (a save we must not overwrite); `report` only tells. */
  status: { block: boolean; status: SaveStatus } | null
}

/**
 * The load: the document, then (v3) each listed plan's key, plus plan keys nobody lists (a crash
 * between writes). NOTE: records what it read in `mirror` (texts, layouts, blocked keys, a v1/v2 save).
 */
export function readAtLoad(key: string, mirror: StorageMirror): LoadResult {
  const read = readDocumentText(key)
  if (!read.ok) return { value: null, outcome: { kind: 'unavailable' }, unreadablePlans: [], status: { block: false, status: { kind: 'unavailable' } } }
  let outcome: ReadOutcome = { kind: 'empty' }
  let documentState: Record<string, unknown> = {}
  if (read.value !== null) {
    const parsed = parseEnvelope(read.value)
    if (parsed === null) {
      const copyKey = keepUnreadableCopy(read.value)
      outcome = { kind: 'corrupt', copyKey }
      if (copyKey === null) return { value: null, outcome, unreadablePlans: [], status: { block: true, status: { kind: 'blocked' } } }
    } else if (parsed.version > CURRENT_DOCUMENT_VERSION) {
      outcome = { kind: 'newer-version', version: parsed.version }
      return { value: null, outcome, unreadablePlans: [], status: { block: true, status: { kind: 'newer-version', version: parsed.version } } }
    } else if (parsed.version < 3) {
      mirror.legacyText = read.value
      return { value: parsed as unknown as StorageValue<PersistedState>, outcome: { kind: 'ok', version: parsed.version }, unreadablePlans: [], status: null }
    } else {
      documentState = parsed.state as Record<string, unknown>
      mirror.documentText = read.value
      outcome = { kind: 'ok', version: parsed.version }
    }
  }
  const unreadablePlans: UnreadablePlan[] = []
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
      const copyKey = keepUnreadableCopy(text.value)
      if (copyKey === null) mirror.blockedPlanKeys.add(planKey)
      unreadablePlans.push({ planId: listedId ?? '', key: planKey, copyKey })
      continue
    }
    // A plan key nobody lists: a deleted plan whose key was not removed yet stays deleted.
    if (listedId === null && (planStorageKey(planId) !== planKey || Object.prototype.hasOwnProperty.call(tombstones, planId) || Object.prototype.hasOwnProperty.call(plans, planId))) continue
    Object.defineProperty(plans, planId, { value: decoded.raw, enumerable: true, writable: true, configurable: true })
    mirror.texts.set(planKey, text.value)
    if (decoded.layout) mirror.layoutsRead.set(planId, decoded.layout)
  }
  if (read.value === null && Object.keys(plans).length === 0) return { value: null, outcome: { kind: 'empty' }, unreadablePlans, status: null }
  if (outcome.kind === 'empty') outcome = { kind: 'ok', version: CURRENT_DOCUMENT_VERSION }
  return { value: { state: { ...documentState, plans } as unknown as PersistedState, version: CURRENT_DOCUMENT_VERSION }, outcome, unreadablePlans, status: null }
}

/** Reads what storage holds now (another tab wrote). Null when the document cannot be read. */
export function readSnapshot(key: string, mirror: StorageMirror): StoredSnapshot | null {
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
    const known = mirror.plans.get(planId)
    if (known && mirror.texts.get(planKey) === text.value) {
      snapshot.unchangedPlans[planId] = known
    } else {
      const decoded = decodeStoredPlan(text.value)
      if (decoded === null) continue // another tab never writes garbage; a half-written key is read on its next event
      snapshot.changedPlans[planId] = decoded.raw
    }
    snapshot.texts.set(planId, text.value)
  }
  return snapshot
}

/** The saved document with its plans decoded (for support and the end-to-end tests); null when unreadable. */
export function readSavedDocument(key: string): { version: number; state: Record<string, unknown> } | null {
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
}

function planIdOf(raw: unknown): string | null {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined
  return typeof id === 'string' && id.length > 0 ? id : null
}
