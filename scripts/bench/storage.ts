/**
 * Storage numbers for the benchmark (issue 9, item 7): what a plan takes in localStorage as a share
 * of Chromium's quota (5 MiB of UTF-16 code units per origin, keys + values: chars × 2 bytes), the
 * main-thread time of a save, and the time to read the save at load.
 *
 * - `storageSeed`: the v3 layout (document key + one compressed key per plan) of a plan, written by
 *   the app's own encoder, so the benchmark's loads read what the app itself would have saved.
 * - `measureRichPlanStorage`: 10,000 template-like tasks (generate-rich-plan.ts) added through the
 *   debug handle in a fresh context; the first save (in idle slices), one edit's save, and a reload.
 */
import type { Browser } from 'playwright-core'
import type { Plan } from '@/domain/types'
import { serializeDocument, STORAGE_QUOTA_CHARS } from '@/store/local-storage-adapter'
import { planStorageKey, STORAGE_KEYS } from '@/store/storage-keys'
import { PlanEncoder } from '@/store/stored-plan'
import type { Row } from './report'

export { STORAGE_QUOTA_CHARS }

/** Key → text of the current storage layout holding `plan` alone (the app's own encoder and document). */
export function storageSeed(plan: Plan): Record<string, string> {
  return {
    [planStorageKey(plan.id)]: new PlanEncoder().encode(plan)!,
    [STORAGE_KEYS.document]: serializeDocument({ plans: { [plan.id]: plan }, activePlanId: plan.id, deletedPlans: {}, language: 'vi', lastBackupAt: null, showHolidays: true }),
  }
}

export function seedChars(seed: Record<string, string>): number {
  return Object.entries(seed).reduce((sum, [k, v]) => sum + k.length + v.length, 0)
}

/** In-page: characters of every localStorage key and value of the origin. */
export const STORAGE_USED_EXPRESSION = `(() => { let n = 0; for (let i = 0; i < localStorage.length; i += 1) { const k = localStorage.key(i); n += k.length + localStorage.getItem(k).length } return n })()`

export const percentOfQuota = (chars: number | null) => (chars === null ? null : Math.round((1000 * chars) / STORAGE_QUOTA_CHARS) / 10)

interface Timing { lastWriteMs: number; lastEncodeMs: number; lastWriteBytes: number; lastWriteKeys: number; lastWriteSlices: number; readMs: number }

export interface RichPlanStorage {
  usedChars: number
  jsonChars: number
  firstSave: Timing
  editSave: Timing
  reload: { readMs: number; storeReadyMs: number; tasks: number }
}

export async function measureRichPlanStorage(browser: Browser, appUrl: string, plan: Plan): Promise<RichPlanStorage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  try {
    const page = await context.newPage()
    await page.addInitScript({ content: `(() => {
      let handle
      Object.defineProperty(window, '__electionPlanner', { configurable: true, get: () => handle, set: (v) => { handle = v; window.__storeReadyAt = performance.now() } })
    })()` })
    await page.goto(appUrl)
    await page.waitForFunction(() => (window as unknown as { __electionPlanner?: unknown }).__electionPlanner !== undefined)
    await page.locator('[data-testid="save-status"][data-kind="saved"]').waitFor({ timeout: 60_000 })
    const text = JSON.stringify(plan)
    const waitSaved = (previousMs: number) => page.waitForFunction((before) => {
      const w = window as unknown as { __electionPlanner: { storage: { timing: Timing }; store: { getState: () => { saveStatus: { kind: string } } } } }
      return w.__electionPlanner.store.getState().saveStatus.kind === 'saved' && w.__electionPlanner.storage.timing.lastWriteMs !== before
    }, previousMs, { timeout: 120_000 })
    const timing = () => page.evaluate(() => ({ ...(window as unknown as { __electionPlanner: { storage: { timing: Timing } } }).__electionPlanner.storage.timing }))
    let before = (await timing()).lastWriteMs
    await page.evaluate((planText) => (window as unknown as { __electionPlanner: { store: { getState: () => { addPlan: (p: unknown) => void } } } }).__electionPlanner.store.getState().addPlan(JSON.parse(planText)), text)
    await waitSaved(before)
    const firstSave = await timing()
    before = firstSave.lastWriteMs
    await page.evaluate(() => {
      const s = (window as unknown as { __electionPlanner: { store: { getState: () => { plans: Record<string, Plan>; activePlanId: string; saveTask: (id: string, d: unknown) => void } } } }).__electionPlanner.store.getState()
      const [id, task] = Object.entries(s.plans[s.activePlanId]!.tasks)[5_000]!
      const { id: _id, createdAt: _c, updatedAt: _u, ...draft } = task
      s.saveTask(id, { ...draft, title: `${draft.title} (sửa)` })
    })
    await waitSaved(before)
    const editSave = await timing()
    const usedChars = await page.evaluate(STORAGE_USED_EXPRESSION) as number
    await page.reload()
    await page.waitForFunction(() => (window as unknown as { __storeReadyAt?: number }).__storeReadyAt !== undefined)
    const reload = await page.evaluate(() => {
      const w = window as unknown as { __storeReadyAt: number; __electionPlanner: { storage: { timing: Timing }; store: { getState: () => { plans: Record<string, Plan>; activePlanId: string } } } }
      const scripts = performance.getEntriesByType('resource').filter((r) => (r as PerformanceResourceTiming).initiatorType === 'script').map((r) => r.responseEnd)
      const s = w.__electionPlanner.store.getState()
      return { readMs: w.__electionPlanner.storage.timing.readMs, storeReadyMs: w.__storeReadyAt - (scripts.length ? Math.max(...scripts) : 0), tasks: Object.keys(s.plans[s.activePlanId]!.tasks).length }
    })
    return { usedChars, jsonChars: text.length, firstSave, editSave, reload }
  } finally {
    await context.close()
  }
}

export function richPlanRows(r: RichPlanStorage | null, error: string | null): Row[] {
  const none = { bare: null, ratio: null, runs: r ? '1' : '0' }
  const percent = r ? percentOfQuota(r.usedChars) : null
  return [
    {
      metric: 'Rich 10,000-task plan: saved size (% of quota)', app: percent, ...none, target: '≤ 100 (fits)', pass: percent !== null && percent <= 100,
      note: r ? `10,000 template-like tasks (descriptions, quantities, source notes); ${r.usedChars.toLocaleString('en')} chars stored vs ${r.jsonChars.toLocaleString('en')} as plain JSON (${percentOfQuota(r.jsonChars)} % of the quota)` : error ?? undefined,
    },
    {
      metric: 'Rich plan: first save (ms main thread)', app: r ? r.firstSave.lastWriteMs : null, ...none, target: '—', pass: null,
      note: r ? `all ${r.firstSave.lastWriteKeys} keys, in ${r.firstSave.lastWriteSlices} idle slices of ≤ ~40 ms + one bucket; of which encoding ${r.firstSave.lastEncodeMs.toFixed(0)} ms` : undefined,
    },
    {
      metric: 'Rich plan: one edit’s save (ms main thread)', app: r ? r.editSave.lastWriteMs : null, ...none, target: '≤ 100', pass: r ? r.editSave.lastWriteMs <= 100 : null,
      note: r ? `${r.editSave.lastWriteKeys} key(s) written, ${r.editSave.lastWriteBytes.toLocaleString('en')} chars; encoding (one task bucket) ${r.editSave.lastEncodeMs.toFixed(1)} ms` : undefined,
    },
    {
      metric: 'Rich plan: store hydrated after load (ms after scripts)', app: r ? r.reload.storeReadyMs : null, ...none, target: '—', pass: null,
      note: r ? `reading + decompressing + parsing the save ${r.reload.readMs.toFixed(0)} ms, then restore; ${r.reload.tasks} tasks back` : undefined,
    },
  ]
}
