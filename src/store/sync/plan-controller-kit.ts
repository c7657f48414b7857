/**
 * The parts the sync controller (sync-store.ts) and the follow controller (follow-store.ts) share:
 * each keeps one engine per plan, one entry per plan in its own zustand store, checks an address
 * the same way, and resumes or logs in again from the connection it saved. Written once here so
 * the two cannot drift; what differs (two-way sync vs read-only following, what a first start
 * does) is passed in by each controller.
 */
import type { StoreApi } from 'zustand'
import { isValidDatabaseName, normaliseServerUrl } from '@/domain/sync/database-address'
import { classifySyncError } from '@/store/sync/sync-errors'
import { logIn, type SyncEnvironment } from '@/store/sync/sync-engine'
import type { SyncConnection, SyncError, SyncStatus } from '@/store/sync/sync-types'

export type Failure = { ok: false; error: SyncError }

/** Updates one plan's entry (null removes it); `connection` also sets the entry's connection field. */
export type PlanStateSetter<S> = (planId: string, update: Partial<S> | null, connection?: SyncConnection) => void

/**
 * The setter of a `{ plans: { [planId]: S } }` store. A plan without an entry starts from
 * `initial(connection)`; `connectionField` names where S keeps its connection.
 */
export function createPlanStateSetter<S extends object>(
  store: StoreApi<{ plans: Record<string, S> }>,
  initial: (connection: SyncConnection) => S,
  connectionField: keyof S,
): PlanStateSetter<S> {
  return (planId, update, connection) => {
    store.setState((state) => {
      if (update === null) {
        const { [planId]: _removed, ...rest } = state.plans
        return { plans: rest }
      }
      const current = state.plans[planId] ?? initial(connection!)
      const connectionUpdate = (connection ? { [connectionField]: connection } : {}) as Partial<S>
      return { plans: { ...state.plans, [planId]: { ...current, ...connectionUpdate, ...update } } }
    })
  }
}

/** The request's server and database, normalised; a bad-address failure when either is unusable. */
export function checkConnection(request: SyncConnection): { ok: true; connection: SyncConnection } | Failure {
  const serverUrl = normaliseServerUrl(request.serverUrl)
  if (serverUrl === null || !isValidDatabaseName(request.database)) {
    return { ok: false, error: { kind: 'bad-address', detail: `${request.serverUrl} ${request.database}` } }
  }
  return { ok: true, connection: { serverUrl, database: request.database, username: request.username } }
}

export interface PlanEngine {
  stop(forget?: boolean): Promise<void>
  settle(): Promise<void>
}

/** The running engine of each plan. */
export class PlanEngines<E extends PlanEngine> {
  private readonly engines = new Map<string, E>()

  get(planId: string): E | undefined {
    return this.engines.get(planId)
  }

  delete(planId: string): void {
    this.engines.delete(planId)
  }

  /**
   * Stops the plan's engine, then creates and starts a new one. A start that throws stops it again
   * (`forgetOnFailure`: deleting its replica), removes it and rethrows.
   */
  async start(planId: string, create: () => E, run: (engine: E) => Promise<void>, forgetOnFailure: boolean): Promise<void> {
    await this.engines.get(planId)?.stop()
    const engine = create()
    this.engines.set(planId, engine)
    try {
      await run(engine)
    } catch (error) {
      await engine.stop(forgetOnFailure)
      this.engines.delete(planId)
      throw error
    }
  }

  async settle(planId: string): Promise<void> {
    await this.engines.get(planId)?.settle()
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.engines.values()].map((engine) => engine.stop()))
    this.engines.clear()
  }
}

export interface SavedLink<R extends { ok: true }> {
  env: SyncEnvironment
  readSaved(planId: string): SyncConnection | undefined
  /** The detail of the error for a plan with nothing saved ("not connected", "not following"). */
  notSavedDetail: string
  setStatus(planId: string, status: SyncStatus, connection?: SyncConnection): void
  /** Starts the plan's engine again over what it kept. */
  restart(planId: string, connection: SyncConnection): Promise<void>
  resumed: R
}

/** `failed`, `resume` and `logInAgain` over a saved connection, alike for syncing and following. */
export function createSavedLinkActions<R extends { ok: true }>(link: SavedLink<R>) {
  function failed(planId: string, error: unknown): Failure {
    const classified = classifySyncError(error)
    link.setStatus(planId, { kind: 'error', error: classified, lastSyncedAt: null })
    return { ok: false, error: classified }
  }
  const notSaved = (): Failure => ({ ok: false, error: { kind: 'bad-address', detail: link.notSavedDetail } })

  async function resume(planId: string): Promise<R | Failure> {
    const connection = link.readSaved(planId)
    if (!connection) return notSaved()
    link.setStatus(planId, { kind: 'connecting' }, connection)
    try {
      await link.restart(planId, connection)
      return { ...link.resumed }
    } catch (error) {
      return failed(planId, error)
    }
  }

  async function logInAgain(planId: string, password: string): Promise<R | Failure> {
    const connection = link.readSaved(planId)
    if (!connection) return notSaved()
    try {
      await logIn(link.env, connection.serverUrl, connection.username, password)
    } catch (error) {
      return failed(planId, error)
    }
    return resume(planId)
  }

  return { failed, resume, logInAgain }
}
