/**
 * The one filter of the whole app: every view (month, week, list, year, timeline), the checks panel
 * and the "what is shown" export scope ask the same predicate. Facets combine with AND; the values
 * within a facet with OR (two units = the work of either). An empty filter is `null` as a predicate,
 * so callers skip the test entirely on the common path.
 */
import { searchTerms, foldText } from '@/domain/filter/fold-text'
import { compileProgressDrill, readProgressDrill, sameProgressDrill, type ProgressDrill } from '@/domain/filter/progress-drill'
import { isTaskLate, taskFirstDay, taskLastDay } from '@/domain/plan/task-progress'
import { TASK_STATUSES, type LocalDate, type Phase, type Task, type TaskStatus, type Unit } from '@/domain/types'

export interface TaskFilter {
  /** Free text, matched accent- and case-insensitively, word by word. */
  text: string
  /** Lead or supporting unit. */
  unitIds: string[]
  channelIds: string[]
  statuses: TaskStatus[]
  /** Tasks whose days touch the phase. */
  phaseIds: string[]
  /** End before today, neither done nor cancelled. */
  late: boolean
  /** Led or supported by one of the units the user said they belong to. */
  mine: boolean
  /**
   * The tasks behind one figure of the progress dashboard (progress-drill.ts); absent or null: none.
   * Optional so that filters saved before it read as they were.
   */
  progress?: ProgressDrill | null
}

export const EMPTY_FILTER: TaskFilter = { text: '', unitIds: [], channelIds: [], statuses: [], phaseIds: [], late: false, mine: false, progress: null }

export function isFilterEmpty(filter: TaskFilter): boolean {
  return searchTerms(filter.text).length === 0 && filter.unitIds.length === 0 && filter.channelIds.length === 0
    && filter.statuses.length === 0 && filter.phaseIds.length === 0 && !filter.late && !filter.mine && !filter.progress
}

export interface FilterContext {
  units: readonly Unit[]
  phases: readonly Phase[]
  today: LocalDate
  /** The user's own units in this plan (settings); "mine" with none set matches nothing. */
  myUnitIds: readonly string[]
}

export type TaskPredicate = (task: Task) => boolean

/** The filter as a predicate over tasks, or null when it keeps everything. */
export function compileTaskFilter(filter: TaskFilter, context: FilterContext): TaskPredicate | null {
  if (isFilterEmpty(filter)) return null
  const tests: TaskPredicate[] = []
  const terms = searchTerms(filter.text)
  if (terms.length > 0) tests.push(textTest(terms, context.units))
  if (filter.unitIds.length > 0) tests.push(unitTest(new Set(filter.unitIds)))
  if (filter.mine) tests.push(unitTest(new Set(context.myUnitIds)))
  if (filter.channelIds.length > 0) {
    const channels = new Set(filter.channelIds)
    tests.push((task) => task.channelId !== null && channels.has(task.channelId))
  }
  if (filter.statuses.length > 0) {
    const statuses = new Set(filter.statuses)
    tests.push((task) => statuses.has(task.status))
  }
  if (filter.phaseIds.length > 0) {
    const phases = context.phases.filter((p) => filter.phaseIds.includes(p.id))
    tests.push((task) => {
      const first = taskFirstDay(task)
      const last = taskLastDay(task)
      return phases.some((p) => first < p.end && last >= p.start)
    })
  }
  if (filter.late) tests.push((task) => isTaskLate(task, context.today))
  if (filter.progress) tests.push(compileProgressDrill(filter.progress, context.phases))
  return (task) => tests.every((test) => test(task))
}

function unitTest(units: ReadonlySet<string>): TaskPredicate {
  return (task) => (task.leadUnitId !== null && units.has(task.leadUnitId)) || task.supportUnitIds.some((id) => units.has(id))
}

/**
 * Every word must occur in the task's own text or in the name of one of its units. The folded own
 * text is cached per task object (tasks are immutable in the store: an edit is a new object), so a
 * keystroke folds only the unit names, never 10,000 titles.
 */
function textTest(terms: readonly string[], units: readonly Unit[]): TaskPredicate {
  const unitTerms = new Map<string, Set<string>>()
  for (const unit of units) {
    const name = foldText(unit.name)
    unitTerms.set(unit.id, new Set(terms.filter((term) => name.includes(term))))
  }
  const unitHas = (id: string | null, term: string) => id !== null && (unitTerms.get(id)?.has(term) ?? false)
  return (task) => {
    const own = searchableText(task)
    return terms.every((term) => own.includes(term) || unitHas(task.leadUnitId, term) || task.supportUnitIds.some((id) => unitHas(id, term)))
  }
}

const searchable = new WeakMap<Task, string>()
/** Title, description, location and quantity, folded (cached per task object). */
export function searchableText(task: Task): string {
  let text = searchable.get(task)
  if (text === undefined) {
    text = foldText(`${task.title}\n${task.description}\n${task.location}\n${task.quantity}`)
    searchable.set(task, text)
  }
  return text
}

/**
 * A filter read from anywhere (an address, a saved preference, another tab): every field checked,
 * anything unreadable left out, ids bounded. Never throws.
 */
export function readTaskFilter(raw: unknown): TaskFilter {
  if (typeof raw !== 'object' || raw === null) return EMPTY_FILTER
  const source = raw as Record<string, unknown>
  return {
    text: typeof source.text === 'string' ? source.text.slice(0, MAX_TEXT) : '',
    unitIds: readIds(source.unitIds),
    channelIds: readIds(source.channelIds),
    statuses: readIds(source.statuses).filter((s): s is TaskStatus => (TASK_STATUSES as readonly string[]).includes(s)),
    phaseIds: readIds(source.phaseIds),
    late: source.late === true,
    mine: source.mine === true,
    progress: readProgressDrill(source.progress),
  }
}

export const MAX_TEXT = 200
const MAX_IDS = 200

function readIds(raw: unknown): string[] {
  if (!Array.isArray(raw)) return []
  const ids = new Set<string>()
  for (const id of raw) {
    if (ids.size >= MAX_IDS) break
    if (typeof id === 'string' && id.length > 0 && id.length <= 200) ids.add(id)
  }
  return [...ids]
}

/** Same filter (order of ids ignored): a reload or a link does not count as a change. */
export function sameFilter(a: TaskFilter, b: TaskFilter): boolean {
  const sameSet = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v) => y.includes(v))
  return a.text === b.text && a.late === b.late && a.mine === b.mine && sameSet(a.unitIds, b.unitIds)
    && sameSet(a.channelIds, b.channelIds) && sameSet(a.statuses, b.statuses) && sameSet(a.phaseIds, b.phaseIds)
    && sameProgressDrill(a.progress, b.progress)
}
