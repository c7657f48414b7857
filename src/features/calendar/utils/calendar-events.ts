/**
 * Plan → FullCalendar event inputs. Tasks come from the month index for the visible range only;
 * phases are background bands; legal milestones are read-only markers.
 */
import type { EventInput } from '@fullcalendar/core'
import { addDays, datePart, fromDayNumber, toDayNumber } from '@/domain/dates/local-date'
import { milestoneOffsetLabel, type Milestone } from '@/domain/rules/milestones'
import { queryOccurrences, type TaskIndex } from '@/domain/plan/task-index'
import { lastDay } from '@/domain/plan/task-dates'
import type { Holiday } from '@/domain/holidays/holidays'
import { occurrenceKey } from '@/domain/plan/recurrence'
import type { TaskPredicate } from '@/domain/filter/task-filter'
import type { Phase, Task } from '@/domain/types'
import { readableTextColor } from '@/domain/colors/readable-text'
import { NO_CHANNEL_COLOR } from '@/domain/colors/task-colors'

/** In the year view, above this many tasks per visible range we show one count per day instead. */
export const YEAR_VIEW_DETAIL_LIMIT = 300
/**
 * Above this many tasks in the visible range, month and week views show at most a few tasks per day
 * and one "+N" marker (a link to that day's list) instead of handing every task to FullCalendar,
 * which would lay out thousands of events only to fold most of them into "+N more".
 */
export const DAY_CAP_THRESHOLD = 300

export type EventKind = 'task' | 'phase' | 'milestone' | 'day-count' | 'day-more' | 'holiday'

export function taskToEvent(task: Task, channelColors: ReadonlyMap<string, string>): EventInput {
  const color = (task.channelId && channelColors.get(task.channelId)) || NO_CHANNEL_COLOR
  return {
    id: task.id,
    title: task.title,
    start: task.start,
    end: task.end,
    allDay: task.allDay,
    backgroundColor: color,
    borderColor: color,
    // A channel colour is the user's pick: black or white text, whichever reads (WCAG 4.5:1).
    textColor: readableTextColor(color),
    order: 0,
    classNames: task.status === 'cancelled' ? ['task-event', 'is-cancelled'] : task.status === 'done' ? ['task-event', 'is-done'] : ['task-event'],
    extendedProps: { kind: 'task' satisfies EventKind, taskId: task.id, occurrenceDate: null },
  }
}

/**
 * What the calendar shows of a task in a range: the task itself, or one item per occurrence of a
 * recurring task (each with its own dates and an id of its own, `taskId@date`).
 */
export interface CalendarItem {
  task: Task
  /** The event id: the task id, or the occurrence key for an occurrence of a series. */
  key: string
  start: string
  end: string
  allDay: boolean
  /** The rule date of the occurrence, null for a single task. */
  occurrenceDate: string | null
}

export function itemToEvent(item: CalendarItem, channelColors: ReadonlyMap<string, string>): EventInput {
  const event = taskToEvent(item.task, channelColors)
  if (item.occurrenceDate === null) return event
  return {
    ...event,
    id: item.key,
    start: item.start,
    end: item.end,
    classNames: [...(event.classNames as string[]), 'is-occurrence'],
    extendedProps: { kind: 'task' satisfies EventKind, taskId: item.task.id, occurrenceDate: item.occurrenceDate },
  }
}

/** The tasks of the range that `keep` shows (all when null), with series expanded into the range's occurrences. */
export function visibleItems(index: TaskIndex, range: { start: string; end: string }, keep: TaskPredicate | null): CalendarItem[] {
  return queryOccurrences(index, range.start, range.end, keep ?? undefined).map((o) => ({
    task: o.task,
    key: o.recurring ? occurrenceKey(o.task.id, o.occurrenceDate) : o.task.id,
    start: o.start,
    end: o.end,
    allDay: o.task.allDay,
    occurrenceDate: o.recurring ? o.occurrenceDate : null,
  }))
}

export interface DayCap<T> {
  shown: T[]
  /** Day → number of tasks on that day that are not shown. */
  hiddenByDay: Map<string, number>
}

/**
 * Keeps at most `maxPerDay` tasks on any day of the range, in FullCalendar's own order (earlier
 * first, then longer first), and counts the rest per day. A multi-day task is shown whole or not at
 * all, so a bar never has holes. Tasks for which `isCapped` is false (timed tasks in the week's time
 * grid) are always shown and use no slot.
 */
export function capTasksPerDay<T extends Pick<Task, 'start' | 'end' | 'allDay'>>(
  tasks: readonly T[],
  range: { start: string; end: string },
  maxPerDay: number,
  isCapped: (task: T) => boolean = () => true,
): DayCap<T> {
  // Day numbers (integers) instead of date strings: this runs on every edit over thousands of tasks.
  const rangeStart = toDayNumber(range.start)
  const rangeEnd = toDayNumber(range.end)
  const spans = tasks.map((task) => ({ task, first: toDayNumber(datePart(task.start)), last: toDayNumber(lastDay(task)) }))
  spans.sort((a, b) => a.first - b.first || b.last - a.last || (a.task.start < b.task.start ? -1 : a.task.start > b.task.start ? 1 : 0))
  const used = new Int32Array(Math.max(0, rangeEnd - rangeStart))
  const hidden = new Int32Array(used.length)
  const shown: T[] = []
  for (const { task, first, last } of spans) {
    if (!isCapped(task)) {
      shown.push(task)
      continue
    }
    const from = Math.max(first, rangeStart) - rangeStart
    const to = Math.min(last, rangeEnd - 1) - rangeStart
    let fits = true
    for (let d = from; d <= to && fits; d += 1) fits = used[d]! < maxPerDay
    const counter = fits ? used : hidden
    for (let d = from; d <= to; d += 1) counter[d]! += 1
    if (fits) shown.push(task)
  }
  const hiddenByDay = new Map<string, number>()
  hidden.forEach((n, d) => {
    if (n > 0) hiddenByDay.set(fromDayNumber(rangeStart + d), n)
  })
  return { shown, hiddenByDay }
}

/** One clickable "+N" marker per day with hidden tasks. */
export function hiddenTaskMarkers(hiddenByDay: ReadonlyMap<string, number>, label: (n: number) => string): EventInput[] {
  return [...hiddenByDay].map(([day, n]) => ({
    id: `more-${day}`,
    title: label(n),
    start: day,
    allDay: true,
    editable: false,
    classNames: ['day-more-event'],
    extendedProps: { kind: 'day-more' satisfies EventKind, count: n },
    order: 1_000_000,
  }))
}

/** One "N tasks" marker per day, for the year view of a large plan. */
export function dayCountEvents(
  items: readonly CalendarItem[],
  range: { start: string; end: string },
  label: (n: number) => string,
): EventInput[] {
  return [...countItemsPerDay(items, range)].map(([day, n]) => ({
    id: `count-${day}`,
    title: label(n),
    start: day,
    allDay: true,
    editable: false,
    classNames: ['day-count-event'],
    extendedProps: { kind: 'day-count' satisfies EventKind, count: n },
  }))
}

/** How many tasks (occurrences) touch each day of the range. */
export function countItemsPerDay(items: readonly Pick<CalendarItem, 'start' | 'end' | 'allDay'>[], range: { start: string; end: string }): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) {
    for (let day = datePart(item.start), last = lastDay(item); day <= last; day = addDays(day, 1)) {
      if (day >= range.start && day < range.end) counts.set(day, (counts.get(day) ?? 0) + 1)
    }
  }
  return counts
}

export function phaseEvents(phases: readonly Phase[], language: 'vi' | 'en'): EventInput[] {
  return phases.map((phase, i) => ({
    id: `phase-${phase.id}`,
    title: language === 'en' && phase.nameEn ? phase.nameEn : phase.name,
    start: phase.start,
    end: phase.end,
    allDay: true,
    display: 'background',
    classNames: ['phase-band', `phase-band-${i % 3}`],
    extendedProps: { kind: 'phase' satisfies EventKind },
  }))
}

export function milestoneEvents(milestones: readonly Milestone[], language: 'vi' | 'en'): EventInput[] {
  return milestones.map((m) => {
    const name = language === 'en' ? m.nameEn : m.nameVi
    // A deadline whose real day is known (the announcement) is shown as that day, not as a deadline.
    const prefix = m.timing === 'deadline' && m.dayOffsetDays === m.offsetDays ? (language === 'en' ? 'Deadline: ' : 'Hạn chót: ') : ''
    return {
      id: `milestone-${m.id}`,
      title: `${milestoneOffsetLabel(m)} · ${prefix}${name}`,
      start: m.date,
      end: addDays(m.endDate ?? m.date, 1),
      allDay: true,
      editable: false,
      startEditable: false,
      durationEditable: false,
      classNames: ['milestone-event', m.id === 'election-day' ? 'is-election-day' : ''],
      extendedProps: { kind: 'milestone' satisfies EventKind },
      order: -1,
    }
  })
}

/** Public holidays and anniversaries, read-only, behind the side panel's toggle. */
export function holidayEvents(holidays: readonly Holiday[], language: 'vi' | 'en'): EventInput[] {
  return holidays.map((h) => ({
    id: `holiday-${h.id}`,
    title: language === 'en' ? h.nameEn : h.nameVi,
    start: h.date,
    allDay: true,
    editable: false,
    classNames: ['holiday-event', h.dayOff ? 'is-day-off' : 'is-anniversary'],
    extendedProps: { kind: 'holiday' satisfies EventKind },
    order: -2,
  }))
}
