import { describe, expect, it } from 'vitest'
import { formatCount } from '@/features/dashboard/utils/count-format'

describe('formatCount', () => {
  it.each([0, 7, 310, 1117, 10010, 999999, 1234567, -4200])('writes %d as the vi-VN and en-GB number formats do', (n) => {
    expect(formatCount(n, 'vi')).toBe(new Intl.NumberFormat('vi-VN').format(n))
    expect(formatCount(n, 'en')).toBe(new Intl.NumberFormat('en-GB').format(n))
  })

  it('leaves a number that is not a whole one as it is', () => {
    expect(formatCount(2.5, 'vi')).toBe('2.5')
    expect(formatCount(Number.NaN, 'en')).toBe('NaN')
  })
})
