import { describe, expect, it } from 'vitest'
import { addTask, emptyTaskDraft } from '@/domain/plan/plan-ops'
import { createPhaseLookup, phaseOfOccurrence } from '@/domain/plan/task-phase'
import { runPlanChecks } from '@/domain/rules/plan-checks'
import { replanElection } from '@/domain/rules/replan'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Phase, Plan } from '@/domain/types'

const plan = buildCampaign2021Plan(0)
// 2021: general 01/01–31/03, peak 01/04–23/05, after the election 24/05–(results deadline).
const [general, peak, after] = [...plan.phases].sort((a, b) => (a.start < b.start ? -1 : 1)) as [Phase, Phase, Phase]
const allDay = (start: string, end: string) => ({ start, end, allDay: true })

describe('the phase a task belongs to', () => {
  it('is the phase it starts in', () => {
    expect(phaseOfOccurrence(plan.phases, allDay('2021-02-10', '2021-02-11'))?.id).toBe(general.id)
    expect(phaseOfOccurrence(plan.phases, allDay('2021-05-23', '2021-05-24'))?.id).toBe(peak.id)
  })

  it('is the first phase it touches when it starts before the campaign', () => {
    // Starts two days before phase 1 and runs into it.
    expect(phaseOfOccurrence(plan.phases, allDay('2020-12-30', '2021-01-03'))?.id).toBe(general.id)
  })

  it('is the earlier phase for a task touching two', () => {
    expect(phaseOfOccurrence(plan.phases, allDay('2021-03-25', '2021-04-10'))?.id).toBe(general.id)
    expect(phaseOfOccurrence(plan.phases, allDay('2021-05-20', '2021-05-28'))?.id).toBe(peak.id)
  })

  it('reads phases by start, whatever their order in the plan', () => {
    const lookup = createPhaseLookup([after, peak, general])
    expect(lookup(allDay('2021-03-25', '2021-04-10'))?.id).toBe(general.id)
  })

  it('is none for a task touching no phase, including one ending the day a phase starts', () => {
    expect(phaseOfOccurrence(plan.phases, allDay('2020-12-20', '2020-12-22'))).toBeNull()
    // All-day end is exclusive: 30/12–31/12 ends before 01/01.
    expect(phaseOfOccurrence(plan.phases, allDay('2020-12-30', '2021-01-01'))).toBeNull()
    // A timed task ending at 00:00 on 01/01 does not touch that day.
    expect(phaseOfOccurrence(plan.phases, { start: '2020-12-31T20:00', end: '2021-01-01T00:00', allDay: false })).toBeNull()
    expect(phaseOfOccurrence(plan.phases, { start: '2020-12-31T20:00', end: '2021-01-01T00:30', allDay: false })?.id).toBe(general.id)
    expect(phaseOfOccurrence([], allDay('2021-02-10', '2021-02-11'))).toBeNull()
  })

  it('is none exactly when the checks and the re-plan preview say "outside the phases"', () => {
    const spans = [
      ['before', '2020-12-20', '2020-12-22'], ['into', '2020-12-30', '2021-01-03'], ['edge', '2020-12-30', '2021-01-01'],
      ['inside', '2021-02-10', '2021-02-11'], ['across', '2021-03-25', '2021-04-10'], ['after', '2022-01-10', '2022-01-11'],
    ] as const
    let withTasks: Plan = plan
    for (const [id, start, end] of spans) withTasks = addTask(withTasks, { ...emptyTaskDraft(start, end, true), title: id }, 1, id)
    const flagged = new Set(runPlanChecks(withTasks).filter((f) => f.kind === 'outside-phases').map((f) => f.taskId))
    for (const [id, start, end] of spans) {
      expect(flagged.has(id), id).toBe(phaseOfOccurrence(withTasks.phases, allDay(start, end)) === null)
    }
    expect([...flagged].filter((id) => spans.some(([s]) => s === id)).sort()).toEqual(['after', 'before', 'edge'])

    // Move election day a week: the anchored tasks and the phases move, the fixed tasks stay.
    const { plan: replanned, changes } = replanElection(withTasks, { ...withTasks.election, electionDay: '2021-05-30' }, 2)
    const single = changes.filter((change) => !replanned.tasks[change.taskId]!.recurrence)
    expect(single.length).toBeGreaterThan(10)
    for (const change of single) {
      const task = replanned.tasks[change.taskId]!
      expect(change.outsidePhases, change.title).toBe(phaseOfOccurrence(replanned.phases, task) === null)
    }
  })
})
