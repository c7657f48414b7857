/**
 * "Dòng thời gian": the campaign as rows of lead units (grouped by level) or of channels, tasks as
 * bars across days, the phases and legal milestones behind them and in a row of their own, and the
 * D-n scale under the dates. FullCalendar's resource timeline (premium, under its GPLv3 option, as
 * the project is GPL-3.0-or-later); this module is loaded only when the view is opened, so the
 * plugin is not part of the first download.
 *
 * A bar dragged along its row moves the task (the same store actions, rules and undo as the
 * calendar); dropped on another row it also changes the lead unit or channel, in one undo step.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import FullCalendar from '@fullcalendar/react'
import type {
  DateSelectArg, EventClickArg, EventContentArg, EventDropArg, EventMountArg, SlotLabelContentArg, SlotLaneContentArg,
} from '@fullcalendar/core'
import type { EventResizeDoneArg } from '@fullcalendar/interaction'
import interactionPlugin from '@fullcalendar/interaction'
import resourceTimelinePlugin from '@fullcalendar/resource-timeline'
import type { ColCellContentArg, ResourceInput, ResourceLabelContentArg } from '@fullcalendar/resource'
import viLocale from '@fullcalendar/core/locales/vi'
import enGbLocale from '@fullcalendar/core/locales/en-gb'
import { useShallow } from 'zustand/react/shallow'
import { campaignRangeOf, periodOf } from '@/domain/dates/calendar-period'
import { formatElectionOffset, offsetFromElectionDay } from '@/domain/dates/election-offset'
import { addDays, daysInMonth, diffDays, nowIn, toDayNumber, todayIn } from '@/domain/dates/local-date'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import { computeMilestones } from '@/domain/rules/milestones'
import { useLanguage, useMessages } from '@/components/use-messages'
import { taskEventDetails } from '@/components/task-event-label'
import { TimelineControls } from '@/features/timeline/components/timeline-controls'
import { useExposedLanes } from '@/features/timeline/hooks/use-exposed-lanes'
import { useProgressiveEvents } from '@/features/timeline/hooks/use-progressive-events'
import { useTimelineData } from '@/features/timeline/hooks/use-timeline-data'
import { barMove, dayClasses, scheduleEvents, type MoreStripProps, type TaskBarProps } from '@/features/timeline/utils/timeline-events'
import { NO_ROW_ID, SCHEDULE_ROW_ID, type RowCounts, type TimelineRow } from '@/features/timeline/utils/timeline-rows'
import { capForZoom, layoutForZoom } from '@/features/timeline/utils/timeline-zoom'
import { crowdedRowHeight, rowsInDisplayOrder } from '@/features/timeline/utils/progressive-rows'
import { timelineOptionsOf } from '@/store/planner-store'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'
import { useVisibleTaskPredicate } from '@/store/use-task-filter'
import '@/features/timeline/components/timeline.css'

const PLUGINS = [resourceTimelinePlugin, interactionPlugin]
/** FullCalendar Premium under its GPLv3 licence (the project is GPL-3.0-or-later; see README). */
const SCHEDULER_LICENSE_KEY = 'GPL-My-Project-Is-Open-Source'
/** As the calendar: FullCalendar runs in UTC so our wall-clock dates are shown exactly as written. */
const TIMELINE_TIME_ZONE = 'UTC'
const SLOT_DURATION = { days: 1 }
const RESOURCE_ORDER = 'groupKey,order'
const EVENT_ORDER = 'order,start,-duration,title'

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

const dayOf = (date: Date | null | undefined): string => (date ? date.toISOString().slice(0, 10) : '')

interface RowProps {
  groupKey: string
  order: number
  counts: RowCounts
  color: string | null
  rowKind: 'schedule' | 'none' | 'row'
}

export function TimelineView() {
  const plan = usePlannerStore(selectActivePlan)
  const date = usePlannerStore((s) => s.calendar.date)
  const options = usePlannerStore((s) => timelineOptionsOf(s.calendar))
  const { moveTask, moveOccurrence, moveTaskToRow, openEditor, setCalendar } = usePlannerStore(useShallow((s) => ({
    moveTask: s.moveTask, moveOccurrence: s.moveOccurrence, moveTaskToRow: s.moveTaskToRow, openEditor: s.openEditor, setCalendar: s.setCalendar,
  })))
  const keep = useVisibleTaskPredicate() ?? undefined
  const language = useLanguage()
  const messages = useMessages()
  const t = messages.timeline
  const today = todayIn(plan.timeZone)
  const electionDay = plan.election.electionDay

  const campaign = useMemo(() => campaignRangeOf(plan.phases, electionDay), [plan.phases, electionDay])
  const period = periodOf('timeline', date, { zoom: options.zoom, campaign })
  const visibleRange = useMemo(() => ({ start: period.start, end: period.end }), [period.start, period.end])
  const layout = layoutForZoom(options.zoom)

  const labels = useMemo(() => ({
    noUnit: t.noUnit,
    noChannel: t.noChannel,
    schedule: t.schedule,
    support: t.support,
    more: t.more,
    moreTitle: t.moreTitle,
    channelName: (c: { name: string; nameEn: string }) => (language === 'en' && c.nameEn ? c.nameEn : c.name),
  }), [t, language])
  const { rows, events: allTaskEvents } = useTimelineData({ plan, range: visibleRange, options, today, labels, keep })
  // A crowded timeline draws the rows on screen first (hooks/use-progressive-events.ts).
  const rootRef = useRef<HTMLDivElement>(null)
  const rowOrder = useMemo(() => rowsInDisplayOrder(rows), [rows])
  const drawKey = `${options.rows}|${options.zoom}|${visibleRange.start}|${visibleRange.end}`
  const taskEvents = useProgressiveEvents(allTaskEvents, rowOrder, drawKey, crowdedRowHeight(capForZoom(options.zoom).lanes), rootRef)

  const milestones = useMemo(() => computeMilestones(plan.election), [plan.election])
  const schedule = useMemo(() => scheduleEvents(plan.phases, milestones, language), [plan.phases, milestones, language])
  const events = useMemo(() => [...schedule, ...taskEvents], [schedule, taskEvents])
  const resources = useStableRows(rows)
  // From the stable resources: group labels are redrawn only when a row's counts change.
  const groupTotals = useMemo(() => totalsByGroup(resources), [resources])
  const days = useMemo(() => dayClasses(plan.phases, milestones, visibleRange), [plan.phases, milestones, visibleRange])

  // ── what the rows and the header show (DOM nodes with textContent: user text stays text) ──

  const resourceLabelContent = useCallback((arg: ResourceLabelContentArg) => {
    const props = arg.resource.extendedProps as RowProps
    const wrapper = element('div', `timeline-row-label is-${props.rowKind}`)
    const name = element('span', 'timeline-row-name', arg.resource.title)
    if (props.color) {
      const swatch = element('span', 'timeline-row-swatch')
      swatch.style.backgroundColor = props.color
      name.prepend(swatch)
    }
    wrapper.append(name)
    if (props.rowKind !== 'schedule') {
      const counts = element('span', `timeline-row-counts${props.counts.late > 0 ? ' has-late' : ''}`, t.rowCounts(props.counts.total, props.counts.late))
      counts.dataset.total = String(props.counts.total)
      counts.dataset.late = String(props.counts.late)
      wrapper.append(counts)
    }
    return { domNodes: [wrapper] }
  }, [t])

  const resourceGroupLabelContent = useCallback((arg: ColCellContentArg) => {
    const key = String(arg.groupValue ?? '')
    const group = key.slice(key.indexOf('-') + 1) as keyof typeof t.groups
    const wrapper = element('span', 'timeline-group-label', t.groups[group] ?? key)
    const totals = groupTotals.get(key)
    if (totals && group !== 'schedule') wrapper.append(element('span', 'timeline-row-counts', ` · ${t.rowCounts(totals.total, totals.late)}`))
    return { domNodes: [wrapper] }
  }, [t, groupTotals])

  const lastLevel = layout.slotLabelFormat.length - 1
  const slotLabelContent = useCallback((arg: SlotLabelContentArg) => {
    if (arg.level !== lastLevel) {
      // A month with only a few days in the range (the campaign's first week) is too narrow for its name.
      const label = element('span', 'timeline-slot-super', daysOfMonthShown(dayOf(arg.date), visibleRange) < MIN_DAYS_FOR_MONTH_NAME ? '' : arg.text)
      label.title = arg.text
      return { domNodes: [label] }
    }
    const day = dayOf(arg.date)
    const wrapper = element('span', 'timeline-slot-label')
    wrapper.append(element('span', 'timeline-slot-date', arg.text))
    wrapper.append(element('span', 'd-offset', formatElectionOffset(offsetFromElectionDay(day, electionDay))))
    return { domNodes: [wrapper] }
  }, [lastLevel, electionDay, visibleRange])
  const slotLabelClassNames = useCallback(
    (arg: SlotLabelContentArg) => (arg.level === lastLevel && dayOf(arg.date) === electionDay ? ['is-election-day'] : []),
    [lastLevel, electionDay],
  )
  const slotLaneClassNames = useCallback((arg: SlotLaneContentArg) => days.get(dayOf(arg.date)) ?? [], [days])

  // On the whole-campaign scale a milestone is a few pixels wide: a flag, its name in the tooltip.
  const flagsOnly = options.zoom === 'campaign'
  // A bar's accessible name says what its row, place and colour show: dates, D-n, channel, status.
  const labelContext = useRef({ tasks: plan.tasks, channels: plan.channels, electionDay, language, messages })
  useEffect(() => {
    labelContext.current = { tasks: plan.tasks, channels: plan.channels, electionDay, language, messages }
  }, [plan.tasks, plan.channels, electionDay, language, messages])
  const eventContent = useCallback((arg: EventContentArg) => {
    if (arg.event.extendedProps.kind === 'more-strip') return { domNodes: [moreStripContent(arg.event.extendedProps as MoreStripProps)] }
    const flag = flagsOnly && arg.event.extendedProps.kind === 'milestone'
    const content = element('span', 'timeline-bar-content', flag ? '⚑' : arg.event.title)
    const bar = arg.event.extendedProps as TaskBarProps
    const task = bar.kind === 'task' ? labelContext.current.tasks[bar.taskId] : undefined
    if (task) {
      const late = arg.event.classNames.includes('is-late') ? `, ${labelContext.current.messages.timeline.late}` : ''
      const details = taskEventDetails({ task, start: bar.start, end: bar.end, allDay: bar.allDay }, labelContext.current)
      content.append(element('span', 'visually-hidden', `, ${details}${late}`))
    }
    return { domNodes: [content] }
  }, [flagsOnly])
  const eventDidMount = useCallback((arg: EventMountArg) => {
    const late = arg.event.classNames.includes('is-late')
    const kind = arg.event.extendedProps.kind as string
    if (kind === 'more-strip') {
      // Not a stop of its own: its markers are (each a button, see moreStripContent).
      arg.el.removeAttribute('tabindex')
      return
    }
    arg.el.title = kind === 'more' ? String(arg.event.extendedProps.label) : late ? `${arg.event.title} (${t.late})` : arg.event.title
    // Which task a bar is (tests and support read it; FullCalendar puts no id on its elements).
    if (kind === 'task') arg.el.dataset.taskId = String(arg.event.extendedProps.taskId)
    // FullCalendar's `<a tabindex=0>` without href has no role; a bar or "+N" opens something.
    if (kind === 'task' || kind === 'more') arg.el.setAttribute('role', 'button')
    // Phases and milestones open nothing: not Tab stops (their names are in the bars' text).
    else arg.el.removeAttribute('tabindex')
  }, [t])
  // A group's collapse control is a bare <span>: make it a button a keyboard can reach (it also
  // makes the scrolling row-name column hold something focusable, axe scrollable-region-focusable).
  const resourceGroupLabelDidMount = useCallback((arg: { el: HTMLElement }) => {
    const expander = arg.el.querySelector<HTMLElement>('.fc-datagrid-expander')
    if (!expander || expander.getAttribute('role') === 'button') return
    expander.setAttribute('role', 'button')
    expander.tabIndex = 0
    expander.setAttribute('aria-label', arg.el.textContent?.trim() ?? '')
    const sync = () => expander.setAttribute('aria-expanded', String(expander.querySelector('.fc-icon-minus-square') !== null))
    sync()
    new MutationObserver(sync).observe(expander, { subtree: true, attributes: true, attributeFilter: ['class'] })
    expander.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return
      event.preventDefault()
      expander.click()
    })
  }, [])

  // ── editing ──

  const rowChange = useCallback((rowId: string) => {
    const target = rowId === NO_ROW_ID ? null : rowId
    return options.rows === 'units' ? { leadUnitId: target } : { channelId: target }
  }, [options.rows])

  const handleDrop = useCallback((arg: EventDropArg) => {
    const bar = arg.event.extendedProps as TaskBarProps
    if (bar.kind !== 'task' || bar.support || !arg.event.startStr) {
      arg.revert()
      return
    }
    const move = barMove(bar, arg.event.startStr.slice(0, 10), arg.event.endStr ? arg.event.endStr.slice(0, 10) : null)
    const newRow = arg.newResource?.id
    if (newRow !== undefined && newRow !== arg.oldResource?.id) {
      // A series' unit and channel are the series': an occurrence cannot change rows alone.
      if (newRow === SCHEDULE_ROW_ID || bar.occurrenceDate !== null) arg.revert()
      else moveTaskToRow(bar.taskId, move, rowChange(newRow))
      return
    }
    if (bar.occurrenceDate === null) moveTask(bar.taskId, move)
    else moveOccurrence(bar.taskId, bar.occurrenceDate, move)
  }, [moveTask, moveOccurrence, moveTaskToRow, rowChange])

  const handleResize = useCallback((arg: EventResizeDoneArg) => {
    const bar = arg.event.extendedProps as TaskBarProps
    if (bar.kind !== 'task' || bar.support || !bar.allDay || !arg.event.startStr) {
      arg.revert()
      return
    }
    const move = barMove(bar, arg.event.startStr.slice(0, 10), arg.event.endStr ? arg.event.endStr.slice(0, 10) : null)
    if (bar.occurrenceDate === null) moveTask(bar.taskId, move)
    else moveOccurrence(bar.taskId, bar.occurrenceDate, move)
  }, [moveTask, moveOccurrence])

  const allowOnRow = useCallback((span: { resource?: { id: string } }) => span.resource?.id !== SCHEDULE_ROW_ID, [])

  const handleSelect = useCallback((arg: DateSelectArg) => {
    const draft = emptyTaskDraft(arg.startStr.slice(0, 10), arg.endStr.slice(0, 10), true)
    const rowId = arg.resource?.id
    if (rowId && rowId !== SCHEDULE_ROW_ID && rowId !== NO_ROW_ID) {
      if (options.rows === 'units') draft.leadUnitId = rowId
      else draft.channelId = rowId
    }
    openEditor({ mode: 'create', draft })
    arg.view.calendar.unselect()
  }, [openEditor, options.rows])

  const handleEventClick = useCallback((arg: EventClickArg) => {
    const kind = arg.event.extendedProps.kind as string
    if (kind === 'task') {
      const bar = arg.event.extendedProps as TaskBarProps
      openEditor({ mode: 'edit', taskId: bar.taskId, occurrenceDate: bar.occurrenceDate })
    } else if (kind === 'more' || kind === 'more-strip') {
      // A run of hidden bars: look closer (campaign → month → week → that day's list). In a strip,
      // the marker clicked (or given Enter by the keyboard, which FullCalendar hands on as a click).
      const marker = kind === 'more-strip' && arg.jsEvent.target instanceof Element ? arg.jsEvent.target.closest<HTMLElement>('[data-more-start]') : null
      if (kind === 'more-strip' && !marker) return
      const day = marker ? String(marker.dataset.moreStart) : String(arg.event.extendedProps.start)
      if (options.zoom === 'campaign') usePlannerStore.getState().setTimelineOptions({ zoom: 'month' })
      else if (options.zoom === 'month') usePlannerStore.getState().setTimelineOptions({ zoom: 'week' })
      else {
        setCalendar({ view: 'list', date: day, listDay: day })
        return
      }
      setCalendar({ date: day })
    }
  }, [openEditor, options.zoom, setCalendar])

  // Other rows are other content: start them at the top (FullCalendar keeps the old scroll offset).
  useScrollResetOn(rootRef, options.rows)
  useExposedLanes(rootRef)

  const now = useCallback(() => nowIn(plan.timeZone), [plan.timeZone])
  const grouped = options.rows === 'units'

  return (
    <div ref={rootRef} className="timeline-view" data-testid="timeline" data-rows={options.rows} data-zoom={options.zoom}>
      <TimelineControls options={options} />
      <div className="timeline-calendar">
        <FullCalendar
          plugins={PLUGINS}
          schedulerLicenseKey={SCHEDULER_LICENSE_KEY}
          initialView="resourceTimeline"
          visibleRange={visibleRange}
          timeZone={TIMELINE_TIME_ZONE}
          now={now}
          locale={language === 'vi' ? viLocale : enGbLocale}
          firstDay={1}
          headerToolbar={false}
          height="100%"
          resources={resources}
          resourceOrder={RESOURCE_ORDER}
          // '' rather than undefined: the React wrapper would keep the previous value for an undefined prop.
          resourceGroupField={grouped ? 'groupKey' : ''}
          resourceAreaWidth="240px"
          resourceAreaHeaderContent={grouped ? t.rows.units : t.rows.channels}
          resourceLabelContent={resourceLabelContent}
          resourceGroupLabelContent={resourceGroupLabelContent}
          events={events}
          eventOrder={EVENT_ORDER}
          slotDuration={SLOT_DURATION}
          slotLabelFormat={layout.slotLabelFormat}
          slotLabelInterval={layout.slotLabelInterval}
          slotMinWidth={layout.slotMinWidth}
          slotLabelContent={slotLabelContent}
          slotLabelClassNames={slotLabelClassNames}
          slotLaneClassNames={slotLaneClassNames}
          eventContent={eventContent}
          eventDidMount={eventDidMount}
          resourceGroupLabelDidMount={resourceGroupLabelDidMount}
          editable
          // Resized from its end only: one handle less per bar (the start moves with a drag).
          eventResizableFromStart={false}
          eventResourceEditable
          selectable
          eventAllow={allowOnRow}
          selectAllow={allowOnRow}
          eventDrop={handleDrop}
          eventResize={handleResize}
          select={handleSelect}
          eventClick={handleEventClick}
        />
      </div>
    </div>
  )
}

/**
 * Scrolls FullCalendar's scrollers back to the top when `key` changes. Only scrollers seen scrolling
 * (a capturing scroll listener notes them) are touched: reading or setting `scrollTop` forces a
 * layout of the whole timeline (~120 ms at 10,000 tasks, after the first paint of a load, when
 * nothing has been scrolled yet).
 */
function useScrollResetOn(rootRef: RefObject<HTMLElement | null>, key: string): void {
  const scrolled = useRef(new Set<HTMLElement>())
  useEffect(() => {
    const root = rootRef.current
    if (!root) return undefined
    const note = (event: Event) => {
      const target = event.target
      if (!(target instanceof HTMLElement) || !target.classList.contains('fc-scroller')) return
      // Read while scrolling, when the layout is clean (a sideways scroll or a reset leaves it at 0).
      if (target.scrollTop !== 0) scrolled.current.add(target)
      else scrolled.current.delete(target)
    }
    root.addEventListener('scroll', note, { capture: true, passive: true })
    return () => root.removeEventListener('scroll', note, { capture: true })
  }, [rootRef])
  useEffect(() => scrollToTop(scrolled.current), [key])
}

function scrollToTop(scrollers: Set<HTMLElement>): void {
  for (const scroller of scrollers) {
    if (scroller.isConnected && scroller.scrollTop !== 0) scroller.scrollTop = 0
  }
  scrollers.clear()
}

/** What FullCalendar is told about a row (and what decides whether it is told again). */
function rowKey(row: TimelineRow): string {
  return [row.id, row.title, row.group, row.order, row.color ?? '', row.counts.total, row.counts.late].join('\u0001')
}

/**
 * The rows as FullCalendar resources, the same array as long as no row changed: a new array makes
 * FullCalendar rebuild every row and lane, and most edits (a drag along a row) change no row.
 */
function useStableRows(rows: readonly TimelineRow[]): ResourceInput[] {
  const key = rows.map(rowKey).join('\u0002')
  const [stable, setStable] = useState(() => ({ key, resources: toResources(rows) }))
  if (stable.key === key) return stable.resources
  const next = { key, resources: toResources(rows) }
  setStable(next)
  return next.resources
}

function toResources(rows: readonly TimelineRow[]): ResourceInput[] {
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    extendedProps: {
      groupKey: `${row.groupOrder}-${row.group}`, order: row.order, counts: row.counts, color: row.color,
      rowKind: row.id === SCHEDULE_ROW_ID ? 'schedule' : row.id === NO_ROW_ID ? 'none' : 'row',
    } satisfies RowProps,
  }))
}

/**
 * A row's "+N" markers inside its strip (one event across the range): each at its days, in percent
 * of the range (the timeline's days are equal columns), a button of its own for the pointer and the
 * keyboard (Enter reaches FullCalendar's key handler on the strip, which reports it as a click).
 */
function moreStripContent(strip: MoreStripProps): HTMLElement {
  const wrapper = element('span', 'timeline-more-items')
  const from = toDayNumber(strip.start)
  const days = Math.max(1, toDayNumber(strip.end) - from)
  for (const item of strip.items) {
    const marker = element('span', 'timeline-more', item.text)
    marker.style.left = `${((toDayNumber(item.start) - from) / days) * 100}%`
    marker.style.width = `${((toDayNumber(item.end) - toDayNumber(item.start)) / days) * 100}%`
    marker.title = item.label
    marker.dataset.moreStart = item.start
    marker.setAttribute('role', 'button')
    marker.tabIndex = 0
    wrapper.append(marker)
  }
  return wrapper
}

const MIN_DAYS_FOR_MONTH_NAME = 10

/** How many days of the month of `day` the range shows. */
function daysOfMonthShown(day: string, range: { start: string; end: string }): number {
  const first = `${day.slice(0, 7)}-01`
  const next = addDays(first, daysInMonth(Number(day.slice(0, 4)), Number(day.slice(5, 7))))
  const from = first > range.start ? first : range.start
  const to = next < range.end ? next : range.end
  return Math.max(0, diffDays(from, to))
}

/** Per group key, the sum of its rows' counts (for the group's header). */
function totalsByGroup(resources: readonly ResourceInput[]): Map<string, RowCounts> {
  const totals = new Map<string, RowCounts>()
  for (const resource of resources) {
    const { groupKey, counts } = resource.extendedProps as RowProps
    const sum = totals.get(groupKey) ?? { total: 0, late: 0 }
    totals.set(groupKey, { total: sum.total + counts.total, late: sum.late + counts.late })
  }
  return totals
}
