/**
 * Vietnam's time zone as our files write it: the VTIMEZONE (UTC+07:00, no DST since 1975), and the
 * Temporal-like date values ical-generator takes, which write a task's wall-clock time in that zone
 * without a time zone database and without ever reading the machine's zone.
 */
import type {
  ICalTemporalInstantStub, ICalTemporalPlainDateStub, ICalTemporalPlainDateTimeStub, ICalTemporalZonedDateTimeStub,
} from 'ical-generator'
import { datePart, fromMinuteNumber, toMinuteNumber } from '@/domain/dates/local-date'
import type { LocalDate, LocalDateTime } from '@/domain/types'

export const VIETNAM_TZID = 'Asia/Ho_Chi_Minh'
export const VIETNAM_OFFSET_MINUTES = 7 * 60
export const MS_PER_MINUTE = 60_000

// DTSTART 1970: Vietnam (the whole country) has kept UTC+07:00 since 13/06/1975, and no plan
// predates that; readers apply the first observance to earlier times anyway.
export const VIETNAM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${VIETNAM_TZID}`,
  `X-LIC-LOCATION:${VIETNAM_TZID}`,
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0700',
  'TZOFFSETTO:+0700',
  'TZNAME:+07',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
  '',
].join('\r\n')

// Temporal-like values for ical-generator (its documented `ICalTemporal*Stub` inputs). A PlainDate is
// written field by field as `VALUE=DATE`; a PlainDateTime with an event time zone is written as that
// zone's wall-clock time with TZID. Neither ever reads the machine's zone. Classes rather than object
// literals: an event takes several of these, and methods on the prototype cost no closures each.

export class PlainDate implements ICalTemporalPlainDateStub {
  readonly year: number
  readonly month: number
  readonly day: number

  constructor(readonly date: LocalDate) {
    this.year = Number(date.slice(0, 4))
    this.month = Number(date.slice(5, 7))
    this.day = Number(date.slice(8, 10))
  }

  toString(): string {
    return this.date
  }

  toJSON(): string {
    return this.date
  }

  /** ical-generator tells a PlainDate by this method. */
  toPlainDateTime(): PlainDateTime {
    return new PlainDateTime(`${this.date}T00:00`)
  }
}

export class PlainDateTime implements ICalTemporalPlainDateTimeStub {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second = 0

  constructor(readonly wallClock: LocalDateTime) {
    this.year = Number(wallClock.slice(0, 4))
    this.month = Number(wallClock.slice(5, 7))
    this.day = Number(wallClock.slice(8, 10))
    this.hour = Number(wallClock.slice(11, 13))
    this.minute = Number(wallClock.slice(14, 16))
  }

  toString(): string {
    return `${this.wallClock}:00`
  }

  toJSON(): string {
    return this.toString()
  }

  toPlainDate(): PlainDate {
    return new PlainDate(datePart(this.wallClock))
  }

  toZonedDateTime(timeZone: string): ZonedDateTime {
    return new ZonedDateTime(this, timeZone)
  }
}

class ZonedDateTime implements ICalTemporalZonedDateTimeStub {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second = 0

  constructor(private readonly plain: PlainDateTime, readonly timeZoneId: string) {
    this.year = plain.year
    this.month = plain.month
    this.day = plain.day
    this.hour = plain.hour
    this.minute = plain.minute
  }

  toString(): string {
    return `${this.plain.toString()}[${this.timeZoneId}]`
  }

  toJSON(): string {
    return this.toString()
  }

  toPlainDateTime(): PlainDateTime {
    return this.plain
  }

  toInstant(): Instant {
    return new Instant((toMinuteNumber(this.plain.wallClock) - fixedOffsetMinutes(this.timeZoneId)) * MS_PER_MINUTE)
  }

  withTimeZone(timeZone: string): ZonedDateTime {
    return this.toInstant().toZonedDateTimeISO(timeZone)
  }
}

class Instant implements ICalTemporalInstantStub {
  constructor(readonly epochMilliseconds: number) {}

  toString(): string {
    return new Date(this.epochMilliseconds).toISOString()
  }

  toJSON(): string {
    return this.toString()
  }

  toZonedDateTimeISO(timeZone: string): ZonedDateTime {
    const wallClock = fromMinuteNumber(Math.floor(this.epochMilliseconds / MS_PER_MINUTE) + fixedOffsetMinutes(timeZone))
    return new ZonedDateTime(new PlainDateTime(wallClock), timeZone)
  }
}

/** Only fixed-offset zones occur here: Vietnam's (the events' zone) and UTC (for conversions). */
function fixedOffsetMinutes(timeZone: string): number {
  return timeZone === VIETNAM_TZID ? VIETNAM_OFFSET_MINUTES : 0
}
