/**
 * The progress report ("Báo cáo tiến độ", issue 12) as a Word file in the Decree 30 layout of the
 * plan's own export (src/io/docx), in Vietnamese or English:
 *
 *   header table      issuing agency | national motto, then "Số: …/BC-…" | place, dated the as-of day
 *   title             BÁO CÁO, "Tiến độ thực hiện Kế hoạch …", "(Tính đến ngày …)", the filter in words
 *   I.   KẾT QUẢ CHUNG                 headline, by phase, next milestones   (overall-section.ts)
 *   II.  KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ   per lead unit, late work named        (unit-section.ts)
 *   III. HỘI NGHỊ, TẬP HUẤN            training figures and sessions         (training-section.ts)
 *   IV.  ĐỀ XUẤT, KIẾN NGHỊ            the user's text or dotted lines       (proposals-section.ts)
 *   charts            the dashboard's PNGs, captioned                       (chart-images.ts)
 *   closing sentence, then Nơi nhận | signer block as in the plan          (signature-block.ts)
 *
 * The figures are the caller's (`computeProgressFigures` with the dashboard's day and filter), so the
 * report prints the dashboard's numbers. Every part is bounded whatever the plan's size (names per
 * unit, sessions listed), so a 10,000-task report stays a few pages.
 *
 * Safety: user text reaches the file only as the `text` of docx runs, cleaned by docx-text.ts.
 */
import type { Paragraph, Table } from 'docx'
import { packDecree30Document } from '@/io/docx/decree30-document'
import { buildHeaderTable, buildTitle } from '@/io/docx/document-opening'
import { bodyParagraph, bodyRun, centred } from '@/io/docx/docx-paragraphs'
import { SIZE_14PT } from '@/io/docx/docx-geometry'
import { oneLine } from '@/io/docx/docx-text'
import { buildSignatureTable } from '@/io/docx/signature-block'
import type { Plan } from '@/domain/types'
import { buildChartsSection } from '@/io/progress-report/chart-images'
import { buildOverallSection } from '@/io/progress-report/overall-section'
import type { ProgressReportInput, ProgressReportLanguage } from '@/io/progress-report/progress-report-input'
import { buildProposalsSection } from '@/io/progress-report/proposals-section'
import { REPORT_WORDS } from '@/io/progress-report/report-words'
import { buildTrainingSection } from '@/io/progress-report/training-section'
import { buildUnitSection } from '@/io/progress-report/unit-section'

export { DOCX_MIME_TYPE as PROGRESS_REPORT_MIME_TYPE } from '@/io/docx/docx-file'

/** Decree 30, Appendix III: the abbreviation of "báo cáo" in the number line. */
const REPORT_TYPE_CODE = 'BC'

/**
 * Writes the progress report. Pure: the same input gives the same document (only the zip's entry
 * times differ).
 *
 * @returns the .docx bytes (wrap them in a Blob with PROGRESS_REPORT_MIME_TYPE to download)
 */
export async function buildProgressReportDocx(input: ProgressReportInput): Promise<Uint8Array> {
  const { plan, figures, asOf, language } = input
  const words = REPORT_WORDS[language]
  const now = input.now ?? new Date(`${asOf}T00:00:00Z`)
  const scope = oneLine(input.filterDescription ?? '')
  const children: (Paragraph | Table)[] = [
    // The report's own number is given when it is signed: blank here, as on any unsigned draft.
    buildHeaderTable(plan, now, { typeCode: REPORT_TYPE_CODE, number: '', date: asOf, language }),
    ...buildTitle(words.subject(oneLine(plan.document.subject)), { typeName: words.typeName, subtitle: [words.asOfLine(asOf)] }),
    ...(scope === '' ? [] : [centred([words.scopeLine(scope)], { size: SIZE_14PT, italics: true }, { before: 120 })]),
    ...buildOverallSection(figures, plan.phases, language),
    ...buildUnitSection(figures, plan.units, language),
    ...buildTrainingSection(figures.trainings, asOf, language),
    ...buildProposalsSection(input.proposals, language),
    ...buildChartsSection(input.charts ?? [], language),
    bodyParagraph([bodyRun(words.closing(asOf))], { keepNext: true }),
    buildSignatureTable(plan, language),
  ]
  return packDecree30Document({ children, title: words.fileTitle(electionYear(plan)), now, language })
}

/** `bao-cao-tien-do-tuyen-truyen-bau-cu-2021-den-2021-04-30.docx` (English: `progress-report-election-2021-as-of-2021-04-30.docx`). */
export function progressReportFileName(plan: Pick<Plan, 'election'>, asOf: string, language: ProgressReportLanguage): string {
  return REPORT_WORDS[language].fileName(electionYear(plan), asOf)
}

function electionYear(plan: Pick<Plan, 'election'>): string {
  return /^\d{4}/.exec(plan.election.electionDay)?.[0] ?? ''
}
