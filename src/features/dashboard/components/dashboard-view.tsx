/**
 * "Tổng quan": the progress dashboard of the active plan under the app's filter, as of a day (today,
 * or an earlier day to review the plan as it stood). The figures are computed once by
 * `computeProgressFigures` (the Word report gets the same object); this view only lays them out.
 *
 * Every bar, figure and row opens the list view on the tasks behind it, through the filter's
 * "tasks behind a figure" facet (domain/filter/progress-drill.ts). Coming back here drops that
 * facet and keeps its as-of day, so the dashboard shows what it showed before.
 *
 * Loaded lazily (src/app/app.tsx) with Chart.js: neither is in the first load. Chart.js draws the
 * burn-up only; the status bars are HTML (status-bars.tsx).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useLanguage, useMessages } from '@/components/use-messages'
import { PrintScreenHeader } from '@/components/print-screen-header'
import { usePrinting } from '@/components/use-printing'
import { electionOffsetLabel } from '@/domain/dates/election-offset'
import { formatDate } from '@/domain/dates/format-date'
import { todayIn } from '@/domain/dates/local-date'
import { computeProgressFigures } from '@/domain/progress/progress-figures'
import { selectProgressItems, type ProgressSelection } from '@/domain/progress/progress-items'
import { TASK_STATUSES, type LocalDate } from '@/domain/types'
import { planViewOf } from '@/store/filter-slice'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'
import { useActiveFilter, useMyUnitIds, visibleTaskPredicate } from '@/store/use-task-filter'
import { AsOfField } from '@/features/dashboard/components/as-of-field'
import { BurnUpChart } from '@/features/dashboard/components/burn-up-chart'
import { ProgressReportDialog, type StatusChart } from '@/features/dashboard/components/progress-report-dialog'
import { CountButton, StatusBars } from '@/features/dashboard/components/status-bars'
import { MilestoneList, TrainingCard } from '@/features/dashboard/components/figure-cards'
import type { Chart } from '@/features/dashboard/utils/chart-setup'
import { countFormat } from '@/features/dashboard/utils/count-format'
import { segmentGroups, type StatusBarRow } from '@/features/dashboard/utils/status-segments'
import '@/features/dashboard/components/dashboard.css'

/** The name of the performance measure of each computation of the figures. */
export const FIGURES_MEASURE = 'dashboard figures'

/** The figures, timed under FIGURES_MEASURE: the benchmark (scripts/bench/dashboard.ts) reads their share of "dashboard ready". */
function measuredFigures(...args: Parameters<typeof computeProgressFigures>): ReturnType<typeof computeProgressFigures> {
  const start = performance.now()
  const figures = computeProgressFigures(...args)
  performance.measure(FIGURES_MEASURE, { start, end: performance.now() })
  return figures
}

/** The as-of day chosen per plan, kept while the page is open (going to the list and back keeps it). */
const chosenAsOf = new Map<string, LocalDate>()

export function DashboardView() {
  const messages = useMessages()
  const t = messages.dashboard
  const language = useLanguage()
  const plan = usePlannerStore(selectActivePlan)
  const filter = useActiveFilter()
  const myUnitIds = useMyUnitIds()
  const hiddenChannelIds = usePlannerStore(useShallow((s) => s.hiddenChannelIds))
  const updateFilter = usePlannerStore((s) => s.updateFilter)
  const setCalendar = usePlannerStore((s) => s.setCalendar)
  const today = todayIn(plan.timeZone)
  const [asOf, setAsOfState] = useState<LocalDate>(() => {
    const drilled = planViewOf(usePlannerStore.getState()).filter.progress?.asOf
    return drilled ?? chosenAsOf.get(plan.id) ?? today
  })
  const setAsOf = (day: LocalDate) => {
    chosenAsOf.set(plan.id, day)
    setAsOfState(day)
  }
  const { printing, printedAt } = usePrinting()
  const [reportOpen, setReportOpen] = useState(false)

  // Back from a list opened here: the facet was the way in; the dashboard shows the filter without it.
  useEffect(() => {
    if (planViewOf(usePlannerStore.getState()).filter.progress) usePlannerStore.getState().updateFilter({ progress: null })
  }, [])

  // The filter's "late" is judged on the as-of day too, so a filtered dashboard agrees with its own figures.
  const baseFilter = useMemo(() => (filter.progress ? { ...filter, progress: null } : filter), [filter])
  const keep = useMemo(
    () => visibleTaskPredicate(plan, baseFilter, myUnitIds, hiddenChannelIds, asOf),
    [plan, baseFilter, myUnitIds, hiddenChannelIds, asOf],
  )
  const figures = useMemo(() => measuredFigures(plan, { asOf, keep }), [plan, asOf, keep])

  const open = useCallback((selection: ProgressSelection) => {
    // The list shows a month: the month of the first task behind the figure.
    const first = selectProgressItems(figures.items, selection)[0]
    updateFilter({ progress: { asOf: figures.asOf, selection } })
    setCalendar({ view: 'list', date: first?.firstDay ?? figures.asOf })
  }, [figures, updateFilter, setCalendar])

  // The burn-up's Chart.js chart, for the report's picture of it (the status bars' pictures are drawn for the report).
  const burnUpChart = useRef<Chart | null>(null)
  const setBurnUpChart = useCallback((chart: Chart | null) => { burnUpChart.current = chart }, [])

  const rows = useMemo(() => {
    const unitName = new Map(plan.units.map((u) => [u.id, u.name]))
    const channelOf = new Map(plan.channels.map((c) => [c.id, c]))
    const phaseOf = new Map(plan.phases.map((p) => [p.id, p]))
    const build = (groups: typeof figures.byUnit, label: (key: string | null) => string, color?: (key: string | null) => string | undefined): StatusBarRow[] =>
      segmentGroups(groups).map(({ group, counts }) => ({
        key: group.key ?? '-', label: label(group.key), counts, total: group.tally.total, selection: group.selection, color: color?.(group.key),
      }))
    return {
      unit: build(figures.byUnit, (key) => (key === null ? t.noUnit : unitName.get(key) ?? key)),
      channel: build(figures.byChannel, (key) => {
        const channel = key === null ? undefined : channelOf.get(key)
        if (key === null) return t.noChannel
        return channel ? (language === 'en' && channel.nameEn ? channel.nameEn : channel.name) : key
      }, (key) => (key === null ? '#8c959f' : channelOf.get(key)?.color)),
      phase: build(figures.byPhase, (key) => {
        const phase = key === null ? undefined : phaseOf.get(key)
        if (key === null) return t.outsidePhases
        return phase ? (language === 'en' && phase.nameEn ? phase.nameEn : phase.name) : key
      }),
    }
  }, [figures, plan.units, plan.channels, plan.phases, t, language])

  const { headline } = figures
  const number = countFormat(language)
  const statusCharts: StatusChart[] = [
    { title: t.byUnit, rows: rows.unit }, { title: t.byChannel, rows: rows.channel }, { title: t.byPhase, rows: rows.phase },
  ]

  return (
    <div className={`dashboard${printing ? ' is-printing' : ''}`} data-testid="dashboard">
      {printedAt !== null ? (
        <PrintScreenHeader planName={plan.name} period={`${t.title} · ${t.asOf} ${formatDate(asOf)} (${electionOffsetLabel(asOf, headline.electionDay)})`} printedAt={printedAt} messages={messages} />
      ) : null}
      <div className="dashboard-head">
        <h2 className="dashboard-title">{t.title}</h2>
        <AsOfField label={t.asOf} value={asOf} onChange={setAsOf} hint="dd/mm/yyyy" />
        <button type="button" onClick={() => setAsOf(today)} disabled={asOf === today}>{t.today}</button>
        <span className="dashboard-actions">
          <button type="button" onClick={() => setReportOpen(true)} data-testid="dash-report">{t.report}</button>
          <button type="button" onClick={() => window.print()}>{t.print}</button>
        </span>
      </div>
      <p className="dashboard-note dashboard-hint">{t.chartHint}</p>

      <section className="dashboard-card dashboard-wide" aria-labelledby="dash-headline-title">
        <h3 id="dash-headline-title">{t.headline}</h3>
        <p className="dashboard-note" data-testid="dash-total">{t.total(number(headline.tally.total), number(headline.taskCount))}</p>
        <ul className="headline-figures" data-testid="dash-headline">
          {(['done', 'in-progress', 'planned', 'cancelled'] as const).map((status) => (
            <li key={status} className={`headline-figure is-${status}`}>
              <CountButton count={headline.tally.byStatus[status]} label={messages.status[status]} onOpen={() => open({ status })} testId={`dash-figure-${status}`}>
                <span className="figure-label">{t.segments[status]}</span>
                <span className="figure-value">{number(headline.tally.byStatus[status])}</span>
                <span className="figure-sub">{headline.percent[status]}%</span>
              </CountButton>
            </li>
          ))}
          <li className="headline-figure is-late">
            <CountButton count={headline.tally.late} label={t.late} onOpen={() => open({ late: true })} testId="dash-figure-late">
              <span className="figure-label">{t.late}</span>
              <span className="figure-value">{number(headline.tally.late)}</span>
              <span className="figure-sub">&nbsp;</span>
            </CountButton>
          </li>
          <li className="headline-figure is-due">
            <CountButton count={headline.tally.dueSoon} label={t.dueSoon} onOpen={() => open({ dueSoon: true })} testId="dash-figure-due">
              <span className="figure-label">{t.dueSoon}</span>
              <span className="figure-value">{number(headline.tally.dueSoon)}</span>
              <span className="figure-sub">&nbsp;</span>
            </CountButton>
          </li>
          <li className="headline-figure is-days" data-testid="dash-figure-election">
            <span className="figure-label">{t.toElection} ({formatDate(headline.electionDay)})</span>
            <span className="figure-value">{electionOffsetLabel(asOf, headline.electionDay)}</span>
            <span className="figure-sub">{t.daysLeft(headline.daysToElection)}</span>
          </li>
          <li className="headline-figure is-days" data-testid="dash-figure-results">
            <span className="figure-label">{t.toResults} ({formatDate(headline.resultsDeadline)})</span>
            {/* Days, counted either way: the line below says whether they are left or past ("-2003" read as a typo). */}
            <span className="figure-value">{number(Math.abs(headline.daysToResults))}</span>
            <span className="figure-sub">{t.daysLeft(headline.daysToResults)}</span>
          </li>
        </ul>
        <table className="dashboard-table visually-hidden-screen headline-table">
          <caption>{t.headline}</caption>
          <tbody>
            {TASK_STATUSES.map((status) => (
              <tr key={status}><th scope="row">{t.segments[status]}</th><td className="num">{headline.tally.byStatus[status]}</td><td className="num">{headline.percent[status]}%</td></tr>
            ))}
            <tr><th scope="row">{t.late}</th><td className="num">{headline.tally.late}</td><td /></tr>
            <tr><th scope="row">{t.dueSoon}</th><td className="num">{headline.tally.dueSoon}</td><td /></tr>
          </tbody>
        </table>
      </section>

      <div className="dashboard-grid">
        <StatusBars id="dash-unit" title={t.byUnit} groupHeader={t.unit} rows={rows.unit} onOpen={open} />
        <StatusBars id="dash-channel" title={t.byChannel} groupHeader={t.channel} rows={rows.channel} channelColours onOpen={open} />
        <StatusBars id="dash-phase" title={t.byPhase} groupHeader={t.phase} rows={rows.phase} onOpen={open} />
        <BurnUpChart burnUp={figures.burnUp} electionDay={headline.electionDay} printing={printing} onChart={setBurnUpChart} />
        <TrainingCard figures={figures} onOpen={open} />
        <MilestoneList figures={figures} onOpen={open} />
      </div>
      {reportOpen ? (
        <ProgressReportDialog plan={plan} figures={figures} filter={baseFilter} statusCharts={statusCharts} burnUpChart={() => burnUpChart.current} onClose={() => setReportOpen(false)} />
      ) : null}
    </div>
  )
}
