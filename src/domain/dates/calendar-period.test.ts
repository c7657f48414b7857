import { describe, expect, it } from 'vitest'
import { campaignPeriodOf, campaignRangeOf, periodOf, periodTitle, sameDayOfMonth, stepPeriod } from '@/domain/dates/calendar-period'

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

  describe('the timeline', () => {
    // The 2021 phases: 1/1 … 31/3, 1/4 … 23/5, 24/5 … 12/6 (exclusive ends).
    const phases = [{ start: '2021-01-01', end: '2021-04-01' }, { start: '2021-04-01', end: '2021-05-24' }, { start: '2021-05-24', end: '2021-06-13' }]
    const campaign = campaignRangeOf(phases, '2021-05-23')

    it('spans the campaign in whole Monday-first weeks', () => {
      expect(campaign).toEqual({ start: '2020-12-28', end: '2021-06-14' })
      expect(campaignRangeOf([], '2021-05-23')).toEqual({ start: '2021-03-15', end: '2021-06-21' })
    })

    it('shows a week, a month or the whole campaign, as its zoom says', () => {
      expect(periodOf('timeline', '2021-05-23', { zoom: 'week' })).toEqual({ start: '2021-05-17', end: '2021-05-24' })
      expect(periodOf('timeline', '2021-05-23')).toEqual({ start: '2021-05-01', end: '2021-06-01' })
      expect(periodOf('timeline', '2021-05-23', { zoom: 'campaign', campaign })).toEqual(campaign)
      expect(periodOf('timeline', '2021-01-01', { zoom: 'campaign', campaign })).toEqual(campaign)
    })

    it('steps the whole-campaign zoom by the campaign length, and "today" in another year lands on a span holding it', () => {
      const after = stepPeriod('timeline', '2021-05-23', 1, { zoom: 'campaign', campaign })
      expect(after).toBe('2021-06-14')
      expect(periodOf('timeline', after, { zoom: 'campaign', campaign })).toEqual({ start: '2021-06-14', end: '2021-11-29' })
      expect(stepPeriod('timeline', after, -1, { zoom: 'campaign', campaign })).toBe('2020-12-28')
      expect(campaignPeriodOf('2020-12-27', campaign)).toEqual({ start: '2020-07-13', end: '2020-12-28' })
      const today = campaignPeriodOf('2026-03-01', campaign)
      expect(today.start <= '2026-03-01' && today.end > '2026-03-01').toBe(true)
      expect(stepPeriod('timeline', '2021-05-23', 1, { zoom: 'week' })).toBe('2021-05-30')
      expect(stepPeriod('timeline', '2021-05-23', -1)).toBe('2021-04-01')
    })

    it('titles the timeline by its zoom', () => {
      expect(periodTitle('timeline', '2021-05-23', 'vi', { zoom: 'month' })).toBe('Tháng 5 năm 2021')
      expect(periodTitle('timeline', '2021-05-23', 'en', { zoom: 'week' })).toBe('17/05/2021 – 23/05/2021')
      expect(periodTitle('timeline', '2021-05-23', 'vi', { zoom: 'campaign', campaign })).toBe('28/12/2020 – 13/06/2021')
    })
  })
})

describe('sameDayOfMonth', () => {
  it('keeps the day of the month, or takes the last day of a shorter month, across years', () => {
    expect(sameDayOfMonth('2021-05-17', 1)).toBe('2021-06-17')
    expect(sameDayOfMonth('2021-01-31', 1)).toBe('2021-02-28')
    expect(sameDayOfMonth('2024-03-31', -1)).toBe('2024-02-29')
    expect(sameDayOfMonth('2021-12-05', 1)).toBe('2022-01-05')
    expect(sameDayOfMonth('2021-01-09', -1)).toBe('2020-12-09')
  })
})
