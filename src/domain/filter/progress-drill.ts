/**
 * The filter's "tasks behind a figure" facet: what the progress dashboard sets when a bar, a figure
 * or a row is opened, so the list shows exactly the tasks that figure counts.
 *
 * The other facets cannot say it: the dashboard counts by lead unit (the unit facet is lead or
 * support), by each occurrence's one phase (the phase facet is "touches the phase"), and judges
 * status and lateness as of a chosen day (the status and late facets use the task's status today).
 * So the facet carries the dashboard's own selection and day, and asks the progress items of each
 * task, built by the same code as the figures (domain/progress/progress-items.ts): a task is kept
 * when one of its items matches. The bar and the list it opens can never disagree.
 */
import { isValidLocalDate } from '@/domain/dates/local-date'
import type { TaskPredicate } from '@/domain/filter/task-filter'
import { createPhaseLookup } from '@/domain/plan/task-phase'
import { matchesSelection, progressItemsOfTask, type ProgressSelection } from '@/domain/progress/progress-items'
import { TASK_STATUSES, type LocalDate, type Phase, type TaskStatus } from '@/domain/types'

export interface ProgressDrill {
  /** The day the dashboard's figures were for. */
  asOf: LocalDate
  selection: ProgressSelection
}

/** The facet as a predicate over tasks, for the plan's phases. */
export function compileProgressDrill(drill: ProgressDrill, phases: readonly Phase[]): TaskPredicate {
  const phaseOf = createPhaseLookup(phases)
  return (task) => progressItemsOfTask(task, phases, phaseOf, drill.asOf).some((item) => matchesSelection(item, drill.selection))
}

const KEY_FIELDS = ['leadUnitId', 'channelId', 'phaseId'] as const
const FLAG_FIELDS = ['late', 'dueSoon', 'training'] as const
const DAY_FIELDS = ['dueFrom', 'dueBy'] as const

/** A facet read from anywhere (an address, a saved filter, another tab): every field checked; null when unreadable. Never throws. */
export function readProgressDrill(raw: unknown): ProgressDrill | null {
  if (typeof raw !== 'object' || raw === null) return null
  const source = raw as Record<string, unknown>
  if (!isValidLocalDate(source.asOf)) return null
  const from = typeof source.selection === 'object' && source.selection !== null ? source.selection as Record<string, unknown> : {}
  const selection: ProgressSelection = {}
  if (typeof from.status === 'string' && (TASK_STATUSES as readonly string[]).includes(from.status)) selection.status = from.status as TaskStatus
  for (const field of FLAG_FIELDS) if (typeof from[field] === 'boolean') selection[field] = from[field]
  // A key of null means "none" (no lead unit, no channel, outside every phase); absent means "any".
  for (const field of KEY_FIELDS) {
    const value = from[field]
    if (value === null || (typeof value === 'string' && value.length > 0 && value.length <= 200)) selection[field] = value
  }
  for (const field of DAY_FIELDS) if (isValidLocalDate(from[field])) selection[field] = from[field]
  return { asOf: source.asOf, selection }
}

export function sameProgressDrill(a: ProgressDrill | null | undefined, b: ProgressDrill | null | undefined): boolean {
  if (!a || !b) return !a && !b
  return a.asOf === b.asOf && JSON.stringify(sortedEntries(a.selection)) === JSON.stringify(sortedEntries(b.selection))
}

function sortedEntries(selection: ProgressSelection): [string, unknown][] {
  return Object.entries(selection).filter(([, v]) => v !== undefined).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
}

// The address: `asof=2021-04-30&of-unit=u1&of-late=1`; an empty id is "none" (`of-channel=`).
const PARAM = {
  asOf: 'asof', status: 'of-status', late: 'of-late', dueSoon: 'of-due-soon', training: 'of-training',
  leadUnitId: 'of-unit', channelId: 'of-channel', phaseId: 'of-phase', dueFrom: 'of-due-from', dueBy: 'of-due-by',
} as const
export const PROGRESS_DRILL_PARAMS: readonly string[] = Object.values(PARAM)

export function readProgressDrillParams(params: URLSearchParams): ProgressDrill | null {
  const asOf = params.get(PARAM.asOf)
  if (asOf === null) return null
  const selection: Record<string, unknown> = {}
  const status = params.get(PARAM.status)
  if (status !== null) selection.status = status
  for (const field of FLAG_FIELDS) {
    const value = params.get(PARAM[field])
    if (value !== null) selection[field] = value === '1'
  }
  for (const field of KEY_FIELDS) {
    const value = params.get(PARAM[field])
    if (value !== null) selection[field] = value === '' ? null : value
  }
  for (const field of DAY_FIELDS) {
    const value = params.get(PARAM[field])
    if (value !== null) selection[field] = value
  }
  return readProgressDrill({ asOf, selection })
}

/** NOTE: mutates `params`. */
export function writeProgressDrillParams(params: URLSearchParams, drill: ProgressDrill | null | undefined): void {
  for (const key of PROGRESS_DRILL_PARAMS) params.delete(key)
  if (!drill) return
  const { selection } = drill
  params.set(PARAM.asOf, drill.asOf)
  if (selection.status !== undefined) params.set(PARAM.status, selection.status)
  for (const field of FLAG_FIELDS) if (selection[field] !== undefined) params.set(PARAM[field], selection[field] ? '1' : '0')
  for (const field of KEY_FIELDS) if (selection[field] !== undefined) params.set(PARAM[field], selection[field] ?? '')
  for (const field of DAY_FIELDS) if (selection[field] !== undefined) params.set(PARAM[field], selection[field])
}
