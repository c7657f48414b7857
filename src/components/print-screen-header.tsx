/**
 * The header of a printed screen (Ctrl+P): the plan, the period shown and when it was printed, on
 * one line above the view. The screen's own top bar and toolbar are controls, hidden on paper; this
 * says what the sheet is. Views render it only while printing (see use-printing.ts).
 */
import { electionOffsetLabel } from '@/domain/dates/election-offset'
import { addDays } from '@/domain/dates/local-date'
import type { LocalDate } from '@/domain/types'
import type { Messages } from '@/lib/i18n/catalog'
import { formatInstant } from '@/lib/format-instant'

export interface PrintScreenHeaderProps {
  planName: string
  /** The period shown, e.g. "Tháng 5 năm 2021 · D-22 … D+8" (see printPeriodLabel). */
  period: string
  printedAt: number
  messages: Messages
}

export function PrintScreenHeader({ planName, period, printedAt, messages }: PrintScreenHeaderProps) {
  return (
    <header className="print-screen-header" data-testid="print-screen-header">
      <strong className="print-screen-plan">{planName}</strong>
      <span className="print-screen-period">{period}</span>
      <span className="print-screen-date">{messages.print.printedOn(formatInstant(printedAt))}</span>
    </header>
  )
}

/** "Tháng 5 năm 2021 · D-22 … D+8": the period's title and its D-n range, as the toolbar shows them. */
export function printPeriodLabel(title: string, range: { start: LocalDate; end: LocalDate }, electionDay: LocalDate, messages: Messages): string {
  const from = electionOffsetLabel(range.start, electionDay)
  const to = electionOffsetLabel(addDays(range.end, -1), electionDay)
  return `${title} · ${from === to ? from : messages.dOffsetRange(from, to)}`
}
