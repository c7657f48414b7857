/**
 * Merging two copies of the same plan (another tab's save, later another device's): per task, the
 * newer `updatedAt` wins, and a deletion (tombstone) wins over any copy that is not newer than it.
 * Everything else in the plan (settings, phases, units, channels) comes from the copy whose plan-level
 * `updatedAt` is newer. Deterministic: both sides of a merge reach the same plan, so two tabs settle.
 */
import type { Plan, Task } from '@/domain/types'

export interface MergeResult {
  plan: Plan
  /** True when the merged plan holds nothing that `remote` lacks (no need to write it back). */
  sameAsRemote: boolean
  /** True when the merged plan differs from `local`. */
  changedLocal: boolean
}

export function mergePlans(local: Plan, remote: Plan): MergeResult {
  const base = remote.updatedAt > local.updatedAt || (remote.updatedAt === local.updatedAt && shellKey(remote) >= shellKey(local))
    ? remote
    : local
  const tasks: Record<string, Task> = {}
  const deletedTasks: Record<string, number> = {}
  let sameAsRemote = base === remote
  let changedLocal = base !== local

  const ids = new Set([
    ...Object.keys(local.tasks), ...Object.keys(remote.tasks),
    ...Object.keys(local.deletedTasks), ...Object.keys(remote.deletedTasks),
  ])
  for (const id of ids) {
    const winner = pickNewer(local.tasks[id], remote.tasks[id])
    const deletedAt = Math.max(local.deletedTasks[id] ?? -Infinity, remote.deletedTasks[id] ?? -Infinity)
    if (winner && winner.updatedAt > deletedAt) {
      tasks[id] = winner
      if (winner !== remote.tasks[id]) sameAsRemote = false
      if (winner !== local.tasks[id]) changedLocal = true
    } else {
      deletedTasks[id] = deletedAt
      if (remote.tasks[id] || remote.deletedTasks[id] !== deletedAt) sameAsRemote = false
      if (local.tasks[id] || local.deletedTasks[id] !== deletedAt) changedLocal = true
    }
  }
  const updatedAt = Math.max(local.updatedAt, remote.updatedAt)
  return { plan: { ...base, tasks, deletedTasks, updatedAt }, sameAsRemote, changedLocal }
}

function pickNewer(a: Task | undefined, b: Task | undefined): Task | undefined {
  if (!a) return b
  if (!b) return a
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b
  // Same clock, different content (rare): pick by content so that every tab picks the same one.
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b
}

function shellKey(plan: Plan): string {
  const { tasks: _t, deletedTasks: _d, ...shell } = plan
  return JSON.stringify(shell)
}
