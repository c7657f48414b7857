/**
 * Fuzz targets for XLSX: import of damaged workbooks (byte edits and truncation of our own export),
 * foreign workbooks with every kind of cell (formulas with and without results, errors, rich text,
 * hyperlinks, invalid dates, merged cells), ZIPs whose directory lies about the unpacked sizes, and
 * the round trip of our own export. A workbook is built inside `check` (exceljs writes asynchronously),
 * so a case is the description of the file, not its bytes.
 */
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { unzipSync, zipSync } from 'fflate'
import { canonicalJson } from '@/domain/plan/canonical-json'
import type { Plan, Task } from '@/domain/types'
import { parseXlsx, serializeXlsx, applyXlsxMapping, type ParseXlsxResult } from '@/io/xlsx/xlsx-file'
import type { Corpus } from '@/testing/fuzz/corpus'
import { FUZZ_NOW } from '@/testing/fuzz/corpus'
import { cellText, foreignRows } from '@/testing/fuzz/mapping-target'
import { applyByteEdits, byteEdit } from '@/testing/fuzz/mutations'
import { checkImportedTasks, checkUntouched, changeFinding, firstChange, guarded, type Finding, type FuzzTarget } from '@/testing/fuzz/oracles'
import { validPlan } from '@/testing/fuzz/valid-plan'

type Cell = ExcelJS.CellValue

const cellValue: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: cellText },
  { weight: 1, arbitrary: fc.constantFrom<Cell>(
    44300, 44300.5, -1, 1e308, NaN, Infinity, true, new Date(Date.UTC(2021, 3, 1)), new Date(NaN), new Date(8.64e15),
    { formula: 'A1+1' } as Cell, { formula: '1/0', result: { error: '#DIV/0!' } } as Cell, { formula: 'DATE(2021,2,31)', result: 44258 } as Cell,
    { error: '#REF!' } as Cell, { richText: [{ text: '01/04/' }, { text: '2021' }] } as Cell,
    { text: 'Sở Tư pháp', hyperlink: 'javascript:alert(1)' } as Cell,
  ) },
)

export type XlsxCase =
  | { kind: 'bytes'; edits: { at: number; kind: 'set' | 'flip' | 'truncate' | 'insert'; value: number }[] }
  | { kind: 'workbook'; rows: Cell[][]; merges: [number, number, number, number][]; sheetName: string }
  /** A sheet of `rows` rows whose ZIP directory says every entry is `declared` bytes (built when generated: it is not the importer's time). */
  | { kind: 'lyingZip'; rows: number; declared: number; bytes: Uint8Array }

let scale = 1
/** The long run makes the lying ZIPs bigger (the bounded run keeps them to a few MB). */
export function setXlsxScale(value: number): void {
  scale = value
}

async function workbookBytes(rows: Cell[][], merges: readonly [number, number, number, number][], sheetName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(sheetName)
  rows.forEach((cells, r) => cells.forEach((value, c) => { sheet.getCell(r + 1, c + 1).value = value }))
  for (const [top, left, bottom, right] of merges) {
    try {
      sheet.mergeCells(top, left, bottom, right)
    } catch {
      // overlapping merges: exceljs refuses them, the file is written without
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer() as ArrayBuffer)
}

/** Our export with its sheet replaced by `rows` rows of text, every size in the directory set to `declared`. */
function lyingZip(original: Uint8Array, rows: number, declared: number): Uint8Array {
  const entries = unzipSync(original)
  const row = (n: number) => `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>Nội dung ${n}</t></is></c><c r="B${n}" t="inlineStr"><is><t>01/04/2021</t></is></c></row>`
  const sheetName = Object.keys(entries).find((name) => name.startsWith('xl/worksheets/sheet'))!
  const body = Array.from({ length: rows }, (_, i) => row(i + 3)).join('')
  entries[sheetName] = new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`)
  const zip = zipSync(entries, { level: 9 })
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  for (let i = 0; i + 30 <= zip.length; i += 1) {
    const signature = view.getUint32(i, true)
    if (signature === 0x04034b50) view.setUint32(i + 22, declared, true)
    else if (signature === 0x02014b50 && i + 46 <= zip.length) view.setUint32(i + 24, declared, true)
  }
  return zip
}

async function bytesOf(input: XlsxCase, original: Uint8Array): Promise<Uint8Array> {
  if (input.kind === 'bytes') return applyByteEdits(original, input.edits)
  if (input.kind === 'lyingZip') return input.bytes
  return workbookBytes(input.rows, input.merges, input.sheetName)
}

export function xlsxImportTarget(corpus: Corpus): FuzzTarget<XlsxCase> {
  const plan = corpus.plan
  const before = JSON.stringify(plan)
  const original = corpus.xlsx[0]!
  const mergeArb = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 6 }))
    .map(([t, l, h, w]) => [t, l, t + h - 1, l + w - 1] as [number, number, number, number])
  return {
    name: 'xlsx-import',
    boundedRuns: 40,
    arbitrary: fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('bytes' as const), edits: fc.array(byteEdit, { minLength: 1, maxLength: 4 }) }) },
      { weight: 3, arbitrary: fc.record({
        kind: fc.constant('workbook' as const),
        rows: fc.oneof(foreignRows as fc.Arbitrary<Cell[][]>, fc.array(fc.array(cellValue, { maxLength: 8 }), { maxLength: 15 })),
        merges: fc.array(mergeArb, { maxLength: 3 }),
        sheetName: fc.constantFrom('Kế hoạch', 'Sheet1', 'constructor'),
      }) },
      { weight: 1, arbitrary: fc.record({ rows: fc.integer({ min: 100, max: 20_000 }), declared: fc.constantFrom(0, 100, 2 ** 32 - 1) })
        .map(({ rows, declared }) => ({ kind: 'lyingZip' as const, rows, declared, bytes: lyingZip(original, rows * scale, declared) })) },
    ),
    async check(input) {
      const findings: Finding[] = []
      const bytes = await bytesOf(input, original)
      const result = await guarded(findings, 'parseXlsx', () => parseXlsx(bytes, plan, FUZZ_NOW)) as ParseXlsxResult | undefined
      if (result?.ok && result.kind === 'own') checkImportedTasks(findings, 'xlsx own', result.tasks)
      if (result?.ok && result.kind === 'foreign') {
        const mapped = await guarded(findings, 'applyXlsxMapping', () => applyXlsxMapping(result.rows, result.suggestedMapping, plan, FUZZ_NOW)) as ReturnType<typeof applyXlsxMapping> | undefined
        if (mapped?.ok) checkImportedTasks(findings, 'xlsx foreign', mapped.tasks)
      }
      checkUntouched(findings, 'parseXlsx', before, plan)
      return findings
    },
    save: async (input) => ({ extension: 'xlsx', data: await bytesOf(input, original) }),
  }
}

const byId = (a: Task, b: Task) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export function xlsxRoundTripTarget(corpus: Corpus): FuzzTarget<{ plan: Plan; language: 'vi' | 'en' }> {
  return {
    name: 'xlsx-round-trip',
    boundedRuns: 8,
    arbitrary: fc.record({ plan: validPlan(corpus.plan), language: fc.constantFrom('vi' as const, 'en' as const) }),
    async check({ plan, language }) {
      const findings: Finding[] = []
      const tasks = Object.values(plan.tasks).sort(byId)
      const bytes = await guarded(findings, 'serializeXlsx', () => serializeXlsx(plan, { tasks, language, now: FUZZ_NOW })) as Uint8Array | undefined
      if (bytes === undefined) return findings
      const result = await guarded(findings, 'parseXlsx', () => parseXlsx(bytes, plan, FUZZ_NOW)) as ParseXlsxResult | undefined
      if (!result) return findings
      if (!result.ok || result.kind !== 'own') findings.push({ kind: 'round-trip-loss', detail: `xlsx: our export reads back as ${result.ok ? result.kind : result.error}` })
      else if (result.errors.length > 0 || result.warnings.length > 0) {
        const issue = result.errors[0] ?? result.warnings[0]!
        findings.push({ kind: 'round-trip-loss', detail: `xlsx: our export reads back with ${result.errors.length > 0 ? 'an error' : 'a warning'} ${issue.message}` })
      } else {
        const read = [...result.tasks].sort(byId)
        if (canonicalJson(read) !== canonicalJson(tasks)) findings.push(changeFinding('round-trip-loss', `xlsx`, firstChange(tasks, read)))
      }
      return findings
    },
    save: (input) => ({ extension: 'json', data: JSON.stringify(input, null, 1) }),
  }
}
