/**
 * The dashboard's charts in the progress report: each PNG as an inline picture, centred, scaled to the
 * text width (16.5 cm) keeping its ratio, and no taller than MAX_CHART_HEIGHT_PX so that a chart and
 * its caption fit on one page; the caption under it ("Biểu đồ 1. …").
 *
 * A chart whose bytes are not a PNG, or whose size is not a positive number, is left out rather than
 * written into a file Word would refuse to open.
 */
import { AlignmentType, ImageRun, Paragraph } from 'docx'
import { SIZE_12PT, SIZE_13PT, SIZE_14PT, TEXT_WIDTH_TWIPS } from '@/io/docx/docx-geometry'
import { centred } from '@/io/docx/docx-paragraphs'
import { oneLine, runs } from '@/io/docx/docx-text'
import type { ProgressReportChart, ProgressReportLanguage } from '@/io/progress-report/progress-report-input'
import { REPORT_WORDS } from '@/io/progress-report/report-words'

/** docx sizes pictures in pixels at 96 to the inch: 1 px = 15 twips. */
const TWIPS_PER_PX = 15
export const TEXT_WIDTH_PX = Math.floor(TEXT_WIDTH_TWIPS / TWIPS_PER_PX)
/** About 15 cm: a chart, its caption and a heading fit on an A4 page within the decree's margins. */
export const MAX_CHART_HEIGHT_PX = 560

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > PNG_SIGNATURE.length && PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)
}

/** The printed size in px: the text width, or less when that would be taller than the cap; null for an unusable size. */
export function chartPrintSize(widthPx: number, heightPx: number): { width: number; height: number } | null {
  if (!Number.isFinite(widthPx) || !Number.isFinite(heightPx) || widthPx <= 0 || heightPx <= 0) return null
  const scale = Math.min(TEXT_WIDTH_PX / widthPx, MAX_CHART_HEIGHT_PX / heightPx)
  return { width: Math.max(1, Math.round(widthPx * scale)), height: Math.max(1, Math.round(heightPx * scale)) }
}

export function buildChartsSection(charts: readonly ProgressReportChart[], language: ProgressReportLanguage): Paragraph[] {
  const words = REPORT_WORDS[language]
  const paragraphs: Paragraph[] = []
  let number = 0
  for (const chart of charts) {
    const size = chartPrintSize(chart.widthPx, chart.heightPx)
    if (size === null || !isPng(chart.png)) continue
    number += 1
    paragraphs.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 240, after: 60 },
        // The picture stays on the page of its caption.
        keepNext: true,
        children: [new ImageRun({ type: 'png', data: chart.png, transformation: size, altText: { name: `chart-${number}`, title: oneLine(chart.title), description: oneLine(chart.title) } })],
      }),
      centred([words.chartCaption(number, oneLine(chart.title))], { size: SIZE_13PT, italics: true }),
    )
    const legend = oneLine(chart.legend ?? '')
    if (legend !== '') paragraphs.push(centred([legend], { size: SIZE_12PT }))
  }
  if (paragraphs.length === 0) return []
  const heading = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 360, after: 0 },
    keepNext: true,
    children: runs([words.chartsHeading], { size: SIZE_14PT, bold: true }),
  })
  return [heading, ...paragraphs]
}
