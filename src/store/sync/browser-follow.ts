/**
 * The app's follow controller ("Theo dõi kế hoạch cấp trên"): the browser environment
 * (browser-environment.ts: IndexedDB replicas, fetch with the session cookie) over the planner
 * store. PouchDB is imported only when a plan follows (or resumes following) a higher-level plan.
 */
import type { PlannerStore } from '@/store/planner-store'
import { loadBrowserSyncEnvironment } from '@/store/sync/browser-environment'
import { createFollowController, readSavedFollows, type FollowController } from '@/store/sync/follow-store'

let controller: Promise<FollowController> | null = null

export function getFollowController(store: PlannerStore): Promise<FollowController> {
  controller ??= loadBrowserSyncEnvironment().then((env) => createFollowController(env, (planId) => ({
    getPlan: () => store.getState().plans[planId] ?? null,
    subscribe: (listener) => store.subscribe((state, previous) => {
      if (state.plans[planId] !== previous.plans[planId]) listener()
    }),
  })))
  return controller
}

/** On start: follows again every plan that followed before (no PouchDB download when there is none). */
export async function resumeSavedFollows(store: PlannerStore): Promise<void> {
  const saved = Object.keys(readSavedFollows())
  if (saved.length === 0) return
  const plans = store.getState().plans
  const follow = await getFollowController(store)
  // A plan deleted since: its replica and setting go (nothing else would ever remove them).
  await Promise.all(saved.map((id) => (id in plans ? follow.resume(id) : follow.unfollow(id))))
}
