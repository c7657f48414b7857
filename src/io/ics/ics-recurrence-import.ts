/**
 * Recurring events read from ICS. A DAILY or WEEKLY rule the plan can hold becomes one recurring task,
 * checked against ical.js's own expansion (`readRecurrence`), with its EXDATEs and RECURRENCE-ID events
 * as cancelled and moved occurrences (`attachOverrides`); any other rule is expanded into one task per
 * occurrence within limits (`expandSeries`). The plan's rule is expanded by domain/plan/recurrence.ts,
 * not by a library: see the README.
 */
import ICAL from 'ical.js'
import { addDays, datePart, diffDays, fromMinuteNumber, shiftByDays, toMinuteNumber } from '@/domain/dates/local-date'
import { MAX_OCCURRENCES, MAX_RECURRENCE_INTERVAL, ruleDates, validateRecurrence, weekdayCode } from '@/domain/plan/recurrence'
import { WEEKDAYS, type TaskRecurrence } from '@/domain/types'
import type { EventFields, EventReading, IcalComponent, IcalProperty, IcalTime, ParseContext } from '@/io/ics/ics-import-model'
import { capIterator } from '@/io/ics/ics-recurrence-budget'
import { toBound, untilDate, withFileZone } from '@/io/ics/ics-temporal'

/** Imported recurring events the plan can't hold as one task (see `readRecurrence`) become at most this many tasks each… */
export const MAX_OCCURRENCES_PER_EVENT = 366
/** …and only occurrences starting less than this many years after the first one. */
export const RECURRENCE_WINDOW_YEARS = 2

/** An INTERVAL, per FREQ, that already puts a rule's second period past the window (with a year to spare). */
const WINDOW_DAYS = (RECURRENCE_WINDOW_YEARS + 1) * 366
const INTERVAL_PAST_WINDOW: ReadonlyMap<string, number> = new Map([
  ['YEARLY', RECURRENCE_WINDOW_YEARS + 1],
  ['MONTHLY', (RECURRENCE_WINDOW_YEARS + 1) * 12],
  ['WEEKLY', Math.ceil(WINDOW_DAYS / 7)],
  ['DAILY', WINDOW_DAYS],
  ['HOURLY', WINDOW_DAYS * 24],
  ['MINUTELY', WINDOW_DAYS * 24 * 60],
  ['SECONDLY', WINDOW_DAYS * 24 * 60 * 60],
])

/**
 * Makes the RECURRENCE-ID events of a series kept as one task its exceptions, whichever comes first
 * in the file, and returns those it took in (they are not tasks of their own):
 * - STATUS:CANCELLED (in a series that is not itself cancelled) cancels the occurrence;
 * - other bounds move it (only the dates: a title or place changed for one occurrence is not kept);
 * - an all-day override of a timed series (or the reverse) stays a task of its own, and its
 *   occurrence leaves the series;
 * - one naming no occurrence of the rule (RFC 5545 names it by its start) stays a task of its own.
 * NOTE: mutates the series' `recurrence.exceptions` (fields this module just made).
 */
export function attachOverrides(readings: readonly EventReading[]): Set<EventFields> {
  const series = new Map<string, { fields: EventFields; recurrence: TaskRecurrence; dates: Set<string> }>()
  for (const reading of readings) {
    const fields = reading.kind === 'events' ? reading.events[0] : undefined
    const recurrence = fields?.recurrence
    if (fields && recurrence && !series.has(fields.id)) {
      series.set(fields.id, { fields, recurrence, dates: new Set(ruleDates(datePart(fields.start), recurrence)) })
    }
  }
  const absorbed = new Set<EventFields>()
  if (series.size === 0) return absorbed
  for (const reading of readings) {
    if (reading.kind !== 'events' || !reading.isOverride) continue
    for (const override of reading.events) {
      const target = override.override === null ? undefined : series.get(override.override.seriesId)
      if (target === undefined || override.override === null) continue
      const { fields, recurrence, dates } = target
      const { original } = override.override
      const date = datePart(original)
      if (!dates.has(date) || (!fields.allDay && original !== `${date}${fields.start.slice(10)}`)) continue
      // `date` comes from a checked bound (`toBound`): always YYYY-MM-DD, never a reserved key.
      const exceptions = recurrence.exceptions
      if (override.allDay !== fields.allDay || (override.cancelled && !fields.cancelled)) {
        exceptions[date] = { type: 'cancelled' }
        if (override.allDay === fields.allDay) absorbed.add(override)
        continue
      }
      const days = diffDays(datePart(fields.start), date)
      if (override.start !== shiftByDays(fields.start, days) || override.end !== shiftByDays(fields.end, days)) {
        exceptions[date] = { type: 'moved', start: override.start, end: override.end }
      }
      absorbed.add(override)
    }
  }
  return absorbed
}

const RFC_WEEKDAYS: ReadonlySet<string> = new Set(WEEKDAYS)

/**
 * The event's RRULE as the plan's rule, with its EXDATEs as cancelled occurrences; null when the plan
 * can't hold it (it is then expanded, see `expandSeries`). The plan holds DAILY or WEEKLY, an
 * INTERVAL, plain weekdays for WEEKLY (BYDAY=MO,WE; not 1MO or -1FR) that include the start's, an end
 * (UNTIL or COUNT) within 1,000 occurrences, and no RDATE. The rule is checked by letting ical.js
 * expand it: it is kept only if the plan's rule gives exactly the same dates, at the same Vietnam
 * time (a weekly 14:00 in Berlin moves an hour in Vietnam with DST: that one is expanded).
 */
export function readRecurrence(
  vevent: IcalComponent, ruleProp: IcalProperty, start: IcalTime, startProp: IcalProperty, base: EventFields, context: ParseContext,
): TaskRecurrence | null {
  const rule = ruleProp.getFirstValue()
  if (!(rule instanceof ICAL.Recur) || vevent.getAllProperties('rrule').length > 1 || vevent.getFirstProperty('rdate') !== null) return null
  if (rule.freq !== 'DAILY' && rule.freq !== 'WEEKLY') return null
  // Before ical.js steps it (see `expandSeries`): the plan's rule can't hold it anyway.
  if (rule.interval > MAX_RECURRENCE_INTERVAL) return null
  const byDay = rule.getComponent('byday').map(String)
  if (Object.keys(rule.parts).some((part) => part !== 'BYDAY') || (rule.freq === 'DAILY' && byDay.length > 0)) return null
  if (!byDay.every((day) => RFC_WEEKDAYS.has(day))) return null
  const startDate = datePart(base.start)
  const weekdays = rule.freq === 'DAILY' ? [] : byDay.length === 0 ? [weekdayCode(startDate)] : WEEKDAYS.filter((day) => byDay.includes(day))
  if (rule.freq === 'WEEKLY' && !weekdays.includes(weekdayCode(startDate))) return null
  const count = typeof rule.count === 'number' ? rule.count : null
  const until = rule.until instanceof ICAL.Time ? untilDate(rule.until) : null
  if ((count === null && until === null) || (count !== null && count > MAX_OCCURRENCES)) return null

  const bounds = occurrenceBounds(rule, start, startProp, context)
  if (bounds === null) return null
  const time = base.start.slice(10)
  if (bounds[0] !== base.start || bounds.some((bound) => bound.slice(10) !== time)) return null
  const dates = bounds.map(datePart)
  const recurrence: TaskRecurrence = {
    frequency: rule.freq === 'DAILY' ? 'daily' : 'weekly',
    interval: rule.interval,
    weekdays,
    until: count === null ? until : null,
    count,
    exceptions: {},
  }
  if (!isSameList(ruleDates(startDate, recurrence), dates)) {
    // A UNTIL written in another zone may fall on another Vietnam day: the last occurrence's day then.
    if (count !== null) return null
    recurrence.until = dates.at(-1)!
    if (!isSameList(ruleDates(startDate, recurrence), dates)) return null
  }
  if (validateRecurrence(startDate, recurrence) !== null) return null

  // An EXDATE names an occurrence by its start; a DATE (and any EXDATE in an all-day series) its day.
  // Keys are checked bounds (`toBound`): always YYYY-MM-DD, never a reserved key.
  const ruleDateSet = new Set(dates)
  for (const bound of excludedBounds(vevent, context)) {
    const date = datePart(bound)
    if (ruleDateSet.has(date) && (base.allDay || bound.length === 10 || bound.slice(10) === time)) {
      recurrence.exceptions[date] = { type: 'cancelled' }
    }
  }
  return recurrence
}

/**
 * The rule's occurrences as plan bounds, EXDATEs not applied; null when ical.js fails, runs out of its
 * budget, or gives more than the plan may hold.
 */
function occurrenceBounds(rule: ICAL.Recur, start: IcalTime, startProp: IcalProperty, context: ParseContext): string[] | null {
  let iterator: ICAL.RecurIterator
  try {
    iterator = rule.iterator(start)
  } catch {
    return null
  }
  const isExhausted = capIterator(iterator, context)
  const bounds: string[] = []
  for (;;) {
    let occurrence: IcalTime | null
    try {
      occurrence = iterator.next()
    } catch {
      return null
    }
    if (isExhausted() !== null) return null
    if (!occurrence) return bounds.length === 0 ? null : bounds
    const bound = toBound(occurrence, startProp, context)
    if (bound === null || bounds.length >= MAX_OCCURRENCES) return null
    bounds.push(bound)
  }
}

function isSameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i])
}

/**
 * One task per occurrence, for a rule the plan can't hold. The iterator steps in the event's own zone,
 * so a weekly 14:00 meeting in Berlin stays 14:00 Berlin across DST; each occurrence is then converted
 * to Vietnam time on its own, and keeps the length of the first one.
 */
export function expandSeries(
  vevent: IcalComponent, ruleProp: IcalProperty, start: IcalTime, startProp: IcalProperty, base: EventFields, context: ParseContext,
): EventReading {
  const rule = ruleProp.getFirstValue()
  if (!(rule instanceof ICAL.Recur)) return { kind: 'skip', reason: 'badRecurrence' }
  const length = base.allDay ? diffDays(base.start, base.end) : toMinuteNumber(base.end) - toMinuteNumber(base.start)
  const windowEnd = shiftYears(base.start, RECURRENCE_WINDOW_YEARS)
  const excluded = excludedBounds(vevent, context)
  // A DATE in EXDATE drops the whole day; in an all-day series any EXDATE does.
  const excludedDays = new Set([...excluded].filter((b) => base.allDay || b.length === 10).map(datePart))

  // ical.js steps a huge INTERVAL a unit at a time (30 million days took 16 s). The second period of
  // a rule starts INTERVAL units after the first; any INTERVAL over the window's length in units puts
  // it past the window, so the smaller one gives the same occurrences. NOTE: mutates `rule` (ours).
  const intervalLimit = INTERVAL_PAST_WINDOW.get(rule.freq)
  if (intervalLimit !== undefined && rule.interval > intervalLimit) rule.interval = intervalLimit
  let iterator: ICAL.RecurIterator
  try {
    iterator = rule.iterator(start)
  } catch {
    return { kind: 'skip', reason: 'badRecurrence' }
  }
  const isExhausted = capIterator(iterator, context)

  const events: EventFields[] = []
  const usedIds = new Set<string>()
  let truncated = false
  for (;;) {
    let occurrence: IcalTime | null
    try {
      occurrence = iterator.next()
    } catch {
      break // "same occurrence found twice": keep what we have
    }
    if (!occurrence || isExhausted() !== null) break
    const bound = toBound(occurrence, startProp, context)
    if (bound === null || bound >= windowEnd || events.length >= MAX_OCCURRENCES_PER_EVENT) {
      truncated = true
      break
    }
    if (excluded.has(bound) || excludedDays.has(datePart(bound))) continue
    const endBound = base.allDay ? addDays(bound, length) : fromMinuteNumber(toMinuteNumber(bound) + length)
    let id = occurrenceId(base.id, bound)
    // Two occurrences on one day (an HOURLY rule): the later ones add their time to stay distinct.
    if (usedIds.has(id)) id = `${id}T${bound.slice(11, 13)}${bound.slice(14, 16)}`
    usedIds.add(id)
    events.push({ ...base, id, start: bound, end: endBound })
  }
  // A rule ical.js could not follow keeps the occurrences found so far, and is reported.
  const exhaustedBy = isExhausted()
  const problem = events.length === 0 || exhaustedBy === 'event' ? 'badRecurrence' : truncated || exhaustedBy === 'file' ? 'tooManyOccurrences' : null
  return { kind: 'events', events, isOverride: false, isSeries: true, problem }
}

/** EXDATE values as bounds (dates, or Vietnam wall-clock times like the occurrences). */
function excludedBounds(vevent: IcalComponent, context: ParseContext): Set<string> {
  const excluded = new Set<string>()
  for (const prop of vevent.getAllProperties('exdate')) {
    try {
      for (const value of prop.getValues()) {
        if (!(value instanceof ICAL.Time)) continue
        const bound = toBound(withFileZone(value, prop, context), prop, context)
        if (bound !== null) excluded.add(bound)
      }
    } catch {
      // An unreadable EXDATE excludes nothing; the occurrences stay (and show in the preview).
    }
  }
  return excluded
}

export function occurrenceId(baseId: string, bound: string): string {
  return `${baseId}-${bound.slice(0, 4)}${bound.slice(5, 7)}${bound.slice(8, 10)}`
}

function shiftYears(bound: string, years: number): string {
  const year = String(Number(bound.slice(0, 4)) + years).padStart(4, '0')
  const monthDay = bound.slice(4, 10)
  // 29 February + 2 years is 1 March.
  return (monthDay === '-02-29' ? `${year}-03-01` : year + monthDay) + bound.slice(10)
}
