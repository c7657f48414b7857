/**
 * What this tab knows the storage keys hold, as last read or written: the plan object and text of
 * each plan key, the document key's text, and the keys it must not write. A save writes only what
 * differs from this record, and a state equal to it is already saved (by us or by another tab).
 * Nothing here touches storage itself.
 */
import type { Plan } from '@/domain/types'
import { serializeDocument } from '@/store/document-key'
import type { PersistedState } from '@/store/state-keys'
import { planStorageKey } from '@/store/storage-keys'
import { PlanEncoder, type DecodedPlan } from '@/store/stored-plan'

export class StorageMirror {
  /** Plan id → the plan object its key holds. */
  readonly plans = new Map<string, Plan>()
  /** Plan key → the text it holds. */
  readonly texts = new Map<string, string>()
  /** The document key's text (v3); null until read or written. */
  documentText: string | null = null
  /** Keys whose original could not be kept: never overwritten. */
  readonly blockedPlanKeys = new Set<string>()
  /** Set while the document key still holds a v1/v2 save: the next write splits it (local-storage-adapter.ts). */
  legacyText: string | null = null
  /** Where the v1/v2 save was copied (once); null: it could not be; undefined: not yet asked. */
  legacyCopyKey: string | null | undefined
  /** Segments read at load, per plan id, until the encoder is seeded (or the plan changes). */
  readonly layoutsRead = new Map<string, NonNullable<DecodedPlan['layout']>>()
  private readonly encoders = new Map<string, PlanEncoder>()

  encoderFor(planId: string): PlanEncoder {
    let encoder = this.encoders.get(planId)
    if (!encoder) {
      encoder = new PlanEncoder()
      this.encoders.set(planId, encoder)
    }
    return encoder
  }

  /** True when storage already holds `state` (plans whose key is blocked count as held: they cannot be written). */
  holds(state: PersistedState): boolean {
    if (this.legacyText !== null || this.documentText === null) return false
    for (const [id, plan] of Object.entries(state.plans)) {
      if (this.plans.get(id) !== plan && !this.blockedPlanKeys.has(planStorageKey(id))) return false
    }
    return serializeDocument(state) === this.documentText
  }

  /** Forgets a plan whose key was removed. */
  forgetPlan(planId: string): void {
    this.plans.delete(planId)
    this.texts.delete(planStorageKey(planId))
    this.encoders.delete(planId)
  }
}
