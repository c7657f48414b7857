/**
 * The paragraph and table shapes the Word export is built from: centred lines, body text, headings,
 * the short solid rules of the header, and the borderless layout tables of the header and signature.
 */
import {
  AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableBorders, TableCell, TableLayoutType,
  TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx'
import {
  BODY_BEFORE_TWIPS, BODY_FIRST_LINE_TWIPS, BODY_LINE_240THS, FONT, HEADER_CELL_MARGIN_TWIPS, SIZE_14PT, TEXT_WIDTH_TWIPS,
} from '@/io/docx/docx-geometry'
import { estimateWidthTwips, runs, titleRuns, type RunStyle } from '@/io/docx/docx-text'

/**
 * A short solid rule: an empty paragraph whose top border runs between its indents. A border on the
 * text paragraph itself would need the same indents and could make the text wrap.
 */
export function rule(usableTwips: number, lengthTwips: number): Paragraph {
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
export function ruleUnder(lines: readonly string[], sizePt: number, usableTwips: number): Paragraph {
  const widest = Math.max(0, ...lines.map((line) => Math.min(usableTwips, estimateWidthTwips(line, sizePt, 'bold'))))
  return rule(usableTwips, Math.round(widest * 0.4))
}

export function centred(lines: readonly string[], style: RunStyle, extra: { before?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: extra.before ?? 0, after: 0 },
    children: runs(lines, style),
  })
}

/** A centred title (the subject under "KẾ HOẠCH" or "BÁO CÁO"): its lines end well (titleRuns). */
export function centredTitle(lines: readonly string[], style: RunStyle): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 }, children: titleRuns(lines, style) })
}

/** Body text: 14 pt, justified, first line 1 cm, 6 pt before, 1.15 lines. */
export function bodyParagraph(children: TextRun[], extra: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: BODY_FIRST_LINE_TWIPS },
    spacing: { before: BODY_BEFORE_TWIPS, after: 0, line: BODY_LINE_240THS, lineRule: LineRuleType.AUTO },
    keepNext: extra.keepNext,
    children,
  })
}

/** A 14 pt run of body text. */
export function bodyRun(text: string, style: Omit<RunStyle, 'size'> = {}): TextRun {
  return new TextRun({ text, font: FONT, size: SIZE_14PT, ...style })
}

/** "I. MỤC ĐÍCH, YÊU CẦU" or "1. Giai đoạn …": bold, kept with what follows it. */
export function heading(text: string): Paragraph {
  return bodyParagraph([bodyRun(text, { bold: true })], { keepNext: true })
}

export function borderlessTable(columns: readonly number[], rows: TableRow[]): Table {
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

export function topCell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.TOP, children })
}
