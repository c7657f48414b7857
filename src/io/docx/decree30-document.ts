/**
 * The Decree 30 page and file around a document's body, shared by the plan (docx-file.ts) and the
 * progress report (src/io/progress-report): A4 portrait with the decree's margins, Times New Roman
 * 14 pt black, the page number centred in the header from page 2 on (hidden on page 1), and the
 * package metadata stamped with the export's time.
 *
 * The one part written as raw XML here (docProps/core.xml) gets its title XML-escaped; callers pass a
 * title built from fixed words and the election year, not user text.
 */
import {
  AlignmentType, Document, Header, type IParagraphStyleOptions, LineRuleType, Packer, PageNumber, PageOrientation, Paragraph,
  type Table, TextRun,
} from 'docx'
import {
  FONT, HEADER_DISTANCE_TWIPS, MARGIN_BOTTOM_TWIPS, MARGIN_LEFT_TWIPS, MARGIN_RIGHT_TWIPS, MARGIN_TOP_TWIPS,
  PAGE_HEIGHT_TWIPS, PAGE_WIDTH_TWIPS, SIZE_14PT,
} from '@/io/docx/docx-geometry'

export interface Decree30DocumentOptions {
  /** The body: header table, title, sections, signature table. */
  children: (Paragraph | Table)[]
  /** The file's title in its properties (docProps/core.xml). */
  title: string
  /** Stamped as the file's created/modified time. */
  now: Date
  /** The proofing language of the text: Vietnamese, or English for an English report. */
  language?: 'vi' | 'en'
  /** Named paragraph styles the body refers to (the plan's task table). */
  paragraphStyles?: readonly IParagraphStyleOptions[]
}

const CORE_PROPERTIES_PATH = 'docProps/core.xml'

/** Lays the body out on Decree 30 pages and packs the .docx. Pure: the same options give the same document. */
export async function packDecree30Document(options: Decree30DocumentOptions): Promise<Uint8Array> {
  const document = new Document({
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE_14PT, color: '000000', language: { value: options.language === 'en' ? 'en-GB' : 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
      paragraphStyles: [...(options.paragraphStyles ?? [])],
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
        children: options.children,
      },
    ],
  })
  // 'uint8array' works in the browser and in Node alike (toBuffer needs Buffer, toBlob needs Blob).
  return Packer.pack(document, 'uint8array', false, [{ path: CORE_PROPERTIES_PATH, data: corePropertiesXml(options.title, options.now) }])
}

/** docx stamps created/modified with the machine clock; this part replaces it so the file carries the export's `now`. */
function corePropertiesXml(title: string, now: Date): string {
  const stamp = Number.isNaN(now.getTime()) ? new Date(0).toISOString() : now.toISOString()
  const instant = stamp.replace(/\.\d{3}Z$/, 'Z')
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    + ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    + ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    + `<dc:title>${escapeXml(title)}</dc:title>`
    + '<dc:creator>election-campaign-planner</dc:creator>'
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${instant}</dcterms:created>`
    + `<dcterms:modified xsi:type="dcterms:W3CDTF">${instant}</dcterms:modified>`
    + '</cp:coreProperties>'
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
