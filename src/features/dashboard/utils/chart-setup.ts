/**
 * Chart.js for the dashboard, registered once with only the parts its charts use (bar and line
 * controllers, their elements, category and linear scales, tooltips), so the rest of Chart.js is
 * tree-shaken away. Imported by the dashboard's components only: it lands in the dashboard's lazy
 * chunk, never in the first load.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip, type Plugin } from 'chart.js'

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip)

export { Chart }

/** Chart.js's default text colour and font follow the app's (styles.css). */
Chart.defaults.color = '#1f2328'
Chart.defaults.font.family = '"Segoe UI", system-ui, -apple-system, Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif'
Chart.defaults.font.size = 12

export interface VerticalMarker {
  index: number
  label: string
  color: string
}

/**
 * Vertical lines at some points of a category axis ("today", election day) with a label at the
 * top: a few lines of canvas drawing instead of the annotation plugin.
 */
export function verticalMarkers(markers: () => readonly VerticalMarker[]): Plugin<'line'> {
  return {
    id: 'verticalMarkers',
    afterDatasetsDraw(chart) {
      const x = chart.scales.x
      const { top, bottom, right } = chart.chartArea
      if (!x) return
      const { ctx } = chart
      const placed = markers().map((marker) => ({ ...marker, px: x.getPixelForValue(marker.index) }))
      ctx.save()
      for (const marker of placed) {
        ctx.strokeStyle = marker.color
        ctx.lineWidth = 2
        ctx.setLineDash([5, 4])
        ctx.beginPath()
        ctx.moveTo(marker.px, top)
        ctx.lineTo(marker.px, bottom)
        ctx.stroke()
      }
      ctx.setLineDash([])
      ctx.font = '600 12px system-ui, sans-serif'
      ctx.textAlign = 'left'
      // The labels after every line, each on its own row and on a white ground: two close markers
      // (as of 30/04, election day 23/05) do not strike through each other's label. A label goes right
      // of its line where it fits in the chart, else left of it.
      for (const [row, marker] of placed.entries()) {
        const width = ctx.measureText(marker.label).width
        const left = marker.px + MARKER_LABEL_GAP_PX + width <= right ? marker.px + MARKER_LABEL_GAP_PX : marker.px - MARKER_LABEL_GAP_PX - width
        const baseline = top + 12 + row * 15
        ctx.fillStyle = 'rgba(255, 255, 255, 0.9)'
        ctx.fillRect(left - 2, baseline - 11, width + 4, 14)
        ctx.fillStyle = marker.color
        ctx.fillText(marker.label, left, baseline)
      }
      ctx.restore()
    },
  }
}

const MARKER_LABEL_GAP_PX = 4

/** The report's pictures are drawn at this many device pixels per CSS pixel: sharp on paper (~190 dpi at text width). */
export const REPORT_PIXEL_RATIO = 2

/**
 * A chart redrawn at REPORT_PIXEL_RATIO for the report, as PNG bytes with its pixel size, then put
 * back as it was on screen (Chart.js re-renders on a device pixel ratio change; no animation).
 */
export function chartPngForPrint(chart: Chart): { png: Uint8Array; widthPx: number; heightPx: number } {
  const onScreen = chart.options.devicePixelRatio
  try {
    chart.options.devicePixelRatio = REPORT_PIXEL_RATIO
    chart.resize()
    chart.update('none')
    return { png: canvasPng(chart.canvas), widthPx: chart.canvas.width, heightPx: chart.canvas.height }
  } finally {
    chart.options.devicePixelRatio = onScreen
    chart.resize()
    chart.update('none')
  }
}

/** A canvas's picture as PNG bytes (for the Word report). */
export function canvasPng(canvas: HTMLCanvasElement): Uint8Array {
  const base64 = canvas.toDataURL('image/png').split(',')[1] ?? ''
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
  return bytes
}
