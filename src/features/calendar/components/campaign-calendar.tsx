/**
 * The campaign on FullCalendar: month, week and year views. FullCalendar is given only the visible
 * range's events, from the month index, never the whole plan: at 10,000 tasks that is what keeps the
 * month view faster than a bare FullCalendar fed everything.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import FullCalendar from '@fullcalendar/react'
import type {
  DateSelectArg, DayCellContentArg, EventClickArg, EventContentArg, EventInput, EventMountArg, EventSourceFuncArg, MoreLinkContentArg,
  MoreLinkMountArg,
} from '@fullcalendar/core'
import type { EventDropArg } from '@fullcalendar/core'
import type { EventResizeDoneArg } from '@fullcalendar/interaction'
import dayGridPlugin from '@fullcalendar/daygrid'
import timeGridPlugin from '@fullcalendar/timegrid'
import multiMonthPlugin from '@fullcalendar/multimonth'
import interactionPlugin from '@fullcalendar/interaction'
import viLocale from '@fullcalendar/core/locales/vi'
import enGbLocale from '@fullcalendar/core/locales/en-gb'
import { useShallow } from 'zustand/react/shallow'
import { formatElectionOffset, offsetFromElectionDay } from '@/domain/dates/election-offset'
import { nowIn } from '@/domain/dates/local-date'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import { taskIndexOf } from '@/domain/plan/task-index'
import { computeMilestones } from '@/domain/rules/milestones'
import { holidaysInRange } from '@/domain/holidays/holidays'
import { useLanguage, useMessages } from '@/components/use-messages'
import { taskEventDetails } from '@/components/task-event-label'
import { makePopoverKeyboardFriendly } from '@/features/calendar/utils/more-popover'
import {
  capTasksPerDay, countItemsPerDay, DAY_CAP_THRESHOLD, hiddenTaskMarkers, holidayEvents, itemToEvent, milestoneEvents, phaseEvents,
  visibleItems, YEAR_VIEW_DETAIL_LIMIT,
} from '@/features/calendar/utils/calendar-events'
import { patchTaskEventsInPlace } from '@/features/calendar/utils/patch-task-events'
import { MarkerTitles } from '@/features/calendar/utils/marker-titles'
import { reconcileTaskEvents, TASK_SOURCE_ID, withPlaces } from '@/features/calendar/utils/reconcile-task-events'
import { usePrintLayout } from '@/features/calendar/utils/use-print-layout'
import { periodOf, periodTitle } from '@/domain/dates/calendar-period'
import { PrintScreenHeader, printPeriodLabel } from '@/components/print-screen-header'
import '@/features/calendar/components/print-layout.css'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'
import { useVisibleTaskPredicate } from '@/store/use-task-filter'
import type { CalendarViewKind } from '@/store/planner-state'

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

const FULLCALENDAR_VIEW: Record<Exclude<CalendarViewKind, 'list'>, string> = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  year: 'multiMonthYear',
}

const PLUGINS = [dayGridPlugin, timeGridPlugin, multiMonthPlugin, interactionPlugin]
const TIME_FORMAT = { hour: '2-digit', minute: '2-digit', hour12: false } as const
const VIEW_OPTIONS = {
  dayGridMonth: { dayHeaderFormat: { weekday: 'short' } },
  timeGridWeek: { dayHeaderFormat: { weekday: 'short', day: '2-digit', month: '2-digit' } },
} as const

/** Phase bands are labelled once, on their first day (dayCellContent), not in every week row. */
function renderEventContent(arg: EventContentArg, details: string | null, title = arg.event.title) {
  if (arg.event.display === 'background') return { domNodes: [] }
  const wrapper = element('span', 'event-content')
  if (arg.timeText && !arg.event.allDay) wrapper.append(element('span', 'event-time', arg.timeText))
  wrapper.append(element('span', 'event-title', title))
  // A screen reader's name for the event: the dates, D-n, channel and status a sighted user reads
  // off the grid and the colour. In the content (not an aria-label set on mount), because an edit
  // patched in place re-renders the content, not the element.
  if (details) wrapper.append(element('span', 'visually-hidden', `, ${details}`))
  // Here too, not only on mount: an edit patched in place re-renders the content, not the element.
  wrapper.title = title
  return { domNodes: [wrapper] }
}

/**
 * FullCalendar renders events as `<a tabindex=0>` without href, which is no role at all: tasks and
 * "+N" markers open something on Enter, so they are buttons. The task id lets focus find the task's
 * event again after the editor saves and the event is redrawn (task-editor-dialog.tsx).
 */
function decorateEvent(arg: EventMountArg, title: string) {
  if (arg.event.display === 'background') return
  arg.el.title = title
  const kind = arg.event.extendedProps.kind as string
  if (kind === 'task' || kind === 'day-more' || kind === 'day-count') arg.el.setAttribute('role', 'button')
  if (kind === 'task') arg.el.dataset.taskId = arg.event.extendedProps.taskId as string
  // Milestones and holidays open nothing: not Tab stops (their text is read with the day).
  if (kind === 'milestone' || kind === 'holiday') arg.el.removeAttribute('tabindex')
}

/** Tasks per day before the "+N" marker, when a period is crowded (fits a cell at 1366×768). */
const MONTH_TASKS_PER_DAY = 2
const WEEK_TASKS_PER_DAY = 4

/** FullCalendar runs in UTC so that our wall-clock strings are shown exactly as written. */
const CALENDAR_TIME_ZONE = 'UTC'

/** `2021-03-30T08:00:00Z` or `2021-03-30` (what FullCalendar gives back in UTC mode) → our format. */
function toWallClock(value: string, allDay: boolean): string {
  return allDay ? value.slice(0, 10) : value.slice(0, 16)
}

export function CampaignCalendar({ view }: { view: Exclude<CalendarViewKind, 'list'> }) {
  const plan = usePlannerStore(selectActivePlan)
  const date = usePlannerStore((s) => s.calendar.date)
  const keep = useVisibleTaskPredicate()
  const showHolidays = usePlannerStore((s) => s.showHolidays)
  const { moveTask, moveOccurrence, openEditor } = usePlannerStore(useShallow((s) => ({
    moveTask: s.moveTask, moveOccurrence: s.moveOccurrence, openEditor: s.openEditor,
  })))
  const language = useLanguage()
  const messages = useMessages()
  const calendarRef = useRef<FullCalendar>(null)
  // Read once: later changes go through changeView/gotoDate (a changed initial* prop would make the
  // wrapper reset every option).
  const [initial] = useState(() => ({ view: FULLCALENDAR_VIEW[view], date }))

  const taskIndex = taskIndexOf(plan.tasks)
  const milestones = useMemo(() => computeMilestones(plan.election), [plan.election])
  const electionDay = plan.election.electionDay
  const phaseStarts = useMemo(
    () => new Map(plan.phases.map((p) => [p.start, language === 'en' && p.nameEn ? p.nameEn : p.name])),
    [plan.phases, language],
  )

  // The view is read from a ref, not captured: a view switch must not hand the old view a new task
  // source (that refetches into the old grid); changeView fetches for the new view by itself.
  const viewRef = useRef(view)
  useLayoutEffect(() => {
    viewRef.current = view
  }, [view])

  const colors = useMemo(() => new Map(plan.channels.map((c) => [c.id, c.color])), [plan.channels])
  // The task source reads the latest plan through a ref and keeps its identity: a new source object
  // would make FullCalendar drop and refetch every task event. Edits reach the calendar through
  // syncTaskEvents below instead: in place when the layout cannot change, else one refetch.
  const live = useRef({ taskIndex, colors, keep, messages })
  useLayoutEffect(() => {
    live.current = { taskIndex, colors, keep, messages }
  }, [taskIndex, colors, keep, messages])
  // What an event's accessible name needs, read through a ref so eventContent keeps its identity.
  const labelContext = useRef({ tasks: plan.tasks, channels: plan.channels, electionDay: plan.election.electionDay, language, messages })
  useLayoutEffect(() => {
    labelContext.current = { tasks: plan.tasks, channels: plan.channels, electionDay: plan.election.electionDay, language, messages }
  }, [plan.tasks, plan.channels, plan.election.electionDay, language, messages])
  // "+N" counts a filter change retitled in place (marker-titles.ts): shown by every later render.
  const markerTitles = useRef<MarkerTitles | null>(null)
  markerTitles.current ??= new MarkerTitles()
  const eventDidMount = useCallback((arg: EventMountArg) => {
    markerTitles.current!.mounted(arg.event, arg.el)
    decorateEvent(arg, markerTitles.current!.titleOf(arg.event))
  }, [])
  const eventWillUnmount = useCallback((arg: EventMountArg) => markerTitles.current!.unmounted(arg.event, arg.el), [])
  const eventContent = useCallback((arg: EventContentArg) => {
    if (arg.event.extendedProps.kind !== 'task') return renderEventContent(arg, null, markerTitles.current!.titleOf(arg.event))
    const context = labelContext.current
    const task = context.tasks[arg.event.extendedProps.taskId as string]
    const details = task && arg.event.startStr
      ? taskEventDetails({
        task,
        start: toWallClock(arg.event.startStr, arg.event.allDay),
        end: toWallClock(arg.event.endStr || arg.event.startStr, arg.event.allDay),
        allDay: arg.event.allDay,
      }, context)
      : null
    return renderEventContent(arg, details)
  }, [])

  // The task events of a range, as the view shows them (each with its place, for reconcileTaskEvents).
  const taskEventsOf = useCallback((range: { start: string; end: string }): EventInput[] => {
    const { taskIndex, colors, keep, messages } = live.current
    const view = viewRef.current
    const items = visibleItems(taskIndex, range, keep)
    if (view === 'year') {
      // A big plan's year shows counts in the day cells (yearCounts below), not events.
      return withPlaces(items.length <= YEAR_VIEW_DETAIL_LIMIT ? items.map((item) => itemToEvent(item, colors)) : [])
    }
    if (items.length <= DAY_CAP_THRESHOLD) return withPlaces(items.map((item) => itemToEvent(item, colors)))
    // Week: only the all-day row is capped; timed tasks have the whole time grid.
    const { shown, hiddenByDay } = view === 'week'
      ? capTasksPerDay(items, range, WEEK_TASKS_PER_DAY, (item) => item.allDay)
      : capTasksPerDay(items, range, MONTH_TASKS_PER_DAY)
    return withPlaces([...shown.map((item) => itemToEvent(item, colors)), ...hiddenTaskMarkers(hiddenByDay, messages.calendar.moreTasks)])
  }, [])
  // The range FullCalendar last fetched tasks for: a filter change is applied to the same range.
  const fetchedRange = useRef<{ start: string; end: string } | null>(null)
  const fetchTasks = useCallback((info: EventSourceFuncArg, success: (events: EventInput[]) => void) => {
    const range = { start: info.startStr.slice(0, 10), end: info.endStr.slice(0, 10) }
    fetchedRange.current = range
    markerTitles.current!.clear()
    success(taskEventsOf(range))
  }, [taskEventsOf])

  // The year view of a big plan: each day's count is drawn in its cell. Twelve month grids of count
  // events cost FullCalendar most of a second to lay out; cell content costs next to nothing.
  const year = date.slice(0, 4)
  const yearCounts = useMemo(() => {
    if (view !== 'year') return null
    const range = { start: `${year}-01-01`, end: `${Number(year) + 1}-01-01` }
    const items = visibleItems(taskIndex, range, keep)
    return items.length > YEAR_VIEW_DETAIL_LIMIT ? countItemsPerDay(items, range) : null
  }, [view, year, taskIndex, keep])

  // Tasks changed: patch the events in place when only what they show changed, else refetch.
  const previousTasks = useRef(plan.tasks)
  useEffect(() => {
    const previous = previousTasks.current
    previousTasks.current = plan.tasks
    const api = calendarRef.current?.getApi()
    if (previous === plan.tasks || !api) return
    if (!patchTaskEventsInPlace(api, previous, plan.tasks, live.current.colors, live.current.keep)) {
      api.getEventSourceById('tasks')?.refetch()
    }
  }, [plan.tasks])
  // Colours, the filter (or hidden channels) or the language of the "+N" labels changed (not on
  // mount): the smallest change to the shown events when the view shows events, else a refetch.
  const mounted = useRef(false)
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true
      return
    }
    const api = calendarRef.current?.getApi()
    const range = fetchedRange.current
    if (!api) return
    if (viewRef.current !== 'year' && range && reconcileTaskEvents(api, taskEventsOf(range), markerTitles.current!)) return
    api.getEventSourceById(TASK_SOURCE_ID)?.refetch()
  }, [colors, keep, messages, taskEventsOf])

  // Separate objects, so that a phase or milestone change does not touch the task source.
  const phaseSource = useMemo(() => ({ id: 'phases', events: phaseEvents(plan.phases, language) }), [plan.phases, language])
  const milestoneSource = useMemo(() => ({ id: 'milestones', events: milestoneEvents(milestones, language) }), [milestones, language])
  const taskSource = useMemo(() => ({ id: TASK_SOURCE_ID, events: fetchTasks }), [fetchTasks])
  const holidaySource = useMemo(() => ({
    id: 'holidays',
    events: (info: EventSourceFuncArg, success: (events: EventInput[]) => void) =>
      success(showHolidays ? holidayEvents(holidaysInRange(info.startStr.slice(0, 10), info.endStr.slice(0, 10)), language) : []),
  }), [showHolidays, language])
  const eventSources = useMemo(() => [phaseSource, holidaySource, milestoneSource, taskSource], [phaseSource, holidaySource, milestoneSource, taskSource])

  // Follow the toolbar (our store) rather than FullCalendar's own buttons. Not on mount, where the
  // calendar already shows `initial`: gotoDate to the same day still re-renders and re-measures the
  // whole grid, which was half of a phone's switch to the month (0.6 s at 4x CPU).
  const applied = useRef({ view: initial.view as string, date: initial.date })
  useEffect(() => {
    const api = calendarRef.current?.getApi()
    if (!api) return
    const wanted = FULLCALENDAR_VIEW[view]
    if (applied.current.view === wanted && applied.current.date === date && api.view.type === wanted) return
    applied.current = { view: wanted, date }
    if (api.view.type !== wanted) api.changeView(wanted, date)
    else api.gotoDate(date)
  }, [view, date])

  // Every prop below keeps its identity between renders unless its inputs change: FullCalendar's
  // React wrapper calls resetOptions (a full re-render) for any prop that is a new object.
  const handleSelect = useCallback((arg: DateSelectArg) => {
    const allDay = arg.allDay
    openEditor({ mode: 'create', draft: emptyTaskDraft(toWallClock(arg.startStr, allDay), toWallClock(arg.endStr, allDay), allDay) })
    arg.view.calendar.unselect()
  }, [openEditor])

  const handleEventClick = useCallback((arg: EventClickArg) => {
    const kind = arg.event.extendedProps.kind as string
    if (kind === 'task') {
      const { taskId, occurrenceDate } = arg.event.extendedProps as { taskId: string; occurrenceDate: string | null }
      openEditor({ mode: 'edit', taskId, occurrenceDate })
    }
    else if (kind === 'day-count' && arg.event.startStr) {
      usePlannerStore.getState().setCalendar({ view: 'month', date: arg.event.startStr.slice(0, 10) })
    } else if (kind === 'day-more' && arg.event.startStr) {
      const day = arg.event.startStr.slice(0, 10)
      usePlannerStore.getState().setCalendar({ view: 'list', date: day, listDay: day })
    }
  }, [openEditor])

  const handleMove = useCallback((arg: EventDropArg | EventResizeDoneArg) => {
    const { event } = arg
    if (event.extendedProps.kind !== 'task' || !event.startStr) {
      arg.revert()
      return
    }
    const { taskId, occurrenceDate } = event.extendedProps as { taskId: string; occurrenceDate: string | null }
    const move = {
      start: toWallClock(event.startStr, event.allDay),
      end: event.endStr ? toWallClock(event.endStr, event.allDay) : null,
      allDay: event.allDay,
    }
    // An occurrence moves alone; it cannot turn a series from all-day to timed.
    if (occurrenceDate === null) moveTask(taskId, move)
    else if (move.allDay === arg.oldEvent.allDay) moveOccurrence(taskId, occurrenceDate, move)
    else arg.revert()
  }, [moveTask, moveOccurrence])

  // Custom content is built as DOM nodes with textContent, not JSX: FullCalendar's React connector
  // renders JSX content through one React portal per event, which at thousands of events costs
  // seconds; DOM nodes cost what the bare library costs. textContent keeps user text as text.
  const dayCellContent = useCallback((arg: DayCellContentArg) => {
    if (arg.view.type === 'multiMonthYear') {
      const count = yearCounts?.get(arg.date.toISOString().slice(0, 10))
      if (!count) return arg.dayNumberText
      const wrapper = element('span', 'day-number')
      wrapper.append(element('span', '', arg.dayNumberText))
      const badge = element('button', 'day-count-badge', String(count))
      badge.setAttribute('type', 'button')
      badge.title = messages.calendar.tasksCount(count)
      badge.setAttribute('aria-label', messages.calendar.tasksCount(count))
      const day = arg.date.toISOString().slice(0, 10)
      // The count opens that day's month, as the count events did.
      badge.addEventListener('click', (event) => {
        event.stopPropagation()
        usePlannerStore.getState().setCalendar({ view: 'month', date: day })
      })
      wrapper.append(badge)
      return { domNodes: [wrapper] }
    }
    const day = arg.date.toISOString().slice(0, 10)
    const wrapper = element('span', 'day-number')
    wrapper.append(element('span', 'd-offset', formatElectionOffset(offsetFromElectionDay(day, electionDay))))
    const phaseStart = phaseStarts.get(day)
    if (phaseStart) {
      const tag = element('span', 'phase-start-tag', phaseStart)
      tag.title = messages.calendar.phaseBand(phaseStart)
      wrapper.append(tag)
    }
    wrapper.append(element('span', '', arg.dayNumberText))
    return { domNodes: [wrapper] }
  }, [electionDay, phaseStarts, messages, yearCounts])

  // FullCalendar labels each day cell by its day number only, while the cell also holds the day's
  // events: axe's label-content-name-mismatch (WCAG 2.5.3). Named by its content instead (date
  // number, D-n, events).
  const dayCellDidMount = useCallback((arg: { el: HTMLElement }) => {
    arg.el.removeAttribute('aria-labelledby')
  }, [])

  const dayCellClassNames = useCallback(
    (arg: { date: Date }) => (arg.date.toISOString().slice(0, 10) === electionDay ? ['is-election-day'] : []),
    [electionDay],
  )
  const moreLinkContent = useCallback((arg: MoreLinkContentArg) => messages.calendar.moreLink(arg.num), [messages])
  const closeLabel = useRef(messages.calendar.closePopover)
  useLayoutEffect(() => {
    closeLabel.current = messages.calendar.closePopover
  }, [messages])
  // "+N nữa" opens a popover: a button, whose popover takes focus and gives it back (more-popover.ts).
  const moreLinkDidMount = useCallback((arg: MoreLinkMountArg) => {
    makePopoverKeyboardFriendly(arg.el, () => closeLabel.current)
  }, [])
  const now = useCallback(() => nowIn(plan.timeZone), [plan.timeZone])
  // Ctrl+P: the view sized for an A4 landscape page, under a header (use-print-layout.ts).
  const print = usePrintLayout(view, calendarRef)

  return (
    <div className={`calendar-wrap view-${view}${print.printing ? ' is-printing' : ''}`} data-testid="calendar">
      {print.printedAt !== null ? (
        <PrintScreenHeader
          planName={plan.name}
          period={printPeriodLabel(periodTitle(view, date, language), periodOf(view, date), electionDay, messages)}
          printedAt={print.printedAt}
          messages={messages}
        />
      ) : null}
      <FullCalendar
        ref={calendarRef}
        plugins={PLUGINS}
        initialView={initial.view}
        initialDate={initial.date}
        timeZone={CALENDAR_TIME_ZONE}
        now={now}
        locale={language === 'vi' ? viLocale : enGbLocale}
        firstDay={1}
        headerToolbar={false}
        // The week at its natural height (06:00–22:00), the page scrolling: a time grid scrolling inside
        // the grid is a scroll region a keyboard cannot reach, and making it focusable breaks the grid's
        // roles (axe scrollable-region-focusable vs aria-required-children).
        height={view === 'week' && !print.printing ? 'auto' : print.height}
        eventSources={eventSources}
        editable
        selectable
        selectMirror
        longPressDelay={500} // touch: half a second's press picks up a task to drag or starts a selection (FullCalendar: 1 s)
        dayMaxEvents={print.dayMaxEvents}
        expandRows={print.expandRows}
        eventTimeFormat={TIME_FORMAT}
        slotLabelFormat={TIME_FORMAT}
        views={VIEW_OPTIONS}
        slotMinTime="06:00:00"
        slotMaxTime="22:00:00"
        scrollTime="07:00:00"
        multiMonthMaxColumns={4}
        multiMonthMinWidth={print.multiMonthMinWidth}
        aspectRatio={print.aspectRatio}
        moreLinkContent={moreLinkContent}
        select={handleSelect}
        eventClick={handleEventClick}
        eventDrop={handleMove}
        eventResize={handleMove}
        dayCellContent={dayCellContent}
        dayCellClassNames={dayCellClassNames}
        dayCellDidMount={dayCellDidMount}
        eventContent={eventContent}
        eventDidMount={eventDidMount}
        eventWillUnmount={eventWillUnmount}
        moreLinkDidMount={moreLinkDidMount}
        eventOrder="order,start,-duration,title"
        progressiveEventRendering
        // What a view shows depends on the view (day counts in the year, capped days in the month):
        // a month inside the year's fetched range must be fetched again, not cut from the year's events.
        lazyFetching={false}
      />
    </div>
  )
}
