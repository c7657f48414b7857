// Election settings: moving election day re-plans the anchored tasks, after a preview, as one undo step.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { activePlan, assertText, setupSuite, TEST_TIMEOUT_MS, withApp } from './support.mjs'

const suite = setupSuite()
const VOTER_LISTS = 'vn-2021-voter-lists-loudspeaker'

describe('election settings', () => {
  test('moving election day shows a preview, moves anchored tasks only, and undoes in one step', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      const before = await activePlan(page)
      const anchored = Object.values(before.tasks).find((t) => t.anchor.type === 'election-day' && t.allDay)
      const fixed = Object.values(before.tasks).find((t) => t.anchor.type === 'fixed')
      assert.ok(anchored && fixed)

      await page.getByTestId('election-day').click()
      const dialog = page.locator('dialog[open].election-dialog')
      await dialog.waitFor()
      // Saturday: a warning, and the preview says what would move.
      await dialog.locator('input[name="electionDay"]').fill('29/05/2021')
      await assertText(dialog.getByRole('alert'), /Chủ nhật/)
      await dialog.locator('input[name="electionDay"]').fill('30/05/2021')
      assert.equal(await dialog.getByRole('alert').count(), 0, 'a Sunday still warns')
      const anchoredCount = Object.values(before.tasks).filter((t) => t.anchor.type !== 'fixed').length
      await assertText(dialog.getByTestId('replan-preview'), new RegExp(`${anchoredCount} nhiệm vụ dời ngày`))
      // Nothing has changed yet.
      assert.equal((await activePlan(page)).election.electionDay, '2021-05-23')

      await dialog.getByRole('button', { name: 'Áp dụng' }).click()
      await assertText(page.getByTestId('election-day'), 'Ngày bầu cử: CN 30/05/2021')
      const after = await activePlan(page)
      const addWeek = (d) => new Date(Date.parse(`${d}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)
      assert.equal(after.tasks[anchored.id].start, addWeek(anchored.start), 'the anchored task did not move a week')
      assert.equal(after.tasks[fixed.id].start, fixed.start, 'a fixed task moved')
      // The calendar shows election day on its new date, outlined.
      await page.locator('td[data-date="2021-05-30"].is-election-day').waitFor()

      // One undo restores everything.
      await page.getByRole('button', { name: /Hoàn tác/ }).click()
      await assertText(page.getByTestId('election-day'), 'Ngày bầu cử: CN 23/05/2021')
      const undone = await activePlan(page)
      assert.equal(undone.tasks[anchored.id].start, anchored.start)
      assert.equal(undone.tasks[VOTER_LISTS].start, '2021-04-13')
    }))

  test('switching to the amended law moves milestone-anchored tasks to the new milestones', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await page.getByTestId('election-day').click()
      const dialog = page.locator('dialog[open].election-dialog')
      await dialog.locator('input[name="electionDay"]').fill('15/03/2026')
      await dialog.locator('select[name="law"]').selectOption('law-85-2015-amended-83-2025')
      await dialog.getByRole('button', { name: 'Áp dụng' }).click()
      await assertText(page.getByTestId('election-day'), 'Ngày bầu cử: CN 15/03/2026')
      const plan = await activePlan(page)
      const lists = Object.values(plan.tasks).find((t) => t.anchor.type === 'milestone' && t.anchor.milestoneId === 'official-candidate-lists')
      assert.equal(lists.start, '2026-02-26')
      // The side panel lists the new milestones with their dates.
      await assertText(page.locator('.side-panel'), /15\/03\/2026/)
    }))
})
