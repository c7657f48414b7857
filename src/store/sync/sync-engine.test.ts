// Two offices sync one plan through a real (in-memory) CouchDB-compatible server started here.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSyncServer } from '../../../scripts/lib/sync-server.mjs'
import { updateTask, deleteTask } from '@/domain/plan/plan-ops'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Plan } from '@/domain/types'
import { createMemoryPlanPort, type MemoryPlanPort } from '@/store/sync/memory-plan-port'
import { createNodeSyncEnvironment } from '@/store/sync/node-sync-environment'
import { logIn, openOrCreateDatabase, SyncEngine, type SyncEnvironment } from '@/store/sync/sync-engine'
import type { SyncConflict, SyncConnection, SyncStatus } from '@/store/sync/sync-types'

let server: Awaited<ReturnType<typeof startSyncServer>>
const engines: SyncEngine[] = []
let dbCounter = 0

beforeAll(async () => {
  server = await startSyncServer({ port: 0 })
})
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.stop(true)))
})
afterAll(async () => {
  // A cancelled replication may still have a request in flight (PouchDB checks the remote once more);
  // closing the server under it would surface as an unhandled "other side closed" in another test.
  await new Promise((resolve) => setTimeout(resolve, 500))
  await server.close()
})

interface Office {
  env: SyncEnvironment
  port: MemoryPlanPort
  engine: SyncEngine
  statuses: SyncStatus[]
  conflicts: SyncConflict[]
}

async function connectOffice(label: string, plan: Plan, database: string, user = 'admin', password = 'admin-password'): Promise<Office> {
  const env = createNodeSyncEnvironment(label)
  const connection: SyncConnection = { serverUrl: server.url, database, username: user }
  await logIn(env, server.url, user, password)
  const created = await openOrCreateDatabase(env, connection)
  const port = createMemoryPlanPort(plan)
  const office = { env, port, statuses: [], conflicts: [] } as unknown as Office
  office.engine = new SyncEngine(plan.id, connection, port, env, {
    onStatus: (s) => office.statuses.push(s),
    onConflicts: (c) => { office.conflicts = c },
    onSkipped: () => {},
  })
  engines.push(office.engine)
  // The first office uploads; a later one takes the server's plan.
  const probe = await env.fetch(`${server.url}/${database}/plan-settings`)
  await office.engine.start(created === 'created' || probe.status === 404 ? 'upload' : 'download')
  return office
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

function freshDb(): string {
  dbCounter += 1
  return `plan-${dbCounter}-${Math.random().toString(36).slice(2, 8)}`
}

const base = buildCampaign2021Plan(1_600_000_000_000)
const [firstId, secondId] = Object.keys(base.tasks).sort()

describe('two offices syncing one plan', () => {
  it('a second office that connects gets the whole plan', async () => {
    const db = freshDb()
    await connectOffice('a', base, db)
    const other = { ...buildCampaign2021Plan(1), tasks: {} }
    const b = await connectOffice('b', other, db)
    expect(Object.keys(b.port.getPlan()!.tasks).sort()).toEqual(Object.keys(base.tasks).sort())
    expect(b.port.getPlan()!.election).toEqual(base.election)
    expect(b.port.getPlan()!.units).toEqual(base.units)
  })

  it('edits on both sides reach the other, and a deletion travels as a deletion', async () => {
    const db = freshDb()
    const a = await connectOffice('a', base, db)
    const b = await connectOffice('b', base, db)
    a.port.edit((p) => updateTask(p, firstId!, { title: 'A moved it' }, Date.now()))
    b.port.edit((p) => updateTask(p, secondId!, { title: 'B moved it' }, Date.now()))
    await waitFor(() => b.port.getPlan()!.tasks[firstId!]?.title === 'A moved it' && a.port.getPlan()!.tasks[secondId!]?.title === 'B moved it')
    b.port.edit((p) => deleteTask(p, firstId!, Date.now()))
    await waitFor(() => !(firstId! in a.port.getPlan()!.tasks))
    expect(a.conflicts).toEqual([])
  })

  it('the same task edited on both offline converges on one winner and is listed as a conflict; resolve removes the loser', async () => {
    const db = freshDb()
    const a = await connectOffice('a', base, db)
    const b = await connectOffice('b', base, db)
    await a.engine.stop()
    await b.engine.stop()
    engines.splice(0)
    // Offline: each office edits the same task; then both come back.
    const a2 = await resumeOffice('a', a, db, (p) => updateTask(p, firstId!, { title: 'Title from A' }, 2_000_000_000_000))
    const b2 = await resumeOffice('b', b, db, (p) => updateTask(p, firstId!, { title: 'Title from B' }, 2_000_000_000_001))
    await waitFor(() => a2.conflicts.length === 1 && b2.conflicts.length === 1)
    const titleA = a2.port.getPlan()!.tasks[firstId!]!.title
    const titleB = b2.port.getPlan()!.tasks[firstId!]!.title
    expect(titleA).toBe(titleB)
    const conflict = a2.conflicts[0]!
    expect(conflict.taskId).toBe(firstId)
    expect([conflict.winner.task.title, conflict.losers[0]!.task!.title].sort()).toEqual(['Title from A', 'Title from B'])
    expect(b2.conflicts[0]!.winner.rev).toBe(conflict.winner.rev)

    await a2.engine.resolve(firstId!, { ...conflict.winner.task, title: 'Merged title' })
    await waitFor(() => b2.conflicts.length === 0 && b2.port.getPlan()!.tasks[firstId!]!.title === 'Merged title')
    expect(a2.conflicts).toEqual([])
  })
})

/** Reopens an office's replica after an offline edit made while its engine was stopped. */
async function resumeOffice(label: string, office: Office, database: string, edit: (p: Plan) => Plan): Promise<Office> {
  office.port.edit(edit)
  const connection: SyncConnection = { serverUrl: server.url, database, username: 'admin' }
  const next = { ...office, statuses: [], conflicts: [] } as Office
  next.engine = new SyncEngine(base.id, connection, office.port, office.env, {
    onStatus: (s) => next.statuses.push(s),
    onConflicts: (c) => { next.conflicts = c },
    onSkipped: () => {},
  })
  engines.push(next.engine)
  await next.engine.start('resume')
  void label
  return next
}
