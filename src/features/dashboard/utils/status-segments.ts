/**
 * The stacked bars of the dashboard: each group's work split into five parts that do not overlap
 * (late first, then in progress, not started, done, cancelled), each with the selection that opens
 * exactly its tasks. The counts come from each group's tally (made in the figures' one pass over the
 * items), and the test checks them against `selectProgressItems` with the same selections, so a
 * bar's segment and the list it opens agree.
 */
import type { ProgressGroup } from '@/domain/progress/progress-figures'
import type { ProgressSelection, StatusTally } from '@/domain/progress/progress-items'

export const SEGMENTS = ['late', 'in-progress', 'planned', 'done', 'cancelled'] as const
export type Segment = (typeof SEGMENTS)[number]
export type SegmentCounts = Record<Segment, number>

/** One bar: a group (lead unit, channel or phase) with its segments. */
export interface StatusBarRow {
  key: string
  label: string
  counts: SegmentCounts
  total: number
  selection: ProgressSelection
  /** The row's own colour (a channel's), or undefined for the status colours. */
  color?: string
}

/** The selection of one segment of a group. */
export function segmentSelection(base: ProgressSelection, segment: Segment): ProgressSelection {
  switch (segment) {
    case 'late': return { ...base, late: true }
    case 'in-progress':
    case 'planned': return { ...base, status: segment, late: false }
    default: return { ...base, status: segment }
  }
}

/**
 * A group's segments, from its tally: late work is never done or cancelled, so it comes out of in
 * progress (`lateInProgress`) and not started (the rest of `late`).
 */
export function segmentCounts(tally: StatusTally): SegmentCounts {
  return {
    late: tally.late,
    'in-progress': tally.byStatus['in-progress'] - tally.lateInProgress,
    planned: tally.byStatus.planned - (tally.late - tally.lateInProgress),
    done: tally.byStatus.done,
    cancelled: tally.byStatus.cancelled,
  }
}

export interface SegmentedGroup {
  group: ProgressGroup
  counts: SegmentCounts
}

/** The groups in the figures' order (late first), each with its segments. */
export function segmentGroups(groups: readonly ProgressGroup[]): SegmentedGroup[] {
  return groups.map((group) => ({ group, counts: segmentCounts(group.tally) }))
}
