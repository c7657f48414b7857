// Printing the screen (Ctrl+P, the browser's print): each view on A4 landscape under a one-line
// header, without the app's controls; "In / PDF" still prints its schedule alone.
//
// Ctrl+P is played as Chromium plays it: `beforeprint` while the screen stylesheet still applies
// (the app lays itself out for paper then), print media, the PDF, `afterprint`. The PDF is read
// back page by page with poppler's pdftotext.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { setupSuite, TEST_TIMEOUT_MS, withApp } from './support.mjs'

const suite = setupSuite()
const PLAN_NAME = 'Kế hoạch tuyên truyền bầu cử 2021 (mẫu cấp tỉnh)'
const WORK_DIR = mkdtempSync(join(tmpdir(), 'print-screen-'))
after(() => rmSync(WORK_DIR, { recursive: true, force: true }))

/** The text of each page of a PDF (pdftotext -layout, one call per page). */
function pdfPageTexts(pdf, name) {
  const file = join(WORK_DIR, `${name}.pdf`)
  writeFileSync(file, pdf)
  let info
  try {
    info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  } catch (error) {
    if (error.code === 'ENOENT') assert.fail('pdfinfo/pdftotext not found: install poppler-utils (apt-get install poppler-utils)')
    throw error
  }
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
  assert.ok(pages > 0, `no page count in pdfinfo's answer:\n${info}`)
  return Array.from({ length: pages }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }))
}

/** Prints the page as Ctrl+P does and returns the PDF's pages as text. */
async function printScreen(page, name, { beforePrintEvent = true } = {}) {
  if (beforePrintEvent) await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')))
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true })
  if (beforePrintEvent) await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
  await page.emulateMedia({ media: 'screen' })
  return pdfPageTexts(pdf, name)
}

/** Every page has text; the first starts with the header: plan, period, print date. */
function assertPagesWithHeader(pages, period) {
  pages.forEach((text, i) => assert.ok(text.trim().length > 0, `page ${i + 1} of ${pages.length} is blank`))
  const header = pages[0].split('\n').find((line) => line.trim().length > 0) ?? ''
  assert.ok(header.includes(PLAN_NAME), `the header has no plan name: ${JSON.stringify(header)}`)
  assert.ok(header.includes(period), `the header has no period ${JSON.stringify(period)}: ${JSON.stringify(header)}`)
  assert.match(header, /In ngày \d\d\/\d\d\/\d{4} \d\d:\d\d/, 'the header has no print date')
  for (const chrome of ['Thêm nhiệm vụ', 'Cài đặt', 'Hôm nay', 'Hiện ngày lễ', 'Việc trễ hạn', 'Đây là kế hoạch mẫu']) {
    assert.ok(!pages.join('\n').includes(chrome), `the app's controls were printed (${JSON.stringify(chrome)})`)
  }
}

async function showView(page, label) {
  await page.getByRole('toolbar').getByRole('button', { name: label, exact: true }).click()
  if (label === 'Danh sách') await page.getByTestId('task-list').waitFor()
  else await page.locator('.fc-view-harness .fc-view').first().waitFor()
}

const harnessHeight = (page) => page.locator('.fc-view-harness').evaluate((el) => Math.round(el.getBoundingClientRect().height))

describe('printing the screen (Ctrl+P)', () => {
  test('the month prints on one page: all six weeks, the weekday header and the tasks; the screen comes back', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      const screenHeight = await harnessHeight(page)
      // The browser lays the page out for print as soon as beforeprint's handlers return: the
      // calendar must already have its paper size then (273 mm wide, 172 mm high), not a frame later.
      const atBeforePrint = await page.evaluate(() => {
        window.dispatchEvent(new Event('beforeprint'))
        const box = document.querySelector('.fc-view-harness').getBoundingClientRect()
        window.dispatchEvent(new Event('afterprint'))
        return { width: box.width, height: box.height }
      })
      const mm = 96 / 25.4
      assert.ok(Math.abs(atBeforePrint.width - 273 * mm) < 2, `width at beforeprint ${atBeforePrint.width}px, not 273 mm`)
      assert.ok(Math.abs(atBeforePrint.height - 172 * mm) < 2, `height at beforeprint ${atBeforePrint.height}px, not 172 mm`)
      await page.waitForFunction((h) => Math.round(document.querySelector('.fc-view-harness').getBoundingClientRect().height) === h, screenHeight)

      const pages = await printScreen(page, 'month')
      assert.equal(pages.length, 1, `the month took ${pages.length} pages`)
      assertPagesWithHeader(pages, 'Tháng 5 năm 2021 · D-22 … D+8')
      const [text] = pages
      assert.match(text, /Thứ 2\s+Thứ 3\s+Thứ 4\s+Thứ 5\s+Thứ 6\s+Thứ 7\s+CN/, 'no weekday header')
      // The first and the last of the six week rows (26/04 = D-27, 06/06 = D+14), and May's tasks.
      for (const dayLabel of ['D-27', 'D-20', 'D-13', 'D-6', 'D+1', 'D+14']) assert.ok(text.includes(dayLabel), `no ${dayLabel} cell`)
      assert.ok(text.includes('Chỉ đạo Đài cấp huyện'), 'no task title')
      assert.ok(text.includes('Ngày bầu cử'), 'no election day milestone')
      assert.match(text, /\+\d+ nữa/, 'a crowded day shows no "+N nữa"')
      // After printing, the calendar fills the window again.
      await page.waitForFunction((h) => Math.round(document.querySelector('.fc-view-harness').getBoundingClientRect().height) === h, screenHeight)
      assert.equal(await page.getByTestId('print-screen-header').count(), 0, 'the print header stayed on screen')
    }))

  test('print media alone (no beforeprint event) lays the month out for paper too', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      const pages = await printScreen(page, 'month-media', { beforePrintEvent: false })
      assert.equal(pages.length, 1)
      assertPagesWithHeader(pages, 'Tháng 5 năm 2021')
      assert.ok(pages[0].includes('D+14') && pages[0].includes('Chỉ đạo Đài cấp huyện'))
    }))

  test('the week prints on one page with its all-day tasks and the whole time grid, 06:00 to 21:00', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await page.getByRole('toolbar').getByRole('button', { name: 'Ngày bầu cử', exact: true }).click()
      await showView(page, 'Tuần')
      const pages = await printScreen(page, 'week')
      assert.equal(pages.length, 1, `the week took ${pages.length} pages`)
      assertPagesWithHeader(pages, '17/05/2021 – 23/05/2021 · D-6 … D')
      const [text] = pages
      assert.match(text, /Thứ 2, 17\/05.*CN, 23\/05/, 'no day header')
      for (const hour of ['06:00', '12:00', '21:00']) assert.ok(text.includes(hour), `the time grid is cut: no ${hour}`)
      assert.ok(text.includes('Hoàn thành trang trí'), 'no all-day task')
      // More all-day rows than the screen's five, so more than the first five tasks of a day.
      assert.ok(text.includes('Tuyên truyền danh sách chính thức'), 'the all-day row was cut to the screen\'s five events')
    }))

  test('the list prints every task of the month over several pages, the column header on each', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await showView(page, 'Danh sách')
      const count = Number(/^(\d+) nhiệm vụ/.exec(await page.locator('.task-list-summary').textContent())?.[1])
      assert.ok(count > 30, `the May list has ${count} tasks`)
      const pages = await printScreen(page, 'list')
      assert.ok(pages.length >= 2, `the list took ${pages.length} page(s)`)
      assertPagesWithHeader(pages, 'Tháng 5 năm 2021 · D-22 … D+8')
      pages.forEach((text, i) => assert.match(text, /Thời gian\s+D±n\s+Nội dung công việc/, `page ${i + 1} has no column header`))
      // Every row, not the scroll box's first screenful: a row's first line is its date, then its D±n.
      const all = pages.join('\n')
      const rows = all.split('\n').filter((line) => /^\s*\d\d\/\d\d\/\d{4}[\d\s:–-]*\sD([+-]\d+)?\s/.test(line)).length
      assert.equal(rows, count, `${rows} rows printed of ${count}`)
      assert.ok(all.includes('Chỉ đạo Đài cấp huyện'), 'no first task')
      assert.ok(all.includes('Đăng Thư cảm ơn cử tri'), 'no last task')
    }))

  test('the year prints on two pages, six months each', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await showView(page, 'Năm')
      const pages = await printScreen(page, 'year')
      assert.equal(pages.length, 2, `the year took ${pages.length} pages`)
      assertPagesWithHeader(pages, 'Năm 2021 · D-142 … D+222')
      const monthsOn = (text) => [...text.matchAll(/Tháng (\d+)\b/g)].map((m) => Number(m[1]))
      assert.deepEqual(monthsOn(pages[0]).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6])
      assert.deepEqual(monthsOn(pages[1]).sort((a, b) => a - b), [7, 8, 9, 10, 11, 12])
      assert.match(pages[0], /\+\d+ nữa/, 'May shows no events')
    }))

  test('"In / PDF" still prints its schedule alone, not the calendar', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed ?? 0) + 1 } })
      await page.locator('.top-bar details.menu summary').click()
      await page.getByRole('menuitem', { name: 'In / PDF' }).click()
      await page.locator('dialog[open].export-dialog').getByRole('button', { name: 'In' }).click()
      await page.waitForFunction(() => window.__printed === 1)
      await page.getByTestId('print-schedule').waitFor({ state: 'attached' })
      const pages = await printScreen(page, 'schedule')
      assert.ok(pages.length >= 2, `the schedule took ${pages.length} page(s)`)
      pages.forEach((text, i) => assert.ok(text.trim().length > 0, `page ${i + 1} is blank`))
      assert.match(pages[0], /STT\s+Nội dung công việc/, 'the schedule is not on the first page')
      const all = pages.join('\n')
      assert.ok(!all.includes('Tháng 5 năm 2021'), 'the calendar was printed with the schedule')
      assert.ok(!/Thứ 2\s+Thứ 3/.test(all), 'the month grid was printed with the schedule')
    }))
})
