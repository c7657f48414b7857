/**
 * Shared helpers for the end-to-end tests (node:test + playwright-core on Debian's Chromium).
 *
 * Per test file: one static server on 127.0.0.1 serving dist/, one browser. Per test: a fresh browser
 * context (so a fresh, empty localStorage), with two guards that every test gets without asking:
 * - every request any page makes must go to the server's own origin (data: and blob: allowed); a
 *   request elsewhere is also aborted before it leaves the machine;
 * - no console message of type 'error', no uncaught page error and no window.alert/confirm/prompt.
 *
 * Build first: `npx vite build`, then `node --test --test-concurrency=1 e2e/`.
 */
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before } from 'node:test'
import { launchBrowser } from '../scripts/lib/browser.mjs'
import { startStaticServer } from '../scripts/lib/static-server.mjs'

/** The build under test; E2E_DIST points elsewhere (e.g. a deliberately broken build, to see a test fail). */
const DIST = process.env.E2E_DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')

/** The design's office screen (shared/design.md). */
export const OFFICE_VIEWPORT = { width: 1366, height: 768 }
/**
 * Tall enough that no month cell of the 2021 plan folds its events into "+n nữa", so a task's
 * event element is on screen to be seen and dragged.
 */
export const TALL_VIEWPORT = { width: 1366, height: 2600 }

export const DOCUMENT_KEY = 'election-planner:document'
export const UNREADABLE_PREFIX = 'election-planner:unreadable:'

/** Per-test timeout for node:test; Playwright's own waits are shorter so failures say what hung. */
export const TEST_TIMEOUT_MS = 60_000
const ACTION_TIMEOUT_MS = 10_000

/**
 * Starts the server and the browser once for the calling test file (call at the file's top level).
 * Returns an object whose `server` and `browser` are set once `before` has run.
 */
export function setupSuite() {
  const suite = { server: null, browser: null }
  before(async () => {
    if (!existsSync(join(DIST, 'index.html'))) {
      throw new Error(`No build in ${DIST}: run \`npx vite build\` before the end-to-end tests.`)
    }
    suite.server = await startStaticServer(DIST)
    suite.browser = await launchBrowser()
  })
  after(async () => {
    await suite.browser?.close()
    await suite.server?.close()
  })
  return suite
}

/**
 * Runs `body` with a fresh context and its first page already on the app, then checks the guards.
 * `body` receives { page, context, origin, openPage, guard }: `openPage()` opens another tab of the
 * app in the same context (same localStorage), `guard` exposes what the guards recorded.
 */
export async function withApp(suite, body, { viewport = OFFICE_VIEWPORT } = {}) {
  const origin = new URL(suite.server.url).origin
  // A user in Vietnam: the save status shows local time, and the app's "today" is Vietnam's.
  const context = await suite.browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })
  context.setDefaultTimeout(ACTION_TIMEOUT_MS)
  const guard = { requests: [], foreignRequests: [], consoleErrors: [], consoleWarnings: [], pageErrors: [], dialogs: [] }

  const isOwnOrigin = (url) => {
    const parsed = new URL(url)
    return parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.origin === origin
  }
  // Nothing may leave loopback, even if the app tried: abort, and record it for the assertion.
  await context.route((url) => !isOwnOrigin(url.href), (route) => route.abort('blockedbyclient'))
  context.on('request', (request) => {
    guard.requests.push(request.url())
    if (!isOwnOrigin(request.url())) guard.foreignRequests.push(request.url())
  })
  context.on('console', (message) => {
    if (message.type() === 'error') guard.consoleErrors.push(message.text())
    else if (message.type() === 'warning') guard.consoleWarnings.push(message.text())
  })
  context.on('page', (page) => {
    page.on('pageerror', (error) => guard.pageErrors.push(String(error?.stack ?? error)))
    page.on('dialog', (dialog) => {
      guard.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
      void dialog.dismiss().catch(() => {})
    })
  })

  const openPage = async () => {
    const page = await context.newPage()
    await page.goto(suite.server.url)
    await waitForCalendarReady(page)
    return page
  }

  try {
    const page = await openPage()
    await body({ page, context, origin, openPage, guard })
  } catch (error) {
    // What the page said is often why the test failed: add it, and keep a picture of each tab.
    const shots = await screenshotPages(context)
    const said = [...guard.pageErrors, ...guard.consoleErrors, ...guard.foreignRequests.map((u) => `foreign request: ${u}`)]
    if (error instanceof Error) {
      error.message += `${said.length ? `\n  page said: ${said.join('\n    ')}` : ''}${shots.length ? `\n  screenshots: ${shots.join(', ')}` : ''}`
    }
    throw error
  } finally {
    await context.close()
  }
  // Warnings do not fail a test (browsers add their own), but they are worth seeing.
  for (const warning of guard.consoleWarnings) process.stderr.write(`console warning: ${warning}\n`)
  assert.ok(guard.requests.some((url) => url.startsWith(origin)), 'the request guard saw no request at all')
  assert.deepEqual(guard.foreignRequests, [], 'requests left the page\'s own origin')
  assert.deepEqual(guard.pageErrors, [], 'uncaught errors in the page')
  assert.deepEqual(guard.consoleErrors, [], 'console errors')
  assert.deepEqual(guard.dialogs, [], 'unexpected alert/confirm/prompt dialogs')
}

async function screenshotPages(context) {
  const dir = join(tmpdir(), 'election-planner-e2e')
  const paths = []
  try {
    await mkdir(dir, { recursive: true })
    for (const [i, page] of context.pages().entries()) {
      const path = join(dir, `failure-${Date.now()}-${i}.png`)
      await page.screenshot({ path, timeout: 5_000 })
      paths.push(path)
    }
  } catch {
    // A screenshot is a courtesy; never hide the real failure behind it.
  }
  return paths
}

/** The app has rendered its calendar (or list) and the debug handle is there. */
export async function waitForCalendarReady(page) {
  await page.waitForFunction(() => window.__electionPlanner !== undefined)
  await page.locator('[data-testid="period-title"]').waitFor()
  const view = await page.evaluate(() => window.__electionPlanner.store.getState().calendar.view)
  if (view === 'list') await page.locator('[data-testid="task-list"]').waitFor()
  // A phone's month is the app's own grid (phone-month-view.tsx), every other calendar FullCalendar's.
  else await page.locator('.fc-view-harness .fc-view, [data-testid="phone-month"]').first().waitFor()
}

/** The active plan, read from the store. */
export function activePlan(page) {
  return page.evaluate(() => {
    const state = window.__electionPlanner.store.getState()
    return state.plans[state.activePlanId]
  })
}

/** Every task of the active plan with this exact title. */
export async function tasksTitled(page, title) {
  const plan = await activePlan(page)
  return Object.values(plan.tasks).filter((task) => task.title === title)
}

/** The one task with this title (fails when there is none or more than one). */
export async function taskTitled(page, title) {
  const found = await tasksTitled(page, title)
  assert.equal(found.length, 1, `expected exactly one task titled ${JSON.stringify(title)}, found ${found.length}`)
  return found[0]
}

/** Waits until the store holds a task with this title whose fields match `expected`. */
export async function waitForTask(page, title, expected = {}) {
  try {
    await page.waitForFunction(
      ({ title, expected }) => {
        const state = window.__electionPlanner.store.getState()
        return Object.values(state.plans[state.activePlanId].tasks)
          .some((task) => task.title === title && Object.entries(expected).every(([k, v]) => task[k] === v))
      },
      { title, expected },
    )
  } catch (error) {
    if (error?.name !== 'TimeoutError') throw error
    const found = (await tasksTitled(page, title)).map((task) => Object.fromEntries(Object.keys(expected).map((k) => [k, task[k]])))
    assert.fail(`no task ${JSON.stringify(title)} with ${JSON.stringify(expected)} in the store; found ${JSON.stringify(found)}`)
  }
}

/** The task editor dialog (a <dialog open>). */
export function editorDialog(page) {
  return page.locator('dialog[open].task-editor')
}

/** Opens "+ Thêm nhiệm vụ" (or "+ Add task") and waits for the dialog. */
export async function openNewTaskForm(page) {
  await page.getByRole('button', { name: /^\+ (Thêm nhiệm vụ|Add task)$/ }).click()
  await editorDialog(page).waitFor()
  return editorDialog(page)
}

/**
 * Creates a task through the form, as a user would. Dates are dd/mm/yyyy text; `channel` is an
 * option's visible label (or omitted). Waits for the dialog to close.
 */
export async function createTaskViaForm(page, { title, startDate, endDate, channel }) {
  const dialog = await openNewTaskForm(page)
  await dialog.locator('textarea[name="title"]').fill(title)
  await dialog.locator('input[name="startDate"]').fill(startDate)
  await dialog.locator('input[name="endDate"]').fill(endDate)
  if (channel) await dialog.locator('select[name="channelId"]').selectOption({ label: channel })
  await dialog.getByRole('button', { name: /^(Lưu|Save)$/ }).click()
  await dialog.waitFor({ state: 'detached' })
}

/** The month-view event element of the task with this title (first segment). */
export function taskEvent(page, title) {
  return page.locator('.fc-daygrid .fc-event.task-event', { hasText: title }).first()
}

/** A day cell of the month view. */
export function dayCell(page, isoDate) {
  return page.locator(`.fc-daygrid td.fc-daygrid-day[data-date="${isoDate}"]`)
}

/**
 * The ISO date of the month-view cell under the left end of the event with this title. FullCalendar
 * places a segment in the table cell of its first day, but we read the geometry, which is what the
 * user sees.
 */
export async function dayUnderEventStart(page, title) {
  const box = await taskEvent(page, title).boundingBox()
  assert.ok(box, `the event ${JSON.stringify(title)} is not visible`)
  return dayAtPoint(page, box.x + 4, box.y + box.height / 2)
}

/** The ISO date of the month-view cell under the right end of the event with this title. */
export async function dayUnderEventEnd(page, title) {
  const box = await taskEvent(page, title).boundingBox()
  assert.ok(box, `the event ${JSON.stringify(title)} is not visible`)
  return dayAtPoint(page, box.x + box.width - 4, box.y + box.height / 2)
}

function dayAtPoint(page, x, y) {
  return page.evaluate(({ x, y }) => {
    for (const cell of document.querySelectorAll('.fc-daygrid td.fc-daygrid-day[data-date]')) {
      const r = cell.getBoundingClientRect()
      if (x >= r.left && x < r.right && y >= r.top && y < r.bottom) return cell.getAttribute('data-date')
    }
    return null
  }, { x, y })
}

/**
 * Drags the event with this title from the day it starts on to `toDate` with real mouse moves
 * (FullCalendar's drag listens to pointer moves and needs more than a few pixels of travel).
 */
export async function dragTaskToDay(page, title, toDate) {
  const event = taskEvent(page, title)
  await event.scrollIntoViewIfNeeded()
  const box = await event.boundingBox()
  assert.ok(box, `the event ${JSON.stringify(title)} is not visible`)
  const target = await dayCell(page, toDate).boundingBox()
  assert.ok(target, `the day cell ${toDate} is not visible`)
  // Grab the event near its left end (over its first day) and drop at the same spot of the target day.
  const grabX = box.x + Math.min(12, box.width / 4)
  const grabY = box.y + box.height / 2
  await page.mouse.move(grabX, grabY)
  await page.mouse.down()
  await page.mouse.move(grabX + 6, grabY + 6, { steps: 3 })
  await page.mouse.move(target.x + 20, target.y + target.height / 2, { steps: 12 })
  await page.mouse.move(target.x + 22, target.y + target.height / 2 + 2, { steps: 2 })
  await page.mouse.up()
}

/** Writes any pending save now (the adapter's own flush, as on page hide). */
export async function flushSave(page) {
  await page.evaluate(() => window.__electionPlanner.storage.flush())
}

/** Waits until the save status shows a finished save ("Đã lưu lúc …") and storage has no pending write. */
export async function waitForSaved(page) {
  await page.locator('[data-testid="save-status"][data-kind="saved"]').waitFor()
  await assertText(page.locator('[data-testid="save-status"]'), /^(Đã lưu lúc|Saved at) \d\d:\d\d$/)
}

/** The saved document, with its plans read back from their own (compressed) keys by the app's reader. */
export async function savedDocument(page) {
  return page.evaluate(() => window.__electionPlanner.storage.readSavedDocument())
}

/** Asserts a locator's text (trimmed) equals a string or matches a RegExp, waiting for it to settle. */
export async function assertText(locator, expected, message) {
  const deadline = Date.now() + ACTION_TIMEOUT_MS
  let text = null
  for (;;) {
    text = ((await locator.textContent({ timeout: ACTION_TIMEOUT_MS })) ?? '').trim()
    const ok = expected instanceof RegExp ? expected.test(text) : text === expected
    if (ok) return text
    if (Date.now() > deadline) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  if (expected instanceof RegExp) assert.match(text, expected, message)
  else assert.equal(text, expected, message)
  return text
}

/**
 * Retries `check` (which throws, e.g. an assertion) until it passes or the time is up, then rethrows
 * its last error. For what the page shows a frame or two after the store changed.
 */
export async function eventually(check, timeoutMs = ACTION_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

/** Moves keyboard focus off any control, so shortcuts reach the page as they would from its body. */
export async function focusPageBody(page) {
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
  })
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY')
}

/** Every copy kept under an `unreadable:` key, key → original text (read through the app's reader: copies are stored compressed). */
export function unreadableCopies(page) {
  return page.evaluate((prefix) => {
    const copies = {}
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i)
      if (key.startsWith(prefix)) copies[key] = window.__electionPlanner.storage.readKeptCopy(key)
    }
    return copies
  }, UNREADABLE_PREFIX)
}

/** Opens "Nhập", chooses the file and returns the open import dialog. */
export async function importThroughUi(page, name, mimeType, buffer) {
  await page.getByRole('button', { name: 'Nhập', exact: true }).click()
  const dialog = page.locator('dialog[open].import-dialog')
  await dialog.waitFor()
  await dialog.getByTestId('import-file').setInputFiles({ name, mimeType, buffer })
  return dialog
}
