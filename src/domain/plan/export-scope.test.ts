import { describe, expect, it } from 'vitest'
import { selectTasksForExport } from '@/domain/plan/export-scope'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'

const plan = buildCampaign2021Plan(0)
const all = Object.keys(plan.tasks).length

describe('export scope', () => {
  it('takes every task for the whole plan, sorted by start', () => {
    const tasks = selectTasksForExport(plan, { kind: 'all' })
    expect(tasks).toHaveLength(all)
    expect(tasks.map((t) => t.start)).toEqual([...tasks.map((t) => t.start)].sort())
  })

  it('takes the tasks touching a phase, a lead unit, or a range of days', () => {
    const peak = selectTasksForExport(plan, { kind: 'phase', phaseId: 'phase-peak' })
    expect(peak.length).toBeGreaterThan(0)
    expect(peak.length).toBeLessThan(all)
    expect(peak.some((t) => t.id === 'vn-2021-national-online-training')).toBe(false)
    const byUnit = selectTasksForExport(plan, { kind: 'lead-unit', unitId: 'unit-soTttt' })
    expect(byUnit.every((t) => t.leadUnitId === 'unit-soTttt')).toBe(true)
    const day = selectTasksForExport(plan, { kind: 'range', from: '2021-03-30', to: '2021-03-30' })
    expect(day.some((t) => t.id === 'vn-2021-province-press-training')).toBe(true)
    expect(selectTasksForExport(plan, { kind: 'range', from: '2021-04-02', to: '2021-04-01' })).toEqual([])
  })
})

describe('export scope of a recurring task', () => {
  it('takes a series into a range or phase when any of its occurrences falls in it', () => {
    const base = buildCampaign2021Plan(0)
    const notice = Object.values(base.tasks).find((t) => t.recurrence)!
    // The daily polling notice starts 13/05 and runs to 23/05: a range of 20–21/05 holds two occurrences.
    expect(selectTasksForExport(base, { kind: 'range', from: '2021-05-20', to: '2021-05-21' }).map((t) => t.id)).toContain(notice.id)
    expect(selectTasksForExport(base, { kind: 'range', from: '2021-05-24', to: '2021-05-30' }).map((t) => t.id)).not.toContain(notice.id)
  })
})

describe('export scope "what is shown"', () => {
  it('takes exactly the tasks the views\' predicate keeps, and every task when nothing is filtered', () => {
    const shown = (t: { channelId: string | null }) => t.channelId === plan.channels[0]!.id
    const tasks = selectTasksForExport(plan, { kind: 'shown' }, shown as never)
    expect(tasks.length).toBeGreaterThan(0)
    expect(tasks.length).toBeLessThan(all)
    expect(tasks.every(shown)).toBe(true)
    expect(selectTasksForExport(plan, { kind: 'shown' }, null)).toHaveLength(all)
  })
})
