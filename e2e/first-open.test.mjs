// First open of the app in a fresh browser: the sample 2021 plan, in Vietnamese, on May 2021.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { assertText, setupSuite, TEST_TIMEOUT_MS, withApp } from './support.mjs'

const suite = setupSuite()

describe('first open', () => {
  test('shows the 2021 plan in Vietnamese, on May 2021, with election day, phases, milestones and tasks', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page, origin, guard }) => {
      await page.locator('.fc-event.task-event').first().waitFor()
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi')
      await assertText(page.getByTestId('election-day'), 'Ngày bầu cử: CN 23/05/2021')
      // Today (2026) is outside the campaign window, so the calendar opens on election day's month.
      await assertText(page.getByTestId('period-title'), 'Tháng 5 năm 2021')
      await assertText(page.getByTestId('period-d-range'), /D-22 … D\+8$/)
      assert.equal(await page.getByRole('button', { name: 'Tháng', exact: true }).getAttribute('aria-pressed'), 'true')

      // Election day is outlined: its day cell carries the class, and only that cell does.
      const electionCell = page.locator('td.fc-daygrid-day[data-date="2021-05-23"]')
      assert.match((await electionCell.getAttribute('class')) ?? '', /\bis-election-day\b/)
      assert.equal(await page.locator('td.fc-daygrid-day.is-election-day').count(), 1)

      // Legal milestones are shown, and none can be dragged (FullCalendar marks editable events).
      const milestones = page.locator('.fc-event.milestone-event')
      assert.ok((await milestones.count()) > 0, 'no milestone events')
      assert.equal(await page.locator('.fc-event.milestone-event.fc-event-draggable').count(), 0, 'a milestone is draggable')
      assert.ok(await page.locator('.fc-event.milestone-event.is-election-day').first().isVisible(), 'no election-day milestone marker')

      // Phases are background bands; tasks are events (and those are draggable, unlike milestones).
      assert.ok((await page.locator('.fc-bg-event.phase-band').count()) > 0, 'no phase bands')
      const tasks = page.locator('.fc-event.task-event')
      assert.ok((await tasks.count()) > 0, 'no task events')
      assert.ok(await tasks.first().isVisible())
      assert.ok((await page.locator('.fc-event.task-event.fc-event-draggable').count()) > 0, 'task events are not draggable')

      // The store agrees: the sample plan with its tasks.
      const plan = await page.evaluate(() => {
        const s = window.__electionPlanner.store.getState()
        const p = s.plans[s.activePlanId]
        return { electionDay: p.election.electionDay, taskCount: Object.keys(p.tasks).length, language: s.language }
      })
      assert.equal(plan.electionDay, '2021-05-23')
      assert.equal(plan.language, 'vi')
      assert.ok(plan.taskCount > 0)

      // The first-run banner says this is the sample plan.
      const banner = page.locator('.first-run-banner')
      assert.ok(await banner.isVisible(), 'no first-run banner')
      assert.match((await banner.textContent()) ?? '', /kế hoạch mẫu năm 2021/)

      // The request guard is live: it saw the page and its script, all on our origin.
      assert.ok(guard.requests.includes(`${origin}/`), 'the guard did not see the document request')
      assert.ok(guard.requests.some((url) => url.startsWith(`${origin}/assets/`) && url.endsWith('.js')), 'the guard did not see the script')
    }))
})
