/**
 * The "địa danh, ngày … tháng … năm …" line of the Word export (Decree 30/2020/NĐ-CP, Appendix I,
 * II.4): "Buôn Ma Thuột, ngày 04 tháng 12 năm 2026".
 *
 * - The place is the document details' place, else the plan's locality (the name of the unit
 *   without its "Tỉnh" prefix: the decree wants the unit's name, "Đắk Lắk" rather than "Tỉnh Đắk
 *   Lắk"). With neither, a visible blank ("……") is left to be filled in by hand, never a line
 *   starting with a bare comma.
 * - The date is the plan's issue date, else the day of the export where the plan is made (its time
 *   zone), so a draft printed for signature carries a real date; the office corrects it by hand if it
 *   signs on another day. Without a usable export time, day, month and year are left as blanks.
 *
 * No docx import here: the settings' document details editor uses `documentPlace` to show which place
 * the file will carry, and must not pull the Word library into the page's first load.
 */
import { todayIn } from '@/domain/dates/local-date'
import type { DocumentDetails, LocalDate, Plan } from '@/domain/types'

/** The blank left for a place or a date part (Decree 30's forms print "……" and "…" for them). */
export const PLACE_BLANK = '……'
const PART_BLANK = '…'
/** The zone a plan without a usable one is made in. */
const FALLBACK_TIME_ZONE = 'Asia/Ho_Chi_Minh'

/** Where the file says the plan is made: the details' place, else the locality's name, else ''. */
export function documentPlace(plan: { document: Pick<DocumentDetails, 'place'>; locality: Plan['locality'] }): string {
  const place = singleLine(plan.document.place)
  return place !== '' ? place : localityPlaceName(plan.locality)
}

/**
 * "Tỉnh Đắk Lắk" → "Đắk Lắk". Only the province prefix goes: a district, town or commune may be
 * named after a person or a number ("Quận 1", "Thành phố Hồ Chí Minh"), and the decree then wants
 * the full name, which we cannot tell apart here.
 */
function localityPlaceName(locality: string): string {
  return singleLine(locality).replace(/^tỉnh\s+/iu, '')
}

function singleLine(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim()
}

/**
 * The whole line: place, comma, official date. `now` is the export time; `timeZone` the plan's.
 * Day and month take a leading 0 only below 10 and for January and February (Appendix I, II.4.b).
 */
export function placeAndDateLine(
  plan: { document: Pick<DocumentDetails, 'place' | 'issuedOn'>; locality: Plan['locality']; timeZone: Plan['timeZone'] },
  now: Date,
): string {
  return placeAndDateLineOn(plan, plan.document.issuedOn ?? exportDay(now, plan.timeZone))
}

/**
 * The line for a document dated `date` rather than by the plan (the progress report is dated by its
 * as-of day). In English, "Buôn Ma Thuột, 30 April 2021": the same parts in the order English writes them.
 */
export function placeAndDateLineOn(
  plan: { document: Pick<DocumentDetails, 'place'>; locality: Plan['locality'] },
  date: LocalDate | null,
  language: 'vi' | 'en' = 'vi',
): string {
  const place = documentPlace(plan)
  const when = language === 'en' ? formatEnglishDate(date) : formatOfficialDate(date)
  return `${place === '' ? PLACE_BLANK : place}, ${when}`
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** `30 April 2021`; blanks without a date. */
function formatEnglishDate(date: LocalDate | null): string {
  if (date === null) return `${PART_BLANK} ${PART_BLANK} ${PART_BLANK}`
  return `${Number(date.slice(8, 10))} ${MONTHS_EN[Number(date.slice(5, 7)) - 1] ?? PART_BLANK} ${date.slice(0, 4)}`
}

/** `ngày 05 tháng 02 năm 2021`, `ngày 15 tháng 3 năm 2021`; blanks without a date. */
export function formatOfficialDate(date: LocalDate | null): string {
  if (date === null) return `ngày ${PART_BLANK} tháng ${PART_BLANK} năm ${PART_BLANK}`
  const day = Number(date.slice(8, 10))
  const month = Number(date.slice(5, 7))
  const dd = String(day).padStart(2, '0')
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month)
  return `ngày ${dd} tháng ${mm} năm ${date.slice(0, 4)}`
}

/** The calendar day of `now` where the plan is made, not where the browser happens to be. */
export function exportDay(now: Date, timeZone: string): LocalDate | null {
  if (Number.isNaN(now.getTime())) return null
  try {
    return todayIn(timeZone, now)
  } catch {
    // An unknown zone name (a hand-edited backup): the plans this app makes are made in Vietnam.
    return todayIn(FALLBACK_TIME_ZONE, now)
  }
}
