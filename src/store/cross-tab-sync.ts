/**
 * Two tabs, one plan: when another tab saves (the document key or any plan key, see storage-keys.ts),
 * what storage holds is merged into ours per task by `updatedAt` (domain/plan/merge-plans.ts), so
 * neither tab's edits are lost. Only plan keys whose text changed since we last read or wrote them
 * are decoded and restored again. The merge is not an undo step, and what ends up exactly as the
 * other tab saved it (a plan, the document) is marked as stored, not written back (tabs settle
 * instead of echoing each other).
 */
import type { StoreApi } from 'zustand'
import type { TemporalState } from 'zundo'
import { mergePlans } from '@/domain/plan/merge-plans'
import type { Plan } from '@/domain/types'
import { onStorageChangedElsewhere } from '@/lib/web-storage'
import type { LocalStorageAdapter } from '@/store/local-storage-adapter'
import { CURRENT_DOCUMENT_VERSION, migratePersistedState, restorePersistedState } from '@/store/persisted-document'
import type { PlannerState } from '@/store/planner-state'
import { pickPersistedState, type DocumentState } from '@/store/state-keys'
import { STORAGE_KEYS } from '@/store/storage-keys'

type StoreWithTemporal = StoreApi<PlannerState> & { temporal: StoreApi<TemporalState<DocumentState>> }

export function startCrossTabSync(store: StoreWithTemporal, adapter: LocalStorageAdapter, key: string): () => void {
  // One save of the other tab is several events (plan keys, then the document): merge once, after them.
  let scheduled: number | null = null
  const stop = onStorageChangedElsewhere(
    (changed) => changed === key || changed.startsWith(STORAGE_KEYS.planPrefix),
    () => {
      if (adapter.isBlocked() || scheduled !== null) return
      scheduled = window.setTimeout(() => {
        scheduled = null
        if (!adapter.isBlocked()) applyRemoteSave(store, adapter)
      }, 0)
    },
  )
  return () => {
    stop()
    if (scheduled !== null) window.clearTimeout(scheduled)
  }
}

function mergeTombstones(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const merged = { ...a }
  for (const [id, at] of Object.entries(b)) merged[id] = Math.max(merged[id] ?? -Infinity, at)
  return merged
}

function sameRecord(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}

const hasOwn = (record: object, id: string) => Object.prototype.hasOwnProperty.call(record, id)

/** Merges what storage holds now (another tab's save) into the store. Exported for tests. */
export function applyRemoteSave(store: StoreWithTemporal, adapter: LocalStorageAdapter): void {
  const snapshot = adapter.readSnapshot()
  if (snapshot === null) return // another tab never writes garbage; ignore rather than guess
  if (snapshot.version > CURRENT_DOCUMENT_VERSION) {
    adapter.block({ kind: 'newer-version', version: snapshot.version })
    return
  }
  // An older tab still writing the single-key save (v1/v2) sends its plans inside the document.
  const legacy = snapshot.version < 3
  const rawState = legacy ? migratePersistedState(snapshot.state, snapshot.version) : { ...snapshot.state, plans: snapshot.changedPlans }
  const restored = restorePersistedState(rawState, Date.now(), { allowNoPlans: true }).state
  const remotePlans: Record<string, Plan> = { ...snapshot.unchangedPlans, ...restored.plans }
  const remote = { ...restored, plans: remotePlans }

  const local = store.getState()
  const plans: Record<string, Plan> = { ...local.plans }
  /** Plans whose merged copy is exactly what their key holds. */
  const settled: Plan[] = []
  let documentSame = !legacy
  let changedLocal = false
  // Plan deletions: the newer of the two tombstones; a tombstone removes a plan not edited since.
  const deletedPlans = mergeTombstones(local.deletedPlans, remote.deletedPlans)
  if (!sameRecord(deletedPlans, local.deletedPlans)) changedLocal = true
  if (!sameRecord(deletedPlans, remote.deletedPlans)) documentSame = false
  for (const [id, localPlan] of Object.entries(local.plans)) {
    const deletedAt = remote.deletedPlans[id]
    if (!hasOwn(remote.plans, id) && deletedAt !== undefined && deletedAt >= localPlan.updatedAt) {
      delete plans[id]
      changedLocal = true
    }
  }
  for (const [id, remotePlan] of Object.entries(remote.plans)) {
    const localPlan = hasOwn(local.plans, id) ? local.plans[id] : undefined
    if (!localPlan) {
      const deletedAt = local.deletedPlans[id]
      if (deletedAt !== undefined && deletedAt >= remotePlan.updatedAt) {
        documentSame = false // ours is deleted: the other tab learns it from our next save
        continue
      }
      plans[id] = remotePlan
      delete deletedPlans[id]
      changedLocal = true
      settled.push(remotePlan)
      continue
    }
    if (localPlan === remotePlan) continue
    const merged = mergePlans(localPlan, remotePlan)
    if (merged.changedLocal) {
      plans[id] = merged.plan
      changedLocal = true
    }
    if (merged.sameAsRemote) settled.push(plans[id]!)
  }
  if (Object.keys(plans).some((id) => !hasOwn(remote.plans, id))) documentSame = false

  // Never zero plans, and never an active plan that is gone.
  if (Object.keys(plans).length === 0) {
    plans[local.activePlanId] = local.plans[local.activePlanId]!
    delete deletedPlans[local.activePlanId]
    documentSame = false
  }
  const activePlanId = hasOwn(plans, local.activePlanId) ? local.activePlanId : Object.keys(plans)[0]!

  const temporal = store.temporal.getState()
  temporal.pause()
  store.setState({
    ...(changedLocal ? { plans, deletedPlans, activePlanId } : {}),
    language: remote.language,
    showHolidays: remote.showHolidays,
    lastBackupAt: Math.max(remote.lastBackupAt ?? 0, local.lastBackupAt ?? 0) || null,
  })
  temporal.resume()
  if (legacy) return
  for (const plan of settled) {
    const text = snapshot.texts.get(plan.id)
    if (text !== undefined) adapter.markPlanStored(plan.id, plan, text)
  }
  // The active plan is each tab's own choice: the document counts as the same when the rest is, or
  // two tabs on different plans would write the document back and forth.
  if (documentSame) adapter.markDocumentStored(pickPersistedState(store.getState()))
}
