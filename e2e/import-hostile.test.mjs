// Hostile files chosen in the import dialog: a zip bomb made from the app's own Excel export, and a
// CSV longer than the row limit. Each is refused with a message that names the limit, and the plan
// (in the store and as saved) stays as it was.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, test } from 'node:test'
import { createDeflateRaw } from 'node:zlib'
import { deflateSync, unzipSync } from 'fflate'
import { activePlan, assertText, flushSave, savedDocument, setupSuite, importThroughUi, withApp } from './support.mjs'

const suite = setupSuite()
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const MB = 1024 * 1024

/** Opens Xuất ▾ → format, runs the dialog and returns the downloaded file's bytes. */
async function exportThroughUi(page, formatLabel) {
  await page.locator('.top-bar details.menu summary').filter({ hasText: 'Xuất' }).click()
  await page.getByRole('menuitem', { name: formatLabel }).click()
  const dialog = page.locator('dialog[open].export-dialog')
  await dialog.waitFor()
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Tải về' }).click()])
  return readFile(await download.path())
}

/** The plan as the store holds it and as it was last saved (flushed first), to compare before and after. */
async function planState(page) {
  await flushSave(page)
  const plan = await activePlan(page)
  const saved = await savedDocument(page)
  const savedPlan = saved?.state?.plans?.[saved.state.activePlanId]
  assert.ok(savedPlan, 'nothing saved to compare with')
  return { tasks: Object.keys(plan.tasks).length, savedTasks: Object.keys(savedPlan.tasks).length, plan: JSON.stringify(plan) }
}

/** 1 GiB of spaces as raw deflate data (~1 MB), made a MiB at a time. */
async function gibibyteOfDeflate() {
  const deflate = createDeflateRaw({ level: 9 })
  const parts = []
  deflate.on('data', (part) => parts.push(part))
  const ended = new Promise((resolve) => deflate.on('end', resolve))
  const block = Buffer.alloc(MB, 0x20)
  for (let i = 0; i < 1024; i += 1) {
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once('drain', resolve))
  }
  deflate.end()
  await ended
  return Buffer.concat(parts)
}

/** A ZIP of the given entries whose directory declares `declaredSize` for each (the truth, except for the bomb). */
function buildZip(entries) {
  const parts = []
  const directory = []
  let offset = 0
  for (const { name, data, declaredSize } of entries) {
    const nameBytes = Buffer.from(name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(declaredSize, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(declaredSize, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    parts.push(local, nameBytes, Buffer.from(data))
    directory.push(central, nameBytes)
    offset += 30 + nameBytes.length + data.length
  }
  const directoryBytes = Buffer.concat(directory)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directoryBytes.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, directoryBytes, end])
}

describe('hostile imports', () => {
  test('a zip bomb made from the app’s own Excel export is refused, naming the limit, and the plan stays unchanged', { timeout: 180_000 }, () =>
    withApp(suite, async ({ page }) => {
      const before = await planState(page)
      const exported = unzipSync(new Uint8Array(await exportThroughUi(page, 'Excel (.xlsx)')))
      assert.ok(exported['xl/worksheets/sheet1.xml'], 'the export has no sheet1.xml')
      const bomb = await gibibyteOfDeflate()
      const file = buildZip(Object.entries(exported).map(([name, data]) => (name === 'xl/worksheets/sheet1.xml'
        ? { name, data: bomb, declaredSize: 1000 }
        : { name, data: deflateSync(data), declaredSize: data.length })))
      assert.ok(file.length < 2 * MB, `the bomb is ${file.length} bytes`)

      const dialog = await importThroughUi(page, 'ke-hoach.xlsx', XLSX_MIME, file)
      // Inflating up to the 200 MB limit takes a second or two; far longer on a loaded test machine.
      await dialog.getByTestId('import-error').waitFor({ timeout: 60_000 })
      await assertText(dialog.getByTestId('import-error'), /giải nén ra hơn 200 MB/)
      assert.ok(await dialog.getByRole('button', { name: 'Nhập', exact: true }).isDisabled())
      await dialog.getByRole('button', { name: 'Hủy bỏ' }).click()
      assert.deepEqual(await planState(page), before)
    }))

  test('a CSV of more rows than the limit is refused with both numbers, and the plan stays unchanged', { timeout: 120_000 }, () =>
    withApp(suite, async ({ page }) => {
      const before = await planState(page)
      const csv = `Nội dung công việc,Từ ngày\r\n${'Treo băng rôn,01/04/2021\r\n'.repeat(50_001)}`
      const dialog = await importThroughUi(page, 'dai.csv', 'text/csv', Buffer.from(csv, 'utf8'))
      await assertText(dialog.getByTestId('import-error'), /50\.001 dòng, vượt giới hạn 50\.000 dòng/)
      await dialog.getByRole('button', { name: 'Hủy bỏ' }).click()
      assert.deepEqual(await planState(page), before)
    }))
})
