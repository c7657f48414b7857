// Property test (issue 13): random interleavings of offline edits on two or three replicas converge,
// and no edit is lost: each replica's last offline version of a task is either CouchDB's winner or
// kept as a conflict, until the user resolves it. Seeded, so a failure names its seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSyncServer } from '../../../scripts/lib/sync-server.mjs'
import { addTask, emptyTaskDraft, updateTask } from '@/domain/plan/plan-ops'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Plan } from '@/domain/types'
import { createMemoryPlanPort, type MemoryPlanPort } from '@/store/sync/memory-plan-port'
import { createNodeSyncEnvironment } from '@/store/sync/node-sync-environment'
import { logIn, openOrCreateDatabase, summariseRevisions, SyncEngine, type StartMode, type SyncEnvironment } from '@/store/sync/sync-engine'
import type { SyncConflict, SyncConnection } from '@/store/sync/sync-types'

const RUNS = 50
const ROUNDS = 1
const PARALLEL_RUNS = 1
let server: Awaited<ReturnType<typeof startSyncServer>>

beforeAll(async () => {
  server = await startSyncServer({ port: 0 })
})
afterAll(async () => {
  // A cancelled replication may still have a request in flight (PouchDB checks the remote once more);
  // closing the server under it would surface as an unhandled "other side closed" in another test.
  await new Promise((resolve) => setTimeout(resolve, 500))
  await server.close()
})

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const full = buildCampaign2021Plan(1_600_000_000_000)
const SHARED_IDS = Object.keys(full.tasks).sort().slice(0, 3)
const small: Plan = { ...full, tasks: Object.fromEntries(SHARED_IDS.map((id) => [id, full.tasks[id]!])) }

interface Replica {
  name: string
  env: SyncEnvironment
  port: MemoryPlanPort
  engine: SyncEngine | null
  conflicts: SyncConflict[]
}

async function startReplica(r: Replica, connection: SyncConnection, mode: StartMode): Promise<void> {
  r.engine = new SyncEngine(small.id, connection, r.port, r.env, {
    onStatus: () => {}, onConflicts: (c) => { r.conflicts = c }, onSkipped: () => {},
  })
  await r.engine.start(mode)
}

function tasksOf(r: Replica): string {
  const tasks = r.port.getPlan()!.tasks
  return JSON.stringify(Object.keys(tasks).sort().map((id) => [id, tasks[id]!.title, tasks[id]!.start]))
}

function conflictsOf(r: Replica): string {
  return JSON.stringify(r.conflicts.map((c) => [c.taskId, c.winner.rev, c.losers.map((l) => l.rev).sort()]))
}

const ADMIN = { Authorization: 'Basic ' + Buffer.from('admin:admin-password').toString('base64') }

async function serverSummary(database: string): Promise<string> {
  const response = await fetch(`${server.url}/${database}/_all_docs?include_docs=true&conflicts=true`, { headers: ADMIN })
  return summariseRevisions(((await response.json()) as { rows: unknown[] }).rows)
}

/** Converged: every replica holds the server's revisions, the same plan and the same conflict list, for a few checks running. */
async function converge(replicas: Replica[], seed: number, database: string): Promise<void> {
  const until = Date.now() + 8000
  let quiet = 0
  while (quiet < 2) {
    if (Date.now() > until) throw new Error(`seed ${seed}: no convergence\n${replicas.map((r) => `${r.name} ${tasksOf(r)} ${conflictsOf(r)}`).join('\n')}`)
    await new Promise((resolve) => setTimeout(resolve, 30))
    const onServer = await serverSummary(database)
    const summaries = await Promise.all(replicas.map((r) => r.engine!.revisionSummary()))
    const same = summaries.every((s) => s === onServer)
      && replicas.every((r) => tasksOf(r) === tasksOf(replicas[0]!) && conflictsOf(r) === conflictsOf(replicas[0]!))
    quiet = same ? quiet + 1 : 0
  }
}

async function runOnce(seed: number): Promise<void> {
  const random = mulberry32(seed)
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const count = random() < 0.5 ? 2 : 3
  const connection: SyncConnection = { serverUrl: server.url, database: `prop-${seed}`, username: 'admin' }
  const replicas: Replica[] = []
  for (let i = 0; i < count; i += 1) {
    const env = createNodeSyncEnvironment(`s${seed}r${i}`)
    await logIn(env, server.url, 'admin', 'admin-password')
    replicas.push({ name: `r${i}`, env, port: createMemoryPlanPort(small), engine: null, conflicts: [] })
  }
  await openOrCreateDatabase(replicas[0]!.env, connection)
  await startReplica(replicas[0]!, connection, 'upload')
  for (const r of replicas.slice(1)) await startReplica(r, connection, 'download')
  let clock = 2_000_000_000_000

  for (let round = 0; round < ROUNDS; round += 1) {
    for (const r of replicas) await r.engine!.stop()
    // Offline: a random interleaving of edits; remember each replica's last version of each task.
    const lastTitle = new Map<string, Map<string, string>>()
    const created: string[] = []
    const steps = 2 + Math.floor(random() * 6)
    for (let step = 0; step < steps; step += 1) {
      const r = pick(replicas)
      clock += 1
      if (random() < 0.2) {
        const id = `task-s${seed}-${round}-${step}`
        r.port.edit((p) => addTask(p, { ...emptyTaskDraft('2021-04-01', '2021-04-02', true), title: `new ${id}` }, clock, id))
        created.push(id)
        continue
      }
      const id = pick(SHARED_IDS)
      const title = `${r.name} round ${round} step ${step}`
      r.port.edit((p) => updateTask(p, id, { title }, clock))
      if (!lastTitle.has(r.name)) lastTitle.set(r.name, new Map())
      lastTitle.get(r.name)!.set(id, title)
    }
    // Back online in a random order, some right away, some a little later.
    const order = [...replicas].sort(() => random() - 0.5)
    await Promise.all(order.map(async (r, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * Math.floor(random() * 30)))
      await startReplica(r, connection, 'resume')
    }))
    await converge(replicas, seed, connection.database)

    // No edit lost: each replica's last offline version is the winner or a kept conflict.
    const first = replicas[0]!
    for (const [, titles] of lastTitle) {
      for (const [taskId, title] of titles) {
        const conflict = first.conflicts.find((c) => c.taskId === taskId)
        const versions = conflict ? [conflict.winner.task.title, ...conflict.losers.map((l) => l.task?.title)] : [first.port.getPlan()!.tasks[taskId]!.title]
        expect(versions, `seed ${seed} round ${round}: ${title}`).toContain(title)
      }
    }
    for (const id of created) for (const r of replicas) expect(r.port.getPlan()!.tasks[id], `seed ${seed}: ${id} on ${r.name}`).toBeDefined()

    // Every other run the user resolves every conflict somewhere, keeping a random version: all
    // replicas agree, none left. (Half the runs, to keep the whole file well under a minute.)
    if (seed % 2 === 1 || first.conflicts.length === 0) continue
    for (const conflict of first.conflicts) {
      const resolver = pick(replicas)
      const mine = resolver.conflicts.find((c) => c.taskId === conflict.taskId)!
      const chosen = pick([mine.winner.task, ...mine.losers.map((l) => l.task).filter((t) => t !== null)])
      await resolver.engine!.resolve(conflict.taskId, chosen)
    }
    await converge(replicas, seed, connection.database)
    for (const r of replicas) expect(r.conflicts, `seed ${seed}: conflicts left on ${r.name}`).toEqual([])
  }
  for (const r of replicas) await r.engine!.stop(true)
}

describe('random offline edits on two or three replicas', () => {
  it(`converge with no edit lost (${RUNS} seeded runs)`, async () => {
    // Runs mostly wait on the network: a few at a time (each its own database and replicas).
    for (let seed = 1; seed <= RUNS; seed += PARALLEL_RUNS) {
      await Promise.all(Array.from({ length: Math.min(PARALLEL_RUNS, RUNS - seed + 1) }, (_, i) => runOnce(seed + i)))
    }
  }, 120_000)
})
