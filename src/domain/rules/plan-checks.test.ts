import { describe, expect, it } from 'vitest'
import { addTask, dismissCheck, emptyTaskDraft, updateChannel } from '@/domain/plan/plan-ops'
import { runPlanChecks } from '@/domain/rules/plan-checks'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Plan } from '@/domain/types'

const base = buildCampaign2021Plan(0)
const add = (plan: Plan, id: string, start: string, end: string, extra: object = {}) =>
  addTask(plan, { ...emptyTaskDraft(start, end, start.length === 10), title: id, ...extra }, 1, id)
const kindsFor = (plan: Plan, id: string) => runPlanChecks(plan).filter((f) => f.taskId === id).map((f) => f.kind).sort()

describe('plan checks', () => {
  it('finds nothing wrong with a task inside the campaign', () => {
    const plan = add(base, 'ok', '2021-05-05', '2021-05-06', { leadUnitId: 'unit-soTttt' })
    expect(kindsFor(plan, 'ok')).toEqual([])
  })

  it('flags campaigning work on D-1 (from 07:00) or D, by task or by channel', () => {
    let plan = add(base, 'flagged', '2021-05-22', '2021-05-23', { campaigning: true })
    expect(kindsFor(plan, 'flagged')).toEqual(['campaigning-on-silence-days'])
    plan = add(plan, 'early', '2021-05-22T05:00', '2021-05-22T06:30', { campaigning: true })
    expect(kindsFor(plan, 'early')).toEqual([])
    plan = updateChannel(add(plan, 'by-channel', '2021-05-23', '2021-05-24', { channelId: 'channel-mobile' }), 'channel-mobile', { campaigning: true }, 2)
    expect(kindsFor(plan, 'by-channel')).toContain('campaigning-on-silence-days')
  })

  it('checks a recurring task occurrence by occurrence, reporting each kind once, at its first such day', () => {
    const recurrence = { frequency: 'daily' as const, interval: 1, weekdays: [], until: '2021-05-23', count: null, exceptions: {} }
    let plan = add(base, 'series', '2021-05-18', '2021-05-19', { campaigning: true, recurrence })
    expect(runPlanChecks(plan).filter((f) => f.taskId === 'series' && f.kind === 'campaigning-on-silence-days')).toEqual([
      { kind: 'campaigning-on-silence-days', taskId: 'series', severity: 'warning', date: '2021-05-22' },
    ])
    // Cancel the occurrences on D-1 and D: nothing left to flag.
    plan = add(base, 'series', '2021-05-18', '2021-05-19', {
      campaigning: true, recurrence: { ...recurrence, exceptions: { '2021-05-22': { type: 'cancelled' }, '2021-05-23': { type: 'cancelled' } } },
    })
    expect(kindsFor(plan, 'series')).toEqual([])
  })

  it('flags tasks after the results deadline, before the announcement, and outside every phase', () => {
    let plan = add(base, 'late', '2021-06-20', '2021-06-21')
    plan = add(plan, 'early', '2020-11-01', '2020-11-02')
    expect(kindsFor(plan, 'late')).toEqual(['after-results-deadline', 'outside-phases'])
    expect(kindsFor(plan, 'early')).toEqual(['before-announcement', 'outside-phases'])
  })

  it('flags a lead unit with more tasks on one day than the setting allows', () => {
    let plan = { ...base, checks: { ...base.checks, maxTasksPerUnitPerDay: 2 } }
    for (const id of ['u1', 'u2', 'u3']) plan = add(plan, id, '2021-05-05', '2021-05-06', { leadUnitId: 'unit-tinhDoan' })
    const found = runPlanChecks(plan).filter((f) => f.kind === 'unit-overloaded' && f.taskId.startsWith('u'))
    expect(found.map((f) => f.taskId).sort()).toEqual(['u1', 'u2', 'u3'])
    expect(found[0]).toMatchObject({ date: '2021-05-05', detail: 3 })
  })

  it('warns of an event held on a day off, and groups ongoing work that merely runs through one', () => {
    const tet = [{ date: '2021-02-12', nameVi: 'Tết Nguyên Đán', nameEn: 'Lunar New Year', dayOff: true }]
    let plan = add(base, 'event', '2021-02-11', '2021-02-14')
    plan = add(plan, 'training', '2021-02-01', '2021-02-20', { training: { connectionPointCount: null, connectionPoints: [], participantCount: null, participants: '', topics: [], presenters: [] } })
    plan = add(plan, 'coverage', '2021-02-01', '2021-03-01')
    const found = runPlanChecks(plan, tet)
    expect(found.find((f) => f.taskId === 'event')).toMatchObject({ kind: 'on-holiday', severity: 'warning', date: '2021-02-12' })
    expect(found.find((f) => f.taskId === 'training')).toMatchObject({ kind: 'on-holiday', severity: 'warning' })
    expect(found.find((f) => f.taskId === 'coverage')).toMatchObject({ kind: 'spans-holiday', severity: 'info', date: '2021-02-12' })
  })

  it('ends the campaigning silence when the polls close on D (21:00 at the latest)', () => {
    let plan = add(base, 'evening', '2021-05-23T20:00', '2021-05-23T22:00', { campaigning: true })
    plan = add(plan, 'night', '2021-05-23T21:00', '2021-05-23T23:00', { campaigning: true })
    expect(kindsFor(plan, 'evening')).toEqual(['campaigning-on-silence-days'])
    expect(kindsFor(plan, 'night')).toEqual([])
  })

  it('leaves out a dismissed finding for that task only', () => {
    let plan = add(add(base, 'a', '2021-06-20', '2021-06-21'), 'b', '2021-06-20', '2021-06-21')
    plan = dismissCheck(plan, 'a', 'after-results-deadline', 2)
    expect(kindsFor(plan, 'a')).toEqual(['outside-phases'])
    expect(kindsFor(plan, 'b')).toContain('after-results-deadline')
  })
})
