/**
 * The bench's 10,000-task backup imported through the UI, as a user would: "Nhập", choose the file,
 * wait for the preview, click "Nhập" in the dialog, wait until the dialog is closed, the calendar
 * shows the imported plan and two frames have passed. Times are the page's own clock
 * (performance.now()): from the file input's change event to the preview on screen, and from the
 * apply click to the plan applied and painted. Long tasks (PerformanceObserver 'longtask', installed
 * before the app's scripts) are reported for the preview phase, the apply phase, and the 5 s after
 * (the deferred save of the bigger plan falls there).
 *
 * Runs from scripts/bench.ts, or alone against any build folder:
 *   BENCH_DIST=/tmp/dist-x npx tsx --tsconfig tsconfig.app.json scripts/bench/import-ui.ts
 * or writes the backup file for e2e/import-large.test.mjs:
 *   npx tsx --tsconfig tsconfig.app.json scripts/bench/import-ui.ts --write-backup /tmp/x.json
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { serializeBackup } from '@/io/backup/backup-file'
import type { Plan } from '@/domain/types'

export interface ImportUiRun {
  previewMs: number
  applyMs: number
  /** The longest main-thread task from the file chosen to the preview on screen. */
  longestPreviewTaskMs: number
  /** The longest main-thread task from the apply click to the plan painted. */
  longestApplyTaskMs: number
  /** The longest main-thread task in the 5 s after (the save of the imported plan). */
  longestAfterTaskMs: number
  tasksAfter: number
}

const SETTLE_AFTER_APPLY_MS = 5_000
const WAIT_MS = 90_000

const PROBE = `(() => {
  const B = { longTasks: [] }
  window.__importBench = B
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) B.longTasks.push({ start: e.startTime, duration: e.duration }) })
      .observe({ type: 'longtask', buffered: true })
  } catch {}
  document.addEventListener('change', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'file') B.chosenAt = e.timeStamp
  }, true)
  B.longestBetween = (from, to) => B.longTasks.filter((t) => t.start + t.duration > from && t.start < to).reduce((m, t) => Math.max(m, t.duration), 0)
})()`

/** One import of `backupText` into a fresh context of the app at `url`. */
export async function measureImportThroughUi(browser: Browser, url: string, backupText: string, expectedTasks: number): Promise<ImportUiRun> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })
  const folder = await mkdtemp(join(tmpdir(), 'import-bench-'))
  const file = join(folder, 'sao-luu-10000.json')
  await writeFile(file, backupText)
  try {
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.addInitScript({ content: PROBE })
    await page.goto(url)
    await page.waitForFunction(() => (window as unknown as { __electionPlanner?: unknown }).__electionPlanner !== undefined, undefined, { timeout: WAIT_MS })
    await page.locator('.fc-view-harness .fc-view').first().waitFor({ timeout: WAIT_MS })
    await page.getByRole('button', { name: 'Nhập', exact: true }).click()
    const dialog = page.locator('dialog[open].import-dialog')
    await dialog.waitFor()
    // From a file on disk: given as a buffer, Playwright builds the File inside the page, in one
    // long task of its own that would be counted as the app's.
    await dialog.getByTestId('import-file').setInputFiles(file)
    const previewAt = await page.evaluate(`new Promise((resolve, reject) => {
      const deadline = performance.now() + ${WAIT_MS}
      const go = () => {
        if (document.querySelector('[data-testid="import-summary"]')) requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))
        else if (performance.now() > deadline) reject(new Error('no import preview'))
        else requestAnimationFrame(go)
      }
      go()
    })`) as number
    const chosenAt = await page.evaluate('window.__importBench.chosenAt') as number
    // The apply: a capture listener takes the click's own timestamp.
    await page.evaluate(`document.addEventListener('click', (e) => { window.__importBench.applyAt = e.timeStamp }, { capture: true, once: true })`)
    await dialog.getByRole('button', { name: 'Nhập', exact: true }).click()
    const appliedAt = await page.evaluate(`new Promise((resolve, reject) => {
      const deadline = performance.now() + ${WAIT_MS}
      const go = () => {
        const s = window.__electionPlanner.store.getState()
        const n = Object.keys(s.plans[s.activePlanId].tasks).length
        if (!document.querySelector('dialog[open].import-dialog') && n >= ${expectedTasks}) requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))
        else if (performance.now() > deadline) reject(new Error('the import was not applied'))
        else requestAnimationFrame(go)
      }
      go()
    })`) as number
    const applyAt = await page.evaluate('window.__importBench.applyAt') as number
    await page.waitForTimeout(SETTLE_AFTER_APPLY_MS)
    const longest = await page.evaluate(`({
      preview: window.__importBench.longestBetween(${chosenAt}, ${previewAt}),
      apply: window.__importBench.longestBetween(${applyAt}, ${appliedAt}),
      after: window.__importBench.longestBetween(${appliedAt}, performance.now()),
      tasks: (() => { const s = window.__electionPlanner.store.getState(); return Object.keys(s.plans[s.activePlanId].tasks).length })(),
    })`) as { preview: number; apply: number; after: number; tasks: number }
    if (errors.length > 0) throw new Error(`page errors during the import: ${errors.join('; ')}`)
    return {
      previewMs: previewAt - chosenAt,
      applyMs: appliedAt - applyAt,
      longestPreviewTaskMs: longest.preview,
      longestApplyTaskMs: longest.apply,
      longestAfterTaskMs: longest.after,
      tasksAfter: longest.tasks,
    }
  } finally {
    await context.close()
    await rm(folder, { recursive: true, force: true })
  }
}

/** The backup file the bench plan downloads as (what a user would import). */
export function benchBackupText(plan: Plan): string {
  return serializeBackup([plan], new Date(Date.UTC(2021, 0, 4)))
}

async function main(): Promise<void> {
  // `--write-backup <file>`: only write the bench's backup file (the end-to-end test imports it).
  const writeAt = process.argv.indexOf('--write-backup')
  if (writeAt >= 0) {
    const { generateBenchPlan } = await import('./generate-plan')
    await writeFile(process.argv[writeAt + 1]!, benchBackupText(generateBenchPlan().plan))
    return
  }
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
  const dist = process.env.BENCH_DIST ?? join(root, 'dist')
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`No build in ${dist}`)
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3))
  const { generateBenchPlan } = await import('./generate-plan')
  const { launchBrowser } = await import('../lib/browser.mjs')
  const { startStaticServer } = await import('../lib/static-server.mjs')
  const { plan } = generateBenchPlan()
  const text = benchBackupText(plan)
  const server = await startStaticServer(dist)
  const browser: Browser = await launchBrowser()
  try {
    for (let i = 0; i < runs; i += 1) {
      const r = await measureImportThroughUi(browser, `${server.url}/`, text, Object.keys(plan.tasks).length)
      process.stdout.write(`run ${i + 1}: ${JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v)])))}\n`)
    }
  } finally {
    await browser.close()
    await server.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
    process.exit(1)
  })
}
