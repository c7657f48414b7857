/**
 * The plan as a Word (.docx) file laid out as an administrative document of Decree 30/2020/NĐ-CP,
 * Appendix I (a "Kế hoạch", template Mẫu 1.4 of Appendix III). The layout follows
 * shared/reference/decree30-layout.md part by part; this module puts the parts together and names the
 * task table's styles; the page and the file come from decree30-document.ts, the parts from their own
 * modules:
 *
 *   header table      issuing agency | national motto, then "Số: …/KH-…" | place and date
 *   title             KẾ HOẠCH, the subject, a short rule           (document-opening.ts, place-and-date.ts)
 *   I.  MỤC ĐÍCH, YÊU CẦU     DocumentDetails.purpose, one paragraph per line
 *   II. NỘI DUNG              per phase a heading and its task table, as the spreadsheet's rows (task-tables.ts)
 *   III. TỔ CHỨC THỰC HIỆN    a summary per lead unit, then the closing "./."  (organisation-section.ts)
 *   signature table   Nơi nhận | signer block, name                  (signature-block.ts)
 *
 * Safety: every piece of user text reaches the file only as the `text` of a docx TextRun, which docx
 * escapes; docx-text.ts drops the characters XML 1.0 cannot hold before that, so no input breaks the
 * XML.
 */
import { AlignmentType, type Paragraph, type Table } from 'docx'
import type { Plan, Task } from '@/domain/types'
import { SIZE_12PT, STYLE_TASK_CELL, STYLE_TASK_CELL_CENTRED, STYLE_TASK_HEAD } from '@/io/docx/docx-geometry'
import { packDecree30Document } from '@/io/docx/decree30-document'
import { buildHeaderTable, buildPurposeSection, buildTitle } from '@/io/docx/document-opening'
import { buildOrganisationSection } from '@/io/docx/organisation-section'
import { exportDay } from '@/io/docx/place-and-date'
import { buildSignatureTable } from '@/io/docx/signature-block'
import { buildContentSection } from '@/io/docx/task-tables'
import type { ScheduleRange } from '@/io/schedule-table/schedule-rows'

export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export interface SerializeDocxOptions {
  /** The tasks of the export scope (see selectTasksForExport); Section II sorts their rows as every export does. */
  tasks: readonly Task[]
  /** The export's days: a recurring task lists only its occurrences touching them (see `scheduleRangeOfScope`). */
  range?: ScheduleRange | null
  /**
   * The interface language. It does not change the document: an official document is Vietnamese
   * whoever exports it, so every heading and column label stays Vietnamese. Taken so that every
   * export is called with the same options.
   */
  language: 'vi' | 'en'
  /**
   * Stamped as the file's created/modified time (docProps/core.xml); its day, in the plan's time zone,
   * dates a plan without an issue date and is the day Section III counts late tasks on.
   */
  now: Date
}

/**
 * Serializes the plan as a Decree 30 "Kế hoạch" in .docx form. Pure: the same plan, tasks and `now`
 * give the same document (only the zip's entry times differ).
 *
 * @param plan gives the document details, phases and unit names
 * @param options.tasks the tasks of the export scope; no other task appears
 * @returns the .docx bytes
 */
export async function serializeDocx(plan: Plan, options: SerializeDocxOptions): Promise<Uint8Array> {
  const details = plan.document
  const children: (Paragraph | Table)[] = [
    buildHeaderTable(plan, options.now),
    ...buildTitle(details.subject),
    ...buildPurposeSection(details.purpose),
    ...buildContentSection(plan, options.tasks, options.range ?? null),
    ...buildOrganisationSection(plan.units, options.tasks, exportDay(options.now, plan.timeZone)),
    buildSignatureTable(plan),
  ]
  const year = /^\d{4}/.exec(plan.election.electionDay)?.[0] ?? ''
  return packDecree30Document({
    children,
    // Built from the election year only: no user text in the raw XML of the file's properties.
    title: `Kế hoạch tuyên truyền bầu cử ${year}`,
    now: options.now,
    paragraphStyles: [
      { id: STYLE_TASK_CELL, name: 'Bảng nhiệm vụ', basedOn: 'Normal', run: { size: SIZE_12PT }, paragraph: { alignment: AlignmentType.LEFT } },
      { id: STYLE_TASK_CELL_CENTRED, name: 'Bảng nhiệm vụ - giữa', basedOn: STYLE_TASK_CELL, paragraph: { alignment: AlignmentType.CENTER } },
      { id: STYLE_TASK_HEAD, name: 'Bảng nhiệm vụ - tiêu đề', basedOn: STYLE_TASK_CELL_CENTRED, run: { bold: true } },
    ],
  })
}

/** `ke-hoach-tuyen-truyen-bau-cu-2021.docx` (the election's year). */
export function docxFileName(plan: Pick<Plan, 'election'>): string {
  return `ke-hoach-tuyen-truyen-bau-cu-${plan.election.electionDay.slice(0, 4)}.docx`
}
