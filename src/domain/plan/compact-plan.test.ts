import { describe, expect, it } from 'vitest'
import { compactPlan } from '@/domain/plan/compact-plan'
import { restorePlan } from '@/domain/plan/restore-plan'
import { addTask, emptyTaskDraft } from '@/domain/plan/plan-ops'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'

describe('compact storage form', () => {
  it('restores to exactly the same plan', () => {
    const plan = addTask(buildCampaign2021Plan(5), { ...emptyTaskDraft('2021-05-05', '2021-05-06', true), title: 'Trống' }, 6, 'bare')
    const restored = restorePlan(JSON.parse(JSON.stringify(compactPlan(plan))))
    expect(restored).toEqual(plan)
  })

  it('leaves out default fields and the id', () => {
    const plan = addTask(buildCampaign2021Plan(5), { ...emptyTaskDraft('2021-05-05', '2021-05-06', true), title: 'Trống' }, 6, 'bare')
    expect(Object.keys((compactPlan(plan).tasks as Record<string, object>).bare!).sort()).toEqual(['createdAt', 'end', 'start', 'title', 'updatedAt'])
  })
})
