/**
 * "Danh sách": the tasks touching the period (a month), one row per task like the officials' Excel
 * plan, sorted by start. Virtualised: only the rows on screen exist in the DOM, so a month with
 * thousands of tasks renders as fast as one with ten (a FullCalendar list of a year at 10,000 tasks
 * takes ~11 s and 240,000 nodes, because it repeats a multi-day task on every day).
 *
 * One ARIA table (issue 11): the column headers are its first row group, the scroll box the second,
 * so a screen reader reads each cell with its column. Each row's status is a native select (issue
 * 12, "a quick way to update status where people look"): keyboard, phone pickers and screen readers
 * come with it, and a change is one undoable step. A series has one status (task-progress.ts says
 * what it means per occurrence), so its rows' selects say "whole series".
 */
import { useId, useMemo, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { addDays } from '@/domain/dates/local-date'
import { electionOffsetLabel } from '@/domain/dates/election-offset'
import { formatDateOrDateTime, formatDate } from '@/domain/dates/format-date'
import { lastDay } from '@/domain/plan/task-dates'
import { queryOccurrences, taskIndexOf, type TaskIndex } from '@/domain/plan/task-index'
import { occurrenceKey, type TaskOccurrence } from '@/domain/plan/recurrence'
import type { TaskPredicate } from '@/domain/filter/task-filter'
import { compareTitles } from '@/domain/plan/title-order'
import { TASK_STATUSES, type LocalDate, type TaskStatus } from '@/domain/types'
import { useLanguage, useMessages } from '@/components/use-messages'
import { PrintScreenHeader, printPeriodLabel } from '@/components/print-screen-header'
import { usePrinting } from '@/components/use-printing'
import { periodOf, periodTitle } from '@/domain/dates/calendar-period'
import { planViewOf } from '@/store/filter-slice'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'
import { useVisibleTaskPredicate } from '@/store/use-task-filter'
import '@/features/task-list/components/task-list-view.css'
import '@/features/task-list/components/task-list-print.css'

const ROW_HEIGHT_PX = 44
/** Rows made beyond the scroll box's ends. A phone month's day list makes fewer: it is built inside the tap that opens the month. */
const OVERSCAN_ROWS = 8
const DAY_OVERSCAN_ROWS = 3
/** A dashboard figure's tasks: ten years either side of election day (the task index walks months, bounded at 100 years). */
const DRILL_SPAN_DAYS = 3653

/**
 * `day`: the tasks of that one day, as the phone's month lists the day picked in its grid
 * (phone-month-view.tsx); without it, the list view's own period (a month, or the day a calendar's
 * "+n" opened).
 */
export function TaskListView({ day }: { day?: LocalDate } = {}) {
  const plan = usePlannerStore(selectActivePlan)
  const date = usePlannerStore((s) => s.calendar.date)
  const storeListDay = usePlannerStore((s) => s.calendar.listDay)
  const listDay = day ?? storeListDay
  const setCalendar = usePlannerStore((s) => s.setCalendar)
  const keep = useVisibleTaskPredicate()
  const openEditor = usePlannerStore((s) => s.openEditor)
  const setTaskStatus = usePlannerStore((s) => s.setTaskStatus)
  const summaryId = useId()
  const messages = useMessages()
  const language = useLanguage()
  // Opened from a dashboard figure (issue 12): the tasks behind it, whatever their month.
  const drilling = usePlannerStore((s) => Boolean(planViewOf(s).filter.progress))
  const month = periodOf('list', date)
  const electionDay = plan.election.electionDay
  const period = listDay ? { start: listDay, end: addDays(listDay, 1) }
    : drilling ? { start: addDays(electionDay, -DRILL_SPAN_DAYS), end: addDays(electionDay, DRILL_SPAN_DAYS) } : month

  const index = taskIndexOf(plan.tasks)
  const rows = useMemo(() => listRows(index, period.start, period.end, keep), [index, period.start, period.end, keep])
  const channels = useMemo(() => new Map(plan.channels.map((c) => [c.id, c])), [plan.channels])
  const units = useMemo(() => new Map(plan.units.map((u) => [u.id, u.name])), [plan.units])

  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT_PX, overscan: day ? DAY_OVERSCAN_ROWS : OVERSCAN_ROWS })
  // Ctrl+P: every row, in the page's flow (a table over as many sheets as it takes, task-list-print.css),
  // not only the rows the scroll box shows.
  const { printing, printedAt } = usePrinting()
  const items = printing ? rows.map((_, index) => ({ index, start: 0 })) : virtualizer.getVirtualItems()

  return (
    <div className={`task-list${day ? ' is-day-agenda' : ''}${printing ? ' is-printing' : ''}`} data-testid={day ? 'day-agenda' : 'task-list'}>
      {printedAt !== null ? (
        <PrintScreenHeader
          planName={plan.name}
          period={printPeriodLabel(listDay ? formatDate(listDay) : periodTitle('list', date, language), period, plan.election.electionDay, messages)}
          printedAt={printedAt}
          messages={messages}
        />
      ) : null}
      <div className="task-list-summary" id={summaryId}>
        {listDay
          ? messages.list.dayCount(rows.length, formatDate(listDay))
          : drilling ? messages.list.allMonthsCount(rows.length) : messages.list.count(rows.length, formatDate(period.start), formatDate(addDays(period.end, -1)))}
        {listDay ? <button type="button" className="small-button" onClick={() => setCalendar({ view: 'list', date: listDay })}>{messages.list.wholeMonth}</button> : null}
      </div>
      {rows.length === 0 ? <p className="task-list-empty">{messages.calendar.noTasks}</p> : null}
      {/* The header row counts as row 1 of aria-rowcount; the virtual rows say their own index. */}
      <div className="task-list-table" role="table" aria-labelledby={summaryId} aria-rowcount={rows.length + 1}>
        <div className="task-list-head-group" role="rowgroup">
          <div className="task-list-row task-list-head" role="row" aria-rowindex={1}>
            <span role="columnheader">{messages.list.date}</span>
            <span role="columnheader">{messages.list.dOffset}</span>
            <span role="columnheader">{messages.list.title}</span>
            <span role="columnheader">{messages.list.channel}</span>
            <span role="columnheader">{messages.list.lead}</span>
            <span role="columnheader">{messages.list.status}</span>
          </div>
        </div>
        <div ref={scrollRef} className="task-list-scroll" role="rowgroup">
          <div role="presentation" style={printing ? undefined : { height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rows[item.index]!
              const { task } = row
              const channel = task.channelId ? channels.get(task.channelId) : undefined
              const last = lastDay({ start: row.start, end: row.end, allDay: task.allDay })
              const when = task.allDay
                ? last === row.start ? formatDate(row.start) : `${formatDate(row.start)} – ${formatDate(last)}`
                : `${formatDateOrDateTime(row.start)} – ${row.end.slice(11, 16)}`
              const open = () => openEditor({ mode: 'edit', taskId: task.id, occurrenceDate: row.recurring ? row.occurrenceDate : null })
              const doneOn = task.status === 'done' && task.doneOn ? formatDate(task.doneOn) : null
              const doneOnText = doneOn ? messages.list.doneOn(doneOn) : undefined
              return (
                <div
                  key={row.recurring ? occurrenceKey(task.id, row.occurrenceDate) : task.id}
                  role="row"
                  aria-rowindex={item.index + 2}
                  tabIndex={0}
                  className="task-list-row"
                  style={printing ? undefined : { position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT_PX, transform: `translateY(${item.start}px)` }}
                  onClick={open}
                  // Only the row's own Enter: the status select inside it handles its keys itself.
                  onKeyDown={(e) => { if (e.key === 'Enter' && e.target === e.currentTarget) open() }}
                >
                  <span role="cell">{when}</span>
                  <span role="cell" className="muted">{electionOffsetLabel(row.start.slice(0, 10), plan.election.electionDay)}</span>
                  <span role="cell" className="task-list-title">{row.recurring ? `↻ ${task.title}` : task.title}</span>
                  <span role="cell">
                    {channel ? <span className="channel-dot" style={{ background: channel.color }} aria-hidden="true" /> : null}
                    {channel ? (language === 'en' && channel.nameEn ? channel.nameEn : channel.name) : ''}
                  </span>
                  <span role="cell">{task.leadUnitId ? units.get(task.leadUnitId) ?? '' : ''}</span>
                  <span role="cell" className="task-list-status" title={doneOnText}>
                    {printing ? `${messages.status[task.status]}${doneOn ? ` (${doneOn})` : ''}` : (
                      <select
                        className={`task-status-select status-${task.status}`}
                        value={task.status}
                        aria-label={row.recurring ? messages.list.seriesStatusOf(task.title) : messages.list.statusOf(task.title)}
                        aria-description={doneOnText}
                        // The row opens the editor on a click; choosing a status must not. (Its Enter is
                        // the row's own only; other keys, Ctrl+Z among them, go on to the app.)
                        onClick={(e) => e.stopPropagation()}
                        onChange={(e) => setTaskStatus(task.id, e.target.value as TaskStatus)}
                      >
                        {TASK_STATUSES.map((s) => <option key={s} value={s}>{messages.status[s]}</option>)}
                      </select>
                    )}
                  </span>
                </div>
              )
            })}
          </div>
        </div>
      </div>
    </div>
  )
}

/**
 * The last rows made, kept when the list unmounts: back on the list from another view (month → list,
 * as a phone does), the same period of the same tasks under the same filter is not queried and
 * sorted again (~130 ms of a phone's tap at 4× CPU on the 10,000-task plan). Two kept: a phone's
 * month lists its picked day with this view too, and must not push out the month's rows. The index
 * and the predicate are shared and immutable (task-index.ts, use-task-filter.ts): their identity is the key.
 */
interface KeptRows { index: TaskIndex; start: string; end: string; keep: TaskPredicate | null; rows: TaskOccurrence[] }
const KEPT_ROW_SETS = 2
let keptRows: KeptRows[] = []

function listRows(index: TaskIndex, start: string, end: string, keep: TaskPredicate | null): TaskOccurrence[] {
  const kept = keptRows.find((k) => k.index === index && k.start === start && k.end === end && k.keep === keep)
  if (kept) return kept.rows
  // A recurring task is one row per occurrence in the period, each at its own date.
  const rows = queryOccurrences(index, start, end, keep ?? undefined)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : compareTitles(a.task.title, b.task.title)))
  // A day (the phone month's) replaces the last day kept, a longer period the last one kept.
  const isDay = (k: Pick<KeptRows, 'start' | 'end'>) => addDays(k.start, 1) === k.end
  keptRows = [{ index, start, end, keep, rows }, ...keptRows.filter((k) => isDay(k) !== isDay({ start, end }))].slice(0, KEPT_ROW_SETS)
  return rows
}
