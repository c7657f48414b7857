import { describe, expect, it } from 'vitest'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import { validateTaskDraft } from '@/domain/plan/validate-task'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'

const plan = buildCampaign2021Plan(0)
const valid = { ...emptyTaskDraft('2021-05-05', '2021-05-06', true), title: 'Hội nghị' }

describe('task validation', () => {
  it('accepts a complete draft', () => {
    expect(validateTaskDraft(valid, plan)).toEqual({})
  })

  it('requires a title of at most 200 characters', () => {
    expect(validateTaskDraft({ ...valid, title: '   ' }, plan)).toEqual({ title: 'required' })
    expect(validateTaskDraft({ ...valid, title: 'x'.repeat(200) }, plan)).toEqual({})
    expect(validateTaskDraft({ ...valid, title: 'x'.repeat(201) }, plan)).toEqual({ title: 'tooLong' })
  })

  it('rejects impossible dates and an end before the start', () => {
    expect(validateTaskDraft({ ...valid, start: '2021-02-30' }, plan).start).toBe('invalidDate')
    expect(validateTaskDraft({ ...valid, start: '2021-05-06', end: '2021-05-06' }, plan).end).toBe('endBeforeStart')
    expect(validateTaskDraft({ ...valid, allDay: false, start: '2021-05-06T10:00', end: '2021-05-06T09:00' }, plan).end).toBe('endBeforeStart')
    expect(validateTaskDraft({ ...valid, allDay: false, start: '2021-05-06T25:00', end: '2021-05-06T09:00' }, plan).start).toBe('invalidTime')
  })

  it('rejects references to units and channels that do not exist', () => {
    expect(validateTaskDraft({ ...valid, leadUnitId: 'unit-nope', channelId: 'channel-nope', supportUnitIds: ['x'] }, plan))
      .toEqual({ leadUnitId: 'unknownReference', channelId: 'unknownReference', supportUnitIds: 'unknownReference' })
  })

  it('checks training counts are whole numbers', () => {
    const training = { connectionPointCount: 2.5, connectionPoints: [], participantCount: -1, participants: '', topics: [], presenters: [] }
    expect(validateTaskDraft({ ...valid, training }, plan)).toEqual({ connectionPointCount: 'invalidCount', participantCount: 'invalidCount' })
  })
})
