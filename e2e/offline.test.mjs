/**
 * Installable and offline (issue 13): after the first visit the service worker (vite-plugin-pwa,
 * Workbox) has every file, so the app and its plan open with no network; and a new version waits for
 * the user's "Tải lại" (src/features/app-update) instead of reloading the page by itself.
 *
 * Build first: `npx vite build --outDir X`, then `E2E_DIST=X node --test e2e/offline.test.mjs`.
 */
import assert from 'node:assert/strict'
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from 'node:test'
import { startStaticServer } from '../scripts/lib/static-server.mjs'
import { createTaskViaForm, setupSuite, TEST_TIMEOUT_MS, waitForCalendarReady, waitForTask, withApp } from './support.mjs'

const DIST = process.env.E2E_DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const suite = setupSuite()

/** Waits until the service worker is installed and active, then reloads so that it controls the page. */
async function underServiceWorker(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
  await page.reload()
  await waitForCalendarReady(page)
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
}

test('after the first visit the app and its plan open with no network', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withApp(suite, async ({ page, context }) => {
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector('link[rel="manifest"]')
      return link ? (await fetch(link.href)).json() : null
    })
    assert.equal(manifest?.name, 'Kế hoạch tuyên truyền bầu cử')
    assert.ok(manifest.icons.some((icon) => icon.sizes === '512x512' && icon.purpose === 'maskable'), 'a maskable icon')

    await underServiceWorker(page)
    const title = 'Việc tạo trước khi mất mạng'
    await createTaskViaForm(page, { title, startDate: '12/05/2021', endDate: '12/05/2021' })
    await page.evaluate(() => window.__electionPlanner.storage.flush())

    await context.setOffline(true)
    try {
      await page.reload()
      await waitForCalendarReady(page)
      await waitForTask(page, title, { start: '2021-05-12' })
      // A lazy chunk (the list view) also comes from the cache.
      await page.getByRole('button', { name: /^(Danh sách|List)$/ }).click()
      await page.locator('[data-testid="task-list"]').waitFor()
    } finally {
      await context.setOffline(false)
    }
  })
})

test('a new version waits for the user, who reloads with the plan saved', { timeout: TEST_TIMEOUT_MS }, async () => {
  // A copy of the build, so that a "new version" can be deployed under the running page.
  const root = await mkdtemp(join(tmpdir(), 'offline-e2e-'))
  await cp(DIST, root, { recursive: true })
  const server = await startStaticServer(root)
  const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })
  const said = []
  context.on('console', (message) => { if (message.type() === 'error') said.push(message.text()) })
  try {
    const page = await context.newPage()
    page.on('pageerror', (error) => said.push(String(error)))
    await page.goto(server.url)
    await waitForCalendarReady(page)
    await underServiceWorker(page)
    assert.equal(await page.locator('[data-testid="app-update-notice"]').count(), 0, 'no notice while the version is current')

    // Deploy a new version: a changed service worker script.
    await appendFile(join(root, 'sw.js'), '\n// next version\n')
    const title = 'Việc chưa kịp lưu'
    await createTaskViaForm(page, { title, startDate: '13/05/2021', endDate: '13/05/2021' })
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration.update()))
    const notice = page.locator('[data-testid="app-update-notice"]')
    await notice.waitFor()
    assert.match(await notice.innerText(), /Có phiên bản mới/)
    if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: join(process.env.E2E_SCREENSHOTS, 'update-notice.png') })

    // Nothing reloads by itself.
    const marker = await page.evaluate(() => (window.__notReloaded = Math.random()))
    await page.waitForTimeout(1500)
    assert.equal(await page.evaluate(() => window.__notReloaded), marker, 'the page reloaded without a click')

    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: /^(Tải lại|Reload)$/ }).click()])
    await waitForCalendarReady(page)
    await waitForTask(page, title, { start: '2021-05-13' })
    assert.equal(await page.locator('[data-testid="app-update-notice"]').count(), 0, 'the new version is in charge')
    assert.deepEqual(said, [], 'console errors')
  } finally {
    await context.close()
    await server.close()
    await rm(root, { recursive: true, force: true })
  }
})
