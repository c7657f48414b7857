import { describe, expect, it } from 'vitest'
import { matchColumnHeader, suggestColumnField } from '@/io/schedule-table/header-matching'
import { MACHINE_COLUMNS } from '@/io/schedule-table/schedule-columns'

describe('header matching', () => {
  it('matches header names in Vietnamese with or without diacritics, any case, and in English', () => {
    const cases: [string, string | null][] = [
      ['Nội dung', 'title'], ['Nội dung công việc', 'title'], ['Noi dung', 'title'], ['NỘI DUNG CÔNG VIỆC CHỦ YẾU', 'title'],
      ['Task', 'title'], ['Title', 'title'],
      ['Thời gian', 'start'], ['Thời gian (từ ngày – đến ngày)', 'start'], ['Từ ngày', 'start'], ['Ngày bắt đầu', 'start'],
      ['ngay bat dau', 'start'], ['Start', 'start'], ['Start date', 'start'], ['Ngày', 'start'],
      ['Đến ngày', 'end'], ['Ngày kết thúc', 'end'], ['End', 'end'], ['End date', 'end'], ['Due date', 'end'], ['Thời hạn', 'end'],
      ['Đơn vị chủ trì', 'lead'], ['Chủ trì', 'lead'], ['don vi chu tri', 'lead'], ['Lead', 'lead'], ['Lead unit', 'lead'],
      ['Đơn vị phối hợp', 'support'], ['Phối hợp', 'support'], ['Support', 'support'], ['Supporting units', 'support'],
      ['Kênh', 'channel'], ['Channel', 'channel'], ['Hình thức tuyên truyền', 'channel'],
      ['Trạng thái', 'status'], ['Status', 'status'], ['TRANG THAI', 'status'],
      ['Ghi chú', 'description'], ['Notes', 'description'], ['Description', 'description'], ['Mô tả', 'description'],
      ['Địa điểm', 'location'], ['Location', 'location'], ['dia diem', 'location'],
      ['Số lượng', 'quantity'],
      ['STT', null], ['TT', null], ['', null], ['Mã', null], ['xyz', null],
    ]
    for (const [header, field] of cases) expect([header, matchColumnHeader(header)]).toEqual([header, field])
  })

  it('suggests no field for our machine columns (ISO dates and JSON), only for the columns people read', () => {
    for (const column of MACHINE_COLUMNS.filter((c) => c.formerLabels)) {
      expect([column.vi, suggestColumnField(column.vi)]).toEqual([column.vi, null])
      expect([column.en, suggestColumnField(column.en)]).toEqual([column.en, null])
    }
    expect(suggestColumnField('[Để nhập lại – không sửa] Bắt đầu')).toBeNull()
    expect(suggestColumnField('[for re-import - do not edit] End (ISO, exclusive for all-day)')).toBeNull()
    // The same words without the prefix are a foreign sheet's columns, and the readable machine columns have none.
    expect(['Bắt đầu', 'Kết thúc', 'Số lượng', 'Địa điểm'].map(suggestColumnField)).toEqual(['start', 'end', 'quantity', 'location'])
  })
})
