/**
 * A filter change (a letter typed in the search box, a unit picked) as the smallest change to the
 * calendar's task events instead of a refetch.
 *
 * Why not `refetch()`: FullCalendar then parses every event of the period again and gives each a new
 * instance id, so every event's element is rebuilt (content and mount hooks included) even when the
 * filter left it where it was. At 10,000 tasks that was ~110 ms a keystroke in the month view against
 * the 50 ms. Here the events of the period are compared with what the calendar shows by id,
 * by place (dates, kind, order) and by what they show: those that stay keep their element, those that
 * only show something else in the same place (a "+N" count) are patched, the others are removed
 * or added, in one batched render.
 *
 * A "+N" marker whose count changed is retitled without FullCalendar when the caller can (its
 * `InPlaceTitles`): each setProp is a whole dispatch (~1 ms at 10,000 tasks) and a keystroke may
 * change the count of forty days; the caller writes the text into the marker's element and keeps it
 * for the marker's next render.
 */
import type { CalendarApi, EventApi, EventInput } from '@fullcalendar/core'

/** The source the task events belong to (campaign-calendar.tsx). */
export const TASK_SOURCE_ID = 'tasks'

/** Past this share of the period's events coming or going, a refetch costs the same and is simpler. */
const MAX_CHANGED_SHARE = 0.5

/** Where an event is: equal places, the event can be patched in place (title, colours, "+N" count). */
export function eventPlace(input: EventInput): string {
  const p = input.extendedProps
  return JSON.stringify([input.id, input.start, input.end, input.allDay, input.order, input.editable, p?.kind, p?.taskId, p?.occurrenceDate])
}

/** The inputs with their place in extendedProps (`place`), as the task source hands them over. */
export function withPlaces(inputs: EventInput[]): EventInput[] {
  for (const input of inputs) input.extendedProps = { ...input.extendedProps, place: eventPlace(input) }
  return inputs
}

export interface ReconcilePlan {
  remove: EventApi[]
  add: EventInput[]
  /** Same place, something shown changed (a "+N" count, a title, a colour): patched in place. */
  patch: { event: EventApi; input: EventInput }[]
}

/** Titles shown without a FullCalendar dispatch (campaign-calendar.tsx's "+N" markers). */
export interface InPlaceTitles {
  /** The title the event shows now: one set by `retitle`, else its own. */
  titleOf: (event: EventApi) => string
  /** Shows `title` on the event; false when this event's title must go through FullCalendar. */
  retitle: (event: EventApi, title: string) => boolean
  /** The event is removed: a title kept for it must not show on a later event with its id. */
  forget: (eventId: string) => void
}

const OWN_TITLES: InPlaceTitles = { titleOf: (event) => event.title, retitle: () => false, forget: () => {} }

/** What an event shows that patchEvent can change in place (the rest is its place). */
type Shown = Pick<EventApi, 'title' | 'backgroundColor' | 'borderColor' | 'textColor' | 'classNames'>

function classNamesOf(input: EventInput): string[] {
  return (input.classNames as string[] | undefined) ?? []
}

function showsDifferently(event: Shown, input: EventInput, title: string): boolean {
  return title !== input.title || event.backgroundColor !== (input.backgroundColor ?? '')
    || event.borderColor !== (input.borderColor ?? '') || event.textColor !== (input.textColor ?? '')
    || event.classNames.join(' ') !== classNamesOf(input).join(' ')
}

/**
 * What to remove, add and patch so that the shown task events become `wanted` (inputs carrying
 * their place, see withPlaces); null when most of them come or go (the caller refetches).
 */
export function planReconcile(shown: readonly EventApi[], wanted: readonly EventInput[], titleOf: InPlaceTitles['titleOf'] = OWN_TITLES.titleOf): ReconcilePlan | null {
  const wantedById = new Map<string, EventInput>()
  for (const input of wanted) wantedById.set(String(input.id), input)
  const remove: EventApi[] = []
  const patch: ReconcilePlan['patch'] = []
  const kept = new Set<string>()
  for (const event of shown) {
    const input = wantedById.get(event.id)
    if (!input || kept.has(event.id) || input.extendedProps?.place !== event.extendedProps.place) {
      remove.push(event)
      continue
    }
    kept.add(event.id)
    if (showsDifferently(event, input, titleOf(event))) patch.push({ event, input })
  }
  const add = wanted.filter((input) => !kept.has(String(input.id)))
  if (remove.length + add.length > MAX_CHANGED_SHARE * Math.max(shown.length, wanted.length, 1)) return null
  return { remove, add, patch }
}

/**
 * Brings an event in place to what `input` shows. Each setProp is a whole dispatch in FullCalendar
 * (~1 ms at a month of 10,000 tasks): only what differs is set ("+N" markers: the title alone).
 */
function patchEvent(event: EventApi, input: EventInput, titles: InPlaceTitles): void {
  if (titles.titleOf(event) !== input.title && !titles.retitle(event, input.title ?? '')) event.setProp('title', input.title)
  if (event.backgroundColor !== (input.backgroundColor ?? '')) event.setProp('backgroundColor', input.backgroundColor)
  if (event.borderColor !== (input.borderColor ?? '')) event.setProp('borderColor', input.borderColor)
  if (event.textColor !== (input.textColor ?? '')) event.setProp('textColor', input.textColor)
  if (event.classNames.join(' ') !== classNamesOf(input).join(' ')) event.setProp('classNames', classNamesOf(input))
}

/**
 * Makes the calendar's task events `wanted`. False when it did nothing and the caller must refetch
 * (no task source, or too much changes).
 */
export function reconcileTaskEvents(
  // getApi() gives the Calendar itself, whose batchRendering makes the changes one render.
  api: CalendarApi & { batchRendering?: (callback: () => void) => void },
  wanted: EventInput[],
  titles: InPlaceTitles = OWN_TITLES,
): boolean {
  const source = api.getEventSourceById(TASK_SOURCE_ID)
  if (!source) return false
  const shown = api.getEvents().filter((event) => event.source?.id === TASK_SOURCE_ID)
  const plan = planReconcile(shown, wanted, titles.titleOf)
  if (plan === null) return false
  if (plan.remove.length === 0 && plan.add.length === 0 && plan.patch.length === 0) return true
  const batch = api.batchRendering?.bind(api) ?? ((callback: () => void) => callback())
  batch(() => {
    for (const { event, input } of plan.patch) patchEvent(event, input, titles)
    for (const event of plan.remove) {
      titles.forget(event.id)
      event.remove()
    }
    for (const input of plan.add) api.addEvent(input, source)
  })
  return true
}
