/**
 * "Theo dõi kế hoạch cấp trên" (issue 13): the API the UI uses to follow a higher-level plan's
 * database read-only (follow-engine.ts), and `useFollowStore` with each following plan's source,
 * status and the followed plan. Session state of this browser like sync-store.ts: never undone,
 * never in a backup.
 *
 * Stores: localStorage `election-planner:sync:follows` = JSON `{ [planId]: SyncConnection }` (server
 * address, database, user name; NEVER the password: the login is CouchDB's session cookie). The key
 * name must never change (followed plans would silently stop following).
 *
 * Usage (the UI):
 *   const follow = await getFollowController(usePlannerStore)            // browser-follow.ts
 *   const result = await follow.follow(planId, { serverUrl, database, username, password })
 *   useFollowStore((s) => s.plans[planId])   // { source, status, followed: Plan | null, skippedDocuments }
 *   await follow.unfollow(planId)            // stops, deletes the replica, forgets the setting
 */
import { create } from 'zustand'
import type { Plan } from '@/domain/types'
import { FollowEngine, followReplicaName, type FollowerPort } from '@/store/sync/follow-engine'
import { checkConnection, createPlanStateSetter, createSavedLinkActions, PlanEngines } from '@/store/sync/plan-controller-kit'
import { readConnectionMap, saveConnectionEntry } from '@/store/sync/saved-connections'
import { STORAGE_KEYS } from '@/store/storage-keys'
import { classifySyncError, SyncFailure } from '@/store/sync/sync-errors'
import { databaseUrl, logIn, type SyncEnvironment } from '@/store/sync/sync-engine'
import type { ConnectRequest } from '@/store/sync/sync-store'
import type { SyncConnection, SyncError, SyncStatus } from '@/store/sync/sync-types'

export const SYNC_FOLLOWS_KEY = STORAGE_KEYS.syncFollows

export interface PlanFollowState {
  /** The higher-level plan's database. */
  source: SyncConnection
  /** `lastSyncedAt` is the last time the replica caught up with the province. */
  status: SyncStatus
  /** The higher-level plan as pulled (its tasks meant for this plan, its settings); null before the first pull. */
  followed: Plan | null
  /** Documents from the province that could not be read and were skipped. */
  skippedDocuments: number
}

export const useFollowStore = create<{ plans: Record<string, PlanFollowState> }>()(() => ({ plans: {} }))

export type FollowResult = { ok: true } | { ok: false; error: SyncError }

export interface FollowController {
  /** Logs in (`_session`), checks the database can be read, pulls once, then follows live. */
  follow(planId: string, request: ConnectRequest): Promise<FollowResult>
  /** Follows again after a reload, with the session cookie the browser has. */
  resume(planId: string): Promise<FollowResult>
  logInAgain(planId: string, password: string): Promise<FollowResult>
  /** Stops following: deletes the replica and forgets the setting. Nothing is sent to the province. */
  unfollow(planId: string): Promise<void>
  savedSource(planId: string): SyncConnection | null
  /** Waits until the replica's changes are in `useFollowStore` (tests). */
  settle(planId: string): Promise<void>
  stopAll(): Promise<void>
}

export function readSavedFollows(): Record<string, SyncConnection> {
  return readConnectionMap(SYNC_FOLLOWS_KEY)
}

function saveFollow(planId: string, source: SyncConnection | null): void {
  saveConnectionEntry(SYNC_FOLLOWS_KEY, planId, source)
}

const setFollowState = createPlanStateSetter<PlanFollowState>(
  useFollowStore,
  (source) => ({ source, status: { kind: 'connecting' }, followed: null, skippedDocuments: 0 }),
  'source',
)

/** Reads the database's info: it must exist, be CouchDB's, and be readable by this user. */
async function checkReadable(env: SyncEnvironment, source: SyncConnection): Promise<void> {
  let response: Response
  try {
    response = await env.fetch(databaseUrl(source), { credentials: 'include', headers: { Accept: 'application/json' } })
  } catch (error) {
    throw new SyncFailure({ kind: 'unreachable', detail: String(error).slice(0, 300) })
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
  if (response.ok && typeof body.db_name === 'string') return
  if (response.ok || response.status === 404) throw new SyncFailure({ kind: 'bad-address', detail: String(body.reason ?? 'no CouchDB database here') })
  throw new SyncFailure(classifySyncError({ status: response.status, reason: body.reason }, 'forbidden'))
}

/** The follow controller over an environment (browser or Node) and the planner's plans. */
export function createFollowController(env: SyncEnvironment, portFor: (planId: string) => FollowerPort): FollowController {
  const engines = new PlanEngines<FollowEngine>()

  function startEngine(planId: string, source: SyncConnection, firstPull: boolean): Promise<void> {
    const create = () => new FollowEngine(planId, source, portFor(planId), env, {
      onStatus: (status) => setFollowState(planId, { status }),
      onSnapshot: (followed, skippedDocuments) => setFollowState(planId, { followed, skippedDocuments }),
    })
    // A first follow that failed leaves no replica behind; a resumed one keeps what it pulled.
    return engines.start(planId, create, (engine) => engine.start(firstPull), firstPull)
  }

  const { failed, resume, logInAgain } = createSavedLinkActions<{ ok: true }>({
    env,
    readSaved: (planId) => readSavedFollows()[planId],
    notSavedDetail: 'not following',
    setStatus: (planId, status, source) => setFollowState(planId, { status }, source),
    restart: (planId, source) => startEngine(planId, source, false),
    resumed: { ok: true },
  })

  const controller: FollowController = {
    async follow(planId, request) {
      const checked = checkConnection(request)
      if (!checked.ok) return checked
      const source = checked.connection
      await engines.get(planId)?.stop(true)
      engines.delete(planId)
      setFollowState(planId, { status: { kind: 'connecting' }, followed: null, skippedDocuments: 0 }, source)
      try {
        await logIn(env, source.serverUrl, request.username, request.password)
        await checkReadable(env, source)
        await startEngine(planId, source, true)
        saveFollow(planId, source)
        return { ok: true }
      } catch (error) {
        return failed(planId, error)
      }
    },
    resume,
    logInAgain,
    async unfollow(planId) {
      const engine = engines.get(planId)
      engines.delete(planId)
      if (engine) await engine.stop(true)
      else await env.openLocal(followReplicaName(planId)).destroy().catch(() => {})
      saveFollow(planId, null)
      setFollowState(planId, null)
    },
    savedSource: (planId) => readSavedFollows()[planId] ?? null,
    settle: (planId) => engines.settle(planId),
    stopAll: () => engines.stopAll(),
  }
  return controller
}
