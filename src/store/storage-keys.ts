/**
 * Every localStorage key the app uses. A shipped key name is never edited: old saves live under it.
 */
export const STORAGE_KEYS = {
  /** The persisted document and preferences (zustand persist envelope `{ state, version }`). */
  document: 'election-planner:document',
  /**
   * Prefix of copies of saves the app could not read (corrupt JSON, or items a restore had to drop).
   * Each copy gets its own key with a timestamp, so one is never overwritten by another.
   */
  unreadablePrefix: 'election-planner:unreadable:',
} as const
