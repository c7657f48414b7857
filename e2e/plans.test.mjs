// Several plans: a new plan from the 2026 template shows its milestones; a district plan is derived.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { activePlan, assertText, setupSuite, TEST_TIMEOUT_MS, withApp } from './support.mjs'

const suite = setupSuite()

describe('plans', () => {
  test('a plan from the 2026 template opens on its own election day with the amended law’s milestones, and undo removes it', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await page.getByRole('button', { name: 'Kế hoạch / Kế hoạch mới' }).click()
      const dialog = page.locator('dialog[open].plans-dialog')
      await dialog.locator('select[name="template"]').selectOption('vn-2026')
      // The name starts filled in from the template's election; emptied, it is refused.
      assert.equal(await dialog.locator('input[name="planName"]').inputValue(), 'Kế hoạch tuyên truyền bầu cử 2026')
      await dialog.locator('input[name="planName"]').fill('')
      await dialog.getByRole('button', { name: 'Tạo kế hoạch', exact: true }).click()
      await assertText(dialog.getByRole('alert'), 'Bắt buộc nhập.')
      await dialog.locator('input[name="planName"]').fill('Kế hoạch tuyên truyền bầu cử 2026 — tỉnh thử')
      await dialog.getByRole('button', { name: 'Tạo kế hoạch', exact: true }).click()
      await assertText(page.getByTestId('election-day'), 'Ngày bầu cử: CN 15/03/2026')
      await assertText(page.getByTestId('period-title'), 'Tháng 3 năm 2026')
      const plan = await activePlan(page)
      assert.equal(plan.election.law, 'law-85-2015-amended-83-2025')
      // The election day milestone and the campaigning cut-off show on the calendar.
      await page.locator('td[data-date="2026-03-15"].is-election-day').waitFor()
      await assertText(page.locator('.fc-event.milestone-event').filter({ hasText: 'D-1 ·' }).first(), /Kết thúc vận động/)
      // The 2021 plan is still there, and one undo takes the new plan away.
      assert.equal(await page.getByTestId('plan-switcher').locator('option').count(), 2)
      await page.getByRole('button', { name: /Hoàn tác/ }).click()
      await assertText(page.getByTestId('election-day'), 'Ngày bầu cử: CN 23/05/2021')
      assert.equal(await page.getByTestId('plan-switcher').locator('option').count(), 1)
    }))

  test('a district plan derived from the province plan copies the lower-level tasks and links to its parent', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      const parent = await activePlan(page)
      await page.getByRole('button', { name: 'Kế hoạch / Kế hoạch mới' }).click()
      const dialog = page.locator('dialog[open].plans-dialog')
      await dialog.locator('input[name="derivedName"]').fill('Huyện Krông Bông')
      const countText = await dialog.getByTestId('derive-count').textContent()
      const expected = Object.values(parent.tasks).filter((t) => t.level === 'district' || t.level === 'commune').length
      assert.match(countText, new RegExp(`^${expected} `))
      // The user adds one province task to the defaults, and a unit of the district's own.
      const extra = Object.values(parent.tasks).find((t) => t.level === 'province' && t.leadUnitId === 'unit-soTttt')
      await dialog.locator('details.derive-tasks summary').click()
      await dialog.locator('details.derive-tasks label.checkbox', { hasText: extra.title }).locator('input').check()
      await assertText(dialog.getByTestId('derive-count'), `${expected + 1} nhiệm vụ sẽ được sao chép`)
      const units = dialog.locator('textarea[name="derivedUnits"]')
      await units.fill(`${await units.inputValue()}\nĐội Thông tin lưu động huyện`)
      await dialog.getByRole('button', { name: 'Tạo kế hoạch cấp dưới' }).click()
      const child = await activePlan(page)
      assert.equal(child.parentPlanId, parent.id)
      assert.equal(child.level, 'district')
      assert.equal(Object.keys(child.tasks).length, expected + 1)
      assert.ok(Object.values(child.tasks).every((t) => parent.tasks[t.derivedFromTaskId]))
      // Its own units: the district's, the one typed, and no province department left without a task.
      const unitNames = child.units.map((u) => u.name)
      assert.ok(unitNames.includes('Phòng Văn hóa và Thông tin cấp huyện') && unitNames.includes('Đội Thông tin lưu động huyện'))
      assert.ok(!unitNames.includes('Sở Thông tin và Truyền thông'))
      assert.equal(Object.values(child.tasks).find((t) => t.derivedFromTaskId === extra.id).leadUnitId, 'unit-phongVhtt')
      // Switching back shows the province plan unchanged.
      await page.getByTestId('plan-switcher').selectOption(parent.id)
      assert.equal(Object.keys((await activePlan(page)).tasks).length, Object.keys(parent.tasks).length)
    }))
})
