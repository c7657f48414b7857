/**
 * Fuzz targets for ICS: import of damaged calendars (`parseIcs`) and of generated events with hostile
 * properties (impossible dates, rules ical.js loops on, unknown zones, huge counts), and the round trip
 * of our own export (with the plan that holds the tasks: everything comes back; with an empty plan:
 * what ICS carries comes back: id, dates, status, recurrence).
 */
import fc from 'fast-check'
import { canonicalJson } from '@/domain/plan/canonical-json'
import { WEEKDAYS, type Plan, type Task } from '@/domain/types'
import { serializeIcs } from '@/io/ics/ics-export'
import { parseIcs } from '@/io/ics/ics-import'
import type { Corpus } from '@/testing/fuzz/corpus'
import { FUZZ_NOW } from '@/testing/fuzz/corpus'
import { applyTextEdits, textEdit } from '@/testing/fuzz/mutations'
import { checkImportedTasks, checkUntouched, changeFinding, firstChange, guarded, type Finding, type FuzzTarget } from '@/testing/fuzz/oracles'
import { validPlan } from '@/testing/fuzz/valid-plan'

const DATES = [
  'DTSTART;VALUE=DATE:20210401', 'DTSTART;VALUE=DATE:20210231', 'DTSTART;VALUE=DATE:20211301', 'DTSTART;VALUE=DATE:00000101', 'DTSTART;VALUE=DATE:99991231',
  'DTSTART:20210401T080000Z', 'DTSTART:20210401T250000Z', 'DTSTART;TZID=Asia/Ho_Chi_Minh:20210401T080000', 'DTSTART;TZID=Nowhere/Zone:20210401T080000',
  'DTSTART;TZID=America/New_York:20210314T023000', 'DTSTART:20210401T080000', 'DTSTART:garbage', 'DTSTART;VALUE=DATE:2021040', '',
]
const ENDS = ['DTEND;VALUE=DATE:20210402', 'DTEND;VALUE=DATE:20200101', 'DTEND:20210401T070000Z', 'DURATION:PT1H', 'DURATION:-P1D', 'DURATION:P99999W', 'DTEND:x', '']
const RULES = [
  '', 'RRULE:FREQ=DAILY;COUNT=5', 'RRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20210520', 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', 'RRULE:FREQ=DAILY',
  'RRULE:FREQ=SECONDLY;COUNT=100000', 'RRULE:FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO', 'RRULE:FREQ=WEEKLY;INTERVAL=0;COUNT=3', 'RRULE:FREQ=DAILY;COUNT=99999999',
  'RRULE:FREQ=YEARLY;BYYEARDAY=366;COUNT=3', 'RRULE:FREQ=DAILY;UNTIL=20210231', 'RRULE:FREQ=WEEKLY;BYDAY=XX;COUNT=2', 'RRULE:FREQ=DAILY;INTERVAL=-1;COUNT=2',
  'RRULE:FREQ=WEEKLY;WKST=SU;BYDAY=SU,SA;INTERVAL=2;UNTIL=20211231T000000Z', 'RRULE:', 'RRULE:FREQ=HOURLY;BYHOUR=25',
]
const EXTRAS = [
  '', 'EXDATE;VALUE=DATE:20210402', 'EXDATE:garbage', 'RECURRENCE-ID;VALUE=DATE:20210403', 'RECURRENCE-ID:20210231T000000Z', 'STATUS:CANCELLED',
  'X-ELECTION-PLANNER-STATUS:done', 'X-ELECTION-PLANNER-STATUS:__proto__', 'X-ELECTION-PLANNER-MILESTONE:x', 'RDATE:20210405T000000Z', 'SUMMARY:=1+1',
  'DESCRIPTION:a\\nb\\,c', `SUMMARY:${'ộ'.repeat(500)}`, 'LOCATION:\\', 'BEGIN:VALARM\r\nTRIGGER:-PT15M\r\nEND:VALARM',
]
const UIDS = ['UID:a@x', 'UID:a@x', 'UID:weekly@election-campaign-planner', 'UID:__proto__@election-campaign-planner', 'UID:constructor', 'UID:', '']

const eventText = fc.tuple(fc.constantFrom(...UIDS), fc.constantFrom(...DATES), fc.constantFrom(...ENDS), fc.constantFrom(...RULES), fc.subarray(EXTRAS, { maxLength: 3 }), fc.string({ maxLength: 20 }))
  .map(([uid, start, end, rule, extras, title]) => ['BEGIN:VEVENT', uid, `SUMMARY:${title.replace(/[\r\n]/g, ' ')}`, start, end, rule, ...extras, 'END:VEVENT'].filter(Boolean).join('\r\n'))

/** A zone with many observances, or one whose rule never stops: ical.js must not spend the tab on it. */
const zoneText = fc.tuple(fc.constantFrom('Nowhere/Zone', 'America/New_York', 'Asia/Ho_Chi_Minh'), fc.integer({ min: 0, max: 60 }), fc.constantFrom('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU', 'RRULE:FREQ=SECONDLY', 'RRULE:FREQ=YEARLY;BYMONTH=13', ''))
  .map(([tzid, observances, rule]) => ['BEGIN:VTIMEZONE', `TZID:${tzid}`, ...Array.from({ length: observances }, (_, i) =>
    `BEGIN:${i % 2 ? 'DAYLIGHT' : 'STANDARD'}\r\nDTSTART:${1970 + i}0308T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:${i % 2 ? '-0400' : '+9999'}\r\n${rule}\r\nEND:${i % 2 ? 'DAYLIGHT' : 'STANDARD'}`), 'END:VTIMEZONE'].join('\r\n'))

const generatedCalendar = fc.tuple(fc.array(zoneText, { maxLength: 2 }), fc.array(eventText, { minLength: 1, maxLength: 8 }), fc.constantFrom('\r\n', '\n', '\r'))
  .map(([zones, events, newline]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//fuzz//EN', ...zones, ...events, 'END:VCALENDAR'].join('\r\n').replace(/\r\n/g, newline))

export function icsImportTarget(corpus: Corpus): FuzzTarget<string> {
  const plan = corpus.plan
  const before = JSON.stringify(plan)
  return {
    name: 'ics-import',
    boundedRuns: 150,
    arbitrary: fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...corpus.ics), fc.array(textEdit, { minLength: 1, maxLength: 5 })).map(([text, edits]) => applyTextEdits(text, edits)) },
      { weight: 3, arbitrary: generatedCalendar },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
    ),
    async check(text) {
      const findings: Finding[] = []
      const result = await guarded(findings, 'parseIcs', () => parseIcs(text, plan, FUZZ_NOW)) as ParseIcsResult | undefined
      if (result?.ok) checkImportedTasks(findings, 'ics', result.tasks)
      checkUntouched(findings, 'parseIcs', before, plan)
      return findings
    },
    save: (text) => ({ extension: 'ics', data: text }),
  }
}

type ParseIcsResult = ReturnType<typeof parseIcs>

const byId = (a: Task, b: Task) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
/**
 * BYDAY is a set: it reads back Monday first, while `shiftRecurrence` rotates a moved series'
 * weekdays without sorting them (MO,TH moved 5 days is SA,TU). The order carries no meaning.
 */
const sortedWeekdays = (t: Task): Task => (t.recurrence ? { ...t, recurrence: { ...t.recurrence, weekdays: WEEKDAYS.filter((d) => t.recurrence!.weekdays.includes(d)) } } : t)
/** What an ICS event carries of a task on its own, without the plan to fill in the rest. */
const carried = (t: Task) => ({ id: t.id, allDay: t.allDay, start: t.start, end: t.end, status: t.status, recurrence: sortedWeekdays(t).recurrence })

/**
 * The plan's text as ICS carries it (documented in ics-import): a TEXT value has LF line breaks only
 * (CRLF and CR read back as LF) and a title is trimmed. Anything else must come back as it went out.
 */
function asIcsCarries(plan: Plan): Plan {
  const lines = (text: string) => text.replace(/\r\n?/g, '\n')
  const tasks: Record<string, Task> = {}
  for (const [id, task] of Object.entries(plan.tasks)) {
    tasks[id] = { ...task, title: lines(task.title).trim(), description: lines(task.description), location: lines(task.location) }
  }
  return { ...plan, tasks }
}

export function icsRoundTripTarget(corpus: Corpus): FuzzTarget<{ plan: Plan; language: 'vi' | 'en' }> {
  const emptyPlan: Plan = { ...corpus.plan, tasks: {} }
  return {
    name: 'ics-round-trip',
    boundedRuns: 30,
    arbitrary: fc.record({ plan: validPlan(corpus.plan).map(asIcsCarries), language: fc.constantFrom('vi' as const, 'en' as const) }),
    async check({ plan, language }) {
      const findings: Finding[] = []
      const tasks = Object.values(plan.tasks).sort(byId)
      const text = await guarded(findings, 'serializeIcs', () => serializeIcs(plan, { tasks, includeMilestones: true, language, now: new Date(FUZZ_NOW) })) as string | undefined
      if (text === undefined) return findings
      for (const [label, into] of [['with its plan', plan], ['into an empty plan', emptyPlan]] as const) {
        const result = await guarded(findings, 'parseIcs', () => parseIcs(text, into, FUZZ_NOW)) as ParseIcsResult | undefined
        if (!result) continue
        if (!result.ok) {
          findings.push({ kind: 'round-trip-loss', detail: `ics ${label}: our export reads back as ${result.error}` })
          continue
        }
        if (result.skipped.length > 0) findings.push({ kind: 'round-trip-loss', detail: `ics ${label}: an event of our export is skipped (${result.skipped[0]!.reason})` })
        const read = [...result.tasks].sort(byId)
        const [want, got] = into === plan ? [tasks.map(sortedWeekdays), read.map(sortedWeekdays)] : [tasks.map(carried), read.map(carried)]
        if (canonicalJson(got) !== canonicalJson(want)) findings.push(changeFinding('round-trip-loss', `ics ${label}`, firstChange(want, got)))
      }
      return findings
    },
    save: (input) => ({ extension: 'json', data: JSON.stringify(input, null, 1) }),
  }
}
