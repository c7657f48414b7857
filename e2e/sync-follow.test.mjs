/**
 * Province → districts (issue 13), end to end in Chromium: a province office connects its plan; a
 * district office derives its plan from the 2021 template (same task ids as the province's), follows
 * the province's database read-only ("Theo dõi kế hoạch cấp trên") and sees the tasks meant for it;
 * the province edits one and adds one → the district sees both; the district copies the new one into
 * its plan (one undo step), connects its own plan to its own database with the same user, and the
 * province's database never holds anything of the district's (nor a checkpoint: no write at all). The follow dialog's messages for a
 * refused login, a database that is not there and one it may not read (and English); offline and
 * back; axe-core: no serious/critical issue; a reload
 * follows again; "Ngừng theo dõi" forgets it.
 *
 * Set-up and guards: e2e/sync-support.mjs (the app and the in-memory server on one origin, /db).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ADMIN_AUTH, assertGuards, assertNoSeriousAxeIssues, openOffice as openOfficeIn, setupSyncSuite, SYNC_TIMEOUT_MS } from './sync-support.mjs'
import { waitForCalendarReady } from './support.mjs'

const suite = setupSyncSuite()
const openOffice = () => openOfficeIn(suite)

async function admin(path, method = 'GET', body) {
  const response = await fetch(`${suite.server.syncUrl}${path}`, {
    method, headers: { Authorization: ADMIN_AUTH, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: await response.json().catch(() => null) }
}

const activePlan = (page) => page.evaluate(() => {
  const state = window.__electionPlanner.store.getState()
  return state.plans[state.activePlanId]
})

/** Changes the active plan in the page as an edit (the sync engine sends it). */
function editPlan(page, update) {
  return page.evaluate((update) => {
    const store = window.__electionPlanner.store
    const state = store.getState()
    const plan = state.plans[state.activePlanId]
    const tasks = { ...plan.tasks }
    for (const [id, task] of Object.entries(update)) tasks[id] = { ...(tasks[id] ?? {}), ...task, updatedAt: Date.now() }
    state.replaceActivePlan({ ...plan, tasks })
  }, update)
}

async function openFollowDialog(page) {
  await page.getByTestId('sync-status').click()
  await page.locator('dialog[open].sync-dialog').getByTestId('sync-open-follow').click()
  const dialog = page.locator('dialog[open].follow-dialog')
  await dialog.waitFor()
  return dialog
}

async function fillFollowForm(dialog, address, user, password) {
  await dialog.getByLabel(/^Địa chỉ máy chủ/).fill(address)
  await dialog.getByLabel('Tên đăng nhập').fill(user)
  await dialog.getByLabel('Mật khẩu', { exact: true }).fill(password)
  await dialog.getByTestId('follow-submit').click()
}

test('a district follows the province plan read-only, sees its changes, copies a task, and never writes to it', { timeout: 180_000 }, async () => {
  // The province: its plan in kh-tinh, which district users may read. No validate_doc_update here:
  // express-pouchdb's validation silently drops replicated updates of existing documents whenever a
  // database has one (pouchdb-server issues #272, #419; not CouchDB's behaviour), so the province's
  // own edits would not arrive. src/store/sync/sync-follow.test.ts checks the follower against a guard.
  const province = await openOffice()
  await province.page.getByTestId('sync-status').click()
  const connectDialog = province.page.locator('dialog[open].sync-dialog')
  await connectDialog.getByLabel(/^Địa chỉ máy chủ/).fill(suite.server.databaseUrl('kh-tinh'))
  await connectDialog.getByLabel('Tên đăng nhập').fill('admin')
  await connectDialog.getByLabel('Mật khẩu', { exact: true }).fill('admin-password')
  await connectDialog.getByTestId('sync-connect').click()
  await connectDialog.getByTestId('sync-connection').waitFor({ timeout: SYNC_TIMEOUT_MS })
  await connectDialog.getByRole('button', { name: 'Đóng' }).click()
  assert.equal((await admin('/kh-tinh/_security', 'PUT', { admins: { names: [], roles: [] }, members: { names: [], roles: ['province', 'district'] } })).status, 200)
  // The district's own database (only a server admin creates one), where the district user may write.
  assert.equal((await admin('/kh-huyen', 'PUT')).status, 201)
  assert.equal((await admin('/kh-huyen/_security', 'PUT', { admins: { names: [], roles: [] }, members: { names: [], roles: ['district'] } })).status, 200)
  assert.equal((await admin('/kh-rieng-tinh', 'PUT')).status, 201)
  assert.equal((await admin('/kh-rieng-tinh/_security', 'PUT', { admins: { names: [], roles: [] }, members: { names: [], roles: ['province'] } })).status, 200)
  const provincePlan = await activePlan(province.page)

  // The district derives its plan (the defaults: district and commune tasks).
  const district = await openOffice()
  const { page } = district
  await page.getByRole('button', { name: 'Kế hoạch / Kế hoạch mới' }).click()
  const plansDialog = page.locator('dialog[open].plans-dialog')
  await plansDialog.locator('input[name="derivedName"]').fill('Huyện Krông Bông')
  await plansDialog.getByRole('button', { name: 'Tạo kế hoạch cấp dưới' }).click()
  await page.keyboard.press('Escape')
  const derived = await activePlan(page)
  assert.equal(derived.level, 'district')
  const meantFor = Object.values(provincePlan.tasks).filter((t) => t.level === 'district' || t.level === 'commune' || t.level === null)

  // Errors first, each in the user's language; nothing is saved.
  const dialog = await openFollowDialog(page)
  await fillFollowForm(dialog, suite.server.databaseUrl('kh-tinh'), 'huyen', 'sai-mat-khau')
  await dialog.getByTestId('follow-error').waitFor()
  assert.equal(await dialog.getByTestId('follow-error').getAttribute('data-kind'), 'unauthorised')
  assert.match(await dialog.getByTestId('follow-error').textContent(), /^Máy chủ từ chối đăng nhập.*Công việc trên máy này vẫn được giữ/)
  assert.equal(await dialog.getByLabel('Mật khẩu', { exact: true }).inputValue(), '', 'the password is not kept in the form')
  await assertNoSeriousAxeIssues(page, 'the follow form with an error')
  await fillFollowForm(dialog, suite.server.databaseUrl('kh-khong-co'), 'huyen', 'huyen-password')
  await page.waitForFunction(() => document.querySelector('dialog[open] [data-testid="follow-error"]')?.getAttribute('data-kind') === 'bad-address')
  assert.match(await dialog.getByTestId('follow-error').textContent(), /^Địa chỉ không đúng/)
  // A database the district may not read (members: the province only).
  await fillFollowForm(dialog, suite.server.databaseUrl('kh-rieng-tinh'), 'huyen', 'huyen-password')
  await page.waitForFunction(() => document.querySelector('dialog[open] [data-testid="follow-error"]')?.getAttribute('data-kind') === 'forbidden')
  assert.match(await dialog.getByTestId('follow-error').textContent(), /^Tài khoản này không có quyền đọc cơ sở dữ liệu của kế hoạch cấp trên/)
  assert.equal(await page.evaluate(() => localStorage.getItem('election-planner:sync:follows') ?? '{}'), '{}')

  // Following: the tasks meant for the district, all already copied by the derivation, read-only.
  await fillFollowForm(dialog, suite.server.databaseUrl('kh-tinh'), 'huyen', 'huyen-password')
  const list = dialog.getByTestId('follow-list')
  await list.waitFor({ timeout: SYNC_TIMEOUT_MS })
  await page.waitForFunction((n) => document.querySelectorAll('dialog[open] [data-testid="follow-task"]').length === n, meantFor.length, { timeout: SYNC_TIMEOUT_MS })
  assert.equal(await dialog.getByTestId('follow-source-name').textContent(), provincePlan.name)
  assert.equal(await dialog.getByTestId('follow-count').textContent(), `${meantFor.length} nhiệm vụ dành cho kế hoạch này, ${meantFor.length} đã có trong kế hoạch của tôi`)
  assert.equal(await list.locator('input, select, textarea').count(), 0, 'the higher-level plan is read-only')
  await page.waitForFunction(() => /^Đã cập nhật lúc \d\d\/\d\d\/\d{4} \d\d:\d\d$/.test(document.querySelector('dialog[open] [data-testid="follow-status"]')?.textContent ?? ''))
  const saved = await page.evaluate(() => localStorage.getItem('election-planner:sync:follows'))
  assert.ok(saved.includes('"username":"huyen"') && !saved.includes('huyen-password'), saved)
  // Sorted by date; a row shows dd/mm/yyyy, D-n and the lead unit's name from the province's settings.
  const first = [...meantFor].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.title.localeCompare(b.title, 'vi')))[0]
  const firstRow = list.getByTestId('follow-task').first()
  assert.equal(await firstRow.getAttribute('data-task-id'), first.id)
  const firstText = await firstRow.textContent()
  assert.ok(firstText.includes(`${first.start.slice(8, 10)}/${first.start.slice(5, 7)}/${first.start.slice(0, 4)}`), firstText)
  assert.match(firstText, /D-\d+/)
  const leadName = provincePlan.units.find((u) => u.id === first.leadUnitId)?.name
  if (leadName) assert.ok(firstText.includes(leadName), firstText)
  await assertNoSeriousAxeIssues(page, 'the follow dialog with its list')

  // The province changes one of them and adds a task of its own (no level): the district sees both.
  const changed = meantFor[0]
  await editPlan(province.page, {
    [changed.id]: { title: 'Tỉnh đã đổi tên nhiệm vụ này' },
    'task-e2e-tinh': { ...provincePlan.tasks[changed.id], id: 'task-e2e-tinh', title: 'Giao ban tuyên truyền của tỉnh', level: null, derivedFromTaskId: null },
  })
  await list.getByTestId('follow-task').filter({ hasText: 'Tỉnh đã đổi tên nhiệm vụ này' }).waitFor({ timeout: SYNC_TIMEOUT_MS })
  const newRow = list.locator('[data-task-id="task-e2e-tinh"]')
  await newRow.waitFor({ timeout: SYNC_TIMEOUT_MS })
  assert.equal(await newRow.getAttribute('data-copied'), 'false')

  // Copy it into the district plan, by keyboard: one undo step; focus stays on the row.
  await newRow.getByTestId('follow-copy').focus()
  await page.keyboard.press('Enter')
  await newRow.getByTestId('follow-copied').waitFor()
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'follow-copied')
  assert.match(await dialog.getByTestId('follow-notice').textContent(), /^Đã sao chép “Giao ban tuyên truyền của tỉnh”/)
  const copy = Object.values((await activePlan(page)).tasks).find((t) => t.derivedFromTaskId === 'task-e2e-tinh')
  assert.ok(copy && copy.id !== 'task-e2e-tinh' && copy.status === 'planned')
  await page.evaluate(() => window.__electionPlanner.store.temporal.getState().undo())
  await newRow.getByTestId('follow-copy').waitFor()
  assert.equal(Object.values((await activePlan(page)).tasks).some((t) => t.derivedFromTaskId === 'task-e2e-tinh'), false)
  await newRow.getByTestId('follow-copy').click()
  await newRow.getByTestId('follow-copied').waitFor()
  // Offline: said at once, with the last time it pulled; back online, it pulls again.
  await district.context.setOffline(true)
  await page.waitForFunction(() => /^Ngoại tuyến — cập nhật lần cuối lúc \d\d\/\d\d\/\d{4} \d\d:\d\d$/.test(document.querySelector('dialog[open] [data-testid="follow-status"]')?.textContent ?? ''))
  await district.context.setOffline(false)
  await page.waitForFunction(() => /^Đã cập nhật lúc/.test(document.querySelector('dialog[open] [data-testid="follow-status"]')?.textContent ?? ''), null, { timeout: SYNC_TIMEOUT_MS })
  await page.keyboard.press('Escape')

  // The derived plan connects to its own database, as the same district user (one session per origin).
  await page.getByTestId('sync-status').click()
  const own = page.locator('dialog[open].sync-dialog')
  await own.getByLabel(/^Địa chỉ máy chủ/).fill(suite.server.databaseUrl('kh-huyen'))
  await own.getByLabel('Tên đăng nhập').fill('huyen')
  await own.getByLabel('Mật khẩu', { exact: true }).fill('huyen-password')
  await own.getByTestId('sync-connect').click()
  await own.getByTestId('sync-connection').waitFor({ timeout: SYNC_TIMEOUT_MS })
  assert.equal(await own.getByTestId('sync-outcome').textContent(), 'Đã gửi kế hoạch lên cơ sở dữ liệu.')
  await own.getByRole('button', { name: 'Đóng' }).click()
  const copyId = Object.values((await activePlan(page)).tasks).find((t) => t.derivedFromTaskId === 'task-e2e-tinh').id
  // The copy went to the district's database, never to the province's.
  for (let i = 0; ; i += 1) {
    if ((await admin(`/kh-huyen/${copyId}`)).status === 200) break
    assert.ok(i < 100, 'the copy did not reach the district database')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  assert.equal((await admin(`/kh-tinh/${copyId}`)).status, 404)
  const provinceDocs = (await admin('/kh-tinh/_all_docs')).body.rows.map((r) => r.id)
  assert.equal(provinceDocs.length, Object.keys(provincePlan.tasks).length + 2, 'settings, the province\'s tasks and its new one: nothing else')

  // A reload follows again, from the replica it kept.
  await page.reload()
  await waitForCalendarReady(page)
  const again = await openFollowDialog(page)
  await again.locator('[data-task-id="task-e2e-tinh"] [data-testid="follow-copied"]').waitFor({ timeout: SYNC_TIMEOUT_MS })
  await page.waitForFunction(() => /^Đã cập nhật lúc/.test(document.querySelector('dialog[open] [data-testid="follow-status"]')?.textContent ?? ''), null, { timeout: SYNC_TIMEOUT_MS })

  // Stop following: the setting and the replica go; the district plan and its copy stay.
  await again.getByTestId('follow-stop').click()
  await again.getByTestId('follow-form').waitFor()
  assert.equal(await page.evaluate(() => localStorage.getItem('election-planner:sync:follows')), '{}')
  assert.ok(Object.values((await activePlan(page)).tasks).some((t) => t.derivedFromTaskId === 'task-e2e-tinh'))
  const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))
  assert.ok(!databases.some((name) => name?.includes('election-planner-follow:')), databases.join(', '))
  // English: the same refusal in the user's language.
  await page.keyboard.press('Escape')
  await page.locator('button.language-button').click()
  await page.getByTestId('sync-status').click()
  await page.locator('dialog[open].sync-dialog').getByTestId('sync-open-follow').click()
  const english = page.locator('dialog[open].follow-dialog')
  await english.getByLabel(/^Server and database address/).fill(suite.server.databaseUrl('kh-tinh'))
  await english.getByLabel('User name').fill('huyen')
  await english.getByLabel('Password', { exact: true }).fill('wrong')
  await english.getByTestId('follow-submit').click()
  await english.getByTestId('follow-error').waitFor()
  assert.match(await english.getByTestId('follow-error').textContent(), /^The server refused the login/)
  assertGuards(district)
  assertGuards(province)
})
