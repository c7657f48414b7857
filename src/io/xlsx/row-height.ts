/**
 * Row heights for the XLSX export, estimated from the text each cell has to wrap.
 *
 * Why this exists: an .xlsx row without a height is drawn one line high by LibreOffice (and by most
 * viewers, and by Excel until something makes it re-fit the row), so wrapped text spills over the
 * rows below it. The file has to carry each row's height itself.
 *
 * Why hand-written: exceljs has no auto-fit. It writes `row.height` as given and never measures text
 * (checked in exceljs 4.4: its README has only `row.height = n`, `bestFit` on a column is a flag it
 * copies, and its issues #36, #450 and #893 ask for auto-height and get only workarounds);
 * and exact measuring needs font files and a shaping engine, which this module (pure, run in Node and
 * in the browser, at 10,000 rows) should not carry. So it wraps each cell's text greedily, word by
 * word, with the advance widths of Times New Roman (taken from Liberation Serif, its metric-compatible
 * twin, which LibreOffice substitutes for it), and errs on the side of one line too many:
 * - the usable width is that of Excel's column unit at the workbook's default font (Calibri 11,
 *   7 px), less the cell's padding; LibreOffice gives a column a little more room, never less;
 * - lines break only at spaces (real renderers also break after hyphens and slashes), bold is taken
 *   10 % wider than regular (it is ~6 % wider on Vietnamese text), and every width gets a 5 % margin;
 * - Vietnamese letters are measured as their base letter (their precomposed glyphs have its width;
 *   the horn of ơ, ư adds a little), and a line is 1.35 em high where Excel fits TNR at 1.31 em and
 *   LibreOffice at 1.15 em: a capital with two marks (Ấ, Ễ) reaches above the font's ascent, and a
 *   tight row clips it;
 * - anything unknown (CJK, emoji, other scripts) counts as a full em.
 * Explicit line breaks start a new line, and an empty line counts. Heights stop at 409 pt, Excel's
 * largest row height (a longer text is cut there, in every spreadsheet).
 *
 * Checked against LibreOffice 7.4 (Liberation Serif for TNR, Carlito for Calibri): given the width
 * LibreOffice really gives a column (≈ 5.58 pt a unit, less 2 pt) and no safety margin, the wrap
 * found the same line count as LibreOffice's PDF for all 600 regular cells tried (300 titles, units
 * and notes of the benchmark plans, at widths 40 and 50); with the widths used here it finds the same
 * count or one more, never fewer (row-height.test.ts keeps a sample). The Excel side (7 px a unit,
 * 1.31 em lines) is from the OOXML column-width formula and Excel's own fit of TNR 12 (15.75 pt).
 * exceljs writes a height with customHeight="1", so Excel keeps it and does not re-fit the row.
 */

/** Excel's largest row height, in points. */
export const MAX_ROW_HEIGHT_PT = 409

/** The font a cell's text is set in: its size in points, and whether it is bold. */
export interface CellFont {
  size: number
  bold?: boolean
}

/** Pixels per column-width unit: the maximum digit width of Calibri 11, the workbook's default font. */
const COLUMN_UNIT_PX = 7
/** Room the cell keeps free left and right of its text (Excel ~2-3 px a side, LibreOffice ~1 mm). */
const CELL_PADDING_PX = 6
const PT_PER_PX = 0.75
/** One line of text, in em: taller than Excel's own fit (1.31) for stacked Vietnamese marks. */
const LINE_HEIGHT_EM = 1.35
/** Room above the first line and below the last one. */
const ROW_PADDING_PT = 3
const BOLD_FACTOR = 1.1
const SAFETY_FACTOR = 1.05

/** Advance widths of Times New Roman (= Liberation Serif) regular, in 1/1000 em, for U+0020..U+007E. */
const ASCII_WIDTHS = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, //  !"#$%&'()*+,-./
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0-9 :;<=>?
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @A-O
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P-Z [\]^_
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // `a-o
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, //      p-z {|}~
]
/** Punctuation officials' text uses, beyond ASCII (same font, 1/1000 em). */
const EXTRA_WIDTHS: Record<string, number> = {
  '\u00a0': 250, '–': 500, '—': 1000, '…': 1000, '‘': 333, '’': 333, '“': 444, '”': 444, '≤': 549, '≥': 549,
  '·': 333, '•': 350, '°': 400, '×': 564, '±': 549, '«': 500, '»': 500, '§': 500, '№': 954, '→': 1000,
}
/** What the horn of ơ, ư (U+031B) adds to the base letter's width. */
const HORN_EXTRA = 60
const FULL_EM = 1000

/**
 * Width + 1 of every UTF-16 code unit, 0 = not worked out yet: one typed-array read per character in
 * the wrapping loop, which runs over ~3 million characters for a 10,000-task plan.
 */
const widthTable = new Uint16Array(0x10000)
ASCII_WIDTHS.forEach((width, index) => { widthTable[0x20 + index] = width + 1 })

function charWidthSlow(code: number): number {
  const width = measureRare(code)
  widthTable[code] = width + 1
  return width
}

function measureRare(code: number): number {
  if (code < 0x20 || (code >= 0x300 && code <= 0x36f) || (code >= 0xdc00 && code <= 0xdfff)) return 0 // controls, combining marks, 2nd half of a pair
  const char = String.fromCharCode(code)
  const extra = EXTRA_WIDTHS[char]
  if (extra !== undefined) return extra
  if (char === 'đ') return ASCII_WIDTHS['d'.charCodeAt(0) - 0x20]!
  if (char === 'Đ') return ASCII_WIDTHS['D'.charCodeAt(0) - 0x20]!
  // A letter with marks (every Vietnamese vowel, é, ñ…) is as wide as its base letter.
  const decomposed = char.normalize('NFD')
  const base = decomposed.charCodeAt(0)
  if (decomposed.length > 1 && base >= 0x20 && base <= 0x7e) {
    return ASCII_WIDTHS[base - 0x20]! + (decomposed.includes('\u031b') ? HORN_EXTRA : 0)
  }
  return FULL_EM
}

/** The room for text in a cell spanning these columns (Excel width units), in points. */
export function textAreaWidthPt(columnWidths: readonly number[]): number {
  let px = 0
  for (const width of columnWidths) px += Math.trunc(width * COLUMN_UNIT_PX + 0.5)
  return Math.max(1, px - CELL_PADDING_PX) * PT_PER_PX
}

/**
 * How many lines `text` takes in a wrapping cell `areaWidthPt` wide (see `textAreaWidthPt`), set in
 * `font`: greedy word wrap, explicit line breaks kept, a word longer than a line broken across lines.
 * Empty text takes no line.
 */
export function wrappedLineCount(text: string, areaWidthPt: number, font: CellFont): number {
  if (text === '') return 0
  // Widths below are in 1/1000 em of the font; scale the room instead of every glyph.
  const room = (areaWidthPt / font.size) * 1000 / ((font.bold ? BOLD_FACTOR : 1) * SAFETY_FACTOR)
  let lines = 1
  let lineWidth = 0 // up to the end of the last word placed on the line
  let spaces = 0 // spaces after that word, which count only if another word follows on the line
  let word = 0
  let atParagraphStart = true

  const placeWord = (): void => {
    if (word === 0) return
    if (lineWidth > 0 && lineWidth + spaces + word <= room) {
      lineWidth += spaces + word
    } else {
      if (lineWidth > 0) lines += 1
      // Leading spaces of a paragraph are shown; those at a wrap are not.
      let rest = (atParagraphStart ? spaces : 0) + word
      while (rest > room) {
        lines += 1
        rest -= room
      }
      lineWidth = rest
    }
    atParagraphStart = false
    spaces = 0
    word = 0
  }

  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i)
    if (code === 0x20) {
      placeWord()
      spaces += ASCII_WIDTHS[0]!
    } else if (code === 0x0a || code === 0x0d) {
      placeWord()
      if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i += 1
      lines += 1
      lineWidth = 0
      spaces = 0
      atParagraphStart = true
    } else {
      const known = widthTable[code]!
      word += known !== 0 ? known - 1 : charWidthSlow(code)
    }
  }
  placeWord()
  return lines
}

/** The height of a row whose tallest cell takes `lines` lines of `fontSize`-point text, in points. */
export function rowHeightForLines(lines: number, fontSize: number): number {
  const height = Math.max(1, lines) * fontSize * LINE_HEIGHT_EM + ROW_PADDING_PT
  // Whole pixels (0.75 pt), as Excel draws them; rounded up so no line loses its last pixel.
  const pixels = Math.ceil(height / PT_PER_PX - 1e-9)
  return Math.min(MAX_ROW_HEIGHT_PT, pixels * PT_PER_PX)
}
