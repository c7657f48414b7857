/**
 * The opening of the Word plan: the header block (issuing agency | national motto, then "Số: …/KH-…"
 * | place and date), the title "KẾ HOẠCH" with its subject, and section I "MỤC ĐÍCH, YÊU CẦU".
 * The progress report (src/io/progress-report) opens the same way, as "Số: …/BC-…" and "BÁO CÁO",
 * dated by its as-of day, and in English when exported in English.
 */
import { Paragraph, type Table, TableRow } from 'docx'
import type { LocalDate, Plan } from '@/domain/types'
import {
  HEADER_COLUMNS_TWIPS, HEADER_USABLE_TWIPS, MOTTO_WIDTH_TWIPS, SIZE_13PT, SIZE_14PT, TEXT_WIDTH_TWIPS,
} from '@/io/docx/docx-geometry'
import { bodyParagraph, bodyRun, borderlessTable, centred, centredTitle, heading, rule, ruleUnder, topCell } from '@/io/docx/docx-paragraphs'
import { estimateWidthTwips, oneLine, textLines, upper } from '@/io/docx/docx-text'
import { exportDay, placeAndDateLineOn } from '@/io/docx/place-and-date'

/** How a document other than the plan itself varies the header (every field optional: the plan's header). */
export interface HeaderOptions {
  /** The document type's code after the number (Decree 30, Appendix III): KH (kế hoạch), BC (báo cáo). */
  typeCode?: string
  /** The document's own number; absent: the plan's. */
  number?: string
  /** Dated this day rather than by the plan's issue date (or the export day). */
  date?: LocalDate | null
  /** The fixed words (motto, "Số"); the agencies' names are the user's and stay as typed. */
  language?: 'vi' | 'en'
}

const MOTTO = {
  vi: { nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', motto: 'Độc lập - Tự do - Hạnh phúc', number: 'Số' },
  en: { nation: 'SOCIALIST REPUBLIC OF VIET NAM', motto: 'Independence - Freedom - Happiness', number: 'No.' },
} as const

/**
 * Two rows, so "Số: …" and the date share a line even when the agency name wraps:
 *   [parent agency / ISSUING AGENCY / rule]   [QUỐC HIỆU / Tiêu ngữ / rule]
 *   [Số: …/KH-…]                              [<place>, ngày … tháng … năm …]
 */
export function buildHeaderTable(plan: Plan, now: Date, options: HeaderOptions = {}): Table {
  const details = plan.document
  const language = options.language ?? 'vi'
  const words = MOTTO[language]
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
    centred([words.nation], { size: SIZE_13PT, bold: true }),
    centred([words.motto], { size: SIZE_14PT, bold: true }),
    // The rule is exactly as long as the motto: measured for the Vietnamese, estimated for a translation.
    rule(rightUsable, language === 'vi' ? MOTTO_WIDTH_TWIPS : estimateWidthTwips(words.motto, 14, 'bold')),
  ]

  const agencyCode = upper(oneLine(details.agencyCode))
  const typeCode = options.typeCode ?? 'KH'
  const numberLine = `${words.number}: ${officialNumber(options.number ?? details.number)}/${typeCode}${agencyCode === '' ? '' : `-${agencyCode}`}`
  const date = options.date !== undefined ? options.date : (details.issuedOn ?? exportDay(now, plan.timeZone))
  const dateLine = placeAndDateLineOn(plan, date, language)
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

/**
 * The type name ("KẾ HOẠCH", "BÁO CÁO"), the subject in bold and the short rule under it. `subtitle`
 * lines ("(Tính đến ngày 30/04/2021)") come between the subject and the rule, in italics.
 */
export function buildTitle(subject: string, options: { typeName?: string; subtitle?: readonly string[] } = {}): Paragraph[] {
  const subjectLines = textLines(subject)
  const subtitle = options.subtitle ?? []
  const title: Paragraph[] = [centred([options.typeName ?? 'KẾ HOẠCH'], { size: SIZE_14PT, bold: true }, { before: 360 })]
  if (subjectLines.length > 0) title.push(centredTitle(subjectLines, { size: SIZE_14PT, bold: true }))
  if (subtitle.length > 0) title.push(centred(subtitle, { size: SIZE_14PT, italics: true }))
  if (subjectLines.length > 0) title.push(ruleUnder(subjectLines, 14, TEXT_WIDTH_TWIPS))
  return title
}

export function buildPurposeSection(purpose: string): Paragraph[] {
  return [heading('I. MỤC ĐÍCH, YÊU CẦU'), ...textLines(purpose).map((line) => bodyParagraph([bodyRun(line)]))]
}
