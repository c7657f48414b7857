import { describe, expect, it } from 'vitest'
import { parseDateRangeText, parseDateTimeText } from '@/io/schedule-table/date-text'

describe('dates people write', () => {
  it('reads dates and ranges the way people write them', () => {
    expect(parseDateTimeText('30/3/2021')).toEqual({ date: '2021-03-30', time: null })
    expect(parseDateTimeText(' 2021-03-30T08:05 ')).toEqual({ date: '2021-03-30', time: '08:05' })
    expect(parseDateTimeText('8h30 ngày 30/03/2021')).toEqual({ date: '2021-03-30', time: '08:30' })
    expect(parseDateTimeText('CN 23/05/2021')).toEqual({ date: '2021-05-23', time: null })
    for (const bad of ['31/02/2021', '30/03/21', '2021-13-01', '30/03/2021 25:00', 'hôm nay', '']) expect(parseDateTimeText(bad)).toBeNull()
    expect(parseDateRangeText('01/04/2021 – 23/05/2021')).toEqual({ from: { date: '2021-04-01', time: null }, to: { date: '2021-05-23', time: null } })
    expect(parseDateRangeText('01/04/2021 - 23/05/2021')?.to?.date).toBe('2021-05-23')
    expect(parseDateRangeText('2021-04-01-2021-04-03')?.to?.date).toBe('2021-04-03')
    expect(parseDateRangeText('Từ 01/4 đến 23/5/2021')).toEqual({ from: { date: '2021-04-01', time: null }, to: { date: '2021-05-23', time: null } })
  })
})
