/**
 * ICS import (`parseIcs`): events from our own files, Outlook's and Google's read back as tasks for a
 * preview. The file is cut into events first (ics-blocks.ts) and each event parsed by ical.js on its
 * own; times become Vietnam wall-clock bounds (ics-temporal.ts) and recurring events one series or
 * one task per occurrence (ics-recurrence-import.ts). Why ical.js: ics-file.ts.
 */
import ICAL from 'ical.js'
import { addDays } from '@/domain/dates/local-date'
import { reanchor, reanchorEnd } from '@/domain/plan/anchors'
import { safeKey } from '@/domain/plan/ids'
import { restoreTask } from '@/domain/plan/restore-plan'
import { LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH, TITLE_MAX_LENGTH } from '@/domain/plan/validate-task'
import { TASK_STATUSES, type Plan, type Task, type TaskRecurrence, type TaskStatus } from '@/domain/types'
import { exceedsUtf8Bytes, MAX_IMPORT_BYTES, MAX_IMPORT_EVENTS } from '@/io/import-limits'
import { countEventLines, splitCalendar, wrapInCalendar } from '@/io/ics/ics-blocks'
import { UID_SUFFIX, X_DESCRIPTION, X_MILESTONE, X_STATUS } from '@/io/ics/ics-file'
import type { EventFields, EventReading, IcalComponent, ParseContext } from '@/io/ics/ics-import-model'
import { attachOverrides, expandSeries, occurrenceId, readRecurrence } from '@/io/ics/ics-recurrence-import'
import { RECURRENCE_CANDIDATES_PER_FILE } from '@/io/ics/ics-recurrence-budget'
import { readEnd, readTime, readZones, toBound } from '@/io/ics/ics-temporal'

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
 * - tooManyExceptions: the event was imported, but its EXDATE values beyond the limits (1,000 per
 *   event, 20,000 per file; see ics-blocks.ts) were not read, so those occurrences are not cancelled;
 * - textTooLong: the event was imported, but its title, description or place was cut to what a task
 *   holds (200, 10,000 and 500 characters);
 * - duplicate: a second event with the same UID (and occurrence), the first one was kept.
 */
export type IcsSkipReason =
  | 'unreadable'
  | 'noStart'
  | 'badDate'
  | 'endBeforeStart'
  | 'badRecurrence'
  | 'tooManyOccurrences'
  | 'tooManyExceptions'
  | 'textTooLong'
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
  /** More VEVENTs than `limit` (MAX_IMPORT_EVENTS): refused before any was parsed. */
  | { ok: false; error: 'tooManyEvents'; count: number; limit: number }

export interface ParseIcsOptions {
  /**
   * Called as the import goes, at most every 500 steps and once at the end with `done === total`.
   * Each event is two steps (read, then made a task), so `total` is twice the number of events.
   */
  onProgress?: (done: number, total: number) => void
}

/** Steps between two progress reports. */
const PROGRESS_EVERY = 500
/** Longer than any id we write (`task-` and a UUID): such a UID is hashed like a foreign one. */
const MAX_OWN_ID_LENGTH = 256

/**
 * Reads an ICS file (ours, Outlook's, Google's) into tasks for a preview; the plan is not touched.
 *
 * - All-day events stay all-day with their exclusive end (no DTEND: one day). Timed events become
 *   Vietnam wall-clock times: UTC and TZID times are converted (TZID through the file's VTIMEZONE, or
 *   the IANA zone of that name), floating times are taken as written.
 * - Ids: our own UID `${id}@election-campaign-planner` gives back the task id, so a re-import updates
 *   the task (an id that must not be an object key, `__proto__`, is renamed as restore renames it);
 *   any other UID gives `ics-<hash of the UID>`, the same on every import of that event.
 * - A task the plan already has keeps what ICS can't carry (units, quantity, training, source) and its
 *   anchor (re-anchored to the new start); `updatedAt` becomes `now` only if something changed.
 * - A recurring event whose rule the plan can hold (see `readRecurrence`) becomes one recurring task:
 *   EXDATEs and RECURRENCE-ID events become its cancelled and moved occurrences (`attachOverrides`).
 *   Any other rule is expanded: each occurrence becomes its own task `${id}-${YYYYMMDD}` (at most 366,
 *   within 2 years of the first), EXDATEs are left out and a RECURRENCE-ID override replaces its
 *   occurrence (RDATE is not read); `expandedSeries` lists those events.
 * - Our own milestone events are counted, not imported.
 *
 * - A file of more than MAX_IMPORT_EVENTS events is refused before any is parsed.
 *
 * Never throws; every task passes through `restoreTask`.
 */
export function parseIcs(text: string, plan: Plan, now: number, options: ParseIcsOptions = {}): ParseIcsResult {
  try {
    const channelsByName = new Map<string, string>()
    // Filled backwards so the first channel of a name wins, Vietnamese names last so they win over
    // another channel's identical English name.
    for (const channel of [...plan.channels].reverse()) channelsByName.set(channelKey(channel.nameEn), channel.id)
    for (const channel of [...plan.channels].reverse()) channelsByName.set(channelKey(channel.name), channel.id)
    channelsByName.delete('')
    return readCalendar(text, {
      plan, now, channelsByName, fileZones: new Map(), zoneFormats: new Map(), recurrenceBudget: RECURRENCE_CANDIDATES_PER_FILE,
    }, options.onProgress)
  } catch {
    return { ok: false, error: 'notIcs' }
  }
}

function readCalendar(text: string, context: ParseContext, onProgress: ParseIcsOptions['onProgress']): ParseIcsResult {
  if (exceedsUtf8Bytes(text, MAX_IMPORT_BYTES)) return { ok: false, error: 'tooLarge' }
  const lineCount = countEventLines(text)
  if (lineCount > MAX_IMPORT_EVENTS) return { ok: false, error: 'tooManyEvents', count: lineCount, limit: MAX_IMPORT_EVENTS }
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') return { ok: false, error: 'empty' }
  const structure = splitCalendar(body)
  if (structure === null) return { ok: false, error: 'notIcs' }
  const count = structure.events.length
  if (count === 0) return { ok: false, error: 'empty' }
  // A BEGIN:VEVENT folded across lines escapes the quick count above.
  if (count > MAX_IMPORT_EVENTS) return { ok: false, error: 'tooManyEvents', count, limit: MAX_IMPORT_EVENTS }

  const total = count * 2
  let done = 0
  const step = () => {
    done += 1
    if (onProgress !== undefined && (done % PROGRESS_EVERY === 0 || done === total)) onProgress(done, total)
  }
  readZones(structure.timezones, context)
  const readings = structure.events.map((block): EventReading => {
    step()
    return block.complete ? readEventBlock(block.text, context) : { kind: 'skip', reason: 'unreadable' }
  })
  const absorbed = attachOverrides(readings)
  const skipped: IcsSkipped[] = []
  const singles = new Map<string, { task: Task; index: number }>()
  const overrides = new Map<string, { task: Task; index: number }>()
  const occurrences = new Map<string, { task: Task; index: number }>()
  const expandedSeries: number[] = []
  let ignoredMilestones = 0

  readings.forEach((reading, index) => {
    step()
    const block = structure.events[index]!
    if (reading.kind === 'events' && block.exdatesLeftOut) skipped.push({ index, reason: 'tooManyExceptions' })
    if (reading.kind === 'events' && (reading.textCut === true || block.textCut)) skipped.push({ index, reason: 'textTooLong' })
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

  const ownId = ownTaskId(uid)
  const isOwn = ownId !== null
  const baseId = ownId ?? `ics-${hash53(uid ?? `${textValue(vevent, 'summary') ?? ''}|${startBound}`)}`
  const ownStatus = xTextValue(vevent, X_STATUS)
  let textCut = false
  const bounded = (text: string | null, limit: number): string | null => {
    if (text === null || text.length <= limit) return text
    textCut = true
    return cutAt(text, limit)
  }
  const titleChars = Array.from((textValue(vevent, 'summary') ?? '').trim())
  if (titleChars.length > TITLE_MAX_LENGTH) textCut = true
  const base: EventFields = {
    id: baseId,
    title: titleChars.slice(0, TITLE_MAX_LENGTH).join('').trim(),
    allDay,
    start: startBound,
    end: endBound,
    location: bounded(textValue(vevent, 'location'), SHORT_TEXT_MAX_LENGTH) ?? '',
    description: bounded(isOwn ? xTextValue(vevent, X_DESCRIPTION) : textValue(vevent, 'description') ?? '', LONG_TEXT_MAX_LENGTH),
    descriptionText: bounded(textValue(vevent, 'description'), LONG_TEXT_MAX_LENGTH) ?? '',
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
    return { kind: 'events', events: [{ ...base, id: occurrenceId(baseId, original), override }], isOverride: true, isSeries: false, problem: null, textCut }
  }

  const ruleProp = vevent.getFirstProperty('rrule')
  if (ruleProp === null) return { kind: 'events', events: [base], isOverride: false, isSeries: false, problem: null, textCut }
  const recurrence = readRecurrence(vevent, ruleProp, start, startProp, base, context)
  if (recurrence !== null) return { kind: 'events', events: [{ ...base, recurrence }], isOverride: false, isSeries: false, problem: null, textCut }
  const expanded = expandSeries(vevent, ruleProp, start, startProp, base, context)
  return expanded.kind === 'events' ? { ...expanded, textCut } : expanded
}

/**
 * Our own UID gives back the task id; null when the UID is not ours, or is too long to be one we
 * wrote. An id that must not be an object key is renamed the way restore renames it, so the task a
 * restore renamed is the one a re-import updates.
 */
function ownTaskId(uid: string | null): string | null {
  if (uid === null || !uid.endsWith(UID_SUFFIX)) return null
  const id = uid.slice(0, -UID_SUFFIX.length)
  return id === '' || id.length > MAX_OWN_ID_LENGTH ? null : safeKey(id)
}

/** The text cut to `limit` UTF-16 units (what the task editor counts), never inside a surrogate pair. */
function cutAt(text: string, limit: number): string {
  const code = text.charCodeAt(limit - 1)
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit)
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
    // A moved end keeps its anchor with the new offset, or the next re-plan would snap it back;
    // an end the file did not move keeps its anchor as it is.
    endAnchor: existing && existing.end !== fields.end ? reanchorEnd(existing.endAnchor, fields.end, plan.election) : existing?.endAnchor ?? null,
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
