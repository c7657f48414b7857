import { describe, expect, it } from 'vitest'
import {
  addDays, diffDays, nowIn, fromDayNumber, fromMinuteNumber, isValidLocalDate, isValidLocalDateTime, shiftByDays, todayIn, toDayNumber, toMinuteNumber, weekdayOf,
} from '@/domain/dates/local-date'
import { formatDate, formatDateWithWeekday, parseDisplayDate } from '@/domain/dates/format-date'
import { electionOffsetLabel, formatElectionOffset, parseElectionOffset } from '@/domain/dates/election-offset'

describe('local dates', () => {
  it('accepts real calendar dates and rejects impossible ones', () => {
    expect(isValidLocalDate('2021-05-23')).toBe(true)
    expect(isValidLocalDate('2024-02-29')).toBe(true)
    expect(isValidLocalDate('2021-02-29')).toBe(false)
    expect(isValidLocalDate('2021-13-01')).toBe(false)
    expect(isValidLocalDate('2021-5-23')).toBe(false)
    expect(isValidLocalDate('2021-05-23T00:00')).toBe(false)
    expect(isValidLocalDate(null)).toBe(false)
    // Century leap rules, digits only (no sign, space, fullwidth or Arabic-Indic digits), bounds.
    expect(isValidLocalDate('2000-02-29')).toBe(true)
    expect(isValidLocalDate('2100-02-29')).toBe(false)
    expect(isValidLocalDate('2021-04-31')).toBe(false)
    expect(isValidLocalDate('2021-12-31')).toBe(true)
    for (const odd of ['2021-00-10', '2021-05-00', '+021-05-23', '2021-05- 3', '2021/05/23', '２０２１-05-23', '2021-0٥-23', '1899-12-31', '2201-01-01', '2021-05-2３']) {
      expect(isValidLocalDate(odd), odd).toBe(false)
    }
    expect(isValidLocalDateTime('2021-03-30T08:00')).toBe(true)
    expect(isValidLocalDateTime('2021-03-30T24:00')).toBe(false)
  })

  it('adds days across months, years and leap days', () => {
    expect(addDays('2021-05-23', -142)).toBe('2021-01-01')
    expect(addDays('2021-05-23', -52)).toBe('2021-04-01')
    expect(addDays('2021-05-23', 20)).toBe('2021-06-12')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01')
    expect(diffDays('2020-11-17', '2021-05-23')).toBe(187)
  })

  it('knows the weekday without the local time zone', () => {
    expect(weekdayOf('2021-05-23')).toBe(0) // Sunday
    expect(weekdayOf('2026-03-15')).toBe(0) // Sunday
    expect(weekdayOf('2021-03-30')).toBe(2) // Tuesday
  })

  it('moves date-times by days and converts minutes both ways', () => {
    expect(shiftByDays('2021-03-30T08:00', 3)).toBe('2021-04-02T08:00')
    expect(fromMinuteNumber(toMinuteNumber('2021-03-30T23:30') + 60)).toBe('2021-03-31T00:30')
  })

  it('reads today in Vietnam, not in the machine zone', () => {
    // 2021-05-22T18:00Z is already 23 May in Hanoi (UTC+7).
    expect(todayIn('Asia/Ho_Chi_Minh', new Date('2021-05-22T18:00:00Z'))).toBe('2021-05-23')
    expect(todayIn('America/New_York', new Date('2021-05-22T18:00:00Z'))).toBe('2021-05-22')
  })
})

describe('display formats', () => {
  it('shows dates as dd/mm/yyyy with Vietnamese weekdays', () => {
    expect(formatDate('2021-05-23')).toBe('23/05/2021')
    expect(formatDateWithWeekday('2021-05-23', 'vi')).toBe('CN 23/05/2021')
    expect(formatDateWithWeekday('2021-03-30', 'vi')).toBe('T3 30/03/2021')
    expect(formatDateWithWeekday('2021-05-23', 'en')).toBe('Sun 23/05/2021')
  })

  it('parses what people type', () => {
    expect(parseDisplayDate('23/05/2021')).toBe('2021-05-23')
    expect(parseDisplayDate('3/4/2021')).toBe('2021-04-03')
    expect(parseDisplayDate(' 3.4.2021 ')).toBe('2021-04-03')
    expect(parseDisplayDate('2021-05-23')).toBeNull()
    expect(parseDisplayDate('hôm nay')).toBeNull()
  })
})

describe('D-n labels', () => {
  it('labels days around election day', () => {
    expect(formatElectionOffset(-40)).toBe('D-40')
    expect(formatElectionOffset(0)).toBe('D')
    expect(formatElectionOffset(10)).toBe('D+10')
    expect(electionOffsetLabel('2021-04-13', '2021-05-23')).toBe('D-40')
  })

  it('parses D-n as officials write it', () => {
    expect(parseElectionOffset('D-40')).toBe(-40)
    expect(parseElectionOffset('d − 10')).toBe(-10)
    expect(parseElectionOffset('D+3')).toBe(3)
    expect(parseElectionOffset('D')).toBe(0)
    expect(parseElectionOffset('E-3')).toBeNull()
  })
})

describe('day numbers by arithmetic', () => {
  // The old, obviously right implementation: the arithmetic one must agree with it everywhere.
  const viaDate = (date: string) => Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000)
  const dateOf = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10)

  it('agrees with Date.UTC on every day from 1800 to 2300, both ways', () => {
    for (let n = viaDate('1800-01-01'); n <= viaDate('2300-12-31'); n += 1) {
      const date = dateOf(n)
      if (toDayNumber(date) !== n) throw new Error(`toDayNumber(${date}) = ${toDayNumber(date)}, expected ${n}`)
      if (fromDayNumber(n) !== date) throw new Error(`fromDayNumber(${n}) = ${fromDayNumber(n)}, expected ${date}`)
    }
  })

  it('reads the date part of a date-time and normalises an overflowing day as Date.UTC does', () => {
    expect(toDayNumber('2021-05-23T07:30')).toBe(viaDate('2021-05-23'))
    expect(toDayNumber('2021-04-31')).toBe(viaDate('2021-05-01'))
    expect(toDayNumber('2021-02-30')).toBe(viaDate('2021-03-02'))
    expect(toDayNumber('2021-13-01')).toBe(viaDate('2021-13-01'))
    expect(toDayNumber('not a date')).toBeNaN()
    expect(fromDayNumber(toDayNumber('2021-05-23') + 0.5)).toBe('2021-05-23')
  })
})

describe('today and now in fixed-offset zones', () => {
  it('gives what Intl gives for Vietnam and UTC, across midnight and years', () => {
    const intlDay = (zone: string, at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)
    const intlNow = (zone: string, at: Date) => {
      const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at)
      const get = (type: string) => parts.find((p) => p.type === type)!.value
      return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`
    }
    for (const zone of ['Asia/Ho_Chi_Minh', 'UTC']) {
      for (let t = Date.UTC(2020, 11, 31, 16, 59, 59); t < Date.UTC(2027, 0, 2); t += 37 * 3_600_000 + 1_234_567) {
        const at = new Date(t)
        expect(todayIn(zone, at)).toBe(intlDay(zone, at))
        expect(nowIn(zone, at)).toBe(intlNow(zone, at))
      }
    }
    expect(todayIn('Asia/Ho_Chi_Minh', new Date(Date.UTC(2021, 4, 22, 17, 0, 0)))).toBe('2021-05-23')
    expect(todayIn('Asia/Ho_Chi_Minh', new Date(Date.UTC(2021, 4, 22, 16, 59, 59)))).toBe('2021-05-22')
  })
})
