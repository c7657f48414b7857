// The timeline view ("Dòng thời gian"): rows of lead units or channels, and a bar dragged to another row.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  activePlan, assertText, eventually, focusPageBody, setupSuite, TALL_VIEWPORT, TEST_TIMEOUT_MS, waitForCalendarReady, withApp,
} from './support.mjs'

const suite = setupSuite()

const MAY = { start: '2021-05-01', end: '2021-06-01' }

async function openTimeline(page) {
  await waitForCalendarReady(page)
  await page.getByRole('button', { name: 'Dòng thời gian', exact: true }).click()
  await page.locator('[data-testid="timeline"] .fc-timeline-event.task-bar').first().waitFor()
}

/** The row ids the timeline shows, top down (the schedule row and the "none" row included). */
const rowIds = (page) => page.locator('[data-testid="timeline"] td.fc-datagrid-cell.fc-resource[data-resource-id]')
  .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-resource-id')))

/** A single all-day task of May, inside the month with room to move (picked from the store). */
function pickMayTask(plan, exclude = []) {
  return Object.values(plan.tasks)
    .filter((t) => t.allDay && !t.recurrence && t.start >= '2021-05-03' && t.end <= '2021-05-20' && t.leadUnitId && !exclude.includes(t.id))
    .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id))[0]
}

const addDays = (date, n) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/**
 * Drags a task's bar by `days` days onto the row of `toRowId`, with real mouse moves (grabbed in its
 * middle, away from the resize handles at its ends).
 */
async function dragBar(page, taskId, toRowId, days) {
  const bar = page.locator(`[data-testid="timeline"] .fc-timeline-event[data-task-id="${taskId}"]`).first()
  await bar.scrollIntoViewIfNeeded()
  const box = await bar.boundingBox()
  assert.ok(box, `the bar of ${taskId} is not visible`)
  const lane = page.locator(`[data-testid="timeline"] td.fc-timeline-lane[data-resource-id="${toRowId}"]`)
  const target = await lane.boundingBox()
  assert.ok(target, `the row ${toRowId} is not visible`)
  const dayWidth = await page.locator('[data-testid="timeline"] td.fc-timeline-slot-lane[data-date="2021-05-10"]').evaluate((td) => td.getBoundingClientRect().width)
  const grabX = box.x + box.width / 2
  const grabY = box.y + box.height / 2
  const dropX = grabX + days * dayWidth
  const dropY = target.y + target.height / 2
  await page.mouse.move(grabX, grabY)
  await page.mouse.down()
  await page.mouse.move(grabX + 4, grabY + 4, { steps: 3 })
  await page.mouse.move(dropX, dropY, { steps: 15 })
  await page.mouse.move(dropX + 1, dropY + 1, { steps: 2 })
  await page.mouse.up()
}

const taskIn = (page, id) => page.evaluate((id) => {
  const s = window.__electionPlanner.store.getState()
  const t = s.plans[s.activePlanId].tasks[id]
  return { start: t.start, end: t.end, leadUnitId: t.leadUnitId, supportUnitIds: t.supportUnitIds, anchor: t.anchor }
}, id)

describe('timeline', () => {
  test('shows the 2021 plan\'s lead units as rows with their tasks, then its channels', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await openTimeline(page)
      const plan = await activePlan(page)
      assert.equal(await page.getByRole('button', { name: 'Dòng thời gian', exact: true }).getAttribute('aria-pressed'), 'true')
      await assertText(page.getByTestId('period-title'), 'Tháng 5 năm 2021')

      // Every unit of the plan is a row, grouped by level (province units under "Cấp tỉnh").
      const units = await rowIds(page)
      for (const unit of plan.units) assert.ok(units.includes(unit.id), `no row for ${unit.name}`)
      assert.ok(!units.includes(plan.channels[0].id), 'a channel row among the units')
      await assertText(page.locator('[data-testid="timeline"] td.fc-datagrid-cell[data-resource-id="unit-soTttt"] .timeline-row-name'), 'Sở Thông tin và Truyền thông')
      assert.ok(await page.locator('[data-testid="timeline"] .timeline-group-label', { hasText: 'Cấp tỉnh' }).isVisible(), 'no "Cấp tỉnh" group')
      // Per row: how many tasks it leads.
      const led = Object.values(plan.tasks).filter((t) => t.leadUnitId === 'unit-soTttt').length
      assert.ok(led > 0)
      await assertText(page.locator('[data-testid="timeline"] td.fc-datagrid-cell[data-resource-id="unit-soTttt"] .timeline-row-counts'), new RegExp(`^${led} việc`))

      // Each task of May sits in its lead unit's row.
      const may = Object.values(plan.tasks).filter((t) => !t.recurrence && t.start < MAY.end && t.end > MAY.start && t.leadUnitId)
      assert.ok(may.length >= 5, 'the 2021 plan has tasks in May')
      for (const task of may) {
        const bar = page.locator(`[data-testid="timeline"] td.fc-timeline-lane[data-resource-id="${task.leadUnitId}"] .fc-timeline-event[data-task-id="${task.id}"]`)
        assert.equal(await bar.count(), 1, `${task.title} is not in its lead unit's row`)
        assert.ok((await bar.textContent()).trim().startsWith(task.title), `${task.title}: the bar does not show its title`)
      }
      // The phases and election day are behind and above the rows.
      assert.ok(await page.locator('[data-testid="timeline"] .fc-timeline-slot-label.is-election-day').isVisible(), 'election day is not marked in the header')
      await assertText(page.locator('[data-testid="timeline"] .fc-timeline-slot-label[data-date="2021-05-13"] .d-offset'), 'D-10')

      // Channels: the rows are the plan's channels, and each task sits in its channel's row.
      await page.getByRole('group', { name: 'Hàng theo' }).getByRole('button', { name: 'Kênh', exact: true }).click()
      await eventually(async () => {
        const channels = await rowIds(page)
        for (const channel of plan.channels) assert.ok(channels.includes(channel.id), `no row for ${channel.name}`)
        assert.ok(!channels.includes('unit-soTttt'), 'a unit row among the channels')
      })
      for (const task of may) {
        const bar = page.locator(`[data-testid="timeline"] td.fc-timeline-lane[data-resource-id="${task.channelId}"] .fc-timeline-event[data-task-id="${task.id}"]`)
        assert.equal(await bar.count(), 1, `${task.title} is not in its channel's row`)
      }
      assert.equal(await page.getByRole('group', { name: 'Hàng theo' }).getByRole('button', { name: 'Kênh', exact: true }).getAttribute('aria-pressed'), 'true')

      // The whole campaign on one screen: January to the results, without scrolling sideways.
      await page.getByRole('group', { name: 'Khoảng hiển thị' }).getByRole('button', { name: 'Cả chiến dịch' }).click()
      await assertText(page.getByTestId('period-title'), '28/12/2020 – 13/06/2021')
      await page.locator('[data-testid="timeline"] td.fc-timeline-slot-lane[data-date="2021-01-04"]').waitFor()
      const scroller = await page.locator('[data-testid="timeline"] .fc-timeline-body').evaluate((el) => {
        const s = el.closest('.fc-scroller')
        return { scroll: s.scrollWidth, client: s.clientWidth }
      })
      assert.ok(scroller.scroll <= scroller.client + 1, `the whole campaign scrolls sideways (${scroller.scroll} > ${scroller.client})`)
    }))

  test('a bar dragged to another unit\'s row changes the lead unit and the dates; one undo restores both', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await openTimeline(page)
      const plan = await activePlan(page)
      const rows = await rowIds(page)

      const move = async (task) => {
        const target = plan.units.find((u) => u.id !== task.leadUnitId && rows.includes(u.id))
        await dragBar(page, task.id, target.id, 2)
        await eventually(async () => {
          const now = await taskIn(page, task.id)
          assert.equal(now.leadUnitId, target.id, 'the lead unit did not change')
          assert.equal(now.start, addDays(task.start, 2), 'the dates did not move')
          assert.equal(now.end, addDays(task.end, 2))
        })
        // The bar is now in the new row.
        await page.locator(`[data-testid="timeline"] td.fc-timeline-lane[data-resource-id="${target.id}"] .fc-timeline-event[data-task-id="${task.id}"]`).waitFor()
      }
      const restored = async (task) => eventually(async () => {
        const now = await taskIn(page, task.id)
        assert.deepEqual(now, { start: task.start, end: task.end, leadUnitId: task.leadUnitId, supportUnitIds: task.supportUnitIds, anchor: task.anchor })
      })

      // Ctrl+Z undoes the move and the new unit at once.
      const first = pickMayTask(plan)
      await move(first)
      await focusPageBody(page)
      await page.keyboard.press('Control+z')
      await restored(first)
      await page.locator(`[data-testid="timeline"] td.fc-timeline-lane[data-resource-id="${first.leadUnitId}"] .fc-timeline-event[data-task-id="${first.id}"]`).waitFor()

      // And so does the undo button.
      const second = pickMayTask(plan, [first.id])
      await move(second)
      await page.getByRole('button', { name: /Hoàn tác/ }).click()
      await restored(second)
    }, { viewport: TALL_VIEWPORT }))
})
