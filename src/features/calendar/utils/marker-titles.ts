/**
 * The "+N" markers' counts changed without FullCalendar (reconcile-task-events.ts says why): the
 * title each marker shows now, and the elements it is mounted in, so a new count is written into
 * them at once and every later render of the marker (eventContent) shows it too.
 */
import type { EventApi } from '@fullcalendar/core'
import type { InPlaceTitles } from '@/features/calendar/utils/reconcile-task-events'

/** The kind of the events retitled here (calendar-events.ts, hiddenTaskMarkers). */
const MARKER_KIND = 'day-more'

export class MarkerTitles implements InPlaceTitles {
  private readonly titles = new Map<string, string>()
  private readonly elements = new Map<string, Set<HTMLElement>>()

  titleOf = (event: Pick<EventApi, 'id' | 'title'>): string => this.titles.get(event.id) ?? event.title

  retitle = (event: EventApi, title: string): boolean => {
    if (event.extendedProps.kind !== MARKER_KIND) return false
    this.titles.set(event.id, title)
    for (const element of this.elements.get(event.id) ?? []) showTitle(element, title)
    return true
  }

  forget = (eventId: string): void => {
    this.titles.delete(eventId)
  }

  /** A fetch hands FullCalendar events with their own, current titles. */
  clear(): void {
    this.titles.clear()
  }

  mounted(event: Pick<EventApi, 'id' | 'extendedProps'>, element: HTMLElement): void {
    if (event.extendedProps.kind !== MARKER_KIND) return
    let elements = this.elements.get(event.id)
    if (!elements) this.elements.set(event.id, (elements = new Set()))
    elements.add(element)
  }

  unmounted(event: Pick<EventApi, 'id'>, element: HTMLElement): void {
    const elements = this.elements.get(event.id)
    elements?.delete(element)
    if (elements?.size === 0) this.elements.delete(event.id)
  }
}

/** Writes `title` where eventContent and eventDidMount put an event's title (campaign-calendar.tsx). */
function showTitle(element: HTMLElement, title: string): void {
  element.title = title
  const content = element.querySelector<HTMLElement>('.event-content')
  if (content) content.title = title
  const text = element.querySelector('.event-title')
  if (text) text.textContent = title
}
