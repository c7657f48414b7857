// The progress dashboard ("Tổng quan", issue 12): the 2021 plan's charts and figures, a task marked
// done changes them, a unit's bar (a click on its segment or its keyboard button) opens the list on
// its tasks, "as of" changes the figures, the Word report holds a picture of every chart, and
// axe-core finds nothing serious. The status charts are HTML bars; the burn-up is a Chart.js canvas.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { describe, test } from 'node:test'
import { unzipSync } from 'fflate'
import { assertText, eventually, setupSuite, TEST_TIMEOUT_MS, waitForCalendarReady, withApp } from './support.mjs'

const suite = setupSuite()
const require = createRequire(import.meta.url)

async function openDashboard(page, asOf = '2021-04-30') {
  await waitForCalendarReady(page)
  await page.getByRole('button', { name: 'Tổng quan', exact: true }).click()
  await page.locator('[data-testid="dashboard"]').waitFor()
  await page.fill('[data-testid="dash-asof"]', asOf.split('-').reverse().join('/'))
  await page.locator('[data-testid="dash-unit-chart"]').waitFor()
}

/** The number a headline figure shows. */
async function figure(page, name) {
  const text = await page.locator(`[data-testid="dash-figure-${name}"] .figure-value`).textContent()
  return Number(text.replace(/\D/g, ''))
}

/** The counts of a unit's table row: late, in progress, not started, done, cancelled, total. */
async function unitRow(page, unitId) {
  const cells = page.locator(`[data-testid="dash-unit-table"] tbody tr[data-key="${unitId}"] td`)
  return (await cells.allTextContents()).map((t) => Number(t.replace(/\D/g, '')))
}

/** The bars of a status chart: per row, its segments' parts (late, …) with their widths in pixels. */
const barSegments = (page, testId) => page.locator(`[data-testid="${testId}"] .status-bar-row`).evaluateAll((rows) => rows.map((row) => ({
  key: row.getAttribute('data-key'),
  segments: [...row.querySelectorAll('.status-bar-segment')].map((s) => ({ segment: s.getAttribute('data-segment'), widthPx: s.getBoundingClientRect().width })),
})))

/** A PNG's pixel size, from its IHDR chunk. */
const pngSize = (bytes) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) })

/** A canvas with something drawn on it (not one flat colour). */
const canvasDrawn = (page, testId) => page.locator(`[data-testid="${testId}"]`).evaluate((canvas) => {
  const { width, height } = canvas
  const data = canvas.getContext('2d').getImageData(0, 0, width, height).data
  let inked = 0
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked += 1
  return width > 100 && height > 50 && inked > 500
})

describe('progress dashboard', () => {
  test('shows the 2021 plan\'s charts and figures as of 30/04/2021, and marking a task done changes them', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withApp(suite, async ({ page }) => {
      await openDashboard(page)
      assert.equal(await canvasDrawn(page, 'dash-burnup-chart'), true, 'the burn-up is drawn')
      for (const chart of ['dash-unit', 'dash-channel', 'dash-phase']) {
        // A bar per row of the chart's table, each with a visible segment.
        const bars = await barSegments(page, `${chart}-chart`)
        const tableRows = await page.locator(`[data-testid="${chart}-table"] tbody tr`).count()
        assert.equal(bars.length, tableRows, `${chart}: a bar per row`)
        assert.ok(bars.every((bar) => bar.segments.some((s) => s.widthPx >= 1)), `${chart}: every bar shows`)
      }
      const planned = await figure(page, 'planned')
      const late = await figure(page, 'late')
      const done = await figure(page, 'done')
      assert.ok(planned > 40, `planned ${planned}`)
      assert.ok(late > 0, `late ${late}`)
      await assertText(page.locator('[data-testid="dash-figure-election"] .figure-value'), 'D-23')
      await assertText(page.locator('[data-testid="dash-trainings"]'), /464\+/)
      // The figures' own table (screen readers, paper) says the same as the cards.
      assert.equal(await page.locator('[data-testid="dash-unit-table"] tfoot td').first().textContent(), String(late))

      // Mark a late task done on 20/04 (the list's quick status, through the store it calls).
      const lateTask = await page.evaluate(() => {
        const s = window.__electionPlanner.store.getState()
        const t = Object.values(s.plans[s.activePlanId].tasks)
          .filter((x) => x.allDay && !x.recurrence && x.status === 'planned' && x.end <= '2021-04-25' && x.start >= '2021-04-01' && x.leadUnitId)
          .sort((a, b) => a.id.localeCompare(b.id))[0]
        s.setTaskStatus(t.id, 'done', '2021-04-20')
        return t
      })
      assert.ok(lateTask, 'a late task of April')
      await eventually(async () => {
        assert.equal(await figure(page, 'done'), done + 1)
        assert.equal(await figure(page, 'late'), late - 1)
        assert.equal(await figure(page, 'planned'), planned - 1)
      })
    })
  })

  test('"as of" changes the figures', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withApp(suite, async ({ page }) => {
      await openDashboard(page)
      const late = await figure(page, 'late')
      const summary = await page.locator('[data-testid="dash-burnup-summary"]').textContent()
      await page.fill('[data-testid="dash-asof"]', '01/03/2021')
      await eventually(async () => assert.ok(await figure(page, 'late') < late, 'fewer tasks late on 1/03 than on 30/04'))
      await assertText(page.locator('[data-testid="dash-figure-election"] .figure-value'), 'D-83')
      assert.notEqual(await page.locator('[data-testid="dash-burnup-summary"]').textContent(), summary)
    })
  })

  test('a unit\'s bar, clicked or from its keyboard button, opens the list on its tasks', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withApp(suite, async ({ page }) => {
      await openDashboard(page)
      // The unit with most late work is the first row (late work first).
      const unitId = await page.locator('[data-testid="dash-unit-table"] tbody tr').first().getAttribute('data-key')
      const [lateCount, , , , , total] = await unitRow(page, unitId)
      assert.ok(lateCount > 0 && total >= lateCount)
      const expected = await page.evaluate((unitId) => {
        const s = window.__electionPlanner.store.getState()
        return Object.values(s.plans[s.activePlanId].tasks).filter((t) => t.leadUnitId === unitId).length
      }, unitId)

      // Keyboard: the row's total is a button; Enter opens the list filtered to the unit's tasks (lead only).
      await page.locator(`[data-testid="dash-unit-open-${unitId}"]`).focus()
      await page.keyboard.press('Enter')
      await page.locator('[data-testid="task-list"]').waitFor()
      await assertText(page.locator('[data-testid="filter-count"]'), new RegExp(`^\\D*${expected}\\D`))
      const listed = await page.locator('[data-testid="task-list"] .task-list-scroll .task-list-row').count()
      assert.ok(listed > 0 && listed <= expected, `${listed} rows of ${expected}`)
      assert.match(new URL(page.url()).search, /asof=2021-04-30/)
      assert.match(new URL(page.url()).search, /of-unit=/)

      // Back on the dashboard: the facet is dropped, the as-of day kept. Click the late part of the first bar.
      await page.getByRole('button', { name: 'Tổng quan', exact: true }).click()
      await page.locator('[data-testid="dash-unit-chart"]').waitFor()
      assert.equal(await page.inputValue('[data-testid="dash-asof"]'), '30/04/2021')
      assert.equal(await page.locator('[data-testid="filter-count"]').textContent(), '')
      // The late segment of the first bar, in the late red (#c62828), clicked where the mouse would.
      const lateSegment = page.locator(`[data-testid="dash-unit-chart"] .status-bar-row[data-key="${unitId}"] [data-segment="late"]`)
      assert.equal(await lateSegment.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(198, 40, 40)', 'the first bar has a late part')
      assert.match(await lateSegment.getAttribute('title'), new RegExp(`: ${lateCount}$`))
      const box = await lateSegment.boundingBox()
      await page.mouse.click(box.x + Math.min(3, box.width / 2), box.y + box.height / 2)
      await page.locator('[data-testid="task-list"]').waitFor()
      await assertText(page.locator('[data-testid="filter-count"]'), /\d/)
      const lateTasks = await page.locator('[data-testid="filter-count"]').textContent()
      assert.match(lateTasks, /^\D*(\d+)\D/)
      const shown = Number(/^\D*(\d+)\D/.exec(lateTasks)[1])
      assert.ok(shown > 0 && shown <= lateCount, `${shown} late tasks of the unit (${lateCount} late occurrences)`)
      assert.match(new URL(page.url()).search, /of-late=1/)
    })
  })

  test('"Báo cáo tiến độ (Word)" downloads a Word file with the proposals and the charts', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withApp(suite, async ({ page }) => {
      await openDashboard(page)
      await page.locator('[data-testid="dash-report"]').click()
      await page.fill('[data-testid="report-proposals"]', 'Đề nghị Sở Nội vụ bổ sung kinh phí in pano.')
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="report-download"]').click()])
      assert.match(download.suggestedFilename(), /\.docx$/)
      const bytes = await readFile(await download.path())
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK')
      // The four charts' PNGs go in as media files of the package: the three status charts (HTML on
      // screen, drawn by Chart.js for the report) and the burn-up, each a real picture at 2x.
      const media = Object.entries(unzipSync(new Uint8Array(bytes))).filter(([name]) => /^word\/media\/.+\.png$/.test(name))
      assert.equal(media.length, 4, `${media.length} pictures`)
      for (const [name, png] of media) {
        const { width, height } = pngSize(Buffer.from(png))
        assert.ok(width >= 800 && height >= 160 && png.length > 4000, `${name}: ${width}×${height}, ${png.length} bytes`)
      }
      if (process.env.DASHBOARD_REPORT_COPY) await download.saveAs(process.env.DASHBOARD_REPORT_COPY)
    })
  })

  test('axe-core finds no serious or critical problem on the dashboard', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withApp(suite, async ({ page }) => {
      await openDashboard(page)
      // Evaluated rather than added as a <script>: the app's Content-Security-Policy refuses inline scripts.
      await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'))
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document.querySelector('[data-testid="dashboard"]'), { resultTypes: ['violations'] })
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
      })
      assert.deepEqual(violations, [])
    })
  })
})
