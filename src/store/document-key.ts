/**
 * The text of the document key (`STORAGE_KEYS.document`): the zustand persist envelope
 * `{ state, version }`. From version 3 on, `state` holds everything but the plans, which live under
 * their own keys (stored-plan.ts), and lists them as `planIds`. A version 1–2 save holds the whole
 * state, plans included; one too big to leave room for its own plan keys is replaced by itself
 * compressed behind `PACKED_DOCUMENT_MARKER` until it has been split (see storage-write.ts).
 *
 * What must never change: the envelope's field names and `PACKED_DOCUMENT_MARKER`.
 */
import { readStorageItem, writeStorageItem, type ReadResult } from '@/lib/web-storage'
import { CURRENT_DOCUMENT_VERSION } from '@/store/persisted-document'
import type { PersistedState } from '@/store/state-keys'
import { packText, unpackText } from '@/store/storage-codec'

/** Starts a compressed v1/v2 document (lossless and verified before it is written; see packLegacyDocument). */
export const PACKED_DOCUMENT_MARKER = 'ep-doc-z1;'

/** `{ state, version }` from a stored string, or null when it is not one. */
export type StoredEnvelope = { state: PersistedState; version: number }

/** The document key's text (v3): everything but the plans, which have their own keys. */
export function serializeDocument(state: PersistedState): string {
  const { plans, ...rest } = state
  return JSON.stringify({ state: { ...rest, planIds: Object.keys(plans) }, version: CURRENT_DOCUMENT_VERSION })
}

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

/** The document key's text, unpacked when it was packed. */
export function readDocumentText(key: string): ReadResult {
  const read = readStorageItem(key)
  if (!read.ok || read.value === null || !read.value.startsWith(PACKED_DOCUMENT_MARKER)) return read
  // A damaged packed document reads as the marker alone: not JSON, so it is kept as a corrupt save.
  return { ok: true, value: unpackText(read.value, PACKED_DOCUMENT_MARKER.length)?.text ?? PACKED_DOCUMENT_MARKER }
}

/**
 * Makes room for the plan keys of an old single-key save that fills the quota: the document key
 * gets the same text compressed, in one setItem (the old value or the new one, never neither),
 * only after reading the packed form back to the exact same text. True when it was replaced.
 */
export function packLegacyDocument(key: string, legacyText: string): boolean {
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
