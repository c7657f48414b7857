// The app-wide filter: accent-insensitive search across views, chips, the address, a reload.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { activePlan, setupSuite, TEST_TIMEOUT_MS, waitForCalendarReady, withApp } from './support.mjs'

const suite = setupSuite()

const fold = (text) => text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐ]/g, 'd').toLowerCase()

/** Titles of the task events the month grid shows (not phases, milestones or "+N" markers). */
function monthTaskTitles(page) {
  return page.locator('.fc-daygrid .task-event .event-title').allTextContents()
}

test('a search without accents filters the month and the list, shows its count and chip, and survives a reload', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withApp(suite, async ({ page }) => {
    await page.evaluate(() => window.__electionPlanner.store.getState().setCalendar({ view: 'month', date: '2021-05-01' }))
    const before = await monthTaskTitles(page)
    assert.ok(before.length > 5, 'May 2021 shows tasks before filtering')

    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('tuyen truyen luu dong')
    await page.getByTestId('filter-count').filter({ hasText: 'Hiện' }).waitFor()
    await page.waitForFunction(() => document.querySelectorAll('.fc-daygrid .task-event').length > 0)
    const plan = await activePlan(page)
    const matching = Object.values(plan.tasks).filter((t) => ['tuyen', 'truyen', 'luu', 'dong'].every((w) => fold(`${t.title} ${t.description} ${t.location} ${t.quantity}`).includes(w)
      || [t.leadUnitId, ...t.supportUnitIds].some((id) => fold(plan.units.find((u) => u.id === id)?.name ?? '').includes(w))))
    assert.ok(matching.length > 0 && matching.length < Object.keys(plan.tasks).length)
    const countText = await page.getByTestId('filter-count').textContent()
    assert.equal(countText, `Hiện ${matching.length}/${Object.keys(plan.tasks).length} nhiệm vụ`)
    const shown = await monthTaskTitles(page)
    assert.ok(shown.length > 0 && shown.length < before.length, `month shows ${shown.length} of ${before.length}`)
    const matchingTitles = new Set(matching.map((t) => t.title))
    for (const title of shown) assert.ok(matchingTitles.has(title), `"${title}" does not match the search`)
    await page.getByRole('button', { name: 'Bỏ lọc Tìm: "tuyen truyen luu dong"' }).waitFor()

    // The list view of the same month holds the same tasks.
    await page.getByRole('button', { name: 'Danh sách', exact: true }).click()
    await page.getByTestId('task-list').waitFor()
    const listTitles = await page.locator('.task-list-scroll [role="row"] .task-list-title').allTextContents()
    assert.ok(listTitles.length > 0)
    for (const title of listTitles.map((t) => t.replace(/^↻ /, ''))) assert.ok(matchingTitles.has(title), `list row "${title}" does not match`)

    // The address carries the filter and the view: a reload opens the same.
    assert.match(page.url(), /q=tuyen\+truyen\+luu\+dong/)
    assert.match(page.url(), /view=list/)
    await page.reload()
    await waitForCalendarReady(page)
    assert.equal(await page.getByRole('searchbox', { name: 'Tìm kiếm' }).inputValue(), 'tuyen truyen luu dong')
    assert.equal(await page.evaluate(() => window.__electionPlanner.store.getState().calendar.view), 'list')
    assert.equal(await page.getByTestId('filter-count').textContent(), countText)

    // Clear all brings every task back, and the address loses the filter.
    await page.getByRole('button', { name: 'Xóa bộ lọc', exact: true }).click()
    await page.waitForFunction(() => document.querySelector('[data-testid="filter-count"]').textContent === '')
    // A filter-only change reaches the address once the page is idle (address-sync.ts), within 300 ms.
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'), null, { timeout: 2000 })
  })
})

test('a link with a filter opens that filter (unit and status combine); a saved filter comes back by name', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withApp(suite, async ({ page }) => {
    const plan = await activePlan(page)
    const unit = plan.units.find((u) => Object.values(plan.tasks).some((t) => t.leadUnitId === u.id))
    const url = new URL(page.url())
    url.search = `?view=list&date=2021-05-01&unit=${encodeURIComponent(unit.id)}&status=planned`
    await page.goto(url.href)
    await waitForCalendarReady(page)
    await page.getByRole('button', { name: `Bỏ lọc Đơn vị: ${unit.name}` }).waitFor()
    await page.getByRole('button', { name: 'Bỏ lọc Trạng thái: Chưa bắt đầu' }).waitFor()
    const expected = Object.values(plan.tasks).filter((t) => (t.leadUnitId === unit.id || t.supportUnitIds.includes(unit.id)) && t.status === 'planned').length
    assert.match(await page.getByTestId('filter-count').textContent(), new RegExp(`^Hiện ${expected}/`))

    // Save it under a name, clear, and pick it again.
    await page.getByText('Bộ lọc đã lưu ▾').click()
    await page.getByLabel('Tên bộ lọc').fill('Việc của đơn vị')
    await page.getByRole('button', { name: 'Lưu bộ lọc này' }).click()
    await page.getByText('Đã lưu bộ lọc "Việc của đơn vị".').waitFor()
    await page.getByRole('button', { name: 'Xóa bộ lọc', exact: true }).click()
    await page.waitForFunction(() => document.querySelector('[data-testid="filter-count"]').textContent === '')
    await page.getByRole('button', { name: 'Áp dụng bộ lọc Việc của đơn vị' }).click()
    assert.match(await page.getByTestId('filter-count').textContent(), new RegExp(`^Hiện ${expected}/`))
    // Saved filters are the person's, kept across a reload (not in the plan).
    await page.reload()
    await waitForCalendarReady(page)
    await page.getByText('Bộ lọc đã lưu ▾').click()
    await page.getByRole('button', { name: 'Áp dụng bộ lọc Việc của đơn vị' }).waitFor()
    const planAfter = await activePlan(page)
    assert.equal(JSON.stringify(planAfter).includes('Việc của đơn vị'), false)
  })
})

test('a search that hides a few tasks changes the month in place to exactly what a fresh load shows', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withApp(suite, async ({ page }) => {
    // Tall enough that no day folds its tasks into "+N nữa" (which depends on the layout, not the filter).
    await page.setViewportSize({ width: 1366, height: 3200 })
    await page.evaluate(() => window.__electionPlanner.store.getState().setCalendar({ view: 'month', date: '2021-05-01' }))
    const before = (await monthTaskTitles(page)).sort()
    assert.equal(await page.locator('.fc-daygrid-more-link').count(), 0, 'no day folds its tasks')
    const box = page.getByRole('searchbox', { name: 'Tìm kiếm' })
    // Each hides only some of May's tasks, so the grid is changed in place (reconcile-task-events.ts),
    // not refetched; the second adds some back and hides others.
    let hidden = 0
    // "n" then "nh" typed on: the count of "nh" is taken among the matches of "n" (narrowing.ts).
    for (const query of ['n', 'nh', 'ch']) {
      await box.fill(query)
      await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query)
      await page.waitForTimeout(300)
      const inPlace = (await monthTaskTitles(page)).sort()
      const count = await page.getByTestId('filter-count').textContent()
      assert.ok(inPlace.length >= before.length / 2, `"${query}" hides a few: ${inPlace.length} of ${before.length}`)
      hidden += before.length - inPlace.length
      if (query === 'n') continue
      await page.reload()
      await waitForCalendarReady(page)
      await page.locator('.fc-daygrid .task-event').first().waitFor()
      assert.deepEqual((await monthTaskTitles(page)).sort(), inPlace, `"${query}": the grid changed in place equals a fresh load`)
      assert.equal(await page.getByTestId('filter-count').textContent(), count, `"${query}": the count typed on equals a fresh load's`)
    }
    assert.ok(hidden > 0, 'the searches hid some tasks')
    // Back to no search: every task again.
    await box.fill('')
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'))
    await page.waitForTimeout(300)
    assert.deepEqual((await monthTaskTitles(page)).sort(), before)
  })
})

test('in a crowded month a search changes the "+N" counts in place to exactly what a fresh load shows', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withApp(suite, async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 1400 })
    // May 2021 with 20 tasks a day: two "Alpha" tasks shown in every day (each spans two days, so
    // they come first), 18 one-day "Beta" tasks behind "+N", half of them about "tuyên truyền".
    await page.evaluate(() => {
      const store = window.__electionPlanner.store
      const s = store.getState()
      const base = s.plans[s.activePlanId]
      const model = Object.values(base.tasks).find((t) => t.recurrence === null)
      const tasks = {}
      const add = (id, title, start, end) => {
        // Only the title is searched for: no unit, channel, place or text that could match too.
        tasks[id] = {
          ...model, id, title, start, end, allDay: true, anchor: { type: 'fixed' }, endAnchor: null, status: 'planned', doneOn: null,
          description: '', location: '', quantity: '', leadUnitId: null, supportUnitIds: [], channelId: null, training: null, source: null,
        }
      }
      const day = (d) => new Date(Date.UTC(2021, 4, d)).toISOString().slice(0, 10)
      for (let d = 1; d <= 31; d += 1) {
        add(`a-${d}`, `Alpha tuyên truyền ${d}`, day(d), day(d + 2))
        for (let k = 0; k < 18; k += 1) add(`b-${d}-${k}`, k % 2 === 0 ? `Beta tuyên truyền ${d}.${k}` : `Beta pano ${d}.${k}`, day(d), day(d + 1))
      }
      s.addPlan({ ...base, id: 'crowded-may', name: 'Tháng 5 đông việc', tasks, deletedTasks: {} })
      store.getState().setCalendar({ view: 'month', date: '2021-05-01' })
    })
    const markers = () => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.fc-daygrid-day[data-date]')]
      .map((cell) => [cell.getAttribute('data-date'), [...cell.querySelectorAll('.day-more-event')].map((m) => `${m.textContent}|${m.title}`).join(',')])
      .filter(([, text]) => text !== '')))
    await page.locator('.day-more-event').first().waitFor()
    const before = await markers()
    assert.ok(Object.keys(before).length >= 28, `most days of May fold tasks: ${Object.keys(before).length}`)
    const alphaEvents = () => page.locator('.fc-daygrid .task-event .event-title', { hasText: 'Alpha' }).count()
    const alphaBefore = await alphaEvents()

    const box = page.getByRole('searchbox', { name: 'Tìm kiếm' })
    for (const query of ['tuyen', 'tuyen truyen']) {
      await box.fill(query)
      await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query)
      await page.waitForTimeout(300)
      const inPlace = await markers()
      // The shown tasks stayed (so the grid was changed in place, not fetched again) and the counts fell.
      assert.equal(await alphaEvents(), alphaBefore, `"${query}": the Alpha tasks stay in the grid`)
      assert.notDeepEqual(inPlace, before, `"${query}": the "+N" counts changed`)
      await page.reload()
      await waitForCalendarReady(page)
      await page.locator('.day-more-event').first().waitFor()
      assert.deepEqual(await markers(), inPlace, `"${query}": the counts changed in place equal a fresh load's`)
    }
  })
})
