/**
 * Accessibility (issue 11, "Keyboard and screen readers"): axe-core with the WCAG 2.0/2.1 A and AA
 * rules on the 2021 template plan in every view and every dialog, at the office size and at 390 px;
 * then what axe cannot see: the "+N nữa" popover by keyboard, the events' names, where focus goes
 * after a save, and reflow at 200 % zoom.
 *
 * axe is run by evaluating its source in the page (page.evaluate), not with addScriptTag: the app's
 * Content-Security-Policy (script-src 'self') blocks an inline <script>, as it should.
 *
 * A failure prints each serious or critical violation as `rule (impact): selector` so it can be fixed
 * without rerunning axe by hand.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { test } from 'node:test'
import {
  activePlan, editorDialog, eventually, openNewTaskForm, setupSuite, taskEvent, TEST_TIMEOUT_MS, waitForCalendarReady, withApp,
} from './support.mjs'

const suite = setupSuite()
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
/** A crowded month of the 2021 plan: every day of May shows "+N nữa" at 1366 × 768. */
const CROWDED_DAY = '2021-05-10'
const PHONE_VIEWPORT = { width: 390, height: 844 }

/** Serious and critical violations on the page now, as readable lines (`rule (impact): selector`). */
async function seriousViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }))
  }, AXE_TAGS)
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => [`${v.id} (${v.impact}, ${v.targets.length} nodes): ${v.targets.slice(0, 4).join(' | ')}${v.targets.length > 4 ? ' | …' : ''}`])
}

async function assertNoSeriousViolations(page, what) {
  const lines = await seriousViolations(page)
  assert.deepEqual(lines, [], `axe (WCAG 2.1 A/AA) found serious or critical issues in ${what}:\n  ${lines.join('\n  ')}`)
}

/** Switches the view through the store (the toolbar's own buttons are tested elsewhere) and waits for it. */
async function showView(page, view, date = CROWDED_DAY) {
  await page.evaluate(({ view, date }) => window.__electionPlanner.store.getState().setCalendar({ view, date }), { view, date })
  if (view === 'list') await page.locator('[data-testid="task-list"]').waitFor()
  else if (view === 'timeline') await page.locator('.timeline-view .fc-timeline').first().waitFor()
  else if (view === 'month' && page.viewportSize().width <= 700) await page.getByTestId('phone-month').locator('tbody td').first().waitFor()
  else await page.locator(`.calendar-wrap.view-${view} .fc-view`).first().waitFor()
  // FullCalendar fills events in on the next frames.
  await page.waitForTimeout(300)
}

const VIEWS = ['month', 'week', 'list', 'year', 'timeline']
for (const view of VIEWS) {
  test(`axe finds no serious issue in the ${view} view of the 2021 plan`, { timeout: TEST_TIMEOUT_MS}, async () => {
    await withApp(suite, async ({ page }) => {
      await showView(page, view)
      await assertNoSeriousViolations(page, `the ${view} view`)
    })
  })
}

/** Each dialog: how to open it, and the dialog it opens. */
const DIALOGS = {
  'task editor (new task)': async (page) => { await openNewTaskForm(page) },
  'task editor (existing task)': async (page) => {
    await taskEvent(page, '').click()
    await editorDialog(page).waitFor()
  },
  settings: async (page) => {
    await page.getByRole('button', { name: 'Cài đặt', exact: true }).click()
    await page.locator('dialog[open].settings-dialog').waitFor()
  },
  'election settings': async (page) => {
    await page.getByTestId('election-day').click()
    await page.locator('dialog[open].election-dialog').waitFor()
  },
  checks: async (page) => {
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click()
    await page.locator('dialog[open].checks-dialog').waitFor()
  },
  plans: async (page) => {
    await page.getByRole('button', { name: 'Kế hoạch / Kế hoạch mới' }).click()
    await page.locator('dialog[open].plans-dialog').waitFor()
  },
  // Export and import are opened through the store: the top bar's menus are another test's business.
  'export (Excel)': async (page) => {
    await page.evaluate(() => window.__electionPlanner.store.getState().setTransferDialog({ kind: 'export', format: 'xlsx' }))
    await page.locator('dialog[open].export-dialog').waitFor()
  },
  'export (print)': async (page) => {
    await page.evaluate(() => window.__electionPlanner.store.getState().setTransferDialog({ kind: 'export', format: 'print' }))
    await page.locator('dialog[open].export-dialog').waitFor()
  },
  import: async (page) => {
    await page.evaluate(() => window.__electionPlanner.store.getState().setTransferDialog({ kind: 'import' }))
    await page.locator('dialog[open].import-dialog').waitFor()
  },
  '"+N nữa" popover': async (page) => {
    await page.locator('.fc-daygrid .fc-more-link').first().click()
    await page.locator('.fc-popover').waitFor()
  },
}
for (const [name, open] of Object.entries(DIALOGS)) {
  test(`axe finds no serious issue with the ${name} open`, { timeout: TEST_TIMEOUT_MS }, async () => {
    await withApp(suite, async ({ page }) => {
      await showView(page, 'month')
      await open(page)
      await page.waitForTimeout(200)
      await assertNoSeriousViolations(page, `the ${name}`)
    })
  })
}

for (const view of ['list', 'month']) {
  test(`axe finds no serious issue at 390 px in the ${view} view`, { timeout: TEST_TIMEOUT_MS }, async () => {
    await withApp(suite, async ({ page }) => {
      await showView(page, view)
      await assertNoSeriousViolations(page, `the ${view} view at 390 px`)
    }, { viewport: PHONE_VIEWPORT })
  })
}

test('cancelled tasks and a pale channel colour keep their text readable (axe color-contrast)', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withApp(suite, async ({ page }) => {
    await showView(page, 'month', '2021-03-10')
    const cancelled = await page.evaluate(() => {
      const { store } = window.__electionPlanner
      const state = store.getState()
      const plan = state.plans[state.activePlanId]
      // The channel of the most tasks turns pale yellow: white text on it would read at ~1.2:1.
      const counts = new Map()
      for (const task of Object.values(plan.tasks)) if (task.channelId) counts.set(task.channelId, (counts.get(task.channelId) ?? 0) + 1)
      const [channelId] = [...counts].sort((a, b) => b[1] - a[1])[0]
      state.updateChannel(channelId, { color: '#ffeb3b' })
      // And every task of March is cancelled.
      const march = Object.values(plan.tasks).filter((t) => t.start.startsWith('2021-03') && t.recurrence == null).slice(0, 6)
      for (const task of march) store.getState().setTaskStatus(task.id, 'cancelled')
      return march.length
    })
    assert.ok(cancelled > 0, 'the 2021 plan has tasks in March')
    await page.locator('.fc .task-event.is-cancelled').first().waitFor()
    await page.waitForTimeout(300)
    const lines = (await seriousViolations(page)).filter((line) => line.startsWith('color-contrast'))
    assert.deepEqual(lines, [], `low contrast:\n  ${lines.join('\n  ')}`)
  })
})

test('events are buttons named with their dates, D-n, channel and status', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withApp(suite, async ({ page }) => {
    await showView(page, 'month', '2021-03-10')
    const plan = await activePlan(page)
    const event = page.locator('.fc-daygrid .fc-event.task-event').first()
    await event.waitFor()
    const taskId = await event.getAttribute('data-task-id')
    assert.ok(taskId, 'a task event carries its task id')
    const task = plan.tasks[taskId]
    assert.equal(await event.getAttribute('role'), 'button')
    const name = (await event.textContent()).trim()
    const dd = (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
    assert.ok(name.startsWith(task.title), name)
    assert.ok(name.includes(dd(task.start.slice(0, 10))), `the name gives the start date as dd/mm/yyyy: ${name}`)
    assert.match(name, /, D[-+]\d+,/, 'the name gives D-n')
    const channel = plan.channels.find((c) => c.id === task.channelId)
    if (channel) assert.ok(name.includes(`kênh ${channel.name}`), `the name gives the channel: ${name}`)
    assert.ok(/trạng thái: (Chưa bắt đầu|Đang thực hiện|Hoàn thành|Hủy)/.test(name), `the name gives the status: ${name}`)
    // Playwright's accessibility tree agrees: a button whose name has the title and the dates.
    const named = page.getByRole('button', { name: task.title }).filter({ hasText: dd(task.start.slice(0, 10)) })
    assert.ok(await named.count() > 0, 'a button named with the title and the dates')
    // No FullCalendar link (event or "+N") is left without a role.
    const roleless = await page.evaluate(() => [...document.querySelectorAll('.fc a.fc-event[tabindex], .fc a.fc-more-link')]
      .filter((a) => !a.hasAttribute('href') && !a.getAttribute('role')).length)
    assert.equal(roleless, 0, 'links without href and without a role')
  })
})

test('"+N nữa" works from the keyboard: focus moves in, the close is a named button, Esc returns to the link', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withApp(suite, async ({ page }) => {
    await showView(page, 'month')
    const link = page.locator('.fc-daygrid .fc-more-link').first()
    assert.equal(await link.getAttribute('role'), 'button')
    await link.evaluate((el) => { el.dataset.testMark = 'the-link' })
    await link.focus()
    await page.keyboard.press('Enter')
    const popover = page.locator('.fc-popover')
    await popover.waitFor()
    await eventually(async () => {
      assert.equal(await page.evaluate(() => document.activeElement?.closest('.fc-popover') !== null), true, 'focus is inside the popover')
    })
    const close = popover.locator('.fc-popover-close')
    assert.equal(await close.getAttribute('role'), 'button')
    assert.equal(await close.getAttribute('tabindex'), '0')
    assert.equal(await close.getAttribute('aria-label'), 'Đóng danh sách nhiệm vụ trong ngày')
    await page.keyboard.press('Escape')
    await popover.waitFor({ state: 'detached' })
    await eventually(async () => {
      assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testMark ?? document.activeElement?.tagName), 'the-link')
    })
    // The close button by keyboard: open again, Tab to it (or focus it), Enter closes and returns too.
    await page.keyboard.press('Enter')
    await popover.waitFor()
    await close.focus()
    await page.keyboard.press('Enter')
    await popover.waitFor({ state: 'detached' })
    await eventually(async () => {
      assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testMark ?? document.activeElement?.tagName), 'the-link')
    })
  })
})

test('after saving a task from the keyboard, focus is on its redrawn event, not on <body>', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withApp(suite, async ({ page }) => {
    await showView(page, 'month', '2021-03-10')
    const event = page.locator('.fc-daygrid .fc-event.task-event').first()
    const taskId = await event.getAttribute('data-task-id')
    await event.focus()
    await page.keyboard.press('Enter')
    const dialog = editorDialog(page)
    await dialog.waitFor()
    // A new title: the event is re-rendered.
    await dialog.locator('textarea[name="title"]').fill('Nhiệm vụ đã sửa bằng bàn phím')
    await dialog.getByRole('button', { name: /^(Lưu|Save)$/ }).focus()
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await eventually(async () => {
      const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, taskId: document.activeElement?.getAttribute('data-task-id') }))
      assert.deepEqual(focused, { tag: 'A', taskId }, 'focus is back on the saved task\'s event')
    })
    // A new task too: focus lands on the new event (its id is only known after saving).
    const before = new Set(Object.keys((await activePlan(page)).tasks))
    const form = await openNewTaskForm(page)
    await form.locator('textarea[name="title"]').fill('Việc mới bằng bàn phím')
    await form.locator('input[name="startDate"]').fill('15/03/2021')
    await form.locator('input[name="endDate"]').fill('15/03/2021')
    await form.getByRole('button', { name: /^(Lưu|Save)$/ }).focus()
    await page.keyboard.press('Enter')
    await form.waitFor({ state: 'detached' })
    const created = Object.keys((await activePlan(page)).tasks).find((id) => !before.has(id))
    await eventually(async () => {
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-task-id') ?? document.activeElement?.tagName)
      assert.equal(focused, created)
    })
  })
})

/**
 * 200 % zoom on a 1366 × 768 screen: a 683 × 384 CSS-pixel viewport at device scale 2, under the
 * phone layout's 700 px. The month reflows into the grid of days (phone-month-view.tsx): every day
 * of the crowded month says how many tasks it has (FullCalendar's rows there showed only "+N nữa"),
 * the picked day's tasks are listed under it, and nothing scrolls sideways. The page scrolls as a
 * whole there, and every other view keeps a usable height.
 */
test('at 200 % zoom the month is a grid of days with their counts and the picked day\'s tasks, not only "+N"', { timeout: TEST_TIMEOUT_MS }, async () => {
  const context = await suite.browser.newContext({ viewport: { width: 683, height: 384 }, deviceScaleFactor: 2, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })
  try {
    const page = await context.newPage()
    await page.goto(suite.server.url)
    await waitForCalendarReady(page)
    await showView(page, 'month')
    const days = await page.evaluate(() => [...document.querySelectorAll('[data-testid="phone-month"] tbody td:not(.is-other-month)')].map((cell) => ({
      date: cell.dataset.date, count: cell.querySelector('.pm-day-count')?.textContent ?? '',
      width: Math.round(cell.getBoundingClientRect().width), height: Math.round(cell.getBoundingClientRect().height),
    })))
    assert.ok(days.length >= 28, `the month has its days, found ${days.length}`)
    assert.deepEqual(days.filter((day) => day.count === ''), [], 'every day of the crowded month shows its count')
    assert.ok(days.every((day) => day.width >= 44 && day.height >= 44), `a day is a touch target of 44 × 44 px or more: ${JSON.stringify(days[0])}`)
    // The picked day's tasks: a scroll box several rows tall (not squeezed to nothing under the top bar), reached by scrolling the page.
    const dayList = page.getByTestId('day-agenda')
    await dayList.scrollIntoViewIfNeeded()
    assert.ok(await dayList.locator('.task-list-scroll').evaluate((box) => box.clientHeight) >= 3 * 44, 'the day\'s list shows at least three rows')
    const row = dayList.locator('.task-list-scroll [role="row"]').first()
    await row.scrollIntoViewIfNeeded()
    const box = await row.boundingBox()
    assert.equal(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[role="row"]') !== null, { x: box.x + 10, y: box.y + box.height / 2 }), true, 'the first task of the day is on screen, not covered')
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }))
    assert.ok(scrollWidth <= innerWidth, `the page is ${scrollWidth} px wide in a ${innerWidth} px window`)

    // The other views keep a screen's height too (FullCalendar's height: 100% needs a definite one).
    for (const view of ['week', 'year', 'timeline']) {
      await showView(page, view)
      const height = await page.locator(view === 'timeline' ? '.timeline-calendar .fc-view-harness' : '.calendar-wrap .fc-view-harness').first().evaluate((el) => el.clientHeight)
      assert.ok(height >= 200, `the ${view} view is ${height} px tall at 200 % zoom`)
    }
  } finally {
    await context.close()
  }
})
