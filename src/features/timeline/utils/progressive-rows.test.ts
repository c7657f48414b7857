import { describe, expect, it } from 'vitest'
import type { EventInput } from '@fullcalendar/core'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import { crowdedRowHeight, eventsOfFirstRows, rowsForViewport, rowsInDisplayOrder } from '@/features/timeline/utils/progressive-rows'
import { buildTimelineRows, NO_ROW_ID, SCHEDULE_ROW_ID, tallyRows } from '@/features/timeline/utils/timeline-rows'

const plan = buildCampaign2021Plan(0)
const labels = { noUnit: '-', noChannel: '-', schedule: 'S', channelName: (c: { name: string }) => c.name }

describe('rows drawn first on a crowded timeline', () => {
  it('orders the rows as FullCalendar shows them: schedule, then by level top down, plan order within, "none" last', () => {
    const rows = buildTimelineRows(plan, 'units', tallyRows(plan.tasks, '2021-05-01'), labels)
    const order = rowsInDisplayOrder(rows)
    expect(order[0]).toBe(SCHEDULE_ROW_ID)
    expect(order[order.length - 1]).toBe(NO_ROW_ID)
    const byId = new Map(rows.map((r) => [r.id, r]))
    const groups = order.map((id) => byId.get(id)!.groupOrder)
    expect(groups).toEqual([...groups].sort((a, b) => a - b))
    // Within a level, the plan's order (a national unit listed after a provincial one still comes first).
    for (let i = 1; i < order.length; i += 1) {
      const [a, b] = [byId.get(order[i - 1]!)!, byId.get(order[i]!)!]
      if (a.groupOrder === b.groupOrder) expect(a.order).toBeLessThan(b.order)
    }
    expect(new Set(order)).toEqual(new Set(rows.map((r) => r.id)))
  })

  it('guesses the rows of the first screen from the height of a crowded row', () => {
    expect(crowdedRowHeight(2)).toBe(66)
    // 1366 × 768: the schedule row and five units show; ten rows are drawn first.
    expect(rowsForViewport(768, crowdedRowHeight(2))).toBe(10)
    expect(rowsForViewport(0, 66)).toBe(1)
  })

  it('gives the events of the first rows only, and every event (the same array) once all rows are drawn', () => {
    const events: EventInput[] = [
      { id: '1', resourceId: 'a' }, { id: '2', resourceId: 'c' }, { id: '3', resourceId: 'b' }, { id: '4', resourceId: 'elsewhere' }, { id: '5', resourceId: 'a' },
    ]
    const order = ['a', 'b', 'c']
    expect(eventsOfFirstRows(events, order, 1).map((e) => e.id)).toEqual(['1', '4', '5'])
    expect(eventsOfFirstRows(events, order, 2).map((e) => e.id)).toEqual(['1', '3', '4', '5'])
    expect(eventsOfFirstRows(events, order, 3)).toBe(events)
    expect(eventsOfFirstRows(events, order, 10)).toBe(events)
  })
})
