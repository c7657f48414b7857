/**
 * The bounded fuzz run (issue 9): every importer, the restore of a saved document and the round trips,
 * a fixed number of cases each under a fixed seed, in-process. The long run is `npm run fuzz` (see
 * scripts/fuzz/run-fuzz.ts); a failure it finds is reproduced here with FUZZ_TARGET, FUZZ_SEED and
 * FUZZ_CASE (the numbers in its file name under .fuzz-failures/).
 */
import { describe, expect, it } from 'vitest'
import { emptyReport, reportHasChanges, restorePlan } from '@/domain/plan/restore-plan'
import googleRecurring from '@/io/ics/fixtures/google-calendar-recurring.ics?raw'
import google from '@/io/ics/fixtures/google-calendar.ics?raw'
import outlook from '@/io/ics/fixtures/outlook-calendar.ics?raw'
import { loadCorpus } from '@/testing/fuzz/corpus'
import { buildTargets, recordFindings, runCase, type FailureSummary } from '@/testing/fuzz/fuzz-targets'
import { firstChange } from '@/testing/fuzz/oracles'

const SEED = Number(process.env.FUZZ_SEED ?? 20261204)
/** Per case, in-process: generous for a shared 2-core machine; a real hang takes far longer. */
const CASE_LIMIT_MS = 3_000
const corpus = await loadCorpus([google, googleRecurring, outlook])
const targets = buildTargets(corpus)

describe('fuzz harness', () => {
  it('finds no change in the clean 2021 plan, and one in a plan that lost a task', () => {
    const report = emptyReport()
    const restored = restorePlan(corpus.planJson, report)
    expect(reportHasChanges(report)).toBe(false)
    expect(firstChange(corpus.planJson, restored)).toBeNull()
    const { weekly: _dropped, ...fewer } = corpus.plan.tasks
    expect(firstChange(corpus.planJson, { ...corpus.plan, tasks: fewer })?.path).toBe('tasks.weekly (dropped)')
  })
})

describe('bounded fuzz run', () => {
  for (const target of targets) {
    const only = process.env.FUZZ_TARGET
    if (only && only !== target.name) continue
    const first = process.env.FUZZ_CASE ? Number(process.env.FUZZ_CASE) : 0
    const runs = process.env.FUZZ_CASE ? 1 : target.boundedRuns
    it(`${target.name}: ${runs} cases end within ${CASE_LIMIT_MS} ms each, without a crash or an uncounted change`, async () => {
      const summary: FailureSummary = new Map()
      for (let index = first; index < first + runs; index += 1) {
        const { findings } = await runCase(target, SEED, index, CASE_LIMIT_MS)
        recordFindings(summary, target.name, index, findings)
      }
      const failures = [...summary].map(([key, { count, firstIndex, example }]) =>
        `${key} (${count}×, first FUZZ_CASE=${firstIndex}${example ? `: ${example}` : ''})`)
      expect(failures, `seed ${SEED}`).toEqual([])
    }, 120_000)
  }
})
