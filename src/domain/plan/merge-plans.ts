/**
 * Merging two copies of the same plan (another tab's save, later another device's): per task, the
 * newer `updatedAt` wins, and a deletion (tombstone) wins over any copy that is not newer than it.
 * Everything else in the plan (settings, phases, units, channels) comes from the copy whose plan-level
 * `updatedAt` is newer. Deterministic: both sides of a merge reach the same plan, so two tabs settle.
 */
import { canonicalJson } from '@/domain/plan/canonical-json'
import type { Plan, Task } from '@/domain/types'

export interface MergeResult {
  plan: Plan
  /** True when the merged plan holds nothing that `remote` lacks (no need to write it back). */
  sameAsRemote: boolean
  /** True when the merged plan differs from `local`. */
  changedLocal: boolean
}

export function mergePlans(local: Plan, remote: Plan): MergeResult {
  const localShell = shellKey(local)
  const remoteShell = shellKey(remote)
  const base = remote.updatedAt > local.updatedAt || (remote.updatedAt === local.updatedAt && remoteShell >= localShell)
    ? remote
    : local
  const tasks: Record<string, Task> = {}
  const deletedTasks: Record<string, number> = {}
  // Compare the shells by content: two copies of one plan are different objects with equal contents.
  let sameAsRemote = base === remote || localShell === remoteShell
  let changedLocal = base !== local && localShell !== remoteShell

  const ids = new Set([
    ...Object.keys(local.tasks), ...Object.keys(remote.tasks),
    ...Object.keys(local.deletedTasks), ...Object.keys(remote.deletedTasks),
  ])
  for (const id of ids) {
    const localTask = local.tasks[id]
    const remoteTask = remote.tasks[id]
    const { winner, equal } = pickNewer(localTask, remoteTask)
    const deletedAt = Math.max(local.deletedTasks[id] ?? -Infinity, remote.deletedTasks[id] ?? -Infinity)
    if (winner && winner.updatedAt > deletedAt) {
      tasks[id] = winner
      if (!equal && winner !== remoteTask) sameAsRemote = false
      if (!equal && winner !== localTask) changedLocal = true
    } else {
      deletedTasks[id] = deletedAt
      if (remoteTask || remote.deletedTasks[id] !== deletedAt) sameAsRemote = false
      if (localTask || local.deletedTasks[id] !== deletedAt) changedLocal = true
    }
  }
  const updatedAt = Math.max(local.updatedAt, remote.updatedAt)
  return { plan: { ...base, tasks, deletedTasks, updatedAt }, sameAsRemote, changedLocal }
}

/** The newer copy; `equal` when both copies hold the same content (the local one is kept). */
function pickNewer(a: Task | undefined, b: Task | undefined): { winner: Task | undefined; equal: boolean } {
  if (!a || !b) return { winner: a ?? b, equal: false }
  if (a === b) return { winner: a, equal: true }
  if (a.updatedAt !== b.updatedAt) return { winner: a.updatedAt > b.updatedAt ? a : b, equal: false }
  // Same clock: usually the same version; otherwise pick by content so every tab picks the same one.
  const textA = canonicalJson(a)
  const textB = canonicalJson(b)
  if (textA === textB) return { winner: a, equal: true }
  return { winner: textA > textB ? a : b, equal: false }
}

function shellKey(plan: Plan): string {
  const { tasks: _t, deletedTasks: _d, updatedAt: _u, ...shell } = plan
  return canonicalJson(shell)
}
