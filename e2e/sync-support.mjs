/**
 * Shared set-up of the sync end-to-end tests (e2e/sync.test.mjs, e2e/sync-follow.test.mjs), as
 * support.mjs is for the others: both need the app AND the in-memory CouchDB-compatible server
 * (scripts/lib/sync-server.mjs) on one origin (scripts/lib/same-origin-sync-server.mjs, the server
 * under /db), which support.mjs's withApp (dist alone) does not start, and several "offices" (browser
 * contexts, each with its own storage) open at once.
 *
 * Each office gets support.mjs's guards: no request leaves the origin, no page error, no console
 * error except the browser's own "Failed to load resource" lines for the HTTP answers sync expects
 * (401 refused login, 404 of PouchDB's checkpoint probe) and the network errors of going offline.
 */
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before } from 'node:test'
import { launchBrowser } from '../scripts/lib/browser.mjs'
import { startSameOriginSyncServer } from '../scripts/lib/same-origin-sync-server.mjs'
import { OFFICE_VIEWPORT, waitForCalendarReady } from './support.mjs'

const DIST = process.env.E2E_DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** The sync server's administrator (scripts/lib/sync-server.mjs). */
export const ADMIN = { name: 'admin', password: 'admin-password' }
export const ADMIN_AUTH = 'Basic ' + Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')
/** Replication across browsers and a server, with retries after going offline. */
export const SYNC_TIMEOUT_MS = 30_000
/** Console errors the browser itself prints for answers sync expects; anything else fails the test. */
const EXPECTED_CONSOLE = [
  /^Failed to load resource: the server responded with a status of (401|404)/,
  /^Failed to load resource: net::ERR_(INTERNET_DISCONNECTED|NETWORK_CHANGED|CONNECTION_REFUSED)/,
]

/**
 * Starts the app with the sync server and the browser once for the calling test file (call at its
 * top level). Returns an object whose `server` ({ url, syncUrl, databaseUrl(name) }) and `browser`
 * are set once `before` has run; every office opened with `openOffice` is closed after the file.
 */
export function setupSyncSuite() {
  const suite = { server: null, browser: null, offices: [] }
  before(async () => {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error(`No build in ${DIST}: run \`npx vite build\` first.`)
    suite.server = await startSameOriginSyncServer(DIST)
    suite.browser = await launchBrowser()
  })
  after(async () => {
    for (const office of suite.offices) await office.context.close().catch(() => {})
    await suite.browser?.close()
    await suite.server?.close()
    // express-pouchdb leaves a timer of a cancelled long-polling _changes feed behind (in this process:
    // the server runs in it), so the file would never end and `node --test e2e/` would wait forever.
    // Once everything is closed and reported, leave; the runner's exit code still says what failed.
    setTimeout(() => process.exit(), 1000).unref()
  })
  return suite
}

/**
 * One office: a fresh context (its own storage) with the app open, and its guards. `allowConsole`:
 * more console errors a test provokes on purpose (e.g. a page the CSP keeps from a foreign server).
 */
export async function openOffice(suite, { viewport = OFFICE_VIEWPORT, allowConsole = [] } = {}) {
  const origin = new URL(suite.server.url).origin
  const context = await suite.browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })
  context.setDefaultTimeout(10_000)
  const guard = { foreign: [], pageErrors: [], consoleErrors: [] }
  await context.route((url) => url.origin !== origin && !url.href.startsWith('data:') && !url.href.startsWith('blob:'), (route) => {
    guard.foreign.push(route.request().url())
    return route.abort('blockedbyclient')
  })
  const page = await context.newPage()
  page.on('pageerror', (error) => guard.pageErrors.push(String(error?.stack ?? error)))
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const text = message.text()
    if (![...EXPECTED_CONSOLE, ...allowConsole].some((re) => re.test(text))) guard.consoleErrors.push(text)
  })
  page.on('dialog', (dialog) => void dialog.dismiss().catch(() => {}))
  await page.goto(suite.server.url)
  await waitForCalendarReady(page)
  const office = { context, page, guard }
  suite.offices.push(office)
  return office
}

/** What the office's guards recorded must be empty; `foreignAllowed` for a test that reaches out on purpose. */
export function assertGuards(office, { foreignAllowed = false } = {}) {
  if (!foreignAllowed) assert.deepEqual(office.guard.foreign, [], 'requests left the page\'s origin')
  assert.deepEqual(office.guard.pageErrors, [], 'uncaught errors in the page')
  assert.deepEqual(office.guard.consoleErrors, [], 'console errors')
}

/** axe-core on the open dialog: no serious or critical WCAG 2.1 A/AA issue. */
export async function assertNoSeriousAxeIssues(page, what) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document.querySelector('dialog[open]'), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
  })
  assert.deepEqual(violations, [], `axe found serious or critical issues in ${what}`)
}
