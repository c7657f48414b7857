/**
 * One Chart.js chart on a canvas: made when its configuration changes (the parent memoises it),
 * destroyed on unmount, and handed to the dashboard (`onChart`) so the report can take its picture.
 * While printing it is drawn at the sheet's width: Chart.js does not resize for print by itself.
 */
import { useEffect, useLayoutEffect, useRef } from 'react'
import type { ChartConfiguration, ChartType } from 'chart.js'
import { Chart } from '@/features/dashboard/utils/chart-setup'

/** The printable width of an A4 portrait sheet with 12 mm margins, in CSS pixels (186 mm). */
export const PRINT_CHART_WIDTH_PX = 700

export interface ChartCanvasProps<T extends ChartType> {
  config: ChartConfiguration<T>
  heightPx: number
  label: string
  printing: boolean
  onChart?: (chart: Chart | null) => void
  testId?: string
}

export function ChartCanvas<T extends ChartType>({ config, heightPx, label, printing, onChart, testId }: ChartCanvasProps<T>) {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const chartRef = useRef<Chart | null>(null)
  const onChartRef = useRef(onChart)
  useEffect(() => { onChartRef.current = onChart })

  // Made before the browser paints (a layout effect, not a passive one): the dashboard's first frame
  // shows the chart drawn, instead of a frame with an empty canvas and a second layout and paint.
  useLayoutEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    const chart = new Chart(canvas, config as ChartConfiguration) as Chart
    chartRef.current = chart
    onChartRef.current?.(chart)
    return () => {
      onChartRef.current?.(null)
      chartRef.current = null
      chart.destroy()
    }
  }, [config])

  // Synchronous with usePrinting's flush inside `beforeprint`: the chart is redrawn before the print layout.
  useLayoutEffect(() => {
    const chart = chartRef.current
    if (!chart) return
    if (printing) chart.resize(PRINT_CHART_WIDTH_PX, heightPx)
    else chart.resize()
  }, [printing, heightPx])

  return (
    <div className="dashboard-chart" style={{ height: heightPx }}>
      <canvas ref={canvasRef} role="img" aria-label={label} data-testid={testId} />
    </div>
  )
}
