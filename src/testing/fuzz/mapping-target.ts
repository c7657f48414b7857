/**
 * Fuzz target for a foreign sheet's column mapping (`applyColumnMapping`, shared by CSV and XLSX):
 * officials' tables with hostile cells (impossible dates, ranges, quarters, Excel day numbers,
 * formulas, reserved words as unit names) under any mapping, including columns that do not exist.
 * The sheets generated here are also what the CSV and XLSX targets write as foreign files.
 */
import fc from 'fast-check'
import type { Plan } from '@/domain/types'
import { applyColumnMapping } from '@/io/schedule-table/column-mapping'
import { MAPPED_FIELDS, type MappedField } from '@/io/schedule-table/header-matching'
import type { ColumnMapping, MappingResult } from '@/io/schedule-table/import-result'
import type { Corpus } from '@/testing/fuzz/corpus'
import { FUZZ_NOW } from '@/testing/fuzz/corpus'
import { RESERVED_KEYS } from '@/testing/fuzz/mutations'
import { checkImportedTasks, checkUntouched, guarded, type Finding, type FuzzTarget } from '@/testing/fuzz/oracles'

const HEADERS = ['STT', 'Nội dung công việc', 'Thời gian', 'Từ ngày', 'Đến ngày', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Kênh', 'Trạng thái', 'Ghi chú', 'Địa điểm', 'Số lượng', 'Title', 'Start', 'Due', '']

const CELLS = [
  '', ' ', '01/04/2021', '1/4/2021', '2021-04-01', '31/02/2021', '2021-02-31', '29/02/2021', '00/00/0000', '99/99/9999', '01/13/2021',
  '01/04/2021 – 23/05/2021', '01/04 - 23/05/2021', 'từ 01/04/2021 đến 30/04/2021', '01 - 30/4/2021', '30/4 - 01/04/2021', 'Tháng 4/2021', 'Tháng 13/2021',
  'Quý II/2021', 'Quý V/2021', 'Quý 0/2021', '44300', '44300.5', '-1', '1e308', '2958466', '08:00', '8h30', '25h99', '01/04/2021 24:00',
  '=1+1', '=HYPERLINK("http://x","y")', "'=1+1", '+84 912', '@SUM(A1)', '-', 'I.', 'A. TUYÊN TRUYỀN', 'II. CAO ĐIỂM',
  'Sở Thông tin và Truyền thông', 'Sở Tư pháp; Đài PT-TH tỉnh', 'Báo Đắk Lắk, Công an tỉnh', 'Hoàn thành', 'Đang thực hiện', 'Hủy', 'done',
  ...RESERVED_KEYS, 'ộ'.repeat(300), '\u0000', '\uFEFF', '\uD800', 'a\r\nb', '"', '""',
]

export const cellText: fc.Arbitrary<string> = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...CELLS) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) })

/** A foreign table: title lines, a header (sometimes two rows), data rows of any width. */
export const foreignRows: fc.Arbitrary<string[][]> = fc.record({
  titles: fc.array(fc.array(cellText, { maxLength: 2 }), { maxLength: 3 }),
  header: fc.shuffledSubarray(HEADERS, { minLength: 1, maxLength: 9 }),
  rows: fc.array(fc.array(cellText, { maxLength: 10 }), { maxLength: 25 }),
}).map(({ titles, header, rows }) => [...titles, header, ...rows])

const mappingArb: fc.Arbitrary<ColumnMapping> = fc.array(
  fc.tuple(fc.oneof(fc.nat({ max: 12 }), fc.constantFrom(-1, 1e9, 2.5)), fc.option(fc.constantFrom<MappedField>(...MAPPED_FIELDS), { freq: 4 })),
  { maxLength: 10 },
).map((pairs) => {
  const mapping: ColumnMapping = { 0: 'title', 1: 'start' }
  for (const [column, field] of pairs) mapping[column] = field
  return mapping
})

export interface MappingCase {
  rows: string[][]
  mapping: ColumnMapping
  addUnknownUnits: boolean
}

export function mappingTarget(corpus: Corpus): FuzzTarget<MappingCase> {
  const plan: Plan = corpus.plan
  const before = JSON.stringify(plan)
  return {
    name: 'foreign-mapping',
    boundedRuns: 200,
    arbitrary: fc.record({ rows: foreignRows, mapping: mappingArb, addUnknownUnits: fc.boolean() }),
    async check({ rows, mapping, addUnknownUnits }) {
      const findings: Finding[] = []
      const result = await guarded(findings, 'applyColumnMapping', () => applyColumnMapping(rows, mapping, plan, FUZZ_NOW, 2, { addUnknownUnits })) as MappingResult | undefined
      if (result?.ok) {
        checkImportedTasks(findings, 'mapping', result.tasks)
        for (const unit of result.newUnits) {
          if ((RESERVED_KEYS as readonly string[]).includes(unit.id)) findings.push({ kind: 'reserved-id', detail: `mapping: new unit id ${unit.id}` })
        }
        const unitIds = new Set([...plan.units, ...result.newUnits].map((u) => u.id))
        for (const task of result.tasks) {
          for (const id of [task.leadUnitId, ...task.supportUnitIds]) {
            if (id !== null && !unitIds.has(id)) findings.push({ kind: 'dangling-unit', detail: 'mapping: a task names a unit neither the plan nor newUnits has' })
          }
        }
      }
      checkUntouched(findings, 'applyColumnMapping', before, plan)
      return findings
    },
    save: (input) => ({ extension: 'json', data: JSON.stringify(input, null, 1) }),
  }
}
