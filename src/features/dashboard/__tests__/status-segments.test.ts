import { describe, expect, it } from 'vitest'
import { computeProgressFigures } from '@/domain/progress/progress-figures'
import { selectProgressItems } from '@/domain/progress/progress-items'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Task } from '@/domain/types'
import { SEGMENTS, segmentGroups, segmentSelection } from '@/features/dashboard/utils/status-segments'

const template = buildCampaign2021Plan(0)
const tasks = Object.values(template.tasks).map((task, i): Task => (i % 4 === 0 ? { ...task, status: 'done', doneOn: null } : i % 6 === 0 ? { ...task, status: 'in-progress' } : i % 9 === 0 ? { ...task, status: 'cancelled' } : task))
const plan = { ...template, tasks: Object.fromEntries(tasks.map((t) => [t.id, t])) }
const figures = computeProgressFigures(plan, { asOf: '2021-04-30' })

describe('stacked bar segments', () => {
  it.each([['lead unit', figures.byUnit], ['channel', figures.byChannel], ['phase', figures.byPhase]] as const)('by %s: each segment counts exactly the items its selection opens, and the segments add up to the bar', (_name, groups) => {
    const segmented = segmentGroups(groups)
    expect(segmented.length).toBeGreaterThan(1)
    let late = 0
    for (const { group, counts } of segmented) {
      for (const segment of SEGMENTS) {
        expect(counts[segment], `${group.key} ${segment}`).toBe(selectProgressItems(figures.items, segmentSelection(group.selection, segment)).length)
      }
      expect(SEGMENTS.reduce((sum, s) => sum + counts[s], 0)).toBe(group.tally.total)
      late += counts.late
    }
    expect(late).toBe(figures.headline.tally.late)
    expect(late).toBeGreaterThan(0)
  })
})
