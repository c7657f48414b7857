/**
 * The import worker's typed answers as sentences in the user's language. The worker cannot hold the
 * message catalog (its entries are functions, which postMessage cannot carry), so it sends codes,
 * counts and limits, and the dialog says them here, as describeRowIssue does for spreadsheet rows.
 */
import type { Language } from '@/domain/dates/format-date'
import type { RestoreReport } from '@/domain/plan/restore-plan'
import { describeRowIssue } from '@/io/schedule-table/import-messages'
import type { Messages } from '@/lib/i18n/catalog'
import type { ImportFailure, ImportProblem, ImportStage, ProgressUnit } from '@/features/import-export/utils/import-protocol'

const BYTES_PER_MB = 1024 * 1024

const locale = (language: Language) => (language === 'vi' ? 'vi-VN' : 'en-GB')

/** 100000 → "100.000" (vi) or "100,000" (en). */
export function formatCount(n: number, language: Language): string {
  return new Intl.NumberFormat(locale(language)).format(n)
}

/** Bytes as megabytes with one decimal where it matters: "20", "25,3" (vi) or "25.3" (en). */
export function formatMegabytes(bytes: number, language: Language): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(bytes / BYTES_PER_MB)
}

export function describeImportFailure(failure: ImportFailure, messages: Messages, language: Language): string {
  const errors = messages.importDialog.errors
  switch (failure.kind) {
    case 'tooLarge': {
      // Rounded up, so that a file just over the limit never reads "20 MB, over the 20 MB limit".
      const size = new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1, roundingMode: 'ceil' }).format(failure.bytes / BYTES_PER_MB)
      return errors.fileTooLarge(size, formatMegabytes(failure.limit, language))
    }
    case 'tooManyEvents': return errors.tooManyEvents(formatCount(failure.count, language), formatCount(failure.limit, language))
    case 'tooManyRows': return errors.tooManyRows(formatCount(failure.count, language), formatCount(failure.limit, language))
    case 'tooLargeUnpacked': return errors.tooLargeUnpacked(formatMegabytes(failure.limit, language))
    case 'newerVersion': return errors.newerVersion(failure.version)
    case 'file': return errors[failure.error]
  }
}

export function describeImportProblem(problem: ImportProblem, messages: Messages, language: Language): string {
  const t = messages.importDialog
  switch (problem.kind) {
    case 'icsSkipped': return t.icsSkipped(problem.index + 1, t.icsReasons[problem.reason])
    // A rule the planner cannot keep (monthly, no end…) comes in as separate tasks: say so.
    case 'icsExpanded': return t.icsExpanded(problem.index + 1)
    case 'row': return describeRowIssue(problem.issue, language)
  }
}

/** A backup's restore report, as the import preview lists it (only what was lost, for now). */
export function describeRestoreReport(report: RestoreReport | null, messages: Messages): string[] {
  return report && report.droppedTasks > 0 ? [messages.notices.repairedSave(report, null)] : []
}

/** The progress bar's label: "Đang đọc tệp: 3,5 / 12 MB", "Đang phân tích: 40.000 / 100.000 mục"… */
export function describeImportProgress(
  stage: ImportStage, done: number, total: number | null, messages: Messages, language: Language, unit?: ProgressUnit,
): string {
  const t = messages.importDialog.progress
  switch (stage) {
    case 'reading': return t.reading(formatMegabytes(done, language), formatMegabytes(total ?? done, language))
    case 'parsing': return t.parsing(formatCount(done, language), total === null || !unit ? null : formatCount(total, language), unit ? t.units[unit] : '')
    case 'preview': return t.preview(total === null ? null : formatCount(total, language))
  }
}
