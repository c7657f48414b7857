/**
 * User text as the Word export writes it: cleaned for XML, split into lines, in real capitals, and the
 * estimated printed width of a line (to size the short rules and choose the date line's size).
 *
 * Safety: every piece of user text reaches the file only as the `text` of a docx TextRun, which docx
 * escapes; `cleanText` also drops the characters XML 1.0 cannot hold before that, so no input breaks
 * the XML.
 */
import { NoBreakHyphen, TextRun } from 'docx'
import { FONT } from '@/io/docx/docx-geometry'

/**
 * User text as Word may hold it: NFC (the decree asks for precomposed Unicode, TCVN 6909), line breaks
 * as "\n", tabs as spaces (a tab inside w:t is not a tab stop), and without the characters XML 1.0
 * forbids (C0 controls, lone surrogates, U+FFFE/U+FFFF) or C1 controls, which docx would not all drop.
 */
export function cleanText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
}

/** Non-empty trimmed lines of a user text. */
export function textLines(value: string): string[] {
  return cleanText(value).split('\n').map((line) => line.trim()).filter((line) => line !== '')
}

/** A user text on one line (its lines joined by a space). */
export function oneLine(value: string): string {
  return textLines(value).join(' ')
}

/** Written in real capitals (not `allCaps`), so copied and searched text matches what is printed. */
export function upper(value: string): string {
  return value.toLocaleUpperCase('vi')
}

/** Without the trailing punctuation a list item or sentence end is added to. */
export function stripEndPunctuation(value: string): string {
  return value.replace(/[\s.;,:]+$/u, '')
}

export interface RunStyle {
  size?: number
  bold?: boolean
  italics?: boolean
}

/**
 * Title lines (a centred bold subject) that end well: the last words held by no-break spaces,
 * and a term of office ("2021-2026", "2021 - 2026") kept whole, the hyphen between digits as Word's
 * no-break hyphen (w:noBreakHyphen, which LibreOffice reads too). LibreOffice broke the 2021 report's
 * subject after "2021-", leaving "2026" alone on its last line.
 */
export function titleRuns(lines: readonly string[], style: RunStyle = {}): TextRun[] {
  return lines.map((line, index) => new TextRun({
    font: FONT, ...style, ...(index > 0 ? { break: 1 } : {}), children: withNoBreakHyphens(keepLastWordsTogether(line)),
  }))
}

const NO_BREAK_SPACE = '\u00A0'
/** Fewer words than this: a short title wraps nowhere, or its own way. */
const GLUED_TITLE_MIN_WORDS = 4

/**
 * A Vietnamese word is often two syllables ("nhiệm kỳ"): a title ending in a number (a term, a year)
 * keeps the two syllables before it too, so the last line reads "nhiệm kỳ 2021-2026", not "kỳ 2021-2026".
 */
function keepLastWordsTogether(line: string): string {
  const spaced = line.replace(/(\d) ([-–]) (?=\d)/g, `$1${NO_BREAK_SPACE}$2${NO_BREAK_SPACE}`)
  const words = spaced.split(' ')
  if (words.length < GLUED_TITLE_MIN_WORDS) return spaced
  const glued = /\d/.test(words.at(-1)!) && words.length > GLUED_TITLE_MIN_WORDS ? 3 : 2
  return `${words.slice(0, -glued).join(' ')} ${words.slice(-glued).join(NO_BREAK_SPACE)}`
}

function withNoBreakHyphens(text: string): (string | NoBreakHyphen)[] {
  const parts = text.split(/(?<=\d)-(?=\d)/)
  return parts.flatMap((part, index) => (index === 0 ? [part] : [new NoBreakHyphen(), part]))
}

/** One run per line, joined by line breaks (a "\n" inside w:t would show as a space). */
export function runs(lines: readonly string[], style: RunStyle = {}): TextRun[] {
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
export function estimateWidthTwips(text: string, sizePt: number, style: FontStyle): number {
  let em = 0
  for (const ch of text.normalize('NFD').replace(/\p{M}/gu, '')) {
    if (ch === ' ') em += 0.25
    else if (ch >= '0' && ch <= '9') em += 0.5
    else if (ch === '-') em += 0.333
    else if (ch === '…') em += 1
    else if (ch !== ch.toLowerCase()) em += EM_WIDTHS[style].upper
    else if (ch !== ch.toUpperCase()) em += EM_WIDTHS[style].lower
    else em += 0.3
  }
  return Math.round(em * sizePt * 20)
}
