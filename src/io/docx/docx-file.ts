/**
 * The plan as a Word (.docx) file laid out as an administrative document of Decree 30/2020/NĐ-CP,
 * Appendix I (a "Kế hoạch", template Mẫu 1.4 of Appendix III). The layout follows
 * shared/reference/decree30-layout.md part by part; the numbers below (twips, half-points) come from it.
 *
 *   header table      issuing agency | national motto, then "Số: …/KH-…" | place and date
 *   title             KẾ HOẠCH, the subject, a short rule
 *   I.  MỤC ĐÍCH, YÊU CẦU     DocumentDetails.purpose, one paragraph per line
 *   II. NỘI DUNG              per phase: a heading and a task table (then "Nhiệm vụ khác"); a
 *                             recurring task has a row per occurrence, its rule under Ghi chú
 *   III. TỔ CHỨC THỰC HIỆN    what each lead unit leads, then the closing sentence ending "./."
 *   signature table   Nơi nhận | signer block
 *
 * Safety: every piece of user text reaches the file only as the `text` of a docx TextRun, which docx
 * escapes; we also drop characters XML 1.0 cannot hold before that, so no input breaks the XML.
 * The one part written as raw XML here (docProps/core.xml) holds no user text at all.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx'
import { addDays, datePart, timePart } from '@/domain/dates/local-date'
import { formatDate } from '@/domain/dates/format-date'
import { expandTask, isRecurring } from '@/domain/plan/recurrence'
import { lastDay } from '@/domain/plan/task-dates'
import type { LocalDate, Phase, Plan, Task } from '@/domain/types'
import { occurrenceNote } from '@/io/schedule-table/recurrence-text'
import type { ScheduleRange } from '@/io/schedule-table/schedule-rows'

export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export interface SerializeDocxOptions {
  /** The tasks of the export scope, already in the order they should appear (see selectTasksForExport). */
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
   * Stamped as the file's created/modified time (docProps/core.xml); its year, in the plan's time zone,
   * fills the date line of an undated draft.
   */
  now: Date
}

// ---- Geometry (twips unless named otherwise): A4 portrait, margins 20/20/30/15 mm ---------------
const PAGE_WIDTH_TWIPS = 11906
const PAGE_HEIGHT_TWIPS = 16838
// Hard-coded rather than convertMillimetersToTwip(), which floors (20 mm → 1133) and would not match
// the values Word writes for the same margins.
const MARGIN_TOP_TWIPS = 1134
const MARGIN_BOTTOM_TWIPS = 1134
const MARGIN_LEFT_TWIPS = 1701
const MARGIN_RIGHT_TWIPS = 851
const HEADER_DISTANCE_TWIPS = 567
/** 11906 − 1701 − 851: every full-width table is exactly this wide. */
const TEXT_WIDTH_TWIPS = PAGE_WIDTH_TWIPS - MARGIN_LEFT_TWIPS - MARGIN_RIGHT_TWIPS

/**
 * Header and signature tables: left ≈ 38 % (agency, Nơi nhận), right ≈ 62 % (motto, signer), so the
 * signer block is centred under the motto. The right column must leave ≥ 5424 twips of text room
 * for the 13 pt bold "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" to stay on one line.
 */
const HEADER_COLUMNS_TWIPS = [3554, 5800] as const
const HEADER_CELL_MARGIN_TWIPS = 57
const HEADER_USABLE_TWIPS = HEADER_COLUMNS_TWIPS.map((w) => w - 2 * HEADER_CELL_MARGIN_TWIPS)
/** Measured width of the 14 pt bold "Độc lập - Tự do - Hạnh phúc": the rule under it is this long. */
const MOTTO_WIDTH_TWIPS = 3415

/**
 * Task table columns: STT | Nội dung công việc | Thời gian | Đơn vị chủ trì | Đơn vị phối hợp | Ghi chú.
 * They add up to TEXT_WIDTH_TWIPS. With 72-twip side margins, STT holds a four-digit number (a phase
 * with ≥ 1,000 tasks) and "Thời gian" holds "28/12/2020 -" at 12 pt on one line.
 */
const TASK_COLUMNS_TWIPS = [640, 2714, 1450, 1400, 1400, 1750] as const
const TASK_COLUMN_LABELS = ['STT', 'Nội dung công việc', 'Thời gian', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Ghi chú'] as const
/** Set once on the table (tblCellMar), not on each cell: a 10,000-row table has 60,000 cells. */
const TASK_CELL_MARGIN_TWIPS = { top: 40, bottom: 40, left: 72, right: 72 }
/**
 * Paragraph styles of the task table. Its 60,000 cells take their look from these instead of direct
 * run and paragraph properties: docx's cost grows with the number of XML elements, and this keeps a
 * 10,000-task export within its time budget. The font comes from the document defaults.
 */
const STYLE_TASK_CELL = 'TaskCell'
const STYLE_TASK_CELL_CENTRED = 'TaskCellCentred'
const STYLE_TASK_HEAD = 'TaskHead'

// ---- Type (docx sizes are half-points) -------------------------------------------------------------
const FONT = 'Times New Roman'
const SIZE_11PT = 22
const SIZE_12PT = 24
const SIZE_13PT = 26
const SIZE_14PT = 28
const BODY_FIRST_LINE_TWIPS = 567
const BODY_BEFORE_TWIPS = 120
/** 1.15 lines: within the decree's "single to 1.5 lines". */
const BODY_LINE_240THS = 276
/** Empty 14 pt lines left for the signature and seal (≈ 28 mm). */
const SIGNATURE_GAP_LINES = 5
/** Section III lists at most this many titles per unit, then "… và n nhiệm vụ khác". */
const MAX_TITLES_PER_UNIT = 30

const CORE_PROPERTIES_PATH = 'docProps/core.xml'

/**
 * Serializes the plan as a Decree 30 "Kế hoạch" in .docx form. Pure: the same plan, tasks and `now`
 * give the same document (only the zip's entry times differ).
 *
 * @param plan gives the document details, phases and unit names
 * @param options.tasks the tasks of the export scope, in order; no other task appears
 * @returns the .docx bytes
 */
export async function serializeDocx(plan: Plan, options: SerializeDocxOptions): Promise<Uint8Array> {
  const details = plan.document
  const unitNames = new Map(plan.units.map((u) => [u.id, u.name]))
  const children: (Paragraph | Table)[] = [
    buildHeaderTable(plan, options.now),
    ...buildTitle(details.subject),
    ...buildPurposeSection(details.purpose),
    ...buildContentSection(plan.phases, expandRows(options.tasks, options.range ?? null), unitNames),
    ...buildOrganisationSection(plan.units, options.tasks),
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

// ---- Text ------------------------------------------------------------------------------------------

/**
 * User text as Word may hold it: NFC (the decree asks for precomposed Unicode, TCVN 6909), line breaks
 * as "\n", tabs as spaces (a tab inside w:t is not a tab stop), and without the characters XML 1.0
 * forbids (C0 controls, lone surrogates, U+FFFE/U+FFFF) or C1 controls, which docx would not all drop.
 */
function cleanText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
}

/** Non-empty trimmed lines of a user text. */
function textLines(value: string): string[] {
  return cleanText(value).split('\n').map((line) => line.trim()).filter((line) => line !== '')
}

/** Written in real capitals (not `allCaps`), so copied and searched text matches what is printed. */
function upper(value: string): string {
  return value.toLocaleUpperCase('vi')
}

interface RunStyle {
  size?: number
  bold?: boolean
  italics?: boolean
}

/** One run per line, joined by line breaks (a "\n" inside w:t would show as a space). */
function runs(lines: readonly string[], style: RunStyle = {}): TextRun[] {
  return lines.map((text, index) => new TextRun({ text, font: FONT, ...style, ...(index > 0 ? { break: 1 } : {}) }))
}

type FontStyle = 'regular' | 'bold' | 'italic'
/** Average Times New Roman advance widths in em (reference §2, from Liberation Serif's metrics). */
const EM_WIDTHS: Record<FontStyle, { upper: number; lower: number }> = {
  regular: { upper: 0.674, lower: 0.462 },
  bold: { upper: 0.707, lower: 0.495 },
  italic: { upper: 0.634, lower: 0.454 },
}

/**
 * Estimated printed width of one line, ±a few percent: enough to size the short rules and to decide
 * whether the date line fits at 14 pt. A Vietnamese letter counts as its base letter.
 */
function estimateWidthTwips(text: string, sizePt: number, style: FontStyle): number {
  let em = 0
  for (const ch of text.normalize('NFD').replace(/\p{M}/gu, '')) {
    if (ch === ' ') em += 0.25
    else if (ch >= '0' && ch <= '9') em += 0.5
    else if (ch === '-') em += 0.333
    else if (ch !== ch.toLowerCase()) em += EM_WIDTHS[style].upper
    else if (ch !== ch.toUpperCase()) em += EM_WIDTHS[style].lower
    else em += 0.3
  }
  return Math.round(em * sizePt * 20)
}

/**
 * `ngày 05 tháng 02 năm 2021`, `ngày 15 tháng 3 năm 2021`: only days below 10 and months 1 and 2
 * take a leading 0. Without a date (an unsigned draft) day and month are left blank for the office to
 * fill in when the plan is signed, and the year is the export's year, as drafts are usually printed.
 */
function formatOfficialDate(date: LocalDate | null, blankYear: string): string {
  if (date === null) return `ngày      tháng      năm ${blankYear}`
  const day = Number(date.slice(8, 10))
  const month = Number(date.slice(5, 7))
  const dd = String(day).padStart(2, '0')
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month)
  return `ngày ${dd} tháng ${mm} năm ${date.slice(0, 4)}`
}

/** The calendar year of `now` where the plan is made (Vietnam), not where the browser happens to be. */
function yearIn(now: Date, timeZone: string): string {
  if (Number.isNaN(now.getTime())) return '20    '
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(now)
  } catch {
    return String(now.getUTCFullYear())
  }
}

// ---- Paragraph shapes ----------------------------------------------------------------------------

/**
 * A short solid rule: an empty paragraph whose top border runs between its indents. A border on the
 * text paragraph itself would need the same indents and could make the text wrap.
 */
function rule(usableTwips: number, lengthTwips: number): Paragraph {
  const indent = Math.max(0, Math.round((usableTwips - lengthTwips) / 2))
  return new Paragraph({
    indent: { left: indent, right: indent },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    // The border is drawn at the top of the paragraph's box, which starts right at the text's baseline
    // area; 3 pt of space before sets the rule clear of the descenders, as in the official samples.
    spacing: { before: 60, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    children: [],
  })
}

/** A rule 0.4 × the longest line (the decree asks for 1/3 to 1/2 of the line above it). */
function ruleUnder(lines: readonly string[], sizePt: number, usableTwips: number): Paragraph {
  const widest = Math.max(0, ...lines.map((line) => Math.min(usableTwips, estimateWidthTwips(line, sizePt, 'bold'))))
  return rule(usableTwips, Math.round(widest * 0.4))
}

function centred(lines: readonly string[], style: RunStyle, extra: { before?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: extra.before ?? 0, after: 0 },
    children: runs(lines, style),
  })
}

/** Body text: 14 pt, justified, first line 1 cm, 6 pt before, 1.15 lines. */
function bodyParagraph(children: TextRun[], extra: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: BODY_FIRST_LINE_TWIPS },
    spacing: { before: BODY_BEFORE_TWIPS, after: 0, line: BODY_LINE_240THS, lineRule: LineRuleType.AUTO },
    keepNext: extra.keepNext,
    children,
  })
}

/** "I. MỤC ĐÍCH, YÊU CẦU" or "1. Giai đoạn …": bold, kept with what follows it. */
function heading(text: string): Paragraph {
  return bodyParagraph([new TextRun({ text, font: FONT, size: SIZE_14PT, bold: true })], { keepNext: true })
}

// ---- Header and title ----------------------------------------------------------------------------

function borderlessTable(columns: readonly number[], rows: TableRow[]): Table {
  // Widths on the table, the grid and every cell, fixed layout: LibreOffice, Word Online and Google
  // Docs each read a different one of them (docx issues #528, #545, #556, #1618).
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: [...columns],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: HEADER_CELL_MARGIN_TWIPS, right: HEADER_CELL_MARGIN_TWIPS, top: 0, bottom: 0 },
    rows,
  })
}

function topCell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.TOP, children })
}

/**
 * Two rows, so "Số: …" and the date share a line even when the agency name wraps:
 *   [parent agency / ISSUING AGENCY / rule]   [QUỐC HIỆU / Tiêu ngữ / rule]
 *   [Số: …/KH-…]                              [<place>, ngày … tháng … năm …]
 */
function buildHeaderTable(plan: Plan, now: Date): Table {
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
  const place = oneLine(details.place)
  const dateLine = `${place === '' ? '          ' : place}, ${formatOfficialDate(details.issuedOn, yearIn(now, plan.timeZone))}`
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

/** The number as printed: blank on an unsigned draft, "05" rather than "5". */
function officialNumber(number: string): string {
  const value = oneLine(number)
  if (value === '') return '      '
  return /^\d$/.test(value) ? `0${value}` : value
}

function oneLine(value: string): string {
  return textLines(value).join(' ')
}

function buildTitle(subject: string): Paragraph[] {
  const subjectLines = textLines(subject)
  const title: Paragraph[] = [centred(['KẾ HOẠCH'], { size: SIZE_14PT, bold: true }, { before: 360 })]
  if (subjectLines.length > 0) {
    title.push(centred(subjectLines, { size: SIZE_14PT, bold: true }), ruleUnder(subjectLines, 14, TEXT_WIDTH_TWIPS))
  }
  return title
}

// ---- I. Mục đích, yêu cầu --------------------------------------------------------------------------

function buildPurposeSection(purpose: string): Paragraph[] {
  return [
    heading('I. MỤC ĐÍCH, YÊU CẦU'),
    ...textLines(purpose).map((line) => bodyParagraph([new TextRun({ text: line, font: FONT, size: SIZE_14PT })])),
  ]
}

// ---- II. Nội dung ----------------------------------------------------------------------------------

/** One row of a task table: a task, or one occurrence of a recurring task at its own dates. */
interface TaskRow {
  task: Task
  start: string
  end: string
  /** A series' rule in words ("Lặp lại hằng ngày đến 23/05/2021"), or ''. */
  note: string
}

interface TaskGroup {
  heading: string
  focus: string
  rows: TaskRow[]
}

/**
 * The rows of the tasks: a recurring task gives one per occurrence (moved ones at their new dates,
 * cancelled ones and, with a range, those outside it left out). Rows are in date order, occurrences
 * among the other tasks; rows starting together keep the caller's order.
 */
function expandRows(tasks: readonly Task[], range: ScheduleRange | null): TaskRow[] {
  const rows: (TaskRow & { index: number })[] = []
  tasks.forEach((task, index) => {
    const occurrences = range === null ? expandTask(task) : expandTask(task, range.from, addDays(range.to, 1))
    for (const occurrence of occurrences) {
      const note = isRecurring(task) ? occurrenceNote(task.recurrence, occurrence, 'vi') : ''
      rows.push({ task, start: occurrence.start, end: occurrence.end, note, index })
    }
  })
  if (!tasks.some(isRecurring)) return rows
  return rows.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.index - b.index))
}

/**
 * One group per phase (in date order) holding the rows that touch it; a row touching several phases
 * goes to the first, so each row appears once. Rows touching none go last, "Nhiệm vụ khác". Phases
 * without rows in the scope are left out. Row order inside a group is the order given.
 */
function groupRowsByPhase(phases: readonly Phase[], rows: readonly TaskRow[]): TaskGroup[] {
  const ordered = [...phases].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
  const byPhase = new Map<string, TaskRow[]>(ordered.map((p) => [p.id, []]))
  const other: TaskRow[] = []
  for (const row of rows) {
    const first = datePart(row.start)
    const last = lastDay({ start: row.start, end: row.end, allDay: row.task.allDay })
    const phase = ordered.find((p) => first < p.end && last >= p.start)
    if (phase) byPhase.get(phase.id)?.push(row)
    else other.push(row)
  }
  const groups: TaskGroup[] = []
  for (const phase of ordered) {
    const phaseRows = byPhase.get(phase.id) ?? []
    if (phaseRows.length === 0) continue
    const range = `từ ngày ${formatDate(phase.start)} đến ngày ${formatDate(addDays(phase.end, -1))}`
    groups.push({ heading: `${phaseTitle(phase.name)}: ${range}`, focus: phase.focus, rows: phaseRows })
  }
  if (other.length > 0) groups.push({ heading: 'Nhiệm vụ khác', focus: '', rows: other })
  return groups
}

/** "Giai đoạn cao điểm" from "Cao điểm"; an acronym ("HĐND …") or "Giai đoạn …" stays as it is. */
function phaseTitle(name: string): string {
  const value = oneLine(name)
  if (/^giai đoạn\b/i.test(value)) return value
  const [a = '', b = ''] = [...value]
  const lowered = b !== '' && b === b.toLowerCase() ? a.toLocaleLowerCase('vi') + value.slice(a.length) : value
  return `Giai đoạn ${lowered}`.trim()
}

function buildContentSection(phases: readonly Phase[], rows: readonly TaskRow[], unitNames: ReadonlyMap<string, string>): (Paragraph | Table)[] {
  const content: (Paragraph | Table)[] = [heading('II. NỘI DUNG')]
  const groups = groupRowsByPhase(phases, rows)
  if (groups.length === 0) {
    content.push(bodyParagraph([new TextRun({ text: 'Chưa có nhiệm vụ.', font: FONT, size: SIZE_14PT, italics: true })]))
  }
  groups.forEach((group, index) => {
    content.push(heading(`${index + 1}. ${group.heading}`))
    const focus = oneLine(group.focus)
    if (focus !== '') {
      content.push(bodyParagraph([
        new TextRun({ text: 'Nội dung trọng tâm: ', font: FONT, size: SIZE_14PT, italics: true }),
        new TextRun({ text: `${stripEndPunctuation(focus)}.`, font: FONT, size: SIZE_14PT }),
      ], { keepNext: true }))
    }
    // A paragraph before each table: the heading above gives it, and it keeps two tables from ever
    // touching (Word would merge them into one).
    content.push(buildTaskTable(group.rows, unitNames))
  })
  return content
}

/** One paragraph per line; an empty cell still needs one paragraph. */
function cellParagraphs(lines: readonly string[], style: string = STYLE_TASK_CELL): Paragraph[] {
  return (lines.length > 0 ? lines : ['']).map((text) => new Paragraph({ style, children: text === '' ? [] : [new TextRun(text)] }))
}

function taskCell(index: number, children: Paragraph[], verticalAlign?: typeof VerticalAlign.CENTER): TableCell {
  return new TableCell({ width: { size: TASK_COLUMNS_TWIPS[index] ?? 0, type: WidthType.DXA }, verticalAlign, children })
}

/**
 * 12 pt, thin single borders (docx's default table borders); the header row repeats on every page and
 * no row splits across pages. STT restarts at 1 in each phase's table.
 */
function buildTaskTable(taskRows: readonly TaskRow[], unitNames: ReadonlyMap<string, string>): Table {
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: TASK_COLUMN_LABELS.map((label, index) => taskCell(index, cellParagraphs([label], STYLE_TASK_HEAD), VerticalAlign.CENTER)),
  })
  const rows = taskRows.map((row, i) => new TableRow({
    cantSplit: true,
    children: [
      taskCell(0, cellParagraphs([String(i + 1)], STYLE_TASK_CELL_CENTRED)),
      taskCell(1, cellParagraphs(textLines(row.task.title))),
      taskCell(2, cellParagraphs(formatTaskTime({ allDay: row.task.allDay, start: row.start, end: row.end }), STYLE_TASK_CELL_CENTRED)),
      taskCell(3, cellParagraphs(row.task.leadUnitId === null ? [] : textLines(unitNames.get(row.task.leadUnitId) ?? ''))),
      taskCell(4, cellParagraphs(supportLines(row.task, unitNames))),
      taskCell(5, cellParagraphs([...noteLines(row.task), ...(row.note === '' ? [] : [row.note])])),
    ],
  }))
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: [...TASK_COLUMNS_TWIPS],
    layout: TableLayoutType.FIXED,
    margins: TASK_CELL_MARGIN_TWIPS,
    rows: [headerRow, ...rows],
  })
}

/**
 * The "Thời gian" cell, one or two lines: `23/05/2021`, `01/01/2021 -` / `31/03/2021`,
 * `07:30 - 09:30` / `23/05/2021`. Wall-clock values are printed as stored: no time zone applies.
 */
function formatTaskTime(task: Pick<Task, 'allDay' | 'start' | 'end'>): string[] {
  if (task.allDay) {
    const first = datePart(task.start)
    const last = lastDay(task)
    return first === last ? [formatDate(first)] : [`${formatDate(first)} -`, formatDate(last)]
  }
  const startDate = datePart(task.start)
  const endDate = datePart(task.end)
  if (startDate === endDate) return [`${timePart(task.start)} - ${timePart(task.end)}`, formatDate(startDate)]
  return [`${timePart(task.start)} ${formatDate(startDate)} -`, `${timePart(task.end)} ${formatDate(endDate)}`]
}

/** One line per supporting unit: unit names often contain commas ("Sở Văn hóa, Thể thao và Du lịch"). */
function supportLines(task: Task, unitNames: ReadonlyMap<string, string>): string[] {
  const names = task.supportUnitIds.map((id) => oneLine(unitNames.get(id) ?? '')).filter((name) => name !== '')
  return names.length > 1 ? names.map((name) => `- ${name}`) : names
}

/** Ghi chú: the quantity, the place and the description, each on its own line(s). */
function noteLines(task: Task): string[] {
  const location = oneLine(task.location)
  return [
    ...textLines(task.quantity),
    ...(location === '' ? [] : [`Địa điểm: ${location}`]),
    ...textLines(task.description),
  ]
}

// ---- III. Tổ chức thực hiện ------------------------------------------------------------------------

/**
 * One paragraph per lead unit with tasks in the scope, in the plan's unit order: "1. <Unit>: chủ trì
 * k nhiệm vụ: a; b; c." Past MAX_TITLES_PER_UNIT titles the list stops with "… và n nhiệm vụ khác" so
 * a 10,000-task document stays readable (Section II holds them all). Tasks without a known lead unit
 * come last. The section, and the body, ends with the usual closing sentence and "./.".
 */
function buildOrganisationSection(units: Plan['units'], tasks: readonly Task[]): Paragraph[] {
  const byLead = new Map<string | null, Task[]>()
  const knownUnits = new Set(units.map((u) => u.id))
  for (const task of tasks) {
    const lead = task.leadUnitId !== null && knownUnits.has(task.leadUnitId) ? task.leadUnitId : null
    const list = byLead.get(lead)
    if (list) list.push(task)
    else byLead.set(lead, [task])
  }
  const entries: { name: string; tasks: Task[] }[] = []
  for (const unit of units) {
    const unitTasks = byLead.get(unit.id)
    const name = oneLine(unit.name)
    if (unitTasks) entries.push({ name: name === '' ? 'Đơn vị chưa đặt tên' : name, tasks: unitTasks })
  }
  const unassigned = byLead.get(null)
  if (unassigned) entries.push({ name: 'Nhiệm vụ chưa phân công đơn vị chủ trì', tasks: unassigned })

  const paragraphs = [heading('III. TỔ CHỨC THỰC HIỆN')]
  entries.forEach((entry, index) => {
    const titles = entry.tasks.map((t) => stripEndPunctuation(oneLine(t.title))).filter((t) => t !== '')
    const shown = titles.slice(0, MAX_TITLES_PER_UNIT).join('; ')
    const rest = titles.length - MAX_TITLES_PER_UNIT
    const list = rest > 0 ? `${shown}; … và ${rest} nhiệm vụ khác (xem Mục II)` : shown
    paragraphs.push(bodyParagraph([
      new TextRun({ text: `${index + 1}. ${entry.name}: `, font: FONT, size: SIZE_14PT, bold: true }),
      new TextRun({ text: `chủ trì ${entry.tasks.length} nhiệm vụ${list === '' ? '' : `: ${list}`}.`, font: FONT, size: SIZE_14PT }),
    ]))
  })
  paragraphs.push(bodyParagraph([
    new TextRun({
      text: 'Các cơ quan, đơn vị căn cứ Kế hoạch này chủ động xây dựng kế hoạch cụ thể và tổ chức thực hiện; '
        + 'trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo để xem xét, giải quyết./.',
      font: FONT,
      size: SIZE_14PT,
    }),
  ], { keepNext: true }))
  return paragraphs
}

function stripEndPunctuation(value: string): string {
  return value.replace(/[\s.;,:]+$/u, '')
}

// ---- Nơi nhận and signature ------------------------------------------------------------------------

/**
 * Borderless, one unsplittable row: "Nơi nhận:" flush left and level with the signer's authority line,
 * the signer block centred in the right column (which lines up with the national motto above).
 */
function buildSignatureTable(plan: Plan): Table {
  const details = plan.document
  const [leftWidth, rightWidth] = HEADER_COLUMNS_TWIPS
  const before = 240

  const recipients = details.recipients.map((r) => stripEndPunctuation(oneLine(r))).filter((r) => r !== '')
  const drafting = upper(oneLine(details.draftingUnitCode))
  const recipientLines = [...recipients.map((r) => `- ${r};`), `- Lưu: VT${drafting === '' ? '' : `, ${drafting}`}.`]
  const left = [
    new Paragraph({ spacing: { before }, children: [new TextRun({ text: 'Nơi nhận:', font: FONT, size: SIZE_12PT, bold: true, italics: true })] }),
    ...recipientLines.map((text) => new Paragraph({ children: [new TextRun({ text, font: FONT, size: SIZE_11PT })] })),
  ]

  const authority = [...textLines(details.signerAuthority), ...textLines(details.signerTitle)].map(upper)
  const right = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before }, children: runs(authority, { size: SIZE_14PT, bold: true }) }),
    ...Array.from({ length: SIGNATURE_GAP_LINES }, () => new Paragraph({ children: [] })),
    new Paragraph({ alignment: AlignmentType.CENTER, children: runs(textLines(details.signerName), { size: SIZE_14PT, bold: true }) }),
  ]

  return borderlessTable(HEADER_COLUMNS_TWIPS, [
    new TableRow({ cantSplit: true, children: [topCell(leftWidth, left), topCell(rightWidth, right)] }),
  ])
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
