/**
 * What is saved under STORAGE_KEYS.document, version by version, and how an older save is brought up
 * to date. Migrations are pure steps v → v+1, named for the change, numbered without gaps; a save
 * from a newer app is never migrated (we cannot know its meaning) and never overwritten.
 *
 *   v1  { plan: Plan, language }                                  (one plan per browser)
 *   v2  { plans: Record<id, Plan>, activePlanId, language, lastBackupAt }
 *   v3  { planIds: id[], activePlanId, deletedPlans, language, lastBackupAt, showHolidays }, and each
 *       plan under its own key (STORAGE_KEYS.planPrefix, stored-plan.ts)
 *
 * The state these functions see is the document with its plans: for v3 the storage adapter reads
 * the plan keys listed in `planIds` into `plans` before migrate and restore run, so every version
 * arrives as `{ plans, … }`. Splitting the plans into their keys happens on the first write after a
 * v1/v2 load (local-storage-adapter.ts: new keys first, then the document; the old save stays
 * readable until then).
 */
import type { Language } from '@/domain/dates/format-date'
import { isReservedKey, safeKey } from '@/domain/plan/ids'
import { emptyReport, restorePlan, type RestoreReport } from '@/domain/plan/restore-plan'
import { noteChange } from '@/domain/plan/restore-report'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Plan } from '@/domain/types'
import type { PersistedState } from '@/store/state-keys'

export const CURRENT_DOCUMENT_VERSION = 3
/** More plan ids than this in a document are not read (a browser's quota holds far fewer plans). */
export const MAX_PLANS = 1000

type Migration = { name: string; up: (state: Record<string, unknown>) => Record<string, unknown> }

/** MIGRATIONS[n - 1] takes version n to n + 1. */
export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'MovePlanIntoPlans',
    up: ({ plan, ...rest }) => {
      // A save that claims an old version but already has the new shape keeps its plans.
      if (plan === undefined && 'plans' in rest) return rest
      const id = typeof plan === 'object' && plan !== null && typeof (plan as { id?: unknown }).id === 'string'
        ? (plan as { id: string }).id
        : null
      // A plan without a readable id still goes to restore, which counts it, rather than vanishing here.
      const plans = plan === undefined ? {} : { [id ?? 'plan']: plan }
      return { ...rest, plans, activePlanId: id, lastBackupAt: null }
    },
  },
  {
    // The plans leave the document for one key each; the document lists their ids.
    name: 'SplitPlansIntoKeys',
    up: (state) => ({ ...state, planIds: readPlanIds(Object.keys(isRecord(state.plans) ? state.plans : {})) }),
  },
]

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The plan ids a document lists: strings, no reserved names, no repeats, at most MAX_PLANS. */
export function readPlanIds(raw: unknown): string[] {
  if (!Array.isArray(raw)) return []
  const ids = new Set<string>()
  for (const id of raw) {
    if (ids.size >= MAX_PLANS) break
    if (typeof id === 'string' && id.length > 0 && !isReservedKey(id)) ids.add(id)
  }
  return [...ids]
}

/** Runs the steps from `fromVersion` to the current version. Never throws. */
export function migratePersistedState(raw: unknown, fromVersion: number): Record<string, unknown> {
  let state = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  for (let version = Math.max(1, fromVersion); version < CURRENT_DOCUMENT_VERSION; version += 1) {
    const step = MIGRATIONS[version - 1]
    if (step) state = step.up(state)
  }
  return state
}

export interface RestoredState {
  state: PersistedState
  report: RestoreReport
  /** Ids (as read) of the plans whose restore repaired or dropped anything: their originals are kept. */
  changedPlanIds: string[]
}

function changeCount(report: RestoreReport): number {
  return report.droppedTasks + report.repairedTasks + report.droppedOther + report.repairedOther
}

/** Brings any current-version shape to a usable state (defaults where it is missing or broken). */
/** `allowNoPlans`: for another tab's save, where no plan (or none changed) is normal; otherwise the template opens. */
export function restorePersistedState(raw: unknown, now: number, { allowNoPlans = false } = {}): RestoredState {
  const report = emptyReport()
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const plans: Record<string, Plan> = {}
  const changedPlanIds: string[] = []
  const rawPlans = isRecord(source.plans) ? source.plans : {}
  if (source.plans !== undefined && !isRecord(source.plans)) {
    noteChange(report, { kind: 'plan', id: '', name: '', outcome: 'dropped', fields: ['plans'] })
  }
  for (const id of Object.keys(rawPlans)) {
    const before = changeCount(report)
    const plan = restorePlan(rawPlans[id], report)
    if (plan && (plan.id !== safeKey(id) || Object.prototype.hasOwnProperty.call(plans, plan.id))) {
      noteChange(report, { kind: 'plan', id: id.slice(0, 200), name: plan.name, outcome: 'dropped', fields: ['id'] })
    } else if (plan) plans[plan.id] = plan
    if (changeCount(report) !== before) changedPlanIds.push(id)
  }
  if (Object.keys(plans).length === 0 && !allowNoPlans) {
    const plan = buildCampaign2021Plan(now)
    plans[plan.id] = plan
  }
  const activePlanId = typeof source.activePlanId === 'string' && Object.prototype.hasOwnProperty.call(plans, source.activePlanId)
    ? source.activePlanId
    : Object.keys(plans)[0] ?? ''
  const language: Language = source.language === 'en' ? 'en' : 'vi'
  const lastBackupAt = typeof source.lastBackupAt === 'number' && Number.isFinite(source.lastBackupAt) ? source.lastBackupAt : null
  const showHolidays = source.showHolidays !== false
  return { state: { plans, activePlanId, deletedPlans: restoreTombstones(source.deletedPlans, plans, report), language, lastBackupAt, showHolidays }, report, changedPlanIds }
}

/** Added after v2 without a version step: a save without it simply has no tombstones. */
function restoreTombstones(raw: unknown, plans: Record<string, Plan>, report: RestoreReport): Record<string, number> {
  const tombstones: Record<string, number> = {}
  if (raw === undefined) return tombstones
  const repaired = () => noteChange(report, { kind: 'plan', id: '', name: '', outcome: 'repaired', fields: ['deletedPlans'] })
  if (!isRecord(raw)) {
    repaired()
    return tombstones
  }
  let changed = false
  for (const [id, at] of Object.entries(raw)) {
    if (typeof at === 'number' && Number.isFinite(at) && !isReservedKey(id) && !Object.prototype.hasOwnProperty.call(plans, id)) tombstones[id] = at
    else if (typeof at !== 'number' || !Number.isFinite(at) || isReservedKey(id)) changed = true
  }
  if (changed) repaired()
  return tombstones
}

export function defaultPersistedState(now: number): PersistedState {
  const plan = buildCampaign2021Plan(now)
  return { plans: { [plan.id]: plan }, activePlanId: plan.id, deletedPlans: {}, language: 'vi', lastBackupAt: null, showHolidays: true }
}
