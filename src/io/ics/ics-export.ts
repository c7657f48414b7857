/**
 * ICS export (`serializeIcs`): the plan's tasks, and on request its legal milestones, as one calendar.
 * ical-generator writes each event; this module writes the calendar around them (see `frameCalendar`)
 * and the recurrence lines the library can't write in an all-day series' DATE form (see
 * `recurrenceLines`). Why these libraries, and what must never change: ics-file.ts.
 */
import ical, {
  escape as escapeIcsText,
  ICalEventStatus,
  ICalEventTransparency,
  type ICalCalendar,
  type ICalEvent,
  type ICalEventData,
} from 'ical-generator'
import { formatElectionOffset, offsetFromElectionDay } from '@/domain/dates/election-offset'
import type { Language } from '@/domain/dates/format-date'
import { addDays, datePart, fromMinuteNumber, isValidLocalDate, isValidLocalDateTime, toMinuteNumber } from '@/domain/dates/local-date'
import { isRecurring, MAX_OCCURRENCES, ruleDates, weekdayCode } from '@/domain/plan/recurrence'
import { LAW_LABELS } from '@/domain/rules/election-laws'
import { computeMilestones, type Milestone } from '@/domain/rules/milestones'
import {
  WEEKDAYS, type Channel, type LocalDate, type LocalDateTime, type Plan, type Task, type TaskRecurrence,
} from '@/domain/types'
import { PRODUCT_ID, UID_SUFFIX, X_DESCRIPTION, X_MILESTONE, X_STATUS } from '@/io/ics/ics-file'
import { cleanText, foldLines } from '@/io/ics/ics-folding'
import { PlainDate, PlainDateTime, VIETNAM_OFFSET_MINUTES, VIETNAM_TZID, VIETNAM_VTIMEZONE } from '@/io/ics/ics-time-zone'
import { STATUS_LABELS } from '@/io/schedule-table/status-text'

export const ICS_MIME_TYPE = 'text/calendar;charset=utf-8'

const SEQUENCE_EPOCH_MS = Date.UTC(2020, 0, 1)

export interface SerializeIcsOptions {
  /** The tasks to write (the caller's selection, e.g. the filtered view). */
  tasks: readonly Task[]
  includeMilestones: boolean
  language: Language
  /** Stamps events that have no `updatedAt` of their own (milestones, template tasks built at 0). */
  now: Date
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
 * benchmark plan, ~1 s even with a stand-in encoder), whereas our `foldLines` (ics-folding.ts) takes ~50 ms. The
 * header is what ical-generator writes (the golden test in ics-export.test.ts pins it).
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
    `${labels.status}: ${STATUS_LABELS[task.status]?.[context.language] ?? task.status}`,
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
