/**
 * Plan → FullCalendar event inputs. Tasks come from the month index for the visible range only;
 * phases are background bands; legal milestones are read-only markers.
 */
import type { EventInput } from '@fullcalendar/core'
import { addDays, datePart } from '@/domain/dates/local-date'
import { formatElectionOffset } from '@/domain/dates/election-offset'
import type { Milestone } from '@/domain/rules/milestones'
import { queryTaskIndex, type TaskIndex } from '@/domain/plan/task-index'
import { lastDay } from '@/domain/plan/task-dates'
import type { Channel, Phase, Task } from '@/domain/types'

export const NEUTRAL_TASK_COLOR = '#455a64'
/** In the year view, above this many tasks per visible range we show one count per day instead. */
export const YEAR_VIEW_DETAIL_LIMIT = 300

export type EventKind = 'task' | 'phase' | 'milestone' | 'day-count'

export function taskToEvent(task: Task, channelColors: ReadonlyMap<string, string>): EventInput {
  const color = (task.channelId && channelColors.get(task.channelId)) || NEUTRAL_TASK_COLOR
  return {
    id: task.id,
    title: task.title,
    start: task.start,
    end: task.end,
    allDay: task.allDay,
    backgroundColor: color,
    borderColor: color,
    textColor: '#ffffff',
    classNames: task.status === 'cancelled' ? ['task-event', 'is-cancelled'] : task.status === 'done' ? ['task-event', 'is-done'] : ['task-event'],
    extendedProps: { kind: 'task' satisfies EventKind },
  }
}

export function visibleTaskEvents(
  index: TaskIndex,
  range: { start: string; end: string },
  channels: readonly Channel[],
  hiddenChannelIds: readonly string[],
): EventInput[] {
  const colors = new Map(channels.map((c) => [c.id, c.color]))
  const hidden = new Set(hiddenChannelIds)
  const events: EventInput[] = []
  for (const task of queryTaskIndex(index, range.start, range.end)) {
    if (task.channelId !== null && hidden.has(task.channelId)) continue
    events.push(taskToEvent(task, colors))
  }
  return events
}

/** One "N tasks" marker per day, for the year view of a large plan. */
export function dayCountEvents(
  index: TaskIndex,
  range: { start: string; end: string },
  hiddenChannelIds: readonly string[],
  label: (n: number) => string,
): EventInput[] {
  const hidden = new Set(hiddenChannelIds)
  const counts = new Map<string, number>()
  for (const task of queryTaskIndex(index, range.start, range.end)) {
    if (task.channelId !== null && hidden.has(task.channelId)) continue
    for (let day = datePart(task.start), last = lastDay(task); day <= last; day = addDays(day, 1)) {
      if (day >= range.start && day < range.end) counts.set(day, (counts.get(day) ?? 0) + 1)
    }
  }
  return [...counts].map(([day, n]) => ({
    id: `count-${day}`,
    title: label(n),
    start: day,
    allDay: true,
    editable: false,
    classNames: ['day-count-event'],
    extendedProps: { kind: 'day-count' satisfies EventKind, count: n },
  }))
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
    const prefix = m.timing === 'deadline' ? (language === 'en' ? 'Deadline: ' : 'Hạn chót: ') : ''
    return {
      id: `milestone-${m.id}`,
      title: `${formatElectionOffset(m.offsetDays)} · ${prefix}${name}`,
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
