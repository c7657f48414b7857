/**
 * The burn-up: work due (cumulative, by each item's last day) and work done (by the day it was
 * done) from the first phase to the results deadline, with the as-of day and election day marked.
 * Its figures are a table for screen readers and paper (hidden on screen, where the chart and the
 * one-line summary say it).
 */
import { useMemo } from 'react'
import type { ChartConfiguration } from 'chart.js'
import { useLanguage, useMessages } from '@/components/use-messages'
import { formatDate } from '@/domain/dates/format-date'
import type { BurnUp } from '@/domain/progress/burn-up'
import type { LocalDate } from '@/domain/types'
import { ChartCanvas } from '@/features/dashboard/components/chart-canvas'
import { formatCount } from '@/features/dashboard/utils/count-format'
import { verticalMarkers, type Chart, type VerticalMarker } from '@/features/dashboard/utils/chart-setup'

const HEIGHT_PX = 260

export function BurnUpChart({ burnUp, electionDay, printing, onChart }: { burnUp: BurnUp; electionDay: LocalDate; printing: boolean; onChart: (chart: Chart | null) => void }) {
  const t = useMessages().dashboard
  const language = useLanguage()
  const config = useMemo((): ChartConfiguration<'line'> => {
    const labels = burnUp.points.map((p) => formatDate(p.date).slice(0, 5))
    const markers: VerticalMarker[] = []
    const electionIndex = burnUp.points.findIndex((p) => p.date >= electionDay)
    if (electionIndex >= 0) markers.push({ index: electionIndex, label: t.electionMarker, color: '#a81b15' })
    if (burnUp.asOfIndex !== null) markers.push({ index: burnUp.asOfIndex, label: t.asOfMarker, color: '#0b5cad' })
    return {
      type: 'line',
      data: {
        labels,
        datasets: [
          { label: t.burnUpPlanned, data: burnUp.points.map((p) => p.planned), borderColor: '#59636e', backgroundColor: '#59636e', borderDash: [6, 4], pointRadius: 0, borderWidth: 2, stepped: false },
          { label: t.burnUpDone, data: burnUp.points.map((p) => p.done), borderColor: '#2e7d32', backgroundColor: '#2e7d32', pointRadius: 0, borderWidth: 3, spanGaps: false },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 10 }, grid: { color: '#eef0f2' } },
          // Counts written by the app's own grouping: Chart.js's default makes an Intl.NumberFormat, ~30 ms on a cold page.
          y: { beginAtZero: true, suggestedMax: burnUp.total, ticks: { precision: 0, callback: (value) => (typeof value === 'number' ? formatCount(value, language) : value) }, grid: { color: '#eef0f2' } },
        },
      },
      plugins: [verticalMarkers(() => markers)],
    }
  }, [burnUp, electionDay, t, language])

  const today = burnUp.asOfIndex !== null ? burnUp.points[burnUp.asOfIndex] : null
  return (
    <section className="dashboard-card dashboard-wide" aria-labelledby="dash-burnup-title">
      <h3 id="dash-burnup-title">{t.burnUp}</h3>
      <ul className="dashboard-legend" aria-hidden="true">
        <li><span className="swatch is-line is-dashed" />{t.burnUpPlanned}</li>
        <li><span className="swatch is-line" style={{ background: '#2e7d32' }} />{t.burnUpDone}</li>
        <li><span className="swatch is-line is-marker" />{t.asOfMarker}</li>
      </ul>
      <ChartCanvas config={config} heightPx={HEIGHT_PX} label={t.chartLabel(t.burnUp)} printing={printing} onChart={onChart} testId="dash-burnup-chart" />
      {today ? <p className="dashboard-note" data-testid="dash-burnup-summary">{t.burnUpSummary(today.planned, today.done ?? 0, burnUp.total)}</p> : null}
      <table className="dashboard-table visually-hidden-screen">
        <caption>{t.burnUp}</caption>
        <thead><tr><th scope="col">{t.burnUpDate}</th><th scope="col" className="num">{t.burnUpPlanned}</th><th scope="col" className="num">{t.burnUpDone}</th></tr></thead>
        <tbody>
          {burnUp.points.map((p) => (
            <tr key={p.date}><th scope="row">{formatDate(p.date)}</th><td className="num">{p.planned}</td><td className="num">{p.done ?? '—'}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
