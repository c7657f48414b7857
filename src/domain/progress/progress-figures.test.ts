import { describe, expect, it } from 'vitest'
import { compileTaskFilter, EMPTY_FILTER } from '@/domain/filter/task-filter'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import { computeProgressFigures } from '@/domain/progress/progress-figures'
import { selectProgressItems, taskIdsOf } from '@/domain/progress/progress-items'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Plan, Task, TrainingDetails } from '@/domain/types'

const task = (id: string, extra: Partial<Task>): Task => ({
  ...emptyTaskDraft('2021-04-20', '2021-04-21', true), id, title: id, createdAt: 0, updatedAt: 0, ...extra,
})
const training = (extra: Partial<TrainingDetails>): TrainingDetails => ({
  connectionPointCount: null, connectionPoints: [], participantCount: null, participants: '', topics: [], presenters: [], ...extra,
})

/**
 * The 2021 election (D = 23/05, phases 1/1 | 1/4 | 24/05 to the results on 12/06) with a small set of
 * tasks, viewed as of Friday 30/04/2021 unless a test says otherwise:
 * - a: all-day 10–12/04, done on 12/04: done.
 * - b: 20/04, done on 3/05: as of 30/04 begun, not done, and late.
 * - c: timed 28/04 08:00–11:30, planned: late.
 * - d: daily 26–30/04 with 28/04 cancelled, in progress: 4 occurrences, 3 late, 30/04 due.
 * - e: cancelled.
 * - f: timed 4/05 20:00 – 5/05 00:00, planned: due within 7 days.
 * - g: a weekly training on Mondays 19/04–17/05 (5 sessions), done on 10/05.
 * - h: 30/03–1/04 across the first two phases, no unit or channel: late, in the first phase only.
 * - i: 20/12/2020, before every phase, no unit or channel: late, outside the phases.
 */
function fixturePlan(): Plan {
  const template = buildCampaign2021Plan(0)
  const tasks: Task[] = [
    task('a', { start: '2021-04-10', end: '2021-04-13', leadUnitId: 'u1', channelId: 'c1', status: 'done', doneOn: '2021-04-12' }),
    task('b', { start: '2021-04-20', end: '2021-04-21', leadUnitId: 'u1', channelId: 'c1', status: 'done', doneOn: '2021-05-03' }),
    task('c', { allDay: false, start: '2021-04-28T08:00', end: '2021-04-28T11:30', leadUnitId: 'u2', channelId: 'c2' }),
    task('d', {
      start: '2021-04-26', end: '2021-04-27', leadUnitId: 'u2', channelId: 'c2', status: 'in-progress',
      recurrence: { frequency: 'daily', interval: 1, weekdays: [], until: '2021-04-30', count: null, exceptions: { '2021-04-28': { type: 'cancelled' } } },
    }),
    task('e', { start: '2021-04-15', end: '2021-04-16', leadUnitId: 'u3', channelId: 'c1', status: 'cancelled', training: training({ participantCount: 999 }) }),
    task('f', { allDay: false, start: '2021-05-04T20:00', end: '2021-05-05T00:00', leadUnitId: 'u3' }),
    task('g', {
      allDay: false, start: '2021-04-19T08:00', end: '2021-04-19T11:00', leadUnitId: 'u3', channelId: 'c2', status: 'done', doneOn: '2021-05-10',
      recurrence: { frequency: 'weekly', interval: 1, weekdays: ['MO'], until: null, count: 5, exceptions: {} },
      training: training({ participantCount: 20, connectionPoints: ['Hội trường tỉnh', '12 điểm cầu huyện'], topics: ['Luật Bầu cử', 'luật  bầu cử', 'Tiêu chuẩn người ứng cử'] }),
    }),
    task('h', { start: '2021-03-30', end: '2021-04-02' }),
    task('i', { start: '2020-12-20', end: '2020-12-21' }),
  ]
  return {
    ...template,
    units: ['u1', 'u2', 'u3'].map((id) => ({ id, name: id, updatedAt: 0 })),
    channels: ['c1', 'c2'].map((id) => ({ id, name: id, nameEn: id, color: '#1565c0', campaigning: false, updatedAt: 0 })),
    tasks: Object.fromEntries(tasks.map((t) => [t.id, t])),
  }
}

const plan = fixturePlan()
const asOf30April = computeProgressFigures(plan, { asOf: '2021-04-30' })

describe('progress figures of a small plan as of 30/04/2021', () => {
  it('counts every occurrence of a series, by its status as of the day, with whole percentages adding up to 100', () => {
    const { headline } = asOf30April
    expect(headline.tally.total).toBe(16) // 7 single tasks + 4 of d + 5 of g
    expect(headline.taskCount).toBe(9)
    expect(headline.tally.byStatus).toEqual({ done: 3, 'in-progress': 5, planned: 7, cancelled: 1 })
    // 18.75 / 31.25 / 43.75 / 6.25: the two .75 remainders take the two missing points.
    expect(headline.percent).toEqual({ done: 19, 'in-progress': 31, planned: 44, cancelled: 6 })
  })

  it('does not count work done after the day it is viewed as of', () => {
    const done = selectProgressItems(asOf30April.items, { status: 'done' })
    expect(done.map((i) => `${i.task.id}@${i.firstDay}`)).toEqual(['a@2021-04-10', 'g@2021-04-19', 'g@2021-04-26'])
    const b = asOf30April.items.find((i) => i.task.id === 'b')!
    expect([b.status, b.late]).toEqual(['in-progress', true])
    const later = computeProgressFigures(plan, { asOf: '2021-05-11' })
    expect(later.headline.tally.byStatus.done).toBe(7) // a, b, and all five sessions of g
  })

  it('counts late work: ended before the day, neither done by then nor cancelled, each occurrence on its own', () => {
    const late = selectProgressItems(asOf30April.items, { late: true })
    expect(asOf30April.headline.tally.late).toBe(7)
    expect(late.map((i) => `${i.task.id}@${i.lastDay}`).sort()).toEqual(
      ['b@2021-04-20', 'c@2021-04-28', 'd@2021-04-26', 'd@2021-04-27', 'd@2021-04-29', 'h@2021-04-01', 'i@2020-12-20'],
    )
  })

  it('tells how much late work was in progress as of the day, for the bars that split late work out of each status', () => {
    const lateInProgress = selectProgressItems(asOf30April.items, { late: true, status: 'in-progress' }).length
    expect(asOf30April.headline.tally.lateInProgress).toBe(lateInProgress)
    expect(selectProgressItems(asOf30April.items, { late: true, status: 'planned' }).length).toBe(asOf30April.headline.tally.late - lateInProgress)
    for (const group of [...asOf30April.byUnit, ...asOf30April.byChannel, ...asOf30April.byPhase]) {
      expect(group.tally.lateInProgress).toBe(selectProgressItems(asOf30April.items, { ...group.selection, late: true, status: 'in-progress' }).length)
    }
  })

  it('counts open work due from the day to 7 days on: an all-day occurrence, a timed task ending at midnight, a series not yet done', () => {
    const due = selectProgressItems(asOf30April.items, { dueSoon: true })
    expect(due.map((i) => `${i.task.id}@${i.lastDay}`)).toEqual(['d@2021-04-30', 'g@2021-05-03', 'f@2021-05-04'])
    expect(asOf30April.headline.tally.dueSoon).toBe(3)
    // Seven days from 27/04 run to 3/05: f (4/05) is not due yet, d's 27/04 is due that very day.
    const earlier = computeProgressFigures(plan, { asOf: '2021-04-27' })
    expect(selectProgressItems(earlier.items, { dueSoon: true }).map((i) => i.task.id)).toEqual(['d', 'c', 'd', 'd', 'g'])
    // As of 3/05 the session of g that day is done: done work is not due.
    const may3 = computeProgressFigures(plan, { asOf: '2021-05-03' })
    expect(selectProgressItems(may3.items, { dueSoon: true }).map((i) => `${i.task.id}@${i.lastDay}`)).toEqual(['f@2021-05-04'])
  })

  it('counts days to election day and to the results deadline', () => {
    expect(asOf30April.headline).toMatchObject({ electionDay: '2021-05-23', daysToElection: 23, resultsDeadline: '2021-06-12', daysToResults: 43 })
  })

  it('sorts units and channels by late work first, then by amount of work', () => {
    const units = asOf30April.byUnit.map((g) => [g.key, g.tally.total, g.tally.late])
    expect(units).toEqual([['u2', 5, 4], [null, 2, 2], ['u1', 2, 1], ['u3', 7, 0]])
    const u2 = asOf30April.byUnit[0]!.tally
    expect(u2.byStatus).toEqual({ done: 0, 'in-progress': 4, planned: 1, cancelled: 0 })
    const channels = asOf30April.byChannel.map((g) => [g.key, g.tally.total, g.tally.late])
    expect(channels).toEqual([['c2', 10, 4], [null, 3, 2], ['c1', 3, 1]])
  })

  it('opens the tasks behind a bar with its own selection', () => {
    const u1 = asOf30April.byUnit.find((g) => g.key === 'u1')!
    expect(taskIdsOf(selectProgressItems(asOf30April.items, u1.selection))).toEqual(['a', 'b'])
    const none = asOf30April.byChannel.find((g) => g.key === null)!
    expect(taskIdsOf(selectProgressItems(asOf30April.items, none.selection))).toEqual(['i', 'h', 'f'])
    for (const group of [...asOf30April.byUnit, ...asOf30April.byChannel, ...asOf30April.byPhase]) {
      expect(selectProgressItems(asOf30April.items, group.selection)).toHaveLength(group.tally.total)
    }
  })

  it('puts each occurrence in one phase, the first it touches, and keeps work outside every phase apart', () => {
    expect(asOf30April.byPhase.map((g) => [g.key, g.tally.total, g.tally.late])).toEqual([
      ['phase-general', 1, 1], ['phase-peak', 14, 5], ['phase-after', 0, 0], [null, 1, 1],
    ])
    // The same tasks under other phases (a phase edited in the settings) are placed again.
    const oneLongPhase = { ...plan, phases: [{ ...plan.phases[0]!, start: '2020-12-01', end: '2021-07-01' }] }
    expect(computeProgressFigures(oneLongPhase, { asOf: '2021-04-30' }).byPhase.map((g) => [g.key, g.tally.total])).toEqual([['phase-general', 16]])
  })

  it('follows the app\'s filter', () => {
    const keep = compileTaskFilter({ ...EMPTY_FILTER, unitIds: ['u2'] }, { units: plan.units, phases: plan.phases, today: '2021-04-30', myUnitIds: [] })
    const figures = computeProgressFigures(plan, { asOf: '2021-04-30', keep })
    expect(figures.headline.tally).toMatchObject({ total: 5, late: 4, dueSoon: 1 })
    expect(figures.byUnit.map((g) => g.key)).toEqual(['u2'])
  })
})

describe('burn-up', () => {
  it('rises by planned work and by work done up to the as-of day, marks that day, and knows nothing done after it', () => {
    const { burnUp } = asOf30April
    expect([burnUp.from, burnUp.to, burnUp.total]).toEqual(['2021-01-01', '2021-06-12', 15]) // all but the cancelled task
    const at = (date: string) => burnUp.points.find((p) => p.date === date)
    expect(burnUp.points[0]).toEqual({ date: '2021-01-01', planned: 1, done: 0 }) // i ended in 2020
    expect(at('2021-04-25')).toEqual({ date: '2021-04-25', planned: 5, done: 2 })
    expect(at('2021-04-30')).toEqual({ date: '2021-04-30', planned: 11, done: 3 })
    expect(burnUp.points[burnUp.asOfIndex!]!.date).toBe('2021-04-30')
    expect(at('2021-05-02')).toEqual({ date: '2021-05-02', planned: 11, done: null })
    expect(burnUp.points.at(-1)).toEqual({ date: '2021-06-12', planned: 15, done: null })
    // Weekly points fall on Sundays, between the first day and the results deadline.
    expect(burnUp.points.filter((p) => !['2021-01-01', '2021-04-30', '2021-06-12'].includes(p.date))
      .every((p) => new Date(`${p.date}T00:00Z`).getUTCDay() === 0)).toBe(true)
  })

  it('counts the sessions of a done series from their own days, and the work done late from the day it was done', () => {
    const figures = computeProgressFigures(plan, { asOf: '2021-05-20', burnUpStep: 'day' })
    const at = (date: string) => figures.burnUp.points.find((p) => p.date === date)!
    expect(figures.burnUp.points).toHaveLength(163) // 1/01 to 12/06/2021, every day
    expect(at('2021-05-02').done).toBe(3) // a, g 19/04, g 26/04
    expect(at('2021-05-03').done).toBe(5) // + b (done on 3/05) + g 3/05
    expect(at('2021-05-10').done).toBe(7) // + g 10/05 and g 17/05 (the series was signed off on 10/05)
    expect(at('2021-05-20').done).toBe(7)
    expect(at('2021-05-21').done).toBeNull()
  })

  it('has no as-of point when the day is outside the campaign', () => {
    const figures = computeProgressFigures(plan, { asOf: '2021-07-01' })
    expect(figures.burnUp.asOfIndex).toBeNull()
    expect(figures.burnUp.points.at(-1)!.done).toBe(7)
  })
})

describe('trainings and conferences', () => {
  it('counts each session of a series, leaves cancelled ones out, and counts listed connection points', () => {
    const { trainings } = asOf30April
    expect(trainings).toMatchObject({ count: 5, held: 2, participants: 100, participantsUnknown: 0, connectionPoints: 65, connectionPointsAtLeast: false, topics: 2 })
    expect(trainings.sessions[0]!.connectionPoints.parts.map((p) => p.count)).toEqual([1, 12])
  })

  it('holds the 2021 figures: 63 provincial and 400+ district points on 25/02, 130 participants and 3 topics on 30/03', () => {
    const { trainings } = computeProgressFigures(buildCampaign2021Plan(0), { asOf: '2021-04-30' })
    const national = trainings.sessions.find((s) => s.item.firstDay === '2021-02-25')!
    expect(national.connectionPoints.parts.map((p) => [p.count, p.atLeast])).toEqual([[1, false], [63, false], [400, true]])
    expect(national.connectionPoints).toMatchObject({ count: 464, atLeast: true })
    const press = trainings.sessions.find((s) => s.item.firstDay === '2021-03-30')!
    expect(press.item.task.allDay).toBe(false)
    expect([press.participants, press.topics.length]).toEqual([130, 3])
    expect(trainings).toMatchObject({ connectionPoints: 464, connectionPointsAtLeast: true })
    expect(trainings.participants).toBe(27_500 + 130)
  })
})

describe('the next legal milestones', () => {
  it('lists the next three with the open work due by each, after the one before', () => {
    const extra = task('j', { start: '2021-05-10', end: '2021-05-12', leadUnitId: 'u1' })
    const withJ = { ...plan, tasks: { ...plan.tasks, j: extra } }
    const { milestones } = computeProgressFigures(withJ, { asOf: '2021-04-30' })
    expect(milestones.map((m) => [m.milestone.id, m.daysTo])).toEqual([['candidate-lists-posted', 3], ['candidate-complaints-closed', 13], ['polling-notice', 13]])
    // By 3/05: d on 30/04 and g on 3/05 (not done yet on 30/04); by 13/05: f and j. Done and late work is not "due".
    expect(milestones[0]!.items.map((i) => `${i.task.id}@${i.lastDay}`)).toEqual(['d@2021-04-30', 'g@2021-05-03'])
    expect(milestones[1]!.items.map((i) => `${i.task.id}@${i.lastDay}`)).toEqual(['f@2021-05-04', 'g@2021-05-10', 'j@2021-05-11'])
    expect(milestones[2]!.items).toEqual([])
  })
})
