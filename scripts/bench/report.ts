/** The printed table: one row per number, with its target and PASS / FAIL (or "info" when it has none). */

export interface Row {
  metric: string
  app: number | string | null
  bare: number | string | null
  /** app ÷ bare */
  ratio: number | null
  /** How many runs the median is of ("app/bare"). */
  runs: string
  target: string
  /** null: no target (information only). */
  pass: boolean | null
  note?: string
}

const cell = (v: number | string | null, digits = 0): string =>
  v === null ? '—' : typeof v === 'string' ? v : Number.isFinite(v) ? v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—'

export function formatReport(rows: Row[], infoLines: string[]): string {
  const header = ['Metric', 'App', 'Bare FC', 'App ÷ bare', 'Runs', 'Target', 'Result']
  const body = rows.map((r) => [
    r.metric,
    cell(r.app, r.metric.startsWith('Initial JS') ? 1 : 0),
    cell(r.bare),
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    r.runs,
    r.target,
    r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)))
  const line = (cols: string[]) => cols.map((c, i) => (i === 0 || i === 5 || i === 6 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' │ ')
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─')
  const out = [line(header), rule, ...body.map(line)]
  const notes = rows.filter((r) => r.note).map((r) => `  • ${r.metric}: ${r.note}`)
  const passed = rows.filter((r) => r.pass === true).length
  const failed = rows.filter((r) => r.pass === false).length
  return [
    'Benchmark: 10,000-task plan, built app vs bare FullCalendar (medians; ms unless stated)',
    '',
    ...out,
    '',
    `${passed} targets passed, ${failed} failed (a report, not a test: the exit code ignores targets)`,
    '',
    ...notes,
    ...infoLines.map((l) => `  • ${l}`),
  ].join('\n')
}
