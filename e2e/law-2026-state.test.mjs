// The 2026 template runs in the state of 2025: its plan is named from the election, has two levels
// (province → commune, no district units), opens with no warnings, and derives commune plans only.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { activePlan, assertText, openNewTaskForm, setupSuite, TEST_TIMEOUT_MS, waitForTask, withApp } from './support.mjs'

const suite = setupSuite()

describe('the 2026 template in the state of 2025', () => {
  test('a 2026 plan is named from its election, is province → commune with 2025 units, opens without warnings and derives a commune plan', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await page.getByRole('button', { name: 'Kế hoạch / Kế hoạch mới' }).click()
      let dialog = page.locator('dialog[open].plans-dialog')
      await dialog.locator('select[name="template"]').selectOption('vn-2026')
      assert.equal(await dialog.locator('input[name="planName"]').inputValue(), 'Kế hoạch tuyên truyền bầu cử 2026')
      const levelSelect = dialog.locator('input[name="planName"]').locator('xpath=ancestor::form').locator('select').nth(1)
      assert.deepEqual(await levelSelect.locator('option').evaluateAll((os) => os.map((o) => o.value)), ['province', 'commune'])
      await dialog.getByRole('button', { name: 'Tạo kế hoạch', exact: true }).click()
      await assertText(page.getByTestId('election-day'), 'Ngày bầu cử: CN 15/03/2026')
      const plan = await activePlan(page)
      assert.equal(plan.name, 'Kế hoạch tuyên truyền bầu cử 2026')
      assert.deepEqual(plan.units.map((u) => u.name).filter((n) => /huyện|Thông tin và Truyền thông/i.test(n)), [])
      assert.ok(Object.values(plan.tasks).every((t) => t.level !== 'district'))

      await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click()
      const checks = page.locator('dialog[open].checks-dialog')
      await assertText(checks.getByTestId('checks-count'), 'Không có cảnh báo nào.')
      await checks.getByRole('button', { name: 'Đóng' }).click()

      await page.getByRole('button', { name: 'Kế hoạch / Kế hoạch mới' }).click()
      dialog = page.locator('dialog[open].plans-dialog')
      const derivedLevel = dialog.locator('input[name="derivedName"]').locator('xpath=ancestor::form').locator('select').first()
      assert.deepEqual(await derivedLevel.locator('option').evaluateAll((os) => os.map((o) => o.value)), ['commune'])
      assert.equal(await dialog.locator('input[name="derivedName"]').inputValue(), 'Kế hoạch tuyên truyền bầu cử 2026 cấp xã')
      await dialog.getByRole('button', { name: 'Tạo kế hoạch cấp dưới' }).click()
      const child = await activePlan(page)
      assert.equal(child.parentPlanId, plan.id)
      assert.equal(child.level, 'commune')
      assert.ok(Object.keys(child.tasks).length > 0)
      assert.deepEqual(child.units.map((u) => u.name).filter((n) => /huyện/i.test(n)), [])
    }))

  test('the 2021 plan opens with no warnings in the checks panel', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click()
      const checks = page.locator('dialog[open].checks-dialog')
      await assertText(checks.getByTestId('checks-count'), 'Không có cảnh báo nào.')
      // Longer work through Giỗ Tổ or 30/4 is listed apart, as information.
      await assertText(checks.getByTestId('checks-spans').locator('summary'), /nhiệm vụ dài ngày kéo dài qua ngày nghỉ/)
    }))

  test('a task anchored at both ends in the editor stays inside campaigning when the law changes', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      const TITLE = 'Đưa tin người ứng cử gặp gỡ cử tri'
      const form = await openNewTaskForm(page)
      await form.locator('textarea[name="title"]').fill(TITLE)
      await form.locator('input[name="startDate"]').fill('28/04/2021')
      await form.locator('input[name="endDate"]').fill('21/05/2021')
      await form.locator('select[name="anchor"]').selectOption('milestone:official-candidate-lists')
      await form.locator('select[name="endAnchor"]').selectOption('milestone:campaigning-ends')
      await form.getByRole('button', { name: 'Lưu' }).click()
      await waitForTask(page, TITLE, { start: '2021-04-28', end: '2021-05-22' })

      await page.getByTestId('election-day').click()
      const dialog = page.locator('dialog[open].election-dialog')
      await dialog.locator('select[name="law"]').selectOption('law-85-2015-amended-83-2025')
      await dialog.getByRole('button', { name: 'Áp dụng' }).click()
      // Amended law: the list is published on D-17 (06/05) and campaigning still ends at 07:00 on D-1,
      // so the last full day stays D-2 (21/05) instead of running past election day.
      await waitForTask(page, TITLE, { start: '2021-05-06', end: '2021-05-22' })
    }))
})
