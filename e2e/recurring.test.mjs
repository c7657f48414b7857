// Recurring tasks: created in the form, shown on each of their days, one occurrence moved by drag and
// one cancelled from its dialog, kept across a reload.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  assertText, dayCell, editorDialog, eventually, flushSave, focusPageBody, openNewTaskForm, setupSuite, TALL_VIEWPORT, taskTitled, TEST_TIMEOUT_MS,
  waitForCalendarReady, withApp,
} from './support.mjs'

const suite = setupSuite()
const TITLE = 'Phát thanh thông báo bầu cử hằng ngày'
const DAYS = ['2021-05-03', '2021-05-04', '2021-05-05', '2021-05-06', '2021-05-07']

/** How many events of the series each day cell of the month shows. */
function occurrencesPerDay(page, days) {
  return page.evaluate(({ title, days }) => Object.fromEntries(days.map((day) => {
    const cell = document.querySelector(`.fc-daygrid td.fc-daygrid-day[data-date="${day}"]`)
    const events = cell ? [...cell.querySelectorAll('.fc-event.task-event')].filter((e) => e.textContent?.includes(title)) : []
    return [day, events.length]
  })), { title: TITLE, days })
}

async function assertShownOn(page, expected) {
  await eventually(async () => assert.deepEqual(await occurrencesPerDay(page, Object.keys(expected)), expected))
}

async function createDailySeries(page) {
  const dialog = await openNewTaskForm(page)
  await dialog.locator('textarea[name="title"]').fill(TITLE)
  await dialog.locator('input[name="startDate"]').fill('03/05/2021')
  await dialog.locator('input[name="endDate"]').fill('03/05/2021')
  await dialog.locator('select[name="repeat"]').selectOption('daily')
  await dialog.locator('input[name="repeatUntil"]').fill('07/05/2021')
  assert.equal((await dialog.getByTestId('repeat-summary').textContent())?.trim(), '5 lần, từ 03/05/2021 đến 07/05/2021')
  await dialog.getByRole('button', { name: 'Lưu', exact: true }).click()
  await dialog.waitFor({ state: 'detached' })
}

/** Drags the series' event out of one day cell into another, with real mouse moves. */
async function dragOccurrence(page, fromDay, toDay) {
  const event = dayCell(page, fromDay).locator('.fc-event.task-event', { hasText: TITLE })
  const box = await event.boundingBox()
  const target = await dayCell(page, toDay).boundingBox()
  assert.ok(box && target)
  await page.mouse.move(box.x + 10, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + 16, box.y + box.height / 2 + 6, { steps: 3 })
  await page.mouse.move(target.x + 20, target.y + target.height / 2, { steps: 12 })
  await page.mouse.move(target.x + 22, target.y + target.height / 2 + 2, { steps: 2 })
  await page.mouse.up()
}

describe('recurring tasks', () => {
  test('a recurring task shows on each day of its series, and still does after a reload', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await createDailySeries(page)
      const task = await taskTitled(page, TITLE)
      assert.deepEqual(task.recurrence, { frequency: 'daily', interval: 1, weekdays: [], until: '2021-05-07', count: null, exceptions: {} })
      assert.equal(task.start, '2021-05-03')
      assert.equal(task.end, '2021-05-04')
      await assertShownOn(page, { '2021-05-02': 0, ...Object.fromEntries(DAYS.map((d) => [d, 1])), '2021-05-08': 0 })

      // The list view has one row per occurrence.
      await page.getByRole('button', { name: 'Danh sách', exact: true }).click()
      await eventually(async () => assert.equal(await page.locator('[data-testid="task-list"] [role="row"]', { hasText: TITLE }).count(), 5))
      await page.getByRole('button', { name: 'Tháng', exact: true }).click()

      await flushSave(page)
      await page.reload()
      await waitForCalendarReady(page)
      await assertShownOn(page, Object.fromEntries(DAYS.map((d) => [d, 1])))
    }, { viewport: TALL_VIEWPORT }))

  test('one occurrence moves by drag and another is cancelled from its dialog, each undoable', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await createDailySeries(page)
      await assertShownOn(page, Object.fromEntries(DAYS.map((d) => [d, 1])))

      await dragOccurrence(page, '2021-05-05', '2021-05-11')
      await eventually(async () => assert.deepEqual((await taskTitled(page, TITLE)).recurrence.exceptions, {
        '2021-05-05': { type: 'moved', start: '2021-05-11', end: '2021-05-12' },
      }))
      await assertShownOn(page, { '2021-05-04': 1, '2021-05-05': 0, '2021-05-06': 1, '2021-05-11': 1 })

      // Cancel 06/05 from its own dialog.
      await dayCell(page, '2021-05-06').locator('.fc-event.task-event', { hasText: TITLE }).click()
      const dialog = editorDialog(page)
      await dialog.getByTestId('occurrence-panel').waitFor()
      assert.match((await dialog.getByTestId('occurrence-panel').textContent()) ?? '', /Lần lặp ngày 06\/05\/2021/)
      // A date that does not exist is refused with a message, and nothing moves.
      const exceptionsBefore = (await taskTitled(page, TITLE)).recurrence.exceptions
      await dialog.locator('input[name="occurrenceMoveTo"]').fill('31/02/2021')
      await dialog.getByRole('button', { name: 'Dời', exact: true }).click()
      await assertText(dialog.getByTestId('occurrence-panel').locator('.field-error'), 'Ngày không hợp lệ (dd/mm/yyyy).')
      assert.equal(await dialog.locator('input[name="occurrenceMoveTo"]').getAttribute('aria-invalid'), 'true')
      assert.deepEqual((await taskTitled(page, TITLE)).recurrence.exceptions, exceptionsBefore)
      await dialog.getByRole('button', { name: 'Hủy riêng lần này' }).click()
      await dialog.waitFor({ state: 'detached' })
      await assertShownOn(page, { '2021-05-03': 1, '2021-05-04': 1, '2021-05-06': 0, '2021-05-07': 1, '2021-05-11': 1 })
      assert.deepEqual((await taskTitled(page, TITLE)).recurrence.exceptions['2021-05-06'], { type: 'cancelled' })

      // Undo brings 06/05 back; a second undo puts 05/05 back in its place.
      await focusPageBody(page)
      await page.keyboard.press('Control+z')
      await assertShownOn(page, { '2021-05-06': 1, '2021-05-11': 1 })
      await page.keyboard.press('Control+z')
      await assertShownOn(page, { '2021-05-05': 1, '2021-05-11': 0 })
      assert.deepEqual((await taskTitled(page, TITLE)).recurrence.exceptions, {})
    }, { viewport: TALL_VIEWPORT }))
})
