import { describe, expect, it } from 'vitest'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import { buildCampaign2021Plan, ELECTION_2021 } from '@/domain/templates/campaign-2021'
import { draftToForm, formToDraft } from '@/features/task-editor/utils/task-form'

const plan = buildCampaign2021Plan(0)

describe('task form model', () => {
  it('shows an all-day task with its inclusive last day and gives back the exclusive end', () => {
    const draft = { ...emptyTaskDraft('2021-05-05', '2021-05-07', true), title: 'A' }
    const form = draftToForm(draft)
    expect([form.startDate, form.endDate]).toEqual(['05/05/2021', '06/05/2021'])
    expect(formToDraft(form, draft, ELECTION_2021)).toMatchObject({ start: '2021-05-05', end: '2021-05-07', allDay: true })
  })

  it('round-trips every template task without changing it', () => {
    for (const task of Object.values(plan.tasks)) {
      const { id: _i, createdAt: _c, updatedAt: _u, ...draft } = task
      expect(formToDraft(draftToForm(draft), draft, ELECTION_2021), task.title).toEqual(draft)
    }
  })

  it('keeps bad dates as typed so validation can point at them', () => {
    const draft = emptyTaskDraft('2021-05-05', '2021-05-06', true)
    const form = { ...draftToForm(draft), startDate: '31/02/2021', endDate: 'mai' }
    const result = formToDraft(form, draft, ELECTION_2021)
    expect(result.start).toBe('31/02/2021')
    expect(result.end).toBe('mai')
  })

  it('anchors to election day from the start date', () => {
    const draft = emptyTaskDraft('2021-05-05', '2021-05-06', true)
    const form = { ...draftToForm(draft), startDate: '13/04/2021', endDate: '13/04/2021', anchor: 'election-day' as const }
    expect(formToDraft(form, draft, ELECTION_2021).anchor).toEqual({ type: 'election-day', offsetDays: -40 })
  })

  it('reads timed tasks in 24-hour time and training numbers', () => {
    const draft = emptyTaskDraft('2021-05-05', '2021-05-06', true)
    const form = {
      ...draftToForm(draft), allDay: false, startDate: '30/03/2021', startTime: '8:00', endDate: '30/03/2021', endTime: '11h30',
      isTraining: true, participantCount: '1.300', connectionPointCount: 'nhiều', topics: 'Một\n\nHai\n',
    }
    const result = formToDraft(form, draft, ELECTION_2021)
    expect([result.start, result.end]).toEqual(['2021-03-30T08:00', '2021-03-30T11:30'])
    expect(result.training).toMatchObject({ participantCount: 1300, topics: ['Một', 'Hai'] })
    expect(Number.isNaN(result.training!.connectionPointCount)).toBe(true)
  })
})
