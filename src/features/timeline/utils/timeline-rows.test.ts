import { describe, expect, it } from 'vitest'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import { UNIT_SEEDS } from '@/domain/templates/units'
import type { AdminLevel, Task } from '@/domain/types'
import { buildTimelineRows, NO_ROW_ID, rowResolver, SCHEDULE_ROW_ID, tallyRows, unitLevelOf } from '@/features/timeline/utils/timeline-rows'

const plan = buildCampaign2021Plan(0)
const labels = { noUnit: 'Chưa có đơn vị chủ trì', noChannel: 'Chưa có kênh', schedule: 'Giai đoạn, mốc pháp lý', channelName: (c: { name: string }) => c.name }
const tasks = Object.values(plan.tasks)

describe('timeline rows', () => {
  it('has a row per unit of the plan, grouped by level top down, between the schedule row and the "none" row', () => {
    const rows = buildTimelineRows(plan, 'units', tallyRows(plan.tasks, '2021-05-01'), labels)
    expect(rows[0]!.id).toBe(SCHEDULE_ROW_ID)
    expect(rows[rows.length - 1]!.id).toBe(NO_ROW_ID)
    expect(rows.slice(1, -1).map((r) => r.id)).toEqual(plan.units.map((u) => u.id))
    const level = (key: keyof typeof UNIT_SEEDS) => rows.find((r) => r.id === `unit-${key}`)!.group
    expect([level('hdbcqg'), level('soTttt'), level('ttPhim'), level('phongVhtt'), level('ubndXa'), level('toBauCu')])
      .toEqual(['national', 'province', 'province', 'district', 'commune', 'commune'])
    // Groups sort top down: national, province, district, commune, other.
    const orders = rows.slice(1).map((r) => r.groupOrder)
    expect([...orders].sort((a, b) => a - b)).toEqual(orders.slice().sort((a, b) => a - b))
    expect(new Set(rows.map((r) => r.group))).toEqual(new Set(['schedule', 'national', 'province', 'district', 'commune', 'other']))
  })

  it('counts each row\'s tasks and the late ones (ended before today, not done or cancelled)', () => {
    const soVhttdl = tasks.filter((t) => t.leadUnitId === 'unit-soVhttdl')
    const rowsBefore = buildTimelineRows(plan, 'units', tallyRows(plan.tasks, '2021-01-01'), labels)
    expect(rowsBefore.find((r) => r.id === 'unit-soVhttdl')!.counts).toEqual({ total: soVhttdl.length, late: 0 })
    const rowsAfter = buildTimelineRows(plan, 'units', tallyRows(plan.tasks, '2021-12-31'), labels)
    const open = soVhttdl.filter((t) => t.status !== 'done' && t.status !== 'cancelled').length
    expect(rowsAfter.find((r) => r.id === 'unit-soVhttdl')!.counts).toEqual({ total: soVhttdl.length, late: open })
    // Every task is counted once, in its lead unit's row.
    expect(rowsAfter.reduce((sum, r) => sum + r.counts.total, 0)).toBe(tasks.length)
  })

  it('counts only what the filter keeps', () => {
    const keep = (t: Task) => t.channelId === 'channel-press'
    const rows = buildTimelineRows(plan, 'channels', tallyRows(plan.tasks, '2021-01-01', keep), labels)
    expect(rows.find((r) => r.id === 'channel-press')!.counts.total).toBe(tasks.filter(keep).length)
    expect(rows.find((r) => r.id === 'channel-radio')!.counts.total).toBe(0)
  })

  it('has a row per channel with its colour in channel mode', () => {
    const rows = buildTimelineRows(plan, 'channels', tallyRows(plan.tasks, '2021-01-01'), labels)
    expect(rows.slice(1, -1).map((r) => [r.id, r.color])).toEqual(plan.channels.map((c) => [c.id, c.color]))
    expect(rows[rows.length - 1]!.title).toBe('Chưa có kênh')
  })

  it('puts tasks of a unit the plan does not hold in the "none" row', () => {
    const orphan: Task = { ...tasks[0]!, id: 'orphan', leadUnitId: 'unit-gone' }
    const rows = buildTimelineRows(plan, 'units', tallyRows({ orphan }, '2021-01-01'), labels)
    expect(rows.find((r) => r.id === NO_ROW_ID)!.counts.total).toBe(1)
    expect(rowResolver(rows)('unit-gone')).toBe(NO_ROW_ID)
    expect(rowResolver(rows)(SCHEDULE_ROW_ID)).toBe(NO_ROW_ID)
    expect(rowResolver(rows)('unit-soTttt')).toBe('unit-soTttt')
  })

  it('gives a unit of the user\'s the level most of its tasks are meant for, else "other"', () => {
    const levels = (entries: [AdminLevel, number][]) => new Map(entries)
    expect(unitLevelOf('unit-x1', levels([['commune', 3], ['district', 1]]))).toBe('commune')
    expect(unitLevelOf('unit-x1', levels([['commune', 2], ['district', 2]]))).toBe('district')
    expect(unitLevelOf('unit-x1', undefined)).toBe('other')
    // A template unit keeps the template's level whatever its tasks say.
    expect(unitLevelOf('unit-ttPhim', levels([['district', 5]]))).toBe('province')
    const { levels: tallied } = tallyRows(plan.tasks, '2021-01-01')
    expect(tallied.get('unit-ubndXa')?.get('commune')).toBeGreaterThan(0)
  })
})
