/**
 * The sync API the UI uses (issue 13): one small zustand store, `useSyncStore`, with each connected
 * plan's connection, status and conflicts, and the actions connect / disconnect / resume / resolve.
 * Separate from the planner store: sync state is session state of this browser, never undone, never
 * in a backup.
 *
 * Stores: localStorage `election-planner:sync:connections` = JSON `{ [planId]: SyncConnection }`
 * (server address, database, user name; NEVER the password: the login is CouchDB's session cookie).
 * The key name must never change (connected plans would silently stop syncing).
 *
 * Usage (the UI):
 *   const controller = getSyncController()               // browser-sync.ts, created lazily
 *   const result = await controller.connect(planId, { serverUrl, database, username, password })
 *   if (!result.ok) show(messageFor(result.error.kind))   // bad-address | unauthorised | forbidden | unreachable | server-error
 *   useSyncStore((s) => s.plans[planId]?.status)           // { kind: 'connected' | 'syncing' | 'offline' | 'error' | … }
 *   useSyncStore((s) => s.plans[planId]?.conflicts)        // SyncConflict[]: winner and losers, full Tasks
 *   await controller.resolve(planId, taskId, chosenTask)   // keep this / keep that / a merge
 *   await controller.disconnect(planId)                    // the local plan stays
 */
import { create } from 'zustand'
import { SETTINGS_DOC_ID } from '@/domain/sync/plan-documents'
import type { Task } from '@/domain/types'
import { checkConnection, createPlanStateSetter, createSavedLinkActions, PlanEngines } from '@/store/sync/plan-controller-kit'
import { readConnectionMap, saveConnectionEntry } from '@/store/sync/saved-connections'
import { STORAGE_KEYS } from '@/store/storage-keys'
import { classifySyncError, SyncFailure } from '@/store/sync/sync-errors'
import { databaseUrl, logIn, openOrCreateDatabase, SyncEngine, type StartMode, type SyncEnvironment } from '@/store/sync/sync-engine'
import type { PlanPort, SyncConflict, SyncConnection, SyncError, SyncStatus } from '@/store/sync/sync-types'

export const SYNC_CONNECTIONS_KEY = STORAGE_KEYS.syncConnections

export interface PlanSyncState {
  connection: SyncConnection
  status: SyncStatus
  conflicts: SyncConflict[]
  /** Documents from the server that could not be read and were skipped (never applied). */
  skippedDocuments: number
}

export interface SyncStoreState {
  plans: Record<string, PlanSyncState>
}

export const useSyncStore = create<SyncStoreState>()(() => ({ plans: {} }))

export interface ConnectRequest extends SyncConnection {
  /** Used once for `_session`, never kept. */
  password: string
}

export type ConnectResult =
  | { ok: true; outcome: 'created' | 'joined' | 'uploaded' }
  | { ok: false; error: SyncError }

export interface SyncController {
  connect(planId: string, request: ConnectRequest): Promise<ConnectResult>
  /** Restarts syncing a plan connected before (after a reload), with the session cookie it has. */
  resume(planId: string): Promise<ConnectResult>
  /** Logs in again (expired session) and resumes. */
  logInAgain(planId: string, password: string): Promise<ConnectResult>
  disconnect(planId: string): Promise<void>
  resolve(planId: string, taskId: string, chosen: Task): Promise<void>
  /** The saved connection of a plan (for the dialog's fields), or null. */
  savedConnection(planId: string): SyncConnection | null
  /** Waits until local edits are in the replica (tests). */
  settle(planId: string): Promise<void>
  stopAll(): Promise<void>
}

export function readSavedConnections(): Record<string, SyncConnection> {
  return readConnectionMap(SYNC_CONNECTIONS_KEY)
}

function saveConnection(planId: string, connection: SyncConnection | null): void {
  saveConnectionEntry(SYNC_CONNECTIONS_KEY, planId, connection)
}

const setPlanState = createPlanStateSetter<PlanSyncState>(
  useSyncStore,
  (connection) => ({ connection, status: { kind: 'connecting' }, conflicts: [], skippedDocuments: 0 }),
  'connection',
)

/** The sync controller over an environment (browser or Node) and the planner's plans. */
export function createSyncController(env: SyncEnvironment, portFor: (planId: string) => PlanPort): SyncController {
  const engines = new PlanEngines<SyncEngine>()

  function startEngine(planId: string, connection: SyncConnection, mode: StartMode): Promise<void> {
    const create = () => new SyncEngine(planId, connection, portFor(planId), env, {
      onStatus: (status) => setPlanState(planId, { status }),
      onConflicts: (conflicts) => setPlanState(planId, { conflicts }),
      onSkipped: (report) => setPlanState(planId, {
        skippedDocuments: (useSyncStore.getState().plans[planId]?.skippedDocuments ?? 0) + report.details.length,
      }),
    })
    // A first connect that failed leaves no replica behind (it would hold a half-sent plan with no
    // connection to own it); a resumed one keeps its replica, whose revisions the next try needs.
    return engines.start(planId, create, (engine) => engine.start(mode), mode !== 'resume')
  }

  const { failed, resume, logInAgain } = createSavedLinkActions<Extract<ConnectResult, { ok: true }>>({
    env,
    readSaved: (planId) => readSavedConnections()[planId],
    notSavedDetail: 'not connected',
    setStatus: (planId, status, connection) => setPlanState(planId, { status }, connection),
    restart: (planId, connection) => startEngine(planId, connection, 'resume'),
    resumed: { ok: true, outcome: 'joined' },
  })

  async function hasPlanOnServer(connection: SyncConnection): Promise<boolean> {
    const response = await env.fetch(`${databaseUrl(connection)}/${SETTINGS_DOC_ID}`, { credentials: 'include', headers: { Accept: 'application/json' } })
    if (response.status === 404) return false
    if (response.ok) return true
    throw new SyncFailure(classifySyncError({ status: response.status }, 'forbidden'))
  }

  const controller: SyncController = {
    async connect(planId, request) {
      const checked = checkConnection(request)
      if (!checked.ok) return checked
      const { connection } = checked
      setPlanState(planId, { status: { kind: 'connecting' }, conflicts: [] }, connection)
      try {
        await logIn(env, connection.serverUrl, request.username, request.password)
        const opened = await openOrCreateDatabase(env, connection)
        // A database that already holds a plan is joined: this browser's plan becomes the server's.
        const join = opened === 'exists' && await hasPlanOnServer(connection)
        await startEngine(planId, connection, join ? 'download' : 'upload')
        saveConnection(planId, connection)
        return { ok: true, outcome: join ? 'joined' : opened === 'created' ? 'created' : 'uploaded' }
      } catch (error) {
        return failed(planId, error)
      }
    },
    resume,
    logInAgain,
    async disconnect(planId) {
      const engine = engines.get(planId)
      engines.delete(planId)
      await engine?.stop(true)
      saveConnection(planId, null)
      setPlanState(planId, null)
    },
    async resolve(planId, taskId, chosen) {
      const engine = engines.get(planId)
      if (!engine) throw new SyncFailure({ kind: 'bad-address', detail: 'not connected' })
      await engine.resolve(taskId, chosen)
    },
    savedConnection: (planId) => readSavedConnections()[planId] ?? null,
    settle: (planId) => engines.settle(planId),
    stopAll: () => engines.stopAll(),
  }
  return controller
}
