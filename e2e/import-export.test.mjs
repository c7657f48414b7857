// Export every format through the UI and read the files back with real parsers; import JSON, ICS and
// XLSX through the file chooser; a bad file shows its message and changes nothing.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, test } from 'node:test'
import ExcelJS from 'exceljs'
import ICAL from 'ical.js'
import JSZip from 'jszip'
import Papa from 'papaparse'
import { activePlan, assertText, setupSuite, TEST_TIMEOUT_MS, withApp } from './support.mjs'

const suite = setupSuite()

/** Opens Xuất ▾ → format, runs the dialog and returns the downloaded file's name and bytes. */
async function exportThroughUi(page, formatLabel, prepare = async () => {}) {
  await page.locator('details.menu summary').click()
  await page.getByRole('menuitem', { name: formatLabel }).click()
  const dialog = page.locator('dialog[open].export-dialog')
  await dialog.waitFor()
  await prepare(dialog)
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Tải về' }).click()])
  const path = await download.path()
  return { name: download.suggestedFilename(), bytes: await readFile(path) }
}

async function importThroughUi(page, name, mimeType, buffer) {
  await page.getByRole('button', { name: 'Nhập', exact: true }).click()
  const dialog = page.locator('dialog[open].import-dialog')
  await dialog.waitFor()
  await dialog.getByTestId('import-file').setInputFiles({ name, mimeType, buffer })
  return dialog
}

describe('export', () => {
  test('every format downloads a file that its real reader opens, with the plan in it', { timeout: 120_000 }, () =>
    withApp(suite, async ({ page }) => {
      const plan = await activePlan(page)
      const tasks = Object.values(plan.tasks)
      const aTitle = plan.tasks['vn-2021-province-press-training'].title

      const ics = await exportThroughUi(page, 'Lịch (ICS)')
      assert.equal(ics.name, 'ke-hoach-tuyen-truyen-bau-cu-2021.ics')
      const calendar = new ICAL.Component(ICAL.parse(ics.bytes.toString('utf8')))
      const events = calendar.getAllSubcomponents('vevent')
      assert.ok(events.length >= tasks.length, `${events.length} events for ${tasks.length} tasks`)
      assert.ok(events.some((e) => e.getFirstPropertyValue('summary') === aTitle))

      const xlsx = await exportThroughUi(page, 'Excel (.xlsx)')
      assert.equal(xlsx.name, 'ke-hoach-tuyen-truyen-bau-cu-2021.xlsx')
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(xlsx.bytes)
      const sheet = workbook.getWorksheet('Kế hoạch')
      assert.ok(sheet, 'no sheet "Kế hoạch"')
      assert.ok(workbook.getWorksheet('Mốc pháp lý'), 'no sheet "Mốc pháp lý"')
      const texts = []
      sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text))))
      assert.ok(texts.includes(aTitle), 'the task is not in the sheet')

      const docx = await exportThroughUi(page, 'Word (.docx)')
      assert.equal(docx.name, 'ke-hoach-tuyen-truyen-bau-cu-2021.docx')
      const documentXml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml').async('string')
      for (const part of ['KẾ HOẠCH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Nơi nhận:']) assert.ok(documentXml.includes(part), part)

      const csv = await exportThroughUi(page, 'CSV', async (dialog) => {
        await dialog.locator('input[name="scope"]').nth(2).check()
        await dialog.getByRole('combobox', { name: 'Một đơn vị chủ trì' }).selectOption({ label: 'Sở Thông tin và Truyền thông' })
      })
      assert.equal(csv.bytes[0], 0xef, 'no UTF-8 BOM')
      const rows = Papa.parse(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
      const expected = tasks.filter((t) => t.leadUnitId === 'unit-soTttt').length
      assert.equal(rows.length - 1, expected, 'the lead-unit scope did not apply')
      assert.ok(rows[0].some((h) => /Nội dung công việc/.test(h)))

      const json = await exportThroughUi(page, 'Sao lưu (JSON)')
      const backup = JSON.parse(json.bytes.toString('utf8'))
      assert.equal(backup.type, 'election-campaign-planner/backup')
      assert.equal(Object.keys(backup.data.plans[0].tasks).length, tasks.length)
      await assertText(page.getByTestId('last-backup-button'), /Tải về lần cuối/)
    }))

  test('In / PDF renders the task table grouped by phase and opens the print dialog', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed ?? 0) + 1 } })
      await page.locator('details.menu summary').click()
      await page.getByRole('menuitem', { name: 'In / PDF' }).click()
      await page.locator('dialog[open].export-dialog').getByRole('button', { name: 'In' }).click()
      await page.waitForFunction(() => window.__printed === 1)
      const plan = await activePlan(page)
      assert.equal(await page.locator('.print-schedule tbody tr:not(.print-group)').count() - 21, Object.keys(plan.tasks).length)
      assert.equal(await page.locator('.print-schedule .print-group').count(), 3)
    }))
})

describe('import', () => {
  test('a JSON backup with a newer copy of a task previews "1 cập nhật", applies, and undoes', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      const plan = await activePlan(page)
      const id = 'vn-2021-province-press-training'
      const edited = structuredClone(plan)
      edited.tasks[id] = { ...edited.tasks[id], title: 'Tập huấn (đã sửa trong tệp)', updatedAt: Date.now() + 60_000 }
      const file = JSON.stringify({ type: 'election-campaign-planner/backup', version: 1, source: 'test', exportedAt: new Date().toISOString(), data: { plans: [edited] } })
      const dialog = await importThroughUi(page, 'sao-luu.json', 'application/json', Buffer.from(file))
      await assertText(dialog.getByTestId('import-summary'), `0 thêm mới, 1 cập nhật, ${Object.keys(plan.tasks).length - 1} không đổi`)
      await dialog.getByRole('button', { name: 'Nhập', exact: true }).click()
      assert.equal((await activePlan(page)).tasks[id].title, 'Tập huấn (đã sửa trong tệp)')
      await page.getByRole('button', { name: /Hoàn tác/ }).click()
      assert.equal((await activePlan(page)).tasks[id].title, plan.tasks[id].title)
    }))

  test('a JSON backup can be added as a new plan beside the open one', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      const plan = await activePlan(page)
      const file = JSON.stringify({ type: 'election-campaign-planner/backup', version: 1, source: 'test', exportedAt: new Date().toISOString(), data: { plans: [plan] } })
      const dialog = await importThroughUi(page, 'sao-luu.json', 'application/json', Buffer.from(file))
      await dialog.locator('input[name="mode"][value="new-plan"]').check()
      await assertText(dialog.getByTestId('import-summary'), new RegExp(`${Object.keys(plan.tasks).length} nhiệm vụ`))
      await dialog.getByRole('button', { name: 'Nhập', exact: true }).click()
      assert.equal(await page.getByTestId('plan-switcher').locator('option').count(), 2)
      const added = await activePlan(page)
      assert.notEqual(added.id, plan.id)
      assert.equal(Object.keys(added.tasks).length, Object.keys(plan.tasks).length)
    }))

  test('an ICS file from a calendar program adds its events as tasks', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      const ics = [
        'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
        'BEGIN:VEVENT', 'UID:abc123@google.com', 'DTSTAMP:20210301T000000Z', 'DTSTART;VALUE=DATE:20210510', 'DTEND;VALUE=DATE:20210512',
        'SUMMARY:Hội nghị báo cáo viên\\, cấp huyện', 'END:VEVENT', 'END:VCALENDAR', '',
      ].join('\r\n')
      const dialog = await importThroughUi(page, 'google.ics', 'text/calendar', Buffer.from(ics))
      await assertText(dialog.getByTestId('import-summary'), '1 thêm mới, 0 cập nhật, 0 không đổi')
      await dialog.getByRole('button', { name: 'Nhập', exact: true }).click()
      const task = Object.values((await activePlan(page)).tasks).find((t) => t.title === 'Hội nghị báo cáo viên, cấp huyện')
      assert.ok(task, 'the event did not become a task')
      assert.deepEqual([task.allDay, task.start, task.end], [true, '2021-05-10', '2021-05-12'])
    }))

  test('the app’s own Excel export imports back with nothing changed', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      const plan = await activePlan(page)
      const xlsx = await exportThroughUi(page, 'Excel (.xlsx)')
      const dialog = await importThroughUi(page, xlsx.name, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx.bytes)
      await assertText(dialog.getByTestId('import-summary'), `0 thêm mới, 0 cập nhật, ${Object.keys(plan.tasks).length} không đổi`)
    }))

  test('a bad file says what is wrong and changes nothing', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      const before = JSON.stringify(await activePlan(page))
      let dialog = await importThroughUi(page, 'hong.json', 'application/json', Buffer.from('{ không phải json'))
      await assertText(dialog.getByTestId('import-error'), /không phải JSON hợp lệ/)
      assert.ok(await dialog.getByRole('button', { name: 'Nhập', exact: true }).isDisabled())
      await dialog.getByTestId('import-file').setInputFiles({ name: 'anh.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('\x89PNG\r\n\x1a\n') })
      await assertText(dialog.getByTestId('import-error'), /Excel/)
      await dialog.getByTestId('import-file').setInputFiles({ name: 'lich.ics', mimeType: 'text/calendar', buffer: Buffer.from('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n') })
      await dialog.getByTestId('import-error').waitFor()
      dialog = page.locator('dialog[open].import-dialog')
      await dialog.getByRole('button', { name: 'Hủy bỏ' }).click()
      assert.equal(JSON.stringify(await activePlan(page)), before)
    }))
})
