/**
 * The conflict review's field-by-field comparison (issue 13): a task's fields grouped as a person
 * reads them (the dates are one row, not start/end/allDay apart), whether two versions differ in
 * each, and the merge of two versions from a per-field choice. Pure: the dialog renders the rows
 * and hands the merged task to the sync core's `resolve`.
 */
import type { Task } from '@/domain/types'

export const CONFLICT_FIELDS = [
  'title', 'dates', 'anchor', 'channel', 'lead', 'support', 'status', 'location', 'quantity', 'notes', 'level', 'training',
  'recurrence', 'campaigning',
] as const
export type ConflictField = (typeof CONFLICT_FIELDS)[number]

/** The Task properties each row stands for; a merge copies all of them together (start and end never part). */
const FIELD_KEYS: Record<ConflictField, readonly (keyof Task)[]> = {
  title: ['title'],
  dates: ['allDay', 'start', 'end'],
  anchor: ['anchor', 'endAnchor'],
  channel: ['channelId'],
  lead: ['leadUnitId'],
  support: ['supportUnitIds'],
  status: ['status', 'doneOn'],
  location: ['location'],
  quantity: ['quantity'],
  notes: ['description'],
  level: ['level'],
  training: ['training'],
  recurrence: ['recurrence'],
  campaigning: ['campaigning'],
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** True when the two versions differ in this row. */
export function fieldDiffers(field: ConflictField, a: Task, b: Task): boolean {
  return FIELD_KEYS[field].some((key) => !sameValue(a[key], b[key]))
}

/** The rows in which the two versions differ, in display order. */
export function differingFields(a: Task, b: Task): ConflictField[] {
  return CONFLICT_FIELDS.filter((field) => fieldDiffers(field, a, b))
}

export type FieldChoice = 'current' | 'other'

/**
 * The merged task: the current (winning) version, with each row chosen as 'other' taken from the
 * other version. Identity (id, createdAt…) stays the current version's; the core stamps updatedAt.
 */
export function mergeVersions(current: Task, other: Task, choices: Partial<Record<ConflictField, FieldChoice>>): Task {
  const merged: Record<string, unknown> = { ...current }
  for (const field of CONFLICT_FIELDS) {
    if (choices[field] !== 'other') continue
    for (const key of FIELD_KEYS[field]) merged[key] = other[key]
  }
  return merged as unknown as Task
}
