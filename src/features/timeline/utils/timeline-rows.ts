/**
 * The timeline's rows: the plan's units (grouped by administrative level) or its channels, each with
 * how many tasks it leads and how many of them are late, plus one row for tasks without a unit or
 * channel and one row on top for the phases and legal milestones. Rows are dozens, not thousands:
 * the counts are one pass over the plan's tasks.
 *
 * A unit has no level of its own in the plan (src/domain/types.ts `Unit`): a template unit takes the
 * level of the group the template lists it under (units.ts), any other unit the level most of its
 * tasks are meant for (`Task.level`), else "other".
 */
import { isTaskLate } from '@/domain/plan/task-progress'
import type { UnitKey } from '@/domain/templates/units'
import type { AdminLevel, Plan, Task } from '@/domain/types'

/** The row of tasks with no lead unit (or no channel). */
export const NO_ROW_ID = '__none'
/** The row on top that shows the phases and the legal milestones (no task may be dropped there). */
export const SCHEDULE_ROW_ID = '__schedule'

export type RowMode = 'units' | 'channels'
export type RowGroup = AdminLevel | 'other' | 'schedule'

/** Group order, top down; also the value FullCalendar groups and sorts the rows by. */
const GROUP_ORDER: Record<RowGroup, number> = { schedule: 0, national: 1, province: 2, district: 3, commune: 4, other: 5 }

/** The level of each template unit, as units.ts groups them (a new template unit must be placed here). */
const TEMPLATE_UNIT_LEVELS = {
  hdbcqg: 'national', boNoiVu: 'national', boTttt: 'national', boTuPhap: 'national', boVhttdl: 'national', vtv: 'national', qpvn: 'national', ttxvn: 'national',
  tinhUy: 'province', ubndTinh: 'province', ubbcTinh: 'province', tieuBanTt: 'province', banTuyenGiao: 'province', banDanVan: 'province',
  soTttt: 'province', soVhttdl: 'province', soTuPhap: 'province', soNoiVu: 'province', mttqTinh: 'province', baoTinh: 'province',
  daiPtthTinh: 'province', congTtdt: 'province', ttVanHoa: 'province', ttPhim: 'province', tinhDoan: 'province', coQuanBaoChi: 'province', soNganh: 'province',
  ubndHuyen: 'district', phongVhtt: 'district', ttVhttHuyen: 'district', daiHuyen: 'district',
  ubndXa: 'commune', daiXa: 'commune', mttqXa: 'commune', toBauCu: 'commune',
} as const satisfies Record<UnitKey, AdminLevel>

export interface RowCounts {
  /** Tasks the row leads (units) or carries (channels) that the filter keeps. */
  total: number
  late: number
}

export interface TimelineRow {
  id: string
  title: string
  group: RowGroup
  /** Sorts groups, then rows within a group (plan order). */
  groupOrder: number
  order: number
  /** Channel rows: the channel's colour, shown as a swatch. */
  color: string | null
  counts: RowCounts
}

/** The row a task sits in (as lead unit or channel). */
export function rowIdOf(task: Pick<Task, 'leadUnitId' | 'channelId'>, mode: RowMode): string {
  return (mode === 'units' ? task.leadUnitId : task.channelId) ?? NO_ROW_ID
}

/** What the rows count, for both kinds of rows at once (a switch of rows reuses it). */
export interface RowTally {
  byUnit: Map<string, RowCounts>
  byChannel: Map<string, RowCounts>
  /** Per lead unit: how many of its tasks are meant for each level. */
  levels: Map<string, Map<AdminLevel, number>>
}

function bump(counts: Map<string, RowCounts>, id: string, late: boolean) {
  let row = counts.get(id)
  if (!row) counts.set(id, (row = { total: 0, late: 0 }))
  row.total += 1
  if (late) row.late += 1
}

/** One pass over the plan's tasks: per unit and per channel, the total and the late ones; per unit, its tasks' levels. */
export function tallyRows(tasks: Record<string, Task>, today: string, keep?: (task: Task) => boolean): RowTally {
  const byUnit = new Map<string, RowCounts>()
  const byChannel = new Map<string, RowCounts>()
  const levels = new Map<string, Map<AdminLevel, number>>()
  for (const task of Object.values(tasks)) {
    if (task.leadUnitId !== null && task.level !== null) {
      let perLevel = levels.get(task.leadUnitId)
      if (!perLevel) levels.set(task.leadUnitId, (perLevel = new Map()))
      perLevel.set(task.level, (perLevel.get(task.level) ?? 0) + 1)
    }
    if (keep && !keep(task)) continue
    const late = isTaskLate(task, today)
    bump(byUnit, rowIdOf(task, 'units'), late)
    bump(byChannel, rowIdOf(task, 'channels'), late)
  }
  return { byUnit, byChannel, levels }
}

/** A unit's level: the template's, else the level most of its tasks are meant for, else "other". */
export function unitLevelOf(unitId: string, taskLevels: ReadonlyMap<AdminLevel, number> | undefined): AdminLevel | 'other' {
  const key = unitId.startsWith('unit-') ? unitId.slice(5) : ''
  if (Object.prototype.hasOwnProperty.call(TEMPLATE_UNIT_LEVELS, key)) return TEMPLATE_UNIT_LEVELS[key as UnitKey]
  let best: AdminLevel | 'other' = 'other'
  let bestCount = 0
  // Ties go to the higher level (the map's order is the tasks' order, so compare explicitly).
  for (const [level, count] of taskLevels ?? []) {
    if (count > bestCount || (count === bestCount && best !== 'other' && GROUP_ORDER[level] < GROUP_ORDER[best])) {
      best = level
      bestCount = count
    }
  }
  return best
}

export interface RowLabels {
  noUnit: string
  noChannel: string
  schedule: string
  channelName: (channel: Plan['channels'][number]) => string
}

/** The rows for the plan, top down: the schedule row, then units by level (or channels), then "none". */
export function buildTimelineRows(plan: Pick<Plan, 'units' | 'channels'>, mode: RowMode, tally: RowTally, labels: RowLabels): TimelineRow[] {
  const { levels } = tally
  const counts = mode === 'units' ? tally.byUnit : tally.byChannel
  const countsOf = (id: string): RowCounts => counts.get(id) ?? { total: 0, late: 0 }
  const rows: TimelineRow[] = [{ id: SCHEDULE_ROW_ID, title: labels.schedule, group: 'schedule', groupOrder: 0, order: 0, color: null, counts: { total: 0, late: 0 } }]
  if (mode === 'units') {
    plan.units.forEach((unit, i) => {
      const group = unitLevelOf(unit.id, levels.get(unit.id))
      rows.push({ id: unit.id, title: unit.name, group, groupOrder: GROUP_ORDER[group], order: i + 1, color: null, counts: countsOf(unit.id) })
    })
  } else {
    plan.channels.forEach((channel, i) => {
      rows.push({ id: channel.id, title: labels.channelName(channel), group: 'other', groupOrder: 1, order: i + 1, color: channel.color, counts: countsOf(channel.id) })
    })
  }
  // Tasks whose unit or channel is not in the plan (an import, a deleted unit) sit with the "none" row.
  const known = new Set(rows.map((r) => r.id))
  let orphans: RowCounts = countsOf(NO_ROW_ID)
  for (const [id, c] of counts) {
    if (id !== NO_ROW_ID && !known.has(id)) orphans = { total: orphans.total + c.total, late: orphans.late + c.late }
  }
  rows.push({
    id: NO_ROW_ID, title: mode === 'units' ? labels.noUnit : labels.noChannel, group: 'other', groupOrder: GROUP_ORDER.other,
    order: Number.MAX_SAFE_INTEGER, color: null, counts: orphans,
  })
  return rows
}

/** Row ids a task may be shown in; anything unknown goes to the "none" row. */
export function rowResolver(rows: readonly TimelineRow[]): (id: string | null) => string {
  const known = new Set(rows.map((r) => r.id))
  return (id) => (id !== null && known.has(id) && id !== SCHEDULE_ROW_ID ? id : NO_ROW_ID)
}
