/**
 * Plan → the timeline's bars. The tasks come from the month index for the visible range only (the
 * same index and `keep` predicate as the calendar), one bar per task or occurrence in its row, and,
 * when asked, a lighter "support" bar in each supporting unit's row.
 *
 * FullCalendar's timeline renders every event it is given as DOM, hidden ones included (it has no
 * virtual rendering; `eventMaxStack` only hides them). So a crowded range is thinned here: each row
 * keeps a few lanes of bars and the rest become one "+N" marker per run of hidden bars, the way the
 * month view caps its days. Timed tasks are drawn as whole days: an hour is a sliver on a day scale.
 */
import type { EventInput } from '@fullcalendar/core'
import { addDays, datePart, diffDays, fromDayNumber, shiftByDays, toDayNumber } from '@/domain/dates/local-date'
import { queryOccurrences, type TaskIndex } from '@/domain/plan/task-index'
import { lastDay } from '@/domain/plan/task-dates'
import { occurrenceKey, type TaskOccurrence } from '@/domain/plan/recurrence'
import { isTaskLate } from '@/domain/plan/task-progress'
import { milestoneOffsetLabel, type Milestone } from '@/domain/rules/milestones'
import type { Phase, Task } from '@/domain/types'
import { readableTextColor } from '@/domain/colors/readable-text'
import { NO_CHANNEL_COLOR } from '@/domain/colors/task-colors'
import { SCHEDULE_ROW_ID, type RowMode } from '@/features/timeline/utils/timeline-rows'

/** Above this many bars in the range, rows are thinned to a few lanes and "+N" markers. */
export const TIMELINE_CAP_THRESHOLD = 300

export type TimelineEventKind = 'task' | 'more' | 'more-strip' | 'phase' | 'milestone'

/** What a task bar carries for the drag handlers. */
export interface TaskBarProps {
  kind: 'task'
  taskId: string
  /** The rule date of an occurrence of a series; null for a task of its own. */
  occurrenceDate: string | null
  /** The bounds of what the bar shows, in the plan's format (a timed task keeps its hours on a move). */
  start: string
  end: string
  allDay: boolean
  /** A supporting unit's copy of the bar: read-only. */
  support: boolean
}

/**
 * A bar before it is an event: the occurrence, its row and its days. A crowded range has thousands
 * of these and shows a few hundred, so the event objects are only made for the bars shown.
 */
export interface Bar {
  occurrence: Pick<TaskOccurrence, 'task' | 'start' | 'end' | 'recurring' | 'occurrenceDate'>
  row: string
  /** Day numbers of the first day and of the exclusive end. */
  from: number
  to: number
  /** A supporting unit's copy. */
  support: boolean
}

export interface BarOptions {
  mode: RowMode
  showSupport: boolean
  today: string
  colors: ReadonlyMap<string, string>
  /** Maps a lead unit or channel id to the row it is shown in (unknown ids → the "none" row). */
  rowOf: (id: string | null) => string
  supportLabel: string
}

/** An occurrence in the range with its days, before it is given a row (the same for both kinds of rows). */
export interface OccurrenceSpan {
  occurrence: Bar['occurrence']
  from: number
  to: number
}

/**
 * The occurrences of the tasks touching [start, end), series expanded, filtered by `keep`, with
 * their day numbers: the part of the bars that does not depend on the rows, so a switch of rows
 * (units ↔ channels) reuses it and only assigns rows again.
 */
export function occurrenceSpans(index: TaskIndex, range: { start: string; end: string }, keep?: (task: Task) => boolean): OccurrenceSpan[] {
  return queryOccurrences(index, range.start, range.end, keep).map((o) => ({
    occurrence: o,
    from: toDayNumber(datePart(o.start)),
    to: toDayNumber(lastDay({ start: o.start, end: o.end, allDay: o.task.allDay })) + 1,
  }))
}

/** The bars of the spans in their rows (and, when asked, a support bar in each supporting unit's row). */
export function barsOfSpans(spans: readonly OccurrenceSpan[], options: Pick<BarOptions, 'mode' | 'showSupport' | 'rowOf'>): Bar[] {
  const bars: Bar[] = []
  const byUnits = options.mode === 'units'
  for (const { occurrence: o, from, to } of spans) {
    const task = o.task
    const row = options.rowOf(byUnits ? task.leadUnitId : task.channelId)
    bars.push({ occurrence: o, row, from, to, support: false })
    if (options.showSupport && byUnits && task.supportUnitIds.length > 0) {
      for (const unitId of new Set(task.supportUnitIds)) {
        const supportRow = options.rowOf(unitId)
        if (supportRow !== row && supportRow === unitId) bars.push({ occurrence: o, row: supportRow, from, to, support: true })
      }
    }
  }
  return bars
}

/** The bars of the tasks touching [start, end), series expanded, filtered by `keep`. */
export function taskBars(index: TaskIndex, range: { start: string; end: string }, options: Pick<BarOptions, 'mode' | 'showSupport' | 'rowOf'>, keep?: (task: Task) => boolean): Bar[] {
  return barsOfSpans(occurrenceSpans(index, range, keep), options)
}

/** The FullCalendar event of a bar: in its row, in its channel's colour, marked late, done, cancelled or support. */
export function barEvent(bar: Bar, options: Pick<BarOptions, 'today' | 'colors' | 'supportLabel'>): EventInput {
  const { task, start, end, recurring } = bar.occurrence
  const occurrenceDate = recurring ? bar.occurrence.occurrenceDate : null
  const key = occurrenceDate === null ? task.id : occurrenceKey(task.id, occurrenceDate)
  const color = (task.channelId && options.colors.get(task.channelId)) || NO_CHANNEL_COLOR
  const classNames = ['task-bar']
  if (task.status === 'done') classNames.push('is-done')
  if (task.status === 'cancelled') classNames.push('is-cancelled')
  if (occurrenceDate !== null) classNames.push('is-occurrence')
  if (isTaskLate(task, options.today)) classNames.push('is-late')
  if (bar.support) classNames.push('is-support')
  const props: TaskBarProps = { kind: 'task', taskId: task.id, occurrenceDate, start, end, allDay: task.allDay, support: bar.support }
  return {
    id: bar.support ? `${key}~${bar.row}` : key,
    resourceId: bar.row,
    title: bar.support ? `${options.supportLabel}: ${task.title}` : task.title,
    start: fromDayNumber(bar.from),
    end: fromDayNumber(bar.to),
    allDay: true,
    backgroundColor: color,
    borderColor: color,
    textColor: readableTextColor(color),
    classNames,
    order: 0,
    // A supporting unit's copy is read-only; a timed task keeps its hours (moved by whole days, not
    // resized); an occurrence moves alone, its unit and channel are the series'.
    ...(bar.support ? { editable: false } : { durationEditable: task.allDay, resourceEditable: occurrenceDate === null }),
    extendedProps: props,
  }
}

/** How a row is thinned: at most `lanes` lanes, each bar taking at least `minDays` of its lane. */
export interface RowCap {
  lanes: number
  minDays: number
  /** Hidden bars are counted per day (1) or per Monday-first week (7): one "+N" marker each. */
  markerDays: 1 | 7
}

export interface CappedBars {
  shown: Bar[]
  /** One "+N" marker per day or week of a row with hidden bars. */
  markers: EventInput[]
}

/** The day number of the Monday on or before `day` (day 0, 1970-01-01, was a Thursday). */
const mondayOf = (day: number): number => day - ((((day + 3) % 7) + 7) % 7)

/**
 * Keeps, per row, the bars that fit in `cap.lanes` lanes (earlier first, then longer first, as
 * FullCalendar stacks them) and counts the hidden ones per day or week of the row: one "+N" marker
 * for each, like the month view's "+N" per day. `minDays` stands for a bar's least width on screen:
 * a one-day bar on the whole-campaign scale is a few pixels wide, and lanes filled with those would
 * still be thousands of elements.
 */
export function capRows(
  bars: readonly Bar[], cap: RowCap, moreLabel: (n: number) => string, moreTitle: (n: number) => string, range?: { from: number; to: number },
): CappedBars {
  const byRow = new Map<string, Bar[]>()
  for (const bar of bars) {
    let list = byRow.get(bar.row)
    if (!list) byRow.set(bar.row, (list = []))
    list.push(bar)
  }
  const shown: Bar[] = []
  const markers: EventInput[] = []
  for (const [row, list] of byRow) {
    // Ties by task id: stable, and no locale comparison over thousands of bars.
    list.sort((a, b) => a.from - b.from || b.to - a.to || (a.occurrence.task.id < b.occurrence.task.id ? -1 : a.occurrence.task.id > b.occurrence.task.id ? 1 : 0))
    const laneEnds: number[] = []
    const hidden = new Map<number, number>()
    for (const bar of list) {
      const reach = Math.max(bar.to, bar.from + cap.minDays)
      const lane = laneEnds.findIndex((end) => end <= bar.from)
      if (lane >= 0) laneEnds[lane] = reach
      else if (laneEnds.length < cap.lanes) laneEnds.push(reach)
      else {
        const first = cap.markerDays === 7 ? mondayOf(bar.from) : bar.from
        for (let bucket = first; bucket < bar.to; bucket += cap.markerDays) hidden.set(bucket, (hidden.get(bucket) ?? 0) + 1)
        continue
      }
      shown.push(bar)
    }
    for (const [bucket, count] of hidden) {
      // A week cut by the range's edge is drawn as its days inside the range (no room lost to arrows).
      const from = range ? Math.max(bucket, range.from) : bucket
      const to = range ? Math.min(bucket + cap.markerDays, range.to) : bucket + cap.markerDays
      if (from < to) markers.push(moreMarker(row, from, to, count, moreLabel, moreTitle))
    }
  }
  return { shown, markers }
}

function moreMarker(row: string, from: number, to: number, count: number, label: (n: number) => string, title: (n: number) => string): EventInput {
  const start = fromDayNumber(from)
  return {
    id: `more~${row}~${start}`,
    resourceId: row,
    start,
    end: fromDayNumber(to),
    allDay: true,
    title: label(count),
    editable: false,
    backgroundColor: '#eef2f6',
    borderColor: '#c9d2dc',
    textColor: '#1f2328',
    classNames: ['timeline-more'],
    // Below the bars of its row (eventOrder sorts by `order` first; bars have 0).
    order: 1,
    extendedProps: { kind: 'more' satisfies TimelineEventKind, count, start, label: title(count) },
  }
}

/** One "+N" marker of a row's strip: its days and what it says. */
export interface MoreItem {
  start: string
  end: string
  count: number
  /** "+N" */
  text: string
  /** What the marker's tooltip says (how many tasks are hidden there). */
  label: string
}

/** What a row's strip of "+N" markers carries: its markers, each placed by its days within [start, end). */
export interface MoreStripProps {
  kind: 'more-strip'
  start: string
  end: string
  items: MoreItem[]
}

/**
 * A row's "+N" markers as one event across the whole range, each marker drawn inside it at its
 * days (timeline-view.tsx). FullCalendar builds, measures and stacks every event it is given
 * (~1 ms each at 10,000 tasks): a row of a crowded month has five weekly markers, a strip is one
 * event instead of five, and it takes a lane of its own under the row's bars.
 */
export function moreStrips(markers: readonly EventInput[], range: { start: string; end: string }): EventInput[] {
  const byRow = new Map<string, MoreItem[]>()
  for (const marker of markers) {
    const row = String(marker.resourceId)
    let items = byRow.get(row)
    if (!items) byRow.set(row, (items = []))
    const props = marker.extendedProps as { count: number; label: string }
    items.push({ start: String(marker.start), end: String(marker.end), count: props.count, text: String(marker.title), label: props.label })
  }
  return [...byRow].map(([row, items]) => ({
    id: `more~${row}`,
    resourceId: row,
    start: range.start,
    end: range.end,
    allDay: true,
    title: items.map((item) => item.text).join(' '),
    editable: false,
    backgroundColor: 'transparent',
    borderColor: 'transparent',
    textColor: '#1f2328',
    classNames: ['timeline-more-strip'],
    // Below the bars of its row (eventOrder sorts by `order` first; bars have 0).
    order: 1,
    extendedProps: { kind: 'more-strip', start: range.start, end: range.end, items: items.sort((a, b) => (a.start < b.start ? -1 : 1)) } satisfies MoreStripProps,
  }))
}

/** The events of all bars, thinned only when the range is crowded (then with a "+N" strip per row). */
export function timelineEvents(
  bars: readonly Bar[], cap: RowCap, options: Pick<BarOptions, 'today' | 'colors' | 'supportLabel'>,
  moreLabel: (n: number) => string, moreTitle: (n: number) => string, range?: { start: string; end: string },
): EventInput[] {
  if (bars.length <= TIMELINE_CAP_THRESHOLD) return bars.map((bar) => barEvent(bar, options))
  const clip = range ? { from: toDayNumber(range.start), to: toDayNumber(range.end) } : undefined
  const { shown, markers } = capRows(bars, cap, moreLabel, moreTitle, clip)
  const events = shown.map((bar) => barEvent(bar, options))
  if (!range) return [...events, ...markers]
  return [...events, ...moreStrips(markers, range)]
}

/** Colours of the schedule row: phase bands as the calendar's (stronger), milestones as its flags. */
const PHASE_COLORS = ['#c5d4e8', '#f4c6c3', '#c9e0ca']
const MILESTONE_COLORS = { backgroundColor: '#ffffff', borderColor: '#8a1510', textColor: '#8a1510' }
const ELECTION_DAY_COLORS = { backgroundColor: '#da251d', borderColor: '#da251d', textColor: '#ffffff' }

/** The phases and the legal milestones as read-only bars in the schedule row (election day marked). */
export function scheduleEvents(phases: readonly Phase[], milestones: readonly Milestone[], language: 'vi' | 'en'): EventInput[] {
  const events: EventInput[] = phases.map((phase, i) => ({
    id: `phase~${phase.id}`,
    resourceId: SCHEDULE_ROW_ID,
    title: language === 'en' && phase.nameEn ? phase.nameEn : phase.name,
    start: phase.start,
    end: phase.end,
    allDay: true,
    editable: false,
    backgroundColor: PHASE_COLORS[i % 3],
    borderColor: PHASE_COLORS[i % 3],
    textColor: '#1f2328',
    classNames: ['schedule-phase'],
    order: -2,
    extendedProps: { kind: 'phase' satisfies TimelineEventKind },
  }))
  for (const m of milestones) {
    const name = language === 'en' ? m.nameEn : m.nameVi
    events.push({
      id: `milestone~${m.id}`,
      resourceId: SCHEDULE_ROW_ID,
      title: `${milestoneOffsetLabel(m)} · ${name}`,
      start: m.date,
      end: addDays(m.endDate ?? m.date, 1),
      allDay: true,
      editable: false,
      ...(m.id === 'election-day' ? ELECTION_DAY_COLORS : MILESTONE_COLORS),
      classNames: ['schedule-milestone', ...(m.id === 'election-day' ? ['is-election-day'] : [])],
      order: -1,
      extendedProps: { kind: 'milestone' satisfies TimelineEventKind },
    })
  }
  return events
}

/** The day classes behind every row: phase bands, milestone days, election day. */
export function dayClasses(phases: readonly Phase[], milestones: readonly Milestone[], range: { start: string; end: string }): Map<string, string[]> {
  const classes = new Map<string, string[]>()
  const add = (day: string, name: string) => {
    const list = classes.get(day)
    if (list) list.push(name)
    else classes.set(day, [name])
  }
  phases.forEach((phase, i) => {
    const from = phase.start > range.start ? phase.start : range.start
    const to = phase.end < range.end ? phase.end : range.end
    for (let day = from; day < to; day = addDays(day, 1)) add(day, `phase-band-${i % 3}`)
  })
  for (const m of milestones) {
    for (let day = m.date, last = m.endDate ?? m.date; day <= last; day = addDays(day, 1)) {
      if (day >= range.start && day < range.end) add(day, m.id === 'election-day' ? 'is-election-day' : 'is-milestone')
    }
  }
  return classes
}

/**
 * What a drop or resize asks the store for: an all-day bar's new days as they are; a timed task's
 * hours moved by the whole days its bar moved (its length kept).
 */
export function barMove(bar: Pick<TaskBarProps, 'start' | 'end' | 'allDay'>, newStart: string, newEndExclusive: string | null): { start: string; end: string | null; allDay: boolean } {
  if (bar.allDay) return { start: newStart, end: newEndExclusive, allDay: true }
  const days = diffDays(datePart(bar.start), newStart)
  return { start: shiftByDays(bar.start, days), end: shiftByDays(bar.end, days), allDay: false }
}
