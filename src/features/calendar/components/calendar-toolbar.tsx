/**
 * ‹ › Hôm nay · the period's title and its D-n range · Tháng | Tuần | Danh sách | Năm | Dòng thời gian
 * (the timeline's period follows its zoom; its own controls are in the timeline view).
 *
 * A role=toolbar is one Tab stop: ← → Home End move between its buttons (useRovingFocus), so the
 * keyboard reaches the calendar after one stop here instead of nine.
 */
import { useShallow } from 'zustand/react/shallow'
import { addDays, todayIn } from '@/domain/dates/local-date'
import { electionOffsetLabel } from '@/domain/dates/election-offset'
import { useLanguage, useMessages } from '@/components/use-messages'
import { useRovingFocus } from '@/components/use-roving-focus'
import { campaignRangeOf, periodOf, periodTitle, stepPeriod, type PeriodOptions } from '@/domain/dates/calendar-period'
import { timelineOptionsOf } from '@/store/planner-store'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'
import type { ViewKind } from '@/store/planner-state'

const VIEWS: ViewKind[] = ['month', 'week', 'list', 'year', 'timeline', 'dashboard']

export function CalendarToolbar() {
  const { view, date } = usePlannerStore(useShallow((s) => s.calendar))
  const setCalendar = usePlannerStore((s) => s.setCalendar)
  const plan = usePlannerStore(selectActivePlan)
  const language = useLanguage()
  const messages = useMessages()
  const electionDay = plan.election.electionDay
  const zoom = usePlannerStore((s) => timelineOptionsOf(s.calendar).zoom)
  const periodOptions: PeriodOptions = view === 'timeline' ? { zoom, campaign: campaignRangeOf(plan.phases, electionDay) } : {}
  const period = periodOf(view, date, periodOptions)
  const roving = useRovingFocus<HTMLDivElement>('horizontal')
  const dRange = messages.dOffsetRange(electionOffsetLabel(period.start, electionDay), electionOffsetLabel(addDays(period.end, -1), electionDay))

  return (
    <div className="calendar-toolbar" role="toolbar" aria-label={messages.calendarToolbar} {...roving}>
      {/* The dashboard has no period of its own (its "as of" day is in the dashboard): no ‹ › or title. */}
      {view === 'dashboard' ? <h2 className="period-title">{messages.views.dashboard}</h2> : <>
      <div className="toolbar-group">
        <button type="button" className="icon-button" aria-label={messages.previous} onClick={() => setCalendar({ date: stepPeriod(view, date, -1, periodOptions) })}>‹</button>
        <button type="button" className="icon-button" aria-label={messages.next} onClick={() => setCalendar({ date: stepPeriod(view, date, 1, periodOptions) })}>›</button>
        <button type="button" onClick={() => setCalendar({ date: todayIn(plan.timeZone) })}>{messages.today}</button>
        <button type="button" className="election-day-link" onClick={() => setCalendar({ date: electionDay })}>{messages.electionDay}</button>
      </div>
      <h2 className="period-title" aria-live="polite">
        <span data-testid="period-title">{periodTitle(view, date, language, periodOptions)}</span>
        <span className="period-d-range" data-testid="period-d-range"> · {dRange}</span>
      </h2>
      </>}
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
