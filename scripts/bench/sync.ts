/**
 * Bench rows of issue 13's sync: the 10,000-task plan through the in-memory CouchDB-compatible server
 * (scripts/lib/sync-server.mjs) on loopback, with Node PouchDB memory replicas standing in for the
 * browsers (the engine is the app's own, src/store/sync/sync-engine.ts):
 * - initial sync to a fresh replica: a second office connects and has the whole plan (target ≤ 10 s);
 * - one edit's round trip: edited on office A, seen in office B's plan (target ≤ 1 s; median of 5);
 * - replica memory: heap growth of the process while the fresh replica downloads (info).
 * Run alone: `npx tsx --tsconfig tsconfig.app.json scripts/bench/sync.ts`.
 */
import { fileURLToPath } from 'node:url'
import { updateTask } from '@/domain/plan/plan-ops'
import { createMemoryPlanPort } from '@/store/sync/memory-plan-port'
import { createNodeSyncEnvironment } from '@/store/sync/node-sync-environment'
import { logIn, openOrCreateDatabase, SyncEngine, type StartMode } from '@/store/sync/sync-engine'
import type { Plan } from '@/domain/types'
import { startSyncServer } from '../lib/sync-server.mjs'
import { generateBenchPlan } from './generate-plan'
import type { Row } from './report'

export const SYNC_TARGETS = { initialSyncMs: 10_000, roundTripMs: 1_000 }

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

export async function measureSync(plan: Plan, log: (line: string) => void = () => {}): Promise<Row[]> {
  const server = await startSyncServer({ port: 0 })
  const connection = { serverUrl: server.url, database: 'bench-sync', username: 'admin' }
  const open = async (label: string, initial: Plan, mode: StartMode) => {
    const env = createNodeSyncEnvironment(label)
    await logIn(env, server.url, 'admin', 'admin-password')
    if (mode === 'upload') await openOrCreateDatabase(env, connection)
    const port = createMemoryPlanPort(initial)
    const engine = new SyncEngine(initial.id, connection, port, env, { onStatus: () => {}, onConflicts: () => {}, onSkipped: () => {} })
    await engine.start(mode)
    return { port, engine }
  }
  try {
    const uploadStart = performance.now()
    const a = await open('bench-a', plan, 'upload')
    const uploadMs = performance.now() - uploadStart
    log(`sync: upload ${Math.round(uploadMs)} ms`)

    globalThis.gc?.()
    const heapBefore = process.memoryUsage().heapUsed
    const downloadStart = performance.now()
    const b = await open('bench-b', { ...plan, tasks: {} }, 'download')
    const initialMs = performance.now() - downloadStart
    globalThis.gc?.()
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024
    const received = Object.keys(b.port.getPlan()!.tasks).length
    log(`sync: initial ${Math.round(initialMs)} ms, ${received} tasks, heap +${heapMb.toFixed(0)} MB`)

    const ids = Object.keys(plan.tasks).slice(0, 5)
    const trips: number[] = []
    for (const [i, id] of ids.entries()) {
      const title = `round trip ${i}`
      const start = performance.now()
      a.port.edit((p) => updateTask(p, id, { title }, Date.now()))
      while (b.port.getPlan()!.tasks[id]?.title !== title) {
        if (performance.now() - start > 10_000) break
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      trips.push(performance.now() - start)
    }
    const roundTripMs = median(trips)
    log(`sync: round trips ${trips.map(Math.round).join(', ')} ms`)
    await a.engine.stop(true)
    await b.engine.stop(true)
    const taskCount = Object.keys(plan.tasks).length
    return [
      {
        metric: `Sync: initial sync of ${taskCount.toLocaleString('en')} tasks to a fresh replica`, app: initialMs, bare: null, ratio: null, runs: '1',
        target: `≤ ${SYNC_TARGETS.initialSyncMs.toLocaleString('en')}`, pass: initialMs <= SYNC_TARGETS.initialSyncMs && received === taskCount,
        note: `loopback, in-memory server; ${received} tasks received; first upload ${Math.round(uploadMs)} ms`,
      },
      {
        metric: 'Sync: one edit, office A → office B', app: roundTripMs, bare: null, ratio: null, runs: String(trips.length),
        target: `≤ ${SYNC_TARGETS.roundTripMs.toLocaleString('en')}`, pass: roundTripMs <= SYNC_TARGETS.roundTripMs,
      },
      {
        metric: 'Sync: replica memory (MB, Node heap growth)', app: Number(heapMb.toFixed(1)), bare: null, ratio: null, runs: '1', target: '—', pass: null,
        note: 'Node memory adapter; a browser keeps the replica in IndexedDB (on disk), so its heap cost is lower',
      },
    ]
  } finally {
    await server.close()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await measureSync(generateBenchPlan().plan, console.log)
  for (const row of rows) console.log(`${row.metric}: ${typeof row.app === 'number' ? Math.round(row.app) : row.app} (${row.target}) ${row.pass === null ? 'info' : row.pass ? 'PASS' : 'FAIL'}`)
}
