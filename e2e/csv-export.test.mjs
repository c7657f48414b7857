// The CSV export as an official meets it: the dialog says how Excel and LibreOffice open the file and
// points to the Excel export, and the file starts with the columns people read, without the
// template's English research notes.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, test } from 'node:test'
import Papa from 'papaparse'
import { setupSuite, TEST_TIMEOUT_MS, withApp } from './support.mjs'

const suite = setupSuite()

describe('CSV export', () => {
  test('the dialog explains CSV and offers Excel; the file starts with STT, Giai đoạn, Nội dung and has no research notes', { timeout: TEST_TIMEOUT_MS }, () =>
    withApp(suite, async ({ page }) => {
      await page.locator('details.menu summary').filter({ hasText: 'Xuất' }).click()
      await page.getByRole('menuitem', { name: 'CSV' }).click()
      const dialog = page.locator('dialog[open].export-dialog')
      const note = dialog.getByTestId('csv-note')
      await note.waitFor()
      const text = (await note.textContent()) ?? ''
      for (const part of ['Excel mở thẳng tệp CSV', 'Unicode (UTF-8)', 'Tiếng Việt', 'Excel (.xlsx)']) assert.ok(text.includes(part), part)
      if (process.env.CSV_NOTE_SCREENSHOT) await dialog.screenshot({ path: process.env.CSV_NOTE_SCREENSHOT })

      // The other formats have no such note; the button switches to Excel.
      await dialog.getByRole('button', { name: 'Chọn Excel (.xlsx)' }).click()
      assert.equal(await dialog.getByRole('radio', { name: 'Excel (.xlsx)' }).isChecked(), true)
      assert.equal(await note.count(), 0)

      await dialog.getByRole('radio', { name: 'CSV' }).check()
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Tải về' }).click()])
      const csv = (await readFile(await download.path())).toString('utf8')
      assert.ok(csv.startsWith('\uFEFFSTT,Giai đoạn,Nội dung công việc,Từ ngày,Đến ngày,'), csv.slice(0, 80))
      for (const word of ['seed', 'Not one of', 'Row 3 of', 'assumed']) assert.ok(!csv.includes(word), word)
      const [header] = Papa.parse(csv.slice(1), { skipEmptyLines: true }).data
      assert.ok(header.at(-1).startsWith('[Để nhập lại – không sửa] '), header.at(-1))
    }))
})
