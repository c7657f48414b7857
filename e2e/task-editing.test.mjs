// Creating a task through the form, moving it by drag and drop, undo/redo, and a hostile title.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  activePlan, assertText, createTaskViaForm, dayCell, dayUnderEventEnd, dayUnderEventStart, dragTaskToDay, editorDialog,
  eventually, focusPageBody, openNewTaskForm, setupSuite, TALL_VIEWPORT, taskEvent, taskTitled, TEST_TIMEOUT_MS, waitForTask,
  withApp,
} from './support.mjs'

const suite = setupSuite()
const TITLE = 'Kiểm thử tạo nhiệm vụ'

/** The plan's first channel: its id, and its Vietnamese name (its label in the editor's list). */
async function firstChannel(page) {
  const channel = (await activePlan(page)).channels[0]
  assert.ok(channel, 'the sample plan has no channel')
  return { id: channel.id, label: channel.name }
}

/** The calendar shows the task from `firstDay` to `lastDay` (it redraws a frame or two after the store). */
async function assertTaskShownOn(page, title, firstDay, lastDay) {
  await taskEvent(page, title).waitFor()
  await eventually(async () => {
    assert.equal(await dayUnderEventStart(page, title), firstDay, `${title} does not start on ${firstDay}`)
    assert.equal(await dayUnderEventEnd(page, title), lastDay, `${title} does not end on ${lastDay}`)
    // FullCalendar puts a segment in its first day's cell: the event is in that cell's DOM too.
    assert.equal(await dayCell(page, firstDay).locator('.fc-event.task-event', { hasText: title }).count(), 1)
  })
}

/** Creates the test task on 05/05–06/05/2021 and waits until the calendar shows it. */
async function createTestTask(page) {
  const channel = await firstChannel(page)
  await createTaskViaForm(page, { title: TITLE, startDate: '05/05/2021', endDate: '06/05/2021', channel: channel.label })
  await waitForTask(page, TITLE, { start: '2021-05-05', end: '2021-05-07' })
  await assertTaskShownOn(page, TITLE, '2021-05-05', '2021-05-06')
}

async function dragTestTaskTo12May(page) {
  await dragTaskToDay(page, TITLE, '2021-05-12')
  await waitForTask(page, TITLE, { start: '2021-05-12', end: '2021-05-14' })
  await assertTaskShownOn(page, TITLE, '2021-05-12', '2021-05-13')
}

describe('task editing', () => {
  test('the form refuses an empty title and an end before the start, then creates the task on its days', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      const taskCount = async () => Object.keys((await activePlan(page)).tasks).length
      const before = await taskCount()
      const dialog = await openNewTaskForm(page)
      const title = dialog.locator('textarea[name="title"]')
      const start = dialog.locator('input[name="startDate"]')
      const end = dialog.locator('input[name="endDate"]')
      const save = dialog.getByRole('button', { name: 'Lưu', exact: true })

      // 1. No title.
      await title.fill('')
      await save.click()
      await assertText(dialog.locator('.field-error').first(), 'Bắt buộc nhập.')
      assert.equal(await title.getAttribute('aria-invalid'), 'true')
      assert.ok(await dialog.isVisible(), 'the dialog closed on an invalid form')
      assert.ok(await dialog.getByRole('alert').isVisible(), 'no error summary')
      // The first wrong field gets the focus.
      await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'title')

      // 2. A title, but the end before the start.
      await title.fill(TITLE)
      await start.fill('10/05/2021')
      await end.fill('05/05/2021')
      await save.click()
      await assertText(dialog.locator(`#${await end.getAttribute('aria-describedby')}`), 'Ngày kết thúc không được trước ngày bắt đầu.')
      assert.equal(await end.getAttribute('aria-invalid'), 'true')
      assert.equal(await title.getAttribute('aria-invalid'), null, 'the fixed title is still marked wrong')
      assert.ok(await dialog.isVisible())
      assert.equal(await taskCount(), before, 'an invalid form created a task')

      // 3. Valid: 05/05–06/05/2021 on a channel.
      const channel = await firstChannel(page)
      await start.fill('05/05/2021')
      await end.fill('06/05/2021')
      await assertText(dialog.getByTestId('editor-d-offset'), 'So với ngày bầu cử: D-18')
      await dialog.locator('select[name="channelId"]').selectOption({ label: channel.label })
      await save.click()
      await editorDialog(page).waitFor({ state: 'detached' })

      const task = await taskTitled(page, TITLE)
      assert.equal(task.start, '2021-05-05')
      assert.equal(task.end, '2021-05-07', 'an all-day end is stored exclusive')
      assert.equal(task.allDay, true)
      assert.equal(task.channelId, channel.id)
      assert.equal(await taskCount(), before + 1)
      await assertTaskShownOn(page, TITLE, '2021-05-05', '2021-05-06')
    }, { viewport: TALL_VIEWPORT }))

  test('dragging the task to another day moves it there and keeps its length', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await createTestTask(page)
      await dragTestTaskTo12May(page)
      const task = await taskTitled(page, TITLE)
      assert.deepEqual({ start: task.start, end: task.end, allDay: task.allDay }, { start: '2021-05-12', end: '2021-05-14', allDay: true })
      assert.equal(await dayCell(page, '2021-05-05').locator('.fc-event.task-event', { hasText: TITLE }).count(), 0, 'the event is still on 05/05')
    }, { viewport: TALL_VIEWPORT }))

  test('undo and redo the drag, with the buttons and with Ctrl+Z / Ctrl+Shift+Z', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      const undo = page.getByRole('button', { name: '↶ Hoàn tác' })
      const redo = page.getByRole('button', { name: '↷ Làm lại' })
      assert.ok(await undo.isDisabled(), 'undo is enabled before any edit')
      await createTestTask(page)
      await dragTestTaskTo12May(page)
      assert.ok(await redo.isDisabled(), 'redo is enabled before any undo')

      await undo.click()
      await waitForTask(page, TITLE, { start: '2021-05-05', end: '2021-05-07' })
      await assertTaskShownOn(page, TITLE, '2021-05-05', '2021-05-06')
      assert.ok(await redo.isEnabled())

      await focusPageBody(page)
      await page.keyboard.press('Control+Shift+Z')
      await waitForTask(page, TITLE, { start: '2021-05-12', end: '2021-05-14' })
      await assertTaskShownOn(page, TITLE, '2021-05-12', '2021-05-13')

      await focusPageBody(page)
      await page.keyboard.press('Control+Z')
      await waitForTask(page, TITLE, { start: '2021-05-05', end: '2021-05-07' })
      await assertTaskShownOn(page, TITLE, '2021-05-05', '2021-05-06')

      await redo.click()
      await waitForTask(page, TITLE, { start: '2021-05-12', end: '2021-05-14' })
      await assertTaskShownOn(page, TITLE, '2021-05-12', '2021-05-13')

      // One more undo than the drag takes the creation back: the task is gone from store and calendar.
      await undo.click()
      await undo.click()
      await page.waitForFunction((t) => {
        const s = window.__electionPlanner.store.getState()
        return !Object.values(s.plans[s.activePlanId].tasks).some((task) => task.title === t)
      }, TITLE)
      await taskEvent(page, TITLE).waitFor({ state: 'detached' })
    }, { viewport: TALL_VIEWPORT }))

  test('a title that looks like HTML is shown as text, never run', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page, origin, guard }) => {
      const hostile = '<img src=x onerror=alert(1)>'
      const imagesBefore = await page.locator('img').count()
      await createTaskViaForm(page, { title: hostile, startDate: '05/05/2021', endDate: '05/05/2021' })
      await waitForTask(page, hostile, { start: '2021-05-05', end: '2021-05-06' })

      const event = taskEvent(page, hostile)
      await event.waitFor()
      assert.ok(((await event.textContent()) ?? '').includes(hostile), 'the literal title is not the event text')
      assert.equal(await page.locator('[data-testid="calendar"] img').count(), 0, 'an <img> was created in the calendar')
      assert.equal(await page.locator('img').count(), imagesBefore)

      // The list view shows it as text as well.
      await page.getByRole('button', { name: 'Danh sách', exact: true }).click()
      const row = page.locator('[data-testid="task-list"] .task-list-title', { hasText: hostile })
      await row.waitFor()
      assert.equal(((await row.textContent()) ?? '').trim(), hostile)
      assert.equal(await page.locator('[data-testid="task-list"] img').count(), 0)

      // No alert fired (the guard also fails the test on any dialog) and nothing fetched "x".
      await page.waitForTimeout(200)
      assert.deepEqual(guard.dialogs, [])
      assert.ok(!guard.requests.includes(`${origin}/x`), 'the browser tried to load the <img> source')
    }, { viewport: TALL_VIEWPORT }))
})
