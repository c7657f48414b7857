/**
 * The app's sync controller: the browser environment (browser-environment.ts: IndexedDB replicas,
 * fetch with the session cookie) over the app's planner store. PouchDB is imported only when the
 * first plan connects or resumes, so a browser-only user never loads it.
 */
import type { PlannerStore } from '@/store/planner-store'
import { loadBrowserSyncEnvironment } from '@/store/sync/browser-environment'
import { createStorePlanPort } from '@/store/sync/store-plan-port'
import { createSyncController, readSavedConnections, type SyncController } from '@/store/sync/sync-store'

let controller: Promise<SyncController> | null = null

/** The controller for `store` (created once; the PouchDB chunk loads on first use). */
export function getSyncController(store: PlannerStore): Promise<SyncController> {
  controller ??= loadBrowserSyncEnvironment().then((env) => createSyncController(env, (planId) => createStorePlanPort(store, planId)))
  return controller
}

/** On start: resumes every plan connected before (no-op, and no PouchDB download, when there is none). */
export async function resumeSavedConnections(store: PlannerStore): Promise<void> {
  const planIds = Object.keys(readSavedConnections()).filter((id) => id in store.getState().plans)
  if (planIds.length === 0) return
  const sync = await getSyncController(store)
  await Promise.all(planIds.map((id) => sync.resume(id)))
}
