/**
 * Search as you type, without rescanning 10,000 tasks per letter.
 *
 * Typing one more letter of a word (or another word) can only hide tasks: when every word of the
 * previous search is inside a word of the new one, and nothing else of the filter changed, the new
 * matches are a subset of the previous ones. A predicate made for such a filter carries the one it
 * narrows (`narrowing`), and `matchingTasks` then tests only the previous matches: the filter bar's
 * count went from every task to the few thousand still shown.
 */
import { searchTerms } from '@/domain/filter/fold-text'
import type { TaskFilter, TaskPredicate } from '@/domain/filter/task-filter'
import type { Task } from '@/domain/types'

/** True when every task `next` keeps is also kept by `previous` (text refined, the rest equal). */
export function isNarrowingOf(next: TaskFilter, previous: TaskFilter): boolean {
  const { text: nextText, ...nextRest } = next
  const { text: previousText, ...previousRest } = previous
  if (JSON.stringify({ ...nextRest, progress: nextRest.progress ?? null }) !== JSON.stringify({ ...previousRest, progress: previousRest.progress ?? null })) return false
  const nextTerms = searchTerms(nextText)
  return searchTerms(previousText).every((term) => nextTerms.some((word) => word.includes(term)))
}

/** A predicate that keeps only tasks `narrowed` keeps (see the header). */
export type NarrowingPredicate = TaskPredicate & { narrowing?: TaskPredicate }

/** Marks `next` as keeping a subset of what `previous` keeps. Returns `next`. */
export function markNarrowing(next: TaskPredicate, previous: TaskPredicate): TaskPredicate {
  (next as NarrowingPredicate).narrowing = previous
  // One step back is all matchingTasks reads: cutting the chain lets older predicates (and their
  // cached matches) be collected however long someone types.
  delete (previous as NarrowingPredicate).narrowing
  return next
}

const matchesCache = new WeakMap<TaskPredicate, { tasks: Record<string, Task>; matches: Task[] }>()

/**
 * The tasks of `tasks` that `keep` keeps, in record order; remembered per predicate and task record,
 * and computed from the previous matches when `keep` narrows a predicate asked before.
 */
export function matchingTasks(tasks: Record<string, Task>, keep: TaskPredicate): Task[] {
  const cached = matchesCache.get(keep)
  if (cached && cached.tasks === tasks) return cached.matches
  const narrowed = (keep as NarrowingPredicate).narrowing
  const previous = narrowed ? matchesCache.get(narrowed) : undefined
  const candidates = previous && previous.tasks === tasks ? previous.matches : Object.values(tasks)
  const matches = candidates.filter((task) => keep(task))
  matchesCache.set(keep, { tasks, matches })
  return matches
}
