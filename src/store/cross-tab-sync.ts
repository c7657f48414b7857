/**
 * Two tabs, one plan: when another tab saves, its plans are merged into ours per task by `updatedAt`
 * (domain/plan/merge-plans.ts), so neither tab's edits are lost. The merge is not an undo step, and
 * when the merged state is exactly what the other tab saved we do not write it back (tabs settle
 * instead of echoing each other).
 */
import type { StoreApi } from 'zustand'
import type { TemporalState } from 'zundo'
import { mergePlans } from '@/domain/plan/merge-plans'
import type { Plan } from '@/domain/types'
import { onStorageItemChangedElsewhere } from '@/lib/web-storage'
import { parseEnvelope, type LocalStorageAdapter } from '@/store/local-storage-adapter'
import { CURRENT_DOCUMENT_VERSION, migratePersistedState, restorePersistedState } from '@/store/persisted-document'
import type { PlannerState } from '@/store/planner-state'
import { pickPersistedState, type DocumentState } from '@/store/state-keys'

type StoreWithTemporal = StoreApi<PlannerState> & { temporal: StoreApi<TemporalState<DocumentState>> }

export function startCrossTabSync(store: StoreWithTemporal, adapter: LocalStorageAdapter, key: string): () => void {
  return onStorageItemChangedElsewhere(key, (newValue) => {
    if (newValue === null || adapter.isBlocked()) return
    applyRemoteSave(store, adapter, newValue)
  })
}

/** Merges another tab's save into the store. Exported for tests. */
function mergeTombstones(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const merged = { ...a }
  for (const [id, at] of Object.entries(b)) merged[id] = Math.max(merged[id] ?? -Infinity, at)
  return merged
}

function sameRecord(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}

export function applyRemoteSave(store: StoreWithTemporal, adapter: LocalStorageAdapter, text: string): void {
  const envelope = parseEnvelope(text)
  if (envelope === null) return // another tab never writes garbage; ignore rather than guess
  if (envelope.version > CURRENT_DOCUMENT_VERSION) {
    adapter.block({ kind: 'newer-version', version: envelope.version })
    return
  }
  const remote = restorePersistedState(migratePersistedState(envelope.state, envelope.version), Date.now()).state
  const local = store.getState()
  const plans: Record<string, Plan> = { ...local.plans }
  let sameAsRemote = envelope.version === CURRENT_DOCUMENT_VERSION
  let changedLocal = false
  // Plan deletions: the newer of the two tombstones; a tombstone removes a plan not edited since.
  const deletedPlans = mergeTombstones(local.deletedPlans, remote.deletedPlans)
  if (!sameRecord(deletedPlans, local.deletedPlans)) changedLocal = true
  if (!sameRecord(deletedPlans, remote.deletedPlans)) sameAsRemote = false
  for (const [id, localPlan] of Object.entries(local.plans)) {
    const deletedAt = remote.deletedPlans[id]
    if (!remote.plans[id] && deletedAt !== undefined && deletedAt >= localPlan.updatedAt) {
      delete plans[id]
      changedLocal = true
    }
  }
  for (const [id, remotePlan] of Object.entries(remote.plans)) {
    const localPlan = local.plans[id]
    if (!localPlan) {
      const deletedAt = local.deletedPlans[id]
      if (deletedAt !== undefined && deletedAt >= remotePlan.updatedAt) {
        sameAsRemote = false // ours is deleted: the other tab learns it from our next save
        continue
      }
      plans[id] = remotePlan
      delete deletedPlans[id]
      changedLocal = true
      continue
    }
    const merged = mergePlans(localPlan, remotePlan)
    if (merged.changedLocal) {
      plans[id] = merged.plan
      changedLocal = true
    }
    if (!merged.sameAsRemote) sameAsRemote = false
  }
  if (Object.keys(plans).some((id) => !remote.plans[id])) sameAsRemote = false

  // Never zero plans, and never an active plan that is gone.
  if (Object.keys(plans).length === 0) {
    plans[local.activePlanId] = local.plans[local.activePlanId]!
    delete deletedPlans[local.activePlanId]
    sameAsRemote = false
  }
  const activePlanId = plans[local.activePlanId] ? local.activePlanId : Object.keys(plans)[0]!

  const temporal = store.temporal.getState()
  temporal.pause()
  store.setState({
    ...(changedLocal ? { plans, deletedPlans, activePlanId } : {}),
    language: remote.language,
    showHolidays: remote.showHolidays,
    lastBackupAt: Math.max(remote.lastBackupAt ?? 0, local.lastBackupAt ?? 0) || null,
  })
  temporal.resume()
  if (sameAsRemote) adapter.markAsStored(pickPersistedState(store.getState()))
}
