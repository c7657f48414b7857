// Export every format through the UI and read the files back with real parsers; import JSON, ICS and
// XLSX through the file chooser, and a foreign CSV through the column mapping; a bad file shows its
// message and changes nothing.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, test } from 'node:test'
import ExcelJS from 'exceljs'
import ICAL from 'ical.js'
import JSZip from 'jszip'
import Papa from 'papaparse'
import { activePlan, assertText, setupSuite, TALL_VIEWPORT, taskEvent, taskTitled, TEST_TIMEOUT_MS, waitForTask, importThroughUi, withApp } from './support.mjs'

const suite = setupSuite()

/** Opens Xuất ▾ → format, runs the dialog and returns the downloaded file's name and bytes. */
async function exportThroughUi(page, formatLabel, prepare = async () => {}) {
  await page.locator('.top-bar details.menu summary').filter({ hasText: 'Xuất' }).click()
  await page.getByRole('menuitem', { name: formatLabel }).click()
  const dialog = page.locator('dialog[open].export-dialog')
  await dialog.waitFor()
  await prepare(dialog)
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Tải về' }).click()])
  const path = await download.path()
  return { name: download.suggestedFilename(), bytes: await readFile(path) }
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
      await page.locator('.top-bar details.menu summary').filter({ hasText: 'Xuất' }).click()
      await page.getByRole('menuitem', { name: 'In / PDF' }).click()
      await page.locator('dialog[open].export-dialog').getByRole('button', { name: 'In' }).click()
      await page.waitForFunction(() => window.__printed === 1)
      const plan = await activePlan(page)
      // One row per task, a recurring task one per occurrence (the template's series are daily, without exceptions), + 21 milestones.
      const rows = Object.values(plan.tasks).reduce((n, task) => {
        if (!task.recurrence) return n + 1
        assert.ok(task.recurrence.frequency === 'daily' && task.recurrence.interval === 1 && Object.keys(task.recurrence.exceptions).length === 0)
        return n + (Date.parse(task.recurrence.until) - Date.parse(task.start.slice(0, 10))) / 864e5 + 1
      }, 0)
      assert.ok(rows > Object.keys(plan.tasks).length, 'the template has a recurring task')
      assert.equal(await page.locator('.print-schedule tbody tr:not(.print-group)').count() - 21, rows)
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

  test('a backup of every plan adds every plan, not only the first', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      const plan = await activePlan(page)
      const district = { ...plan, id: 'plan-district-test', name: 'Kế hoạch huyện (thử)', tasks: {} }
      const commune = { ...plan, id: 'plan-commune-test', name: 'Kế hoạch xã (thử)' }
      const file = JSON.stringify({ type: 'election-campaign-planner/backup', version: 1, source: 'test', exportedAt: new Date().toISOString(), data: { plans: [district, commune] } })
      const dialog = await importThroughUi(page, 'sao-luu-tat-ca.json', 'application/json', Buffer.from(file))
      await dialog.locator('input[name="mode"][value="new-plan"]').check()
      await assertText(dialog.getByTestId('import-summary'), /2 kế hoạch mới/)
      await dialog.getByRole('button', { name: 'Nhập', exact: true }).click()
      const names = await page.getByTestId('plan-switcher').locator('option').allTextContents()
      assert.equal(names.length, 3)
      assert.ok(names.some((n) => n.includes('Kế hoạch huyện (thử)')) && names.some((n) => n.includes('Kế hoạch xã (thử)')), names.join(' | '))
      // The backup's first plan opens; the district plan kept its (empty) tasks.
      assert.equal((await activePlan(page)).name, 'Kế hoạch huyện (thử)')
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

  test('a foreign Vietnamese CSV goes through the column mapping, previews, applies as one undo step', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      const before = await activePlan(page)
      const csv = [
        'KẾ HOẠCH TUYÊN TRUYỀN CÔNG TÁC BẦU CỬ NĂM 2021,,,,',
        'STT,Nội dung công việc,Thời gian thực hiện,Cơ quan chủ trì,Ghi chú',
        '1,Treo băng rôn khẩu hiệu tại trung tâm xã,01/04 – 30/04/2021,Sở Văn hóa Thể thao và Du lịch,',
        '2,Hội nghị báo cáo viên cấp xã,Từ 10/05/2021 đến 12/05/2021,Ban Tuyên giáo Huyện ủy,Hội trường xã',
        '3,Phát thanh lưu động,32/13/2021,Đài Truyền thanh xã,',
        '4,Tập huấn tổ bầu cử,05/05/2021,Ủy ban nhân dân cấp xã,',
      ].join('\r\n')
      const dialog = await importThroughUi(page, 'ke-hoach-xa.csv', 'text/csv', Buffer.from(`\uFEFF${csv}`))
      await dialog.getByTestId('column-mapping').waitFor()
      // The header is found under the title line, and each column is pre-filled from its name.
      assert.equal(await dialog.getByTestId('mapping-header-row').inputValue(), '2')
      const fields = []
      for (let i = 0; i < 5; i += 1) fields.push(await dialog.getByTestId(`mapping-field-${i}`).inputValue())
      assert.deepEqual(fields, ['', 'title', 'start', 'lead', 'description'])
      const preview = dialog.getByTestId('mapping-preview')
      await assertText(preview, /Hội nghị báo cáo viên cấp xã/)
      await assertText(preview, /10\/05\/2021 – 12\/05\/2021/)
      await assertText(dialog.getByTestId('mapping-errors'), /Dòng 5: không đọc được ngày bắt đầu \(“32\/13\/2021”\)/)
      // Names the plan knows (without commas here) map to its units; the others become new units.
      await assertText(dialog.getByTestId('mapping-new-units'), '1 đơn vị mới (sẽ thêm vào kế hoạch): Ban Tuyên giáo Huyện ủy')
      await assertText(dialog.getByTestId('import-summary'), '3 thêm mới, 0 cập nhật, 0 không đổi')

      // Choosing the title line as the header leaves no title column: nothing can be imported.
      await dialog.getByTestId('mapping-header-row').selectOption('1')
      await dialog.getByTestId('mapping-missing').waitFor()
      assert.ok(await dialog.getByRole('button', { name: 'Nhập', exact: true }).isDisabled())
      await dialog.getByTestId('mapping-header-row').selectOption('2')
      // A column moved to another field: the notes become the location.
      await dialog.getByTestId('mapping-field-4').selectOption('location')
      assert.equal(JSON.stringify(await activePlan(page)), JSON.stringify(before), 'the plan changed before the import was applied')

      await dialog.getByRole('button', { name: 'Nhập', exact: true }).click()
      await waitForTask(page, 'Hội nghị báo cáo viên cấp xã', { start: '2021-05-10', end: '2021-05-13', allDay: true, location: 'Hội trường xã' })
      const after = await activePlan(page)
      assert.equal(Object.keys(after.tasks).length, Object.keys(before.tasks).length + 3)
      const district = after.units.find((u) => u.name === 'Ban Tuyên giáo Huyện ủy')
      assert.ok(district, 'the new unit was not added')
      assert.equal((await taskTitled(page, 'Hội nghị báo cáo viên cấp xã')).leadUnitId, district.id)
      assert.equal((await taskTitled(page, 'Treo băng rôn khẩu hiệu tại trung tâm xã')).leadUnitId, 'unit-soVhttdl')
      await taskEvent(page, 'Hội nghị báo cáo viên cấp xã').waitFor()

      await page.getByRole('button', { name: /Hoàn tác/ }).click()
      const undone = await activePlan(page)
      assert.equal(Object.keys(undone.tasks).length, Object.keys(before.tasks).length)
      assert.equal(undone.units.length, before.units.length)
    }, { viewport: TALL_VIEWPORT }))

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
