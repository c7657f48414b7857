import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import { parseCsv } from '@/io/csv/csv-file'
import { describeRowIssue } from '@/io/schedule-table/import-messages'
import { applyColumnMapping, readForeignSheet } from '@/io/schedule-table/column-mapping'
import { parseDateRangeText, parseDateTimeText } from '@/io/schedule-table/date-text'
import { suggestColumnField } from '@/io/schedule-table/header-matching'
import type { ForeignSheetResult, SheetRow } from '@/io/schedule-table/import-result'
import { interpretSheet } from '@/io/schedule-table/interpret-sheet'
import { parseXlsx } from '@/io/xlsx/xlsx-file'

const NOW = Date.UTC(2026, 10, 22, 3, 0)
const plan = buildCampaign2021Plan(1234)

function rowsOf(lines: readonly (readonly string[])[]): SheetRow[] {
  return lines.map((cells, index) => ({ number: index + 1, cells: [...cells] }))
}

function foreign(result: ReturnType<typeof interpretSheet> | { ok: false; error: string }): ForeignSheetResult {
  if (!result || !result.ok || result.kind !== 'foreign') throw new Error(`expected a foreign sheet, got ${JSON.stringify(result)}`)
  return result
}

/** An official's CSV: a title line, a blank line, the header on row 3. */
const OFFICIAL_CSV = [
  'KẾ HOẠCH TUYÊN TRUYỀN CÔNG TÁC BẦU CỬ NĂM 2021,,,,,',
  ',,,,,',
  'STT,Nội dung công việc,Thời gian thực hiện,Cơ quan chủ trì,Phối hợp,Ghi chú',
  'I,TUYÊN TRUYỀN CHUNG,,,,',
  '1,Treo băng rôn khẩu hiệu,01/04 – 30/04/2021,sở văn hoá thể thao và du lich,,Các tuyến phố chính',
  '2,Họp báo công bố ngày bầu cử,Từ 01/04/2021 đến 02/04/2021,Sở Thông tin và Truyền thông,"Báo tỉnh, Công an tỉnh",',
  '3,Tập huấn báo cáo viên,2021-04-10,Ban Tuyên giáo Huyện ủy,Sở Tư pháp; Hội Liên hiệp Phụ nữ tỉnh,',
  '4,,05/04/2021,Sở Tư pháp,,',
  '5,Phát thanh lưu động,32/13/2021,,,',
  '6,Hội nghị trực tuyến,5/5/2021,"Sở Thông tin và Truyền thông, Đài Phát thanh - Truyền hình tỉnh",Ban Tuyên giáo Huyện ủy,',
].join('\r\n')

describe('foreign sheets: the header row', () => {
  it('finds the header under the title lines and suggests a field for each column from its name', () => {
    const sheet = foreign(parseCsv(OFFICIAL_CSV, plan, NOW))
    expect(sheet.headerRow).toBe(3)
    expect(sheet.headers).toEqual(['STT', 'Nội dung công việc', 'Thời gian thực hiện', 'Cơ quan chủ trì', 'Phối hợp', 'Ghi chú'])
    expect(sheet.suggestedMapping).toEqual({ 0: null, 1: 'title', 2: 'start', 3: 'lead', 4: 'support', 5: 'description' })
    expect(sheet.rows[0]!.number).toBe(4)
    expect(sheet.samples[1]).toEqual(['TUYÊN TRUYỀN CHUNG', 'Treo băng rôn khẩu hiệu', 'Họp báo công bố ngày bầu cử'])
    expect(sheet.samples[5]).toEqual(['Các tuyến phố chính'])
    expect(sheet.sheetRows.map((row) => row.number)).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 10])
  })

  it('reads the sheet again under the header row the user picks', () => {
    const sheet = foreign(parseCsv(OFFICIAL_CSV, plan, NOW))
    const fromTitle = readForeignSheet(sheet.sheetRows, 1)
    expect(fromTitle.headerRow).toBe(1)
    expect(fromTitle.headers[0]).toBe('KẾ HOẠCH TUYÊN TRUYỀN CÔNG TÁC BẦU CỬ NĂM 2021')
    expect(fromTitle.rows[0]!.number).toBe(3)
    // A row number that is not there: the most likely header, as at first.
    expect(readForeignSheet(sheet.sheetRows, 99).headerRow).toBe(3)
    expect(readForeignSheet(sheet.sheetRows, 3)).toEqual(sheet)
  })

  it('recognises the names officials give columns, in Vietnamese and English', () => {
    const cases: [string, string | null][] = [
      ['Nội dung', 'title'], ['Công việc', 'title'], ['Tên hoạt động', 'title'], ['Task', 'title'],
      ['Thời gian', 'start'], ['Thời gian thực hiện', 'start'], ['Từ ngày', 'start'], ['Start', 'start'],
      ['Đến ngày', 'end'], ['Thời hạn', 'end'], ['End', 'end'],
      ['Cơ quan chủ trì', 'lead'], ['Đơn vị thực hiện', 'lead'], ['Đơn vị/cá nhân thực hiện', 'lead'], ['Trách nhiệm', 'lead'],
      ['Đơn vị phụ trách', 'lead'], ['Lead unit', 'lead'],
      ['Phối hợp', 'support'], ['Đơn vị phối hợp', 'support'], ['Supporting units', 'support'],
      ['Kênh', 'channel'], ['Hình thức tuyên truyền', 'channel'], ['Trạng thái', 'status'], ['Ghi chú', 'description'],
      ['Notes', 'description'], ['Địa điểm', 'location'], ['Nơi tổ chức', 'location'], ['Số lượng', 'quantity'],
      ['STT', null], ['Kinh phí', null], ['', null],
    ]
    for (const [header, field] of cases) expect([header, suggestColumnField(header)]).toEqual([header, field])
  })

  it('merges a second header row ("Thời gian" over "Từ ngày | Đến ngày") into the first', () => {
    const rows = rowsOf([
      ['UBND TỈNH X', '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['TT', 'Nội dung', 'Thời gian', 'Thời gian', 'Đơn vị'],
      ['TT', 'Nội dung', 'Từ ngày', 'Đến ngày', 'Chủ trì', 'Phối hợp'],
      ['1', 'Treo cờ', '01/05/2021', '23/05/2021', 'Tỉnh đoàn', 'Sở Tư pháp'],
    ])
    const sheet = foreign(interpretSheet(rows, plan, NOW))
    expect([sheet.headerRow, sheet.subHeaderRow]).toEqual([2, 3])
    expect(sheet.headers).toEqual(['TT', 'Nội dung', 'Thời gian – Từ ngày', 'Thời gian – Đến ngày', 'Đơn vị – Chủ trì', 'Phối hợp'])
    expect(sheet.suggestedMapping).toEqual({ 0: null, 1: 'title', 2: 'start', 3: 'end', 4: 'lead', 5: 'support' })
    const mapped = applyColumnMapping(sheet.rows, sheet.suggestedMapping, plan, NOW, 2, { addUnknownUnits: true })
    expect(mapped.ok && mapped.tasks.map((t) => [t.title, t.start, t.end, t.leadUnitId, t.supportUnitIds])).toEqual([
      ['Treo cờ', '2021-05-01', '2021-05-24', 'unit-tinhDoan', ['unit-soTuPhap']],
    ])
  })

  it('takes the first row of two cells or more when no row names two fields', () => {
    const sheet = foreign(interpretSheet(rowsOf([['Danh sách'], ['a', 'b'], ['c', 'd']]), plan, NOW))
    expect(sheet.headerRow).toBe(2)
    expect(sheet.suggestedMapping).toEqual({ 0: null, 1: null })
  })
})

describe('foreign sheets: the mapping', () => {
  it('turns the rows into tasks, with new units for the names the plan lacks and the rows that cannot be read', () => {
    const sheet = foreign(parseCsv(OFFICIAL_CSV, plan, NOW))
    const mapped = applyColumnMapping(sheet.rows, sheet.suggestedMapping, plan, NOW, 2, { addUnknownUnits: true })
    if (!mapped.ok) throw new Error('expected tasks')
    expect(mapped.newUnits.map((u) => u.name)).toEqual(['Công an tỉnh', 'Ban Tuyên giáo Huyện ủy', 'Hội Liên hiệp Phụ nữ tỉnh'])
    expect(mapped.newUnits.every((u) => u.updatedAt === NOW && u.id.startsWith('unit-'))).toBe(true)
    const [police, district, women] = mapped.newUnits.map((u) => u.id)
    expect(mapped.rowNumbers).toEqual([5, 6, 7, 10])
    expect(mapped.tasks.map((t) => [t.title, t.allDay, t.start, t.end, t.leadUnitId, t.supportUnitIds, t.description])).toEqual([
      // Case and diacritics do not matter ("văn hoá" and "văn hóa", no accents at all).
      ['Treo băng rôn khẩu hiệu', true, '2021-04-01', '2021-05-01', 'unit-soVhttdl', [], 'Các tuyến phố chính'],
      ['Họp báo công bố ngày bầu cử', true, '2021-04-01', '2021-04-03', 'unit-soTttt', ['unit-baoTinh', police], ''],
      ['Tập huấn báo cáo viên', true, '2021-04-10', '2021-04-11', district, ['unit-soTuPhap', women], ''],
      // Two units in the lead cell: the first leads, the other supports; a new unit is reused by name.
      ['Hội nghị trực tuyến', true, '2021-05-05', '2021-05-06', 'unit-soTttt', ['unit-daiPtthTinh', district], ''],
    ])
    expect(mapped.tasks.every((t) => t.createdAt === NOW && t.updatedAt === NOW && t.anchor.type === 'fixed')).toBe(true)
    expect(mapped.errors).toEqual([
      { row: 8, message: 'missingTitle' },
      { row: 9, message: 'invalidStart', detail: '32/13/2021' },
    ])
    expect(mapped.warnings).toEqual([{ row: 4, message: 'sectionHeading', detail: 'TUYÊN TRUYỀN CHUNG' }])
    expect(mapped.errors.map((issue) => describeRowIssue(issue, 'vi'))).toEqual([
      'Dòng 8: thiếu nội dung công việc.',
      'Dòng 9: không đọc được ngày bắt đầu (“32/13/2021”).',
    ])
    expect(describeRowIssue(mapped.errors[1]!, 'en')).toBe('Row 9: the start date cannot be read (“32/13/2021”).')
  })

  it('without addUnknownUnits leaves unknown units out with a warning, as before', () => {
    const sheet = foreign(parseCsv(OFFICIAL_CSV, plan, NOW))
    const mapped = applyColumnMapping(sheet.rows, sheet.suggestedMapping, plan, NOW)
    if (!mapped.ok) throw new Error('expected tasks')
    expect(mapped.newUnits).toEqual([])
    expect(mapped.warnings).toContainEqual({ row: 6, message: 'unknownUnit', detail: 'Báo tỉnh, Công an tỉnh' })
  })

  it('follows the user’s mapping: ignored columns, a column moved to another field, a required field missing', () => {
    const sheet = foreign(parseCsv(OFFICIAL_CSV, plan, NOW))
    const mapping = { ...sheet.suggestedMapping, 3: null, 4: null, 5: 'location' as const }
    const mapped = applyColumnMapping(sheet.rows, mapping, plan, NOW, 2, { addUnknownUnits: true })
    if (!mapped.ok) throw new Error('expected tasks')
    expect(mapped.newUnits).toEqual([])
    expect(mapped.tasks[0]).toMatchObject({ leadUnitId: null, supportUnitIds: [], location: 'Các tuyến phố chính', description: '' })
    expect(applyColumnMapping(sheet.rows, { ...sheet.suggestedMapping, 1: null }, plan, NOW)).toEqual({ ok: false, error: 'mappingIncomplete', missing: ['title'] })
  })

  it('matches channels and statuses by name and warns about the unknown ones', () => {
    const rows = rowsOf([
      ['Nội dung', 'Ngày', 'Kênh', 'Trạng thái'],
      ['Đăng tin', '01/04/2021', 'bao chi, cong thong tin dien tu', 'đã hoàn thành'],
      ['Phát tờ rơi', '02/04/2021', 'Zalo', 'sắp làm'],
    ])
    const sheet = foreign(interpretSheet(rows, plan, NOW))
    const mapped = applyColumnMapping(sheet.rows, sheet.suggestedMapping, plan, NOW, 2, { addUnknownUnits: true })
    if (!mapped.ok) throw new Error('expected tasks')
    expect(mapped.tasks.map((t) => [t.channelId, t.status])).toEqual([['channel-press', 'done'], [null, 'planned']])
    expect(mapped.warnings).toEqual([
      { row: 3, message: 'unknownChannel', detail: 'Zalo' },
      { row: 3, message: 'unknownStatus', detail: 'sắp làm' },
    ])
  })
})

describe('foreign sheets: dates people write', () => {
  const range = (text: string) => {
    const read = parseDateRangeText(text)
    return read ? [read.from.date, read.to?.date ?? null] : null
  }

  it('splits a "Thời gian" cell into from and to where it can', () => {
    expect(range('01/04 – 30/04/2021')).toEqual(['2021-04-01', '2021-04-30'])
    expect(range('Từ 01/04/2021 đến 30/04/2021')).toEqual(['2021-04-01', '2021-04-30'])
    expect(range('Từ ngày 01/4/2021 đến ngày 30/4/2021')).toEqual(['2021-04-01', '2021-04-30'])
    expect(range('01 - 30/4/2021')).toEqual(['2021-04-01', '2021-04-30'])
    expect(range('1/4/2021-3/4/2021')).toEqual(['2021-04-01', '2021-04-03'])
    expect(range('2021-04-01 – 2021-04-03')).toEqual(['2021-04-01', '2021-04-03'])
    expect(range('Tháng 4/2021')).toEqual(['2021-04-01', '2021-04-30'])
    expect(range('tháng 02 năm 2024')).toEqual(['2024-02-01', '2024-02-29'])
    expect(range('Tháng 4 - 5/2021')).toEqual(['2021-04-01', '2021-05-31'])
    expect(range('Quý II/2021')).toEqual(['2021-04-01', '2021-06-30'])
    expect(range('5/5/2021')).toEqual(['2021-05-05', null])
    for (const bad of ['Thường xuyên', 'Tháng 13/2021', 'Quý V/2021', '32/13/2021', '31/02/2021 – 01/03/2021', '']) expect(range(bad)).toBeNull()
  })

  it('reads Excel day numbers, which a date cell formatted as a number shows', () => {
    expect(parseDateTimeText('44287')).toEqual({ date: '2021-04-01', time: null })
    expect(parseDateTimeText('44287.375')).toEqual({ date: '2021-04-01', time: '09:00' })
    for (const notADate of ['2021', '123', '1234567', '99999']) expect(parseDateTimeText(notADate)).toBeNull()
  })

  it('reports a missing date, an unreadable end and an end before the start, by row', () => {
    const rows = rowsOf([
      ['Nội dung', 'Từ ngày', 'Đến ngày'],
      ['Một', '', ''],
      ['Hai', '01/04/2021', 'sau bầu cử'],
      ['Ba', '05/04/2021', '01/04/2021'],
      ['Bốn', '01/04/2021 08:00', '01/04/2021 10:30'],
    ])
    const sheet = foreign(interpretSheet(rows, plan, NOW))
    const mapped = applyColumnMapping(sheet.rows, sheet.suggestedMapping, plan, NOW)
    if (!mapped.ok) throw new Error('expected tasks')
    expect(mapped.errors).toEqual([
      { row: 2, message: 'missingStart' },
      { row: 3, message: 'invalidEnd', detail: 'sau bầu cử' },
      { row: 4, message: 'endBeforeStart', detail: '05/04/2021 → 01/04/2021' },
    ])
    expect(mapped.tasks.map((t) => [t.allDay, t.start, t.end])).toEqual([[false, '2021-04-01T08:00', '2021-04-01T10:30']])
  })
})

describe('foreign workbooks', () => {
  it('reads an official’s workbook: title rows, a two-row header, real Excel dates and a date typed as text', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('KH')
    sheet.addRow(['ỦY BAN BẦU CỬ HUYỆN A'])
    sheet.mergeCells('A1:F1')
    sheet.addRow(['KẾ HOẠCH tuyên truyền bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp'])
    sheet.mergeCells('A2:F2')
    sheet.addRow(['STT', 'Nội dung công việc', 'Thời gian', null, 'Cơ quan chủ trì', 'Ghi chú'])
    sheet.addRow(['STT', 'Nội dung công việc', 'Từ ngày', 'Đến ngày', 'Cơ quan chủ trì', 'Ghi chú'])
    sheet.mergeCells('C3:D3')
    sheet.mergeCells('A3:A4')
    sheet.mergeCells('B3:B4')
    sheet.mergeCells('E3:E4')
    sheet.mergeCells('F3:F4')
    sheet.addRow([1, 'Treo cờ, băng rôn', new Date(Date.UTC(2021, 4, 1)), new Date(Date.UTC(2021, 4, 23)), 'Đài Truyền thanh xã', null])
    sheet.addRow([2, 'Hội nghị tiếp xúc cử tri', new Date(Date.UTC(2021, 4, 10, 8, 0)), null, 'ủy ban nhân dân cấp xã', 'Hội trường xã'])
    sheet.addRow([3, 'Tuyên truyền lưu động', '12/05/2021', 'ngày bầu cử', null, null])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer() as unknown as ArrayBuffer)

    const read = foreign(await parseXlsx(bytes, plan, NOW))
    expect([read.headerRow, read.subHeaderRow]).toEqual([3, 4])
    expect(read.headers).toEqual(['STT', 'Nội dung công việc', 'Thời gian – Từ ngày', 'Thời gian – Đến ngày', 'Cơ quan chủ trì', 'Ghi chú'])
    expect(read.suggestedMapping).toEqual({ 0: null, 1: 'title', 2: 'start', 3: 'end', 4: 'lead', 5: 'description' })
    expect(read.samples[2]).toEqual(['01/05/2021', '10/05/2021 08:00', '12/05/2021'])

    const mapped = applyColumnMapping(read.rows, read.suggestedMapping, plan, NOW, 2, { addUnknownUnits: true })
    if (!mapped.ok) throw new Error('expected tasks')
    expect(mapped.tasks.map((t) => [t.title, t.allDay, t.start, t.end, t.leadUnitId, t.description])).toEqual([
      ['Treo cờ, băng rôn', true, '2021-05-01', '2021-05-24', mapped.newUnits[0]!.id, ''],
      ['Hội nghị tiếp xúc cử tri', false, '2021-05-10T08:00', '2021-05-10T09:00', 'unit-ubndXa', 'Hội trường xã'],
    ])
    expect(mapped.newUnits.map((u) => u.name)).toEqual(['Đài Truyền thanh xã'])
    expect(mapped.errors).toEqual([{ row: 7, message: 'invalidEnd', detail: 'ngày bầu cử' }])
  })
})
