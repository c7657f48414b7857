/**
 * The one rule for which phase a task (or one occurrence of a recurring task) belongs to, shared by
 * every export (CSV, XLSX, Word, print), the checks ('outside-phases') and the re-plan preview:
 *
 *   an occurrence belongs to the first phase, by start, whose days it touches;
 *   it is outside the phases exactly when it touches none.
 *
 * "Touches" rather than "starts in": a task starting two days before the first phase and running into
 * it is work of that phase, and the checks do not warn about it; grouping it under "Ngoài các giai
 * đoạn" in one file and under the phase in another made the same plan read two ways (issue 10).
 * Phases with the same start keep the plan's order, so the answer never depends on sort stability.
 */
import { datePart } from '@/domain/dates/local-date'
import { lastDay } from '@/domain/plan/task-dates'
import type { Phase, Task } from '@/domain/types'

/** What the rule reads of an occurrence: its bounds, and whether they are all-day dates. */
export type OccurrenceSpan = Pick<Task, 'start' | 'end' | 'allDay'>

/** Finds the phase of an occurrence (see the module header); null when it touches no phase. */
export type PhaseLookup<P extends Pick<Phase, 'start' | 'end'>> = (span: OccurrenceSpan) => P | null

/**
 * The rule over a fixed list of phases, sorted once: for the thousands of rows of an export or the
 * tasks of a check run. The phases are not changed.
 */
export function createPhaseLookup<P extends Pick<Phase, 'start' | 'end'>>(phases: readonly P[]): PhaseLookup<P> {
  // Array.prototype.sort is stable, so phases starting the same day keep the plan's order.
  const ordered = [...phases].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
  return (span) => {
    const first = datePart(span.start)
    const last = lastDay(span)
    for (const phase of ordered) {
      // Inclusive [first, last] against the phase's [start, end).
      if (first < phase.end && last >= phase.start) return phase
    }
    return null
  }
}

/** The phase an occurrence belongs to, or null when it is outside every phase. */
export function phaseOfOccurrence<P extends Pick<Phase, 'start' | 'end'>>(phases: readonly P[], span: OccurrenceSpan): P | null {
  return createPhaseLookup(phases)(span)
}
