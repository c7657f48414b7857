// The language switch and the four views.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { assertText, setupSuite, TEST_TIMEOUT_MS, waitForCalendarReady, waitForSaved, withApp } from './support.mjs'

const suite = setupSuite()

describe('language', () => {
  test('VI|EN switches the whole screen to English, and a reload keeps it', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      assert.ok(await page.getByRole('button', { name: '+ Thêm nhiệm vụ' }).isVisible())
      await page.getByRole('button', { name: 'Ngôn ngữ' }).click()

      const assertEnglish = async () => {
        await page.waitForFunction(() => document.documentElement.lang === 'en')
        assert.ok(await page.getByRole('button', { name: '+ Add task' }).isVisible(), 'no "Add task" button')
        assert.equal(await page.getByRole('button', { name: '+ Thêm nhiệm vụ' }).count(), 0, 'the Vietnamese button is still there')
        await assertText(page.getByTestId('period-title'), 'May 2021')
        await assertText(page.getByTestId('election-day'), 'Election day: Sun 23/05/2021')
        assert.ok(await page.getByRole('button', { name: 'Month', exact: true }).isVisible())
        assert.ok(await page.getByRole('button', { name: 'Language' }).isVisible())
        // FullCalendar follows: English weekday headers in the month grid.
        await assertText(page.locator('.fc-col-header-cell').first(), 'Mon')
      }
      await assertEnglish()

      await waitForSaved(page)
      await page.reload()
      await waitForCalendarReady(page)
      await assertEnglish()
      assert.equal(await page.evaluate(() => window.__electionPlanner.store.getState().language), 'en')

      // And back.
      await page.getByRole('button', { name: 'Language' }).click()
      await page.waitForFunction(() => document.documentElement.lang === 'vi')
      await assertText(page.getByTestId('period-title'), 'Tháng 5 năm 2021')
    }))
})

describe('views', () => {
  test('Tuần, Danh sách and Năm each show their content', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      const viewButton = (name) => page.getByRole('button', { name, exact: true })

      // Week: election day's week, Monday to Sunday, on the time grid.
      await viewButton('Tuần').click()
      await page.locator('.fc-timegrid').waitFor()
      assert.equal(await viewButton('Tuần').getAttribute('aria-pressed'), 'true')
      await assertText(page.getByTestId('period-title'), '17/05/2021 – 23/05/2021')
      await assertText(page.getByTestId('period-d-range'), /D-6 … D$/)
      await page.locator('.fc-timegrid .fc-event.task-event').first().waitFor()
      assert.deepEqual(
        await page.locator('.fc-timegrid-col[data-date]').evaluateAll((cols) => cols.map((c) => c.getAttribute('data-date'))),
        ['2021-05-17', '2021-05-18', '2021-05-19', '2021-05-20', '2021-05-21', '2021-05-22', '2021-05-23'],
      )
      assert.equal(await page.locator('.fc-dayGridMonth-view').count(), 0, 'the month grid is still shown')

      // List: our own table of the month's tasks.
      await viewButton('Danh sách').click()
      const list = page.getByTestId('task-list')
      await list.waitFor()
      assert.equal(await page.locator('.fc-view-harness').count(), 0, 'FullCalendar is still shown under the list')
      const rows = list.locator('.task-list-row:not(.task-list-head)')
      await rows.first().waitFor()
      assert.ok((await rows.count()) > 0, 'no rows in the list')
      await assertText(list.locator('.task-list-summary'), /^\d+ nhiệm vụ từ 01\/05\/2021 đến 31\/05\/2021$/)
      const first = rows.first()
      assert.match(((await first.locator('[role="cell"]').first().textContent()) ?? '').trim(), /^\d\d\/\d\d\/\d{4}/)
      assert.ok(((await first.locator('.task-list-title').textContent()) ?? '').trim().length > 0, 'a row without a title')

      // Year: twelve months.
      await viewButton('Năm').click()
      await page.locator('.fc-multimonth').waitFor()
      await assertText(page.getByTestId('period-title'), 'Năm 2021')
      await page.locator('.fc-multimonth .fc-event.task-event').first().waitFor()
      assert.equal(await page.locator('.fc-multimonth-month').count(), 12)

      // And back to the month.
      await viewButton('Tháng').click()
      await page.locator('.fc-dayGridMonth-view td.fc-daygrid-day[data-date="2021-05-23"]').waitFor()
      await assertText(page.getByTestId('period-title'), 'Tháng 5 năm 2021')
      await page.waitForTimeout(200) // let late console errors from the view switches surface
    }))
})
