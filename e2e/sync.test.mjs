/**
 * Sync between offices (issue 13), end to end in Chromium: two browser contexts of the same build
 * (two offices, each with its own storage) and the in-memory CouchDB-compatible server
 * (scripts/lib/sync-suite.server.mjs, started here on a free port of 127.0.0.1). The app and the server
 * share one origin (scripts/lib/same-origin-sync-suite.server.mjs: the server under /db), the deployment
 * the README recommends, so the page's CSP `connect-src 'self'` is the one under test.
 *
 * Covered: both offices connect through the "Đồng bộ" dialog; both go offline and each moves a
 * different task; back online both see both moves and so does the server; then both move the SAME
 * task differently offline: both converge on one version, both list the conflict, one resolves it
 * ("Giữ bản kia") and the losing revision is gone everywhere; a reload keeps all of it. The dialog's
 * messages for a refused login, a forbidden database, a bad address and a server the page may not
 * reach. axe-core: no serious/critical issue in the dialogs.
 *
 * Set-up and guards: e2e/sync-support.mjs (support.mjs's withApp serves dist alone).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ADMIN, ADMIN_AUTH, assertGuards, assertNoSeriousAxeIssues, openOffice as openOfficeIn, setupSyncSuite, SYNC_TIMEOUT_MS } from './sync-support.mjs'
import { eventually, TEST_TIMEOUT_MS, waitForCalendarReady } from './support.mjs'

const suite = setupSyncSuite()
const openOffice = (options) => openOfficeIn(suite, options)

function syncDialog(page) {
  return page.locator('dialog[open].sync-dialog')
}

/** Opens "Đồng bộ" from the top bar's status and fills the form; returns the dialog. */
async function fillConnectForm(page, address, user, password) {
  await page.getByTestId('sync-status').click()
  const dialog = syncDialog(page)
  await dialog.getByTestId('sync-connect-form').waitFor()
  await dialog.getByLabel(/^Địa chỉ máy chủ/).fill(address)
  await dialog.getByLabel('Tên đăng nhập').fill(user)
  await dialog.getByLabel('Mật khẩu', { exact: true }).fill(password)
  await dialog.getByTestId('sync-connect').click()
  return dialog
}

async function connect(page, database, outcome) {
  const dialog = await fillConnectForm(page, suite.server.databaseUrl(database), ADMIN.name, ADMIN.password)
  await dialog.getByTestId('sync-connection').waitFor({ timeout: SYNC_TIMEOUT_MS })
  assert.equal(await dialog.getByTestId('sync-outcome').textContent(), outcome)
  await dialog.getByRole('button', { name: 'Đóng' }).click()
  await dialog.waitFor({ state: 'detached' })
}

/** The active plan's task `id` in a page's store (start, end). */
function taskIn(page, id) {
  return page.evaluate((id) => {
    const state = window.__electionPlanner.store.getState()
    const task = state.plans[state.activePlanId].tasks[id]
    return task ? { start: task.start, end: task.end } : null
  }, id)
}

function moveTask(page, id, start, end) {
  return page.evaluate(({ id, start, end }) => window.__electionPlanner.store.getState().moveTask(id, { start, end, allDay: true }), { id, start, end })
}

async function waitForTaskStart(page, id, start) {
  try {
    await page.waitForFunction(({ id, start }) => {
      const state = window.__electionPlanner.store.getState()
      return state.plans[state.activePlanId].tasks[id]?.start === start
    }, { id, start }, { timeout: SYNC_TIMEOUT_MS })
  } catch (error) {
    assert.fail(`task ${id} did not reach start ${start} (has ${JSON.stringify(await taskIn(page, id))}): ${error.message}`)
  }
}

async function serverDoc(database, id, query = '') {
  const response = await fetch(`${suite.server.syncUrl}/${database}/${encodeURIComponent(id)}${query}`, { headers: { Authorization: ADMIN_AUTH } })
  assert.equal(response.status, 200, `server GET ${database}/${id}`)
  return response.json()
}

test('two offices: offline edits meet, a conflict converges, is reviewed and resolved, and a reload keeps it', { timeout: 180_000 }, async () => {
  const database = 'kh-hai-co-quan'
  const a = await openOffice()
  const b = await openOffice()
  assert.equal(await a.page.getByTestId('sync-status-text').textContent(), 'Chỉ trên máy này')

  await connect(a.page, database, 'Đã tạo cơ sở dữ liệu và gửi kế hoạch lên máy chủ.')
  await eventually(async () => assert.match(await a.page.getByTestId('sync-status-text').textContent(), /^Đã đồng bộ( lúc \d\d:\d\d)?$/), SYNC_TIMEOUT_MS)
  // Two plain one-off tasks of office A's plan (the 2021 sample).
  const [x, y] = await a.page.evaluate(() => {
    const state = window.__electionPlanner.store.getState()
    return Object.values(state.plans[state.activePlanId].tasks)
      .filter((t) => t.allDay && !t.recurrence && t.anchor.type === 'fixed')
      .sort((p, q) => p.id.localeCompare(q.id)).slice(0, 2).map((t) => t.id)
  })
  assert.ok(x && y, 'two fixed one-off tasks in the sample plan')

  // Office B joins: its open plan becomes the server's.
  await connect(b.page, database, 'Đã tham gia: kế hoạch đã được lấy từ máy chủ.')
  assert.deepEqual(await taskIn(b.page, x), await taskIn(a.page, x))

  // Both offline; each moves a different task.
  await a.context.setOffline(true)
  await b.context.setOffline(true)
  await moveTask(a.page, x, '2021-04-05', '2021-04-07')
  await moveTask(b.page, y, '2021-04-12', '2021-04-15')
  for (const { page } of [a, b]) {
    await eventually(async () => assert.match(await page.getByTestId('sync-status-text').textContent(), /^Ngoại tuyến/))
  }
  await a.context.setOffline(false)
  await b.context.setOffline(false)
  for (const { page } of [a, b]) {
    await waitForTaskStart(page, x, '2021-04-05')
    await waitForTaskStart(page, y, '2021-04-12')
  }
  await eventually(async () => {
    assert.equal((await serverDoc(database, x)).start, '2021-04-05')
    assert.equal((await serverDoc(database, y)).start, '2021-04-12')
  }, SYNC_TIMEOUT_MS)

  // Both offline again; the SAME task moved differently on each.
  await a.context.setOffline(true)
  await b.context.setOffline(true)
  await moveTask(a.page, x, '2021-04-20', '2021-04-22')
  await moveTask(b.page, x, '2021-04-26', '2021-04-29')
  await a.page.waitForTimeout(300)
  await a.context.setOffline(false)
  await b.context.setOffline(false)
  // Both converge on CouchDB's one winner, the server's, and both list the conflict.
  let winnerStart = null
  await eventually(async () => {
    const doc = await serverDoc(database, x, '?conflicts=true')
    assert.equal(doc._conflicts?.length, 1, 'the server keeps the losing revision as a conflict')
    const [onA, onB] = [await taskIn(a.page, x), await taskIn(b.page, x)]
    assert.deepEqual(onA, onB, 'both offices show the same version')
    assert.equal(onA.start, doc.start, 'the version shown is the server\'s winner')
    winnerStart = doc.start
  }, SYNC_TIMEOUT_MS)
  const loserStart = winnerStart === '2021-04-20' ? '2021-04-26' : '2021-04-20'
  for (const { page } of [a, b]) {
    await eventually(async () => assert.equal(await page.getByTestId('sync-conflict-count').textContent(), '1 xung đột'), SYNC_TIMEOUT_MS)
  }

  // Office A reviews it: the status opens the review; the dates row is marked as different.
  await a.page.getByTestId('sync-status').click()
  const review = syncDialog(a.page)
  await review.getByTestId('conflict-list').waitFor()
  await assertNoSeriousAxeIssues(a.page, 'the conflict list')
  await review.getByRole('button', { name: /^Xem lại:/ }).click()
  const table = review.getByTestId('conflict-table')
  await table.waitFor()
  assert.equal(await table.locator('tr[data-field="dates"]').getAttribute('data-differs'), 'true')
  assert.equal(await table.locator('tr[data-field="title"]').getAttribute('data-differs'), 'false')
  const fmt = (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
  assert.match(await table.locator('tr[data-field="dates"] td').nth(0).textContent(), new RegExp(`^${fmt(winnerStart)}`))
  assert.match(await table.locator('tr[data-field="dates"] td').nth(1).textContent(), new RegExp(`^${fmt(loserStart)}`))
  await assertNoSeriousAxeIssues(a.page, 'the conflict review')
  await review.getByRole('button', { name: 'Giữ bản kia' }).click()
  await review.getByTestId('sync-no-conflicts').waitFor()
  assert.equal(await review.getByTestId('sync-conflict-notice').textContent(), 'Đã giải quyết xung đột.')
  await review.getByRole('button', { name: 'Đóng' }).click()

  // The other version everywhere, and the losing revision removed on the server and in both browsers.
  for (const { page } of [a, b]) {
    await waitForTaskStart(page, x, loserStart)
    await page.getByTestId('sync-conflict-count').waitFor({ state: 'detached', timeout: SYNC_TIMEOUT_MS })
  }
  await eventually(async () => {
    const doc = await serverDoc(database, x, '?conflicts=true')
    assert.equal(doc.start, loserStart)
    assert.equal(doc._conflicts, undefined, 'no conflict left on the server')
  }, SYNC_TIMEOUT_MS)

  // Reload both: the same plan, still connected, no conflict.
  for (const { page } of [a, b]) {
    await page.reload()
    await waitForCalendarReady(page)
    assert.deepEqual(await taskIn(page, x), { start: loserStart, end: (await serverDoc(database, x)).end })
    assert.equal((await taskIn(page, y)).start, '2021-04-12')
    await eventually(async () => assert.match(await page.getByTestId('sync-status-text').textContent(), /^Đã đồng bộ/), SYNC_TIMEOUT_MS)
    assert.equal(await page.getByTestId('sync-conflict-count').count(), 0)
  }
  // An edit after the reload still travels (the connection was resumed, not just shown).
  await moveTask(b.page, y, '2021-04-13', '2021-04-16')
  await waitForTaskStart(a.page, y, '2021-04-13')
  assertGuards(a)
  assertGuards(b)
})

test('the dialog explains a refused login, a forbidden database, a bad address and an unreachable server; the plan stays local', { timeout: TEST_TIMEOUT_MS }, async () => {
  // The address on another origin is refused by the page's CSP (connect-src 'self'): the browser says so.
  const office = await openOffice({ allowConsole: [/Content Security Policy/i, /Refused to connect/i, /status of 403/] })
  const { page } = office
  const before = await page.evaluate(() => JSON.stringify(window.__electionPlanner.store.getState().plans))

  const cases = [
    { address: suite.server.databaseUrl('kh-thu'), user: 'admin', password: 'sai-mat-khau', kind: 'unauthorised', text: /^Máy chủ từ chối đăng nhập/ },
    // An ordinary user may not create a database (only a server admin may).
    { address: suite.server.databaseUrl('kh-moi-cua-huyen'), user: 'huyen', password: 'huyen-password', kind: 'forbidden', text: /^Tài khoản này không có quyền/ },
    { address: 'couchdb.example.gov.vn', user: 'admin', password: 'x', kind: 'bad-address', text: /^Địa chỉ không đúng/ },
    { address: 'http://127.0.0.1:9/kh-thu', user: 'admin', password: 'x', kind: 'unreachable', text: /^Không liên lạc được với máy chủ/ },
  ]
  for (const [i, c] of cases.entries()) {
    const dialog = i === 0 ? await fillConnectForm(page, c.address, c.user, c.password) : syncDialog(page)
    if (i > 0) {
      await dialog.getByLabel(/^Địa chỉ máy chủ/).fill(c.address)
      await dialog.getByLabel('Tên đăng nhập').fill(c.user)
      await dialog.getByLabel('Mật khẩu', { exact: true }).fill(c.password)
      await dialog.getByTestId('sync-connect').click()
    }
    const error = dialog.getByTestId('sync-error')
    await error.waitFor()
    assert.equal(await error.getAttribute('data-kind'), c.kind, c.address)
    assert.match(await error.locator('.sync-error-text').textContent(), c.text)
    assert.match(await error.locator('.sync-error-text').textContent(), /Công việc trên máy này vẫn được giữ/)
    // Still "on this computer only"; once sent, the password is gone from the form too (a bad address sends nothing).
    if (c.kind !== 'bad-address') assert.equal(await dialog.getByLabel('Mật khẩu', { exact: true }).inputValue(), '')
    assert.equal(await page.getByTestId('sync-status-text').textContent(), 'Chỉ trên máy này')
    if (i === 0) await assertNoSeriousAxeIssues(page, 'the connect dialog with an error')
  }
  assert.deepEqual(JSON.parse(await page.evaluate(() => localStorage.getItem('election-planner:sync:connections')) ?? '{}'), {}, 'no connection saved')
  await syncDialog(page).getByRole('button', { name: 'Đóng' }).click()
  assert.equal(await page.evaluate(() => JSON.stringify(window.__electionPlanner.store.getState().plans)), before, 'the local plan is untouched')

  // English: the same refusal in the user's language.
  await page.locator('button.language-button').click()
  await page.getByTestId('sync-status').click()
  const dialog = syncDialog(page)
  await dialog.getByLabel(/^Server and database address/).fill(suite.server.databaseUrl('kh-thu'))
  await dialog.getByLabel('User name').fill('admin')
  await dialog.getByLabel('Password', { exact: true }).fill('wrong')
  await dialog.getByTestId('sync-connect').click()
  assert.match(await dialog.getByTestId('sync-error').locator('.sync-error-text').textContent(), /^The server refused the login/)
  assertGuards(office, { foreignAllowed: true })
})
