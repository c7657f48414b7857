import { describe, expect, it } from 'vitest'
import { periodOf, periodTitle, stepPeriod } from '@/domain/dates/calendar-period'

describe('calendar periods', () => {
  it('knows the month, the Monday-first week and the year of a date', () => {
    expect(periodOf('month', '2021-05-23')).toEqual({ start: '2021-05-01', end: '2021-06-01' })
    expect(periodOf('week', '2021-05-23')).toEqual({ start: '2021-05-17', end: '2021-05-24' })
    expect(periodOf('week', '2021-05-17')).toEqual({ start: '2021-05-17', end: '2021-05-24' })
    expect(periodOf('year', '2021-05-23')).toEqual({ start: '2021-01-01', end: '2022-01-01' })
  })

  it('steps by a period, across year ends', () => {
    expect(stepPeriod('month', '2021-12-15', 1)).toBe('2022-01-01')
    expect(stepPeriod('month', '2021-01-31', -1)).toBe('2020-12-01')
    expect(stepPeriod('week', '2021-05-23', -1)).toBe('2021-05-16')
    expect(stepPeriod('year', '2021-05-23', 1)).toBe('2022-01-01')
  })

  it('titles the period in both languages', () => {
    expect(periodTitle('month', '2021-05-23', 'vi')).toBe('Tháng 5 năm 2021')
    expect(periodTitle('month', '2021-05-23', 'en')).toBe('May 2021')
    expect(periodTitle('week', '2021-05-23', 'vi')).toBe('17/05/2021 – 23/05/2021')
    expect(periodTitle('year', '2021-05-23', 'vi')).toBe('Năm 2021')
  })
})
