import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays } from '@/domain/dates/local-date'
import { anchorBaseDate, resolveAnchoredDates } from '@/domain/plan/anchors'
import { addTask, emptyTaskDraft, moveTask } from '@/domain/plan/plan-ops'
import { replanElection } from '@/domain/rules/replan'
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

describe('tasks anchored at both ends', () => {
  const MILESTONE_IDS = computeMilestones(ELECTION_2021).map((m) => m.id)
  const anchorArb = fc.oneof(
    fc.record({ type: fc.constant('election-day' as const), offsetDays: fc.integer({ min: -150, max: 30 }) }),
    fc.record({ type: fc.constant('milestone' as const), milestoneId: fc.constantFrom(...MILESTONE_IDS), offsetDays: fc.integer({ min: -30, max: 30 }) }),
  )
  const taskArb = fc.record({
    allDay: fc.boolean(),
    anchor: anchorArb,
    endAnchor: anchorArb,
    lengthDays: fc.integer({ min: 1, max: 60 }),
    minute: fc.integer({ min: 0, max: 1439 }),
  })
  const electionArb = fc.record({
    k: fc.integer({ min: -900, max: 900 }),
    law: fc.constantFrom('law-85-2015' as const, 'law-85-2015-amended-83-2025' as const),
  })
  const hhmm = (minute: number) => `T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`

  it('stay inside their window when random plans are re-planned under both laws (property)', () => {
    fc.assert(fc.property(fc.array(taskArb, { minLength: 1, maxLength: 8 }), electionArb, (seeds, { k, law }) => {
      let plan = buildCampaign2021Plan(0)
      plan = { ...plan, tasks: {} }
      seeds.forEach((seed, i) => {
        // Placed at its start anchor under 2021, its length as drawn: the re-plan recomputes both ends.
        const base = anchorBaseDate(seed.anchor, ELECTION_2021.electionDay, computeMilestones(ELECTION_2021))!
        const startDate = addDays(base, seed.anchor.offsetDays)
        const start = seed.allDay ? startDate : startDate + hhmm(seed.minute)
        const end = seed.allDay ? addDays(startDate, seed.lengthDays) : addDays(startDate, seed.lengthDays) + hhmm(seed.minute)
        plan = addTask(plan, { ...emptyTaskDraft(start, end, seed.allDay), title: `t${i}`, anchor: seed.anchor, endAnchor: seed.endAnchor }, 1, `t${i}`)
      })
      const election = { ...ELECTION_2021, electionDay: addDays(ELECTION_2021.electionDay, k), law, announcedOn: null }
      const milestones = computeMilestones(election)
      const moved = replanElection(plan, election, 2).plan
      for (const task of Object.values(moved.tasks)) {
        const opens = addDays(anchorBaseDate(task.anchor, election.electionDay, milestones)!, (task.anchor as { offsetDays: number }).offsetDays)
        const closes = addDays(anchorBaseDate(task.endAnchor!, election.electionDay, milestones)!, (task.endAnchor as { offsetDays: number }).offsetDays)
        const timeOfEnd = task.allDay ? '' : task.end.slice(10)
        // The law's closing bound always holds: the end is exactly the end anchor's date.
        expect(task.end).toBe(closes + timeOfEnd)
        // The opening bound holds whenever the window is not empty; when a law closes it before it
        // opens, the end wins and the task ends at the close, early rather than late.
        const startTime = task.allDay ? '' : task.start.slice(10)
        if (closes + timeOfEnd > opens + startTime) expect(task.start).toBe(opens + startTime)
        else expect(task.start < opens + startTime).toBe(true)
        expect(task.end > task.start).toBe(true)
      }
    }), { numRuns: 200 })
  })

  it('keep the 2021 candidate-list communication inside campaigning under the amended law', () => {
    const task = plan.tasks['vn-2021-official-candidate-lists-communication']!
    const amended = { ...ELECTION_2021, electionDay: '2026-03-15', law: 'law-85-2015-amended-83-2025' as const }
    // D-17 … 07:00 on D-1: the exclusive all-day end is D-1 (14/03/2026), the last full day D-2.
    expect(resolveAnchoredDates(task, amended.electionDay, computeMilestones(amended))).toEqual({ start: '2026-02-26', end: '2026-03-14' })
  })

  it('move the end anchor with the end when the user drags the task', () => {
    const task = plan.tasks['vn-2021-official-candidate-lists-communication']!
    const moved = moveTask(plan, task.id, { start: addDays(task.start, 1), end: addDays(task.end, -1), allDay: true }, 5).tasks[task.id]!
    expect(moved.endAnchor).toEqual({ type: 'milestone', milestoneId: 'campaigning-ends', offsetDays: -1 })
  })
})
