/**
 * What the ICS tests share: plans and tasks to write, ways to read a file back that do not go through
 * our parser (ical.js directly, or RFC 5545 unfolding written out here), and the calendars to import.
 */
import fc from 'fast-check'
import ICAL from 'ical.js'
import { fromMinuteNumber } from '@/domain/dates/local-date'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Plan, Task } from '@/domain/types'
import { serializeIcs } from '@/io/ics/ics-export'
import type { ParseIcsResult } from '@/io/ics/ics-import'

export const NOW = new Date('2026-11-22T03:00:00Z')
export const IMPORT_NOW = Date.UTC(2026, 10, 23)
export const HOUR_MS = 3_600_000

export function exportPlan(plan: Plan, options: { language?: 'vi' | 'en'; includeMilestones?: boolean; now?: Date } = {}): string {
  return serializeIcs(plan, {
    tasks: Object.values(plan.tasks),
    includeMilestones: options.includeMilestones ?? true,
    language: options.language ?? 'vi',
    now: options.now ?? NOW,
  })
}

export function readEvents(text: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')
}

export function eventByUid(events: readonly ICAL.Component[], uid: string): ICAL.Component {
  const event = events.find((e) => e.getFirstPropertyValue('uid') === uid)
  if (!event) throw new Error(`no event ${uid}`)
  return event
}

export function timeOf(event: ICAL.Component, name: 'dtstart' | 'dtend'): ICAL.Time {
  const value = event.getFirstPropertyValue(name)
  if (!(value instanceof ICAL.Time)) throw new Error(`no ${name}`)
  return value
}

export function expectOk(result: ParseIcsResult): Extract<ParseIcsResult, { ok: true }> {
  if (!result.ok) throw new Error(`parse failed: ${result.error}`)
  return result
}

/** A plan holding exactly these tasks (units and channels of the 2021 template). */
export function planWith(tasks: readonly Task[]): Plan {
  const template = buildCampaign2021Plan(0)
  return { ...template, name: 'Kế hoạch mẫu', tasks: Object.fromEntries(tasks.map((t) => [t.id, t])) }
}

export const TEMPLATE_TASK = Object.values(buildCampaign2021Plan(0).tasks)[0]!

export function taskWith(changes: Partial<Task>): Task {
  return { ...TEMPLATE_TASK, anchor: { type: 'fixed' }, training: null, source: null, ...changes }
}

/** How ICS TEXT carries a string: line breaks become LF, control characters and lone surrogates can't be written. */
export function asIcsText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- the characters RFC 5545 TEXT cannot carry
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

/** Our parser's title rule: trimmed, at most 200 code points. */
export function asImportedTitle(text: string): string {
  return Array.from(asIcsText(text).trim()).slice(0, 200).join('').trim()
}

/** RFC 5545 §3.1 unfolding and §3.3.11 unescaping, written out independently of both libraries. */
export function unfoldAndUnescape(text: string, name: string): string | null {
  const line = text.replace(/\r\n[ \t]/g, '').split('\r\n').find((l) => l.startsWith(`${name}:`))
  if (line === undefined) return null
  return line.slice(name.length + 1).replace(/\\([\\;,nN])/g, (_m, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch))
}

// Strings that stress escaping and folding: ICS specials, line breaks, Vietnamese letters (precomposed
// and combining), emoji (surrogate pairs, ZWJ sequences, flags), control characters, lone surrogates.
export const trickyText = fc.string({
  unit: fc.constantFrom(
    ',', ';', '\\', ':', '"', '\n', '\r\n', '\r', '\t', ' ', 'a', 'Z', '=', '+', '-', '@',
    'ế', 'ữ', 'Đ', 'ơ', 'ư', 'Ạ', 'ẳ', 'e\u0301', 'o\u0302\u0303', '😀', '👨‍👩‍👧', '🇻🇳', '中', '\u0000', '\u001b', '\u007f', '\u2028',
    '\uD800', '\uDC00',
  ),
  maxLength: 120,
})
export const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 120 }), trickyText)

export function calendar(events: readonly string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR', ''].join('\r\n')
}

export function event(...lines: string[]): string {
  return ['BEGIN:VEVENT', 'SUMMARY:Sự kiện', ...lines, 'END:VEVENT'].join('\r\n')
}


/** Each occurrence as ical.js (not our code) expands the series: RRULE, EXDATE and RECURRENCE-ID events, as Vietnam bounds. */
export function icalJsOccurrences(text: string, uid: string): { start: string; end: string }[] {
  const components = readEvents(text).filter((e) => e.getFirstPropertyValue('uid') === uid)
  const master = components.find((e) => e.getFirstProperty('recurrence-id') === null)
  if (!master) throw new Error(`no series ${uid}`)
  const series = new ICAL.Event(master, { exceptions: components.filter((e) => e !== master) })
  const iterator = series.iterator()
  const found: { start: string; end: string }[] = []
  for (let next = iterator.next(); next; next = iterator.next()) {
    const details = series.getOccurrenceDetails(next)
    // A cancelled override (Google's way to delete one occurrence) removes it.
    if (details.item !== series && details.item.component.getFirstPropertyValue('status') === 'CANCELLED') continue
    found.push({ start: asVietnamBound(details.startDate), end: asVietnamBound(details.endDate) })
    if (found.length > 2000) throw new Error('runaway expansion')
  }
  return sortBounds(found)
}

export function asVietnamBound(time: ICAL.Time): string {
  return time.isDate ? time.toString() : fromMinuteNumber(time.toUnixTime() / 60 + 7 * 60)
}

export function sortBounds<T extends { start: string; end: string }>(bounds: readonly T[]): { start: string; end: string }[] {
  return bounds.map(({ start, end }) => ({ start, end })).sort((a, b) => (a.start + a.end < b.start + b.end ? -1 : 1))
}

export function contentLines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n')
}
