// The checks panel: a campaigning task dragged onto D-1 raises its warning; dismissing hides it.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { assertText, dragTaskToDay, openNewTaskForm, setupSuite, TALL_VIEWPORT, TEST_TIMEOUT_MS, waitForTask, withApp } from './support.mjs'

const suite = setupSuite()
const TITLE = 'Xe loa vận động cho người ứng cử'

describe('checks', () => {
  test('a campaigning task dragged onto D-1 raises its warning, which can be dismissed', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      const dialog = await openNewTaskForm(page)
      await dialog.locator('textarea[name="title"]').fill(TITLE)
      await dialog.locator('input[name="startDate"]').fill('19/05/2021')
      await dialog.locator('input[name="endDate"]').fill('19/05/2021')
      await dialog.locator('input[name="campaigning"]').check()
      await dialog.getByRole('button', { name: 'Lưu' }).click()
      await waitForTask(page, TITLE, { start: '2021-05-19', campaigning: true })

      const openChecks = async () => {
        await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click()
        const panel = page.locator('dialog[open].checks-dialog')
        await panel.waitFor()
        return panel
      }
      let panel = await openChecks()
      assert.equal(await panel.locator('[data-kind="campaigning-on-silence-days"]').filter({ hasText: TITLE }).count(), 0, 'warned before the move')
      await panel.getByRole('button', { name: 'Đóng' }).click()

      await dragTaskToDay(page, TITLE, '2021-05-22')
      await waitForTask(page, TITLE, { start: '2021-05-22' })
      panel = await openChecks()
      const warning = panel.locator('[data-kind="campaigning-on-silence-days"]').filter({ hasText: TITLE })
      await assertText(warning.locator('.check-text'), /vận động bầu cử từ 07:00 ngày D-1/)
      await warning.getByRole('button', { name: 'Bỏ qua' }).click()
      assert.equal(await panel.locator('[data-kind="campaigning-on-silence-days"]').filter({ hasText: TITLE }).count(), 0, 'still listed after dismissing')
    }, { viewport: TALL_VIEWPORT }))
})
