// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import { buildCampaign2021Plan, DEFAULT_PLAN_ID } from '@/domain/templates/campaign-2021'
import type { Plan, Task } from '@/domain/types'
import * as webStorage from '@/lib/web-storage'
import { STORAGE_QUOTA_CHARS } from '@/store/local-storage-adapter'
import { CURRENT_DOCUMENT_VERSION, MIGRATIONS, migratePersistedState } from '@/store/persisted-document'
import { createPlannerStore } from '@/store/planner-store'
import { packText, unpackText } from '@/store/storage-codec'
import { planStorageKey, STORAGE_KEYS } from '@/store/storage-keys'
import { decodeKeptCopy, decodeStoredPlan, encodeKeptCopy, PLAN_FORMAT_MARKER, PlanEncoder } from '@/store/stored-plan'

const KEY = STORAGE_KEYS.document
const draft = (title: string, start = '2021-05-05') => ({ ...emptyTaskDraft(start, '2021-05-07', true), title })
const unreadableKeys = () => Object.keys(localStorage).filter((k) => k.startsWith(STORAGE_KEYS.unreadablePrefix))
const planKeys = () => Object.keys(localStorage).filter((k) => k.startsWith(STORAGE_KEYS.planPrefix)).sort()
const storedPlan = (id: string) => decodeStoredPlan(localStorage.getItem(planStorageKey(id))!)?.raw as Omit<Plan, 'tasks'> & { tasks: Record<string, Record<string, unknown>> }

let stores: ReturnType<typeof createPlannerStore>[] = []
function open() {
  const s = createPlannerStore(KEY)
  stores.push(s)
  return s
}

/** The template plan with `count` tasks (copies of its own tasks under new ids). */
function planWithTasks(count: number, id = 'plan-big'): Plan {
  const base = buildCampaign2021Plan(1)
  const templateTasks = Object.values(base.tasks)
  const tasks: Record<string, Task> = {}
  for (let i = 0; i < count; i += 1) {
    const task = templateTasks[i % templateTasks.length]!
    tasks[`t-${i}`] = { ...task, id: `t-${i}`, title: `${task.title} ${i}` }
  }
  return { ...base, id, name: `Kế hoạch ${id}`, tasks }
}

beforeEach(() => localStorage.clear())
afterEach(() => {
  stores.forEach((s) => s.stopSync())
  stores = []
  vi.restoreAllMocks()
})

describe('storage codec', () => {
  it('gives back exactly the text it packed, Vietnamese and astral characters included', () => {
    for (const text of ['', 'a', '{"title":"Hội nghị tiếp xúc cử tri 😀"}', 'x'.repeat(100_000), JSON.stringify(buildCampaign2021Plan(1))]) {
      const packed = packText(text)
      expect(unpackText(packed)?.text).toBe(text)
      // Valid UTF-16 with no surrogates and no control characters below U+0020 in the payload.
      expect([...packed].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) <= 0x801f)).toBe(true)
    }
  })

  it('gives back text that inflates far beyond the reused buffer, and text stored without compression', () => {
    // 2 MB of one letter deflates ~1000×: past the buffer; random-looking text is kept in stored blocks.
    const repetitive = 'a'.repeat(2_000_000)
    let noisy = ''
    for (let i = 0; i < 200_000; i += 1) noisy += String.fromCharCode(0x20 + ((i * 7919) % 0x7000))
    for (const text of [repetitive, noisy, 'x', repetitive + noisy]) {
      const back = unpackText(packText(text))?.text
      expect(back?.length).toBe(text.length)
      expect(back === text).toBe(true)
    }
    // After a large one, a small one still reads exactly (the buffer holds the earlier bytes).
    expect(unpackText(packText('{"a":1}'))?.text).toBe('{"a":1}')
  })

  it('says a damaged segment is damaged instead of returning garbage', () => {
    const packed = packText(JSON.stringify(buildCampaign2021Plan(1)))
    expect(unpackText(packed.slice(0, packed.length - 10))).toBeNull()
    expect(unpackText(`${packed.slice(0, 40)}\u9999${packed.slice(41)}`)).toBeNull()
    expect(unpackText('12,abc;')).toBeNull()
  })

  it('encodes a plan that reads back to its compact form, and re-compresses only the bucket of an edited task', () => {
    const plan = planWithTasks(3_000)
    const encoder = new PlanEncoder()
    const first = encoder.encode(plan)!
    expect(first.startsWith(PLAN_FORMAT_MARKER)).toBe(true)
    const decoded = decodeStoredPlan(first)!
    expect(Object.keys((decoded.raw as Plan).tasks)).toHaveLength(3_000)
    expect((decoded.raw as Plan).tasks['t-7']!.title).toBe(plan.tasks['t-7']!.title)
    const edited = { ...plan, tasks: { ...plan.tasks, 't-7': { ...plan.tasks['t-7']!, title: 'Đã sửa' } } }
    const pack = vi.fn(JSON.stringify)
    vi.spyOn(JSON, 'stringify').mockImplementation(pack as typeof JSON.stringify)
    const second = encoder.encode(edited)!
    vi.restoreAllMocks()
    // The head (unchanged, one call to compare it) and one bucket: not the 16 buckets of 3,000 tasks.
    expect(pack).toHaveBeenCalledTimes(2)
    expect((decodeStoredPlan(second)!.raw as Plan).tasks['t-7']!.title).toBe('Đã sửa')
  })

  it('keeps a long original compressed only when that is lossless, and gives it back exactly', () => {
    const long = JSON.stringify(buildCampaign2021Plan(1))
    const kept = encodeKeptCopy(long)
    expect(kept.length).toBeLessThan(long.length)
    expect(decodeKeptCopy(kept)).toBe(long)
    const withLoneSurrogate = `${long}\uD800`
    expect(encodeKeptCopy(withLoneSurrogate)).toBe(withLoneSurrogate)
    expect(encodeKeptCopy('{not json')).toBe('{not json')
  })
})

describe('storage keys', () => {
  it('never makes a reserved name, a long id or an odd one part of a key as it is', () => {
    expect(planStorageKey('plan-vn-2021')).toBe(`${STORAGE_KEYS.planPrefix}plan-vn-2021`)
    for (const id of ['__proto__', 'constructor', 'prototype', 'x'.repeat(10_000), 'a b\nc', '']) {
      const key = planStorageKey(id)
      expect(key.length).toBeLessThan(60)
      expect(key).toMatch(/^election-planner:plan:~[0-9a-f]{16}-\d+$/)
    }
    expect(planStorageKey('x'.repeat(10_000))).not.toBe(planStorageKey('x'.repeat(10_001)))
  })
})

describe('migration SplitPlansIntoKeys (v2 → v3)', () => {
  it('lists the ids of the plans it finds, without reserved names', () => {
    const up = MIGRATIONS.find((m) => m.name === 'SplitPlansIntoKeys')!
    const plans = JSON.parse('{"plan-a": {}, "__proto__": {}}') as Record<string, unknown>
    expect(up.up({ plans, activePlanId: 'plan-a' })).toEqual({ plans, activePlanId: 'plan-a', planIds: ['plan-a'] })
    expect(up.up({}).planIds).toEqual([])
  })

  it('runs every step from version 1', () => {
    expect(MIGRATIONS.map((m) => m.name)).toEqual(['MovePlanIntoPlans', 'SplitPlansIntoKeys'])
    expect(CURRENT_DOCUMENT_VERSION).toBe(MIGRATIONS.length + 1)
    const plan = { id: 'plan-old' }
    expect(migratePersistedState({ plan, language: 'en' }, 1)).toEqual({ plans: { 'plan-old': plan }, activePlanId: 'plan-old', lastBackupAt: null, language: 'en', planIds: ['plan-old'] })
  })

  it('moves an old single-key save into plan keys: plan keys first, the document last', () => {
    const plan = buildCampaign2021Plan(1)
    const old = JSON.stringify({ version: 2, state: { plans: { [plan.id]: plan }, activePlanId: plan.id, language: 'en', lastBackupAt: 5 } })
    localStorage.setItem(KEY, old)
    const { store, adapter } = open()
    expect(store.getState().language).toBe('en')
    const order: string[] = []
    const setItem = Storage.prototype.setItem
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key: string, value: string) {
      order.push(key)
      setItem.call(this, key, value)
    })
    adapter.flush()
    expect(order).toEqual([planStorageKey(plan.id), KEY])
    const document = JSON.parse(localStorage.getItem(KEY)!)
    expect(document).toEqual({ version: 3, state: { planIds: [plan.id], activePlanId: plan.id, deletedPlans: {}, language: 'en', lastBackupAt: 5, showHolidays: true } })
    expect(storedPlan(plan.id).name).toBe(plan.name)
    expect(Object.keys(storedPlan(plan.id).tasks)).toHaveLength(Object.keys(plan.tasks).length)
  })

  it('makes room for the plan keys of an old save that fills the quota by compressing it in place first', () => {
    const plan = planWithTasks(2_000, 'plan-full')
    const old = JSON.stringify({ version: 2, state: { plans: { [plan.id]: plan }, activePlanId: plan.id, language: 'vi', lastBackupAt: null } })
    localStorage.setItem(KEY, old)
    // A quota just above the old save: its plan key fits only once the old save takes less room.
    const limit = old.length + KEY.length + 1_000
    const setItem = Storage.prototype.setItem
    const seen: string[] = []
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key: string, value: string) {
      const used = Object.keys(localStorage).reduce((sum, k) => sum + (k === key ? 0 : k.length + localStorage.getItem(k)!.length), 0)
      if (used + key.length + value.length > limit) throw new DOMException('full', 'QuotaExceededError')
      seen.push(`${key} ${value.slice(0, 6)}`)
      setItem.call(this, key, value)
    })
    const { store, adapter } = open()
    adapter.flush()
    expect(store.getState().saveStatus.kind).toBe('saved')
    expect(seen).toEqual([`${KEY} ep-doc`, `${planStorageKey('plan-full')} ${PLAN_FORMAT_MARKER}`, `${KEY} {"stat`])
    vi.restoreAllMocks()
    expect(Object.keys(storedPlan('plan-full').tasks)).toHaveLength(2_000)
  })

  it('reads an old save that was compressed in place but not yet split', () => {
    const plan = planWithTasks(3, 'plan-packed')
    const old = JSON.stringify({ version: 2, state: { plans: { [plan.id]: plan }, activePlanId: plan.id, language: 'en', lastBackupAt: null } })
    localStorage.setItem(KEY, `ep-doc-z1;${packText(old)}`)
    const { store } = open()
    expect(store.getState().plans['plan-packed']?.name).toBe(plan.name)
    expect(store.getState().language).toBe('en')
  })

  it('leaves the old save readable when a plan key cannot be written', () => {
    const plan = buildCampaign2021Plan(1)
    const old = JSON.stringify({ version: 2, state: { plans: { [plan.id]: plan }, activePlanId: plan.id, language: 'vi', lastBackupAt: null } })
    localStorage.setItem(KEY, old)
    const { store, adapter } = open()
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    adapter.flush()
    vi.restoreAllMocks()
    expect(localStorage.getItem(KEY)).toBe(old)
    expect(store.getState().saveStatus.kind).toBe('quota')
    // A reload still finds the plan in the old save.
    const again = open()
    expect(again.store.getState().plans[plan.id]?.name).toBe(plan.name)
  })
})

describe('per-plan writes', () => {
  it('writes only the key of the plan that changed', () => {
    const first = open()
    first.store.getState().addPlan(planWithTasks(600, 'plan-second'))
    first.store.getState().switchPlan(DEFAULT_PLAN_ID)
    first.adapter.flush()
    expect(planKeys()).toEqual([planStorageKey(DEFAULT_PLAN_ID), planStorageKey('plan-second')].sort())
    const write = vi.spyOn(webStorage, 'writeStorageItem')
    const encode = vi.spyOn(PlanEncoder.prototype, 'encode')
    first.store.getState().createTask(draft('Chỉ kế hoạch này'))
    first.adapter.flush()
    expect(write.mock.calls.map(([key]) => key)).toEqual([planStorageKey(DEFAULT_PLAN_ID)])
    // The unchanged plan (same object) is not even encoded.
    expect(encode.mock.calls.map(([plan]) => plan.id)).toEqual([DEFAULT_PLAN_ID])
    // After a reload, too: plans read unchanged are not written again.
    const second = open()
    write.mockClear()
    second.store.getState().switchPlan('plan-second')
    second.store.getState().createTask(draft('Kế hoạch thứ hai'))
    second.adapter.flush()
    expect(write.mock.calls.map(([key]) => key)).toEqual([planStorageKey('plan-second'), KEY])
    expect(Object.values(storedPlan('plan-second').tasks).some((t) => t.title === 'Kế hoạch thứ hai')).toBe(true)
  })

  it('removes a deleted plan’s key after the document stops listing it, and it stays deleted after a reload', () => {
    const { store, adapter } = open()
    store.getState().addPlan(planWithTasks(3, 'plan-gone'))
    adapter.flush()
    const order: string[] = []
    vi.spyOn(webStorage, 'writeStorageItem').mockImplementation((key, value) => {
      order.push(`write ${key}`)
      localStorage.setItem(key, value)
      return 'ok'
    })
    vi.spyOn(webStorage, 'removeStorageItem').mockImplementation((key) => {
      order.push(`remove ${key}`)
      localStorage.removeItem(key)
    })
    expect(store.getState().deletePlan('plan-gone')).toBe(true)
    adapter.flush()
    expect(order).toEqual([`write ${KEY}`, `remove ${planStorageKey('plan-gone')}`])
    vi.restoreAllMocks()
    expect(open().store.getState().plans['plan-gone']).toBeUndefined()
  })

  it('finds a plan whose key was written just before a crash kept the document from listing it', () => {
    const { adapter } = open()
    adapter.flush()
    const orphan = planWithTasks(2, 'plan-orphan')
    localStorage.setItem(planStorageKey('plan-orphan'), new PlanEncoder().encode(orphan)!)
    expect(open().store.getState().plans['plan-orphan']?.name).toBe(orphan.name)
  })
})

describe('a save never throws', () => {
  it('keeps a plan JSON cannot hold in memory, says so, saves the other plans and tries again on the next change', () => {
    const { store, adapter } = open()
    let deep: Record<string, unknown> = {}
    const root = deep
    for (let i = 0; i < 100_000; i += 1) {
      const next: Record<string, unknown> = {}
      deep.child = next
      deep = next
    }
    const bad = planWithTasks(2, 'plan-deep')
    bad.tasks['t-0'] = { ...bad.tasks['t-0']!, somethingNew: root } as Task
    store.getState().addPlan(bad)
    store.getState().switchPlan(DEFAULT_PLAN_ID)
    store.getState().createTask(draft('Vẫn được lưu'))
    expect(() => adapter.flush()).not.toThrow()
    expect(store.getState().saveStatus.kind).toBe('failed')
    expect(store.getState().plans['plan-deep']).toBe(bad)
    expect(Object.values(storedPlan(DEFAULT_PLAN_ID).tasks).some((t) => t.title === 'Vẫn được lưu')).toBe(true)
    expect(localStorage.getItem(planStorageKey('plan-deep'))).toBeNull()
    // The user removes the odd task: the next change saves everything.
    store.getState().switchPlan('plan-deep')
    store.getState().deleteTask('t-0')
    adapter.flush()
    expect(store.getState().saveStatus.kind).toBe('saved')
    expect(Object.keys(storedPlan('plan-deep').tasks)).toEqual(['t-1'])
  })
})

describe('unreadable and repaired plan keys', () => {
  function seedTwoPlans() {
    const { store, adapter } = open()
    store.getState().addPlan(planWithTasks(5, 'plan-second'))
    adapter.flush()
    stores.pop()?.stopSync()
  }

  it('keeps a corrupt plan key under its own key, opens the other plans and never overwrites the copy', () => {
    seedTwoPlans()
    localStorage.setItem(planStorageKey('plan-second'), 'ep-z1;1;garbage')
    const { store, adapter } = open()
    expect(store.getState().plans[DEFAULT_PLAN_ID]).toBeDefined()
    expect(store.getState().plans['plan-second']).toBeUndefined()
    const notice = store.getState().notices.find((n) => n.kind === 'corrupt-save')
    const [copyKey] = unreadableKeys()
    expect(notice).toMatchObject({ copyKey })
    expect(localStorage.getItem(copyKey!)).toBe('ep-z1;1;garbage')
    store.getState().createTask(draft('Sau khi hỏng'))
    adapter.flush()
    expect(localStorage.getItem(copyKey!)).toBe('ep-z1;1;garbage')
  })

  it('keeps the original text of a plan key that restore repaired, and tells what was repaired', () => {
    seedTwoPlans()
    const raw = storedPlan('plan-second')
    raw.tasks['t-1'] = { ...raw.tasks['t-1'], status: 'không rõ' }
    const original = JSON.stringify(raw)
    localStorage.setItem(planStorageKey('plan-second'), original)
    const { store, adapter } = open()
    const notice = store.getState().notices.find((n) => n.kind === 'repaired-save')
    expect(notice).toMatchObject({ report: { repairedTasks: 1, droppedTasks: 0 } })
    expect(notice && 'copyKey' in notice && decodeKeptCopy(localStorage.getItem(notice.copyKey!)!)).toBe(original)
    // The repaired plan is written back in the current form; the copy stays.
    adapter.flush()
    expect(localStorage.getItem(planStorageKey('plan-second'))!.startsWith(PLAN_FORMAT_MARKER)).toBe(true)
    expect(decodeKeptCopy(localStorage.getItem(unreadableKeys()[0]!)!)).toBe(original)
  })

  it('still repairs and counts the damaged tasks of a compressed save among thousands of sound ones, and keeps the original', () => {
    // The load skips the schema for a task exactly as this app writes it (canonical-task.ts): a
    // save in the current compressed form must still have each damaged task repaired and counted.
    const plan = planWithTasks(600, 'plan-second')
    const broken = { ...plan.tasks }
    broken['t-1'] = { ...broken['t-1']!, end: '2021-01-01', start: '2021-03-01', allDay: true }
    broken['t-2'] = { ...broken['t-2']!, start: '2021-02-31' }
    broken['t-3'] = { ...broken['t-3']!, anchor: { type: 'election-day', offsetDays: 1.5 } }
    const original = new PlanEncoder().encode({ ...plan, tasks: broken })!
    seedTwoPlans()
    localStorage.setItem(planStorageKey('plan-second'), original)
    const { store } = open()
    const notice = store.getState().notices.find((n) => n.kind === 'repaired-save')
    expect(notice).toMatchObject({ report: { repairedTasks: 2, droppedTasks: 1 } })
    expect(notice && 'copyKey' in notice && decodeKeptCopy(localStorage.getItem(notice.copyKey!)!)).toBe(original)
    const loaded = store.getState().plans['plan-second']!
    expect(Object.keys(loaded.tasks)).toHaveLength(599)
    expect(loaded.tasks['t-1']).toMatchObject({ start: '2021-03-01', end: '2021-03-02' })
    expect(loaded.tasks['t-3']!.anchor).toEqual({ type: 'fixed' })
    expect(loaded.tasks['t-5']).toEqual(plan.tasks['t-5'])
  })

  it('blocks writes to a repaired plan’s key when its original cannot be kept, and says so', () => {
    seedTwoPlans()
    const raw = storedPlan('plan-second')
    raw.tasks['t-1'] = { ...raw.tasks['t-1'], status: 'không rõ' }
    const original = JSON.stringify(raw)
    localStorage.setItem(planStorageKey('plan-second'), original)
    vi.spyOn(webStorage, 'writeStorageItem').mockReturnValue('quota')
    const { store, adapter } = open()
    vi.restoreAllMocks()
    expect(store.getState().notices.find((n) => n.kind === 'repaired-save')).toMatchObject({ copyKey: null })
    store.getState().switchPlan('plan-second')
    store.getState().createTask(draft('Không ghi đè'))
    adapter.flush()
    expect(localStorage.getItem(planStorageKey('plan-second'))).toBe(original)
  })
})

describe('storage use', () => {
  it('measures the origin’s storage after a save, and the store says when it passes 80 %', () => {
    const { store, adapter } = open()
    adapter.flush()
    const usage = store.getState().storageUsage!
    expect(usage.quotaChars).toBe(STORAGE_QUOTA_CHARS)
    const ours = Object.keys(localStorage).reduce((sum, k) => sum + k.length + localStorage.getItem(k)!.length, 0)
    expect(usage.usedChars).toBe(ours)
    localStorage.setItem('another-app', 'x'.repeat(Math.ceil(STORAGE_QUOTA_CHARS * 0.85)))
    store.getState().createTask(draft('Gần đầy'))
    adapter.flush()
    expect(store.getState().storageUsage!.usedChars / STORAGE_QUOTA_CHARS).toBeGreaterThan(0.8)
  })
})

describe('two tabs, one key per plan', () => {
  it('merges the plan whose key another tab wrote, and does not write it back', async () => {
    const a = open()
    a.store.getState().addPlan(planWithTasks(5, 'plan-second'))
    a.adapter.flush()
    const b = open()
    const id = a.store.getState().createTask(draft('Từ thẻ A'))
    a.adapter.flush()
    const planKey = planStorageKey('plan-second')
    window.dispatchEvent(new StorageEvent('storage', { key: planKey, newValue: localStorage.getItem(planKey), storageArea: localStorage }))
    await vi.waitFor(() => expect(b.store.getState().plans['plan-second']!.tasks[id]?.title).toBe('Từ thẻ A'))
    const write = vi.spyOn(webStorage, 'writeStorageItem')
    b.adapter.flush()
    expect(write).not.toHaveBeenCalled()
  })
})
