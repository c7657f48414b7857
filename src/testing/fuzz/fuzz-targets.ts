/**
 * The fuzz targets, and the loop both runs share: the bounded run (Vitest, in-process, a fixed seed)
 * and the long run (scripts/fuzz/run-fuzz.ts, each case in a child process under memory and time
 * limits). A case is fully determined by (target, seed, index), so a failure found in a child can be
 * generated again in the parent to be saved, and reproduced later from its name alone.
 */
import fc from 'fast-check'
import type { Corpus } from '@/testing/fuzz/corpus'
import { backupImportTarget, backupRoundTripTarget } from '@/testing/fuzz/backup-target'
import { csvImportTarget, csvRoundTripTarget } from '@/testing/fuzz/csv-target'
import { icsImportTarget, icsRoundTripTarget } from '@/testing/fuzz/ics-target'
import { mappingTarget } from '@/testing/fuzz/mapping-target'
import { describeError, type Finding, type FuzzTarget } from '@/testing/fuzz/oracles'
import { restorePlanTarget, restoreSavedTarget } from '@/testing/fuzz/restore-target'
import { xlsxImportTarget, xlsxRoundTripTarget } from '@/testing/fuzz/xlsx-target'

export function buildTargets(corpus: Corpus): FuzzTarget<unknown>[] {
  return [
    restorePlanTarget(corpus), restoreSavedTarget(corpus), backupImportTarget(corpus), backupRoundTripTarget(corpus),
    icsImportTarget(corpus), icsRoundTripTarget(corpus), csvImportTarget(corpus), csvRoundTripTarget(corpus),
    xlsxImportTarget(corpus), xlsxRoundTripTarget(corpus), mappingTarget(corpus),
  ] as FuzzTarget<unknown>[]
}

/** The seed of one case: the run's seed and the case's index, mixed (so neighbouring cases differ). */
export function caseSeed(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0
  h = Math.imul(h ^ index, 0x85ebca6b) >>> 0
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0
  return (h ^ (h >>> 16)) | 0
}

export function generateCase<I>(target: FuzzTarget<I>, seed: number, index: number): I {
  return fc.sample(target.arbitrary, { seed: caseSeed(seed, index), numRuns: 1 })[0]!
}

export interface CaseOutcome {
  findings: Finding[]
  ms: number
}

/**
 * Generates and checks one case; a throw of the harness itself is a finding too (kind `harness`).
 * Only the check is timed: building a big input (a 50 MB sheet zipped for a lying ZIP) is ours.
 * `onGenerated` lets the long run start its kill timer at the same point.
 */
export async function runCase<I>(target: FuzzTarget<I>, seed: number, index: number, limitMs: number, onGenerated?: () => void): Promise<CaseOutcome> {
  let findings: Finding[]
  let started = performance.now()
  try {
    const input = generateCase(target, seed, index)
    onGenerated?.()
    started = performance.now()
    findings = await target.check(input)
  } catch (error) {
    findings = [{ kind: 'harness', detail: describeError(error) }]
  }
  const ms = performance.now() - started
  if (ms > limitMs) findings.push({ kind: 'hang', detail: `took ${Math.round(ms)} ms (limit ${limitMs} ms)` })
  return { findings, ms }
}

/** Failures grouped by kind and detail, each with the first case that showed it. */
export type FailureSummary = Map<string, { count: number; firstIndex: number; example: string | undefined }>

export function recordFindings(summary: FailureSummary, target: string, index: number, findings: readonly Finding[]): void {
  for (const finding of findings) {
    const key = `${target} · ${finding.kind} · ${finding.detail}`
    const entry = summary.get(key)
    if (entry) entry.count += 1
    else summary.set(key, { count: 1, firstIndex: index, example: finding.example })
  }
}
