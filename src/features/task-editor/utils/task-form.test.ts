import { describe, expect, it } from 'vitest'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import { buildCampaign2021Plan, ELECTION_2021 } from '@/domain/templates/campaign-2021'
import { draftToForm, formToDraft, validateDoneOn } from '@/features/task-editor/utils/task-form'
import { validateTaskDraft } from '@/domain/plan/validate-task'

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

  it('anchors the end as well as the start: the all-day end counts from the day after the last day', () => {
    const draft = { ...emptyTaskDraft('2021-04-28', '2021-05-22', true), title: 'Ứng cử viên' }
    const form = { ...draftToForm(draft), anchor: 'milestone:official-candidate-lists' as const, endAnchor: 'milestone:campaigning-ends' as const }
    expect(formToDraft(form, draft, ELECTION_2021)).toMatchObject({
      anchor: { type: 'milestone', milestoneId: 'official-candidate-lists', offsetDays: 0 },
      // Last day 21/05 (D-2): the exclusive end 22/05 is the day campaigning ends (D-1, 07:00).
      endAnchor: { type: 'milestone', milestoneId: 'campaigning-ends', offsetDays: 0 },
    })
    expect(formToDraft({ ...form, endAnchor: 'fixed' }, draft, ELECTION_2021).endAnchor).toBeNull()
  })

  it('turns the repeat fields into a rule, keeps exceptions the rule still has, and reports a bad rule', () => {
    const draft = {
      ...emptyTaskDraft('2021-05-13', '2021-05-14', true), title: 'Loa',
      recurrence: { frequency: 'daily' as const, interval: 1, weekdays: [], until: '2021-05-23', count: null, exceptions: { '2021-05-15': { type: 'cancelled' as const }, '2021-05-22': { type: 'cancelled' as const } } },
    }
    const form = draftToForm(draft)
    expect(form).toMatchObject({ repeat: 'daily', repeatUntil: '23/05/2021', repeatEnd: 'until' })
    // Ending the series on 20/05 drops the exception of 22/05, which it no longer has.
    expect(formToDraft({ ...form, repeatUntil: '20/05/2021' }, draft, ELECTION_2021).recurrence).toEqual({
      ...draft.recurrence, until: '2021-05-20', exceptions: { '2021-05-15': { type: 'cancelled' } },
    })
    const weekly = formToDraft({ ...form, repeat: 'weekly', repeatWeekdays: ['TH', 'MO'], repeatEnd: 'count', repeatCount: '4' }, draft, ELECTION_2021)
    expect(weekly.recurrence).toMatchObject({ frequency: 'weekly', weekdays: ['MO', 'TH'], until: null, count: 4 })
    expect(formToDraft({ ...form, repeat: 'none' }, draft, ELECTION_2021).recurrence).toBeNull()
    // A moved occurrence holds all-day bounds: turning the series into a timed one drops it, keeps the cancelled.
    const withMoved = { ...draft, recurrence: { ...draft.recurrence, exceptions: { ...draft.recurrence.exceptions, '2021-05-16': { type: 'moved' as const, start: '2021-05-17', end: '2021-05-18' } } } }
    expect(Object.keys(formToDraft({ ...draftToForm(withMoved), allDay: false }, withMoved, ELECTION_2021).recurrence!.exceptions)).toEqual(['2021-05-15', '2021-05-22'])
    expect(validateTaskDraft(formToDraft({ ...form, repeatUntil: '31/02/2021' }, draft, ELECTION_2021), plan).recurrence).toBe('invalidDate')
    expect(validateTaskDraft(formToDraft({ ...form, repeatUntil: '01/05/2021' }, draft, ELECTION_2021), plan).recurrence).toBe('untilBeforeStart')
    expect(validateTaskDraft(formToDraft({ ...form, repeatInterval: 'hai' }, draft, ELECTION_2021), plan).recurrence).toBe('invalidInterval')
    expect(validateTaskDraft(formToDraft({ ...form, repeatEnd: 'count', repeatCount: '' }, draft, ELECTION_2021), plan).recurrence).toBe('invalidCount')
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

describe('the done-on day in the form', () => {
  const base = { ...emptyTaskDraft('2021-04-20', '2021-04-23', true), title: 'Pano' }

  it('shows a done task\'s day and gives it back; leaving done drops it', () => {
    const done = { ...base, status: 'done' as const, doneOn: '2021-04-22' }
    const form = draftToForm(done)
    expect(form.doneOn).toBe('22/04/2021')
    expect(formToDraft(form, done, ELECTION_2021).doneOn).toBe('2021-04-22')
    expect(formToDraft({ ...form, doneOn: '25/04/2021' }, done, ELECTION_2021).doneOn).toBe('2021-04-25')
    expect(formToDraft({ ...form, status: 'in-progress' }, done, ELECTION_2021).doneOn).toBeNull()
    expect(formToDraft({ ...form, doneOn: ' ' }, done, ELECTION_2021).doneOn).toBeNull()
  })

  it('refuses a day after today, before the start, or no date at all', () => {
    const form = { ...draftToForm(base), status: 'done' as const }
    const check = (doneOn: string, today = '2021-05-10') => validateDoneOn(formToDraft({ ...form, doneOn }, base, ELECTION_2021), today)
    expect(check('10/05/2021')).toBeNull()
    expect(check('20/04/2021')).toBeNull()
    expect(check('11/05/2021')).toBe('afterToday')
    expect(check('19/04/2021')).toBe('beforeStart')
    expect(check('31/04/2021')).toBe('invalidDate')
    expect(check('hôm qua')).toBe('invalidDate')
    expect(check('')).toBeNull()
    expect(validateDoneOn({ ...formToDraft({ ...form, doneOn: '11/05/2021' }, base, ELECTION_2021), status: 'planned' }, '2021-05-10')).toBeNull()
  })
})
