/**
 * Connection settings kept per plan in localStorage (server, database, user; never the password):
 * the plan's own sync connection (sync-store.ts) and the higher-level plan it follows
 * (follow-store.ts), each under its own key, read and written the same way.
 */
import { readStorageItem, writeStorageItem } from '@/lib/web-storage'
import type { SyncConnection } from '@/store/sync/sync-types'

/** Plan id → connection, from `key`; anything unreadable or incomplete is left out. */
export function readConnectionMap(key: string): Record<string, SyncConnection> {
  const read = readStorageItem(key)
  if (!read.ok || read.value === null) return {}
  try {
    const parsed = JSON.parse(read.value) as unknown
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
    const kept: Record<string, SyncConnection> = {}
    for (const [planId, value] of Object.entries(parsed as Record<string, unknown>)) {
      const c = value as Partial<SyncConnection> | null
      if (c && typeof c.serverUrl === 'string' && typeof c.database === 'string' && typeof c.username === 'string') {
        kept[planId] = { serverUrl: c.serverUrl, database: c.database, username: c.username }
      }
    }
    return kept
  } catch {
    return {}
  }
}

/** Saves (or, with null, forgets) one plan's connection under `key`. */
export function saveConnectionEntry(key: string, planId: string, connection: SyncConnection | null): void {
  const all = readConnectionMap(key)
  if (connection) all[planId] = connection
  else delete all[planId]
  writeStorageItem(key, JSON.stringify(all))
}
