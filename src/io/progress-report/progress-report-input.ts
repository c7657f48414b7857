/**
 * What the progress report ("Báo cáo tiến độ", issue 12) is written from. The caller computes the
 * figures (`computeProgressFigures` with the dashboard's as-of day and filter) and passes them in,
 * so the report prints exactly the dashboard's numbers; the report never counts anything itself.
 *
 * This file holds only types, so the dashboard can import them without loading the Word library.
 */
import type { ProgressFigures } from '@/domain/progress/progress-figures'
import type { LocalDate, Plan } from '@/domain/types'

export type ProgressReportLanguage = 'vi' | 'en'

/** A chart drawn by the dashboard (a canvas's PNG), placed in the report at the text width. */
export interface ProgressReportChart {
  /** Printed under the image as its caption (plain text). */
  title: string
  /** What the picture's colours and lines mean, printed under the caption (plain text); optional. */
  legend?: string
  /** The PNG file's bytes (e.g. from `canvas.toBlob` → `arrayBuffer`). */
  png: Uint8Array
  /** The image's size in pixels: only its ratio matters, the report scales it to the text width. */
  widthPx: number
  heightPx: number
}

export interface ProgressReportInput {
  plan: Plan
  /** `computeProgressFigures(plan, { asOf, keep })`: the dashboard's figures for this day and filter. */
  figures: ProgressFigures
  /** The day the report is "as of" (the figures' `asOf`); it also dates the report. */
  asOf: LocalDate
  /** The report's language: every fixed word of the document (user text stays as typed). */
  language: ProgressReportLanguage
  /** Section IV "Đề xuất, kiến nghị", one paragraph per line; empty leaves dotted lines to write on. */
  proposals: string
  /** What the filter keeps, in words ("Đơn vị: Sở Thông tin và Truyền thông"); empty or absent: the whole plan. */
  filterDescription?: string | null
  /** Charts placed after Section IV, each with its caption. */
  charts?: readonly ProgressReportChart[]
  /** Stamped as the file's created/modified time; absent: the as-of day at 00:00 UTC (a pure default). */
  now?: Date
}
