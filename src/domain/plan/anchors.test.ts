import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays } from '@/domain/dates/local-date'
import { resolveAnchoredDates } from '@/domain/plan/anchors'
import { computeMilestones } from '@/domain/rules/milestones'
import { buildCampaign2021Plan, ELECTION_2021 } from '@/domain/templates/campaign-2021'

const plan = buildCampaign2021Plan(0)

describe('anchored tasks', () => {
  it('move by exactly k days when election day moves by k; fixed tasks stay (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -400, max: 400 }), (k) => {
      const election = { ...ELECTION_2021, electionDay: addDays(ELECTION_2021.electionDay, k), announcedOn: null }
      const before = computeMilestones({ ...ELECTION_2021, announcedOn: null })
      const after = computeMilestones(election)
      for (const task of Object.values(plan.tasks)) {
        const base = resolveAnchoredDates(task, ELECTION_2021.electionDay, before)
        const moved = resolveAnchoredDates(task, election.electionDay, after)
        const shift = task.anchor.type === 'fixed' ? 0 : k
        expect(moved.start.slice(0, 10)).toBe(addDays(base.start.slice(0, 10), shift))
        expect(moved.end.slice(0, 10)).toBe(addDays(base.end.slice(0, 10), shift))
        expect(moved.start.slice(10)).toBe(base.start.slice(10))
      }
    }), { numRuns: 50 })
  })

  it('follow a milestone that the amended law moves', () => {
    const task = Object.values(plan.tasks).find((t) => t.anchor.type === 'milestone' && t.anchor.milestoneId === 'official-candidate-lists')
    expect(task).toBeDefined()
    const amended = { ...ELECTION_2021, law: 'law-85-2015-amended-83-2025' as const }
    const moved = resolveAnchoredDates(task!, amended.electionDay, computeMilestones(amended))
    // D-25 → D-17: eight days later.
    expect(moved.start).toBe(addDays(task!.start, 8))
  })
})
