/**
 * Section IV of the progress report, "ĐỀ XUẤT, KIẾN NGHỊ": the text the user typed in the export
 * dialog, one paragraph per line. Left empty, it prints dotted lines to write on by hand, as printed
 * forms do, so a report can be signed off and completed on paper.
 */
import { LeaderType, Paragraph, Tab, TabStopType, TextRun } from 'docx'
import { BODY_BEFORE_TWIPS, BODY_FIRST_LINE_TWIPS, BODY_LINE_240THS, FONT, SIZE_14PT, TEXT_WIDTH_TWIPS } from '@/io/docx/docx-geometry'
import { bodyParagraph, bodyRun, heading } from '@/io/docx/docx-paragraphs'
import { textLines } from '@/io/docx/docx-text'
import type { ProgressReportLanguage } from '@/io/progress-report/progress-report-input'
import { REPORT_WORDS } from '@/io/progress-report/report-words'

/** Dotted lines left for proposals written by hand. */
export const BLANK_PROPOSAL_LINES = 3

export function buildProposalsSection(proposals: string, language: ProgressReportLanguage): Paragraph[] {
  const lines = textLines(proposals)
  return [
    heading(REPORT_WORDS[language].proposalsHeading),
    ...(lines.length > 0
      ? lines.map((line) => bodyParagraph([bodyRun(line)]))
      : Array.from({ length: BLANK_PROPOSAL_LINES }, dottedLine)),
  ]
}

/**
 * A line of dots from the indent to the right margin: a tab with a dot leader to a right tab stop at
 * the text width, so the dots fill the line exactly in any font, never wrapping to a second line.
 */
function dottedLine(): Paragraph {
  return new Paragraph({
    indent: { firstLine: BODY_FIRST_LINE_TWIPS },
    spacing: { before: BODY_BEFORE_TWIPS, after: 0, line: BODY_LINE_240THS },
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS, leader: LeaderType.DOT }],
    children: [new TextRun({ font: FONT, size: SIZE_14PT, children: [new Tab()] })],
  })
}
