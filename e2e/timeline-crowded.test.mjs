// The timeline of a crowded plan (issue 11, "Fast at 10,000 tasks"): each row keeps a few lanes of
// bars and one strip of "+N" markers; the rows on the first screen are drawn first and every row
// once the keyboard focus (or the wheel, or a pause) comes; a marker zooms in by mouse and keyboard;
// axe finds no serious issue. The 2021 plan is crowded here by copying each of its tasks twelve
// times through the store (~500 bars in May, over the timeline's threshold of 300).
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { test } from 'node:test'
import { eventually, setupSuite, TEST_TIMEOUT_MS, waitForCalendarReady, withApp } from './support.mjs'

const suite = setupSuite()
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const ROOT = '[data-testid="timeline"]'

async function openCrowdedTimeline(page) {
  await waitForCalendarReady(page)
  await page.evaluate(() => {
    const { store } = window.__electionPlanner
    const s = store.getState()
    const plan = s.plans[s.activePlanId]
    const tasks = { ...plan.tasks }
    for (const task of Object.values(plan.tasks)) {
      for (let i = 1; i <= 12; i += 1) tasks[`${task.id}-copy${i}`] = { ...task, id: `${task.id}-copy${i}` }
    }
    store.setState({ plans: { ...s.plans, [plan.id]: { ...plan, tasks } } })
    s.setCalendar({ view: 'timeline', date: '2021-05-10' })
  })
  await page.locator(`${ROOT}[data-zoom="month"] .fc-timeline-event.task-bar`).first().waitFor()
}

/** Row ids with at least one bar drawn, and all row ids, top down. */
const drawnRows = (page) => page.evaluate((root) => {
  const lanes = [...document.querySelectorAll(`${root} td.fc-timeline-lane[data-resource-id]`)]
  return {
    all: lanes.map((lane) => lane.dataset.resourceId),
    withBars: lanes.filter((lane) => lane.querySelector('.task-bar')).map((lane) => lane.dataset.resourceId),
  }
}, ROOT)

test('a crowded timeline: a strip of "+N" markers per row, every row drawn once the keyboard comes, markers zoom in', { timeout: TEST_TIMEOUT_MS * 2 }, () =>
  withApp(suite, async ({ page }) => {
    await openCrowdedTimeline(page)
    // Thinned: a row shows at most a few lanes, the rest is counted in "+N" markers, all inside one
    // strip event per row (not one event per marker).
    const strips = page.locator(`${ROOT} .fc-timeline-event.timeline-more-strip`)
    await strips.first().waitFor()
    const markers = page.locator(`${ROOT} .fc-timeline-event.timeline-more-strip .timeline-more[role="button"]`)
    assert.ok((await markers.count()) > (await strips.count()), 'a strip holds the markers of its row')
    const perRow = await strips.evaluateAll((els) => els.map((el) => el.closest('td').dataset.resourceId))
    assert.equal(new Set(perRow).size, perRow.length, 'one strip per row')
    const firstMarker = markers.first()
    assert.match(await firstMarker.innerText(), /^\+\d+$/)
    assert.ok(await firstMarker.getAttribute('title'))

    // Every row with tasks in May gets its bars once the keyboard focus enters the timeline.
    await page.locator(`${ROOT} .fc-timeline-event.task-bar`).first().focus()
    const plan = await page.evaluate(() => { const s = window.__electionPlanner.store.getState(); return s.plans[s.activePlanId] })
    const busy = new Set(Object.values(plan.tasks).filter((t) => t.leadUnitId && t.start < '2021-06-01' && t.end > '2021-05-01' && !t.recurrence).map((t) => t.leadUnitId))
    await eventually(async () => {
      const { all, withBars } = await drawnRows(page)
      const missing = all.filter((id) => busy.has(id) && !withBars.includes(id))
      assert.deepEqual(missing, [], 'rows with tasks in May but no bar drawn')
    })

    const serious = await (async () => {
      await page.evaluate(AXE_SOURCE)
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }))
      })
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    })()
    assert.deepEqual(serious, [], 'axe (WCAG 2.1 A/AA) on the crowded timeline')

    // A marker by keyboard: Tab reaches it, Enter zooms in to its week.
    const marker = markers.first()
    const start = await marker.getAttribute('data-more-start')
    await marker.focus()
    await page.keyboard.press('Enter')
    await page.locator(`${ROOT}[data-zoom="week"]`).waitFor()
    const week = await page.evaluate(() => window.__electionPlanner.store.getState().calendar.date)
    assert.equal(week, start)

    // A marker by mouse, on the whole-campaign scale: zooms in to the month.
    await page.getByRole('group', { name: 'Khoảng hiển thị' }).getByRole('button', { name: 'Cả chiến dịch' }).click()
    const campaignMarker = page.locator(`${ROOT}[data-zoom="campaign"] .timeline-more-strip .timeline-more`).first()
    await campaignMarker.click()
    await page.locator(`${ROOT}[data-zoom="month"]`).waitFor()
  }))
