/**
 * The storage form of a plan: a task's fields that hold their default value, and its id (which is
 * already its key), are left out. A browser gives an origin about 5 million characters of
 * localStorage; this keeps a 10,000-task plan well under it. `restorePlan` fills every omitted field
 * back, so the compact form needs no reader of its own.
 */
import type { Plan, Task } from '@/domain/types'

const DEFAULT_TASK_FIELDS: Partial<Record<keyof Task, unknown>> = {
  allDay: true,
  channelId: null,
  leadUnitId: null,
  location: '',
  quantity: '',
  status: 'planned',
  doneOn: null,
  description: '',
  training: null,
  recurrence: null,
  level: null,
  source: null,
  campaigning: false,
  endAnchor: null,
  derivedFromTaskId: null,
}

// Compacting is pure, so a task object (immutable in the store) is compacted once.
const compactedTasks = new WeakMap<Task, Record<string, unknown>>()

export function compactTask(task: Task): Record<string, unknown> {
  const cached = compactedTasks.get(task)
  if (cached) return cached
  const compact: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(task)) {
    if (key === 'id') continue
    if (key in DEFAULT_TASK_FIELDS && DEFAULT_TASK_FIELDS[key as keyof Task] === value) continue
    if (key === 'supportUnitIds' && Array.isArray(value) && value.length === 0) continue
    if (key === 'anchor' && (value as Task['anchor']).type === 'fixed') continue
    compact[key] = value
  }
  compactedTasks.set(task, compact)
  return compact
}

export function compactPlan(plan: Plan): Record<string, unknown> {
  const tasks: Record<string, unknown> = {}
  for (const [id, task] of Object.entries(plan.tasks)) tasks[id] = compactTask(task)
  return { ...plan, tasks }
}
