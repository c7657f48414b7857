/**
 * Applying imported tasks to a plan, as one new plan value (so the store makes it one undo step).
 * Merge: per task id, the newer `updatedAt` wins; replace: the plan's tasks become the imported ones
 * (the others are deleted, with tombstones). Units and channels the tasks refer to are added when
 * the plan lacks them; nothing of the plan is dropped by a merge. Ids come from files: a reserved
 * one (`__proto__`…) is renamed here, whatever the format, before it becomes a key.
 */
import { canonicalJson } from '@/domain/plan/canonical-json'
import { safeKey } from '@/domain/plan/ids'
import type { Channel, EpochMs, Plan, Task, Unit } from '@/domain/types'

export type ImportMode = 'merge' | 'replace'

export interface ImportOutcome {
  plan: Plan
  added: number
  updated: number
  unchanged: number
  removed: number
}

export interface ImportSource {
  tasks: readonly Task[]
  /** Units and channels of the file (a backup carries them); tasks may refer to these. */
  units?: readonly Unit[]
  channels?: readonly Channel[]
}

export function applyImport(plan: Plan, source: ImportSource, mode: ImportMode, now: EpochMs): ImportOutcome {
  const units = unionById(plan.units, (source.units ?? []).map(withSafeId))
  const channels = unionById(plan.channels, (source.channels ?? []).map(withSafeId))
  const unitIds = new Set(units.map((u) => u.id))
  const channelIds = new Set(channels.map((c) => c.id))
  const tasks: Record<string, Task> = mode === 'replace' ? {} : { ...plan.tasks }
  const deletedTasks = { ...plan.deletedTasks }
  let added = 0
  let updated = 0
  let unchanged = 0

  for (const raw of source.tasks) {
    // A link to a unit or channel neither the plan nor the file knows is dropped, not the task.
    const leadUnitId = raw.leadUnitId === null ? null : safeKey(raw.leadUnitId)
    const channelId = raw.channelId === null ? null : safeKey(raw.channelId)
    const incoming: Task = {
      ...raw,
      id: safeKey(raw.id),
      leadUnitId: leadUnitId !== null && unitIds.has(leadUnitId) ? leadUnitId : null,
      channelId: channelId !== null && channelIds.has(channelId) ? channelId : null,
      supportUnitIds: raw.supportUnitIds.map(safeKey).filter((id) => unitIds.has(id)),
    }
    const existing = Object.hasOwn(plan.tasks, incoming.id) ? plan.tasks[incoming.id] : undefined
    delete deletedTasks[incoming.id]
    if (!existing) {
      tasks[incoming.id] = incoming
      added += 1
    } else if (canonicalJson(existing) === canonicalJson(incoming)) {
      tasks[incoming.id] = existing
      unchanged += 1
    } else if (mode === 'replace' || incoming.updatedAt > existing.updatedAt) {
      tasks[incoming.id] = { ...incoming, updatedAt: Math.max(incoming.updatedAt, now) }
      updated += 1
    } else {
      tasks[incoming.id] = existing // the plan's copy is newer: keep it
      unchanged += 1
    }
  }
  let removed = 0
  if (mode === 'replace') {
    for (const id of Object.keys(plan.tasks)) {
      if (!Object.hasOwn(tasks, id)) {
        deletedTasks[id] = now
        removed += 1
      }
    }
  }
  return { plan: { ...plan, units, channels, tasks, deletedTasks, updatedAt: now }, added, updated, unchanged, removed }
}

function withSafeId<T extends { id: string }>(item: T): T {
  const id = safeKey(item.id)
  return id === item.id ? item : { ...item, id }
}

function unionById<T extends { id: string }>(own: readonly T[], incoming: readonly T[]): T[] {
  const ids = new Set(own.map((x) => x.id))
  return [...own, ...incoming.filter((x) => !ids.has(x.id))]
}
