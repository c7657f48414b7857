import { describe, expect, it } from 'vitest'
import { compareTitles } from '@/domain/plan/title-order'

describe('compareTitles', () => {
  it('orders titles as a Vietnamese reader does: Ă after A, Đ after D, case and marks second', () => {
    const titles = ['Đêm văn nghệ', 'Dán áp phích', 'Ăn mừng', 'An toàn', 'bầu cử', 'Bầu cử', 'Ấn phẩm']
    expect([...titles].sort(compareTitles)).toEqual(['An toàn', 'Ăn mừng', 'Ấn phẩm', 'bầu cử', 'Bầu cử', 'Dán áp phích', 'Đêm văn nghệ'])
  })

  it('agrees with localeCompare in Vietnamese, which it replaces', () => {
    const titles = ['Tuyên truyền lưu động', 'tuyen truyen', 'Pano', 'pano cổ động', 'Đắk Lắk', 'Dak Lak', '']
    for (const a of titles) for (const b of titles) expect(Math.sign(compareTitles(a, b))).toBe(Math.sign(a.localeCompare(b, 'vi')))
  })
})
