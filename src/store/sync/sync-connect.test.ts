// Connecting through the controller against a real in-memory server: each bad input is its own error
// kind, and the connection (never the password) is saved per plan.
// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSyncServer } from '../../../scripts/lib/sync-server.mjs'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import { createMemoryPlanPort } from '@/store/sync/memory-plan-port'
import { createNodeSyncEnvironment } from '@/store/sync/node-sync-environment'
import { createSyncController, SYNC_CONNECTIONS_KEY, useSyncStore, type SyncController } from '@/store/sync/sync-store'

let server: Awaited<ReturnType<typeof startSyncServer>>
const controllers: SyncController[] = []
const plan = buildCampaign2021Plan(1_600_000_000_000)

beforeAll(async () => {
  server = await startSyncServer({ port: 0 })
  // A database only the province may use: the district is not a member.
  const admin = { Authorization: 'Basic ' + btoa('admin:admin-password'), 'Content-Type': 'application/json' }
  await fetch(`${server.url}/province-only`, { method: 'PUT', headers: admin })
  await fetch(`${server.url}/province-only/_security`, {
    method: 'PUT', headers: admin, body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: [], roles: ['province'] } }),
  })
})
afterEach(async () => {
  await Promise.all(controllers.splice(0).map((c) => c.stopAll()))
  localStorage.clear()
  useSyncStore.setState({ plans: {} })
})
afterAll(async () => {
  // A cancelled replication may still have a request in flight (PouchDB checks the remote once more);
  // closing the server under it would surface as an unhandled "other side closed" in another test.
  await new Promise((resolve) => setTimeout(resolve, 500))
  await server.close()
})

function controller() {
  const c = createSyncController(createNodeSyncEnvironment(`c${controllers.length}`), () => createMemoryPlanPort(plan))
  controllers.push(c)
  return c
}

describe('connecting a plan', () => {
  it('creates the database when the user may, saves the connection without the password, and reports connected', async () => {
    const result = await controller().connect(plan.id, { serverUrl: server.url, database: 'created-db', username: 'admin', password: 'admin-password' })
    expect(result).toEqual({ ok: true, outcome: 'created' })
    const saved = localStorage.getItem(SYNC_CONNECTIONS_KEY)!
    expect(JSON.parse(saved)).toEqual({ [plan.id]: { serverUrl: server.url, database: 'created-db', username: 'admin' } })
    expect(saved).not.toContain('admin-password')
    expect(['connected', 'syncing']).toContain(useSyncStore.getState().plans[plan.id]!.status.kind)
  })

  it('an ordinary user may not create a database: forbidden', async () => {
    const result = await controller().connect(plan.id, { serverUrl: server.url, database: 'not-there', username: 'tinh', password: 'tinh-password' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    expect(useSyncStore.getState().plans[plan.id]!.status).toMatchObject({ kind: 'error', error: { kind: 'forbidden' } })
  })

  it('a database the user is not a member of: forbidden', async () => {
    const result = await controller().connect(plan.id, { serverUrl: server.url, database: 'province-only', username: 'huyen', password: 'huyen-password' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
  })

  it('a member joins the province database', async () => {
    const result = await controller().connect(plan.id, { serverUrl: server.url, database: 'province-only', username: 'tinh', password: 'tinh-password' })
    expect(result).toMatchObject({ ok: true })
  })

  it('a refused login: unauthorised', async () => {
    const result = await controller().connect(plan.id, { serverUrl: server.url, database: 'x-db', username: 'tinh', password: 'wrong' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorised' } })
  })

  it('a server that does not answer: unreachable', async () => {
    const closed = await startSyncServer({ port: 0 })
    await closed.close()
    const result = await controller().connect(plan.id, { serverUrl: closed.url, database: 'x-db', username: 'tinh', password: 'tinh-password' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'unreachable' } })
  })

  it('a wrong address: bad-address (not http, a bad database name, or no CouchDB there)', async () => {
    const c = controller()
    expect(await c.connect(plan.id, { serverUrl: 'ftp://example', database: 'x-db', username: 'a', password: 'b' })).toMatchObject({ ok: false, error: { kind: 'bad-address' } })
    expect(await c.connect(plan.id, { serverUrl: server.url, database: 'Bad Name', username: 'a', password: 'b' })).toMatchObject({ ok: false, error: { kind: 'bad-address' } })
    expect(await c.connect(plan.id, { serverUrl: `${server.url}/not-couch/deeper`, database: 'x-db', username: 'a', password: 'b' })).toMatchObject({ ok: false, error: { kind: 'bad-address' } })
  })

  it('disconnect forgets the connection and keeps the plan', async () => {
    const port = createMemoryPlanPort(plan)
    const c = createSyncController(createNodeSyncEnvironment('d'), () => port)
    controllers.push(c)
    await c.connect(plan.id, { serverUrl: server.url, database: 'leave-db', username: 'admin', password: 'admin-password' })
    await c.disconnect(plan.id)
    expect(c.savedConnection(plan.id)).toBeNull()
    expect(useSyncStore.getState().plans[plan.id]).toBeUndefined()
    expect(Object.keys(port.getPlan()!.tasks).length).toBe(Object.keys(plan.tasks).length)
  })
})
