/**
 * A stacked bar chart of work by status for some groups (lead units, channels or phases), late work
 * first, with its figures as a table under it. Each bar segment (a click) and each number of the
 * table (a button, for the keyboard) opens the list of the tasks it counts.
 *
 * The bars are HTML (a row per group, its segments sized in %), not Chart.js charts: building three
 * bar charts on opening cost more than these rows (issue 12: the dashboard at 10,000 tasks), and the
 * burn-up is the only chart left on the page. They print as they show. The Word report draws its own
 * pictures of them (utils/status-chart-picture.ts).
 */
import { useMessages } from '@/components/use-messages'
import type { ProgressSelection } from '@/domain/progress/progress-items'
import { segmentColor } from '@/features/dashboard/utils/segment-colors'
import { SEGMENTS, segmentSelection, type StatusBarRow } from '@/features/dashboard/utils/status-segments'

/** About a table row's and the header's height on screen: the room kept for a table not laid out yet. */
const TABLE_ROW_PX = 27
const TABLE_HEAD_PX = 40

export interface StatusBarsProps {
  id: string
  title: string
  groupHeader: string
  rows: readonly StatusBarRow[]
  /** Colours the bars by their channel (the channel chart). */
  channelColours?: boolean
  onOpen: (selection: ProgressSelection) => void
}

export function StatusBars({ id, title, groupHeader, rows, channelColours, onOpen }: StatusBarsProps) {
  const messages = useMessages()
  const t = messages.dashboard
  const sums = SEGMENTS.map((segment) => rows.reduce((n, row) => n + row.counts[segment], 0))

  return (
    <section className="dashboard-card dashboard-wide" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <Legend channelColours={channelColours ?? false} />
      {rows.length > 0 ? <Bars rows={rows} label={t.chartLabel(title)} testId={`${id}-chart`} onOpen={onOpen} /> : <p className="muted">{t.empty}</p>}
      {/* On screen laid out only once scrolled near (dashboard.css); until then it keeps about its height. */}
      <div className="dashboard-table-wrap is-below-bars" style={{ containIntrinsicSize: `auto ${TABLE_HEAD_PX + (rows.length + 1) * TABLE_ROW_PX}px` }}>
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

/**
 * The bars: the longest as wide as the room (less its total), the others to scale. A picture for
 * assistive technology (the table under it has every number as a button); a segment's title says
 * its count to the mouse, and its click opens its tasks, as the chart's did.
 */
function Bars({ rows, label, testId, onOpen }: { rows: readonly StatusBarRow[]; label: string; testId: string; onOpen: (selection: ProgressSelection) => void }) {
  const t = useMessages().dashboard
  const longest = Math.max(1, ...rows.map((row) => row.total))
  return (
    <div className="status-bars" role="img" aria-label={label} data-testid={testId}>
      {rows.map((row) => (
        <div key={row.key} className="status-bar-row" data-key={row.key}>
          <span className="status-bar-label" title={row.label}>{row.label}</span>
          <span className="status-bar-track">
            <span className="status-bar" style={{ width: `calc((100% - 3.5em) * ${row.total / longest})` }}>
              {SEGMENTS.map((segment) => {
                const count = row.counts[segment]
                if (count === 0) return null
                return (
                  <span
                    key={segment}
                    className="status-bar-segment"
                    data-segment={segment}
                    style={{ width: `${(100 * count) / row.total}%`, background: segmentColor(segment, row.color) }}
                    title={`${row.label} · ${t.segments[segment]}: ${count}`}
                    onClick={() => onOpen(segmentSelection(row.selection, segment))}
                  />
                )
              })}
            </span>
            <span className="status-bar-total">{row.total}</span>
          </span>
        </div>
      ))}
    </div>
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
