/**
 * The plan as a Word (.docx) file laid out as an administrative document of Decree 30/2020/NĐ-CP,
 * Appendix I (a "Kế hoạch", template Mẫu 1.4 of Appendix III). The layout follows
 * shared/reference/decree30-layout.md part by part; this module sets up the page, the styles and the
 * file, and the parts come from their own modules:
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
 * XML. The one part written as raw XML here (docProps/core.xml) holds no user text at all.
 */
import {
  AlignmentType, Document, Header, LineRuleType, Packer, PageNumber, PageOrientation, Paragraph, type Table, TextRun,
} from 'docx'
import type { Plan, Task } from '@/domain/types'
import {
  FONT, HEADER_DISTANCE_TWIPS, MARGIN_BOTTOM_TWIPS, MARGIN_LEFT_TWIPS, MARGIN_RIGHT_TWIPS, MARGIN_TOP_TWIPS,
  PAGE_HEIGHT_TWIPS, PAGE_WIDTH_TWIPS, SIZE_12PT, SIZE_14PT, STYLE_TASK_CELL, STYLE_TASK_CELL_CENTRED, STYLE_TASK_HEAD,
} from '@/io/docx/docx-geometry'
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

const CORE_PROPERTIES_PATH = 'docProps/core.xml'

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
  const document = new Document({
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE_14PT, color: '000000', language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
      paragraphStyles: [
        { id: STYLE_TASK_CELL, name: 'Bảng nhiệm vụ', basedOn: 'Normal', run: { size: SIZE_12PT }, paragraph: { alignment: AlignmentType.LEFT } },
        { id: STYLE_TASK_CELL_CENTRED, name: 'Bảng nhiệm vụ - giữa', basedOn: STYLE_TASK_CELL, paragraph: { alignment: AlignmentType.CENTER } },
        { id: STYLE_TASK_HEAD, name: 'Bảng nhiệm vụ - tiêu đề', basedOn: STYLE_TASK_CELL_CENTRED, run: { bold: true } },
      ],
    },
    sections: [
      {
        properties: {
          // Different first page: the decree hides the number on page 1.
          titlePage: true,
          page: {
            size: { width: PAGE_WIDTH_TWIPS, height: PAGE_HEIGHT_TWIPS, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: MARGIN_TOP_TWIPS,
              bottom: MARGIN_BOTTOM_TWIPS,
              left: MARGIN_LEFT_TWIPS,
              right: MARGIN_RIGHT_TWIPS,
              header: HEADER_DISTANCE_TWIPS,
              footer: HEADER_DISTANCE_TWIPS,
            },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE_14PT })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({})] }),
        },
        children,
      },
    ],
  })
  // 'uint8array' works in the browser and in Node alike (toBuffer needs Buffer, toBlob needs Blob).
  return Packer.pack(document, 'uint8array', false, [{ path: CORE_PROPERTIES_PATH, data: corePropertiesXml(plan, options.now) }])
}

/** `ke-hoach-tuyen-truyen-bau-cu-2021.docx` (the election's year). */
export function docxFileName(plan: Pick<Plan, 'election'>): string {
  return `ke-hoach-tuyen-truyen-bau-cu-${plan.election.electionDay.slice(0, 4)}.docx`
}

// ---- Package metadata ------------------------------------------------------------------------------

/**
 * docx stamps created/modified with the machine clock; this part replaces it so the file carries the
 * export's `now`. Raw XML, so it holds no user text: the title is built from the election year only.
 */
function corePropertiesXml(plan: Plan, now: Date): string {
  const year = /^\d{4}/.exec(plan.election.electionDay)?.[0] ?? ''
  const stamp = Number.isNaN(now.getTime()) ? new Date(0).toISOString() : now.toISOString()
  const instant = stamp.replace(/\.\d{3}Z$/, 'Z')
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    + ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    + ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    + `<dc:title>Kế hoạch tuyên truyền bầu cử ${year}</dc:title>`
    + '<dc:creator>election-campaign-planner</dc:creator>'
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${instant}</dcterms:created>`
    + `<dcterms:modified xsi:type="dcterms:W3CDTF">${instant}</dcterms:modified>`
    + '</cp:coreProperties>'
}
