/**
 * Asks the browser not to evict our storage under pressure (`navigator.storage.persist()`). Browsers
 * may say no (Chrome decides by engagement, Safari still evicts after 7 days unused); the answer is
 * shown to the user, who is reminded that only a downloaded file is a backup.
 */
export type PersistenceState = 'persisted' | 'not-persisted' | 'unsupported'

export async function requestPersistentStorage(): Promise<PersistenceState> {
  try {
    if (!navigator.storage?.persist) return 'unsupported'
    if (await navigator.storage.persisted()) return 'persisted'
    return (await navigator.storage.persist()) ? 'persisted' : 'not-persisted'
  } catch {
    return 'unsupported'
  }
}
