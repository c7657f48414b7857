/**
 * The stacked bars of the dashboard: each group's work split into five parts that do not overlap
 * (late first, then in progress, not started, done, cancelled), each with the selection that opens
 * exactly its tasks. The counts are made in one pass over the items (10,000 at most, however many
 * units), and the test checks them against `selectProgressItems` with the same selections, so a
 * bar's segment and the list it opens agree.
 */
import type { ProgressGroup } from '@/domain/progress/progress-figures'
import type { ProgressItem, ProgressSelection } from '@/domain/progress/progress-items'

export const SEGMENTS = ['late', 'in-progress', 'planned', 'done', 'cancelled'] as const
export type Segment = (typeof SEGMENTS)[number]
export type SegmentCounts = Record<Segment, number>

export type GroupField = 'leadUnitId' | 'channelId' | 'phaseId'

/** The part an item counts in: late work is late whatever its status; the rest by status. */
export function segmentOf(item: ProgressItem): Segment {
  return item.late ? 'late' : item.status
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

const keyOf: Record<GroupField, (item: ProgressItem) => string | null> = {
  leadUnitId: (item) => item.task.leadUnitId,
  channelId: (item) => item.task.channelId,
  phaseId: (item) => item.phaseId,
}

export function emptyCounts(): SegmentCounts {
  return { late: 0, 'in-progress': 0, planned: 0, done: 0, cancelled: 0 }
}

/** Per group key (null: none), the items in each segment. */
export function countSegments(items: readonly ProgressItem[], field: GroupField): Map<string | null, SegmentCounts> {
  const counts = new Map<string | null, SegmentCounts>()
  const key = keyOf[field]
  for (const item of items) {
    const k = key(item)
    let c = counts.get(k)
    if (!c) counts.set(k, (c = emptyCounts()))
    c[segmentOf(item)] += 1
  }
  return counts
}

export interface SegmentedGroup {
  group: ProgressGroup
  counts: SegmentCounts
}

/** The groups in the figures' order (late first), each with its segments. */
export function segmentGroups(items: readonly ProgressItem[], groups: readonly ProgressGroup[], field: GroupField): SegmentedGroup[] {
  const counts = countSegments(items, field)
  return groups.map((group) => ({ group, counts: counts.get(group.key) ?? emptyCounts() }))
}
