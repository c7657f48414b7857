import { describe, expect, it } from 'vitest'
import type { EventApi, EventInput } from '@fullcalendar/core'
import { planReconcile, withPlaces } from '@/features/calendar/utils/reconcile-task-events'

const input = (id: string, title = id, start = '2021-05-03'): EventInput => ({ id, title, start, allDay: true, extendedProps: { kind: 'task', taskId: id } })
/** What the calendar holds after it was handed `inputs`: the id and extendedProps an EventApi exposes. */
const shownFrom = (inputs: EventInput[]) => inputs.map((i) => ({
  id: String(i.id), title: i.title, backgroundColor: '', borderColor: '', textColor: '', classNames: [], extendedProps: i.extendedProps!,
}) as unknown as EventApi)

describe('planReconcile', () => {
  it('keeps events that did not change, removes those filtered out and adds the new ones', () => {
    const shown = shownFrom(withPlaces([input('a'), input('b'), input('c'), input('d'), input('e')]))
    const plan = planReconcile(shown, withPlaces([input('a'), input('b'), input('c'), input('d'), input('f')]))!
    expect(plan.remove.map((e) => e.id)).toEqual(['e'])
    expect(plan.add.map((i) => i.id)).toEqual(['f'])
  })

  it('replaces an event that moved and patches one that only shows another title or "+N" count', () => {
    const same = ['c', 'd', 'e', 'f', 'g', 'h'].map((id) => input(id))
    const shown = shownFrom(withPlaces([input('a'), input('b'), ...same, input('more-2021-05-03', '+3')]))
    const plan = planReconcile(shown, withPlaces([input('a'), input('b', 'b', '2021-05-04'), ...same, input('more-2021-05-03', '+2')]))!
    expect(plan.remove.map((e) => e.id)).toEqual(['b'])
    expect(plan.add.map((i) => i.id)).toEqual(['b'])
    expect(plan.patch.map(({ event, input }) => [event.id, input.title])).toEqual([['more-2021-05-03', '+2']])
  })

  it('drops a duplicate id and leaves nothing to do when nothing changed', () => {
    const inputs = withPlaces([input('a'), input('b')])
    expect(planReconcile(shownFrom(inputs), inputs)).toEqual({ remove: [], add: [], patch: [] })
    const twice = shownFrom(withPlaces([input('a'), input('a'), input('b')]))
    expect(planReconcile(twice, withPlaces([input('a'), input('b')]))!.remove).toHaveLength(1)
  })

  it('gives up (refetch) when most events change', () => {
    const shown = shownFrom(withPlaces([input('a'), input('b'), input('c')]))
    expect(planReconcile(shown, withPlaces([input('x'), input('y'), input('z')]))).toBeNull()
  })
})
