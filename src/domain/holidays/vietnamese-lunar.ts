/**
 * The Vietnamese lunisolar calendar (âm lịch), converted both ways for `YYYY-MM-DD` dates.
 *
 * Method: Hồ Ngọc Đức's published algorithm ("Âm lịch Việt Nam" / "Thuật toán tính âm lịch",
 * https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html), itself built on the new-moon and
 * solar-longitude series of Jean Meeus, "Astronomical Algorithms" (1998). Written here from that
 * description, with the same constants and the same order of float operations, so a day that falls on a
 * rounding edge lands where the published tables put it.
 *
 * The rules it encodes:
 * - A lunar month starts on the local calendar day of a new moon (ngày Sóc).
 * - Month 11 is the month that contains the winter solstice (Đông chí).
 * - A year from one month 11 to the next with 13 months has a leap month: the first month after month 11
 *   that contains no major solar term (trung khí, a multiple of 30° of solar longitude). It repeats the
 *   number of the month before it.
 *
 * Why not a Chinese-calendar library or `Intl` with `ca-chinese`: Vietnam computes new moons and solar
 * terms at UTC+7 (since 1968), China at UTC+8. When a new moon falls between 16:00 and 17:00 UTC the two
 * calendars start the month on different days, e.g. Tết 1985 was 21/01/1985 in Vietnam and 20/02/1985 in
 * China, and 2007 differs for some months. `TIME_ZONE_HOURS` below is the only place the zone enters.
 *
 * Checked (outside the repo, day by day) against the year codes of Hồ Ngọc Đức's published tables for
 * 1900–2199: identical for every day from 1968 to 2053, which covers every campaign this planner plans.
 * Known differences, all outside that span:
 * - Before 1968 Vietnam still used the UTC+8 calendar and the tables follow it (1902–1967 differ in some
 *   months); this module applies UTC+7 to every year.
 * - After 2053 a few months (2054, 2072, 2077, 2130, 2150, 2159, 2174, 2198) start one day apart: the new
 *   moon falls within minutes of local midnight (17:00 UTC), finer than this series, and the tables were
 *   computed more precisely.
 *
 * Day numbers: a LocalDate becomes a Julian day number through our own `toDayNumber` (days since
 * 1970-01-01 in UTC arithmetic), so the machine's time zone never enters the computation.
 */
import type { LocalDate } from '@/domain/types'
import { fromDayNumber, isValidLocalDate, toDayNumber } from '@/domain/dates/local-date'

/** A day of the Vietnamese lunar calendar. `leap` marks the intercalary month (tháng nhuận). */
export type LunarDate = { year: number; month: number; day: number; leap: boolean }

/** Vietnam's legal time (UTC+7), at which new moons and solar terms are dated. */
const TIME_ZONE_HOURS = 7
/** Julian day number of 1970-01-01 (the day number 0 of `local-date.ts`). */
const JDN_OF_UNIX_EPOCH = 2_440_588
/** Mean synodic month in days, as in the published algorithm. */
const SYNODIC_MONTH_DAYS = 29.530588853
/** Julian date of the new moon that the algorithm numbers k = 0 (1900-01-01, 13:51 UTC). */
const NEW_MOON_0_JD = 2415021.076998695
/** The years the published tables cover: outside them lunarToSolar returns null and solarToLunar throws. */
const FIRST_YEAR = 1900
const LAST_YEAR = 2199
const DEG = Math.PI / 180

/**
 * The lunar date of a solar date, in Vietnam's calendar (UTC+7).
 *
 * @param date a valid LocalDate between 1900-01-01 and 2199-12-31.
 * @throws RangeError for anything else (a caller bug, not user data).
 * @example solarToLunar('2021-02-12') // { year: 2021, month: 1, day: 1, leap: false } — Tết Tân Sửu
 */
export function solarToLunar(date: LocalDate): LunarDate {
  if (!isValidLocalDate(date) || Number(date.slice(0, 4)) > LAST_YEAR) {
    throw new RangeError(`solarToLunar: not a date in ${FIRST_YEAR}–${LAST_YEAR}: ${String(date)}`)
  }
  const jdn = toDayNumber(date) + JDN_OF_UNIX_EPOCH
  const solarYear = Number(date.slice(0, 4))

  // The mean-month estimate k can be one too high when the true new moon runs late against the mean one:
  // the published code took newMoonDay(k) unchecked and returned "day 0" on 2054-05-07 and 2062-04-09.
  let k = Math.floor((jdn - NEW_MOON_0_JD) / SYNODIC_MONTH_DAYS) + 1
  let monthStart = newMoonDay(k)
  while (monthStart > jdn) {
    k -= 1
    monthStart = newMoonDay(k)
  }

  // a11..b11 is the year (tuế) from one month 11 to the next that contains the date.
  let a11 = lunarMonth11(solarYear)
  let b11 = a11
  let lunarYear: number
  if (a11 >= monthStart) {
    lunarYear = solarYear
    a11 = lunarMonth11(solarYear - 1)
  } else {
    lunarYear = solarYear + 1
    b11 = lunarMonth11(solarYear + 1)
  }

  const day = jdn - monthStart + 1
  const monthsAfter11 = Math.floor((monthStart - a11) / 29)
  let month = monthsAfter11 + 11
  let leap = false
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11)
    if (monthsAfter11 >= leapOffset) {
      month = monthsAfter11 + 10
      leap = monthsAfter11 === leapOffset
    }
  }
  if (month > 12) month -= 12
  // Months 11 and 12 (and a leap 11 or 12) right after a11 still belong to the previous lunar year.
  if (month >= 11 && monthsAfter11 < 4) lunarYear -= 1
  return { year: lunarYear, month, day, leap }
}

/**
 * The solar date of a lunar date in Vietnam's calendar (UTC+7), or null when that day does not exist:
 * month or day out of range, a leap month the year does not have, day 30 of a 29-day month, or a year
 * outside 1900–2199.
 *
 * @example lunarToSolar(2021, 3, 10) // '2021-04-21' — Giỗ Tổ Hùng Vương
 * @example lunarToSolar(2023, 2, 1, true) // '2023-03-22' — first day of leap month 2
 */
export function lunarToSolar(year: number, month: number, day: number, leap = false): LocalDate | null {
  if (![year, month, day].every(Number.isInteger)) return null
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > 30) return null

  const monthStart = lunarMonthStart(year, month, leap)
  if (monthStart === null) return null
  // A lunar month has 29 or 30 days: day 30 exists only if the next new moon is 30 days later.
  if (day === 30 && newMoonDay(newMoonIndex(monthStart) + 1) - monthStart < 30) return null
  return fromDayNumber(monthStart + day - 1 - JDN_OF_UNIX_EPOCH)
}

/** Julian day number of day 1 of the given lunar month, or null if the leap month does not exist. */
function lunarMonthStart(year: number, month: number, leap: boolean): number | null {
  // Months 11 and 12 of lunar year Y follow month 11 of solar year Y; months 1–10 follow that of Y − 1.
  const a11 = month < 11 ? lunarMonth11(year - 1) : lunarMonth11(year)
  const b11 = month < 11 ? lunarMonth11(year) : lunarMonth11(year + 1)
  let offset = month - 11
  if (offset < 0) offset += 12
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11)
    // The leap month repeats the number of the month before it: offset 1 is "leap 11", 3 is "leap 1".
    let leapMonth = leapOffset - 2
    if (leapMonth < 0) leapMonth += 12
    if (leap && month !== leapMonth) return null
    if (leap || offset >= leapOffset) offset += 1
  } else if (leap) {
    return null
  }
  return newMoonDay(newMoonIndex(a11) + offset)
}

/** The k of the new moon that starts the month beginning on `jdn` (nearest integer). */
function newMoonIndex(jdn: number): number {
  return Math.floor(0.5 + (jdn - NEW_MOON_0_JD) / SYNODIC_MONTH_DAYS)
}

/**
 * Julian day number of the local (UTC+7) day of the k-th new moon after 1900-01-01 (Meeus, ch. 49,
 * truncated series, with ΔT). Accurate to minutes over 1900–2199, which is what the tables were made from.
 */
function newMoonDay(k: number): number {
  const T = k / 1236.85 // Julian centuries since 1900-01-01
  const T2 = T * T
  const T3 = T2 * T
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3
  jd1 = jd1 + 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG) // mean new moon
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3 // Sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3 // Moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3 // Moon's argument of latitude
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * DEG * M)
  C1 = C1 - 0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * Mpr)
  C1 = C1 - 0.0004 * Math.sin(DEG * 3 * Mpr)
  C1 = C1 + 0.0104 * Math.sin(DEG * 2 * F) - 0.0051 * Math.sin(DEG * (M + Mpr))
  C1 = C1 - 0.0074 * Math.sin(DEG * (M - Mpr)) + 0.0004 * Math.sin(DEG * (2 * F + M))
  C1 = C1 - 0.0004 * Math.sin(DEG * (2 * F - M)) - 0.0006 * Math.sin(DEG * (2 * F + Mpr))
  C1 = C1 + 0.001 * Math.sin(DEG * (2 * F - Mpr)) + 0.0005 * Math.sin(DEG * (2 * Mpr + M))
  const deltaT = T < -11
    ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
    : -0.000278 + 0.000265 * T + 0.000262 * T2
  const jdNew = jd1 + C1 - deltaT // Julian date (UT) of the true new moon
  return Math.floor(jdNew + 0.5 + TIME_ZONE_HOURS / 24)
}

/**
 * Which 30° sector (0 = 0°–30° after the March equinox … 11) the Sun's apparent longitude is in at the
 * local (UTC+7) midnight that starts day `jdn`. Major solar terms are the sector boundaries.
 */
function sunLongitudeSector(jdn: number): number {
  const T = (jdn - 2451545.5 - TIME_ZONE_HOURS / 24) / 36525 // Julian centuries since J2000
  const T2 = T * T
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2 // mean anomaly, degrees
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2 // mean longitude, degrees
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEG * M)
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(DEG * 2 * M) + 0.00029 * Math.sin(DEG * 3 * M)
  let L = (L0 + DL) * DEG // true longitude, radians
  L = L - Math.PI * 2 * Math.floor(L / (Math.PI * 2))
  return Math.floor((L / Math.PI) * 6)
}

/** Julian day number of day 1 of lunar month 11 (the month with the winter solstice) of solar `year`. */
function lunarMonth11(year: number): number {
  const dec31 = toDayNumber(`${String(year).padStart(4, '0')}-12-31`) + JDN_OF_UNIX_EPOCH
  const k = Math.floor((dec31 - 2415021) / SYNODIC_MONTH_DAYS)
  const newMoon = newMoonDay(k)
  // If the last new moon of the year is already past the solstice (sector 9 = 270°), month 11 began before.
  return sunLongitudeSector(newMoon) >= 9 ? newMoonDay(k - 1) : newMoon
}

/**
 * In a 13-month year starting at month 11 on `a11`, how many months after it the leap month comes: the
 * first month whose start and next start lie in the same 30° sector, so it holds no major solar term.
 */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_0_JD) / SYNODIC_MONTH_DAYS + 0.5)
  let i = 1
  let sector = sunLongitudeSector(newMoonDay(k + i))
  let previous: number
  do {
    previous = sector
    i += 1
    sector = sunLongitudeSector(newMoonDay(k + i))
  } while (sector !== previous && i < 14)
  return i - 1
}
