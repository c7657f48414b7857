/**
 * The browser's SyncEnvironment (IndexedDB replicas, fetch with the session cookie), shared by the
 * sync controller (browser-sync.ts) and the follow controller (browser-follow.ts) so both open
 * databases the same way. PouchDB (src/lib/pouch-browser.ts) is imported only on the first call:
 * a user who neither syncs nor follows never downloads it.
 */
import type { PouchDatabase, SyncEnvironment } from '@/store/sync/sync-engine'

let environment: Promise<SyncEnvironment> | null = null

/** The browser environment (created once; the PouchDB chunk loads on first use). */
export function loadBrowserSyncEnvironment(): Promise<SyncEnvironment> {
  environment ??= import('@/lib/pouch-browser').then((pouch) => ({
    openLocal: (name) => pouch.openBrowserReplica(name) as PouchDatabase,
    openRemote: (url) => pouch.openRemoteDatabase(url) as PouchDatabase,
    fetch: pouch.fetchWithCredentials,
    now: () => Date.now(),
  }))
  return environment
}
