/**
 * Legal-looking files built to freeze the tab or fill memory: each is read within bounds, and what
 * was left out is named by a skip reason. Times are generous (the machine may be busy): each bound
 * case ran for seconds to minutes before it was bounded.
 */
import { describe, expect, it } from 'vitest'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import { LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH } from '@/domain/plan/validate-task'
import { splitCalendar } from '@/io/ics/ics-blocks'
import { parseIcs } from '@/io/ics/ics-import'
import { IMPORT_NOW, calendar, event, expectOk } from '@/io/ics/ics-test-support'

const plan = buildCampaign2021Plan(0)

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now()
  const value = run()
  return { value, ms: performance.now() - started }
}

/** `YYYYMMDD` of the day `n` days after 1 January 2021. */
function compactDay(n: number): string {
  return new Date(Date.UTC(2021, 0, 1 + n)).toISOString().slice(0, 10).replace(/-/g, '')
}

describe('ICS import of hostile files', () => {
  it('reads a rule with an INTERVAL of 30 million days at once, as its first occurrence (ical.js took 16 s)', () => {
    const { value, ms } = timed(() => parseIcs(calendar([
      event('UID:far', 'DTSTART;VALUE=DATE:20210101', 'RRULE:FREQ=DAILY;INTERVAL=30000000;UNTIL=99991231'),
    ]), plan, IMPORT_NOW))
    expect(expectOk(value).tasks.map((t) => t.start)).toEqual(['2021-01-01'])
    expect(ms).toBeLessThan(2000)
  })

  it('keeps every occurrence of a weekly rule with a huge INTERVAL that falls within the window', () => {
    const result = expectOk(parseIcs(calendar([
      event('UID:yearly', 'DTSTART;VALUE=DATE:20210104', 'RRULE:FREQ=WEEKLY;INTERVAL=999999;BYDAY=MO,WE,FR;COUNT=10'),
    ]), plan, IMPORT_NOW))
    expect(result.tasks.map((t) => t.start)).toEqual(['2021-01-04', '2021-01-06', '2021-01-08'])
  })

  it('refuses a DURATION of a billion days at once as a bad date (ical.js took 2 s per event)', () => {
    const { value, ms } = timed(() => parseIcs(calendar([
      event('UID:long', 'DTSTART;VALUE=DATE:20210101', 'DURATION:P999999999D'),
      event('UID:weeks', 'DTSTART:20210101T000000Z', 'DURATION:P99999999W'),
    ]), plan, IMPORT_NOW))
    expect(expectOk(value).skipped).toEqual([{ index: 0, reason: 'badDate' }, { index: 1, reason: 'badDate' }])
    expect(ms).toBeLessThan(1000)
  })

  it('reads at most 1,000 EXDATE values of an event and says it left the rest out', () => {
    // The fifth occurrence is excluded only by the 1,201st value.
    const values = [...Array.from({ length: 1200 }, (_, i) => compactDay(100 + i)), compactDay(4)]
    const result = expectOk(parseIcs(calendar([
      event('UID:many', 'DTSTART;VALUE=DATE:20210101', 'RRULE:FREQ=DAILY;COUNT=5', `EXDATE;VALUE=DATE:${values.join(',')}`),
      event('UID:few', 'DTSTART;VALUE=DATE:20210101', 'RRULE:FREQ=DAILY;COUNT=5', `EXDATE;VALUE=DATE:${compactDay(4)}`),
    ]), plan, IMPORT_NOW))
    expect(result.tasks.map((t) => Object.keys(t.recurrence?.exceptions ?? {}))).toEqual([[], ['2021-01-05']])
    expect(result.skipped).toEqual([{ index: 0, reason: 'tooManyExceptions' }])
  })

  it('reads at most 20,000 EXDATE values in a whole file (they took 25 µs each, 30 s for a 20 MB file)', () => {
    const values = Array.from({ length: 1000 }, (_, i) => `${compactDay(i)}T100000Z`).join(',')
    const events = Array.from({ length: 25 }, (_, i) => event(`UID:s${i}`, 'DTSTART:20210101T100000Z', 'RRULE:FREQ=DAILY;COUNT=3', `EXDATE:${values}`))
    const { value, ms } = timed(() => parseIcs(calendar(events), plan, IMPORT_NOW))
    const result = expectOk(value)
    expect(result.skipped.map((s) => s.reason)).toEqual(Array.from({ length: 5 }, () => 'tooManyExceptions'))
    expect(result.skipped.map((s) => s.index)).toEqual([20, 21, 22, 23, 24])
    expect(ms).toBeLessThan(10_000)
  })

  it('cuts a description of a million characters to what the task editor allows, and says so', () => {
    const result = expectOk(parseIcs(calendar([
      event('UID:long-text', 'DTSTART;VALUE=DATE:20210101', `DESCRIPTION:${'Nội dung\\n'.repeat(100_000)}`, `LOCATION:${'Hội trường '.repeat(1000)}`),
    ]), plan, IMPORT_NOW))
    const [task] = result.tasks
    expect(task!.description.length).toBe(LONG_TEXT_MAX_LENGTH)
    expect(task!.description.startsWith('Nội dung\nNội dung\n')).toBe(true)
    expect(task!.location.length).toBeLessThanOrEqual(SHORT_TEXT_MAX_LENGTH)
    expect(result.skipped).toEqual([{ index: 0, reason: 'textTooLong' }])
  })

  it('hands ical.js none of 100,000 nested alarms (they took 2 s to parse), and still reads the event', () => {
    const text = calendar([event(
      'UID:nested', 'DTSTART;VALUE=DATE:20210101',
      [...Array.from({ length: 100_000 }, () => 'BEGIN:VALARM'), 'TRIGGER:-PT15M', ...Array.from({ length: 100_000 }, () => 'END:VALARM')].join('\r\n'),
      'LOCATION:Hội trường',
    )])
    expect(splitCalendar(text)!.events[0]!.text).toBe(
      ['BEGIN:VEVENT', 'SUMMARY:Sự kiện', 'UID:nested', 'DTSTART;VALUE=DATE:20210101', 'LOCATION:Hội trường', 'END:VEVENT'].join('\r\n'),
    )
    expect(expectOk(parseIcs(text, plan, IMPORT_NOW)).tasks.map((t) => [t.start, t.location])).toEqual([['2021-01-01', 'Hội trường']])
  })

  it('still refuses an event whose inner component never ends', () => {
    const result = expectOk(parseIcs(calendar([event('UID:open', 'DTSTART;VALUE=DATE:20210101', 'BEGIN:VALARM', 'TRIGGER:-PT15M')]), plan, IMPORT_NOW))
    expect(result.skipped).toEqual([{ index: 0, reason: 'unreadable' }])
  })

  it('hands ical.js only the first of 100,000 repeated properties and one RDATE value (ical.js decoded them all)', () => {
    const text = calendar([event(
      'UID:repeated', 'DTSTART;VALUE=DATE:20210101', Array.from({ length: 100_000 }, (_, i) => `DESCRIPTION:Mô tả ${i}`).join('\r\n'),
      `RDATE;VALUE=DATE:${Array.from({ length: 100_000 }, (_, i) => compactDay(i % 3000)).join(',')}`,
      'ATTENDEE;CN=Someone:mailto:someone@example.com',
    )])
    expect(splitCalendar(text)!.events[0]!.text).toBe(
      ['BEGIN:VEVENT', 'SUMMARY:Sự kiện', 'UID:repeated', 'DTSTART;VALUE=DATE:20210101', 'DESCRIPTION:Mô tả 0', 'RDATE;VALUE=DATE:20210101', 'END:VEVENT'].join('\r\n'),
    )
    const result = expectOk(parseIcs(text, plan, IMPORT_NOW))
    expect(result.tasks.map((t) => t.description)).toEqual(['Mô tả 0'])
  })
})
