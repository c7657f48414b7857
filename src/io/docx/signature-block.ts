/**
 * The end of the Word plan: "Nơi nhận:" and its list on the left, the signer block on the right
 * (authority and title, the space for the signature and seal, the signer's name), as in Decree 30's
 * Mẫu 1.4.
 */
import { AlignmentType, Paragraph, type Table, TableRow, TextRun } from 'docx'
import type { Plan } from '@/domain/types'
import { FONT, HEADER_COLUMNS_TWIPS, SIZE_11PT, SIZE_12PT, SIZE_14PT } from '@/io/docx/docx-geometry'
import { borderlessTable, topCell } from '@/io/docx/docx-paragraphs'
import { oneLine, runs, stripEndPunctuation, textLines, upper } from '@/io/docx/docx-text'

/** Empty 14 pt lines left for the signature and seal (≈ 28 mm; the reference: 4–5 lines). */
export const SIGNATURE_GAP_LINES = 5

/** The fixed words of the block; in English for a progress report exported in English. */
const SIGNATURE_WORDS = {
  vi: { recipients: 'Nơi nhận', filed: 'Lưu' },
  en: { recipients: 'Recipients', filed: 'Filed' },
} as const

/**
 * Borderless, one unsplittable row: "Nơi nhận:" flush left and level with the signer's authority line,
 * the signer block centred in the right column (which lines up with the national motto above). The
 * name line is always there: a plan exported before the signer is known keeps an empty 14 pt bold
 * line for it under the signature space, so the name typed or written in later sits where the decree
 * puts it.
 */
export function buildSignatureTable(plan: Plan, language: 'vi' | 'en' = 'vi'): Table {
  const words = SIGNATURE_WORDS[language]
  const details = plan.document
  const [leftWidth, rightWidth] = HEADER_COLUMNS_TWIPS
  const before = 240

  const recipients = details.recipients.map((r) => stripEndPunctuation(oneLine(r))).filter((r) => r !== '')
  const drafting = upper(oneLine(details.draftingUnitCode))
  const recipientLines = [...recipients.map((r) => `- ${r};`), `- ${words.filed}: VT${drafting === '' ? '' : `, ${drafting}`}.`]
  const left = [
    new Paragraph({ spacing: { before }, children: [new TextRun({ text: `${words.recipients}:`, font: FONT, size: SIZE_12PT, bold: true, italics: true })] }),
    ...recipientLines.map((text) => new Paragraph({ children: [new TextRun({ text, font: FONT, size: SIZE_11PT })] })),
  ]

  const authority = [...textLines(details.signerAuthority), ...textLines(details.signerTitle)].map(upper)
  // The decree: the name without academic titles, in normal case (not capitals), bold.
  const name = oneLine(details.signerName)
  const right = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before }, children: runs(authority, { size: SIZE_14PT, bold: true }) }),
    ...Array.from({ length: SIGNATURE_GAP_LINES }, () => new Paragraph({ children: [] })),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      // Bold 14 pt on the paragraph mark too, so the empty line of an unknown name is as tall as a name.
      run: { font: FONT, size: SIZE_14PT, bold: true },
      children: name === '' ? [] : runs([name], { size: SIZE_14PT, bold: true }),
    }),
  ]

  return borderlessTable(HEADER_COLUMNS_TWIPS, [
    new TableRow({ cantSplit: true, children: [topCell(leftWidth, left), topCell(rightWidth, right)] }),
  ])
}
