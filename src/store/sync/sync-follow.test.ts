// Following the province's plan (issue 13, province → districts) against a real in-memory server:
// the district pulls only the tasks meant for it, sees changes and deletions arrive, never writes to
// the province's database (a guard refusing the district's writes produces no error), and every
// bad input is its own error kind.
// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { startSyncServer } from '../../../scripts/lib/sync-server.mjs'
import { followRuleOf, isTaskMeantFor } from '@/domain/sync/follow-rule'
import { serializePlanDocuments, serializeTaskDocument } from '@/domain/sync/plan-documents'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import { derivePlan } from '@/domain/templates/plan-templates'
import type { Plan, Task } from '@/domain/types'
import { followReplicaName } from '@/store/sync/follow-engine'
import { createFollowController, SYNC_FOLLOWS_KEY, useFollowStore, type FollowController } from '@/store/sync/follow-store'
import { createMemoryPlanPort, type MemoryPlanPort } from '@/store/sync/memory-plan-port'
import { createNodeSyncEnvironment } from '@/store/sync/node-sync-environment'

let server: Awaited<ReturnType<typeof startSyncServer>>
const controllers: FollowController[] = []
const ADMIN = { Authorization: 'Basic ' + btoa('admin:admin-password'), 'Content-Type': 'application/json' }
const DB = 'province-plan'

const base = buildCampaign2021Plan(1_600_000_000_000)
const tasks = Object.values(base.tasks)
const provinceTask = tasks.find((t) => t.level === 'province')!
const otherProvinceTask = tasks.filter((t) => t.level === 'province')[1]!
const nationalTask = tasks.find((t) => t.level === 'national')!
// A task the province added itself (no level): meant for every level below.
const ownTask: Task = { ...provinceTask, id: 'task-own-province', title: 'Hội nghị giao ban của tỉnh', level: null }
const province: Plan = { ...base, tasks: { ...base.tasks, [ownTask.id]: ownTask } }
// The district took one province-level task by hand when it was derived.
const district = derivePlan(province, { name: 'Kế hoạch huyện', level: 'district', locality: 'Huyện A', taskIds: [provinceTask.id] }, 1_600_000_000_000, 'plan-district')

async function putDocs(docs: unknown[]): Promise<void> {
  const response = await fetch(`${server.url}/${DB}/_bulk_docs`, { method: 'POST', headers: ADMIN, body: JSON.stringify({ docs }) })
  expect(response.status).toBe(201)
}

async function getDoc(id: string): Promise<Record<string, unknown>> {
  return (await fetch(`${server.url}/${DB}/${encodeURIComponent(id)}`, { headers: ADMIN })).json()
}

beforeAll(async () => {
  server = await startSyncServer({ port: 0 })
  await fetch(`${server.url}/${DB}`, { method: 'PUT', headers: ADMIN })
  // The district may read the province's database, and (the guard) write nothing in it.
  await fetch(`${server.url}/${DB}/_security`, {
    method: 'PUT', headers: ADMIN, body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: [], roles: ['province', 'district'] } }),
  })
  await putDocs([{
    _id: '_design/guard',
    validate_doc_update: "function (newDoc, oldDoc, userCtx) { if (userCtx.roles.indexOf('district') !== -1) throw({ forbidden: 'Districts only read the province plan.' }) }",
  }])
  await putDocs(serializePlanDocuments(province))
  await fetch(`${server.url}/province-closed`, { method: 'PUT', headers: ADMIN })
  await fetch(`${server.url}/province-closed/_security`, {
    method: 'PUT', headers: ADMIN, body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: [], roles: ['province'] } }),
  })
})
afterEach(async () => {
  await Promise.all(controllers.splice(0).map((c) => c.stopAll()))
  vi.restoreAllMocks()
  localStorage.clear()
  useFollowStore.setState({ plans: {} })
})
afterAll(async () => {
  await new Promise((resolve) => setTimeout(resolve, 500))
  await server.close()
})

function follower(label: string, port: MemoryPlanPort = createMemoryPlanPort(district)) {
  const env = createNodeSyncEnvironment(label)
  const controller = createFollowController(env, () => port)
  controllers.push(controller)
  return { env, port, controller }
}

async function until(check: () => boolean, what: string, timeoutMs = 4000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const followedTasks = () => useFollowStore.getState().plans[district.id]?.followed?.tasks ?? {}

describe('following the province plan', () => {
  it('pulls only the tasks meant for the district plan, keeps changes and deletions coming, and never writes to the province', async () => {
    const writes: string[] = []
    const realFetch = globalThis.fetch
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      const method = (init?.method ?? 'GET').toUpperCase()
      const headers = new Headers(init?.headers)
      // The follower's requests carry its session cookie; the test's own carry basic auth.
      const reads = method === 'GET' || method === 'HEAD' || /\/(_session|_bulk_get|_changes|_all_docs)(\?|$)/.test(url)
      if (headers.has('Cookie') && !reads) writes.push(`${method} ${url}`)
      return realFetch(input, init)
    })
    const statuses: string[] = []
    const unsubscribe = useFollowStore.subscribe((s) => {
      const status = s.plans[district.id]?.status
      if (status) statuses.push(status.kind === 'error' ? `error:${status.error.kind}` : status.kind)
    })
    const { controller, port } = follower('f1')
    const result = await controller.follow(district.id, { serverUrl: server.url, database: DB, username: 'huyen', password: 'huyen-password' })
    expect(result).toEqual({ ok: true })
    // The first pull is shown by the time `follow` answers.
    expect(Object.keys(useFollowStore.getState().plans[district.id]?.followed?.tasks ?? {}).length).toBeGreaterThan(5)
    await controller.settle(district.id)

    const rule = followRuleOf(district)
    const expected = Object.values(province.tasks).filter((t) => isTaskMeantFor(t, rule)).map((t) => t.id).sort()
    // The rule itself: district and commune tasks, the province's own (no level), the copied one; no national ones.
    expect(expected).toContain(ownTask.id)
    expect(expected).toContain(provinceTask.id)
    expect(expected).not.toContain(otherProvinceTask.id)
    expect(expected).not.toContain(nationalTask.id)
    expect(expected.length).toBeGreaterThan(5)
    expect(expected.length).toBeLessThan(Object.keys(province.tasks).length - 20)
    // Pulled = meant for it, nothing else (the replica holds no national or other province tasks).
    expect(Object.keys(followedTasks()).sort()).toEqual(expected)
    expect(useFollowStore.getState().plans[district.id]!.followed!.name).toBe(province.name)
    // Saved without the password.
    const saved = localStorage.getItem(SYNC_FOLLOWS_KEY)!
    expect(JSON.parse(saved)).toEqual({ [district.id]: { serverUrl: server.url, database: DB, username: 'huyen' } })
    expect(saved).not.toContain('huyen-password')

    // A change at the province arrives; a new commune task arrives; a new province-level task does not.
    const commune = Object.values(province.tasks).find((t) => t.level === 'commune')!
    const changed = await getDoc(commune.id)
    await putDocs([
      { ...changed, title: 'Đổi ở tỉnh' },
      serializeTaskDocument({ ...commune, id: 'task-new-commune', title: 'Mới cho xã', level: 'commune' }),
      serializeTaskDocument({ ...otherProvinceTask, id: 'task-new-province', title: 'Chỉ cấp tỉnh', level: 'province' }),
    ])
    await until(() => followedTasks()[commune.id]?.title === 'Đổi ở tỉnh' && 'task-new-commune' in followedTasks(), 'the change to arrive')
    expect(followedTasks()['task-new-province']).toBeUndefined()

    // A deletion at the province arrives.
    const gone = await getDoc(ownTask.id)
    await putDocs([{ _id: ownTask.id, _rev: gone._rev, _deleted: true }])
    await until(() => !(ownTask.id in followedTasks()), 'the deletion to arrive')

    // The district copies a province-level task it had not pulled (the rule widens): it is pulled.
    port.edit((plan) => ({ ...plan, tasks: { ...plan.tasks, 'task-copy': { ...otherProvinceTask, id: 'task-copy', derivedFromTaskId: otherProvinceTask.id } } }))
    await until(() => otherProvinceTask.id in followedTasks(), 'the newly copied task to be pulled')

    // The plan's level goes up (district → province): the province-level tasks become meant for it and are pulled.
    port.edit((plan) => ({ ...plan, level: 'province' }))
    await until(() => 'task-new-province' in followedTasks(), 'the tasks of the wider level to be pulled')

    // The guard is real: a district write would be refused…
    const refused = await fetch(`${server.url}/${DB}/x-task`, {
      method: 'PUT', headers: { Authorization: 'Basic ' + btoa('huyen:huyen-password'), 'Content-Type': 'application/json' }, body: '{"type":"task"}',
    })
    expect(refused.status).toBe(403)
    // …yet following never wrote (no checkpoint either) and never reported an error.
    unsubscribe()
    expect(writes).toEqual([])
    expect(statuses.filter((s) => s.startsWith('error'))).toEqual([])
    expect(['connected', 'syncing']).toContain(useFollowStore.getState().plans[district.id]!.status.kind)
    // The province's database holds only what the province wrote.
    const all = await (await fetch(`${server.url}/${DB}/_all_docs`, { headers: ADMIN })).json() as { rows: { id: string }[] }
    expect(all.rows.map((r) => r.id)).not.toContain('task-copy')
  })

  it('resumes after a reload from the replica it kept, and stop following deletes the replica and the setting', async () => {
    const first = follower('f2')
    expect(await first.controller.follow(district.id, { serverUrl: server.url, database: DB, username: 'huyen', password: 'huyen-password' })).toEqual({ ok: true })
    await first.controller.settle(district.id)
    const pulled = Object.keys(followedTasks()).length
    expect(pulled).toBeGreaterThan(5)
    await first.controller.stopAll()
    useFollowStore.setState({ plans: {} })

    // Same browser (same storage and cookies), a fresh controller: resume shows the replica at once.
    const again = createFollowController(first.env, () => first.port)
    controllers.push(again)
    expect(await again.resume(district.id)).toEqual({ ok: true })
    await again.settle(district.id)
    expect(Object.keys(followedTasks()).length).toBe(pulled)

    await again.unfollow(district.id)
    expect(again.savedSource(district.id)).toBeNull()
    expect(useFollowStore.getState().plans[district.id]).toBeUndefined()
    const replica = first.env.openLocal(followReplicaName(district.id))
    expect((await replica.info()).doc_count).toBe(0)
    await replica.destroy()
  })
})

describe('following: bad input', () => {
  const request = { serverUrl: '', database: DB, username: 'huyen', password: 'huyen-password' }

  it('a database the district may not read: forbidden, nothing saved', async () => {
    const { controller } = follower('e1')
    expect(await controller.follow(district.id, { ...request, serverUrl: server.url, database: 'province-closed' })).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    expect(controller.savedSource(district.id)).toBeNull()
    expect(useFollowStore.getState().plans[district.id]!.status).toMatchObject({ kind: 'error', error: { kind: 'forbidden' } })
  })

  it('a refused login: unauthorised', async () => {
    const { controller } = follower('e2')
    expect(await controller.follow(district.id, { ...request, serverUrl: server.url, password: 'wrong' })).toMatchObject({ ok: false, error: { kind: 'unauthorised' } })
  })

  it('a server that does not answer: unreachable', async () => {
    const closed = await startSyncServer({ port: 0 })
    await closed.close()
    const { controller } = follower('e3')
    expect(await controller.follow(district.id, { ...request, serverUrl: closed.url })).toMatchObject({ ok: false, error: { kind: 'unreachable' } })
  })

  it('a wrong address: bad-address (not http, a bad name, a database that is not there)', async () => {
    const { controller } = follower('e4')
    expect(await controller.follow(district.id, { ...request, serverUrl: 'ftp://x' })).toMatchObject({ ok: false, error: { kind: 'bad-address' } })
    expect(await controller.follow(district.id, { ...request, serverUrl: server.url, database: 'Bad Name' })).toMatchObject({ ok: false, error: { kind: 'bad-address' } })
    expect(await controller.follow(district.id, { ...request, serverUrl: server.url, database: 'no-such-db' })).toMatchObject({ ok: false, error: { kind: 'bad-address' } })
  })
})
