/**
 * Vietnam's public holidays and the political anniversaries that communication plans tie into, for any
 * year from 1900 to 2199, computed (no per-year data). The calendar shows them behind a toggle.
 *
 * Sources:
 * - Days off: Bộ luật Lao động 45/2019/QH14 (Labour Code), Điều 112 — Tết Dương lịch 1 day (1/1), Tết Âm
 *   lịch 5 days, Ngày Chiến thắng 1 day (30/4), Quốc tế Lao động 1 day (1/5), Quốc khánh 2 days (2/9 and
 *   one adjacent day), Giỗ Tổ Hùng Vương 1 day (10/3 lunar). Khoản 3: the Prime Minister sets the actual
 *   Tết days and the second National Day day each year.
 * - Anniversaries: Nghị định 145/2013/NĐ-CP, Điều 4 (ngày lễ lớn), and shared/reference/election-timeline.md
 *   ("Holidays and anniversaries"), which names 3/2 and 19/5 as the ones the campaign marks.
 * - Lunar dates: `vietnamese-lunar.ts` (Vietnam's calendar at UTC+7, not the Chinese one).
 *
 * What is deliberately NOT here, because the government decides it year by year and we must not invent
 * it: the full 5-day Tết break (which days besides the ones listed, bridge days and swapped working days),
 * the second National Day day (1/9 or 3/9 since the 2019 code took effect in 2021), and days off in lieu
 * when a holiday falls on a weekend (e.g. Monday 27/4/2026 for Giỗ Tổ on Sunday 26/4/2026).
 * Historical changes are not modelled either: the current law is applied to every year (Giỗ Tổ, for one,
 * only became a paid day off in 2007).
 */
import type { LocalDate } from '@/domain/types'
import { addDays, compareLocalDates, isValidLocalDate } from '@/domain/dates/local-date'
import { lunarToSolar } from '@/domain/holidays/vietnamese-lunar'

export type HolidayKind = 'public-holiday' | 'anniversary'

export type Holiday = {
  /** Stable across runs and releases: `<key>-<year>`, e.g. `tet-2021`, `gio-to-2021`. */
  id: string
  date: LocalDate
  kind: HolidayKind
  nameVi: string
  nameEn: string
  /**
   * True when the day is a paid day off under Điều 112. For Tết the law only says "5 days"; the entries
   * listed (Giao thừa, mùng 1–3) are inside every yearly schedule we know of (2021: 10–16/2; 2026:
   * 14–22/2), the other days are not listed (see the file header).
   */
  dayOff: boolean
}

const KIND_ORDER: Record<HolidayKind, number> = { 'public-holiday': 0, anniversary: 1 }

type HolidayDefinition = Omit<Holiday, 'id' | 'date'> & { key: string }

/** Holidays on a fixed solar date. `key` becomes part of the id: never rename a shipped key. */
const SOLAR_HOLIDAYS: readonly (HolidayDefinition & { month: number; day: number })[] = [
  { key: 'new-year', month: 1, day: 1, kind: 'public-holiday', dayOff: true, nameVi: 'Tết Dương lịch', nameEn: "New Year's Day" },
  {
    key: 'party-founding', month: 2, day: 3, kind: 'anniversary', dayOff: false,
    nameVi: 'Ngày thành lập Đảng Cộng sản Việt Nam', nameEn: 'Founding of the Communist Party of Vietnam',
  },
  {
    key: 'reunification', month: 4, day: 30, kind: 'public-holiday', dayOff: true,
    nameVi: 'Ngày Giải phóng miền Nam, thống nhất đất nước', nameEn: 'Liberation of the South and National Reunification Day',
  },
  { key: 'labour-day', month: 5, day: 1, kind: 'public-holiday', dayOff: true, nameVi: 'Ngày Quốc tế Lao động', nameEn: 'International Labour Day' },
  {
    key: 'ho-chi-minh-birthday', month: 5, day: 19, kind: 'anniversary', dayOff: false,
    nameVi: 'Ngày sinh Chủ tịch Hồ Chí Minh', nameEn: "President Hồ Chí Minh's birthday",
  },
  // Only 2/9 itself: the second day off (1/9 or 3/9) is set each year by the Prime Minister.
  { key: 'national-day', month: 9, day: 2, kind: 'public-holiday', dayOff: true, nameVi: 'Quốc khánh', nameEn: 'National Day' },
]

/** Holidays on a lunar date, as days after mùng 1 tháng Giêng (Tết) or as a lunar month and day. */
const TET_DAYS: readonly (HolidayDefinition & { daysFromTet: number })[] = [
  // The last day of the lunar year is the 29th or the 30th of month 12, so it is counted back from Tết.
  { key: 'giao-thua', daysFromTet: -1, kind: 'public-holiday', dayOff: true, nameVi: 'Giao thừa', nameEn: "Lunar New Year's Eve" },
  { key: 'tet', daysFromTet: 0, kind: 'public-holiday', dayOff: true, nameVi: 'Tết Nguyên Đán', nameEn: 'Lunar New Year (Tết)' },
  { key: 'tet-2', daysFromTet: 1, kind: 'public-holiday', dayOff: true, nameVi: 'Mùng 2 Tết', nameEn: 'Second day of Tết' },
  { key: 'tet-3', daysFromTet: 2, kind: 'public-holiday', dayOff: true, nameVi: 'Mùng 3 Tết', nameEn: 'Third day of Tết' },
]

const GIO_TO: HolidayDefinition & { lunarMonth: number; lunarDay: number } = {
  key: 'gio-to', lunarMonth: 3, lunarDay: 10, kind: 'public-holiday', dayOff: true,
  nameVi: 'Giỗ Tổ Hùng Vương', nameEn: 'Hùng Kings Commemoration Day',
}

/**
 * Every holiday and anniversary with `from <= date < toExclusive`, sorted by date (public holidays before
 * anniversaries on the same day, then by id). Empty when either bound is not a valid LocalDate or the range
 * is empty.
 *
 * Ids carry the year the holiday belongs to. Giao thừa is the eve of that year's Tết, so `giao-thua-2021`
 * is 2021-02-11, the last day of lunar year Canh Tý (it always falls in the same solar year as Tết, which
 * is never before 21 January).
 *
 * @example holidaysInRange('2021-04-01', '2021-05-01').map((h) => h.id) // ['gio-to-2021', 'reunification-2021']
 */
export function holidaysInRange(from: LocalDate, toExclusive: LocalDate): Holiday[] {
  if (!isValidLocalDate(from) || !isValidLocalDate(toExclusive) || toExclusive <= from) return []
  const firstYear = Number(from.slice(0, 4))
  const lastYear = Number(addDays(toExclusive, -1).slice(0, 4))

  const holidays: Holiday[] = []
  for (let year = firstYear; year <= lastYear; year++) {
    for (const { key, month, day, ...rest } of SOLAR_HOLIDAYS) {
      holidays.push({ id: `${key}-${year}`, date: `${year}-${pad2(month)}-${pad2(day)}`, ...rest })
    }
    // null only outside the lunar module's range (1900–2199): skip rather than guess.
    const tet = lunarToSolar(year, 1, 1)
    if (tet !== null) {
      for (const { key, daysFromTet, ...rest } of TET_DAYS) {
        holidays.push({ id: `${key}-${year}`, date: addDays(tet, daysFromTet), ...rest })
      }
    }
    const { key, lunarMonth, lunarDay, ...rest } = GIO_TO
    const gioTo = lunarToSolar(year, lunarMonth, lunarDay)
    if (gioTo !== null) holidays.push({ id: `${key}-${year}`, date: gioTo, ...rest })
  }

  return holidays
    .filter((h) => h.date >= from && h.date < toExclusive)
    .sort((a, b) => compareLocalDates(a.date, b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareLocalDates(a.id, b.id))
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}
