/**
 * Fuzz targets for restore: one plan as any caller hands it over (`restorePlan`, values that JSON
 * cannot hold included: NaN, undefined), and a saved document as localStorage gives it back
 * (`migratePersistedState` + `restorePersistedState`, v1 and v2 shapes, JSON only).
 */
import fc from 'fast-check'
import { compactPlan } from '@/domain/plan/compact-plan'
import { emptyReport, reportHasChanges, restorePlan, type RestoreReport } from '@/domain/plan/restore-plan'
import { RECURRENCE_FREQUENCIES, type Plan } from '@/domain/types'
import { migratePersistedState, restorePersistedState } from '@/store/persisted-document'
import type { Corpus } from '@/testing/fuzz/corpus'
import { FUZZ_NOW } from '@/testing/fuzz/corpus'
import { applyTreeEdits, cloneTree, hostileValue, RESERVED_KEYS, setOwn, treeEdit } from '@/testing/fuzz/mutations'
import { changeFinding, firstChange, guarded, sameCanonical, stringifyOrFinding, type Finding, type FuzzTarget } from '@/testing/fuzz/oracles'

const RECURRENCE_FIELDS = ['frequency', 'interval', 'weekdays', 'until', 'count', 'exceptions'] as const

/** A plan with exactly one field of one series broken: the rest of the rule must survive, or the loss be counted. */
function oneBadRecurrenceField(plan: Record<string, unknown>): fc.Arbitrary<unknown> {
  const tasks = plan.tasks as Record<string, { recurrence?: unknown }>
  const series = Object.keys(tasks).filter((id) => tasks[id]!.recurrence)
  return fc.tuple(fc.constantFrom(...series), fc.constantFrom(...RECURRENCE_FIELDS), fc.oneof(hostileValue, fc.constantFrom<unknown>(...RECURRENCE_FREQUENCIES, 0, 100, 1001, ['XX'], { '2021-02-31': { type: 'cancelled' } })))
    .map(([id, field, value]) => {
      const copy = cloneTree(plan)
      const recurrence = ((copy.tasks as Record<string, Record<string, unknown>>)[id]!.recurrence) as Record<string, unknown>
      if (value === undefined) delete recurrence[field]
      else setOwn(recurrence, field, value)
      return copy
    })
}

/** Reserved words where outside ids become keys: a task's key and id, an exception's date, the plan's id, a unit's id. */
function reservedIds(plan: Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(fc.constantFrom('taskKey', 'taskId', 'taskKeyAndId', 'exceptionKey', 'planId', 'unitId', 'dismissedKey', 'deletedTaskKey'), fc.constantFrom(...RESERVED_KEYS), fc.nat())
    .map(([where, word, n]) => {
      const copy = cloneTree(plan)
      const tasks = copy.tasks as Record<string, Record<string, unknown>>
      const ids = Object.keys(tasks)
      const id = ids[n % ids.length]!
      const task = tasks[id]!
      switch (where) {
        case 'taskKey': delete tasks[id]; setOwn(tasks, word, task); break
        case 'taskId': task.id = word; break
        case 'taskKeyAndId': delete tasks[id]; setOwn(tasks, word, { ...task, id: word }); break
        case 'exceptionKey': {
          const series = Object.values(tasks).find((t) => t.recurrence) as { recurrence: { exceptions: Record<string, unknown> } }
          setOwn(series.recurrence.exceptions, word, { type: 'cancelled' })
          break
        }
        case 'planId': copy.id = word; break
        case 'unitId': ((copy.units as Record<string, unknown>[])[0]!).id = word; break
        case 'dismissedKey': setOwn((copy.checks as { dismissed: Record<string, unknown> }).dismissed, word, ['overload']); break
        case 'deletedTaskKey': setOwn(copy.deletedTasks as Record<string, unknown>, word, 5); break
      }
      return copy
    })
}

/** A broken plan: structural edits (mostly in tasks), one bad recurrence field, reserved ids, or anything at all. */
export function brokenPlan(plan: Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    // Most of a plan is its tasks: edit inside them most of the time.
    { weight: 4, arbitrary: fc.array(treeEdit, { minLength: 1, maxLength: 4 }).map((edits) => ({ ...plan, tasks: applyTreeEdits(plan.tasks, edits) })) },
    { weight: 2, arbitrary: fc.array(treeEdit, { minLength: 1, maxLength: 3 }).map((edits) => applyTreeEdits(plan, edits)) },
    { weight: 2, arbitrary: oneBadRecurrenceField(plan) },
    { weight: 2, arbitrary: reservedIds(plan) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 4 }) },
  )
}

/** Oracle 3 for one restored plan: a change from the input is counted in the report. */
export function checkCounted(findings: Finding[], label: string, input: unknown, restored: unknown, report: RestoreReport): void {
  const change = firstChange(input, restored)
  if (change && !reportHasChanges(report)) findings.push(changeFinding('uncounted-change', label, change))
}

/** Oracle 4: the restored plan saves (JSON, compact form), and the save restores to the same plan with nothing to report. */
export function checkSaveStable(findings: Finding[], label: string, restored: Plan): void {
  const saved = stringifyOrFinding(findings, `${label} (plan)`, restored)
  if (saved === null) return
  const compact = stringifyOrFinding(findings, `${label} (compact plan)`, compactPlan(restored))
  if (compact === null) return
  const again = emptyReport()
  const reloaded = restorePlan(JSON.parse(compact), again)
  if (reloaded === null) findings.push({ kind: 'unstable-save', detail: `${label}: the saved plan does not restore at all` })
  else if (reportHasChanges(again)) findings.push({ kind: 'unstable-save', detail: `${label}: the saved plan needs repairs again (${again.details[0]?.fields.join(',') ?? JSON.stringify(again)})` })
  else if (!sameCanonical(findings, label, reloaded, JSON.parse(saved))) {
    findings.push(changeFinding('unstable-save', `${label}: the saved plan restores differently at`, firstChange(JSON.parse(saved), reloaded)))
  }
}

export function restorePlanTarget(corpus: Corpus): FuzzTarget<unknown> {
  return {
    name: 'restore-plan',
    boundedRuns: 200,
    arbitrary: brokenPlan(corpus.planJson),
    async check(input) {
      const findings: Finding[] = []
      const report = emptyReport()
      const plan = await guarded(findings, 'restorePlan', () => restorePlan(input, report)) as Plan | null | undefined
      if (plan) {
        checkCounted(findings, 'restorePlan', input, plan, report)
        checkSaveStable(findings, 'restorePlan', plan)
      }
      return findings
    },
    save: (input) => ({ extension: 'json', data: safeStringify(input) }),
  }
}

/** A save as localStorage holds it: the version and the state (JSON only). */
export interface SavedDocument { version: number; state: unknown }

export function restoreSavedTarget(corpus: Corpus): FuzzTarget<SavedDocument> {
  const v1 = { plan: corpus.planJson, language: 'vi' }
  const savedPlans = corpus.savedState.plans as Record<string, Record<string, unknown>>
  const [planId, compact] = Object.entries(savedPlans)[0]!
  const brokenV2 = brokenPlan(compact).map((plan) => ({ ...corpus.savedState, plans: withOwn({}, planId, plan) }))
  const brokenV1 = brokenPlan(corpus.planJson).map((plan) => ({ ...v1, plan }))
  const topLevel = fc.array(treeEdit, { minLength: 1, maxLength: 3 }).map((edits) => applyTreeEdits(corpus.savedState, edits))
  return {
    name: 'restore-saved-document',
    boundedRuns: 150,
    arbitrary: fc.oneof(
      { weight: 4, arbitrary: fc.record({ version: fc.constant(2), state: brokenV2 }) },
      { weight: 2, arbitrary: fc.record({ version: fc.constant(1), state: brokenV1 }) },
      { weight: 2, arbitrary: fc.record({ version: fc.constantFrom(2, 2, 1, 0, -1, 1.5, NaN), state: topLevel }) },
      { weight: 1, arbitrary: fc.record({ version: fc.integer({ min: -2, max: 2 }), state: fc.anything({ maxDepth: 3 }) }) },
    ).map(({ version, state }) => ({ version, state: asJson(state) })),
    async check({ version, state }) {
      const findings: Finding[] = []
      const migrated = await guarded(findings, 'migratePersistedState', () => migratePersistedState(state, version)) as Record<string, unknown> | undefined
      if (!migrated) return findings
      const restored = await guarded(findings, 'restorePersistedState', () => restorePersistedState(migrated, FUZZ_NOW)) as ReturnType<typeof restorePersistedState> | undefined
      if (!restored) return findings
      const { state: out, report } = restored
      const input = isRecord(state) ? state : {}
      // A v1 save holds one plan under `plan`; what it had is that plan, under its id.
      const inputPlans = version < 2 && 'plan' in input
        ? withOwn({}, typeof (input.plan as { id?: unknown } | null)?.id === 'string' ? (input.plan as { id: string }).id : '(v1-plan-without-an-id)', input.plan)
        : input.plans
      const change = firstChange({ plans: inputPlans, deletedPlans: input.deletedPlans }, { plans: out.plans, deletedPlans: out.deletedPlans })
      if (change && !reportHasChanges(report)) findings.push(changeFinding('uncounted-change', `saved document v${version}`, change))
      const saved = stringifyOrFinding(findings, 'restored state', out)
      if (saved === null) return findings
      const compactPlans: Record<string, unknown> = {}
      for (const [id, plan] of Object.entries(out.plans)) setOwn(compactPlans, id, compactPlan(plan))
      const text = stringifyOrFinding(findings, 'restored state (compact)', { ...out, plans: compactPlans })
      if (text === null) return findings
      const again = restorePersistedState(JSON.parse(text), FUZZ_NOW)
      if (reportHasChanges(again.report)) findings.push({ kind: 'unstable-save', detail: `saved document: the saved state needs repairs again (${again.report.details[0]?.fields.join(',') ?? JSON.stringify(again.report)})` })
      else if (!sameCanonical(findings, 'saved document', again.state, JSON.parse(saved))) findings.push(changeFinding('unstable-save', 'saved document: restores differently at', firstChange(JSON.parse(saved), again.state)))
      return findings
    },
    save: (input) => ({ extension: 'json', data: safeStringify(input) }),
  }
}

function withOwn(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  setOwn(target, key, value)
  return target
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What localStorage would give back: JSON text parsed (NaN becomes null, undefined fields go). Deep values stay deep. */
function asJson(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value) ?? 'null')
  } catch {
    return null // deeper than JSON.stringify goes: localStorage could never have held it
  }
}

/** A failing input as a file; a value too deep for JSON is saved as a note saying so. */
export function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `<<${String(v)}>>` : v === undefined ? '<<undefined>>' : v), 1) ?? 'undefined'
  } catch (error) {
    return `"<<not JSON: ${String(error)}>>"`
  }
}
