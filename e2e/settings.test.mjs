// Settings: deleting a unit that tasks use needs a replacement, and the tasks follow it.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { activePlan, assertText, eventually, setupSuite, TEST_TIMEOUT_MS, withApp } from './support.mjs'

const suite = setupSuite()

describe('settings', () => {
  test('a unit in use is only deleted with a replacement, and its tasks move to the replacement', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      const before = await activePlan(page)
      const usedBy = (plan, unitId) => Object.values(plan.tasks).filter((t) => t.leadUnitId === unitId || t.supportUnitIds.includes(unitId))
      // The most used unit, replaced by another used unit (so the replacement's own tasks matter too).
      const ranked = before.units.map((u) => ({ unit: u, users: usedBy(before, u.id) })).sort((a, b) => b.users.length - a.users.length)
      const doomed = ranked[0]
      const replacement = ranked[1]
      assert.ok(doomed.users.length > 0 && replacement.users.length > 0, 'the sample plan has no units in use')

      await page.getByRole('button', { name: 'Cài đặt', exact: true }).click()
      const dialog = page.locator('dialog[open].settings-dialog')
      await dialog.waitFor()
      const unitList = dialog.getByTestId('unit-list')
      const row = unitList.locator('li.entity-row').filter({ has: page.locator('.entity-name', { hasText: exactly(doomed.unit.name) }) })
      assert.equal(await row.count(), 1)
      await assertText(row.locator('.entity-main .muted'), `${doomed.users.length} nhiệm vụ`)

      // Without a replacement: refused, with a message saying it is used.
      await row.getByRole('button', { name: 'Xóa', exact: true }).click()
      await row.getByRole('button', { name: 'Xác nhận xóa' }).click()
      await assertText(row.getByRole('alert'), `Đơn vị đang được ${doomed.users.length} nhiệm vụ sử dụng: hãy chọn đơn vị thay thế trước khi xóa.`)
      assert.equal(await unitList.locator('.entity-name').filter({ hasText: exactly(doomed.unit.name) }).count(), 1, 'the unit was deleted anyway')
      assert.ok((await activePlan(page)).units.some((u) => u.id === doomed.unit.id), 'the store lost the unit')

      // With a replacement: the unit goes, and every task that named it names the replacement.
      await row.getByRole('combobox', { name: 'Chuyển các nhiệm vụ sang' }).selectOption({ label: replacement.unit.name })
      await row.getByRole('button', { name: 'Xác nhận xóa' }).click()
      await page.waitForFunction((id) => {
        const s = window.__electionPlanner.store.getState()
        return !s.plans[s.activePlanId].units.some((u) => u.id === id)
      }, doomed.unit.id)
      await eventually(async () => {
        assert.equal(await unitList.locator('.entity-name').filter({ hasText: exactly(doomed.unit.name) }).count(), 0, 'the unit is still listed')
      })
      await assertText(dialog.locator('h3').first(), `Đơn vị (${before.units.length - 1})`)

      const after = await activePlan(page)
      assert.equal(usedBy(after, doomed.unit.id).length, 0, 'tasks still name the deleted unit')
      for (const old of doomed.users) {
        const task = after.tasks[old.id]
        assert.ok(task, `task ${old.id} disappeared`)
        const expectedLead = old.leadUnitId === doomed.unit.id ? replacement.unit.id : old.leadUnitId
        assert.equal(task.leadUnitId, expectedLead, `lead unit of ${old.title}`)
        assert.ok(task.leadUnitId === replacement.unit.id || task.supportUnitIds.includes(replacement.unit.id), `${old.title} does not use the replacement`)
        assert.ok(!task.supportUnitIds.includes(task.leadUnitId), `${old.title} lists its lead unit as support`)
      }
      // Tasks that used neither unit are untouched.
      for (const [id, task] of Object.entries(before.tasks)) {
        if (doomed.users.some((u) => u.id === id)) continue
        assert.deepEqual(after.tasks[id], task, `an unrelated task changed: ${task.title}`)
      }
      // The replacement's count in the list now includes the moved tasks.
      const expectedCount = usedBy(after, replacement.unit.id).length
      const replacementRow = unitList.locator('li.entity-row').filter({ has: page.locator('.entity-name', { hasText: exactly(replacement.unit.name) }) })
      await assertText(replacementRow.locator('.entity-main .muted'), `${expectedCount} nhiệm vụ`)

      // One undo brings the unit and its tasks back.
      await dialog.getByRole('button', { name: 'Đóng', exact: true }).last().click()
      await dialog.waitFor({ state: 'detached' })
      await page.getByRole('button', { name: '↶ Hoàn tác' }).click()
      await page.waitForFunction((id) => {
        const s = window.__electionPlanner.store.getState()
        return s.plans[s.activePlanId].units.some((u) => u.id === id)
      }, doomed.unit.id)
      assert.equal(usedBy(await activePlan(page), doomed.unit.id).length, doomed.users.length)
    }))
})

/** A RegExp matching exactly this text (for locator filters, which otherwise match substrings). */
function exactly(text) {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
}
