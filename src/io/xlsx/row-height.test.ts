import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_ROW_HEIGHT_PT, rowHeightForLines, textAreaWidthPt, wrappedLineCount } from '@/io/xlsx/row-height'

const REGULAR = { size: 12 }
const BOLD = { size: 12, bold: true }

/**
 * Cells of the benchmark plans and the line counts LibreOffice 7.4 drew for them (Times New Roman 12,
 * wrapped, in columns 50 and 40 units wide; PDF read back with pdftotext). Our columns give Excel's
 * narrower width and a safety margin, so the estimate may be one line more, never fewer.
 */
const LIBREOFFICE_LINES: readonly [width: number, lines: number, text: string][] = [
  [50, 3, 'Tuyên truyền chung trên báo, đài, cổng thông tin điện tử về ý nghĩa cuộc bầu cử, Hiến pháp, Luật Bầu cử, tiêu chuẩn người ứng cử (xã Cư Né)'],
  [50, 4, 'Chỉ đạo Đài cấp huyện, đài truyền thanh cấp xã xây dựng kế hoạch, biên tập, sản xuất và phát nội dung tuyên truyền bầu cử trên hệ thống thông tin cơ sở (phường Tân Lập)'],
  [50, 3, 'Phát động và tổ chức Cuộc thi "Tìm hiểu cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp" trên Internet và mạng xã hội (thị xã Buôn Hồ)'],
  [50, 1, 'Sở Văn hóa, Thể thao và Du lịch'],
  [50, 2, 'Thiết kế maket, thay mới cụm pano, lắp mới nội dung cổng chào (giai đoạn 1) (phường Tân Lập)'],
  [50, 1, 'Treo cờ từ ngày 21/5 (D-2) đến hết 25/5 (D+2).'],
  [40, 4, 'Tuyên truyền chung trên báo, đài, cổng thông tin điện tử về ý nghĩa cuộc bầu cử, Hiến pháp, Luật Bầu cử, tiêu chuẩn người ứng cử (xã Cư Né)'],
  [40, 3, 'Thiết kế maket, thay mới cụm pano, lắp mới nội dung cổng chào (giai đoạn 1) (phường Tân Lập)'],
  [40, 4, 'Hướng dẫn cán bộ văn hóa cơ sở trang trí, khánh tiết khu vực bỏ phiếu; tuyên truyền lưu động tại điểm bầu cử và nơi niêm yết danh sách (phường Tân Lập)'],
  [40, 2, 'Treo cờ từ ngày 21/5 (D-2) đến hết 25/5 (D+2).'],
  [40, 3, 'Đăng Thư cảm ơn cử tri của Ủy ban bầu cử tỉnh trên báo, đài, cổng thông tin điện tử (huyện M’Đrắk)'],
]

describe('wrapped line count', () => {
  it('takes as many lines as LibreOffice draws, or one more, never fewer', () => {
    for (const [width, lines, text] of LIBREOFFICE_LINES) {
      const estimate = wrappedLineCount(text, textAreaWidthPt([width]), REGULAR)
      expect(estimate, text).toBeGreaterThanOrEqual(lines)
      expect(estimate, text).toBeLessThanOrEqual(lines + 1)
    }
  })

  it('counts explicit line breaks, empty lines included, and no line for empty text', () => {
    const area = textAreaWidthPt([40])
    expect(wrappedLineCount('', area, REGULAR)).toBe(0)
    expect(wrappedLineCount('Họp', area, REGULAR)).toBe(1)
    expect(wrappedLineCount('một\nhai\nba', area, REGULAR)).toBe(3)
    expect(wrappedLineCount('một\r\nhai\rba', area, REGULAR)).toBe(3)
    expect(wrappedLineCount('một\n\nba\n', area, REGULAR)).toBe(4)
  })

  it('wraps at spaces by the glyphs’ widths, and breaks a word longer than the line', () => {
    const area = textAreaWidthPt([50]) // 350 px less padding: 258 pt
    // "mmmm" is 4 × 0.778 em = 37.3 pt and "iiii" 13.3 pt at 12 pt: the same count of letters, a third of the room.
    const wide = Array.from({ length: 12 }, () => 'mmmm').join(' ')
    const narrow = Array.from({ length: 12 }, () => 'iiii').join(' ')
    expect(wrappedLineCount(narrow, area, REGULAR)).toBe(1)
    expect(wrappedLineCount(wide, area, REGULAR)).toBe(2)
    expect(wrappedLineCount('m'.repeat(20), area, REGULAR)).toBe(1)
    expect(wrappedLineCount('m'.repeat(60), area, REGULAR)).toBe(3)
  })

  it('measures Vietnamese letters as their base letter, and unknown scripts as a full em', () => {
    const area = textAreaWidthPt([20])
    const plain = 'Tuyen truyen bau cu dai bieu Quoc hoi'
    const vietnamese = 'Tuyên truyền bầu cử đại biểu Quốc hội'
    expect(wrappedLineCount(vietnamese, area, REGULAR)).toBe(wrappedLineCount(plain, area, REGULAR))
    // ơ and ư are wider than o and u (their horn): never fewer lines.
    expect(wrappedLineCount('ơ'.repeat(60), area, REGULAR)).toBeGreaterThanOrEqual(wrappedLineCount('o'.repeat(60), area, REGULAR))
    expect(wrappedLineCount('選'.repeat(30), area, REGULAR)).toBeGreaterThan(wrappedLineCount('a'.repeat(30), area, REGULAR))
  })

  it('never takes fewer lines for less room, more text, a larger or a bold font', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 40 }), fc.integer({ min: 4, max: 80 }), fc.integer({ min: 1, max: 40 }), (text, more, width, extra) => {
      const lines = wrappedLineCount(text, textAreaWidthPt([width]), REGULAR)
      expect(lines).toBeGreaterThanOrEqual(text === '' ? 0 : 1)
      expect(wrappedLineCount(text, textAreaWidthPt([width + extra]), REGULAR)).toBeLessThanOrEqual(lines)
      expect(wrappedLineCount(`${text}\n${more}`, textAreaWidthPt([width]), REGULAR)).toBeGreaterThanOrEqual(lines)
      expect(wrappedLineCount(text, textAreaWidthPt([width]), BOLD)).toBeGreaterThanOrEqual(lines)
      expect(wrappedLineCount(text, textAreaWidthPt([width]), { size: 14 })).toBeGreaterThanOrEqual(lines)
    }), { numRuns: 300 })
  })

  it('gives merged cells the room of all their columns', () => {
    expect(textAreaWidthPt([6, 50, 12])).toBeGreaterThan(textAreaWidthPt([50]) + textAreaWidthPt([6]) + textAreaWidthPt([12]) - 1)
    const label = 'I. Tuyên truyền chung (01/01/2021 – 31/03/2021), cao điểm từ tháng 4 đến ngày bầu cử'
    expect(wrappedLineCount(label, textAreaWidthPt([6, 50, 12, 12, 28, 28, 22, 16, 40]), BOLD)).toBe(1)
  })
})

describe('row height for lines', () => {
  it('grows by one line pitch per line, in whole pixels, up to Excel’s largest row', () => {
    const one = rowHeightForLines(1, 12)
    // A line of Times New Roman 12 is 15.75 pt in Excel's own fit, 13.8 pt in LibreOffice's: room for
    // both, and not much more.
    expect(one).toBeGreaterThanOrEqual(15.75)
    expect(one).toBeLessThan(22)
    for (let lines = 2; lines <= 20; lines += 1) {
      const pitch = (rowHeightForLines(lines, 12) - one) / (lines - 1)
      expect(pitch).toBeGreaterThanOrEqual(15.75)
      expect(pitch).toBeLessThan(17.5)
    }
    for (const lines of [1, 2, 7, 13]) expect((rowHeightForLines(lines, 12) / 0.75) % 1).toBeCloseTo(0, 9)
    expect(rowHeightForLines(0, 12)).toBe(one)
    expect(rowHeightForLines(1, 14)).toBeGreaterThan(one)
    expect(rowHeightForLines(100, 12)).toBe(MAX_ROW_HEIGHT_PT)
  })
})
