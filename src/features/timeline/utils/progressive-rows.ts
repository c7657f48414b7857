/**
 * Which rows of a crowded timeline get their bars now, and which a little later.
 *
 * FullCalendar's resource timeline has no virtual rendering: every bar it is given is built, laid
 * out and measured (twice) before anything is painted, ~1 ms a bar at 10,000 tasks. A month of the
 * 10,000-task plan is ~40 rows of which a screen shows under a dozen, so the bars of the rows in
 * view are given first and the others once the user pauses (hooks/use-progressive-events.ts): the
 * first paint and a switch of grouping build a third of the bars. A timeline with few bars (the
 * 2021 plan) is drawn whole at once, as before.
 */
import type { EventInput } from '@fullcalendar/core'
import type { TimelineRow } from '@/features/timeline/utils/timeline-rows'

/** At or below this many events everything is drawn at once. */
export const PROGRESSIVE_MIN_EVENTS = 300
/** A lane of bars (a bar and its margin), for guessing the rows' heights before anything is laid out. */
export const LANE_HEIGHT_PX = 22

/**
 * How tall a row of a crowded timeline is at least: its lanes of bars and one of "+N" markers. The
 * first screen is guessed from it (too small a guess only draws more rows at once).
 */
export function crowdedRowHeight(lanes: number): number {
  return (lanes + 1) * LANE_HEIGHT_PX
}

/** The rows' ids in the order FullCalendar shows them (`resourceOrder: 'groupKey,order'`). */
export function rowsInDisplayOrder(rows: readonly TimelineRow[]): string[] {
  // Plain comparisons: FullCalendar compares the group keys as strings too, and a locale-aware
  // comparison costs ~20 ms the first time (ICU) for a list of forty.
  return [...rows].sort((a, b) => a.groupOrder - b.groupOrder || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0) || a.order - b.order).map((row) => row.id)
}

/**
 * What the window shows above the rows at least (the app's bar and toolbar, the timeline's controls
 * and date header: ~225 px at 1366 × 768); less than it is only draws a row or two more.
 */
export const CHROME_ABOVE_ROWS_PX = 150

/** How many rows (in display order) the first screen of a `viewportHeight` pixels tall window can show. */
export function rowsForViewport(viewportHeight: number, rowHeight: number): number {
  return Math.max(1, Math.ceil(Math.max(0, viewportHeight - CHROME_ABOVE_ROWS_PX) / rowHeight))
}

/** The events of the first `count` rows of `order` and of rows not in it; the same array when every row is drawn. */
export function eventsOfFirstRows(events: EventInput[], order: readonly string[], count: number): EventInput[] {
  if (count >= order.length) return events
  const drawn = new Set(order.slice(0, count))
  const known = new Set(order)
  return events.filter((event) => {
    const row = String(event.resourceId ?? '')
    return drawn.has(row) || !known.has(row)
  })
}
