/**
 * What the timeline shows for a period: its rows (with counts) and its bars, from the plan's month
 * index for the visible range only. `keep` is the app's task filter (and hidden channels): the rows'
 * counts and the bars obey it alike. Every result keeps its identity until an input changes, so
 * FullCalendar is not handed a new event array on an unrelated render.
 */
import { useMemo } from 'react'
import type { EventInput } from '@fullcalendar/core'
import { taskIndexOf } from '@/domain/plan/task-index'
import type { VisibleRange } from '@/domain/dates/calendar-period'
import type { Plan, Task } from '@/domain/types'
import { capForZoom } from '@/features/timeline/utils/timeline-zoom'
import { barsOfSpans, occurrenceSpans, timelineEvents } from '@/features/timeline/utils/timeline-events'
import { buildTimelineRows, rowResolver, tallyRows, type RowLabels, type TimelineRow } from '@/features/timeline/utils/timeline-rows'
import type { TimelineOptions } from '@/store/planner-state'

export interface TimelineDataInput {
  plan: Plan
  range: VisibleRange
  options: TimelineOptions
  today: string
  labels: RowLabels & { support: string; more: (n: number) => string; moreTitle: (n: number) => string }
  keep?: (task: Task) => boolean
}

export interface TimelineData {
  rows: TimelineRow[]
  events: EventInput[]
}

export function useTimelineData({ plan, range, options, today, labels, keep }: TimelineDataInput): TimelineData {
  const { units, channels, tasks } = plan
  const { rows: mode, zoom, showSupport } = options
  // Counted for units and channels at once: a switch of rows does not count again.
  const tally = useMemo(() => tallyRows(tasks, today, keep), [tasks, today, keep])
  const rows = useMemo(() => buildTimelineRows({ units, channels }, mode, tally, labels), [units, channels, mode, tally, labels])
  const colors = useMemo(() => new Map(channels.map((c) => [c.id, c.color])), [channels])
  const { start, end } = range
  // The range's occurrences and their days do not depend on the rows: a switch of rows reuses them.
  const spans = useMemo(() => occurrenceSpans(taskIndexOf(tasks), { start, end }, keep), [tasks, start, end, keep])
  const events = useMemo(() => {
    const bars = barsOfSpans(spans, { mode, showSupport, rowOf: rowResolver(rows) })
    return timelineEvents(bars, capForZoom(zoom), { today, colors, supportLabel: labels.support }, labels.more, labels.moreTitle, { start, end })
  }, [spans, start, end, mode, showSupport, today, colors, rows, labels, zoom])
  return { rows, events }
}
