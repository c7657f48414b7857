/**
 * After an edit, the calendar need not refetch and lay out every task of the period (at 10,000
 * tasks that is most of an edit's cost): when the edited tasks keep their days, whether they are
 * shown (filter, hidden channels) and series, no event can change place, appear or vanish, so their events are patched in place
 * (title, colour, status class). Anything else returns false and the caller refetches.
 */
import type { CalendarApi, EventApi } from '@fullcalendar/core'
import type { TaskPredicate } from '@/domain/filter/task-filter'
import type { Task } from '@/domain/types'
import { taskToEvent } from '@/features/calendar/utils/calendar-events'

/** Past this many changed tasks (an import, a re-plan) a refetch is as cheap and simpler. */
const MAX_PATCHED_TASKS = 20

/** The tasks that differ between two versions of a plan's task record (by object identity). */
export function changedTaskIds(previous: Record<string, Task>, next: Record<string, Task>, limit: number): string[] | null {
  const changed: string[] = []
  for (const id in next) {
    if (previous[id] !== next[id]) {
      changed.push(id)
      if (changed.length > limit) return null
    }
  }
  for (const id in previous) {
    if (!(id in next)) {
      changed.push(id)
      if (changed.length > limit) return null
    }
  }
  return changed
}

/** The edit cannot move, add or remove an event: only what an event shows changed. */
export function keepsLayout(before: Task | undefined, after: Task | undefined, keep: TaskPredicate | null): boolean {
  if (!before || !after) return false
  return before.start === after.start && before.end === after.end && before.allDay === after.allDay
    && before.recurrence === after.recurrence && (keep === null || keep(before) === keep(after))
}

/** True when the events were patched (or none is shown); false when the caller must refetch. */
export function patchTaskEventsInPlace(
  // getApi() gives the Calendar itself, whose batchRendering makes the patches one render.
  api: CalendarApi & { batchRendering?: (callback: () => void) => void },
  previous: Record<string, Task>,
  next: Record<string, Task>,
  colors: ReadonlyMap<string, string>,
  keep: TaskPredicate | null,
): boolean {
  const changed = changedTaskIds(previous, next, MAX_PATCHED_TASKS)
  if (changed === null) return false
  if (!changed.every((id) => keepsLayout(previous[id], next[id], keep))) return false
  const wanted = new Set(changed)
  const eventsByTask = new Map<string, EventApi[]>()
  for (const event of api.getEvents()) {
    const taskId = event.extendedProps.taskId as string | undefined
    if (taskId === undefined || !wanted.has(taskId)) continue
    const list = eventsByTask.get(taskId)
    if (list) list.push(event)
    else eventsByTask.set(taskId, [event])
  }
  if (eventsByTask.size === 0) return true // folded into "+N" or a day count: nothing shown changes
  const batch = api.batchRendering?.bind(api) ?? ((callback: () => void) => callback())
  batch(() => {
    for (const [taskId, events] of eventsByTask) {
      const input = taskToEvent(next[taskId]!, colors)
      for (const event of events) {
        const occurrenceClass = event.classNames.includes('is-occurrence') ? ['is-occurrence'] : []
        if (event.title !== input.title) event.setProp('title', input.title)
        if (event.backgroundColor !== input.backgroundColor) {
          event.setProp('backgroundColor', input.backgroundColor)
          event.setProp('borderColor', input.borderColor)
          event.setProp('textColor', input.textColor)
        }
        const classNames = [...(input.classNames as string[]), ...occurrenceClass]
        if (classNames.join(' ') !== event.classNames.join(' ')) event.setProp('classNames', classNames)
      }
    }
  })
  return true
}
