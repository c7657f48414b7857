/**
 * A stacked bar chart of work by status for some groups (lead units, channels or phases), late work
 * first, with its figures as a table under it. Each bar segment (a click) and each number of the
 * table (a button, for the keyboard) opens the list of the tasks it counts.
 */
import { useMemo } from 'react'
import type { ChartConfiguration } from 'chart.js'
import { useMessages } from '@/components/use-messages'
import { useNarrowScreen } from '@/components/use-narrow-screen'
import type { ProgressSelection } from '@/domain/progress/progress-items'
import type { Chart } from '@/features/dashboard/utils/chart-setup'
import { ChartCanvas } from '@/features/dashboard/components/chart-canvas'
import { SEGMENTS, segmentSelection, type Segment, type SegmentCounts } from '@/features/dashboard/utils/status-segments'

export interface StatusBarRow {
  key: string
  label: string
  counts: SegmentCounts
  total: number
  selection: ProgressSelection
  /** The row's own colour (a channel's), or undefined for the status colours. */
  color?: string
}

/** Status colours (units, phases); late is the same red everywhere. */
export const SEGMENT_COLORS: Record<Segment, string> = {
  late: '#c62828', 'in-progress': '#f0a500', planned: '#8fa3b3', done: '#2e7d32', cancelled: '#d8dee4',
}
/** On a channel's bar its own colour, lighter the less finished the work. */
const SEGMENT_ALPHA: Record<Exclude<Segment, 'late' | 'cancelled'>, number> = { done: 1, 'in-progress': 0.6, planned: 0.3 }

export function segmentColor(segment: Segment, rowColor: string | undefined): string {
  if (!rowColor || segment === 'late' || segment === 'cancelled') return SEGMENT_COLORS[segment]
  return withAlpha(rowColor, SEGMENT_ALPHA[segment])
}

function withAlpha(hex: string, alpha: number): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim())
  if (!m) return hex
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`
}

const BAR_ROW_PX = 26
/** Bar labels longer than this end in "…" (the table under the chart has the whole name); a phone has half the room. */
const MAX_LABEL_CHARS = 34
const MAX_LABEL_CHARS_NARROW = 16

export interface StatusBarsProps {
  id: string
  title: string
  groupHeader: string
  rows: StatusBarRow[]
  /** Colours the bars by their channel (the channel chart). */
  channelColours?: boolean
  printing: boolean
  onOpen: (selection: ProgressSelection) => void
  onChart: (chart: Chart | null) => void
}

export function StatusBars({ id, title, groupHeader, rows, channelColours, printing, onOpen, onChart }: StatusBarsProps) {
  const messages = useMessages()
  const t = messages.dashboard
  const maxChars = useNarrowScreen() && !printing ? MAX_LABEL_CHARS_NARROW : MAX_LABEL_CHARS
  const config = useMemo((): ChartConfiguration<'bar'> => ({
    type: 'bar',
    data: {
      labels: rows.map((row) => (row.label.length > maxChars ? `${row.label.slice(0, maxChars - 1)}…` : row.label)),
      datasets: SEGMENTS.map((segment) => ({
        label: t.segments[segment],
        data: rows.map((row) => row.counts[segment]),
        backgroundColor: rows.map((row) => segmentColor(segment, row.color)),
        borderColor: '#ffffff',
        borderWidth: { right: 1 },
        barThickness: 18,
      })),
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#eef0f2' } },
        y: { stacked: true, grid: { display: false }, ticks: { autoSkip: false } },
      },
      plugins: { tooltip: { mode: 'nearest', intersect: true } },
      onClick: (_event, elements) => {
        const hit = elements[0]
        const row = hit ? rows[hit.index] : undefined
        const segment = hit ? SEGMENTS[hit.datasetIndex] : undefined
        if (row && segment) onOpen(segmentSelection(row.selection, segment))
      },
      onHover: (event, elements) => {
        const target = event.native?.target
        if (target instanceof HTMLElement) target.style.cursor = elements.length > 0 ? 'pointer' : 'default'
      },
    },
  }), [rows, t, onOpen, maxChars])

  const sums = SEGMENTS.map((segment) => rows.reduce((n, row) => n + row.counts[segment], 0))
  const heightPx = Math.max(80, rows.length * BAR_ROW_PX + 40)

  return (
    <section className="dashboard-card dashboard-wide" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <Legend channelColours={channelColours ?? false} />
      {rows.length > 0 ? (
        <ChartCanvas config={config} heightPx={heightPx} label={t.chartLabel(title)} printing={printing} onChart={onChart} testId={`${id}-chart`} />
      ) : <p className="muted">{t.empty}</p>}
      <div className="dashboard-table-wrap">
        <table className="dashboard-table" data-testid={`${id}-table`}>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{groupHeader}</th>
              {SEGMENTS.map((segment) => <th scope="col" key={segment} className="num">{t.segments[segment]}</th>)}
              <th scope="col" className="num">{t.sum}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-key={row.key}>
                <th scope="row">
                  {row.color ? <span className="channel-dot" style={{ background: row.color }} aria-hidden="true" /> : null}
                  {row.label}
                </th>
                {SEGMENTS.map((segment) => (
                  <td key={segment} className={`num${segment === 'late' && row.counts.late > 0 ? ' is-late' : ''}`}>
                    <CountButton count={row.counts[segment]} label={`${row.label} · ${t.segments[segment]}`} onOpen={() => onOpen(segmentSelection(row.selection, segment))} />
                  </td>
                ))}
                <td className="num"><CountButton count={row.total} label={row.label} onOpen={() => onOpen(row.selection)} testId={`${id}-open-${row.key}`} /></td>
              </tr>
            ))}
          </tbody>
          {rows.length > 1 ? (
            <tfoot>
              <tr>
                <th scope="row">{t.sum}</th>
                {sums.map((sum, i) => <td key={SEGMENTS[i]} className="num">{sum}</td>)}
                <td className="num">{rows.reduce((n, row) => n + row.total, 0)}</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </section>
  )
}

/** A number that opens its tasks; a zero opens nothing and is plain text. */
export function CountButton({ count, label, onOpen, testId, children }: { count: number; label: string; onOpen: () => void; testId?: string; children?: React.ReactNode }) {
  const messages = useMessages()
  if (count === 0) return <span className="count-zero" data-testid={testId}>{children ?? 0}</span>
  return (
    // With visible words of its own, the button's name starts with them (WCAG 2.5.3, "label in name").
    <button type="button" className="count-button" aria-label={children ? undefined : messages.dashboard.open(label, count)} onClick={onOpen} data-testid={testId}>
      {children ?? count}
      {children ? <span className="visually-hidden"> ({messages.dashboard.open(label, count)})</span> : null}
    </button>
  )
}

function Legend({ channelColours }: { channelColours: boolean }) {
  const t = useMessages().dashboard
  const sample = '#1f5fa8'
  return (
    <ul className="dashboard-legend" aria-hidden="true">
      {SEGMENTS.map((segment) => (
        <li key={segment}><span className="swatch" style={{ background: segmentColor(segment, channelColours ? sample : undefined) }} />{t.segments[segment]}</li>
      ))}
    </ul>
  )
}
