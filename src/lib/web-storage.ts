/**
 * The only module that touches `localStorage`. Every call is wrapped: private modes, disabled storage
 * and a full quota come back as values the caller can act on, never as exceptions.
 */
export type WriteResult = 'ok' | 'quota' | 'unavailable'

export type ReadResult = { ok: true; value: string | null } | { ok: false }

export function readStorageItem(key: string): ReadResult {
  try {
    return { ok: true, value: window.localStorage.getItem(key) }
  } catch {
    return { ok: false }
  }
}

export function writeStorageItem(key: string, value: string): WriteResult {
  try {
    window.localStorage.setItem(key, value)
    return 'ok'
  } catch (error) {
    return isQuotaError(error) ? 'quota' : 'unavailable'
  }
}

export function removeStorageItem(key: string): void {
  try {
    window.localStorage.removeItem(key)
  } catch {
    // Nothing to do: the key stays, which loses nothing.
  }
}

export function storageKeysWithPrefix(prefix: string): string[] {
  try {
    const keys: string[] = []
    for (let i = 0; i < window.localStorage.length; i += 1) {
      const key = window.localStorage.key(i)
      if (key?.startsWith(prefix)) keys.push(key)
    }
    return keys
  } catch {
    return []
  }
}

/** Calls `onChange(newValue)` when another tab writes `key`. Returns the unsubscribe function. */
export function onStorageItemChangedElsewhere(key: string, onChange: (newValue: string | null) => void): () => void {
  const listener = (event: StorageEvent) => {
    if (event.storageArea === window.localStorage && event.key === key) onChange(event.newValue)
  }
  window.addEventListener('storage', listener)
  return () => window.removeEventListener('storage', listener)
}

/**
 * Calls `onChange(key)` when another tab writes, removes or clears (key null) a key that `matches`.
 * Returns the unsubscribe function.
 */
export function onStorageChangedElsewhere(matches: (key: string) => boolean, onChange: (key: string | null) => void): () => void {
  const listener = (event: StorageEvent) => {
    if (event.storageArea !== window.localStorage) return
    if (event.key === null || matches(event.key)) onChange(event.key)
  }
  window.addEventListener('storage', listener)
  return () => window.removeEventListener('storage', listener)
}

/**
 * Characters this origin holds in localStorage, keys and values (what Chromium counts against its
 * quota, in UTF-16 code units). localStorage has no quota API, so this sums every key. Null when
 * storage cannot be read.
 */
export function storageUsedChars(): number | null {
  try {
    let used = 0
    for (let i = 0; i < window.localStorage.length; i += 1) {
      const key = window.localStorage.key(i)
      if (key === null) continue
      used += key.length + (window.localStorage.getItem(key)?.length ?? 0)
    }
    return used
  } catch {
    return null
  }
}

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof DOMException)) return false
  // Chrome/Edge/Safari say QuotaExceededError (code 22); old Firefox NS_ERROR_DOM_QUOTA_REACHED (1014).
  return error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22 || error.code === 1014
}
