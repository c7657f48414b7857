/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings, independent of the machine's time zone.
 *
 * Why not `new Date('2021-05-23')` and local getters: that parses as UTC midnight and shows as the
 * 22nd west of Greenwich. Here a date is turned into a day number (days since 1970-01-01) with
 * `Date.UTC` and back with UTC getters only, so the local zone never enters the computation.
 */
import type { LocalDate, LocalDateTime } from '@/domain/types'

const MS_PER_DAY = 86_400_000
const LOCAL_DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/

/** True for a real calendar date such as `2021-02-28` (not `2021-02-29`). */
export function isValidLocalDate(value: unknown): value is LocalDate {
  // By character codes, not a regex: restore checks every date of every task at load
  // (20,000+ at 10,000 tasks), and the regex with its captures was a tenth of the restore.
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return false
  const year = digitsAt(value, 0, 4)
  const month = digitsAt(value, 5, 2)
  const day = digitsAt(value, 8, 2)
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false
  return day <= daysInMonth(year, month)
}

const DASH = 0x2d
const DIGIT_0 = 0x30

/** The number written by `count` ASCII digits from `from`, or -1 when one is not a digit (as \d without the u flag). */
function digitsAt(text: string, from: number, count: number): number {
  let n = 0
  for (let i = from; i < from + count; i += 1) {
    const digit = text.charCodeAt(i) - DIGIT_0
    if (digit < 0 || digit > 9) return -1
    n = n * 10 + digit
  }
  return n
}

/** True for `YYYY-MM-DDTHH:mm` with a valid date and time. */
export function isValidLocalDateTime(value: unknown): value is LocalDateTime {
  if (typeof value !== 'string') return false
  const match = LOCAL_DATE_TIME_PATTERN.exec(value)
  if (!match) return false
  const hours = Number(match[2])
  const minutes = Number(match[3])
  return isValidLocalDate(match[1]) && hours < 24 && minutes < 60
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  // A month outside 1–12 rolls over as Date.UTC does.
  return DAYS_IN_MONTH[month - 1] ?? new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * Days since 1970-01-01 for a valid LocalDate (or the date part of a LocalDateTime).
 *
 * Plain integer arithmetic (H. Hinnant's days_from_civil) instead of `Date.UTC` over three `Number`
 * parses: the figures of a 10,000-task plan call this ~100,000 times and it was their largest cost
 * (85 ms of a cold dashboard). Anything that is not eight digits in place falls back to `Date.UTC`,
 * which keeps the old answer for odd input (NaN, or a normalised overflow).
 */
export function toDayNumber(date: LocalDate): number {
  const year = digits(date, 0, 4)
  const month = digits(date, 5, 7)
  const day = digits(date, 8, 10)
  if (year < 0 || month < 1 || month > 12 || day < 0 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) {
    return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY)
  }
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

/** The decimal number in `text[from, to)`, or -1 when a character there is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i) - 48
    if (code < 0 || code > 9) return -1
    value = value * 10 + code
  }
  return value
}

/** The LocalDate of a day number (H. Hinnant's civil_from_days: no Date object, see toDayNumber). */
export function fromDayNumber(dayNumber: number): LocalDate {
  if (!Number.isFinite(dayNumber)) {
    const d = new Date(dayNumber * MS_PER_DAY)
    return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  }
  const z = Math.floor(dayNumber) + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days)
}

/** `to - from` in whole days (positive when `to` is later). */
export function diffDays(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from)
}

/** 0 = Sunday … 6 = Saturday, like `Date#getDay`. */
export function weekdayOf(date: LocalDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday
}

export function compareLocalDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b
}

/** The calendar date of a LocalDate or LocalDateTime. */
export function datePart(value: string): LocalDate {
  return value.slice(0, 10)
}

/** `HH:mm` of a LocalDateTime. */
export function timePart(value: LocalDateTime): string {
  return value.slice(11, 16)
}

export function toMinuteNumber(value: LocalDateTime): number {
  return toDayNumber(datePart(value)) * 1440 + Number(value.slice(11, 13)) * 60 + Number(value.slice(14, 16))
}

export function fromMinuteNumber(minutes: number): LocalDateTime {
  const day = Math.floor(minutes / 1440)
  const rest = minutes - day * 1440
  return `${fromDayNumber(day)}T${pad(Math.floor(rest / 60))}:${pad(rest % 60)}`
}

/** Moves a LocalDate or LocalDateTime by whole days, keeping the time of day. */
export function shiftByDays(value: string, days: number): string {
  const shifted = addDays(datePart(value), days)
  return value.length > 10 ? shifted + value.slice(10) : shifted
}

/** The wall-clock date of `now` in the given IANA zone (the user's "today"). */
export function todayIn(timeZone: string, now: Date = new Date()): LocalDate {
  const fixed = fixedOffsetWallClock(timeZone, now)
  if (fixed !== null) return fixed.slice(0, 10)
  const parts = dayFormatter(timeZone).formatToParts(now)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}

/**
 * Zones whose offset never changes over the dates the app deals with: Vietnam has kept UTC+7,
 * without daylight saving, since 13/06/1975. Their wall clock is plain arithmetic; the first
 * Intl.DateTimeFormat with a time zone costs ~55 ms (220 ms on a mid-range phone) while ICU loads
 * its zone data, and "today" is asked for before the first paint.
 */
const FIXED_OFFSET_MINUTES: Readonly<Record<string, number>> = { 'Asia/Ho_Chi_Minh': 420, 'Asia/Saigon': 420, UTC: 0, 'Etc/UTC': 0 }
const FIXED_OFFSETS_SINCE_MS = Date.UTC(1975, 5, 13)

/** `YYYY-MM-DDTHH:mm:ss` of `now` in a fixed-offset zone, or null for any other zone or an earlier time. */
function fixedOffsetWallClock(timeZone: string, now: Date): string | null {
  const offset = Object.hasOwn(FIXED_OFFSET_MINUTES, timeZone) ? FIXED_OFFSET_MINUTES[timeZone] : undefined
  const time = now.getTime()
  if (offset === undefined || !(time >= FIXED_OFFSETS_SINCE_MS)) return null
  const wall = new Date(time + offset * 60_000)
  return `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`
}

/**
 * One formatter per zone: making an Intl.DateTimeFormat costs ~0.1 ms, and "today" is asked for per
 * task by the filter's "late" and the figures (58 ms of a 10,000-task dashboard before this cache).
 */
const dayFormatters = new Map<string, Intl.DateTimeFormat>()
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    dayFormatters.set(timeZone, formatter)
  }
  return formatter
}

/** The wall-clock time of `now` in the given IANA zone, as a LocalDateTime with seconds. */
export function nowIn(timeZone: string, now: Date = new Date()): string {
  const fixed = fixedOffsetWallClock(timeZone, now)
  if (fixed !== null) return fixed
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(now)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}
