import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { addDays, diffDays } from '@/domain/dates/local-date'
import { lunarToSolar, solarToLunar } from '@/domain/holidays/vietnamese-lunar'

/**
 * Lunar years 2000–2051 of Vietnam's calendar: Tết (mùng 1 tháng Giêng), the leap month (0 = none) and
 * the length of each month in order, the leap month in its place: L = 30 days (tháng đủ), S = 29 (tháng
 * thiếu). Decoded from the year codes of Hồ Ngọc Đức's published tables for 2000–2099 (the UTC+7 tables
 * that accompany his algorithm), not from our implementation, so the test below is an independent check.
 */
const PUBLISHED_YEARS: readonly [year: number, tet: string, leapMonth: number, monthLengths: string][] = [
  [2000, '2000-02-05', 0, 'LLSSLSSLSLLS'],
  [2001, '2001-01-24', 4, 'LLSLSLSSLSLSL'],
  [2002, '2002-02-12', 0, 'LLSLSLSSLSLS'],
  [2003, '2003-02-01', 0, 'LLSLLSLSSLSL'],
  [2004, '2004-01-22', 2, 'SLSLLSLSLSLSL'],
  [2005, '2005-02-09', 0, 'SLSLSLLSLSLS'],
  [2006, '2006-01-29', 7, 'LSLSSLLSLLSLS'],
  [2007, '2007-02-17', 0, 'LSLSSLSLLLSL'],
  [2008, '2008-02-07', 0, 'LSSLSSLSLSLL'],
  [2009, '2009-01-26', 5, 'LSLSLSSLSLSLL'],
  [2010, '2010-02-14', 0, 'LSLSLSSLSLSL'],
  [2011, '2011-02-03', 0, 'LSLLSLSSLSLS'],
  [2012, '2012-01-23', 4, 'LSLLSLSLSLSLS'],
  [2013, '2013-02-10', 0, 'LSLSLLSLSLSL'],
  [2014, '2014-01-31', 9, 'SLSLSLSLLSLSL'],
  [2015, '2015-02-19', 0, 'SLSSLSLLLSLS'],
  [2016, '2016-02-08', 0, 'LSLSSLSLLSLL'],
  [2017, '2017-01-28', 6, 'SLSLSSLSLSLLL'],
  [2018, '2018-02-16', 0, 'SLSLSSLSSLLL'],
  [2019, '2019-02-05', 0, 'SLLSLSSLSSLL'],
  [2020, '2020-01-25', 4, 'SLLLSLSSLSSLL'],
  [2021, '2021-02-12', 0, 'SLLSLSLSLSLS'],
  [2022, '2022-02-01', 0, 'LSLSLLSLSLSL'],
  [2023, '2023-01-22', 2, 'SLSSLLSLLSLSL'],
  [2024, '2024-02-10', 0, 'SLSSLSLLSLLS'],
  [2025, '2025-01-29', 6, 'LSLSSLSLSLLLS'],
  [2026, '2026-02-17', 0, 'LSLSSLSSLLLS'],
  [2027, '2027-02-06', 0, 'LLSLSSLSSLLS'],
  [2028, '2028-01-26', 5, 'LLLSLSSLSSLLS'],
  [2029, '2029-02-13', 0, 'LLSLSLSLSSLS'],
  [2030, '2030-02-02', 0, 'LLSLLSLSLSLS'],
  [2031, '2031-01-23', 3, 'SLSLLSLLSLSLS'],
  [2032, '2032-02-11', 0, 'SLSLSLLSLLSL'],
  [2033, '2033-01-31', 11, 'SLSSLSLSLLLSL'],
  [2034, '2034-02-19', 0, 'SLSSLSSLLLSL'],
  [2035, '2035-02-08', 0, 'LSLSSLSSLLSL'],
  [2036, '2036-01-28', 6, 'LLSLSSLSSLSLL'],
  [2037, '2037-02-15', 0, 'LSLLSSLSSLSL'],
  [2038, '2038-02-04', 0, 'LSLLSLSLSSLS'],
  [2039, '2039-01-24', 5, 'LLSLLSLSLSSLS'],
  [2040, '2040-02-12', 0, 'LSLLSLSLLSLS'],
  [2041, '2041-02-01', 0, 'SLSLSLSLLLSL'],
  [2042, '2042-01-22', 2, 'SLSSLSLSLLSLL'],
  [2043, '2043-02-10', 0, 'SLSSLSSLLSLL'],
  [2044, '2044-01-30', 7, 'LSLSSLSSLSLLL'],
  [2045, '2045-02-17', 0, 'LSLSSLSSLSLL'],
  [2046, '2046-02-06', 0, 'LSLSLSLSSLSL'],
  [2047, '2047-01-26', 5, 'LSLLSLSLSSLSL'],
  [2048, '2048-02-14', 0, 'SLLSLLSLSSLS'],
  [2049, '2049-02-02', 0, 'LSLSLLSLSLLS'],
  [2050, '2050-01-23', 3, 'SLSLSLSLLSLLS'],
  [2051, '2051-02-11', 0, 'SLSLSSLLSLLL'],
]

/** Zones the process is switched to (Node honours a runtime TZ change): DST, UTC+7, UTC+14, UTC−11. */
const ZONE_OFFSETS_ON_2021_01_01: readonly [zone: string, getTimezoneOffset: number][] = [
  ['UTC', 0], ['Asia/Ho_Chi_Minh', -420], ['America/New_York', 300], ['Pacific/Kiritimati', -840], ['Pacific/Pago_Pago', 660],
]

/** Runs `check` with the process in each zone, including DST zones and UTC+14; restores TZ after. */
function inEachTimeZone(check: () => void): void {
  const saved = process.env.TZ
  try {
    for (const [zone, offsetMinutes] of ZONE_OFFSETS_ON_2021_01_01) {
      process.env.TZ = zone
      expect(new Date(Date.UTC(2021, 0, 1)).getTimezoneOffset(), zone).toBe(offsetMinutes) // the switch took effect
      check()
    }
  } finally {
    if (saved === undefined) delete process.env.TZ
    else process.env.TZ = saved
  }
}

describe('Vietnamese lunar calendar', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2021-03-14T07:30:00Z')) // a US DST switch day: nothing may depend on "now"
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('puts Tết on 12/02/2021 and 17/02/2026', () => {
    expect(lunarToSolar(2021, 1, 1)).toBe('2021-02-12')
    expect(lunarToSolar(2026, 1, 1)).toBe('2026-02-17')
    expect(solarToLunar('2021-02-12')).toEqual({ year: 2021, month: 1, day: 1, leap: false })
    expect(solarToLunar('2026-02-17')).toEqual({ year: 2026, month: 1, day: 1, leap: false })
    // The day before belongs to the previous lunar year.
    expect(solarToLunar('2021-02-11')).toEqual({ year: 2020, month: 12, day: 30, leap: false })
    expect(solarToLunar('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false })
  })

  it('puts Giỗ Tổ Hùng Vương (10/3 lunar) on 21/04/2021 and 26/04/2026', () => {
    expect(lunarToSolar(2021, 3, 10)).toBe('2021-04-21')
    expect(lunarToSolar(2026, 3, 10)).toBe('2026-04-26')
    expect(solarToLunar('2021-04-21')).toEqual({ year: 2021, month: 3, day: 10, leap: false })
    expect(solarToLunar('2026-04-26')).toEqual({ year: 2026, month: 3, day: 10, leap: false })
  })

  it.each(PUBLISHED_YEARS.filter(([year]) => year <= 2050))('puts Tết %i on %s as in the published table', (year, tet) => {
    expect(lunarToSolar(year, 1, 1)).toBe(tet)
    expect(solarToLunar(tet)).toEqual({ year, month: 1, day: 1, leap: false })
  })

  it('agrees with the published table on every day of lunar years 2000–2051', () => {
    const mismatches: string[] = []
    for (const [year, tet, leapMonth, monthLengths] of PUBLISHED_YEARS) {
      const months = [...monthLengths]
      expect(months).toHaveLength(leapMonth === 0 ? 12 : 13)
      let start = tet
      months.forEach((length, index) => {
        const leap = leapMonth !== 0 && index === leapMonth
        const month = leapMonth !== 0 && index >= leapMonth ? index : index + 1
        const days = length === 'L' ? 30 : 29
        for (let day = 1; day <= days; day++) {
          const date = addDays(start, day - 1)
          const lunar = solarToLunar(date)
          if (lunar.year !== year || lunar.month !== month || lunar.day !== day || lunar.leap !== leap) {
            mismatches.push(`${date} → ${JSON.stringify(lunar)}`)
          }
          const solar = lunarToSolar(year, month, day, leap)
          if (solar !== date) mismatches.push(`${day}/${month}${leap ? ' nhuận' : ''}/${year} → ${solar}, not ${date}`)
        }
        if (days === 29 && lunarToSolar(year, month, 30, leap) !== null) mismatches.push(`30/${month}/${year} exists`)
        start = addDays(start, days)
      })
      const next = PUBLISHED_YEARS.find(([y]) => y === year + 1)
      if (next) expect(start).toBe(next[1])
    }
    expect(mismatches).toEqual([])
  })

  it('uses Vietnam time (UTC+7), so Tết 1985, 2007 and 2030 differ from China (UTC+8)', () => {
    // Each time an event fell between 16:00 and 17:00 UTC: already the next day in China, not yet in Vietnam.
    // 1985: the winter solstice of 21/12/1984, so China's month 11 began a month later (after a leap 10).
    expect(lunarToSolar(1985, 1, 1)).toBe('1985-01-21') // China: 1985-02-20
    expect(solarToLunar('1985-02-20')).toEqual({ year: 1985, month: 2, day: 1, leap: false })
    // 2007 and 2030: the new moon that starts the year.
    expect(lunarToSolar(2007, 1, 1)).toBe('2007-02-17') // China: 2007-02-18
    expect(lunarToSolar(2030, 1, 1)).toBe('2030-02-02') // China: 2030-02-03
    expect(solarToLunar('2030-02-03')).toEqual({ year: 2030, month: 1, day: 2, leap: false })
  })

  it('finds the leap months of 2020 (4), 2023 (2), 2025 (6) and 2033 (11)', () => {
    expect(lunarToSolar(2020, 4, 1, true)).toBe('2020-05-23')
    expect(solarToLunar('2020-05-23')).toEqual({ year: 2020, month: 4, day: 1, leap: true })
    expect(lunarToSolar(2023, 2, 1, true)).toBe('2023-03-22')
    expect(solarToLunar('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true })
    expect(lunarToSolar(2025, 6, 1, true)).toBe('2025-07-25')
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true })
    // 2033's leap month 11 (the "2033 problem") falls in December 2033 and belongs to lunar 2033.
    expect(lunarToSolar(2033, 11, 1, true)).toBe('2033-12-22')
    expect(solarToLunar('2033-12-22')).toEqual({ year: 2033, month: 11, day: 1, leap: true })
  })

  it('returns null for lunar dates that do not exist', () => {
    expect(lunarToSolar(2021, 4, 1, true)).toBeNull() // 2021 has no leap month
    expect(lunarToSolar(2020, 5, 1, true)).toBeNull() // 2020's leap month is 4, not 5
    expect(lunarToSolar(2020, 12, 30)).toBe('2021-02-11') // month 12 of Canh Tý has 30 days
    expect(lunarToSolar(2021, 12, 30)).toBeNull() // month 12 of Tân Sửu has 29 days
    expect(lunarToSolar(2021, 13, 1)).toBeNull()
    expect(lunarToSolar(2021, 0, 1)).toBeNull()
    expect(lunarToSolar(2021, 1, 31)).toBeNull()
    expect(lunarToSolar(2021, 1, 0)).toBeNull()
    expect(lunarToSolar(2021, 1.5, 1)).toBeNull()
    expect(lunarToSolar(Number.NaN, 1, 1)).toBeNull()
    expect(lunarToSolar(1899, 1, 1)).toBeNull()
    expect(lunarToSolar(2200, 1, 1)).toBeNull()
  })

  it('never answers "day 0" when the true new moon runs late against the mean month (2054, 2062)', () => {
    // The published code returned day 0 here. 30/2/2062 is what the published table has; 2054-05-07 is one
    // of the few post-2053 edge days where the table starts month 4 a day earlier (see the module header).
    expect(solarToLunar('2062-04-09')).toEqual({ year: 2062, month: 2, day: 30, leap: false })
    expect(lunarToSolar(2062, 2, 30)).toBe('2062-04-09')
    expect(solarToLunar('2054-05-07')).toEqual({ year: 2054, month: 3, day: 30, leap: false })
    expect(lunarToSolar(2054, 3, 30)).toBe('2054-05-07')
  })

  it('refuses a solar date that is not a valid LocalDate in 1900–2199', () => {
    expect(() => solarToLunar('2021-02-29')).toThrow(RangeError)
    expect(() => solarToLunar('12/02/2021')).toThrow(RangeError)
    expect(() => solarToLunar('2200-01-01')).toThrow(RangeError)
    expect(solarToLunar('1900-01-31')).toEqual({ year: 1900, month: 1, day: 1, leap: false })
  })

  it('round-trips every day from 2000-01-01 to 2050-12-31 and counts lunar days without gaps', () => {
    const first = '2000-01-01'
    const days = diffDays(first, '2050-12-31') + 1
    let previous = solarToLunar(addDays(first, -1))
    for (let i = 0; i < days; i++) {
      const date = addDays(first, i)
      const lunar = solarToLunar(date)
      const back = lunarToSolar(lunar.year, lunar.month, lunar.day, lunar.leap)
      if (back !== date) expect.fail(`${date} → ${JSON.stringify(lunar)} → ${back}`)
      if (lunar.day !== previous.day + 1 && (lunar.day !== 1 || previous.day < 29)) {
        expect.fail(`${date}: day ${lunar.day} after day ${previous.day}`)
      }
      previous = lunar
    }
    expect(days).toBe(18_628)
  })

  it('gives the same answers whatever the machine time zone, DST days included', () => {
    inEachTimeZone(() => {
      expect(lunarToSolar(2021, 1, 1)).toBe('2021-02-12')
      expect(solarToLunar('2021-03-14')).toEqual({ year: 2021, month: 2, day: 2, leap: false })
      expect(solarToLunar('2021-11-07')).toEqual({ year: 2021, month: 10, day: 3, leap: false })
      expect(lunarToSolar(2026, 3, 10)).toBe('2026-04-26')
    })
  })
})
