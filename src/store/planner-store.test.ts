// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import { buildCampaign2021Plan, DEFAULT_PLAN_ID } from '@/domain/templates/campaign-2021'
import { applyRemoteSave } from '@/store/cross-tab-sync'
import { CURRENT_DOCUMENT_VERSION, MIGRATIONS } from '@/store/persisted-document'
import { createPlannerStore, initialCalendarDate } from '@/store/planner-store'
import { planStorageKey, STORAGE_KEYS } from '@/store/storage-keys'
import { decodeKeptCopy, decodeStoredPlan } from '@/store/stored-plan'

const KEY = STORAGE_KEYS.document
const draft = (title: string, start = '2021-05-05') => ({ ...emptyTaskDraft(start, '2021-05-07', true), title })
/** The saved document with its plans read back from their own keys (layout v3). */
const stored = () => {
  const document = JSON.parse(localStorage.getItem(KEY)!) as { version: number; state: Record<string, unknown> }
  const plans: Record<string, unknown> = {}
  for (const id of (document.state.planIds as string[] | undefined) ?? []) plans[id] = decodeStoredPlan(localStorage.getItem(planStorageKey(id))!)?.raw
  return { version: document.version, state: { ...document.state, plans } }
}
const unreadableKeys = () => Object.keys(localStorage).filter((k) => k.startsWith(STORAGE_KEYS.unreadablePrefix))
const activeTasks = (s: ReturnType<typeof createPlannerStore>) => s.store.getState().plans[s.store.getState().activePlanId]!.tasks

let stores: ReturnType<typeof createPlannerStore>[] = []
function open() {
  const s = createPlannerStore(KEY)
  stores.push(s)
  return s
}

beforeEach(() => localStorage.clear())
afterEach(() => {
  stores.forEach((s) => s.stopSync())
  stores = []
  vi.restoreAllMocks()
})

describe('planner store persistence', () => {
  it('opens on the 2021 plan on a new machine, with nothing to undo', () => {
    const { store, adapter } = open()
    expect(adapter.readOutcome.kind).toBe('empty')
    expect(store.getState().activePlanId).toBe(DEFAULT_PLAN_ID)
    expect(store.getState().plans[DEFAULT_PLAN_ID]!.election.electionDay).toBe('2021-05-23')
    expect(store.temporal.getState().pastStates).toHaveLength(0)
  })

  it('saves off the interaction path: an edit writes nothing until the batch runs', () => {
    const { store, adapter } = open()
    const setItem = vi.spyOn(Storage.prototype, 'setItem')
    store.getState().createTask(draft('Một'))
    store.getState().createTask(draft('Hai'))
    expect(setItem).not.toHaveBeenCalled()
    expect(store.getState().saveStatus.kind).toBe('pending')
    adapter.flush()
    // One batch: the plan's key and the document, each once.
    expect(setItem.mock.calls.map(([key]) => key).sort()).toEqual([KEY, planStorageKey(DEFAULT_PLAN_ID)])
    expect(store.getState().saveStatus.kind).toBe('saved')
    expect(stored().version).toBe(CURRENT_DOCUMENT_VERSION)
  })

  it('writes in the background after the debounce when nobody flushes', async () => {
    vi.useFakeTimers()
    try {
      const { store } = open()
      store.getState().createTask(draft('Tự lưu'))
      expect(localStorage.getItem(KEY)).toBeNull()
      await vi.advanceTimersByTimeAsync(2000)
      expect(JSON.stringify(stored())).toContain('Tự lưu')
    } finally {
      vi.useRealTimers()
    }
  })

  it('comes back after a reload with the task, and session state is not saved', () => {
    const first = open()
    const id = first.store.getState().createTask(draft('Giữ lại'))
    first.store.getState().setCalendar({ view: 'year' })
    first.adapter.flush()
    const second = open()
    expect(activeTasks(second)[id]?.title).toBe('Giữ lại')
    expect(second.store.getState().calendar.view).toBe('month')
    expect(second.store.temporal.getState().pastStates).toHaveLength(0)
  })

  it('migrates a version 1 save (one plan) and rewrites it as the current version', () => {
    const plan = buildCampaign2021Plan(1)
    plan.name = 'Kế hoạch cũ'
    localStorage.setItem(KEY, JSON.stringify({ version: 1, state: { plan, language: 'en' } }))
    const { store, adapter } = open()
    expect(store.getState().plans[plan.id]!.name).toBe('Kế hoạch cũ')
    expect(store.getState().language).toBe('en')
    adapter.flush()
    expect(stored().version).toBe(CURRENT_DOCUMENT_VERSION)
    expect(Object.keys(stored().state.plans as object)).toEqual([plan.id])
  })

  it('has a migration for every version step', () => {
    expect(MIGRATIONS).toHaveLength(CURRENT_DOCUMENT_VERSION - 1)
  })

  it('keeps a corrupt save under its own key, opens anyway and says so', () => {
    localStorage.setItem(KEY, '{"state": {oops')
    const { store, adapter } = open()
    expect(adapter.readOutcome.kind).toBe('corrupt')
    const notice = store.getState().notices.find((n) => n.kind === 'corrupt-save')
    expect(notice).toBeDefined()
    const [copyKey] = unreadableKeys()
    expect(copyKey).toBeDefined()
    expect(localStorage.getItem(copyKey!)).toBe('{"state": {oops')
    // Editing and saving afterwards never touches the copy.
    store.getState().createTask(draft('Sau khi hỏng'))
    adapter.flush()
    expect(localStorage.getItem(copyKey!)).toBe('{"state": {oops')
    expect(JSON.stringify(stored())).toContain('Sau khi hỏng')
  })

  it('does not overwrite a corrupt save when no copy of it can be kept', () => {
    localStorage.setItem(KEY, 'garbage')
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    const { store, adapter } = open()
    vi.restoreAllMocks()
    store.getState().createTask(draft('x'))
    adapter.flush()
    expect(localStorage.getItem(KEY)).toBe('garbage')
    expect(store.getState().saveStatus.kind).toBe('blocked')
  })

  it('keeps the original when some tasks of a save cannot be read, and opens the rest', () => {
    const plan = buildCampaign2021Plan(1)
    // A version 2 save (all plans in the document key): the whole old save is the original kept.
    const raw = JSON.parse(JSON.stringify({ version: 2, state: { plans: { [plan.id]: plan }, activePlanId: plan.id, language: 'vi', lastBackupAt: null } }))
    raw.state.plans[plan.id].tasks.bad = { id: 'bad', start: 'không phải ngày' }
    const text = JSON.stringify(raw)
    localStorage.setItem(KEY, text)
    const { store } = open()
    expect(Object.keys(activeTasks({ store } as never))).toHaveLength(Object.keys(plan.tasks).length)
    const notice = store.getState().notices.find((n) => n.kind === 'repaired-save')
    expect(notice).toMatchObject({ report: { droppedTasks: 1 } })
    expect(decodeKeptCopy(localStorage.getItem(unreadableKeys()[0]!)!)).toBe(text)
  })

  it('never overwrites a save from a newer version of the app, and tells the user', () => {
    const newer = JSON.stringify({ version: CURRENT_DOCUMENT_VERSION + 1, state: { plans: {}, somethingNew: true } })
    localStorage.setItem(KEY, newer)
    const { store, adapter } = open()
    expect(store.getState().saveStatus).toEqual({ kind: 'newer-version', version: CURRENT_DOCUMENT_VERSION + 1 })
    store.getState().createTask(draft('không được ghi'))
    adapter.flush()
    expect(localStorage.getItem(KEY)).toBe(newer)
    expect(store.getState().plans[DEFAULT_PLAN_ID]).toBeDefined()
  })

  it('keeps the plan in memory when the quota is full, and saves once there is room again', () => {
    const { store, adapter } = open()
    const spy = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    const id = store.getState().createTask(draft('Trong bộ nhớ'))
    adapter.flush()
    expect(store.getState().saveStatus.kind).toBe('quota')
    expect(activeTasks({ store } as never)[id]?.title).toBe('Trong bộ nhớ')
    spy.mockRestore()
    adapter.flush()
    expect(store.getState().saveStatus.kind).toBe('saved')
    expect(JSON.stringify(stored())).toContain('Trong bộ nhớ')
  })
})

describe('two tabs', () => {
  it('merges per task so that neither tab loses an edit, and settles without echoing', () => {
    const a = open()
    const b = open()
    const idA = a.store.getState().createTask(draft('Tab A'))
    a.adapter.flush()
    const idB = b.store.getState().createTask(draft('Tab B'))
    // B receives A's save while its own edit is still pending.
    applyRemoteSave(b.store, b.adapter)
    expect(activeTasks(b)[idA]?.title).toBe('Tab A')
    expect(activeTasks(b)[idB]?.title).toBe('Tab B')
    b.adapter.flush()
    applyRemoteSave(a.store, a.adapter)
    expect(activeTasks(a)[idB]?.title).toBe('Tab B')
    // A's state is now exactly what is stored: nothing more to write.
    const setItem = vi.spyOn(Storage.prototype, 'setItem')
    a.adapter.flush()
    expect(setItem).not.toHaveBeenCalled()
    expect(a.store.getState().saveStatus.kind).not.toBe('pending')
  })

  it('does not make another tab’s changes an undo step', () => {
    const a = open()
    const b = open()
    a.store.getState().createTask(draft('Tab A'))
    a.adapter.flush()
    applyRemoteSave(b.store, b.adapter)
    expect(b.store.temporal.getState().pastStates).toHaveLength(0)
  })

  it('a plan deleted in one tab is not brought back by the other, and one edited after the deletion is kept', () => {
    const a = open()
    const b = open()
    const second = { ...buildCampaign2021Plan(1), id: 'plan-second', name: 'Huyện' }
    a.store.getState().addPlan(second)
    a.adapter.flush()
    applyRemoteSave(b.store, b.adapter)
    expect(b.store.getState().plans['plan-second']).toBeDefined()
    // A deletes it; B, which still has it, merges A's save and then saves: the plan stays deleted in both.
    expect(a.store.getState().deletePlan('plan-second')).toBe(true)
    a.adapter.flush()
    applyRemoteSave(b.store, b.adapter)
    expect(b.store.getState().plans['plan-second']).toBeUndefined()
    expect(b.store.getState().activePlanId).toBe(DEFAULT_PLAN_ID)
    b.store.getState().createTask(draft('Sau khi xóa'))
    b.adapter.flush()
    applyRemoteSave(a.store, a.adapter)
    expect(a.store.getState().plans['plan-second']).toBeUndefined()
    // A plan edited after the tombstone (a later save from a tab that kept working on it) survives.
    const c = open()
    c.store.getState().addPlan({ ...second, updatedAt: Date.now() + 60_000 })
    c.adapter.flush()
    applyRemoteSave(a.store, a.adapter)
    expect(a.store.getState().plans['plan-second']).toBeDefined()
  })

  it('reacts to the browser’s storage event', async () => {
    const a = open()
    const b = open()
    const id = a.store.getState().createTask(draft('Qua sự kiện'))
    a.adapter.flush()
    // The edit wrote only the plan's key: that key's event is the one B hears.
    const planKey = planStorageKey(DEFAULT_PLAN_ID)
    window.dispatchEvent(new StorageEvent('storage', { key: planKey, newValue: localStorage.getItem(planKey), storageArea: localStorage }))
    await vi.waitFor(() => expect(activeTasks(b)[id]?.title).toBe('Qua sự kiện'))
  })
})

describe('undo and redo', () => {
  it('undoes and redoes document changes, not view changes', () => {
    const { store } = open()
    const id = store.getState().createTask(draft('Hoàn tác'))
    store.getState().setCalendar({ view: 'week' })
    store.getState().openEditor({ mode: 'edit', taskId: id })
    expect(store.temporal.getState().pastStates).toHaveLength(1)
    store.temporal.getState().undo()
    expect(activeTasks({ store } as never)[id]).toBeUndefined()
    expect(store.getState().calendar.view).toBe('week')
    store.temporal.getState().redo()
    expect(activeTasks({ store } as never)[id]?.title).toBe('Hoàn tác')
  })

  it('brings a deleted task back with one undo', () => {
    const { store } = open()
    const id = 'vn-2021-province-press-training'
    store.getState().deleteTask(id)
    expect(activeTasks({ store } as never)[id]).toBeUndefined()
    expect(store.getState().notices.some((n) => n.kind === 'task-deleted')).toBe(true)
    store.temporal.getState().undo()
    expect(activeTasks({ store } as never)[id]).toBeDefined()
  })
})

describe('initial calendar date', () => {
  const plan = buildCampaign2021Plan(0)
  it('opens on today inside the campaign window, otherwise on election day', () => {
    expect(initialCalendarDate(plan, new Date('2021-04-10T03:00:00Z'))).toBe('2021-04-10')
    expect(initialCalendarDate(plan, new Date('2026-11-22T03:00:00Z'))).toBe('2021-05-23')
  })
})
