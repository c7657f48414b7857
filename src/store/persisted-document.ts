/**
 * What is saved under STORAGE_KEYS.document, version by version, and how an older save is brought up
 * to date. Migrations are pure steps v → v+1, named for the change, numbered without gaps; a save
 * from a newer app is never migrated (we cannot know its meaning) and never overwritten.
 *
 *   v1  { plan: Plan, language }                                  (one plan per browser)
 *   v2  { plans: Record<id, Plan>, activePlanId, language, lastBackupAt }
 */
import type { Language } from '@/domain/dates/format-date'
import { emptyReport, restorePlan, type RestoreReport } from '@/domain/plan/restore-plan'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Plan } from '@/domain/types'
import type { PersistedState } from '@/store/state-keys'

export const CURRENT_DOCUMENT_VERSION = 2

type Migration = { name: string; up: (state: Record<string, unknown>) => Record<string, unknown> }

/** MIGRATIONS[n - 1] takes version n to n + 1. */
export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'MovePlanIntoPlans',
    up: ({ plan, ...rest }) => {
      const id = typeof plan === 'object' && plan !== null && typeof (plan as { id?: unknown }).id === 'string'
        ? (plan as { id: string }).id
        : null
      return { ...rest, plans: id ? { [id]: plan } : {}, activePlanId: id, lastBackupAt: null }
    },
  },
]

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
}

/** Brings any current-version shape to a usable state (defaults where it is missing or broken). */
export function restorePersistedState(raw: unknown, now: number): RestoredState {
  const report = emptyReport()
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const plans: Record<string, Plan> = {}
  const rawPlans = typeof source.plans === 'object' && source.plans !== null ? (source.plans as Record<string, unknown>) : {}
  for (const [id, rawPlan] of Object.entries(rawPlans)) {
    const plan = restorePlan(rawPlan, report)
    if (plan && plan.id === id) plans[id] = plan
    else report.droppedOther += 1
  }
  if (Object.keys(plans).length === 0) {
    const plan = buildCampaign2021Plan(now)
    plans[plan.id] = plan
  }
  const activePlanId = typeof source.activePlanId === 'string' && plans[source.activePlanId]
    ? source.activePlanId
    : Object.keys(plans)[0]!
  const language: Language = source.language === 'en' ? 'en' : 'vi'
  const lastBackupAt = typeof source.lastBackupAt === 'number' && Number.isFinite(source.lastBackupAt) ? source.lastBackupAt : null
  const showHolidays = source.showHolidays !== false
  return { state: { plans, activePlanId, deletedPlans: restoreTombstones(source.deletedPlans, plans), language, lastBackupAt, showHolidays }, report }
}

/** Added after v2 without a version step: a save without it simply has no tombstones. */
function restoreTombstones(raw: unknown, plans: Record<string, Plan>): Record<string, number> {
  const tombstones: Record<string, number> = {}
  if (typeof raw !== 'object' || raw === null) return tombstones
  for (const [id, at] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof at === 'number' && Number.isFinite(at) && !plans[id]) tombstones[id] = at
  }
  return tombstones
}

export function defaultPersistedState(now: number): PersistedState {
  const plan = buildCampaign2021Plan(now)
  return { plans: { [plan.id]: plan }, activePlanId: plan.id, deletedPlans: {}, language: 'vi', lastBackupAt: null, showHolidays: true }
}
