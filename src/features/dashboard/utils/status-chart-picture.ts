/**
 * The Word report's pictures of the three stacked status charts (by lead unit, channel, phase). On
 * screen those are HTML bars (status-bars.tsx), so opening the dashboard builds no Chart.js chart for
 * them; the report still wants images, so Chart.js draws the same bars with the same colours on a
 * canvas made only while the report is exported, and thrown away after.
 */
import type { ChartConfiguration } from 'chart.js'
import { canvasPng, Chart, REPORT_PIXEL_RATIO } from '@/features/dashboard/utils/chart-setup'
import { segmentColor } from '@/features/dashboard/utils/segment-colors'
import { SEGMENTS, type Segment, type StatusBarRow } from '@/features/dashboard/utils/status-segments'

/** The picture's width in CSS pixels: an A4 portrait page's text width (186 mm), as the dashboard prints. */
const PICTURE_WIDTH_PX = 700
const BAR_ROW_PX = 26
/** Bar labels longer than this end in "…" (the report's own tables have the whole names). */
const MAX_LABEL_CHARS = 34

export function statusChartHeightPx(rowCount: number): number {
  return Math.max(80, rowCount * BAR_ROW_PX + 40)
}

/** The Chart.js configuration of a stacked status chart: one horizontal bar per row, late first. */
export function statusChartConfig(rows: readonly StatusBarRow[], segmentLabels: Record<Segment, string>): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: rows.map((row) => (row.label.length > MAX_LABEL_CHARS ? `${row.label.slice(0, MAX_LABEL_CHARS - 1)}…` : row.label)),
      datasets: SEGMENTS.map((segment) => ({
        label: segmentLabels[segment],
        data: rows.map((row) => row.counts[segment]),
        backgroundColor: rows.map((row) => segmentColor(segment, row.color)),
        borderColor: '#ffffff',
        borderWidth: { right: 1 },
        barThickness: 18,
      })),
    },
    options: {
      indexAxis: 'y',
      responsive: false,
      animation: false,
      devicePixelRatio: REPORT_PIXEL_RATIO,
      events: [],
      scales: {
        x: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#eef0f2' } },
        y: { stacked: true, grid: { display: false }, ticks: { autoSkip: false } },
      },
      plugins: { tooltip: { enabled: false } },
    },
  }
}

/** A status chart drawn off screen at REPORT_PIXEL_RATIO, as PNG bytes with its pixel size. */
export function statusChartPng(rows: readonly StatusBarRow[], segmentLabels: Record<Segment, string>): { png: Uint8Array; widthPx: number; heightPx: number } {
  const heightPx = statusChartHeightPx(rows.length)
  // In the document (out of sight) so Chart.js measures and draws it as it does any chart.
  const holder = document.createElement('div')
  holder.setAttribute('aria-hidden', 'true')
  holder.style.cssText = `position: fixed; left: -10000px; top: 0; width: ${PICTURE_WIDTH_PX}px; height: ${heightPx}px;`
  const canvas = document.createElement('canvas')
  canvas.width = PICTURE_WIDTH_PX
  canvas.height = heightPx
  holder.append(canvas)
  document.body.append(holder)
  let chart: Chart | null = null
  try {
    chart = new Chart(canvas, statusChartConfig(rows, segmentLabels) as ChartConfiguration)
    return { png: canvasPng(canvas), widthPx: canvas.width, heightPx: canvas.height }
  } finally {
    chart?.destroy()
    holder.remove()
  }
}
