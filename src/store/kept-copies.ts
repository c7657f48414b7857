/**
 * Kept copies: the original text of a save that could not be read, or that restore had to repair,
 * copied under `STORAGE_KEYS.unreadablePrefix + ISO timestamp` before anything overwrites it (stored
 * compressed when that is lossless: stored-plan.ts). Nothing in the app deletes them; the notices
 * point the user at them.
 *
 * What must never change: the prefix (storage-keys.ts) and the copy format (stored-plan.ts).
 */
import { readStorageItem, writeStorageItem } from '@/lib/web-storage'
import { STORAGE_KEYS } from '@/store/storage-keys'
import { decodeKeptCopy, encodeKeptCopy } from '@/store/stored-plan'

/** Copies a raw save under a key of its own; the key, or null when it could not be kept. */
export function keepUnreadableCopy(raw: string): string | null {
  const stamp = new Date().toISOString()
  let copyKey = `${STORAGE_KEYS.unreadablePrefix}${stamp}`
  // Two copies in the same millisecond (two plans of one load) must not share a key.
  for (let n = 2; hasItem(copyKey); n += 1) {
    copyKey = `${STORAGE_KEYS.unreadablePrefix}${stamp}-${n}`
  }
  return writeStorageItem(copyKey, encodeKeptCopy(raw)) === 'ok' ? copyKey : null
}

/** The original text kept under `copyKey`; null when absent or unreadable. */
export function readKeptCopy(copyKey: string): string | null {
  const read = readStorageItem(copyKey)
  return read.ok && read.value !== null ? decodeKeptCopy(read.value) : null
}

function hasItem(key: string): boolean {
  const read = readStorageItem(key)
  return read.ok && read.value !== null
}
