/**
 * The keyboard alone (issue 11, "Keyboard and screen readers"): the skip link, the export menu's keys,
 * the toolbar's one Tab stop, and every everyday action (create, open, edit, move by the date field,
 * switch views, move between periods, filter, undo) with page.keyboard only, no click, on the 2021
 * template. Also the names the audit found wrong: the language button's lang, the colour inputs.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { assertText, eventually, setupSuite, TEST_TIMEOUT_MS, waitForTask, withApp } from './support.mjs'

const suite = setupSuite()

/** What has focus: tag, text or name, and a few roles, for assertions and failure messages. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement
    return {
      tag: el?.tagName ?? null,
      id: el?.id ?? '',
      name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
      role: el?.getAttribute('role') ?? null,
      inToolbar: Boolean(el?.closest('[role="toolbar"]')),
      isEvent: Boolean(el?.closest('.fc-event')),
      fieldName: el?.getAttribute('name') ?? null,
      className: typeof el?.className === 'string' ? el.className : '',
    }
  })
}

/** Presses Tab until `accept(focused)` holds; returns how many Tabs it took (fails after `max`). */
async function tabUntil(page, accept, max = 60, key = 'Tab') {
  const seen = []
  for (let i = 1; i <= max; i += 1) {
    await page.keyboard.press(key)
    const now = await focused(page)
    if (accept(now)) return i
    seen.push(`${now.tag}:${now.name.slice(0, 30)}`)
  }
  assert.fail(`not reached after ${max} × ${key}; focus went through ${seen.join(' | ')}`)
}

/** The skip link, then Enter: focus on the calendar area. */
async function skipToCalendar(page) {
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined))
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  assert.equal((await focused(page)).id, 'calendar-area')
}

test('the skip link is the first Tab stop and brings the first event within a few Tabs', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withApp(suite, async ({ page }) => {
    await page.keyboard.press('Tab')
    const first = await focused(page)
    assert.equal(first.tag, 'A')
    assert.equal(first.name, 'Bỏ qua đến lịch')
    const box = await page.locator('.skip-link').boundingBox()
    assert.ok(box && box.y >= 0 && box.height > 10, `the focused skip link is not on screen: ${JSON.stringify(box)}`)
    await page.keyboard.press('Enter')
    assert.equal((await focused(page)).id, 'calendar-area')
    // The address (which carries the filter) is not touched by the skip.
    assert.ok(!page.url().includes('#'), page.url())
    // Toolbar (one stop), the filter bar, then the first event; the audit counted 40 Tabs.
    const tabs = await tabUntil(page, (f) => f.isEvent, 12)
    assert.ok(tabs <= 8, `the first event is ${tabs} Tabs after the skip link`)
  })
})

test('the export menu: arrows, Home/End, a letter, Esc back to its button, Tab moves on, a chosen item gives focus back', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withApp(suite, async ({ page }) => {
    const details = page.locator('.top-bar details.menu')
    // The menu opens on details' toggle event, a moment after the key.
    const item = () => eventually(async () => {
      const f = await focused(page)
      assert.equal(f.role, 'menuitem', `focus is not on a menu item: ${JSON.stringify(f)}`)
      return f.name
    }, 2_000)
    await tabUntil(page, (f) => f.tag === 'SUMMARY' && f.name.startsWith('Xuất'))
    await page.keyboard.press('Enter')
    assert.equal(await item(), 'Lịch (ICS)')
    await page.keyboard.press('ArrowDown')
    assert.equal(await item(), 'Excel (.xlsx)')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    assert.equal(await item(), 'Sao lưu (JSON)', 'ArrowUp does not wrap to the last item')
    await page.keyboard.press('Home')
    assert.equal(await item(), 'Lịch (ICS)')
    await page.keyboard.press('End')
    assert.equal(await item(), 'Sao lưu (JSON)')
    await page.keyboard.press('c')
    assert.equal(await item(), 'CSV')

    await page.keyboard.press('Escape')
    assert.equal(await details.evaluate((d) => d.open), false, 'Esc did not close the menu')
    const back = await focused(page)
    assert.equal(back.tag, 'SUMMARY', 'Esc did not return focus to the menu button')

    await page.keyboard.press('ArrowUp')
    assert.equal(await item(), 'Sao lưu (JSON)', 'ArrowUp on the button does not open on the last item')
    await page.keyboard.press('Tab')
    assert.equal(await details.evaluate((d) => d.open), false, 'Tab left the menu open')
    assert.equal((await focused(page)).name, 'Nhập', 'Tab did not move on past the menu')

    // Choose CSV with the keyboard: the export dialog opens; closing it gives focus back to the button.
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('ArrowDown')
    // The menu opens and moves focus into itself on the next frame: a slow machine must wait for it.
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'menuitem')
    await page.keyboard.press('c')
    await page.waitForFunction(() => /CSV/.test(document.activeElement?.textContent ?? ''))
    await page.keyboard.press('Enter')
    const dialog = page.locator('dialog[open]')
    await dialog.waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    const after = await focused(page)
    assert.equal(after.tag, 'SUMMARY', `focus after the export dialog: ${JSON.stringify(after)}`)
  })
})

test('the toolbar is one Tab stop; arrows move in it; periods and views change from the keyboard', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withApp(suite, async ({ page }) => {
    const view = () => page.evaluate(() => window.__electionPlanner.store.getState().calendar.view)
    await skipToCalendar(page)
    await page.keyboard.press('Tab')
    assert.deepEqual(await focused(page).then((f) => [f.inToolbar, f.name]), [true, 'Trước'])
    await page.keyboard.press('Tab')
    assert.equal((await focused(page)).inToolbar, false, 'the toolbar takes more than one Tab stop')
    await page.keyboard.press('Shift+Tab')
    assert.equal((await focused(page)).name, 'Trước')

    await assertText(page.getByTestId('period-title'), 'Tháng 5 năm 2021')
    await page.keyboard.press('ArrowRight')
    assert.equal((await focused(page)).name, 'Sau')
    await page.keyboard.press('Enter')
    await assertText(page.getByTestId('period-title'), 'Tháng 6 năm 2021')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Enter')
    await assertText(page.getByTestId('period-title'), 'Tháng 5 năm 2021')
    await page.keyboard.press('ArrowLeft')
    const wrapped = (await focused(page)).name
    await page.keyboard.press('Home')
    assert.equal((await focused(page)).name, 'Trước')
    await page.keyboard.press('End')
    assert.equal((await focused(page)).name, wrapped, 'ArrowLeft from the first button does not wrap to the last')
    assert.notEqual(wrapped, 'Trước')

    // Trước, Sau, Hôm nay, Ngày bầu cử, Tháng, Tuần…
    await page.keyboard.press('Home')
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight')
    assert.equal((await focused(page)).name, 'Tuần')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => window.__electionPlanner.store.getState().calendar.view === 'week')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Space')
    await page.waitForFunction(() => window.__electionPlanner.store.getState().calendar.view === 'month')
    // Leaving and coming back lands on the button used last (the roving stop remembers it).
    await page.keyboard.press('Tab')
    await page.keyboard.press('Shift+Tab')
    assert.equal((await focused(page)).name, 'Tháng')
    assert.equal(await view(), 'month')
  })
})

test('create, find by filter, open, edit, move by the date field and undo, with the keyboard alone', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withApp(suite, async ({ page }) => {
    const title = 'Phát tờ rơi bằng bàn phím'
    // Create.
    await tabUntil(page, (f) => f.name === '+ Thêm nhiệm vụ')
    await page.keyboard.press('Enter')
    await page.locator('dialog[open].task-editor').waitFor()
    assert.equal((await focused(page)).fieldName, 'title')
    await page.keyboard.type(title)
    await tabUntil(page, (f) => f.fieldName === 'startDate', 20)
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('10/05/2021')
    await page.keyboard.press('Tab')
    assert.equal((await focused(page)).fieldName, 'endDate')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('11/05/2021')
    await page.keyboard.press('Enter')
    await page.locator('dialog[open].task-editor').waitFor({ state: 'detached' })
    await waitForTask(page, title, { start: '2021-05-10', end: '2021-05-12' })

    // Filter: search without accents, from the keyboard (Tab, wrapping round the page, to the search field: focus is back on the saved task or wherever the editor left it).
    await tabUntil(page, (f) => f.className.includes('filter-search'), 200)
    await page.keyboard.type('to roi bang ban phim')
    await assertText(page.getByTestId('filter-count'), /\b1\/\d+/)

    // Open: the only event left, reached by Tab, opened with Enter.
    await tabUntil(page, (f) => f.isEvent && f.name.includes(title), 15)
    await page.keyboard.press('Enter')
    const editor = page.locator('dialog[open].task-editor')
    await editor.waitFor()
    assert.equal(await editor.locator('textarea[name="title"]').inputValue(), title)

    // Edit the title and move the task with its date fields.
    assert.equal((await focused(page)).fieldName, 'title')
    await page.keyboard.press('End')
    await page.keyboard.type(' (sửa)')
    await tabUntil(page, (f) => f.fieldName === 'startDate', 20)
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('17/05/2021')
    await page.keyboard.press('Tab')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('18/05/2021')
    await page.keyboard.press('Enter')
    await editor.waitFor({ state: 'detached' })
    await waitForTask(page, `${title} (sửa)`, { start: '2021-05-17', end: '2021-05-19' })

    // Undo: the "Hoàn tác" button by keyboard (one step: title and dates together), then Ctrl+Z on it.
    await tabUntil(page, (f) => f.name.endsWith('Hoàn tác'), 200)
    await page.keyboard.press('Enter')
    await waitForTask(page, title, { start: '2021-05-10', end: '2021-05-12' })
    await page.keyboard.press('ControlOrMeta+Z')
    await page.waitForFunction((t) => {
      const state = window.__electionPlanner.store.getState()
      return !Object.values(state.plans[state.activePlanId].tasks).some((task) => task.title === t)
    }, title)
  })
})

test('the language button names each language in its own lang; each colour input names its channel', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withApp(suite, async ({ page }) => {
    const button = page.locator('.top-bar .language-button')
    assert.equal(await button.getAttribute('lang'), null, 'the button claims one language for words of both')
    assert.equal(await button.locator('[lang="en"]', { hasText: 'English' }).count(), 1)
    assert.equal(await page.getByRole('button', { name: 'Ngôn ngữ: chuyển sang English' }).count(), 1)

    await tabUntil(page, (f) => f.name === 'Cài đặt')
    await page.keyboard.press('Enter')
    const dialog = page.locator('dialog[open].settings-dialog')
    await dialog.waitFor()
    const names = await dialog.locator('input[type="color"]').evaluateAll((inputs) => inputs.map((i) => i.getAttribute('aria-label')))
    const channels = await page.evaluate(() => {
      const state = window.__electionPlanner.store.getState()
      return state.plans[state.activePlanId].channels.map((c) => c.name)
    })
    assert.deepEqual(names, channels.map((name) => `Màu của kênh ${name}`))
  })
})
