/**
 * "Báo cáo tiến độ (Word)": the proposals paragraph (section IV) to write first, then the download.
 * The Word module (src/io/progress-report) and the docx library load only when the report is made.
 * The charts go in as PNGs: the burn-up's from the dashboard's own canvas, the three status charts
 * (HTML bars on screen) drawn by Chart.js for the report (utils/status-chart-picture.ts), by lead
 * unit, channel and phase, then the burn-up, as the dashboard shows them.
 */
import { useState } from 'react'
import { ModalDialog } from '@/components/modal-dialog'
import { useLanguage, useMessages } from '@/components/use-messages'
import type { TaskFilter } from '@/domain/filter/task-filter'
import type { ProgressFigures } from '@/domain/progress/progress-figures'
import type { Plan } from '@/domain/types'
import type { ProgressReportChart } from '@/io/progress-report/progress-report-input'
import { downloadFile } from '@/lib/file-download'
import { chartPngForPrint, type Chart } from '@/features/dashboard/utils/chart-setup'
import { describeFilter } from '@/features/dashboard/utils/describe-filter'
import { statusChartPng } from '@/features/dashboard/utils/status-chart-picture'
import { SEGMENTS, type StatusBarRow } from '@/features/dashboard/utils/status-segments'

/** A status chart of the dashboard (its title is the picture's caption). */
export interface StatusChart {
  title: string
  rows: readonly StatusBarRow[]
}

/** The proposals typed, kept per plan while the page is open (closing the dialog does not lose them). */
const proposalsByPlan = new Map<string, string>()

export function ProgressReportDialog({ plan, figures, filter, statusCharts, burnUpChart, onClose }: {
  plan: Plan
  figures: ProgressFigures
  filter: TaskFilter
  statusCharts: readonly StatusChart[]
  burnUpChart: () => Chart | null
  onClose: () => void
}) {
  const messages = useMessages()
  const t = messages.dashboard
  const language = useLanguage()
  const [proposals, setProposals] = useState(() => proposalsByPlan.get(plan.id) ?? '')
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle')

  const download = async () => {
    setState('busy')
    try {
      const { buildProgressReportDocx, progressReportFileName, PROGRESS_REPORT_MIME_TYPE } = await import('@/io/progress-report/progress-report-docx')
      // Paper has no hover and the dashboard's legends are HTML: each picture says what its colours mean.
      const barsLegend = t.reportLegendBars(SEGMENTS.map((segment) => t.segments[segment]).join(', '))
      // A chart with no bars is left out, as the dashboard shows no chart for it.
      const images: ProgressReportChart[] = statusCharts.filter((chart) => chart.rows.length > 0)
        .map(({ title, rows }) => ({ title, legend: barsLegend, ...statusChartPng(rows, t.segments) }))
      const burnUp = burnUpChart()
      if (burnUp) images.push({ title: t.burnUp, legend: t.reportLegendBurnUp(t.burnUpPlanned, t.burnUpDone, t.asOfMarker), ...chartPngForPrint(burnUp) })
      const bytes = await buildProgressReportDocx({
        plan, figures, asOf: figures.asOf, language, proposals, charts: images, filterDescription: describeFilter(filter, plan, messages, language),
      })
      downloadFile(progressReportFileName(plan, figures.asOf, language), bytes as BlobPart, PROGRESS_REPORT_MIME_TYPE)
      setState('idle')
      onClose()
    } catch (error) {
      console.error(error)
      setState('failed')
    }
  }

  return (
    <ModalDialog title={t.report} labelledById="progress-report-title" onRequestClose={onClose} className="progress-report-dialog">
      <label className="field">
        <span>{t.proposals}</span>
        <textarea
          rows={6}
          value={proposals}
          data-testid="report-proposals"
          onChange={(e) => {
            proposalsByPlan.set(plan.id, e.target.value)
            setProposals(e.target.value)
          }}
        />
      </label>
      <p className="muted small">{t.proposalsHint}</p>
      {state === 'failed' ? <p role="alert" className="field-error">{t.reportFailed}</p> : null}
      <div className="dialog-actions"><span className="spacer" />
        <button type="button" onClick={onClose}>{t.cancel}</button>
        <button type="button" className="primary" disabled={state === 'busy'} onClick={() => void download()} data-testid="report-download">
          {state === 'busy' ? t.preparing : t.download}
        </button>
      </div>
    </ModalDialog>
  )
}
