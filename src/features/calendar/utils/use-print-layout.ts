/**
 * The calendar on paper (Ctrl+P): the view the user sees, laid out for A4 landscape.
 *
 * FullCalendar sizes itself from measurements (row heights, how many events fit a day, where a
 * multi-day bar ends), taken when it renders. On screen it fills the window; in print its box
 * collapsed to 0 px, so the month printed as a bare weekday header. While printing, the calendar's
 * box gets the page's width in millimetres (`.calendar-wrap.is-printing`, print-layout.css, applied
 * whatever the media, so that the sizes FullCalendar measures on screen at `beforeprint` are the
 * ones printed) and FullCalendar the options below:
 * - month: a fixed height, so all its weeks share one page and `dayMaxEvents` folds what does not
 *   fit into "+N", as on screen;
 * - week: the same height; the time grid shrinks to fit whole (06:00–22:00, no scrolling on paper)
 *   and the all-day row, where a campaign's tasks are, gets the room it leaves;
 * - year: its natural height, three months a row, two rows a sheet (12 months on two sheets); the
 *   months a little taller than on screen (`aspectRatio`) and their text a little smaller
 *   (print-layout.css), so that a week row holds an event and its "+N".
 */
import { useLayoutEffect, type RefObject } from 'react'
import type FullCalendar from '@fullcalendar/react'
import { usePrinting, type Printing } from '@/components/use-printing'
import type { CalendarViewKind } from '@/store/planner-state'

const MM_PX = 96 / 25.4
/**
 * The calendar's height on paper: A4 landscape less the 12 mm margins (`@page`) is 273 × 186 mm;
 * the one-line header takes ~9 mm; the rest less a few millimetres, so that rounding never spills
 * a sliver onto a blank second sheet.
 */
export const PRINT_CALENDAR_HEIGHT_PX = Math.floor(172 * MM_PX)
/** All-day events per day in the printed week (the last place shows "+N"), above a time grid of ≥ 32 × 10 px. */
const PRINT_WEEK_ALL_DAY_EVENTS = 12
/** FullCalendar's default; and the minimum that lays the printed year out three months a row in 273 mm. */
const SCREEN_MULTI_MONTH_MIN_WIDTH_PX = 350
const PRINT_MULTI_MONTH_MIN_WIDTH_PX = 290
/** A month's width over its height: FullCalendar's default, and the printed year's (two rows of months a sheet). */
const SCREEN_ASPECT_RATIO = 1.35
const PRINT_YEAR_ASPECT_RATIO = 1.2

export interface PrintLayout extends Printing {
  /** FullCalendar's options while printing (on screen: the values campaign-calendar.tsx always had). */
  height: number | string
  dayMaxEvents: boolean | number
  expandRows: boolean
  multiMonthMinWidth: number
  aspectRatio: number
}

export function usePrintLayout(view: Exclude<CalendarViewKind, 'list'>, calendarRef: RefObject<FullCalendar | null>): PrintLayout {
  const printing = usePrinting()
  // The box changed size with the class: measure again now, inside the commit that beforeprint
  // flushed, not on the next animation frame (which comes after the page was laid out for print).
  useLayoutEffect(() => {
    calendarRef.current?.getApi().updateSize()
  }, [printing.printing, calendarRef])
  if (!printing.printing) {
    return { ...printing, height: '100%', dayMaxEvents: true, expandRows: false, multiMonthMinWidth: SCREEN_MULTI_MONTH_MIN_WIDTH_PX, aspectRatio: SCREEN_ASPECT_RATIO }
  }
  return {
    ...printing,
    height: view === 'year' ? 'auto' : PRINT_CALENDAR_HEIGHT_PX,
    dayMaxEvents: view === 'week' ? PRINT_WEEK_ALL_DAY_EVENTS : true,
    expandRows: true,
    multiMonthMinWidth: PRINT_MULTI_MONTH_MIN_WIDTH_PX,
    aspectRatio: PRINT_YEAR_ASPECT_RATIO,
  }
}
