// Issue 12, "a quick way to update status where people look": the list's per-row status select,
// by keyboard and by mouse, one undo step, kept over a reload, seen by the status filter; the
// editor's "done on" day; and (issue 11) the list's header row inside its role=table, checked by axe.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { test } from 'node:test'
import { activePlan, editorDialog, setupSuite, TEST_TIMEOUT_MS, waitForCalendarReady, withApp } from './support.mjs'

const suite = setupSuite()
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Today in Vietnam, as the app (withApp's browser is in Asia/Ho_Chi_Minh) takes it. */
const todayInVietnam = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())
const displayDate = (iso) => iso.split('-').reverse().join('/')

async function openList(page, query = '') {
  const url = new URL(page.url())
  url.search = `?view=list&date=2021-05-01${query}`
  await page.goto(url.href)
  await waitForCalendarReady(page)
}

/** A planned single task of May 2021 whose title no other task has (its row's select is found by title). */
async function plannedMayTask(page, skip = []) {
  const tasks = Object.values((await activePlan(page)).tasks)
  return tasks.find((t) => !t.recurrence && t.status === 'planned' && t.allDay && t.start >= '2021-05-01' && t.start < '2021-05-20'
    && !skip.includes(t.id) && tasks.filter((o) => o.title === t.title).length === 1)
}

const taskNow = (page, id) => page.evaluate((id) => {
  const s = window.__electionPlanner.store.getState()
  return s.plans[s.activePlanId].tasks[id]
}, id)

async function waitForStatus(page, id, status) {
  await page.waitForFunction(({ id, status }) => {
    const s = window.__electionPlanner.store.getState()
    return s.plans[s.activePlanId].tasks[id]?.status === status
  }, { id, status })
}

test('marks a task done from the list by mouse: done today, one undo step, kept over a reload, found by the status filter', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withApp(suite, async ({ page }) => {
    await openList(page)
    const task = await plannedMayTask(page)
    const select = page.getByRole('combobox', { name: `Trạng thái: ${task.title}`, exact: true })
    // A click on the select does not open the editor (the row's click does).
    await select.click()
    await page.keyboard.press('Escape')
    assert.equal(await editorDialog(page).count(), 0, 'the editor stayed closed')
    await select.selectOption('done')
    await waitForStatus(page, task.id, 'done')
    const done = await taskNow(page, task.id)
    assert.equal(done.doneOn, todayInVietnam())
    assert.ok(done.updatedAt > task.updatedAt, 'updatedAt moved on')
    assert.equal(await select.getAttribute('title'), null, 'the select itself has no title')
    assert.equal(await select.locator('xpath=..').getAttribute('title'), `Hoàn thành ngày ${displayDate(todayInVietnam())}`)

    // One undo step brings it back exactly.
    await page.getByRole('button', { name: /Hoàn tác/ }).click()
    await waitForStatus(page, task.id, 'planned')
    assert.deepEqual(await taskNow(page, task.id), task)
    assert.equal(await select.inputValue(), 'planned')

    // Again, then reload: the status and its day are saved.
    await select.selectOption('done')
    await waitForStatus(page, task.id, 'done')
    await page.waitForFunction(() => !/Đang lưu/.test(document.body.textContent))
    await page.reload()
    await waitForCalendarReady(page)
    assert.equal((await taskNow(page, task.id)).doneOn, todayInVietnam())
    assert.equal(await page.getByRole('combobox', { name: `Trạng thái: ${task.title}`, exact: true }).inputValue(), 'done')

    // The status filter shows it among the done tasks, and not among the planned ones.
    await openList(page, '&status=done')
    await page.getByRole('button', { name: 'Bỏ lọc Trạng thái: Hoàn thành' }).waitFor()
    await page.getByRole('combobox', { name: `Trạng thái: ${task.title}`, exact: true }).waitFor()
    await openList(page, '&status=planned')
    await page.getByRole('button', { name: 'Bỏ lọc Trạng thái: Chưa bắt đầu' }).waitFor()
    assert.equal(await page.getByRole('combobox', { name: `Trạng thái: ${task.title}`, exact: true }).count(), 0)
  })
})

test('marks a task done by keyboard alone: Tab from the row to its select, arrows, Ctrl+Z undoes', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withApp(suite, async ({ page }) => {
    await openList(page)
    const task = await plannedMayTask(page)
    const select = page.getByRole('combobox', { name: `Trạng thái: ${task.title}`, exact: true })
    const row = select.locator('xpath=ancestor::*[@role="row"][1]')
    await row.focus()
    await page.keyboard.press('Tab')
    assert.equal(await select.evaluate((el) => el === document.activeElement), true, 'Tab moves from the row to its status')
    // A closed native select steps through its options with the arrows (each step is a change).
    await page.keyboard.press('ArrowDown')
    await waitForStatus(page, task.id, 'in-progress')
    await page.keyboard.press('ArrowDown')
    await waitForStatus(page, task.id, 'done')
    assert.equal((await taskNow(page, task.id)).doneOn, todayInVietnam())
    // Enter on the select does not open the editor; Enter on the row does.
    await page.keyboard.press('Enter')
    assert.equal(await editorDialog(page).count(), 0)
    // Chromium opens the select's list on Enter: Escape closes it and leaves the focus on the select.
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+z')
    await waitForStatus(page, task.id, 'in-progress')
    assert.equal((await taskNow(page, task.id)).doneOn, null, 'leaving done clears the day')
    await page.keyboard.press('Control+z')
    await waitForStatus(page, task.id, 'planned')
    await row.focus()
    await page.keyboard.press('Enter')
    await editorDialog(page).waitFor()
  })
})

test('the editor shows the done-on day for a done task and refuses one after today or before the start', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withApp(suite, async ({ page }) => {
    await openList(page)
    const task = await plannedMayTask(page)
    await page.getByRole('row').filter({ hasText: task.title }).first().click()
    const dialog = editorDialog(page)
    await dialog.waitFor()
    assert.equal(await dialog.getByLabel('Ngày hoàn thành').count(), 0, 'no done-on field while not done')
    await dialog.getByLabel('Trạng thái', { exact: true }).selectOption('done')
    const doneOn = dialog.getByLabel('Ngày hoàn thành')
    assert.equal(await doneOn.inputValue(), displayDate(todayInVietnam()), 'marked done: today')
    await doneOn.fill('01/01/2099')
    await dialog.getByRole('button', { name: 'Lưu' }).click()
    await dialog.getByText(`Ngày hoàn thành không được sau hôm nay (${displayDate(todayInVietnam())}).`).waitFor()
    assert.equal(await doneOn.evaluate((el) => el === document.activeElement), true, 'focus goes to the wrong field')
    await doneOn.fill('01/01/2021')
    await dialog.getByRole('button', { name: 'Lưu' }).click()
    await dialog.getByText(`Ngày hoàn thành không được trước ngày bắt đầu (${displayDate(task.start)}).`).waitFor()
    await doneOn.fill(displayDate(task.start))
    await dialog.getByRole('button', { name: 'Lưu' }).click()
    await waitForStatus(page, task.id, 'done')
    assert.equal((await taskNow(page, task.id)).doneOn, task.start)
  })
})

test('the list view is one ARIA table with its header row inside, and axe finds nothing serious in it', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withApp(suite, async ({ page }) => {
    await openList(page)
    const structure = await page.evaluate(() => {
      const table = document.querySelector('[data-testid="task-list"] [role="table"]')
      const head = document.querySelector('.task-list-head')
      return {
        tables: document.querySelectorAll('[data-testid="task-list"] [role="table"]').length,
        headInside: table?.contains(head) ?? false,
        headParentRole: head?.parentElement?.getAttribute('role'),
        columnheaders: table?.querySelectorAll('[role="columnheader"]').length,
        label: table?.getAttribute('aria-labelledby') ? document.getElementById(table.getAttribute('aria-labelledby'))?.textContent : null,
      }
    })
    assert.deepEqual({ ...structure, label: undefined }, { tables: 1, headInside: true, headParentRole: 'rowgroup', columnheaders: 6, label: undefined })
    assert.match(structure.label, /nhiệm vụ từ/)
    await page.evaluate(AXE_SOURCE)
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document.querySelector('[data-testid="task-list"]'), {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'],
      })
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
    })
    assert.deepEqual(violations, [])
  })
})
