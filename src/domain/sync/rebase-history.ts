/**
 * Undo stays local (issue 13: "undo in one browser is a new edit, not a rewind of the other office's
 * work"). When another office's work arrives, every plan kept in the undo history gets the same
 * change: the tasks (and settings) the remote change touched take their new value in each past and
 * future state. Undoing then reverts only this browser's own edits, and the engine writes that undo
 * as a new revision like any edit.
 */
import { SETTINGS_FIELDS } from '@/domain/sync/plan-documents'
import type { Plan } from '@/domain/types'

/**
 * `historical` with the difference between `before` and `after` (one remote apply) laid on top.
 * Returns `historical` itself when the remote change touched nothing it differs in.
 */
export function rebasePlanOnRemote(historical: Plan, before: Plan, after: Plan): Plan {
  let tasks: Record<string, Plan['tasks'][string]> | null = null
  for (const id of Object.keys(after.tasks)) {
    if (before.tasks[id] === after.tasks[id] || historical.tasks[id] === after.tasks[id]) continue
    tasks ??= { ...historical.tasks }
    tasks[id] = after.tasks[id]!
  }
  for (const id of Object.keys(before.tasks)) {
    if (Object.prototype.hasOwnProperty.call(after.tasks, id) || !Object.prototype.hasOwnProperty.call(historical.tasks, id)) continue
    tasks ??= { ...historical.tasks }
    delete tasks[id]
  }
  let next: Plan = tasks ? { ...historical, tasks } : historical
  for (const field of SETTINGS_FIELDS) {
    if (before[field] === after[field] || next[field] === after[field]) continue
    next = { ...next, [field]: after[field] }
  }
  return next
}
