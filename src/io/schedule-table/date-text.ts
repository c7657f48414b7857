/**
 * Dates people write in a sheet: "30/03/2021", "8h30 ngày 30/3/2021", Excel day numbers, ranges
 * ("01/04 – 23/05/2021", "01 - 30/4/2021", "từ … đến …"), months and quarters ("Tháng 4/2021",
 * "Quý II/2021").
 */
import { addDays, daysInMonth, isValidLocalDate } from '@/domain/dates/local-date'
import type { LocalDate } from '@/domain/types'

export interface DateTimeValue {
  date: LocalDate
  /** `HH:mm`, or null when only a day was given. */
  time: string | null
}

const TIME_PATTERN = String.raw`(\d{1,2})(?::(\d{2})(?::\d{2}(?:\.\d+)?)?|h(\d{2})?)`
const LEADING_TIME = new RegExp(String.raw`^${TIME_PATTERN}(?:,\s*|\s+)(?:(?:lúc|ngày)\s+)?`, 'iu')
const DAY_PREFIX = /^(?:(?:cn|chủ nhật|t[2-7]|thứ\s+\S+|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:ngày\s+)?/iu
const DATE_WITH_TIME = new RegExp(
  String.raw`^(?:(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})|(\d{4})-(\d{1,2})-(\d{1,2}))(?:(?:T|\s+|,\s*)(?:lúc\s+)?${TIME_PATTERN})?$`,
  'iu',
)

/**
 * Reads a date people write: `30/03/2021`, `30/3/2021`, `30.03.2021`, `2021-03-30`, with an optional
 * weekday or "ngày" in front and an optional time (`30/03/2021 08:00`, `2021-03-30T08:00`,
 * `8h30 ngày 30/3/2021`), or an Excel day number (`44286`). Null when it is not a real date and time.
 */
export function parseDateTimeText(text: string): DateTimeValue | null {
  let rest = text.trim().replace(/\s+/g, ' ')
  let time: string | null = null
  const leading = LEADING_TIME.exec(rest)
  if (leading) {
    time = toTime(leading[1], leading[2] ?? leading[3])
    if (time === null) return null
    rest = rest.slice(leading[0].length)
  }
  rest = rest.replace(DAY_PREFIX, '')
  const match = DATE_WITH_TIME.exec(rest)
  if (!match) return time === null ? parseExcelDayNumber(rest) : null
  const date = match[1] !== undefined
    ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1].padStart(2, '0')}`
    : `${match[4]}-${match[5]!.padStart(2, '0')}-${match[6]!.padStart(2, '0')}`
  if (!isValidLocalDate(date)) return null
  if (match[7] !== undefined) {
    if (time !== null) return null // two times
    time = toTime(match[7], match[8] ?? match[9])
    if (time === null) return null
  }
  return { date, time }
}

function toTime(hours: string | undefined, minutes: string | undefined): string | null {
  const h = Number(hours)
  const m = minutes === undefined ? 0 : Number(minutes)
  if (!Number.isInteger(h) || h > 23 || m > 59) return null
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
}

/** Excel's day 25569 is 1970-01-01; days 20000–80000 are the years 1954–2119. */
const EXCEL_UNIX_EPOCH_DAY = 25569
const EXCEL_DAY_NUMBER = /^([2-7]\d{4})(?:\.(\d+))?$/

/**
 * An Excel date as its day number ("44287", "44287.375"): what a date cell becomes when the sheet
 * was saved with the cell formatted as a number. Only five-digit numbers of plausible years count.
 */
function parseExcelDayNumber(text: string): DateTimeValue | null {
  const match = EXCEL_DAY_NUMBER.exec(text)
  if (!match) return null
  const date = addDays('1970-01-01', Number(match[1]) - EXCEL_UNIX_EPOCH_DAY)
  const minutes = match[2] === undefined ? 0 : Math.round(Number(`0.${match[2]}`) * 24 * 60)
  if (minutes === 0 || minutes >= 24 * 60) return { date, time: null }
  return { date, time: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}` }
}

const RANGE_SEPARATOR = /\s*(?:–|—|→|~|\s-\s|-|\s(?:đến|den|to|until)\s)\s*/giu
const DAY_MONTH_ONLY = /^(?:(?:từ|tu|from)\s+)?(?:ngày\s+)?(\d{1,2})[/.](\d{1,2})$/iu
const DAY_ONLY = /^(?:(?:từ|tu|from)\s+)?(?:ngày\s+)?(\d{1,2})$/iu
const MONTH_WORD = String.raw`(?:tháng|thang|th\.?|month)`
/** "Tháng 4/2021", "tháng 04 năm 2021", "4/2021", "Tháng 4 - 5/2021", "tháng 4 đến tháng 5/2021". */
const MONTH_PERIOD = new RegExp(
  String.raw`^(?:(?:trong|in)\s+)?(?:${MONTH_WORD}\s*)?(\d{1,2})(?:\s*(?:–|—|-|đến|den|to)\s*(?:${MONTH_WORD}\s*)?(\d{1,2}))?\s*(?:/|-|\.|\s+(?:năm|nam)\s+|,?\s+)(\d{4})$`,
  'iu',
)
/** "Quý II/2021", "quý 2 năm 2021", "Q2/2021". */
const QUARTER_PERIOD = /^(?:(?:trong|in)\s+)?(?:quý|quy|q)\s*(i{1,3}|iv|[1-4])\s*(?:\/|-|\s+(?:năm|nam)\s+|,?\s+)(\d{4})$/iu
const QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, 1: 1, 2: 2, 3: 3, 4: 4 }

/** A month or quarter as a whole-day range from its first to its last day. */
function parsePeriodText(text: string): { from: DateTimeValue; to: DateTimeValue } | null {
  let year: number
  let firstMonth: number
  let lastMonth: number
  const month = MONTH_PERIOD.exec(text)
  const quarter = month ? null : QUARTER_PERIOD.exec(text)
  if (month) {
    year = Number(month[3])
    firstMonth = Number(month[1])
    lastMonth = month[2] === undefined ? firstMonth : Number(month[2])
  } else if (quarter) {
    year = Number(quarter[2])
    firstMonth = (QUARTERS[quarter[1]!.toLowerCase()]! - 1) * 3 + 1
    lastMonth = firstMonth + 2
  } else return null
  if (firstMonth < 1 || lastMonth > 12 || lastMonth < firstMonth) return null
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    from: { date: `${year}-${pad(firstMonth)}-01`, time: null },
    to: { date: `${year}-${pad(lastMonth)}-${pad(daysInMonth(year, lastMonth))}`, time: null },
  }
}

/**
 * A single date or a range "from – to" (en dash, hyphen, "đến", "to"); the first date may leave out
 * its year ("01/4 – 23/5/2021") or its month too ("01 - 30/4/2021"). A month or a quarter ("Tháng
 * 4/2021", "Tháng 4 - 5/2021", "Quý II/2021") is the range of its days. Null when none reads.
 */
export function parseDateRangeText(text: string): { from: DateTimeValue; to: DateTimeValue | null } | null {
  const trimmed = text.trim().replace(/^(?:từ|tu|from)\s+/iu, '')
  const single = parseDateTimeText(trimmed)
  if (single) return { from: single, to: null }
  for (const separator of trimmed.matchAll(RANGE_SEPARATOR)) {
    const left = trimmed.slice(0, separator.index)
    const right = trimmed.slice(separator.index + separator[0].length)
    const to = parseDateTimeText(right)
    if (!to) continue
    let from = parseDateTimeText(left)
    const dayMonth = from ? null : DAY_MONTH_ONLY.exec(left.trim())
    if (!from && dayMonth) from = parseDateTimeText(`${dayMonth[1]}/${dayMonth[2]}/${to.date.slice(0, 4)}`)
    // "01 - 30/4/2021": the first day takes the month and year of the second.
    const dayOnly = from ? null : DAY_ONLY.exec(left.trim())
    if (!from && dayOnly) from = parseDateTimeText(`${dayOnly[1]}/${to.date.slice(5, 7)}/${to.date.slice(0, 4)}`)
    if (from) return { from, to }
  }
  return parsePeriodText(trimmed)
}
