// Phones and tablets (issue 11, "Phones"): at 390 × 844 and 768 × 1024 with touch, nothing scrolls
// sideways in any view or with the task editor open; on a phone the side panel is a drawer, the top
// bar's actions a menu, the list the default view, dialogs fill the screen, and a long press (half a
// second) picks up a task to drag.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { setupSuite, TEST_TIMEOUT_MS, waitForCalendarReady } from './support.mjs'

const suite = setupSuite()

const PHONE = { width: 390, height: 844 }
const TABLET = { width: 768, height: 1024 }
const VIEW_BUTTONS = { month: 'Tháng', week: 'Tuần', list: 'Danh sách', year: 'Năm' }

/**
 * Like support.mjs's withApp, with a touch screen (hasTouch, isMobile: the page lays out at the
 * device's width and grows its layout viewport when content is wider, as a phone's browser does).
 * The same guards: no request off the page's origin, no page error, no console error.
 */
async function withTouchApp(viewport, body, { path = '/' } = {}) {
  const origin = new URL(suite.server.url).origin
  const context = await suite.browser.newContext({ viewport, hasTouch: true, isMobile: true, deviceScaleFactor: 1, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })
  context.setDefaultTimeout(10_000)
  const problems = []
  await context.route((url) => url.origin !== origin && !['data:', 'blob:'].includes(url.protocol), (route) => {
    problems.push(`foreign request: ${route.request().url()}`)
    return route.abort('blockedbyclient')
  })
  context.on('page', (page) => {
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`console error: ${message.text()}`) })
  })
  try {
    const page = await context.newPage()
    await page.goto(`${suite.server.url}${path}`)
    await waitForCalendarReady(page)
    await body(page)
  } finally {
    await context.close()
  }
  assert.deepEqual(problems, [])
}

/** The page does not scroll sideways: laid out at the screen's width and no wider. */
async function assertNoSidewaysScroll(page, viewport, what) {
  const { scrollWidth, innerWidth, bodyWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, bodyWidth: document.body.scrollWidth,
  }))
  assert.ok(scrollWidth <= innerWidth && bodyWidth <= innerWidth, `${what}: the page is ${Math.max(scrollWidth, bodyWidth)} px wide in a ${innerWidth} px window`)
  assert.equal(innerWidth, viewport.width, `${what}: the page laid out at ${innerWidth} px on a ${viewport.width} px screen (content wider than the screen)`)
}

/** An open dialog shows all of its content's width (nothing cut off on the right). */
async function assertDialogFits(page, viewport, what) {
  const box = await page.locator('dialog[open]').evaluate((d) => ({ scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, right: d.getBoundingClientRect().right }))
  assert.ok(box.scrollWidth <= box.clientWidth, `${what}: the dialog's content is ${box.scrollWidth} px in ${box.clientWidth} px`)
  assert.ok(box.right <= viewport.width, `${what}: the dialog ends at ${box.right} px`)
}

async function showView(page, view) {
  await page.locator('.view-switch').getByRole('button', { name: VIEW_BUTTONS[view], exact: true }).tap()
  if (view === 'list') await page.getByTestId('task-list').locator('.task-list-scroll [role="row"]').first().waitFor()
  // A phone's month is the app's grid of days (phone-month-view.tsx); a tablet's is FullCalendar's.
  else if (view === 'month' && page.viewportSize().width <= 700) await page.getByTestId('phone-month').locator('tbody td').first().waitFor()
  else await page.locator(view === 'year' ? '.fc-multimonth' : view === 'week' ? '.fc-timegrid' : '.fc-dayGridMonth-view').first().waitFor()
  await page.waitForTimeout(150)
}

async function storeView(page) {
  return page.evaluate(() => window.__electionPlanner.store.getState().calendar.view)
}

test('a phone opens on the list, and no view or the task editor scrolls sideways at 390 px', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withTouchApp(PHONE, async (page) => {
    assert.equal(await storeView(page), 'list', 'a phone without a view in its address opens on the list')
    await page.getByTestId('task-list').waitFor()
    assert.match(page.url(), /[?&]view=list(&|$)/, 'the address says which view is shown')
    await assertNoSidewaysScroll(page, PHONE, 'list')
    for (const view of ['month', 'week', 'year', 'list']) {
      await showView(page, view)
      assert.equal(await storeView(page), view)
      await assertNoSidewaysScroll(page, PHONE, view)
    }

    // The task editor, from a tap on a row: full-screen, nothing cut off, no sideways scroll.
    await page.locator('.task-list-scroll [role="row"]').first().tap()
    const editor = page.locator('dialog[open].task-editor')
    await editor.waitFor()
    await assertNoSidewaysScroll(page, PHONE, 'task editor')
    await assertDialogFits(page, PHONE, 'task editor')
    const box = await editor.boundingBox()
    assert.ok(box.x <= 0 && box.width >= PHONE.width && box.height >= PHONE.height - 1, `the editor fills the screen (${JSON.stringify(box)})`)
    await page.keyboard.press('Escape')
    await editor.waitFor({ state: 'detached' })
  })
})

test('a phone keeps the view its address names', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withTouchApp(PHONE, async (page) => {
    assert.equal(await storeView(page), 'month')
    await page.getByTestId('phone-month').waitFor()
    await assertNoSidewaysScroll(page, PHONE, 'month from the address')
  }, { path: '/?view=month' })
})

test('a phone\'s month is a grid of days with their task counts; a tapped day lists its tasks, which open', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withTouchApp(PHONE, async (page) => {
    const month = page.getByTestId('phone-month')
    const grid = month.getByRole('grid', { name: 'Tháng 5 năm 2021' })
    await grid.waitFor()
    assert.equal(await page.locator('.fc').count(), 0, 'no FullCalendar month on a phone')
    // Election day: marked, picked (the address's date), its tasks listed under the grid.
    const electionDay = grid.locator('td[data-date="2021-05-23"]')
    assert.match(await electionDay.getAttribute('class'), /is-election-day/)
    assert.equal(await electionDay.getAttribute('aria-selected'), 'true')
    await assertNoSidewaysScroll(page, PHONE, 'phone month')
    const cellCount = async (date) => {
      const count = grid.locator(`td[data-date="${date}"] .pm-day-count`)
      return (await count.count()) === 0 ? 0 : Number(await count.textContent())
    }
    const dayList = month.getByTestId('day-agenda')
    const listedCount = async () => Number((await dayList.locator('.task-list-summary').textContent()).match(/^(\d+)/)[1])
    assert.equal(await listedCount(), await cellCount('2021-05-23'), 'the day lists as many tasks as its cell counts')

    // A tap on 10/05: the app's date moves, the day's tasks are listed, as many as the cell says.
    await grid.locator('td[data-date="2021-05-10"]').tap()
    await page.waitForFunction(() => window.__electionPlanner.store.getState().calendar.date === '2021-05-10')
    await dayList.locator('.task-list-summary', { hasText: '10/05/2021' }).waitFor()
    const count = await cellCount('2021-05-10')
    assert.ok(count > 0)
    assert.equal(await listedCount(), count)

    // A row opens the task, as in the list.
    const firstTitle = await dayList.locator('.task-list-scroll [role="row"] .task-list-title').first().textContent()
    await dayList.locator('.task-list-scroll [role="row"]').first().tap()
    const editor = page.locator('dialog[open].task-editor')
    await editor.waitFor()
    assert.equal(await editor.locator('textarea[name="title"]').inputValue(), firstTitle.replace(/^↻ /, ''))
    await page.keyboard.press('Escape')
    await editor.waitFor({ state: 'detached' })

    // › steps the month as on every screen, to its first day, which is picked and listed.
    await page.getByRole('button', { name: 'Sau', exact: true }).tap()
    await month.getByRole('grid', { name: 'Tháng 6 năm 2021' }).waitFor()
    assert.equal(await month.locator('td[aria-selected="true"]').getAttribute('data-date'), '2021-06-01')
    await dayList.locator('.task-list-summary', { hasText: '01/06/2021' }).waitFor()

    // A finger swiped to the right over the grid goes back a month, to the left forward.
    const cdp = await page.context().newCDPSession(page)
    const swipe = async (fromX, toX) => {
      const box = await month.getByRole('grid').boundingBox()
      const y = box.y + box.height / 2
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: fromX, y }] })
      for (let i = 1; i <= 6; i += 1) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: fromX + ((toX - fromX) * i) / 6, y }] })
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    }
    await swipe(60, 300)
    await month.getByRole('grid', { name: 'Tháng 5 năm 2021' }).waitFor()
    await swipe(300, 60)
    await month.getByRole('grid', { name: 'Tháng 6 năm 2021' }).waitFor()
  }, { path: '/?view=month&date=2021-05-23' })
})

test('on a phone the side panel is a drawer: closed, opened from the top bar, closed by Esc, backdrop and a phase', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withTouchApp(PHONE, async (page) => {
    const button = page.getByRole('button', { name: 'Giai đoạn, kênh, mốc' })
    const drawer = page.getByRole('dialog', { name: 'Giai đoạn, kênh, mốc' })
    const phase = page.getByRole('button', { name: 'Sau bầu cử' })
    assert.equal(await button.getAttribute('aria-expanded'), 'false')
    assert.equal(await phase.isVisible(), false, 'the phases are not on screen while the drawer is closed')
    assert.equal(await page.locator('aside.side-panel').count(), 0, 'no side panel beside the calendar')

    await button.tap()
    await drawer.waitFor()
    assert.equal(await button.getAttribute('aria-expanded'), 'true')
    assert.ok(await drawer.evaluate((d) => d.contains(document.activeElement)), 'focus moved into the drawer')
    await phase.waitFor()
    await assertNoSidewaysScroll(page, PHONE, 'drawer open')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
    assert.equal(await button.getAttribute('aria-expanded'), 'false')
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Giai đoạn, kênh, mốc', 'focus returned to the button')

    // A tap on the backdrop (right of the drawer) closes it.
    await button.tap()
    await drawer.waitFor()
    await page.touchscreen.tap(PHONE.width - 20, PHONE.height / 2)
    await drawer.waitFor({ state: 'hidden' })

    // A phase moves the calendar there and closes the drawer, so the user sees it.
    await button.tap()
    await phase.tap()
    await drawer.waitFor({ state: 'hidden' })
    assert.equal(await page.evaluate(() => window.__electionPlanner.store.getState().calendar.date), '2021-05-24')
  })
})

test('on a phone the top bar\'s actions are a menu that reaches "Xuất", with "+ Thêm nhiệm vụ" outside it', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withTouchApp(PHONE, async (page) => {
    const menuButton = page.getByRole('button', { name: 'Thao tác' })
    const excel = page.getByRole('button', { name: 'Excel (.xlsx)' })
    assert.ok(await page.getByRole('button', { name: '+ Thêm nhiệm vụ' }).isVisible(), '"+ Thêm nhiệm vụ" stays on screen')
    assert.equal(await menuButton.getAttribute('aria-expanded'), 'false')
    assert.equal(await excel.isVisible(), false)
    const topBar = await page.locator('header.top-bar').boundingBox()
    assert.ok(topBar.height <= 100, `the top bar is two short lines (${topBar.height} px)`)

    await menuButton.tap()
    assert.equal(await menuButton.getAttribute('aria-expanded'), 'true')
    await excel.waitFor()
    await assertNoSidewaysScroll(page, PHONE, 'menu open')
    // Esc closes it, focus back on its button.
    await excel.focus()
    await page.keyboard.press('Escape')
    await excel.waitFor({ state: 'hidden' })
    assert.equal(await menuButton.getAttribute('aria-expanded'), 'false')
    assert.ok(await menuButton.evaluate((b) => b === document.activeElement), 'focus returned to "Thao tác"')

    // "Xuất" → Excel through the menu: the export dialog, full-screen; closing it returns to the menu's button.
    await menuButton.tap()
    await excel.tap()
    const exportDialog = page.getByRole('dialog', { name: 'Xuất' })
    await exportDialog.waitFor()
    assert.equal(await excel.isVisible(), false, 'the menu closed')
    await assertNoSidewaysScroll(page, PHONE, 'export dialog')
    await assertDialogFits(page, PHONE, 'export dialog')
    await page.keyboard.press('Escape')
    await exportDialog.waitFor({ state: 'detached' })
    assert.ok(await menuButton.evaluate((b) => b === document.activeElement), 'focus returned to "Thao tác" after the dialog')

    // A tap outside closes the menu.
    await menuButton.tap()
    await excel.waitFor()
    await page.locator('.first-run-banner span').tap({ position: { x: 10, y: 5 } })
    await excel.waitFor({ state: 'hidden' })
  })
})

test('on a phone a half-second press picks up a task and drags it to another day', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withTouchApp(PHONE, async (page) => {
    // A task alone in August 2021, so its bar is on screen in the week's all-day row.
    const id = await page.evaluate(() => {
      const s = window.__electionPlanner.store.getState()
      const taskId = s.createTask({
        title: 'Họp rút kinh nghiệm', allDay: true, start: '2021-08-10', end: '2021-08-11', anchor: { type: 'fixed' }, endAnchor: null,
        channelId: null, leadUnitId: null, supportUnitIds: [], location: '', quantity: '', status: 'planned', doneOn: null,
        description: '', training: null, recurrence: null, level: null, source: null, campaigning: false, derivedFromTaskId: null,
      })
      // The week: a phone's month is a grid of days without bars (phone-month-view.tsx).
      s.setCalendar({ view: 'week', date: '2021-08-10' })
      return taskId
    })
    const bar = page.locator('.fc-timegrid .fc-daygrid-day[data-date="2021-08-10"] .fc-event.task-event')
    await bar.waitFor()
    const from = await bar.boundingBox()
    const to = await page.locator('.fc-timegrid .fc-daygrid-day[data-date="2021-08-12"]').boundingBox()
    const cdp = await page.context().newCDPSession(page)
    const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] })
    const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 }
    const end = { x: to.x + to.width / 2, y: to.y + to.height / 2 }
    // The page's own clock: when the finger went down, and when FullCalendar picked the task up
    // (on touch it selects the event as its drag starts: .fc-event-selected). A timer cannot fire
    // early, so a pick-up under 1 s is the app's delay, not FullCalendar's default (1 s).
    await page.evaluate(() => {
      const press = { downAt: null, pickedAt: null }
      window.__press = press
      document.addEventListener('touchstart', (e) => { press.downAt ??= e.timeStamp }, { capture: true, once: true })
      new MutationObserver((_, observer) => {
        if (press.downAt !== null && document.querySelector('.fc-event-selected')) {
          press.pickedAt = performance.now()
          observer.disconnect()
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] })
    })
    await touch('touchStart', start.x, start.y)
    await page.waitForFunction(() => window.__press.pickedAt !== null, null, { timeout: 5_000 })
    const { downAt, pickedAt } = await page.evaluate(() => window.__press)
    assert.ok(pickedAt - downAt >= 450 && pickedAt - downAt < 950, `the task was picked up ${Math.round(pickedAt - downAt)} ms after the finger went down`)
    for (let i = 1; i <= 10; i += 1) {
      await touch('touchMove', start.x + ((end.x - start.x) * i) / 10, start.y + ((end.y - start.y) * i) / 10)
      await page.waitForTimeout(30)
    }
    await touch('touchEnd')
    await page.waitForFunction((taskId) => {
      const s = window.__electionPlanner.store.getState()
      return s.plans[s.activePlanId].tasks[taskId].start === '2021-08-12'
    }, id, { timeout: 3_000 })
  }, { path: '/?view=week' })
})

test('at 768 × 1024 nothing scrolls sideways in any view or with the task editor open', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withTouchApp(TABLET, async (page) => {
    assert.equal(await storeView(page), 'month', 'a tablet keeps the month as its first view')
    assert.ok(await page.locator('aside.side-panel').isVisible(), 'the side panel stays beside the calendar')
    for (const view of ['month', 'week', 'year', 'list']) {
      await showView(page, view)
      await assertNoSidewaysScroll(page, TABLET, view)
    }
    await page.locator('.task-list-scroll [role="row"]').first().tap()
    await page.locator('dialog[open].task-editor').waitFor()
    await assertNoSidewaysScroll(page, TABLET, 'task editor')
    await assertDialogFits(page, TABLET, 'task editor')
  })
})
