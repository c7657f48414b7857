/**
 * Dates and times read from ICS, as the plan's bounds: DATE values as `YYYY-MM-DD`, DATE-TIME values
 * as Vietnam wall-clock `YYYY-MM-DDTHH:mm`, whatever zone the file wrote them in (UTC, a VTIMEZONE of
 * the file, an IANA or Windows zone name, or floating). Also reads the file's VTIMEZONEs once each.
 */
import ICAL from 'ical.js'
import { addDays, datePart, fromMinuteNumber, isValidLocalDate, isValidLocalDateTime } from '@/domain/dates/local-date'
import type { LocalDate } from '@/domain/types'
import { wrapInCalendar } from '@/io/ics/ics-blocks'
import type { IcalComponent, IcalProperty, IcalTime, ParseContext } from '@/io/ics/ics-import-model'
import { capIterator } from '@/io/ics/ics-recurrence-budget'
import { MS_PER_MINUTE, VIETNAM_OFFSET_MINUTES } from '@/io/ics/ics-time-zone'

/** Real zones have a handful of STANDARD/DAYLIGHT observances (a full-history zone, some dozens). */
const MAX_ZONE_OBSERVANCES_PER_FILE = 200
/** How many changes of a zone rule are sampled to check it is yearly (at most ~4 a year pass). */
const ZONE_RULE_SAMPLE = 40
/** Longer than the plan's years (1900–2200): such an end can't be a valid date. */
const MAX_DURATION_SECONDS = 302 * 366 * 86_400

/**
 * Each VTIMEZONE becomes one ical.js Timezone shared by all events. ical.js would otherwise build a
 * new one per event and expand it from its DTSTART: Outlook's start in 1601, which costs ~10 ms each.
 * NOTE: fills `context.fileZones`.
 */
export function readZones(blocks: readonly string[], context: ParseContext): void {
  let observancesLeft = MAX_ZONE_OBSERVANCES_PER_FILE
  for (const block of blocks) {
    // Every later zone would be refused (none has no observance): don't parse them.
    if (observancesLeft <= 0) break
    try {
      const component = new ICAL.Component(ICAL.parse(wrapInCalendar([block]))).getFirstSubcomponent('vtimezone')
      const tzid = component?.getFirstPropertyValue('tzid')
      if (!component || typeof tzid !== 'string' || tzid === '' || context.fileZones.has(tzid)) continue
      const observances = component.getAllSubcomponents().filter((c) => c.name === 'standard' || c.name === 'daylight')
      observancesLeft -= observances.length
      if (observances.length === 0 || observancesLeft < 0 || !observances.every((o) => isSparseObservance(o, context))) continue
      context.fileZones.set(tzid, new ICAL.Timezone({ component, tzid }))
    } catch {
      // A broken VTIMEZONE: its TZID is then looked up by name, or the times taken as floating.
    }
  }
}

/**
 * A real zone changes its offset about once a year per observance. ical.js expands a zone's rules
 * from their DTSTART (1601 in Outlook's files) to a few years from now, all at once and with no limit,
 * so a denser rule (FREQ=HOURLY in a STANDARD) would freeze the import: such a zone is not used.
 */
function isSparseObservance(observance: IcalComponent, context: ParseContext): boolean {
  const start = observance.getFirstPropertyValue('dtstart')
  if (!(start instanceof ICAL.Time)) return false
  for (const prop of observance.getAllProperties('rrule')) {
    const rule = prop.getFirstValue()
    if (!(rule instanceof ICAL.Recur) || rule.freq !== 'YEARLY') return false
    const iterator = rule.iterator(start)
    const isExhausted = capIterator(iterator, context)
    let last: IcalTime | null = start
    for (let n = 0; n < ZONE_RULE_SAMPLE && last !== null; n += 1) last = iterator.next()
    if (isExhausted() !== null || (last !== null && last.year - start.year < ZONE_RULE_SAMPLE / 4)) return false
  }
  return true
}

/** UNTIL as the last Vietnam date an occurrence may start on (a floating date-time as written). */
export function untilDate(until: IcalTime): LocalDate | null {
  const date = `${pad(until.year, 4)}-${pad(until.month)}-${pad(until.day)}`
  if (!isValidLocalDate(date)) return null
  if (until.isDate || until.zone !== ICAL.Timezone.utcTimezone) return date
  const minutes = Math.floor(Date.UTC(until.year, until.month - 1, until.day, until.hour, until.minute) / MS_PER_MINUTE)
  return datePart(fromMinuteNumber(minutes + VIETNAM_OFFSET_MINUTES))
}

/**
 * The event's end bound, null when it has neither DTEND nor DURATION, 'bad' when what it has can't be
 * read. A DATE start with a DATE-TIME end (or the reverse) is read on the start's terms.
 */
export function readEnd(vevent: IcalComponent, start: IcalTime, startProp: IcalProperty, context: ParseContext): string | null | 'bad' {
  const endProp = vevent.getFirstProperty('dtend')
  if (endProp !== null) {
    const end = readTime(endProp, context)
    if (end === null) return 'bad'
    const bound = toBound(end, endProp, context)
    if (bound === null) return 'bad'
    if (start.isDate === end.isDate) return bound
    if (start.isDate) return bound.endsWith('T00:00') || bound.length === 10 ? datePart(bound) : addDays(datePart(bound), 1)
    return `${bound}T00:00`
  }
  const durationProp = vevent.getFirstProperty('duration')
  if (durationProp === null) return null
  const duration = durationProp.getFirstValue()
  if (!(duration instanceof ICAL.Duration)) return 'bad'
  // ical.js adds a duration a day at a time (P999999999D took 2 s): one past the plan's years is bad anyway.
  if (Math.abs(duration.toSeconds()) > MAX_DURATION_SECONDS) return 'bad'
  const end = start.clone()
  end.addDuration(duration)
  return toBound(end, startProp, context) ?? 'bad'
}

/** The property's value as a time, null when it is not one or its raw text is not a real date. */
export function readTime(prop: IcalProperty, context: ParseContext): IcalTime | null {
  // ical.js rolls impossible dates over (2021-02-30 → 2021-03-02): check the raw text first.
  const raw: unknown = prop.jCal[3]
  if (typeof raw !== 'string' || !isRealDateText(raw)) return null
  try {
    const value = prop.getFirstValue()
    return value instanceof ICAL.Time ? withFileZone(value, prop, context) : null
  } catch {
    return null
  }
}

/**
 * Gives a time with a TZID the file defines its zone. Each event is parsed without the VTIMEZONEs
 * (see `readZones`), so ical.js leaves such a time floating; the RRULE iterator needs the zone to
 * compare occurrences with a UNTIL in UTC. NOTE: mutates `time` (a value ical.js made for us).
 */
export function withFileZone(time: IcalTime, prop: IcalProperty, context: ParseContext): IcalTime {
  if (time.isDate || time.zone !== ICAL.Timezone.localTimezone) return time
  const tzid = prop.getParameter('tzid')
  const zone = typeof tzid === 'string' ? context.fileZones.get(tzid) : undefined
  if (zone) time.zone = zone
  return time
}

function isRealDateText(raw: string): boolean {
  if (raw.length === 10) return isValidLocalDate(raw)
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}):(\d{2})Z?$/.exec(raw)
  return match !== null && isValidLocalDateTime(match[1]) && Number(match[2]) <= 60
}

/**
 * A time as a plan bound: `YYYY-MM-DD` for a date, else the Vietnam wall-clock `YYYY-MM-DDTHH:mm`
 * (seconds dropped). Floating times (no zone) are taken as written; a TZID the file does not define
 * is looked up as an IANA zone, and taken as written when unknown.
 */
export function toBound(time: IcalTime, prop: IcalProperty, context: ParseContext): string | null {
  if (time.isDate) {
    const date = `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`
    return isValidLocalDate(date) ? date : null
  }
  const wallMs = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute)
  const offsetSeconds = utcOffsetSeconds(time, prop, wallMs, context)
  const vietnamMs = offsetSeconds === null ? wallMs : wallMs - offsetSeconds * 1000 + VIETNAM_OFFSET_MINUTES * MS_PER_MINUTE
  if (!Number.isFinite(vietnamMs)) return null
  const bound = fromMinuteNumber(Math.floor(vietnamMs / MS_PER_MINUTE))
  return isValidLocalDateTime(bound) ? bound : null
}

/** Seconds east of UTC at this wall-clock time, or null for a floating time. */
function utcOffsetSeconds(time: IcalTime, prop: IcalProperty, wallMs: number, context: ParseContext): number | null {
  const zone = time.zone
  if (zone === ICAL.Timezone.utcTimezone || zone?.tzid === 'UTC') return 0
  if (zone && zone !== ICAL.Timezone.localTimezone) return time.utcOffset()
  const tzid = prop.getParameter('tzid')
  if (typeof tzid !== 'string' || tzid === '') return null
  return ianaOffsetSeconds(WINDOWS_ZONES.get(tzid) ?? tzid, wallMs, context)
}

/** Outlook names zones the Windows way; it normally adds a VTIMEZONE, this covers files that don't. */
const WINDOWS_ZONES = new Map([
  ['SE Asia Standard Time', 'Asia/Bangkok'],
  ['UTC', 'Etc/UTC'],
  ['GMT Standard Time', 'Europe/London'],
  ['W. Europe Standard Time', 'Europe/Berlin'],
  ['Eastern Standard Time', 'America/New_York'],
  ['Pacific Standard Time', 'America/Los_Angeles'],
  ['China Standard Time', 'Asia/Shanghai'],
  ['Tokyo Standard Time', 'Asia/Tokyo'],
])

function ianaOffsetSeconds(zone: string, wallMs: number, context: ParseContext): number | null {
  let format = context.zoneFormats.get(zone)
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
      })
    } catch {
      format = null // not a zone this browser knows
    }
    context.zoneFormats.set(zone, format)
  }
  if (format === null) return null
  const offsetAt = (instantMs: number): number => {
    const parts = Object.fromEntries(format.formatToParts(new Date(instantMs)).map((p) => [p.type, Number(p.value)]))
    const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0)
    return (asUtc - Math.floor(instantMs / MS_PER_MINUTE) * MS_PER_MINUTE) / 1000
  }
  // Wall-clock → instant: guess with the offset at the wall-clock read as UTC, then correct once.
  const first = offsetAt(wallMs)
  return offsetAt(wallMs - first * 1000)
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}
