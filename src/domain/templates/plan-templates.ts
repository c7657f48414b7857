/**
 * New plans: from the 2021 campaign, from the same campaign re-planned for 2026 under the amended law,
 * or blank; for any election day and either law. A template is instantiated by moving the whole
 * campaign to the new election day: anchored tasks follow their anchor (milestones move with the law),
 * fixed-date tasks keep their distance to election day (so a 2021 news event lands where it would
 * fall in the new campaign), statuses start again at "planned".
 */
import { diffDays, shiftByDays } from '@/domain/dates/local-date'
import { newId } from '@/domain/plan/ids'
import { replanElection } from '@/domain/rules/replan'
import { buildTemplateChannels, buildTemplateUnits, unitIdOf } from '@/domain/templates/build-plan'
import { UNIT_SEEDS, type UnitKey } from '@/domain/templates/units'
import { buildCampaign2021Plan, DOCUMENT_2021, ELECTION_2021, VIETNAM_TIME_ZONE } from '@/domain/templates/campaign-2021'
import { buildDefaultPhases } from '@/domain/templates/phases'
import type { AdminLevel, ElectionSettings, EpochMs, Plan, Task, Unit } from '@/domain/types'

export type PlanTemplateId = 'vn-2021' | 'vn-2026' | 'blank'

/** Election of the 16th National Assembly: D = Sunday 15/03/2026 (Resolution 199/2025/QH15 of 21/05/2025), amended law. */
export const ELECTION_2026: ElectionSettings = {
  name: 'Bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026-2031',
  nameEn: 'Election of the 16th National Assembly and People’s Councils 2026-2031',
  electionDay: '2026-03-15',
  law: 'law-85-2015-amended-83-2025',
  announcedOn: '2025-05-21',
}

export const PLAN_TEMPLATES: Record<PlanTemplateId, { election: ElectionSettings }> = {
  'vn-2021': { election: ELECTION_2021 },
  'vn-2026': { election: ELECTION_2026 },
  blank: { election: ELECTION_2026 },
}

export interface NewPlanOptions {
  name: string
  level: AdminLevel
  locality: string
  election: ElectionSettings
}

export function createPlanFromTemplate(template: PlanTemplateId, options: NewPlanOptions, now: EpochMs, id: string = newId('plan')): Plan {
  const base = buildCampaign2021Plan(now)
  const shell: Plan = {
    ...base,
    id,
    name: options.name.trim(),
    level: options.level,
    locality: options.locality.trim(),
    parentPlanId: null,
    timeZone: VIETNAM_TIME_ZONE,
    document: { ...DOCUMENT_2021, subject: `Thông tin, tuyên truyền cuộc ${lowerFirst(options.election.name)}` },
    checks: { maxTasksPerUnitPerDay: 5, dismissed: {} },
    deletedTasks: {},
    createdAt: now,
    updatedAt: now,
  }
  if (template === 'blank') {
    return { ...shell, election: options.election, phases: buildDefaultPhases(options.election), units: buildTemplateUnits(now), channels: buildTemplateChannels(now), tasks: {} }
  }
  return moveCampaign(shell, options.election, now)
}

/** The campaign moved to another election: see the file header. */
export function moveCampaign(plan: Plan, election: ElectionSettings, now: EpochMs): Plan {
  const shift = diffDays(plan.election.electionDay, election.electionDay)
  const replanned = replanElection(plan, election, now).plan
  const tasks: Record<string, Task> = {}
  for (const task of Object.values(replanned.tasks)) {
    const moved = task.anchor.type === 'fixed' ? { start: shiftByDays(task.start, shift), end: shiftByDays(task.end, shift) } : {}
    tasks[task.id] = { ...task, ...moved, status: 'planned', createdAt: now, updatedAt: now }
  }
  return { ...replanned, tasks }
}

/** A copy of a plan under a new id and name (tasks keep their ids: ids are unique within a plan). */
export function duplicatePlan(plan: Plan, name: string, now: EpochMs, id: string = newId('plan')): Plan {
  return { ...plan, id, name: name.trim(), createdAt: now, updatedAt: now }
}

/** Tasks a lower-level plan takes by default: those meant for that level or below. */
export function defaultTasksForLevel(parent: Plan, level: AdminLevel): Task[] {
  const order: AdminLevel[] = ['national', 'province', 'district', 'commune']
  return Object.values(parent.tasks).filter((t) => t.level !== null && order.indexOf(t.level) >= order.indexOf(level))
}

/** The units a lower-level plan starts with (the template's district and commune units; the user edits them). */
const LEVEL_UNIT_KEYS: Record<'district' | 'commune', UnitKey[]> = {
  district: ['ubndHuyen', 'phongVhtt', 'ttVhttHuyen', 'daiHuyen', 'ubndXa', 'daiXa', 'mttqXa', 'toBauCu'],
  commune: ['ubndXa', 'daiXa', 'mttqXa', 'toBauCu'],
}

/**
 * Who does at a lower level what a higher-level unit does in the parent plan, where the template
 * has an obvious counterpart (the Department of Information leads, the district's Office of Culture
 * and Information does it there). A unit without one stays as it is.
 */
const UNIT_COUNTERPARTS: Record<'district' | 'commune', Partial<Record<UnitKey, UnitKey>>> = {
  district: { ubndTinh: 'ubndHuyen', soTttt: 'phongVhtt', soVhttdl: 'phongVhtt', daiPtthTinh: 'daiHuyen', ttVanHoa: 'ttVhttHuyen' },
  commune: { ubndTinh: 'ubndXa', ubndHuyen: 'ubndXa', daiPtthTinh: 'daiXa', daiHuyen: 'daiXa', mttqTinh: 'mttqXa' },
}

/** The unit names a plan of this level starts with. */
export function defaultUnitNamesForLevel(level: AdminLevel): string[] {
  if (level !== 'district' && level !== 'commune') return []
  return LEVEL_UNIT_KEYS[level].map((key) => UNIT_SEEDS[key])
}

/**
 * A district or commune plan derived from a parent plan: copies of the chosen tasks (new ids, each
 * remembering its parent task), a link to the parent plan, and units of its own (`unitNames`, by
 * default those of its level). A copied task's units are the new plan's counterparts where the
 * template knows one (Sở TT&TT → Phòng VH-TT); a parent unit a copied task still names (e.g. the
 * province department that runs a training the district attends) is kept, so no task loses its unit.
 */
export function derivePlan(
  parent: Plan,
  options: { name: string; level: AdminLevel; locality: string; taskIds: readonly string[]; unitNames?: readonly string[] },
  now: EpochMs,
  id: string = newId('plan'),
): Plan {
  const defaultKeys = options.level === 'district' || options.level === 'commune' ? LEVEL_UNIT_KEYS[options.level] : []
  const units = ownUnits(parent, options.unitNames ?? defaultUnitNamesForLevel(options.level), defaultKeys, now)
  const byId = new Map(units.map((u) => [u.id, u]))
  const counterparts = options.level === 'district' || options.level === 'commune' ? UNIT_COUNTERPARTS[options.level] : {}
  const unitFor = (unitId: string): string => {
    const key = unitId.startsWith('unit-') ? (unitId.slice('unit-'.length) as UnitKey) : null
    const counterpart = key !== null ? counterparts[key] : undefined
    if (counterpart !== undefined && byId.has(unitIdOf(counterpart))) return unitIdOf(counterpart)
    if (!byId.has(unitId)) {
      const kept = parent.units.find((u) => u.id === unitId)
      if (kept) {
        const copy = { ...kept, updatedAt: now }
        units.push(copy)
        byId.set(copy.id, copy)
      }
    }
    return unitId
  }
  const tasks: Record<string, Task> = {}
  for (const taskId of options.taskIds) {
    const source = parent.tasks[taskId]
    if (!source) continue
    const copyId = newId('task')
    const leadUnitId = source.leadUnitId === null ? null : unitFor(source.leadUnitId)
    const supportUnitIds = [...new Set(source.supportUnitIds.map(unitFor))].filter((u) => u !== leadUnitId)
    tasks[copyId] = {
      ...source, id: copyId, leadUnitId, supportUnitIds, derivedFromTaskId: source.id, status: 'planned', createdAt: now, updatedAt: now,
    }
  }
  return {
    ...parent,
    id,
    name: options.name.trim(),
    level: options.level,
    locality: options.locality.trim(),
    parentPlanId: parent.id,
    units,
    channels: parent.channels.map((c) => ({ ...c, updatedAt: now })),
    tasks,
    deletedTasks: {},
    checks: { ...parent.checks, dismissed: {} },
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * Units named by the user: a parent unit of the same name keeps its id; a default line the user
 * renamed in place ("Ủy ban nhân dân cấp huyện" → "UBND huyện Krông Bông") keeps the id of the
 * default it replaces, so tasks still map to it; other names get new ids.
 */
function ownUnits(parent: Plan, names: readonly string[], defaultKeys: readonly UnitKey[], now: EpochMs): Unit[] {
  const parentByName = new Map(parent.units.map((u) => [u.name.trim().toLocaleLowerCase('vi'), u]))
  const seen = new Set<string>()
  const usedIds = new Set<string>()
  const units: Unit[] = []
  names.forEach((raw, line) => {
    const name = raw.trim()
    const key = name.toLocaleLowerCase('vi')
    if (!name || seen.has(key)) return
    seen.add(key)
    const byName = parentByName.get(key)?.id
    const byLine = line < defaultKeys.length ? unitIdOf(defaultKeys[line]!) : undefined
    const id = byName && !usedIds.has(byName) ? byName : byLine && !usedIds.has(byLine) && !names.some((n) => n.trim() === UNIT_SEEDS[defaultKeys[line]!]) ? byLine : newId('unit')
    usedIds.add(id)
    units.push({ id, name, updatedAt: now })
  })
  return units
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1)
}
