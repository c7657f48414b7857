/**
 * The events FullCalendar is given now: on a crowded timeline, the bars of the rows on the first
 * screen, then (utils/progressive-rows.ts says why) all of them once the user has been idle for a
 * moment, scrolls, or moves the keyboard focus into the timeline (every bar stays a Tab stop).
 *
 * All at once rather than a few rows at a time: any change of FullCalendar's events re-renders and
 * re-measures every lane (a step of four rows cost as much as all of them, ~0.45 s at 10,000 tasks).
 * A new period, zoom or kind of rows starts again from the first screen; an edit (a drag, a save)
 * keeps every row drawn.
 */
import { useEffect, useMemo, useState, type RefObject } from 'react'
import type { EventInput } from '@fullcalendar/core'
import { eventsOfFirstRows, PROGRESSIVE_MIN_EVENTS, rowsForViewport } from '@/features/timeline/utils/progressive-rows'

/** Quiet time (no pointer, key or wheel input) before the other rows are drawn. */
const IDLE_MS = 1500

export function useProgressiveEvents(
  events: EventInput[], order: readonly string[], resetKey: string, rowHeightGuess: number, rootRef: RefObject<HTMLElement | null>,
): EventInput[] {
  const [whole, setWhole] = useState<string | null>(null)
  // Another period, zoom or kind of rows: its first screen first (state reset during render).
  if (whole !== null && whole !== resetKey) setWhole(null)
  const firstScreen = rowsForViewport(typeof window === 'undefined' ? 800 : window.innerHeight, rowHeightGuess)
  const complete = events.length <= PROGRESSIVE_MIN_EVENTS || whole === resetKey || firstScreen >= order.length
  const shown = useMemo(() => (complete ? events : eventsOfFirstRows(events, order, firstScreen)), [complete, events, order, firstScreen])

  useEffect(() => {
    const root = rootRef.current
    if (complete || !root) return undefined
    const drawAll = () => setWhole(resetKey)
    let timer = window.setTimeout(drawAll, IDLE_MS)
    const idle = () => {
      window.clearTimeout(timer)
      timer = window.setTimeout(drawAll, IDLE_MS)
    }
    const activity = ['pointermove', 'pointerdown', 'keydown', 'wheel'] as const
    for (const type of activity) document.addEventListener(type, idle, { capture: true, passive: true })
    // The user scrolling the rows (wheel, touch, a scrollbar grabbed) or the keyboard focus in the
    // timeline (every bar a Tab stop): now. Not 'scroll' itself: FullCalendar and the browser
    // scroll when the rows change, which would draw everything right after each switch.
    const calendar = root.querySelector<HTMLElement>('.timeline-calendar')
    const grab = (event: Event) => {
      if (event.target instanceof HTMLElement && event.target.classList.contains('fc-scroller')) drawAll()
    }
    const now = ['wheel', 'touchmove', 'focusin'] as const
    for (const type of now) calendar?.addEventListener(type, drawAll, { passive: true })
    calendar?.addEventListener('pointerdown', grab)
    return () => {
      window.clearTimeout(timer)
      for (const type of activity) document.removeEventListener(type, idle, { capture: true })
      for (const type of now) calendar?.removeEventListener(type, drawAll)
      calendar?.removeEventListener('pointerdown', grab)
    }
  }, [complete, resetKey, rootRef])

  return shown
}
