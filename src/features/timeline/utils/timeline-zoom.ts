/**
 * What each zoom of the timeline looks like: the header's levels and label spacing, and how a
 * crowded row is thinned. Every zoom has one slot per day (so the phase bands and milestone days are
 * drawn once per day column, behind all rows, and a drag snaps to days); the whole-campaign zoom
 * labels weeks under months so that its five-pixel days stay readable.
 */
import type { FormatterInput } from '@fullcalendar/core'
import type { TimelineZoom } from '@/domain/dates/calendar-period'
import type { RowCap } from '@/features/timeline/utils/timeline-events'

export interface ZoomLayout {
  /** One formatter per header level, top down; the last level carries the D-n under the date. */
  slotLabelFormat: FormatterInput[]
  slotLabelInterval: { days: number }
  /** Narrowest a day column may get before the timeline scrolls sideways. */
  slotMinWidth: number
}

const LAYOUTS: Record<TimelineZoom, ZoomLayout> = {
  week: { slotLabelFormat: [{ weekday: 'short', day: '2-digit', month: '2-digit' }], slotLabelInterval: { days: 1 }, slotMinWidth: 90 },
  month: { slotLabelFormat: [{ day: 'numeric' }], slotLabelInterval: { days: 1 }, slotMinWidth: 26 },
  campaign: { slotLabelFormat: [{ month: 'long' }, { day: 'numeric' }], slotLabelInterval: { days: 7 }, slotMinWidth: 1 },
}

/**
 * Lanes per row, and the days a bar takes of its lane at least: FullCalendar draws a bar no
 * narrower than 30 px (`eventMinWidth`), about a day in the month, a week on the campaign scale.
 * Few lanes on purpose: every bar is about six elements that FullCalendar lays out and measures
 * (twice) on each render, and layout is most of the time of a load or a switch of grouping.
 */
const CAPS: Record<TimelineZoom, RowCap> = {
  week: { lanes: 3, minDays: 1, markerDays: 1 },
  month: { lanes: 2, minDays: 2, markerDays: 7 },
  campaign: { lanes: 1, minDays: 7, markerDays: 7 },
}

export function layoutForZoom(zoom: TimelineZoom): ZoomLayout {
  return LAYOUTS[zoom]
}

export function capForZoom(zoom: TimelineZoom): RowCap {
  return CAPS[zoom]
}
