// Storage headroom (issue 9, item 7): big plans saved compressed, one key per plan, in Chromium's
// real localStorage (5 MiB of UTF-16 code units per origin), and the warning before it is full.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { before, describe, test } from 'node:test'
import { DOCUMENT_KEY, setupSuite, waitForCalendarReady, waitForSaved, withApp } from './support.mjs'

const suite = setupSuite()
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const PLANS_DIR = join(tmpdir(), `election-planner-storage-plans-${process.pid}`)
const QUOTA_CHARS = 5 * 1024 * 1024
const TIMEOUT_MS = 240_000
const plans = {}

// The plans come from the benchmark's TypeScript generators (the same 10,000 tasks `npm run bench` uses).
before(async () => {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), '--tsconfig', 'tsconfig.app.json', 'scripts/bench/write-storage-plans.ts', PLANS_DIR], { cwd: ROOT, encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`generating the plans failed: ${run.stderr}`)
  plans.bench = await readFile(join(PLANS_DIR, 'bench-plan.json'), 'utf8')
  plans.rich = await readFile(join(PLANS_DIR, 'rich-plan.json'), 'utf8')
})

/** Characters this origin holds in localStorage (keys + values), and per key. */
function storageUse(page) {
  return page.evaluate(() => {
    const keys = {}
    let total = 0
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i)
      const chars = key.length + localStorage.getItem(key).length
      keys[key] = chars
      total += chars
    }
    return { total, keys }
  })
}

const timing = (page) => page.evaluate(() => ({ ...window.__electionPlanner.storage.timing }))
const taskCount = (page) => page.evaluate(() => {
  const s = window.__electionPlanner.store.getState()
  return Object.keys(s.plans[s.activePlanId].tasks).length
})

describe('storage headroom', () => {
  test('the bench’s 10,000-task plan, moved from the old single-key save, takes at most 40 % of the quota and reloads', { timeout: TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await waitForSaved(page)
      // The old (version 2) save, as the benchmark seeds it: all plans in the document key.
      const oldSave = `{"state":{"plans":{"plan-vn-2021":${plans.bench}},"activePlanId":"plan-vn-2021","language":"vi","lastBackupAt":null},"version":2}`
      await page.evaluate(([key, text]) => { localStorage.clear(); localStorage.setItem(key, text) }, [DOCUMENT_KEY, oldSave])
      const before = await storageUse(page)
      await page.reload()
      await waitForCalendarReady(page)
      assert.equal(await taskCount(page), 10_000)
      await page.evaluate(() => window.__electionPlanner.storage.flush())
      const migration = await timing(page)
      const after = await storageUse(page)
      const document = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), DOCUMENT_KEY)
      assert.equal(document.version, 3)
      assert.deepEqual(document.state.planIds, ['plan-vn-2021'])
      const percent = (100 * after.total) / QUOTA_CHARS
      assert.ok(percent <= 40, `the saved plan takes ${percent.toFixed(1)} % of the quota`)

      // One edit: only the plan's key is written, and only the edited task's bucket is compressed again.
      await page.evaluate(() => {
        const s = window.__electionPlanner.store.getState()
        const [id, task] = Object.entries(s.plans[s.activePlanId].tasks)[5000]
        const { id: _id, createdAt: _c, updatedAt: _u, ...draft } = task
        s.saveTask(id, { ...draft, title: 'Một thay đổi nhỏ' })
        window.__electionPlanner.storage.flush()
      })
      const edit = await timing(page)
      assert.equal(edit.lastWriteKeys, 1)

      await page.reload()
      await waitForCalendarReady(page)
      assert.equal(await taskCount(page), 10_000)
      assert.equal(await page.getByTestId('notice-repaired-save').count(), 0)
      assert.equal(await page.getByTestId('notice-corrupt-save').count(), 0)
      const load = await timing(page)
      test.diagnostic?.(`bench plan: ${(100 * before.total / QUOTA_CHARS).toFixed(1)} % of the quota before (v2), ${percent.toFixed(1)} % after (${after.total} chars); migration save ${migration.lastWriteMs.toFixed(0)} ms (encode ${migration.lastEncodeMs.toFixed(0)}); one edit saved in ${edit.lastWriteMs.toFixed(1)} ms (encode ${edit.lastEncodeMs.toFixed(1)}); read at load ${load.readMs.toFixed(0)} ms`)
      process.stderr.write(`[storage] bench plan: ${(100 * before.total / QUOTA_CHARS).toFixed(1)} % → ${percent.toFixed(1)} %; migration save ${migration.lastWriteMs.toFixed(0)} ms; edit save ${edit.lastWriteMs.toFixed(1)} ms (encode ${edit.lastEncodeMs.toFixed(1)}); read ${load.readMs.toFixed(0)} ms\n`)
    }))

  test('10,000 tasks as rich as the template’s are saved (they fill twice the quota as plain JSON) and come back whole', { timeout: TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await waitForSaved(page)
      const rich = JSON.parse(plans.rich)
      assert.ok(plans.rich.length > QUOTA_CHARS, 'the rich plan is not bigger than the quota as JSON')
      // Added the way an import adds a plan; saved in idle slices, as the app does by itself.
      await page.evaluate((text) => window.__electionPlanner.store.getState().addPlan(JSON.parse(text)), plans.rich)
      await waitForSaved(page)
      const save = await timing(page)
      const use = await storageUse(page)
      assert.ok(use.total < QUOTA_CHARS * 0.8, `the rich plan takes ${(100 * use.total / QUOTA_CHARS).toFixed(1)} % of the quota`)

      await page.reload()
      await waitForCalendarReady(page)
      const back = await page.evaluate((id) => window.__electionPlanner.store.getState().plans[id], rich.id)
      assert.equal(Object.keys(back.tasks).length, 10_000)
      for (const id of ['rich-task-00001', 'rich-task-05000', 'rich-task-10000']) {
        const { description, source, quantity, title, start, end } = back.tasks[id]
        const expected = rich.tasks[id]
        assert.deepEqual({ description, source, quantity, title, start, end }, { description: expected.description, source: expected.source, quantity: expected.quantity, title: expected.title, start: expected.start, end: expected.end })
      }
      assert.equal(await page.getByTestId('notice-repaired-save').count(), 0)
      const load = await timing(page)
      process.stderr.write(`[storage] rich plan: ${(100 * use.total / QUOTA_CHARS).toFixed(1)} % of the quota (${use.total} chars, JSON ${plans.rich.length}); first save ${save.lastWriteMs.toFixed(0)} ms main thread in ${save.lastWriteSlices} idle slices (encode ${save.lastEncodeMs.toFixed(0)}); read ${load.readMs.toFixed(0)} ms\n`)
    }))

  test('from 80 % of the quota a warning offers the backup download in one click', { timeout: TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await waitForSaved(page)
      assert.equal(await page.getByTestId('notice-storage-nearly-full').count(), 0)
      // Another app on the same origin (a file share) fills 85 %; our next save measures it.
      await page.evaluate((chars) => localStorage.setItem('another-app', 'x'.repeat(chars)), Math.ceil(QUOTA_CHARS * 0.85))
      await page.evaluate(() => {
        const s = window.__electionPlanner.store.getState()
        s.setShowHolidays(!s.showHolidays)
        window.__electionPlanner.storage.flush()
      })
      const notice = page.getByTestId('notice-storage-nearly-full')
      await notice.waitFor()
      assert.match((await notice.textContent()) ?? '', /Bộ nhớ trình duyệt đã dùng 8\d%/)
      const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: /Tải bản sao lưu/ }).click()])
      assert.match(download.suggestedFilename(), /\.json$/)
    }))
})
