/**
 * Writing the planner's state to storage: each plan whose object changed to its own key, then the
 * document key, then the keys of plans that are gone are removed, in that order (the document never
 * lists a plan whose key is missing, and a removed key was first dropped from the document). Only
 * what differs from the mirror (storage-mirror.ts) is encoded and written. Never throws: a plan JSON
 * cannot hold stays unwritten and the outcome says so. When the document key still holds a v1/v2
 * save, the plan keys are written and read back first, and the old save is replaced only when every
 * plan is safely in its key (see local-storage-adapter.ts's header).
 */
import type { Plan } from '@/domain/types'
import { readStorageItem, removeStorageItem, writeStorageItem, type WriteResult } from '@/lib/web-storage'
import { packLegacyDocument, serializeDocument } from '@/store/document-key'
import type { PersistedState } from '@/store/state-keys'
import type { StorageMirror } from '@/store/storage-mirror'
import { planStorageKey } from '@/store/storage-keys'

export type WriteStep =
  /** The slice's time ran out while encoding; the work so far is kept by the encoders. */
  | { kind: 'yielded' }
  | {
    kind: 'done'
    /** The first storage write that did not succeed ('failed': a v1/v2 split did not read back), or 'ok'. */
    outcome: WriteResult | 'failed'
    /** Some plan (or the document) could not be turned into text: it stays in memory. */
    unserializable: boolean
    /** Characters and keys written. */
    chars: number
    keys: number
  }

/**
 * Writes `state` to `key` and its plan keys. `deadline` (a `performance.now()` time) bounds the
 * encoding; `progress.encodeMs` accumulates the time spent encoding.
 * NOTE: mutates `mirror` with everything written.
 */
export function writeState(state: PersistedState, key: string, mirror: StorageMirror, deadline: number, progress: { encodeMs: number }): WriteStep {
  let unserializable = false
  /** A plan not written (blocked or failed): the old single-key save must then stay where it is. */
  let incomplete = false
  let chars = 0
  let keys = 0
  const toWrite: { planId: string; planKey: string; plan: Plan; text: string }[] = []
  for (const [planId, plan] of Object.entries(state.plans)) {
    const planKey = planStorageKey(planId)
    if (mirror.blockedPlanKeys.has(planKey)) {
      incomplete = true
      continue
    }
    if (mirror.plans.get(planId) === plan && mirror.legacyText === null) continue
    const encodeStart = performance.now()
    let text: string | null
    try {
      text = mirror.encoderFor(planId).encode(plan, deadline)
    } catch {
      // A value JSON cannot hold (too deep, cyclic): this plan stays in memory, the others save.
      unserializable = true
      incomplete = true
      continue
    } finally {
      progress.encodeMs += performance.now() - encodeStart
    }
    if (text === null) return { kind: 'yielded' }
    if (mirror.texts.get(planKey) === text) {
      mirror.plans.set(planId, plan) // same text as stored (a no-op edit): nothing to write
      continue
    }
    toWrite.push({ planId, planKey, plan, text })
  }

  let outcome: WriteResult | 'failed' = 'ok'
  for (const item of toWrite) {
    outcome = writeStorageItem(item.planKey, item.text)
    if (outcome === 'quota' && mirror.legacyText !== null && packLegacyDocument(key, mirror.legacyText)) outcome = writeStorageItem(item.planKey, item.text)
    if (outcome === 'ok' && mirror.legacyText !== null) {
      const back = readStorageItem(item.planKey)
      if (!back.ok || back.value !== item.text) outcome = 'failed'
    }
    if (outcome !== 'ok') break
    mirror.plans.set(item.planId, item.plan)
    mirror.texts.set(item.planKey, item.text)
    mirror.layoutsRead.delete(item.planId)
    chars += item.text.length
    keys += 1
  }
  if (outcome === 'ok') {
    let documentText: string | null = null
    try {
      documentText = serializeDocument(state)
    } catch {
      unserializable = true
    }
    if (documentText !== null && documentText !== mirror.documentText && !(mirror.legacyText !== null && incomplete)) {
      outcome = writeStorageItem(key, documentText)
      if (outcome === 'ok') {
        mirror.documentText = documentText
        mirror.legacyText = null
        chars += documentText.length
        keys += 1
      }
    }
  }
  if (outcome === 'ok') removeDeletedPlanKeys(state, mirror)
  return { kind: 'done', outcome, unserializable, chars, keys }
}

/** Keys of plans this tab knew as stored and that are gone from the state (deleted here or merged away). */
function removeDeletedPlanKeys(state: PersistedState, mirror: StorageMirror) {
  for (const planId of [...mirror.plans.keys()]) {
    if (Object.prototype.hasOwnProperty.call(state.plans, planId)) continue
    const planKey = planStorageKey(planId)
    if (!mirror.blockedPlanKeys.has(planKey)) removeStorageItem(planKey)
    mirror.forgetPlan(planId)
  }
}
