/**
 * Fuzz targets for the JSON backup: import of a damaged file (`parseBackup`) and the round trip
 * (`serializeBackup` → `parseBackup` gives the same plans with nothing to report).
 */
import fc from 'fast-check'
import { canonicalJson } from '@/domain/plan/canonical-json'
import { reportHasChanges } from '@/domain/plan/restore-plan'
import type { Plan } from '@/domain/types'
import { parseBackup, serializeBackup, type ParseBackupResult } from '@/io/backup/backup-file'
import type { Corpus } from '@/testing/fuzz/corpus'
import { FUZZ_NOW } from '@/testing/fuzz/corpus'
import { applyTextEdits, applyTreeEdits, textEdit, treeEdit } from '@/testing/fuzz/mutations'
import { changeFinding, firstChange, guarded, type Finding, type FuzzTarget } from '@/testing/fuzz/oracles'
import { brokenPlan, checkCounted, checkSaveStable } from '@/testing/fuzz/restore-target'
import { validPlan } from '@/testing/fuzz/valid-plan'

/** Values only JSON text can carry into a parse: 1e999 reads as Infinity, nesting deeper than any stringify. */
const textOnly: fc.Arbitrary<(text: string) => string> = fc.oneof(
  fc.constantFrom('1e999', '-1e999', '-0', '1e-400', '"\\ud800"', '"\\u0000"', '9007199254740993').map((literal) => (text: string) =>
    text.replace(/"(createdAt|updatedAt|interval|count|maxTasksPerUnitPerDay)": ?[^,}\n]+/, `"$1": ${literal}`)),
  fc.integer({ min: 1_000, max: 20_000 }).map((depth) => (text: string) =>
    text.replace(/"quantity": ?"[^"]*"/, `"quantity": ${'['.repeat(depth)}${']'.repeat(depth)}`)),
  fc.constant((text: string) => text.replace(/"type": ?"election-campaign-planner\/backup"/, '"type": "election-campaign-planner/backup", "type": "other"')),
  fc.constant((text: string) => text.replace(/"(weekly|timed)":/, '"__proto__":')),
)

export function backupImportTarget(corpus: Corpus): FuzzTarget<string> {
  const envelope = JSON.parse(corpus.backupText) as { data: { plans: unknown[] } }
  const withPlans = (plans: unknown[]) => {
    try {
      return JSON.stringify({ ...envelope, data: { plans } }, null, 1)
    } catch {
      // Deeper than JSON.stringify goes (the long run's --scale): the same depth, written as text.
      const depth = 3_000 * 20
      return corpus.backupText.replace(/"quantity": ?"[^"]*"/, `"quantity": ${'['.repeat(depth)}${']'.repeat(depth)}`)
    }
  }
  return {
    name: 'backup-import',
    boundedRuns: 150,
    arbitrary: fc.oneof(
      { weight: 3, arbitrary: fc.array(textEdit, { minLength: 1, maxLength: 5 }).map((edits) => applyTextEdits(corpus.backupText, edits)) },
      { weight: 4, arbitrary: brokenPlan(corpus.planJson).map((plan) => withPlans([plan])) },
      // A good plan next to a broken one: the good one is imported, the broken one counted.
      { weight: 2, arbitrary: brokenPlan(corpus.planJson).map((plan) => withPlans([corpus.planJson, plan])) },
      { weight: 1, arbitrary: fc.array(treeEdit, { minLength: 1, maxLength: 3 }).map((edits) => JSON.stringify(applyTreeEdits(envelope, edits, (slot) => typeof slot.key === 'string' && ['type', 'version', 'data', 'plans', 'source', 'exportedAt'].includes(slot.key))) ?? '') },
      { weight: 2, arbitrary: textOnly.map((edit) => edit(corpus.backupText)) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    ),
    async check(text) {
      const findings: Finding[] = []
      const result = await guarded(findings, 'parseBackup', () => parseBackup(text)) as ParseBackupResult | undefined
      if (!result?.ok) return findings
      const inputPlans = readPlans(text)
      // The plans in the file, in order: one dropped shows as a shorter list.
      checkCounted(findings, 'backup: plans', inputPlans, result.plans, result.report)
      for (const plan of result.plans) checkSaveStable(findings, 'backup plan', plan)
      await guarded(findings, 'serializeBackup of the imported plans', () => serializeBackup(result.plans, new Date(FUZZ_NOW)))
      return findings
    },
    save: (text) => ({ extension: 'json', data: text }),
  }
}

export function backupRoundTripTarget(corpus: Corpus): FuzzTarget<Plan> {
  return {
    name: 'backup-round-trip',
    boundedRuns: 40,
    arbitrary: validPlan(corpus.plan),
    async check(plan) {
      const findings: Finding[] = []
      const text = await guarded(findings, 'serializeBackup', () => serializeBackup([plan], new Date(FUZZ_NOW))) as string | undefined
      if (text === undefined) return findings
      const result = await guarded(findings, 'parseBackup', () => parseBackup(text)) as ParseBackupResult | undefined
      if (!result) return findings
      if (!result.ok) findings.push({ kind: 'round-trip-loss', detail: `backup: a valid plan reads back as ${result.error}` })
      else if (reportHasChanges(result.report)) findings.push({ kind: 'round-trip-loss', detail: `backup: a valid plan needs repairs (${result.report.details[0]?.fields.join(',') ?? JSON.stringify(result.report)})` })
      else if (canonicalJson(result.plans) !== canonicalJson([plan])) findings.push(changeFinding('round-trip-loss', `backup`, firstChange([plan], result.plans)))
      return findings
    },
    save: (plan) => ({ extension: 'json', data: serializeBackup([plan], new Date(FUZZ_NOW)) }),
  }
}

/** The file's plans as JSON.parse reads them (own `__proto__` keys kept), or [] when there are none. */
function readPlans(text: string): unknown[] {
  try {
    const raw = JSON.parse(text) as { data?: { plans?: unknown } }
    const plans = raw?.data?.plans
    return Array.isArray(plans) ? plans : []
  } catch {
    return []
  }
}
