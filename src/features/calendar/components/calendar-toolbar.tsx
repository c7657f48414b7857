/**
 * ‹ › Hôm nay · the period's title and its D-n range · Tháng | Tuần | Danh sách | Năm
 */
import { useShallow } from 'zustand/react/shallow'
import { addDays, todayIn } from '@/domain/dates/local-date'
import { electionOffsetLabel } from '@/domain/dates/election-offset'
import { useLanguage, useMessages } from '@/components/use-messages'
import { periodOf, periodTitle, stepPeriod } from '@/domain/dates/calendar-period'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'
import type { CalendarViewKind } from '@/store/planner-state'

const VIEWS: CalendarViewKind[] = ['month', 'week', 'list', 'year']

export function CalendarToolbar() {
  const { view, date } = usePlannerStore(useShallow((s) => s.calendar))
  const setCalendar = usePlannerStore((s) => s.setCalendar)
  const plan = usePlannerStore(selectActivePlan)
  const language = useLanguage()
  const messages = useMessages()
  const period = periodOf(view, date)
  const electionDay = plan.election.electionDay
  const dRange = messages.dOffsetRange(electionOffsetLabel(period.start, electionDay), electionOffsetLabel(addDays(period.end, -1), electionDay))

  return (
    <div className="calendar-toolbar" role="toolbar" aria-label={messages.tasks}>
      <div className="toolbar-group">
        <button type="button" className="icon-button" aria-label={messages.previous} onClick={() => setCalendar({ date: stepPeriod(view, date, -1) })}>‹</button>
        <button type="button" className="icon-button" aria-label={messages.next} onClick={() => setCalendar({ date: stepPeriod(view, date, 1) })}>›</button>
        <button type="button" onClick={() => setCalendar({ date: todayIn(plan.timeZone) })}>{messages.today}</button>
        <button type="button" className="election-day-link" onClick={() => setCalendar({ date: electionDay })}>{messages.electionDay}</button>
      </div>
      <h2 className="period-title" aria-live="polite">
        <span data-testid="period-title">{periodTitle(view, date, language)}</span>
        <span className="period-d-range" data-testid="period-d-range"> · {dRange}</span>
      </h2>
      <div className="toolbar-group view-switch" role="group">
        {VIEWS.map((v) => (
          <button key={v} type="button" aria-pressed={view === v} className={view === v ? 'is-active' : ''} onClick={() => setCalendar({ view: v })}>
            {messages.views[v]}
          </button>
        ))}
      </div>
    </div>
  )
}
