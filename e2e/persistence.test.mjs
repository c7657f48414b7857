// Saving to localStorage: reload, unreadable saves, and two tabs editing the same plan.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  activePlan, assertText, createTaskViaForm, dayUnderEventEnd, dayUnderEventStart, DOCUMENT_KEY, dragTaskToDay,
  eventually, flushSave, savedDocument, setupSuite, TALL_VIEWPORT, taskEvent, taskTitled, TEST_TIMEOUT_MS, unreadableCopies,
  waitForCalendarReady, waitForSaved, waitForTask, withApp,
} from './support.mjs'

const suite = setupSuite()

describe('persistence', () => {
  test('a created and moved task is still there, on its dates, after a reload', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      const title = 'Nhiệm vụ còn sau khi tải lại'
      assert.ok(await page.locator('.first-run-banner').isVisible(), 'no first-run banner on first open')
      await createTaskViaForm(page, { title, startDate: '05/05/2021', endDate: '06/05/2021' })
      await waitForTask(page, title, { start: '2021-05-05', end: '2021-05-07' })
      await dragTaskToDay(page, title, '2021-05-12')
      await waitForTask(page, title, { start: '2021-05-12', end: '2021-05-14' })
      const { id } = await taskTitled(page, title)

      // The edit marks the save pending; the app then writes it and says so.
      await waitForSaved(page)
      const saved = await savedDocument(page)
      const savedTask = saved.state.plans[saved.state.activePlanId].tasks[id]
      assert.equal(savedTask?.start, '2021-05-12')
      assert.equal(savedTask?.end, '2021-05-14')

      await page.reload()
      await waitForCalendarReady(page)
      const task = await taskTitled(page, title)
      assert.deepEqual({ id: task.id, start: task.start, end: task.end }, { id, start: '2021-05-12', end: '2021-05-14' })
      await taskEvent(page, title).waitFor()
      await eventually(async () => {
        assert.equal(await dayUnderEventStart(page, title), '2021-05-12')
        assert.equal(await dayUnderEventEnd(page, title), '2021-05-13')
      })
      assert.equal(await page.locator('.first-run-banner').count(), 0, 'the first-run banner is back after a reload')
      // A reload is not an edit: there is nothing to undo.
      assert.ok(await page.getByRole('button', { name: '↶ Hoàn tác' }).isDisabled())
    }, { viewport: TALL_VIEWPORT }))

  test('an unreadable save is kept aside under its own key and the sample plan opens with a warning', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await waitForSaved(page)
      await flushSave(page)
      await page.evaluate((key) => localStorage.setItem(key, '{not json'), DOCUMENT_KEY)
      await page.reload()
      await waitForCalendarReady(page)

      const notice = page.getByTestId('notice-corrupt-save')
      await notice.waitFor()
      assert.match((await notice.textContent()) ?? '', /bị hỏng/)
      assert.equal(await page.getByRole('alert').filter({ has: notice }).count(), 1, 'the warning is not in an alert region')

      // The app still opens on the 2021 sample plan.
      await assertText(page.getByTestId('period-title'), 'Tháng 5 năm 2021')
      await assertText(page.getByTestId('election-day'), 'Ngày bầu cử: CN 23/05/2021')
      assert.ok((await page.locator('.fc-event.task-event').count()) > 0)
      assert.equal((await activePlan(page)).election.electionDay, '2021-05-23')

      // The original text is kept, exactly, under a key of its own, and the notice names that key.
      const copies = await unreadableCopies(page)
      const keys = Object.keys(copies)
      assert.equal(keys.length, 1, `expected one copy, found ${JSON.stringify(keys)}`)
      assert.equal(copies[keys[0]], '{not json')
      assert.ok(((await notice.textContent()) ?? '').includes(keys[0]), 'the notice does not name the copy key')

      // Editing in this state saves the new plan, and never touches the copy.
      const title = 'Sửa sau khi dữ liệu hỏng'
      await createTaskViaForm(page, { title, startDate: '10/05/2021', endDate: '10/05/2021' })
      await waitForTask(page, title, { start: '2021-05-10' })
      await waitForSaved(page)
      const saved = await savedDocument(page)
      assert.ok(Object.values(saved.state.plans[saved.state.activePlanId].tasks).some((t) => t.title === title), 'the edit was not saved')
      assert.deepEqual(await unreadableCopies(page), copies, 'the copy of the unreadable save changed')
    }))

  test('two tabs each add a task and both end up with both', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page: tabA, openPage }) => {
      const titleA = 'Nhiệm vụ từ thẻ A'
      const titleB = 'Nhiệm vụ từ thẻ B'
      await waitForSaved(tabA)
      const tabB = await openPage()

      await tabA.bringToFront()
      await createTaskViaForm(tabA, { title: titleA, startDate: '07/05/2021', endDate: '08/05/2021' })
      await waitForTask(tabA, titleA, { start: '2021-05-07' })
      await flushSave(tabA)
      // Tab B hears the storage event and merges A's task in before anything else happens there.
      await waitForTask(tabB, titleA, { start: '2021-05-07', end: '2021-05-09' })

      await tabB.bringToFront()
      await createTaskViaForm(tabB, { title: titleB, startDate: '14/05/2021', endDate: '14/05/2021' })
      await waitForTask(tabB, titleB, { start: '2021-05-14' })
      await flushSave(tabB)
      await waitForTask(tabA, titleB, { start: '2021-05-14', end: '2021-05-15' })

      for (const [name, tab] of [['A', tabA], ['B', tabB]]) {
        await tab.bringToFront()
        for (const title of [titleA, titleB]) {
          await taskTitled(tab, title)
          await taskEvent(tab, title).waitFor()
          assert.ok(await taskEvent(tab, title).isVisible(), `tab ${name} does not show ${title}`)
        }
      }
      assert.equal(await tabA.locator('.fc-event.task-event', { hasText: titleA }).count(), 1, 'tab A shows its task twice')

      await tabA.bringToFront()
      await tabA.reload()
      await waitForCalendarReady(tabA)
      const a = await taskTitled(tabA, titleA)
      const b = await taskTitled(tabA, titleB)
      assert.deepEqual([a.start, a.end, b.start, b.end], ['2021-05-07', '2021-05-09', '2021-05-14', '2021-05-15'])
      await taskEvent(tabA, titleA).waitFor()
      await taskEvent(tabA, titleB).waitFor()
    }, { viewport: TALL_VIEWPORT }))

  // A merge that changes nothing must not be written back, or two open tabs echo one save to each
  // other forever (each write is the other tab's storage event), and the status flickers "Đang lưu…".
  test('two tabs settle after a change instead of writing the same save back and forth', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page: tabA, openPage }) => {
      await waitForSaved(tabA)
      const tabB = await openPage()
      // Any of the app's keys: the document and one key per plan.
      const countStorageEvents = (tab) => tab.evaluate(() => {
        window.__e2eStorageEvents = 0
        window.addEventListener('storage', (e) => { if (e.key?.startsWith('election-planner:')) window.__e2eStorageEvents += 1 })
      })
      await countStorageEvents(tabA)
      await countStorageEvents(tabB)

      const title = 'Nhiệm vụ để hai thẻ đồng bộ'
      await createTaskViaForm(tabA, { title, startDate: '07/05/2021', endDate: '07/05/2021' })
      await flushSave(tabA)
      await waitForTask(tabB, title, { start: '2021-05-07' })
      // B had nothing that A lacked, so it must not write: wait well past its save delay (300 ms, then
      // an idle callback within 1 s) and count what each tab heard.
      await tabB.waitForTimeout(2_500)
      const events = await Promise.all([tabA, tabB].map((tab) => tab.evaluate(() => window.__e2eStorageEvents)))
      assert.deepEqual(events, [0, 1], 'storage events seen by [tab A, tab B]: the tabs keep writing the same save')
      await assertText(tabA.getByTestId('save-status'), /^Đã lưu lúc/)
      await assertText(tabB.getByTestId('save-status'), /^(Đã lưu lúc|Chưa có thay đổi)/)
    }))
})
