import { describe, expect, it } from 'vitest'
import type { EventApi, EventInput } from '@fullcalendar/core'
import { MarkerTitles } from '@/features/calendar/utils/marker-titles'
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

describe('"+N" counts retitled in place', () => {
  const marker = (title: string) => ({ ...input('more-2021-05-03', title), extendedProps: { kind: 'day-more' } })

  it('compares with the title a marker shows now, not the one FullCalendar was given', () => {
    const shown = shownFrom(withPlaces([input('a'), input('b'), marker('+3')]))
    const titles = new MarkerTitles()
    // The calendar was handed "+3"; a keystroke showed "+2" in place.
    expect(titles.retitle(shown[2]!, '+2')).toBe(true)
    expect(planReconcile(shown, withPlaces([input('a'), input('b'), marker('+2')]), titles.titleOf)).toEqual({ remove: [], add: [], patch: [] })
    expect(planReconcile(shown, withPlaces([input('a'), input('b'), marker('+5')]), titles.titleOf)!.patch).toHaveLength(1)
    // Without the in-place title, "+2" would be patched again on every keystroke.
    expect(planReconcile(shown, withPlaces([input('a'), input('b'), marker('+2')]))!.patch).toHaveLength(1)
  })

  it('writes the count into every element of the marker, leaves tasks to FullCalendar, and forgets on removal or fetch', () => {
    const element = () => {
      const text = { textContent: '+3' }
      const content = { title: '+3' }
      return { title: '+3', text, content, querySelector: (selector: string) => (selector === '.event-title' ? text : selector === '.event-content' ? content : null) }
    }
    const [shownMarker, shownTask] = shownFrom([marker('+3'), input('a')])
    const titles = new MarkerTitles()
    const inGrid = element()
    const inPopover = element()
    titles.mounted(shownMarker!, inGrid as unknown as HTMLElement)
    titles.mounted(shownMarker!, inPopover as unknown as HTMLElement)
    titles.mounted(shownTask!, element() as unknown as HTMLElement)
    expect(titles.retitle(shownTask!, 'renamed')).toBe(false)
    titles.unmounted(shownMarker!, inPopover as unknown as HTMLElement)
    expect(titles.retitle(shownMarker!, '+7')).toBe(true)
    expect([inGrid.title, inGrid.text.textContent, inGrid.content.title]).toEqual(['+7', '+7', '+7'])
    expect(inPopover.text.textContent).toBe('+3')
    expect(titles.titleOf(shownMarker!)).toBe('+7')
    titles.forget(shownMarker!.id)
    expect(titles.titleOf(shownMarker!)).toBe('+3')
    titles.retitle(shownMarker!, '+8')
    titles.clear()
    expect(titles.titleOf(shownMarker!)).toBe('+3')
  })
})
