// A save that needs repairs on load (issue #9): every repair is counted and shown, the original text
// is kept under its own key, and the repaired plan keeps what could be kept (a series stays a series).
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  activePlan, DOCUMENT_KEY, flushSave, setupSuite, TEST_TIMEOUT_MS, unreadableCopies, waitForCalendarReady, waitForSaved, withApp,
} from './support.mjs'

const suite = setupSuite()

/** Replaces everything the app saved with one version-2 document (the layout of earlier releases). */
async function seedSave(page, text) {
  await page.evaluate(({ key, text }) => {
    localStorage.clear()
    localStorage.setItem(key, text)
  }, { key: DOCUMENT_KEY, text })
}

describe('repairs on load', () => {
  test('a series with a day that does not exist stays a series after a reload, the repair is shown and the original kept', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await waitForSaved(page)
      await flushSave(page)
      const plan = await activePlan(page)
      const series = Object.values(plan.tasks).find((t) => t.recurrence !== null)
      assert.ok(series, 'the 2021 template has no recurring task')
      series.recurrence.until = '2021-06-31' // June has 30 days
      series.title = 'Thông báo lịch bỏ phiếu <b>hằng ngày</b>'
      const text = JSON.stringify({
        state: { plans: { [plan.id]: plan }, activePlanId: plan.id, language: 'vi', lastBackupAt: null, showHolidays: true }, version: 2,
      })
      await seedSave(page, text)
      await page.reload()
      await waitForCalendarReady(page)

      // Still a series, ending on the month's last day.
      const restored = (await activePlan(page)).tasks[series.id]
      assert.equal(restored.recurrence?.until, '2021-06-30')

      // The user is told what was repaired, task by task, as text.
      const notice = page.getByTestId('notice-repaired-save')
      await notice.waitFor()
      assert.match((await notice.textContent()) ?? '', /sửa 1 nhiệm vụ/)
      await notice.locator('summary').click()
      const detail = notice.locator('li').first()
      assert.match((await detail.textContent()) ?? '', /Thông báo lịch bỏ phiếu <b>hằng ngày<\/b>.*ngày kết thúc lặp lại/)
      assert.equal(await notice.locator('b').count(), 0, 'user text was rendered as markup')

      // The original text is kept, exactly, under its own key, and the notice names it.
      const copies = await unreadableCopies(page)
      const keys = Object.keys(copies)
      assert.equal(keys.length, 1, `expected one copy, found ${JSON.stringify(keys)}`)
      assert.ok(copies[keys[0]] === text, `the kept copy is not the original text (${String(copies[keys[0]]).length} vs ${text.length} chars)`)
      assert.ok(((await notice.textContent()) ?? '').includes(keys[0]), 'the notice does not name the copy key')

      // The repaired plan is saved; a second reload needs no repair and keeps the copy.
      await waitForSaved(page)
      await flushSave(page)
      await page.reload()
      await waitForCalendarReady(page)
      assert.equal((await activePlan(page)).tasks[series.id].recurrence?.until, '2021-06-30')
      assert.equal(await page.getByTestId('notice-repaired-save').count(), 0)
      assert.deepEqual(await unreadableCopies(page), copies)
    }))

  test('a task whose id is __proto__ is kept, renamed, instead of vanishing with the plan', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await waitForSaved(page)
      await flushSave(page)
      const plan = await activePlan(page)
      const [firstId, first] = Object.entries(plan.tasks)[0]
      const tasksText = JSON.stringify(plan.tasks).replace(`"${firstId}":{"id":"${firstId}"`, '"__proto__":{"id":"__proto__"')
      const planText = JSON.stringify({ ...plan, tasks: '@TASKS@' }).replace('"@TASKS@"', tasksText)
      const text = `{"state":{"plans":{"${plan.id}":${planText}},"activePlanId":"${plan.id}","language":"vi","lastBackupAt":null,"showHolidays":true},"version":2}`
      await seedSave(page, text)
      await page.reload()
      await waitForCalendarReady(page)
      const restored = await activePlan(page)
      assert.equal(restored.id, plan.id, 'the saved plan was replaced by the template')
      assert.equal(Object.keys(restored.tasks).length, Object.keys(plan.tasks).length)
      assert.equal(restored.tasks['renamed-__proto__']?.title, first.title)
      await page.getByTestId('notice-repaired-save').waitFor()
      assert.ok(Object.values(await unreadableCopies(page))[0] === text, 'the kept copy is not the original text')
    }))
})
