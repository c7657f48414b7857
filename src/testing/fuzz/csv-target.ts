/**
 * Fuzz targets for CSV: import of damaged and foreign files (`parseCsv`, then the suggested mapping
 * of a foreign one), and the round trip of our own export.
 */
import fc from 'fast-check'
import Papa from 'papaparse'
import { canonicalJson } from '@/domain/plan/canonical-json'
import type { Plan, Task } from '@/domain/types'
import { applyCsvMapping, parseCsv, serializeCsv, type ParseCsvResult } from '@/io/csv/csv-file'
import type { Corpus } from '@/testing/fuzz/corpus'
import { FUZZ_NOW } from '@/testing/fuzz/corpus'
import { foreignRows } from '@/testing/fuzz/mapping-target'
import { applyTextEdits, textEdit } from '@/testing/fuzz/mutations'
import { checkImportedTasks, checkUntouched, changeFinding, firstChange, guarded, type Finding, type FuzzTarget } from '@/testing/fuzz/oracles'
import { validPlan } from '@/testing/fuzz/valid-plan'

export function csvImportTarget(corpus: Corpus): FuzzTarget<string> {
  const plan = corpus.plan
  const before = JSON.stringify(plan)
  return {
    name: 'csv-import',
    boundedRuns: 120,
    arbitrary: fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...corpus.csv), fc.array(textEdit, { minLength: 1, maxLength: 5 })).map(([text, edits]) => applyTextEdits(text, edits)) },
      { weight: 3, arbitrary: fc.tuple(foreignRows, fc.constantFrom(',', ';', '\t', '|'), fc.constantFrom('\r\n', '\n', '\r'), fc.boolean())
        .map(([rows, delimiter, newline, bom]) => (bom ? '\uFEFF' : '') + Papa.unparse(rows, { delimiter, newline })) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
    ),
    async check(text) {
      const findings: Finding[] = []
      const result = await guarded(findings, 'parseCsv', () => parseCsv(text, plan, FUZZ_NOW)) as ParseCsvResult | undefined
      if (result?.ok && result.kind === 'own') checkImportedTasks(findings, 'csv own', result.tasks)
      if (result?.ok && result.kind === 'foreign') {
        const mapped = await guarded(findings, 'applyCsvMapping', () => applyCsvMapping(result.rows, result.suggestedMapping, plan, FUZZ_NOW)) as ReturnType<typeof applyCsvMapping> | undefined
        if (mapped?.ok) checkImportedTasks(findings, 'csv foreign', mapped.tasks)
      }
      checkUntouched(findings, 'parseCsv', before, plan)
      return findings
    },
    save: (text) => ({ extension: 'csv', data: text }),
  }
}

const byId = (a: Task, b: Task) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export function csvRoundTripTarget(corpus: Corpus): FuzzTarget<{ plan: Plan; language: 'vi' | 'en' }> {
  return {
    name: 'csv-round-trip',
    boundedRuns: 30,
    arbitrary: fc.record({ plan: validPlan(corpus.plan), language: fc.constantFrom('vi' as const, 'en' as const) }),
    async check({ plan, language }) {
      const findings: Finding[] = []
      const tasks = Object.values(plan.tasks).sort(byId)
      const text = await guarded(findings, 'serializeCsv', () => serializeCsv(plan, { tasks, language })) as string | undefined
      if (text === undefined) return findings
      const result = await guarded(findings, 'parseCsv', () => parseCsv(text, plan, FUZZ_NOW)) as ParseCsvResult | undefined
      if (!result) return findings
      if (!result.ok || result.kind !== 'own') findings.push({ kind: 'round-trip-loss', detail: `csv: our export reads back as ${result.ok ? result.kind : result.error}` })
      else if (result.errors.length > 0 || result.warnings.length > 0) {
        const issue = result.errors[0] ?? result.warnings[0]!
        findings.push({ kind: 'round-trip-loss', detail: `csv: our export reads back with ${result.errors.length > 0 ? 'an error' : 'a warning'} ${issue.message}` })
      } else {
        const read = [...result.tasks].sort(byId)
        if (canonicalJson(read) !== canonicalJson(tasks)) findings.push(changeFinding('round-trip-loss', `csv`, firstChange(tasks, read)))
      }
      return findings
    },
    save: (input) => ({ extension: 'json', data: JSON.stringify(input, null, 1) }),
  }
}
