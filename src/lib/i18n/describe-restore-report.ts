/**
 * A restore report (domain/plan/restore-report.ts) as lines for the user: one per repaired or
 * dropped item, in the user's language. Shared by the load notice and the import preview.
 */
import type { RestoreReport } from '@/domain/plan/restore-report'
import type { Messages } from '@/lib/i18n/catalog'

export function describeRestoreReport(report: RestoreReport, messages: Messages): string[] {
  const lines = report.details.map((detail) => messages.restoreReport.detail(detail))
  const counted = report.droppedTasks + report.repairedTasks + report.droppedOther + report.repairedOther
  if (counted > report.details.length) lines.push(messages.restoreReport.more(counted - report.details.length))
  return lines
}
