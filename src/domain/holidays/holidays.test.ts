import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { addDays } from '@/domain/dates/local-date'
import { holidaysInRange } from '@/domain/holidays/holidays'
import { solarToLunar } from '@/domain/holidays/vietnamese-lunar'

/** Zones the process is switched to (Node honours a runtime TZ change): DST, UTC+7, UTC+14, UTC−11. */
const ZONE_OFFSETS_ON_2021_01_01: readonly [zone: string, getTimezoneOffset: number][] = [
  ['UTC', 0], ['Asia/Ho_Chi_Minh', -420], ['America/New_York', 300], ['Pacific/Kiritimati', -840], ['Pacific/Pago_Pago', 660],
]

const idsAndDates = (from: string, to: string) => holidaysInRange(from, to).map((h) => [h.id, h.date])

describe('holidays and anniversaries', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-01T06:00:00Z')) // a US DST switch day: nothing may depend on "now"
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('lists exactly the holidays of the 2021 campaign window, sorted by date', () => {
    expect(idsAndDates('2021-01-01', '2021-06-14')).toEqual([
      ['new-year-2021', '2021-01-01'],
      ['party-founding-2021', '2021-02-03'],
      ['giao-thua-2021', '2021-02-11'],
      ['tet-2021', '2021-02-12'],
      ['tet-2-2021', '2021-02-13'],
      ['tet-3-2021', '2021-02-14'],
      ['gio-to-2021', '2021-04-21'],
      ['reunification-2021', '2021-04-30'],
      ['labour-day-2021', '2021-05-01'],
      ['ho-chi-minh-birthday-2021', '2021-05-19'],
    ])
  })

  it('marks public holidays as days off and anniversaries as working days, with both names', () => {
    const byId = new Map(holidaysInRange('2021-01-01', '2022-01-01').map((h) => [h.id, h]))
    expect(byId.get('tet-2021')).toEqual({
      id: 'tet-2021', date: '2021-02-12', kind: 'public-holiday', dayOff: true,
      nameVi: 'Tết Nguyên Đán', nameEn: 'Lunar New Year (Tết)',
    })
    expect(byId.get('gio-to-2021')).toMatchObject({ kind: 'public-holiday', dayOff: true, nameVi: 'Giỗ Tổ Hùng Vương' })
    expect(byId.get('giao-thua-2021')).toMatchObject({ kind: 'public-holiday', dayOff: true, nameVi: 'Giao thừa' })
    expect(byId.get('national-day-2021')).toMatchObject({ date: '2021-09-02', kind: 'public-holiday', dayOff: true })
    expect(byId.get('party-founding-2021')).toMatchObject({
      kind: 'anniversary', dayOff: false, nameVi: 'Ngày thành lập Đảng Cộng sản Việt Nam',
    })
    expect(byId.get('ho-chi-minh-birthday-2021')).toMatchObject({
      kind: 'anniversary', dayOff: false, nameVi: 'Ngày sinh Chủ tịch Hồ Chí Minh',
    })
    // The second National Day holiday (1/9 or 3/9) is set each year, so it is not listed.
    expect(holidaysInRange('2021-09-01', '2021-09-04').map((h) => h.date)).toEqual(['2021-09-02'])
    expect(byId.size).toBe(11)
  })

  it('follows the lunar calendar in 2026: Tết on 17/02 and Giỗ Tổ on Sunday 26/04', () => {
    expect(idsAndDates('2026-02-01', '2026-05-01')).toEqual([
      ['party-founding-2026', '2026-02-03'],
      ['giao-thua-2026', '2026-02-16'],
      ['tet-2026', '2026-02-17'],
      ['tet-2-2026', '2026-02-18'],
      ['tet-3-2026', '2026-02-19'],
      ['gio-to-2026', '2026-04-26'],
      ['reunification-2026', '2026-04-30'],
    ])
  })

  it('treats the end of the range as exclusive and the start as inclusive', () => {
    expect(idsAndDates('2021-02-12', '2021-02-13')).toEqual([['tet-2021', '2021-02-12']])
    expect(idsAndDates('2021-02-11', '2021-02-12')).toEqual([['giao-thua-2021', '2021-02-11']])
    expect(holidaysInRange('2021-02-12', '2021-02-12')).toEqual([])
    expect(idsAndDates('2020-12-31', '2021-01-02')).toEqual([['new-year-2021', '2021-01-01']])
  })

  it('puts a public holiday before an anniversary on the same day', () => {
    // Tết 2011 fell on 3/2, the Party's founding anniversary; so did mùng 2 Tết in 2030.
    expect(idsAndDates('2011-02-03', '2011-02-04')).toEqual([['tet-2011', '2011-02-03'], ['party-founding-2011', '2011-02-03']])
    expect(idsAndDates('2030-02-03', '2030-02-04')).toEqual([['tet-2-2030', '2030-02-03'], ['party-founding-2030', '2030-02-03']])
  })

  it('puts Giao thừa on the last day of the lunar year, the 29th or the 30th, every year 2000–2050', () => {
    const all = holidaysInRange('2000-01-01', '2051-01-01')
    const eves = all.filter((h) => h.id.startsWith('giao-thua-'))
    expect(eves).toHaveLength(51)
    const lastDays = new Set<number>()
    for (const eve of eves) {
      const lunar = solarToLunar(eve.date)
      expect(lunar.month, eve.id).toBe(12)
      expect(lunar.leap, eve.id).toBe(false)
      lastDays.add(lunar.day)
      expect(solarToLunar(addDays(eve.date, 1)), eve.id).toMatchObject({ month: 1, day: 1 })
    }
    expect([...lastDays].sort((a, b) => a - b)).toEqual([29, 30])
  })

  it('gives 11 entries with unique ids each year and keeps the list sorted over many years', () => {
    const all = holidaysInRange('2000-01-01', '2051-01-01')
    expect(all).toHaveLength(51 * 11)
    expect(new Set(all.map((h) => h.id)).size).toBe(all.length)
    const dates = all.map((h) => h.date)
    expect(dates).toEqual([...dates].sort())
  })

  it('returns nothing for an empty, reversed or invalid range', () => {
    expect(holidaysInRange('2021-06-01', '2021-01-01')).toEqual([])
    expect(holidaysInRange('2021-02-30', '2021-06-01')).toEqual([])
    expect(holidaysInRange('2021-01-01', 'soon')).toEqual([])
  })

  it('gives the same list whatever the machine time zone', () => {
    const expected = idsAndDates('2021-01-01', '2021-06-14')
    const saved = process.env.TZ
    try {
      for (const [zone, offsetMinutes] of ZONE_OFFSETS_ON_2021_01_01) {
        process.env.TZ = zone
        expect(new Date(Date.UTC(2021, 0, 1)).getTimezoneOffset(), zone).toBe(offsetMinutes) // the switch took effect
        expect(idsAndDates('2021-01-01', '2021-06-14'), zone).toEqual(expected)
      }
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
  })
})
