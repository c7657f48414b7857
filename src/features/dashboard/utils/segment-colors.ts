/**
 * The colours of the stacked bars' segments, shared by the dashboard's HTML bars, their legend and
 * the report's pictures of them (status-chart-picture.ts), so screen, paper and Word agree.
 */
import type { Segment } from '@/features/dashboard/utils/status-segments'

/** Status colours (units, phases); late is the same red everywhere. */
export const SEGMENT_COLORS: Record<Segment, string> = {
  late: '#c62828', 'in-progress': '#f0a500', planned: '#8fa3b3', done: '#2e7d32', cancelled: '#d8dee4',
}
/** On a channel's bar its own colour, lighter the less finished the work. */
const SEGMENT_ALPHA: Record<Exclude<Segment, 'late' | 'cancelled'>, number> = { done: 1, 'in-progress': 0.6, planned: 0.3 }

export function segmentColor(segment: Segment, rowColor: string | undefined): string {
  if (!rowColor || segment === 'late' || segment === 'cancelled') return SEGMENT_COLORS[segment]
  return withAlpha(rowColor, SEGMENT_ALPHA[segment])
}

function withAlpha(hex: string, alpha: number): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim())
  if (!m) return hex
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`
}
