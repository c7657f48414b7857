import { describe, expect, it } from 'vitest'
import { datePart } from '@/domain/dates/local-date'
import { lastDay } from '@/domain/plan/task-dates'
import { resolveAnchoredDates } from '@/domain/plan/anchors'
import { validateTaskDraft } from '@/domain/plan/validate-task'
import { computeMilestones } from '@/domain/rules/milestones'
import { buildCampaign2021Plan, ELECTION_2021 } from '@/domain/templates/campaign-2021'
import { CAMPAIGN_2021_TASK_SEEDS } from '@/domain/templates/campaign-2021-tasks'
import { CHANNEL_SEEDS } from '@/domain/templates/channels'

const plan = buildCampaign2021Plan(0)
const tasks = Object.values(plan.tasks)

describe('the embedded 2021 campaign', () => {
  it('is the 2021 election, on Sunday 23/05/2021 under Law 85/2015', () => {
    expect(plan.election.electionDay).toBe('2021-05-23')
    expect(plan.election.law).toBe('law-85-2015')
  })

  it('has three phases: from 1/1, the peak from 1/4 to D, and after D until results (12/6)', () => {
    expect(plan.phases.map((p) => [p.start, p.end])).toEqual([
      ['2021-01-01', '2021-04-01'],
      ['2021-04-01', '2021-05-24'],
      ['2021-05-24', '2021-06-13'],
    ])
  })

  it('has at least 40 tasks with unique ids, every one inside the plan window', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(40)
    expect(new Set(tasks.map((t) => t.id)).size).toBe(CAMPAIGN_2021_TASK_SEEDS.length)
    const first = plan.phases[0]!.start
    const lastExclusive = plan.phases[plan.phases.length - 1]!.end
    for (const task of tasks) {
      expect(datePart(task.start) >= first, task.title).toBe(true)
      expect(lastDay(task) < lastExclusive, task.title).toBe(true)
    }
  })

  it('covers every phase and every channel', () => {
    for (const phase of plan.phases) {
      expect(tasks.some((t) => datePart(t.start) >= phase.start && datePart(t.start) < phase.end), phase.name).toBe(true)
    }
    for (const channel of CHANNEL_SEEDS) {
      expect(tasks.some((t) => t.channelId === `channel-${channel.key}`), channel.key).toBe(true)
    }
  })

  it('references only units and channels that exist, and every task passes validation', () => {
    const unitIds = new Set(plan.units.map((u) => u.id))
    const channelIds = new Set(plan.channels.map((c) => c.id))
    for (const task of tasks) {
      expect(task.channelId === null || channelIds.has(task.channelId)).toBe(true)
      expect(task.leadUnitId !== null && unitIds.has(task.leadUnitId), task.title).toBe(true)
      for (const id of task.supportUnitIds) expect(unitIds.has(id), `${task.title}: ${id}`).toBe(true)
      expect(validateTaskDraft(task, plan), task.title).toEqual({})
    }
  })

  it('keeps a source and a verified flag on every task', () => {
    for (const task of tasks) {
      expect(task.source?.note.length, task.title).toBeGreaterThan(0)
      expect(['yes', 'partly', 'unverified']).toContain(task.source?.verified)
    }
  })

  it('holds the real 2021 events of the reference and the seeds', () => {
    const national = plan.tasks['vn-2021-national-online-training']!
    expect(datePart(national.start)).toBe('2021-02-25')
    expect(plan.units.find((u) => u.id === national.leadUnitId)?.name).toBe('Bộ Nội vụ')
    expect(national.training?.connectionPoints.join(' ')).toMatch(/63/)
    expect(national.training?.connectionPoints.join(' ')).toMatch(/400/)

    const daklak = plan.tasks['vn-2021-province-press-training']!
    expect(datePart(daklak.start)).toBe('2021-03-30')
    expect(plan.units.find((u) => u.id === daklak.leadUnitId)?.name).toBe('Sở Thông tin và Truyền thông')
    expect(daklak.training?.participantCount).toBe(130)
    expect(daklak.training?.topics).toHaveLength(3)

    const onDay = (day: string) => tasks.filter((t) => datePart(t.start) <= day && lastDay(t) >= day)
    expect(onDay('2021-04-13').some((t) => t.channelId === 'channel-radio' && datePart(t.start) === '2021-04-13')).toBe(true)
    expect(tasks.some((t) => t.channelId === 'channel-visual' && lastDay(t) === '2021-04-18')).toBe(true)
    expect(tasks.some((t) => t.channelId === 'channel-mobile' && datePart(t.start) === '2021-05-11' && lastDay(t) === '2021-05-12')).toBe(true)
    expect(tasks.some((t) => t.channelId === 'channel-mobile' && datePart(t.start) === '2021-05-20')).toBe(true)
    // The daily notice of polling time and place: one series, D-10 to D.
    expect(tasks.some((t) => datePart(t.start) === '2021-05-13' && t.recurrence?.until === '2021-05-23' && t.anchor.type === 'election-day')).toBe(true)
    expect(tasks.some((t) => t.start === '2021-05-22T07:00')).toBe(true)
    expect(tasks.some((t) => t.quantity.includes('30 pano'))).toBe(true)
  })

  it('anchors law-driven tasks to election day, and anchors resolve back to the template dates', () => {
    const anchored = tasks.filter((t) => t.anchor.type !== 'fixed')
    expect(anchored.length).toBeGreaterThanOrEqual(10)
    const milestones = computeMilestones(ELECTION_2021)
    for (const task of anchored) {
      expect(resolveAnchoredDates(task, ELECTION_2021.electionDay, milestones), task.title).toEqual({ start: task.start, end: task.end })
    }
  })
})
