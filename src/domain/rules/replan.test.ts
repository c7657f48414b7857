import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays, diffDays } from '@/domain/dates/local-date'
import { replanElection } from '@/domain/rules/replan'
import { buildCampaign2021Plan, ELECTION_2021 } from '@/domain/templates/campaign-2021'
import type { Plan } from '@/domain/types'

const plan = buildCampaign2021Plan(0)
const datesOf = (p: Plan) => Object.fromEntries(Object.values(p.tasks).map((t) => [t.id, [t.start, t.end, t.anchor]]))

describe('re-planning around election day', () => {
  it('moves every anchored task and phase by exactly k days and no fixed task (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -800, max: 800 }).filter((k) => k !== 0), (k) => {
      const { plan: moved, changes } = replanElection(plan, { ...ELECTION_2021, electionDay: addDays(ELECTION_2021.electionDay, k) }, 1)
      for (const task of Object.values(plan.tasks)) {
        const after = moved.tasks[task.id]!
        const shift = task.anchor.type === 'fixed' ? 0 : k
        expect(after.start).toBe(task.start.length > 10 ? addDays(task.start.slice(0, 10), shift) + task.start.slice(10) : addDays(task.start, shift))
      }
      plan.phases.forEach((phase, i) => expect(moved.phases[i]!.start).toBe(addDays(phase.start, k)))
      expect(changes).toHaveLength(Object.values(plan.tasks).filter((t) => t.anchor.type !== 'fixed').length)
    }), { numRuns: 60 })
  })

  it('gives back the original plan when re-planned D → D′ → D (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -800, max: 800 }), fc.boolean(), (k, amended) => {
      const there = replanElection(plan, { ...ELECTION_2021, electionDay: addDays(ELECTION_2021.electionDay, k), law: amended ? 'law-85-2015-amended-83-2025' : 'law-85-2015' }, 1).plan
      const back = replanElection(there, ELECTION_2021, 2).plan
      expect(datesOf(back)).toEqual(datesOf(plan))
      expect(back.phases).toEqual(plan.phases)
    }), { numRuns: 60 })
  })

  it('makes the 2021 campaign a 2026 one under the amended law: phases and milestone-anchored tasks follow', () => {
    const { plan: p2026, changes } = replanElection(plan, { ...ELECTION_2021, electionDay: '2026-03-15', law: 'law-85-2015-amended-83-2025', announcedOn: null }, 5)
    expect(p2026.phases.map((p) => [p.start, p.end])).toEqual([
      ['2025-10-24', '2026-01-22'], // D-142 … D-53
      ['2026-01-22', '2026-03-16'], // D-52 … D
      ['2026-03-16', '2026-03-26'], // D+1 … results deadline D+10
    ])
    const list = Object.values(p2026.tasks).find((t) => t.anchor.type === 'milestone' && t.anchor.milestoneId === 'official-candidate-lists')!
    expect(list.start).toBe('2026-02-26') // D-17 under the amended law
    expect(changes.every((c) => c.after.start !== c.before.start)).toBe(true)
    expect(Object.values(p2026.tasks).filter((t) => t.anchor.type === 'fixed').every((t) => t.start === plan.tasks[t.id]!.start)).toBe(true)
    // Fixed 2021 tasks are now outside the 2026 campaign; the anchored ones are inside it.
    expect(changes.filter((c) => c.outsidePhases).length).toBeLessThan(changes.length)
  })

  it('names the day off a moved event now falls on, and not the one ongoing work runs through', () => {
    const holidays = [{ date: '2021-05-30', nameVi: 'Ngày nghỉ thử', nameEn: 'Test day off', dayOff: true }]
    const { changes } = replanElection(plan, { ...ELECTION_2021, electionDay: '2021-05-30' }, 1, holidays)
    const covering = changes.filter((c) => c.after.start.slice(0, 10) <= '2021-05-30' && c.after.end.slice(0, 10) > '2021-05-30')
    const days = (c: (typeof changes)[number]) => diffDays(c.after.start.slice(0, 10), c.after.end.slice(0, 10))
    expect(covering.find((c) => days(c) <= 7)?.onHoliday).toBe('Ngày nghỉ thử')
    // Seven weeks of peak coverage run through the day off as a matter of course: not an event to move.
    expect(covering.find((c) => c.taskId === 'vn-2021-peak-media-coverage')?.onHoliday).toBeNull()
    // A series (the daily polling notice, now 20/5–30/5) reaches the day off through its last occurrence.
    const series = new Set(Object.values(plan.tasks).filter((t) => t.recurrence).map((t) => t.id))
    expect(changes.filter((c) => series.has(c.taskId)).every((c) => c.onHoliday === 'Ngày nghỉ thử')).toBe(true)
    expect(changes.filter((c) => !series.has(c.taskId) && c.after.end.slice(0, 10) <= '2021-05-30').every((c) => c.onHoliday === null)).toBe(true)
  })

  it('does not touch the plan it was given', () => {
    const before = JSON.stringify(plan)
    replanElection(plan, { ...ELECTION_2021, electionDay: '2021-06-06' }, 1)
    expect(JSON.stringify(plan)).toBe(before)
  })
})
