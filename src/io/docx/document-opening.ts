/**
 * The opening of the Word plan: the header block (issuing agency | national motto, then "Số: …/KH-…"
 * | place and date), the title "KẾ HOẠCH" with its subject, and section I "MỤC ĐÍCH, YÊU CẦU".
 */
import { Paragraph, type Table, TableRow } from 'docx'
import type { Plan } from '@/domain/types'
import {
  HEADER_COLUMNS_TWIPS, HEADER_USABLE_TWIPS, MOTTO_WIDTH_TWIPS, SIZE_13PT, SIZE_14PT, TEXT_WIDTH_TWIPS,
} from '@/io/docx/docx-geometry'
import { bodyParagraph, bodyRun, borderlessTable, centred, heading, rule, ruleUnder, topCell } from '@/io/docx/docx-paragraphs'
import { estimateWidthTwips, oneLine, textLines, upper } from '@/io/docx/docx-text'
import { placeAndDateLine } from '@/io/docx/place-and-date'

/**
 * Two rows, so "Số: …" and the date share a line even when the agency name wraps:
 *   [parent agency / ISSUING AGENCY / rule]   [QUỐC HIỆU / Tiêu ngữ / rule]
 *   [Số: …/KH-…]                              [<place>, ngày … tháng … năm …]
 */
export function buildHeaderTable(plan: Plan, now: Date): Table {
  const details = plan.document
  const [leftWidth, rightWidth] = HEADER_COLUMNS_TWIPS
  const [leftUsable = 0, rightUsable = 0] = HEADER_USABLE_TWIPS

  const parentLines = textLines(details.parentAgency).map(upper)
  const agencyLines = textLines(details.issuingAgency).map(upper)
  const agencyCell: Paragraph[] = []
  if (parentLines.length > 0) agencyCell.push(centred(parentLines, { size: SIZE_13PT }))
  if (agencyLines.length > 0) {
    agencyCell.push(centred(agencyLines, { size: SIZE_13PT, bold: true }), ruleUnder(agencyLines, 13, leftUsable))
  }
  if (agencyCell.length === 0) agencyCell.push(new Paragraph({}))

  const mottoCell = [
    centred(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], { size: SIZE_13PT, bold: true }),
    centred(['Độc lập - Tự do - Hạnh phúc'], { size: SIZE_14PT, bold: true }),
    rule(rightUsable, MOTTO_WIDTH_TWIPS),
  ]

  const agencyCode = upper(oneLine(details.agencyCode))
  const numberLine = `Số: ${officialNumber(details.number)}/KH${agencyCode === '' ? '' : `-${agencyCode}`}`
  const dateLine = placeAndDateLine(plan, now)
  // A long place name ("Thành phố Hồ Chí Minh") overflows the column at 14 pt; 13 pt is also allowed.
  const dateSize = estimateWidthTwips(dateLine, 14, 'italic') > rightUsable ? SIZE_13PT : SIZE_14PT

  return borderlessTable(HEADER_COLUMNS_TWIPS, [
    new TableRow({ children: [topCell(leftWidth, agencyCell), topCell(rightWidth, mottoCell)] }),
    new TableRow({
      children: [
        topCell(leftWidth, [centred([numberLine], { size: SIZE_13PT }, { before: 120 })]),
        topCell(rightWidth, [centred([dateLine], { size: dateSize, italics: true }, { before: 120 })]),
      ],
    }),
  ])
}

/** The number as printed: blank on an unsigned draft (ordinary spaces, reference §4), "05" rather than "5". */
function officialNumber(number: string): string {
  const value = oneLine(number)
  if (value === '') return '      '
  return /^\d$/.test(value) ? `0${value}` : value
}

export function buildTitle(subject: string): Paragraph[] {
  const subjectLines = textLines(subject)
  const title: Paragraph[] = [centred(['KẾ HOẠCH'], { size: SIZE_14PT, bold: true }, { before: 360 })]
  if (subjectLines.length > 0) {
    title.push(centred(subjectLines, { size: SIZE_14PT, bold: true }), ruleUnder(subjectLines, 14, TEXT_WIDTH_TWIPS))
  }
  return title
}

export function buildPurposeSection(purpose: string): Paragraph[] {
  return [heading('I. MỤC ĐÍCH, YÊU CẦU'), ...textLines(purpose).map((line) => bodyParagraph([bodyRun(line)]))]
}
