/**
 * The ICS calendar file (RFC 5545): the plan's tasks, and on request the legal milestones, as events
 * for Outlook and Google Calendar; and events from those apps read back as tasks.
 *
 * Libraries: ical-generator writes the events, ical.js reads.
 * - ical-generator rather than `ics`: it writes TZID times (`ics` writes only UTC or floating times),
 *   so timed tasks carry TZID=Asia/Ho_Chi_Minh with our own VTIMEZONE and no time zone database; it
 *   escapes TEXT values; it accepts Temporal-like date objects, so an all-day date goes out exactly as
 *   the plan wrote it and never passes through a JS Date in the machine's zone; and it is typed and
 *   maintained. This module writes the rest: the VCALENDAR around the events and the line folding
 *   (the library's takes seconds at 10,000 tasks, see `frameCalendar`), and the recurrence lines
 *   (RRULE, EXDATE, RECURRENCE-ID), which the library can't write in an all-day series' DATE form.
 * - ical.js (Mozilla's, used by Thunderbird) reads: it unfolds and unescapes, turns the file's own
 *   VTIMEZONEs into zones (no time zone database, no global registry) and expands RRULEs. Its
 *   expansions have no limits of their own, so this module caps them (see the budgets below): a
 *   hostile file must not freeze the tab.
 *
 * Times: timed tasks are Vietnam wall-clock times (see types.ts; every plan's `timeZone` is
 * Asia/Ho_Chi_Minh) and go out as that wall-clock time with TZID=Asia/Ho_Chi_Minh plus our own
 * VTIMEZONE (UTC+07:00, no DST since 1975): a calendar in Vietnam shows exactly the plan's times and
 * one elsewhere converts them. Imported times are converted to Vietnam's wall clock the same way.
 *
 * Formula injection: text fields are NOT prefixed with an apostrophe here. Calendars never evaluate
 * formulas, a prefix would show in every event title, and it would break the round trip; what matters
 * in ICS is that user text can never become structure, so every text is escaped as TEXT (`\,` `\;`
 * `\\` `\n`), control characters are dropped, and no HTML description (X-ALT-DESC) is ever written.
 *
 * Shipped, never to change (calendars match a re-import by UID, and we read our own files back): the
 * UID forms `${task.id}@election-campaign-planner` and
 * `milestone-${milestoneId}-${plan.id}@election-campaign-planner`, and the X-ELECTION-PLANNER-* names.
 */
import ical, {
  escape as escapeIcsText,
  ICalEventStatus,
  ICalEventTransparency,
  type ICalCalendar,
  type ICalEvent,
  type ICalEventData,
  type ICalTemporalInstantStub,
  type ICalTemporalPlainDateStub,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from 'ical-generator'
import ICAL from 'ical.js'
import { formatElectionOffset, offsetFromElectionDay } from '@/domain/dates/election-offset'
import type { Language } from '@/domain/dates/format-date'
import {
  addDays, datePart, diffDays, fromMinuteNumber, isValidLocalDate, isValidLocalDateTime, shiftByDays, toMinuteNumber,
} from '@/domain/dates/local-date'
import { reanchor } from '@/domain/plan/anchors'
import { isRecurring, MAX_OCCURRENCES, ruleDates, validateRecurrence, weekdayCode } from '@/domain/plan/recurrence'
import { restoreTask } from '@/domain/plan/restore-plan'
import { TITLE_MAX_LENGTH } from '@/domain/plan/validate-task'
import { LAW_LABELS } from '@/domain/rules/election-laws'
import { computeMilestones, type Milestone } from '@/domain/rules/milestones'
import {
  TASK_STATUSES, WEEKDAYS, type Channel, type LocalDate, type LocalDateTime, type Plan, type Task, type TaskRecurrence, type TaskStatus,
} from '@/domain/types'

export const ICS_MIME_TYPE = 'text/calendar;charset=utf-8'
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

/** Imported recurring events the plan can't hold as one task (see `readRecurrence`) become at most this many tasks each… */
export const MAX_OCCURRENCES_PER_EVENT = 366
/** …and only occurrences starting less than this many years after the first one. */
export const RECURRENCE_WINDOW_YEARS = 2

const UID_SUFFIX = '@election-campaign-planner'
// ical-generator writes `PRODID:-` followed by this.
const PRODUCT_ID = '//election-campaign-planner//VI'
const VIETNAM_TZID = 'Asia/Ho_Chi_Minh'
const VIETNAM_OFFSET_MINUTES = 7 * 60
const MS_PER_MINUTE = 60_000
const SEQUENCE_EPOCH_MS = Date.UTC(2020, 0, 1)
const X_STATUS = 'X-ELECTION-PLANNER-STATUS'
const X_DESCRIPTION = 'X-ELECTION-PLANNER-DESCRIPTION'
const X_MILESTONE = 'X-ELECTION-PLANNER-MILESTONE'
/**
 * ical.js loops forever on some impossible rules (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30): it keeps
 * stepping a day at a time looking for a match, about 25 µs a step. We cap the candidates it may try:
 * 3,000 per event covers any DAILY rule over the two-year window (730 days) with room to spare, and
 * 50,000 per file (a hundred weekly series over two years use a fifth of it) keeps a hostile file to
 * about a second.
 */
const RECURRENCE_CANDIDATES_PER_EVENT = 3_000
const RECURRENCE_CANDIDATES_PER_FILE = 50_000
/** Real zones have a handful of STANDARD/DAYLIGHT observances (a full-history zone, some dozens). */
const MAX_ZONE_OBSERVANCES_PER_FILE = 200
/** How many changes of a zone rule are sampled to check it is yearly (at most ~4 a year pass). */
const ZONE_RULE_SAMPLE = 40

export interface SerializeIcsOptions {
  /** The tasks to write (the caller's selection, e.g. the filtered view). */
  tasks: readonly Task[]
  includeMilestones: boolean
  language: Language
  /** Stamps events that have no `updatedAt` of their own (milestones, template tasks built at 0). */
  now: Date
}

/**
 * Why an event was not (fully) imported. `index` in the result is the event's position among the
 * file's VEVENTs, counting from 0.
 * - unreadable: the event's text could not be parsed (a broken line, an unterminated event);
 * - noStart / badDate: no DTSTART, or a date that is not a real date (2021-02-30, year 3000);
 * - endBeforeStart: DTEND (or DURATION) puts the end before the start;
 * - badRecurrence: an RRULE that yields no occurrence or that ical.js cannot follow (the occurrences
 *   found before it lost its way, if any, are imported);
 * - tooManyOccurrences: the event was imported, but occurrences beyond the limits (366, two years,
 *   or the file's budget for recurrences) were left out;
 * - duplicate: a second event with the same UID (and occurrence), the first one was kept.
 */
export type IcsSkipReason =
  | 'unreadable'
  | 'noStart'
  | 'badDate'
  | 'endBeforeStart'
  | 'badRecurrence'
  | 'tooManyOccurrences'
  | 'duplicate'

export interface IcsSkipped {
  index: number
  reason: IcsSkipReason
}

export type ParseIcsResult =
  | {
      ok: true
      tasks: Task[]
      skipped: IcsSkipped[]
      /**
       * How many recurring events (series) were expanded into one task per occurrence: those whose rule
       * the plan can't hold (MONTHLY, no end, BYSETPOS…; see `readRecurrence`). Other series become one
       * recurring task each.
       */
      recurringExpanded: number
      /** Those events' indexes (as in `IcsSkipped`), for a note in the preview. */
      expandedSeries: number[]
      /** Legal milestones from one of our own exports: computed from the law, so never imported. */
      ignoredMilestones: number
    }
  | { ok: false; error: 'notIcs' | 'tooLarge' | 'empty' }

// ───────────────────────────── Export ─────────────────────────────

const STATUS_LABELS: Record<Language, Record<TaskStatus, string>> = {
  vi: { planned: 'Chưa bắt đầu', 'in-progress': 'Đang thực hiện', done: 'Hoàn thành', cancelled: 'Hủy' },
  en: { planned: 'Planned', 'in-progress': 'In progress', done: 'Done', cancelled: 'Cancelled' },
}

const LABELS = {
  vi: {
    channel: 'Kênh', leadUnit: 'Đơn vị chủ trì', supportUnits: 'Đơn vị phối hợp', status: 'Trạng thái',
    quantity: 'Số lượng', connectionPoints: 'Điểm cầu', participants: 'Thành phần tham dự', topics: 'Chuyên đề',
    presenters: 'Báo cáo viên', basis: 'Căn cứ', article: 'Điều', deadline: 'Hạn chót (chậm nhất)', time: 'Giờ',
    milestoneCategory: 'Mốc pháp lý',
  },
  en: {
    channel: 'Channel', leadUnit: 'Lead unit', supportUnits: 'Supporting units', status: 'Status',
    quantity: 'Quantity', connectionPoints: 'Connection points', participants: 'Participants', topics: 'Topics',
    presenters: 'Presenters', basis: 'Basis', article: 'Art.', deadline: 'Deadline (at the latest)', time: 'Time',
    milestoneCategory: 'Legal milestone',
  },
} as const satisfies Record<Language, Record<string, string>>

type Labels = (typeof LABELS)[Language]

/**
 * The plan's tasks (and, when asked, its legal milestones) as one ICS calendar. Pure: the same plan,
 * options and `now` give the same text in every time zone. A task whose dates are not valid bounds is
 * left out rather than written as a broken event (restore never lets one into a plan).
 */
export function serializeIcs(plan: Plan, options: SerializeIcsOptions): string {
  const { language } = options
  // Only the events come from ical-generator; the calendar around them is written below (see
  // `frameCalendar`), so this calendar's own properties are never written.
  const calendar = ical({ prodId: PRODUCT_ID })
  const units = new Map(plan.units.map((u) => [u.id, u.name]))
  const channels = new Map(plan.channels.map((c) => [c.id, c]))
  const extraLines = new Map<ICalEvent, string>()
  for (const task of options.tasks) addTaskEvent(calendar, task, { units, channels, language, now: options.now, extraLines })
  if (options.includeMilestones) {
    for (const milestone of computeMilestones(plan.election)) addMilestoneEvent(calendar, milestone, plan, language, options.now)
  }
  return frameCalendar(plan, calendar, extraLines)
}

/**
 * The VCALENDAR around the events, folded, every line ending with CRLF (RFC 5545 ends every content
 * line with one). Not `calendar.toString()`: ical-generator 10 folds its whole output a character at
 * a time, creating a `new TextEncoder()` for each to learn its UTF-8 length (~3 s for the 10,000-task
 * benchmark plan, ~1 s even with a stand-in encoder), whereas `foldLines` below takes ~50 ms. The
 * header is what ical-generator writes (the golden test in ics-file.test.ts pins it).
 */
function frameCalendar(plan: Plan, calendar: ICalCalendar, extraLines: ReadonlyMap<ICalEvent, string>): string {
  // NAME / X-WR-CALNAME are not escaped by ical-generator either; escaping here keeps a name from adding lines.
  const name = escapeIcsText(cleanText(plan.name), false)
  const events = calendar.events()
  let header = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-${PRODUCT_ID}\r\n`
  if (name !== '') header += `NAME:${name}\r\nX-WR-CALNAME:${name}\r\n`
  // No calendar-wide zone: only the zone events use, i.e. Vietnam's when there is a timed task.
  if (events.some((event) => event.timezone() === VIETNAM_TZID)) header += VIETNAM_VTIMEZONE
  // Folded piece by piece (each ends with a CRLF), then joined once: no multi-megabyte intermediate.
  const parts = [foldLines(header)]
  for (const event of events) {
    const text = event.toString()
    const extra = extraLines.get(event)
    parts.push(foldLines(extra === undefined ? text : text.slice(0, -END_VEVENT.length) + extra + END_VEVENT))
  }
  parts.push('END:VCALENDAR\r\n')
  return parts.join('')
}

// ical-generator ends every event with this line.
const END_VEVENT = 'END:VEVENT\r\n'

/** Longest content a line (or a continuation, after its leading space) may carry: 75 octets with the space. */
const FOLD_OCTETS = 74

/**
 * RFC 5545 §3.1 folding: a line longer than 75 octets continues on lines starting with a space, cut
 * between characters (never inside a UTF-8 sequence or a surrogate pair). Cuts exactly where
 * ical-generator's own `foldLines` does, so the output is byte for byte what the library would write.
 */
function foldLines(text: string): string {
  const lines = text.split('\r\n')
  for (let n = 0; n < lines.length; n += 1) {
    const line = lines[n]!
    // A UTF-16 unit takes at most 3 octets (a surrogate pair: 4 for two), so short lines need no count.
    if (line.length * 3 > FOLD_OCTETS) lines[n] = foldLine(line)
  }
  return lines.join('\r\n')
}

function foldLine(line: string): string {
  let folded = ''
  let from = 0
  let octets = 0
  for (let i = 0; i < line.length; i += 1) {
    const code = line.charCodeAt(i)
    const isPair = code >= 0xd800 && code <= 0xdbff && (line.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : isPair ? 4 : 3
    if (octets + size > FOLD_OCTETS) {
      folded += `${line.slice(from, i)}\r\n `
      from = i
      octets = 0
    }
    octets += size
    if (isPair) i += 1
  }
  return from === 0 ? line : folded + line.slice(from)
}

/** `ke-hoach-tuyen-truyen-bau-cu-2021.ics` (the year of election day). */
export function icsFileName(plan: Pick<Plan, 'election'>): string {
  return `ke-hoach-tuyen-truyen-bau-cu-${plan.election.electionDay.slice(0, 4)}.ics`
}

interface TaskEventContext {
  units: Map<string, string>
  channels: Map<string, Channel>
  language: Language
  now: Date
  /** Lines to add to an event before its END:VEVENT (see `recurrenceLines`). NOTE: filled as events are made. */
  extraLines: Map<ICalEvent, string>
}

/**
 * One VEVENT per task; a recurring task is one VEVENT with RRULE (and EXDATE for its cancelled
 * occurrences) plus one VEVENT per moved occurrence, with the same UID and a RECURRENCE-ID.
 */
function addTaskEvent(calendar: ICalCalendar, task: Task, context: TaskEventContext): void {
  const isValidBound = task.allDay ? isValidLocalDate : isValidLocalDateTime
  if (!isValidBound(task.start) || !isValidBound(task.end) || task.end < task.start) return
  const channel = task.channelId === null ? undefined : context.channels.get(task.channelId)
  const channelName = channel ? cleanText(channelNameIn(channel, context.language)).trim() : ''
  const location = cleanText(task.location)
  const data: ICalEventData = {
    id: escapeIcsText(cleanText(`${task.id}${UID_SUFFIX}`), false),
    summary: cleanText(task.title),
    allDay: task.allDay,
    ...eventBounds(task.allDay, task.start, task.end),
    stamp: stampOf(task.updatedAt, context.now),
    lastModified: stampOf(task.updatedAt, context.now),
    sequence: sequenceOf(task.updatedAt),
    ...(isPositiveTime(task.createdAt) ? { created: new Date(task.createdAt) } : {}),
    status: task.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    description: cleanText(describeTask(task, channelName, context)),
    // ical-generator refuses an empty location; leave the property out instead.
    ...(location === '' ? {} : { location }),
    ...(channelName === '' ? {} : { categories: [{ name: channelName }] }),
    // For our own re-import: DESCRIPTION above is a composed summary, these keep the task's own values.
    x: [
      [X_STATUS, task.status],
      [X_DESCRIPTION, cleanText(task.description)],
    ],
  }
  const event = calendar.createEvent(data)
  if (!isRecurring(task)) return

  const dates = ruleDates(datePart(task.start), task.recurrence, MAX_OCCURRENCES + 1)
  context.extraLines.set(event, recurrenceLines(task, dates))
  for (const date of dates.slice(0, MAX_OCCURRENCES)) {
    const exception = task.recurrence.exceptions[date]
    if (exception?.type !== 'moved') continue
    if (!isValidBound(exception.start) || !isValidBound(exception.end) || exception.end < exception.start) continue
    const moved = calendar.createEvent({ ...data, ...eventBounds(task.allDay, exception.start, exception.end) })
    context.extraLines.set(moved, `RECURRENCE-ID${occurrenceValue(task, date)}\r\n`)
  }
}

function eventBounds(allDay: boolean, start: string, end: string): Pick<ICalEventData, 'start' | 'end' | 'timezone'> {
  return allDay
    ? { start: new PlainDate(start), end: new PlainDate(end) }
    : { start: new PlainDateTime(start), end: new PlainDateTime(end), timezone: VIETNAM_TZID }
}

/**
 * RRULE and EXDATE of a recurring task, written here rather than by ical-generator: it writes UNTIL
 * and RECURRENCE-ID as date-times only, where RFC 5545 wants them to match DTSTART (a DATE for an
 * all-day series). `dates` are the rule's dates, up to one past the 1,000 `expandTask` keeps: a rule
 * that gives more is written with COUNT=1000, so calendars show exactly the plan's dates.
 *
 * - UNTIL: the plan's inclusive last date. For an all-day series that DATE; for a timed one (DTSTART
 *   with TZID) a UTC date-time, as RFC 5545 requires: 23:59:59 on that date in Vietnam, so the
 *   occurrence starting that day, at whatever time, is the last one.
 * - BYDAY always holds the start's weekday, as the plan's rule does (see `ruleDates`). WKST=MO (RFC
 *   5545's default, and the plan's week) is written out anyway: the week's start changes which days
 *   a weekly INTERVAL>1 rule picks, so no reader should have to assume it.
 * - EXDATE: the cancelled occurrences, in DTSTART's value type (all-day: DATE; timed: the start time).
 */
function recurrenceLines(task: Task & { recurrence: TaskRecurrence }, dates: readonly LocalDate[]): string {
  const { recurrence } = task
  let rule = `RRULE:FREQ=${recurrence.frequency === 'daily' ? 'DAILY' : 'WEEKLY'}`
  if (recurrence.frequency === 'weekly') rule += ';WKST=MO'
  if (recurrence.interval > 1) rule += `;INTERVAL=${recurrence.interval}`
  if (recurrence.frequency === 'weekly') {
    const days = new Set([...recurrence.weekdays, weekdayCode(datePart(task.start))])
    rule += `;BYDAY=${WEEKDAYS.filter((day) => days.has(day)).join(',')}`
  }
  if (dates.length > MAX_OCCURRENCES) rule += `;COUNT=${MAX_OCCURRENCES}`
  else if (recurrence.count !== null) rule += `;COUNT=${recurrence.count}`
  else if (recurrence.until !== null) {
    rule += task.allDay
      ? `;UNTIL=${compactDate(recurrence.until)}`
      : `;UNTIL=${compactDateTime(fromMinuteNumber(toMinuteNumber(`${recurrence.until}T23:59`) - VIETNAM_OFFSET_MINUTES))}59Z`
  }
  const cancelled = dates.slice(0, MAX_OCCURRENCES).filter((date) => recurrence.exceptions[date]?.type === 'cancelled')
  if (cancelled.length === 0) return `${rule}\r\n`
  const values = cancelled.map((date) => occurrenceValue(task, date))
  // One EXDATE property takes one value type and one TZID: all values share this prefix.
  const prefix = values[0]!.slice(0, values[0]!.indexOf(':') + 1)
  return `${rule}\r\nEXDATE${prefix}${values.map((value) => value.slice(prefix.length)).join(',')}\r\n`
}

/** How an occurrence of the task on `date` is named: parameters, colon and value, as DTSTART is written. */
function occurrenceValue(task: Task, date: LocalDate): string {
  return task.allDay
    ? `;VALUE=DATE:${compactDate(date)}`
    : `;TZID=${VIETNAM_TZID}:${compactDateTime(`${date}${task.start.slice(10)}`)}00`
}

/** `2021-05-13` → `20210513`. */
function compactDate(date: LocalDate): string {
  return date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10)
}

/** `2021-05-13T08:30` → `20210513T0830` (the caller adds seconds). */
function compactDateTime(value: LocalDateTime): string {
  return `${compactDate(value)}T${value.slice(11, 13)}${value.slice(14, 16)}`
}

function addMilestoneEvent(calendar: ICalCalendar, milestone: Milestone, plan: Plan, language: Language, now: Date): void {
  const labels = LABELS[language]
  const offset = formatElectionOffset(offsetFromElectionDay(milestone.date, plan.election.electionDay))
  const name = language === 'vi' ? milestone.nameVi : milestone.nameEn
  const note = language === 'vi' ? milestone.noteVi : milestone.noteEn
  const lines = [
    `${labels.basis}: ${labels.article} ${milestone.articles}, ${LAW_LABELS[plan.election.law][language]}`,
    ...(milestone.timing === 'deadline' ? [labels.deadline] : []),
    ...(milestone.time === null ? [] : [`${labels.time}: ${milestone.time}`]),
    ...(note === null ? [] : [note]),
  ]
  calendar.createEvent({
    id: escapeIcsText(cleanText(`milestone-${milestone.id}-${plan.id}${UID_SUFFIX}`), false),
    summary: cleanText(`${offset} · ${name}`),
    allDay: true,
    start: new PlainDate(milestone.date),
    end: new PlainDate(addDays(milestone.endDate ?? milestone.date, 1)),
    stamp: now,
    // Milestones move when election day or the law changes, which changes the plan.
    sequence: sequenceOf(plan.updatedAt),
    description: cleanText(lines.join('\n')),
    categories: [{ name: labels.milestoneCategory }],
    // A milestone is a date to know, not time spent: it must not show the user as busy.
    transparency: ICalEventTransparency.TRANSPARENT,
    x: [[X_MILESTONE, milestone.id]],
  })
}

function describeTask(task: Task, channelName: string, context: TaskEventContext): string {
  const labels = LABELS[context.language]
  const unitNames = (ids: readonly string[]) => ids.map((id) => context.units.get(id)).filter((n): n is string => n !== undefined)
  const lead = unitNames(task.leadUnitId === null ? [] : [task.leadUnitId])
  // Unit names contain commas ("Các sở, ban, ngành"), so the list is joined with semicolons.
  const support = unitNames(task.supportUnitIds)
  const facts = [
    ...(channelName === '' ? [] : [`${labels.channel}: ${channelName}`]),
    ...(lead.length === 0 ? [] : [`${labels.leadUnit}: ${lead.join('; ')}`]),
    ...(support.length === 0 ? [] : [`${labels.supportUnits}: ${support.join('; ')}`]),
    `${labels.status}: ${STATUS_LABELS[context.language][task.status] ?? task.status}`,
    ...(task.quantity.trim() === '' ? [] : [`${labels.quantity}: ${task.quantity}`]),
  ]
  const blocks = [facts.join('\n')]
  if (task.description.trim() !== '') blocks.push(task.description)
  const training = task.training === null ? '' : describeTraining(task.training, labels)
  if (training !== '') blocks.push(training)
  return blocks.join('\n\n')
}

function describeTraining(training: NonNullable<Task['training']>, labels: Labels): string {
  const countAndText = (count: number | null, text: string) =>
    [count === null ? '' : String(count), text.trim()].filter((part) => part !== '').join(' — ')
  const points = countAndText(training.connectionPointCount, training.connectionPoints.join('; '))
  const participants = countAndText(training.participantCount, training.participants)
  return [
    ...(points === '' ? [] : [`${labels.connectionPoints}: ${points}`]),
    ...(participants === '' ? [] : [`${labels.participants}: ${participants}`]),
    ...(training.topics.length === 0 ? [] : [`${labels.topics}:`, ...training.topics.map((topic) => `- ${topic}`)]),
    ...(training.presenters.length === 0 ? [] : [`${labels.presenters}: ${training.presenters.join('; ')}`]),
  ].join('\n')
}

function channelNameIn(channel: Channel, language: Language): string {
  return language === 'en' && channel.nameEn.trim() !== '' ? channel.nameEn : channel.name
}

/** Anything `cleanText` would change (CR, control characters, surrogates): most text has none. */
// eslint-disable-next-line no-control-regex -- the characters `cleanText` replaces or removes
const NEEDS_CLEANING = /[\u0000-\u0008\u000B-\u001F\u007F\uD800-\uDFFF]/

/**
 * Text as RFC 5545 TEXT can carry it: line breaks (CRLF, CR, LF) become LF, which the escaper writes
 * as `\n`; other control characters but tab are not allowed in a content line; a lone surrogate can't
 * be written as UTF-8 (it would become U+FFFD anyway). Line breaks first, so "CR NUL LF" stays two.
 */
function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

function isPositiveTime(ms: number): boolean {
  return Number.isFinite(ms) && ms > 0 && ms < 8.64e15
}

/**
 * SEQUENCE from the last change, in seconds since 2020 (fits a 32-bit integer until 2088): Google
 * and Outlook apply a re-imported event over the one they hold only when its SEQUENCE went up.
 */
function sequenceOf(updatedAt: number): number {
  return isPositiveTime(updatedAt) ? Math.max(0, Math.floor((updatedAt - SEQUENCE_EPOCH_MS) / 1000)) : 0
}

function stampOf(updatedAt: number, now: Date): Date {
  return isPositiveTime(updatedAt) ? new Date(updatedAt) : now
}

// DTSTART 1970: Vietnam (the whole country) has kept UTC+07:00 since 13/06/1975, and no plan
// predates that; readers apply the first observance to earlier times anyway.
const VIETNAM_VTIMEZONE = [
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

class PlainDate implements ICalTemporalPlainDateStub {
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

class PlainDateTime implements ICalTemporalPlainDateTimeStub {
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

// ───────────────────────────── Import ─────────────────────────────

type IcalTime = ICAL.Time
type IcalComponent = ICAL.Component
type IcalProperty = ICAL.Property

/** What one VEVENT says, in the plan's terms, before it is merged with an existing task. */
interface EventFields {
  id: string
  title: string
  allDay: boolean
  start: string
  end: string
  location: string
  /**
   * Null for one of our own events without our X- description (it went through Google, which drops
   * X- properties): its DESCRIPTION is the summary we composed, not the task's description.
   */
  description: string | null
  /** DESCRIPTION as written, for a new task when `description` is null. */
  descriptionText: string
  /** From our own X- property, else null (STATUS alone only tells cancelled from not). */
  ownStatus: TaskStatus | null
  cancelled: boolean
  categories: string[]
  /** The rule of a series kept as one recurring task; null for anything else. */
  recurrence: TaskRecurrence | null
  /** A RECURRENCE-ID event: the id of its series and the occurrence it replaces (a plan bound). */
  override: { seriesId: string; original: string } | null
}

type EventReading =
  | { kind: 'milestone' }
  | { kind: 'skip'; reason: IcsSkipReason }
  | { kind: 'events'; events: EventFields[]; isOverride: boolean; isSeries: boolean; problem: IcsSkipReason | null }

interface ParseContext {
  plan: Plan
  now: number
  /** Channel ids by lower-cased Vietnamese and English name. */
  channelsByName: Map<string, string>
  /** The file's VTIMEZONEs by TZID, each read once (see `readZones`). */
  fileZones: Map<string, ICAL.Timezone>
  zoneFormats: Map<string, Intl.DateTimeFormat | null>
  /** Recurrence candidates ical.js may still try in this file (NOTE: decremented as series expand). */
  recurrenceBudget: number
}

/**
 * Reads an ICS file (ours, Outlook's, Google's) into tasks for a preview; the plan is not touched.
 *
 * - All-day events stay all-day with their exclusive end (no DTEND: one day). Timed events become
 *   Vietnam wall-clock times: UTC and TZID times are converted (TZID through the file's VTIMEZONE, or
 *   the IANA zone of that name), floating times are taken as written.
 * - Ids: our own UID `${id}@election-campaign-planner` gives back the task id, so a re-import updates
 *   the task; any other UID gives `ics-<hash of the UID>`, the same on every import of that event.
 * - A task the plan already has keeps what ICS can't carry (units, quantity, training, source) and its
 *   anchor (re-anchored to the new start); `updatedAt` becomes `now` only if something changed.
 * - A recurring event whose rule the plan can hold (see `readRecurrence`) becomes one recurring task:
 *   EXDATEs and RECURRENCE-ID events become its cancelled and moved occurrences (`attachOverrides`).
 *   Any other rule is expanded: each occurrence becomes its own task `${id}-${YYYYMMDD}` (at most 366,
 *   within 2 years of the first), EXDATEs are left out and a RECURRENCE-ID override replaces its
 *   occurrence (RDATE is not read); `expandedSeries` lists those events.
 * - Our own milestone events are counted, not imported.
 *
 * Never throws; every task passes through `restoreTask`.
 */
export function parseIcs(text: string, plan: Plan, now: number): ParseIcsResult {
  try {
    const channelsByName = new Map<string, string>()
    // Filled backwards so the first channel of a name wins, Vietnamese names last so they win over
    // another channel's identical English name.
    for (const channel of [...plan.channels].reverse()) channelsByName.set(channelKey(channel.nameEn), channel.id)
    for (const channel of [...plan.channels].reverse()) channelsByName.set(channelKey(channel.name), channel.id)
    channelsByName.delete('')
    return readCalendar(text, {
      plan, now, channelsByName, fileZones: new Map(), zoneFormats: new Map(), recurrenceBudget: RECURRENCE_CANDIDATES_PER_FILE,
    })
  } catch {
    return { ok: false, error: 'notIcs' }
  }
}

function readCalendar(text: string, context: ParseContext): ParseIcsResult {
  if (exceedsUtf8Bytes(text, MAX_IMPORT_BYTES)) return { ok: false, error: 'tooLarge' }
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') return { ok: false, error: 'empty' }
  const structure = splitCalendar(body)
  if (structure === null) return { ok: false, error: 'notIcs' }
  if (structure.events.length === 0) return { ok: false, error: 'empty' }

  readZones(structure.timezones, context)
  const readings = structure.events.map((block): EventReading =>
    block.complete ? readEventBlock(block.text, context) : { kind: 'skip', reason: 'unreadable' })
  const absorbed = attachOverrides(readings)
  const skipped: IcsSkipped[] = []
  const singles = new Map<string, { task: Task; index: number }>()
  const overrides = new Map<string, { task: Task; index: number }>()
  const occurrences = new Map<string, { task: Task; index: number }>()
  const expandedSeries: number[] = []
  let ignoredMilestones = 0

  readings.forEach((reading, index) => {
    if (reading.kind === 'milestone') {
      ignoredMilestones += 1
      return
    }
    if (reading.kind === 'skip') {
      skipped.push({ index, reason: reading.reason })
      return
    }
    if (reading.problem !== null) skipped.push({ index, reason: reading.problem })
    if (reading.events.length === 0) return
    if (reading.isSeries) expandedSeries.push(index)
    const target = reading.isOverride ? overrides : reading.isSeries ? occurrences : singles
    // Singles (and series kept whole) and expanded occurrences share one id space; an override may
    // replace an occurrence.
    const rival = reading.isOverride ? null : reading.isSeries ? singles : occurrences
    let duplicate = false
    for (const fields of reading.events) {
      if (absorbed.has(fields)) continue
      const task = toTask(fields, context)
      if (task === null) {
        skipped.push({ index, reason: 'badDate' })
        return
      }
      if (target.has(task.id) || rival?.has(task.id)) {
        duplicate = true
        continue
      }
      target.set(task.id, { task, index })
    }
    if (duplicate) skipped.push({ index, reason: 'duplicate' })
  })

  // An override (RECURRENCE-ID) replaces the occurrence it moves, whichever comes first in the file.
  const byId = new Map<string, { task: Task; index: number }>([...occurrences, ...singles, ...overrides])
  const tasks = [...byId.values()].sort((a, b) => a.index - b.index).map((entry) => entry.task)
  return { ok: true, tasks, skipped, recurringExpanded: expandedSeries.length, expandedSeries, ignoredMilestones }
}

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
function attachOverrides(readings: readonly EventReading[]): Set<EventFields> {
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

interface CalendarStructure {
  timezones: string[]
  events: { text: string; complete: boolean }[]
}

/**
 * Cuts the calendar into VTIMEZONE and VEVENT blocks by their BEGIN/END lines, so that each event is
 * parsed on its own: one broken line costs that event only, not the whole file. Null when the text
 * does not start as a VCALENDAR or never ends one (a truncated file, or another format).
 */
function splitCalendar(body: string): CalendarStructure | null {
  const lines = body.replace(/\r\n?/g, '\n').replace(/\n[ \t]/g, '').split('\n')
  const firstLine = lines.find((line) => line.trim() !== '')
  if (firstLine === undefined || !/^BEGIN:VCALENDAR$/i.test(firstLine.trim())) return null
  if (!lines.some((line) => /^END:VCALENDAR$/i.test(line.trim()))) return null

  const structure: CalendarStructure = { timezones: [], events: [] }
  let current: { kind: 'vevent' | 'vtimezone'; lines: string[] } | null = null
  const close = (complete: boolean) => {
    if (current === null) return
    const text = current.lines.join('\r\n')
    if (current.kind === 'vevent') structure.events.push({ text, complete })
    else if (complete) structure.timezones.push(text)
    current = null
  }
  for (const line of lines) {
    const marker = /^(BEGIN|END):(VEVENT|VTIMEZONE|VCALENDAR)$/i.exec(line.trim())
    const verb = marker?.[1]?.toUpperCase()
    const kind = marker?.[2]?.toLowerCase()
    if (verb === 'BEGIN' && (kind === 'vevent' || kind === 'vtimezone')) {
      close(false) // a BEGIN inside an open block: that block never ended
      current = { kind, lines: [line] }
    } else if (verb === 'END' && current !== null && kind === current.kind) {
      current.lines.push(line)
      close(true)
    } else if (marker) {
      close(false)
    } else if (current !== null) {
      current.lines.push(line)
    }
  }
  close(false)
  return structure
}

/**
 * Each VTIMEZONE becomes one ical.js Timezone shared by all events. ical.js would otherwise build a
 * new one per event and expand it from its DTSTART: Outlook's start in 1601, which costs ~10 ms each.
 * NOTE: fills `context.fileZones`.
 */
function readZones(blocks: readonly string[], context: ParseContext): void {
  let observancesLeft = MAX_ZONE_OBSERVANCES_PER_FILE
  for (const block of blocks) {
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

function wrapInCalendar(blocks: readonly string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', ...blocks, 'END:VCALENDAR', ''].join('\r\n')
}

function readEventBlock(text: string, context: ParseContext): EventReading {
  let vevent: IcalComponent | null
  try {
    vevent = new ICAL.Component(ICAL.parse(wrapInCalendar([text]))).getFirstSubcomponent('vevent')
  } catch {
    return { kind: 'skip', reason: 'unreadable' }
  }
  if (vevent === null) return { kind: 'skip', reason: 'unreadable' }
  try {
    return readEvent(vevent, context)
  } catch {
    return { kind: 'skip', reason: 'unreadable' } // a value ical.js could not decode
  }
}

function readEvent(vevent: IcalComponent, context: ParseContext): EventReading {
  const uid = textValue(vevent, 'uid')
  if (isOwnMilestone(uid, vevent)) return { kind: 'milestone' }

  const startProp = vevent.getFirstProperty('dtstart')
  if (startProp === null) return { kind: 'skip', reason: 'noStart' }
  const start = readTime(startProp, context)
  if (start === null) return { kind: 'skip', reason: 'badDate' }
  const startBound = toBound(start, startProp, context)
  if (startBound === null) return { kind: 'skip', reason: 'badDate' }

  const end = readEnd(vevent, start, startProp, context)
  if (end === 'bad') return { kind: 'skip', reason: 'badDate' }
  const allDay = start.isDate
  let endBound = end ?? (allDay ? addDays(startBound, 1) : startBound)
  if (endBound < startBound) return { kind: 'skip', reason: 'endBeforeStart' }
  // An all-day event must cover a day; some writers put DTEND = DTSTART for a one-day event.
  if (allDay && endBound === startBound) endBound = addDays(startBound, 1)

  const isOwn = uid !== null && uid.endsWith(UID_SUFFIX) && uid.length > UID_SUFFIX.length
  const baseId = isOwn && uid !== null ? uid.slice(0, -UID_SUFFIX.length) : `ics-${hash53(uid ?? `${textValue(vevent, 'summary') ?? ''}|${startBound}`)}`
  const ownStatus = xTextValue(vevent, X_STATUS)
  const base: EventFields = {
    id: baseId,
    title: Array.from((textValue(vevent, 'summary') ?? '').trim()).slice(0, TITLE_MAX_LENGTH).join('').trim(),
    allDay,
    start: startBound,
    end: endBound,
    location: textValue(vevent, 'location') ?? '',
    description: isOwn ? xTextValue(vevent, X_DESCRIPTION) : textValue(vevent, 'description') ?? '',
    descriptionText: textValue(vevent, 'description') ?? '',
    ownStatus: isOwn && isTaskStatus(ownStatus) ? ownStatus : null,
    cancelled: (textValue(vevent, 'status') ?? '').trim().toUpperCase() === 'CANCELLED',
    categories: vevent.getAllProperties('categories').flatMap((prop) => prop.getValues()).filter((v): v is string => typeof v === 'string'),
    recurrence: null,
    override: null,
  }

  const recurrenceIdProp = vevent.getFirstProperty('recurrence-id')
  if (recurrenceIdProp !== null) {
    const recurrenceId = readTime(recurrenceIdProp, context)
    const original = recurrenceId === null ? null : toBound(recurrenceId, recurrenceIdProp, context)
    if (original === null) return { kind: 'skip', reason: 'badDate' }
    const override = { seriesId: baseId, original }
    return { kind: 'events', events: [{ ...base, id: occurrenceId(baseId, original), override }], isOverride: true, isSeries: false, problem: null }
  }

  const ruleProp = vevent.getFirstProperty('rrule')
  if (ruleProp === null) return { kind: 'events', events: [base], isOverride: false, isSeries: false, problem: null }
  const recurrence = readRecurrence(vevent, ruleProp, start, startProp, base, context)
  if (recurrence !== null) return { kind: 'events', events: [{ ...base, recurrence }], isOverride: false, isSeries: false, problem: null }
  return expandSeries(vevent, ruleProp, start, startProp, base, context)
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
function readRecurrence(
  vevent: IcalComponent, ruleProp: IcalProperty, start: IcalTime, startProp: IcalProperty, base: EventFields, context: ParseContext,
): TaskRecurrence | null {
  const rule = ruleProp.getFirstValue()
  if (!(rule instanceof ICAL.Recur) || vevent.getAllProperties('rrule').length > 1 || vevent.getFirstProperty('rdate') !== null) return null
  if (rule.freq !== 'DAILY' && rule.freq !== 'WEEKLY') return null
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

/** UNTIL as the last Vietnam date an occurrence may start on (a floating date-time as written). */
function untilDate(until: IcalTime): LocalDate | null {
  const date = `${pad(until.year, 4)}-${pad(until.month)}-${pad(until.day)}`
  if (!isValidLocalDate(date)) return null
  if (until.isDate || until.zone !== ICAL.Timezone.utcTimezone) return date
  const minutes = Math.floor(Date.UTC(until.year, until.month - 1, until.day, until.hour, until.minute) / MS_PER_MINUTE)
  return datePart(fromMinuteNumber(minutes + VIETNAM_OFFSET_MINUTES))
}

function isSameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i])
}

/**
 * One task per occurrence, for a rule the plan can't hold. The iterator steps in the event's own zone,
 * so a weekly 14:00 meeting in Berlin stays 14:00 Berlin across DST; each occurrence is then converted
 * to Vietnam time on its own, and keeps the length of the first one.
 */
function expandSeries(
  vevent: IcalComponent, ruleProp: IcalProperty, start: IcalTime, startProp: IcalProperty, base: EventFields, context: ParseContext,
): EventReading {
  const rule = ruleProp.getFirstValue()
  if (!(rule instanceof ICAL.Recur)) return { kind: 'skip', reason: 'badRecurrence' }
  const length = base.allDay ? diffDays(base.start, base.end) : toMinuteNumber(base.end) - toMinuteNumber(base.start)
  const windowEnd = shiftYears(base.start, RECURRENCE_WINDOW_YEARS)
  const excluded = excludedBounds(vevent, context)
  // A DATE in EXDATE drops the whole day; in an all-day series any EXDATE does.
  const excludedDays = new Set([...excluded].filter((b) => base.allDay || b.length === 10).map(datePart))

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

/**
 * Caps the candidates ical.js may try in this iterator, per event and per file; the returned function
 * tells which cap was hit, if any. NOTE: replaces the method on this iterator only; returning true
 * ends ical.js's inner search loop, so the occurrence it then returns must be ignored.
 */
function capIterator(iterator: ICAL.RecurIterator, context: ParseContext): () => 'event' | 'file' | null {
  let left = Math.min(RECURRENCE_CANDIDATES_PER_EVENT, context.recurrenceBudget)
  let exhaustedBy: 'event' | 'file' | null = null
  const checkRules = iterator.check_contracting_rules.bind(iterator)
  iterator.check_contracting_rules = () => {
    left -= 1
    context.recurrenceBudget -= 1
    if (left > 0) return checkRules()
    exhaustedBy ??= context.recurrenceBudget <= 0 ? 'file' : 'event'
    return true
  }
  return () => exhaustedBy
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

function occurrenceId(baseId: string, bound: string): string {
  return `${baseId}-${bound.slice(0, 4)}${bound.slice(5, 7)}${bound.slice(8, 10)}`
}

function shiftYears(bound: string, years: number): string {
  const year = String(Number(bound.slice(0, 4)) + years).padStart(4, '0')
  const monthDay = bound.slice(4, 10)
  // 29 February + 2 years is 1 March.
  return (monthDay === '-02-29' ? `${year}-03-01` : year + monthDay) + bound.slice(10)
}

/**
 * The event's end bound, null when it has neither DTEND nor DURATION, 'bad' when what it has can't be
 * read. A DATE start with a DATE-TIME end (or the reverse) is read on the start's terms.
 */
function readEnd(vevent: IcalComponent, start: IcalTime, startProp: IcalProperty, context: ParseContext): string | null | 'bad' {
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
  const end = start.clone()
  end.addDuration(duration)
  return toBound(end, startProp, context) ?? 'bad'
}

/** The property's value as a time, null when it is not one or its raw text is not a real date. */
function readTime(prop: IcalProperty, context: ParseContext): IcalTime | null {
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
function withFileZone(time: IcalTime, prop: IcalProperty, context: ParseContext): IcalTime {
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
function toBound(time: IcalTime, prop: IcalProperty, context: ParseContext): string | null {
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

function textValue(component: IcalComponent, name: string): string | null {
  const value = component.getFirstPropertyValue(name)
  return typeof value === 'string' ? value : null
}

/** ical.js hands X- properties back raw (their type is unknown to it): unescape them as TEXT. */
function xTextValue(component: IcalComponent, name: string): string | null {
  const raw = textValue(component, name.toLowerCase())
  return raw === null ? null : raw.replace(/\\([\\;,nN])/g, (_match, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch))
}

function isOwnMilestone(uid: string | null, vevent: IcalComponent): boolean {
  if (vevent.getFirstProperty(X_MILESTONE.toLowerCase()) !== null) return true
  return uid !== null && uid.startsWith('milestone-') && uid.endsWith(UID_SUFFIX)
}

function isTaskStatus(value: unknown): value is TaskStatus {
  return typeof value === 'string' && (TASK_STATUSES as readonly string[]).includes(value)
}

/** The event as a task, merged over the plan's task of the same id; null if restore refuses it. */
function toTask(fields: EventFields, context: ParseContext): Task | null {
  const { plan, now } = context
  const existing = Object.hasOwn(plan.tasks, fields.id) ? plan.tasks[fields.id] : undefined
  const status: TaskStatus = fields.ownStatus
    ?? (fields.cancelled ? 'cancelled' : existing && existing.status !== 'cancelled' ? existing.status : 'planned')
  const candidate = {
    // Absent fields (units, quantity, training…) get restore's defaults for a new task.
    ...(existing ?? { createdAt: now }),
    id: fields.id,
    title: fields.title,
    allDay: fields.allDay,
    start: fields.start,
    end: fields.end,
    anchor: existing ? reanchor(existing.anchor, fields.start, plan.election) : { type: 'fixed' },
    channelId: matchChannel(fields.categories, context.channelsByName) ?? existing?.channelId ?? null,
    location: fields.location,
    description: fields.description ?? existing?.description ?? fields.descriptionText,
    status,
    // The file's rule: an event without RRULE is a single task, whatever the plan had.
    recurrence: fields.recurrence,
    updatedAt: existing?.updatedAt ?? now,
  }
  const task = restoreTask(candidate)
  if (task === null) return null
  // Restamp only what the file changed, so a merge counts an unchanged re-import as unchanged.
  if (existing && !changesTask(task, existing)) return task
  return { ...task, updatedAt: now }
}

/** True when a field an event carries differs (the others were copied from `existing`). */
function changesTask(task: Task, existing: Task): boolean {
  return task.title !== existing.title || task.allDay !== existing.allDay || task.start !== existing.start
    || task.end !== existing.end || task.location !== existing.location || task.description !== existing.description
    || task.status !== existing.status || task.channelId !== existing.channelId
    || JSON.stringify(task.anchor) !== JSON.stringify(existing.anchor)
    || !isSameRecurrence(task.recurrence, existing.recurrence)
}

function isSameRecurrence(a: TaskRecurrence | null, b: TaskRecurrence | null): boolean {
  // A task saved before recurrence existed may have no `recurrence` at all.
  if (!a || !b) return !a && !b
  // Key order of `exceptions` and `weekdays` is not meaning.
  const canonical = (r: TaskRecurrence) => JSON.stringify({
    ...r, weekdays: [...r.weekdays].sort(), exceptions: Object.entries(r.exceptions).sort(([x], [y]) => (x < y ? -1 : 1)),
  })
  return canonical(a) === canonical(b)
}

function matchChannel(categories: readonly string[], channelsByName: ReadonlyMap<string, string>): string | null {
  for (const category of categories) {
    const id = channelsByName.get(channelKey(category))
    if (id !== undefined) return id
  }
  return null
}

function channelKey(name: string): string {
  return name.trim().toLowerCase()
}

/** cyrb53: a fast 53-bit string hash, enough to keep thousands of UIDs apart. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

/** Whether the text takes more than `limit` bytes as UTF-8, counted without encoding a 20 MB copy. */
function exceedsUtf8Bytes(text: string, limit: number): boolean {
  if (text.length > limit) return true // every UTF-16 unit takes at least one byte
  if (text.length * 3 <= limit) return false // and at most three (a surrogate pair: four for two)
  let bytes = 0
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4
      i += 1
    } else bytes += 3
  }
  return bytes > limit
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}
