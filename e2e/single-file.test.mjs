/**
 * The one-file copy (issue 13): `dist/ke-hoach-tuyen-truyen.html` (scripts/build-single-file.mjs),
 * opened with file:// as a double-click would. It must show the plan, keep a new task across a
 * reload, register no service worker, and produce no console error (a CSP that blocked its own
 * inline script, a module script or a stylesheet blocked under file://, a missing file).
 *
 * Build first: `npx vite build --outDir X && node scripts/build-single-file.mjs X`, then
 * `E2E_DIST=X node --test e2e/single-file.test.mjs`.
 */
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { after, before, test } from 'node:test'
import { launchBrowser } from '../scripts/lib/browser.mjs'
import { createTaskViaForm, OFFICE_VIEWPORT, TEST_TIMEOUT_MS, waitForCalendarReady, waitForTask } from './support.mjs'

const DIST = process.env.E2E_DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const FILE = join(DIST, 'ke-hoach-tuyen-truyen.html')

let browser
before(async () => {
  if (!existsSync(FILE)) throw new Error(`No ${FILE}: run \`node scripts/build-single-file.mjs ${DIST}\` first.`)
  browser = await launchBrowser()
})
after(async () => browser?.close())

test('the single file opens from file://, shows the 2021 plan and keeps a new task across a reload', { timeout: TEST_TIMEOUT_MS }, async () => {
  const html = readFileSync(FILE, 'utf8')
  assert.doesNotMatch(html, /<script\b[^>]*\bsrc=/, 'the single file loads a script file')
  assert.doesNotMatch(html, /<link\b[^>]*rel="stylesheet"/, 'the single file loads a stylesheet file')
  assert.match(html, /script-src 'sha256-[A-Za-z0-9+/=]+'/, 'the CSP allows the file\'s own scripts by hash')
  assert.doesNotMatch(html, /script-src[^;]*'unsafe-inline'/, 'the CSP allows any inline script')

  const context = await browser.newContext({ viewport: OFFICE_VIEWPORT, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })
  const said = []
  const requests = []
  context.on('request', (request) => requests.push(request.url()))
  context.on('console', (message) => { if (message.type() === 'error') said.push(message.text()) })
  context.on('page', (page) => page.on('pageerror', (error) => said.push(String(error))))
  try {
    const page = await context.newPage()
    await page.goto(pathToFileURL(FILE).href)
    await waitForCalendarReady(page)
    const first = await page.evaluate(() => {
      const state = window.__electionPlanner.store.getState()
      const plan = state.plans[state.activePlanId]
      return { electionDate: plan.election.electionDay, tasks: Object.keys(plan.tasks).length }
    })
    assert.equal(first.electionDate, '2021-05-23', 'the first run opens the 2021 template')
    assert.ok(first.tasks >= 55, `the template's tasks are there (${first.tasks})`)
    assert.ok(await page.locator('.fc-event').count() > 0, 'the calendar shows tasks')

    const title = 'Kiểm tra bản một tệp'
    await createTaskViaForm(page, { title, startDate: '10/05/2021', endDate: '11/05/2021' })
    await waitForTask(page, title)
    await page.evaluate(() => window.__electionPlanner.storage.flush())
    await page.reload()
    await waitForCalendarReady(page)
    await waitForTask(page, title, { start: '2021-05-10' })

    assert.equal(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), null, 'no service worker under file://')
    assert.deepEqual(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:') && !url.startsWith('blob:')), [], 'requests left the file')
    assert.deepEqual(said, [], 'console errors (a blocked script or style, a CSP report, a missing file)')
  } finally {
    await context.close()
  }
})
