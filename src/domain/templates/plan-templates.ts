/**
 * New plans: from the 2021 campaign, from the same campaign re-planned for 2026 under the amended law,
 * or blank; for any election day and either law. A template is instantiated by moving the whole
 * campaign to the new election day: anchored tasks follow their anchor (milestones move with the law),
 * fixed-date tasks keep their distance to election day (so a 2021 news event lands where it would
 * fall in the new campaign), statuses start again at "planned".
 */
import { diffDays } from '@/domain/dates/local-date'
import { holidaysInRange } from '@/domain/holidays/holidays'
import { hasEndAnchor } from '@/domain/plan/anchors'
import { shiftRecurrence } from '@/domain/plan/recurrence'
import { shiftTaskDates } from '@/domain/plan/task-dates'
import { findDayOff, type HolidayLike } from '@/domain/rules/plan-checks'
import { newId } from '@/domain/plan/ids'
import { replanElection } from '@/domain/rules/replan'
import { buildTemplateChannels, buildTemplateUnits, unitIdOf } from '@/domain/templates/build-plan'
import { UNIT_SEEDS, type UnitKey } from '@/domain/templates/units'
import { buildCampaign2021Plan, CAMPAIGN_2021_TEMPLATE_ID, DOCUMENT_2021, ELECTION_2021, VIETNAM_TIME_ZONE } from '@/domain/templates/campaign-2021'
import { buildDefaultPhases } from '@/domain/templates/phases'
import { adaptPlanTo2025State, adminStateOf, UNIT_CHANGES_2025 } from '@/domain/templates/admin-state'
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
  const plan = template === 'blank'
    ? { ...shell, election: options.election, phases: buildDefaultPhases(options.election), units: buildTemplateUnits(now), channels: buildTemplateChannels(now), tasks: {} }
    : moveCampaign(shell, options.election, now)
  // A plan follows the state its election runs in: a 2026 plan is province → commune, with 2025 names.
  return adminStateOf(options.election) === 'two-level-2025' ? adaptPlanTo2025State(plan, now, CAMPAIGN_2021_TEMPLATE_ID) : plan
}

const LEVEL_SUFFIX_VI: Record<AdminLevel, string> = { national: ' (Trung ương)', province: '', district: ' cấp huyện', commune: ' cấp xã' }

/**
 * The name a new plan starts with, in the plan's own language (Vietnamese): "Kế hoạch tuyên truyền bầu
 * cử 2026", "… 2026 cấp xã". The user edits it; an empty name is still refused.
 */
export function defaultPlanName(election: Pick<ElectionSettings, 'electionDay'>, level: AdminLevel = 'province'): string {
  return `Kế hoạch tuyên truyền bầu cử ${election.electionDay.slice(0, 4)}${LEVEL_SUFFIX_VI[level]}`
}

/**
 * The campaign moved to another election: see the file header. A fixed-date event that lands on a day
 * off in the new year (a one-day conference on 1/1, a contest in Tết) moves to the first days after it
 * that are working days: the 2021 event was held on working days, and so would its counterpart be.
 * Ongoing work (more than a week) keeps its dates; it runs through days off anyway.
 */
export function moveCampaign(plan: Plan, election: ElectionSettings, now: EpochMs): Plan {
  const shift = diffDays(plan.election.electionDay, election.electionDay)
  // Fixed tasks move first, so that a fixed start with an anchored end gets its end from the re-plan.
  const shifted: Record<string, Task> = {}
  for (const task of Object.values(plan.tasks)) {
    shifted[task.id] = task.anchor.type === 'fixed' ? { ...task, ...shiftTaskDates(task, shift), recurrence: task.recurrence && shiftRecurrence(task.recurrence, shift) } : task
  }
  const replanned = replanElection({ ...plan, tasks: shifted }, election, now).plan
  const firstYear = Number(replanned.phases[0]?.start.slice(0, 4) ?? election.electionDay.slice(0, 4)) - 1
  const daysOff = new Map(holidaysInRange(`${firstYear}-01-01`, `${firstYear + 3}-01-01`).filter((h) => h.dayOff).map((h) => [h.date, h]))
  const tasks: Record<string, Task> = {}
  for (const task of Object.values(replanned.tasks)) {
    const moved = shift !== 0 && task.anchor.type === 'fixed' && !task.recurrence && !hasEndAnchor(task) ? offDaysOff(task, daysOff) : task
    tasks[task.id] = { ...moved, status: 'planned', doneOn: null, createdAt: now, updatedAt: now }
  }
  return { ...replanned, tasks }
}

/** The task moved forward, a day at a time, until no day of it is a day off it would be warned for. */
function offDaysOff(task: Task, daysOff: ReadonlyMap<string, HolidayLike>): Task {
  let moved = task
  // Bounded: the longest run of days off (Tết) is under two weeks.
  for (let i = 0; i < 31 && findDayOff(moved, moved, daysOff)?.kind === 'on-holiday'; i += 1) {
    moved = { ...moved, ...shiftTaskDates(moved, 1) }
  }
  return moved
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

/** The unit names a plan of this level starts with (under the 2025 state, with their 2025 names). */
export function defaultUnitNamesForLevel(level: AdminLevel, election?: Pick<ElectionSettings, 'electionDay'>): string[] {
  if (level !== 'district' && level !== 'commune') return []
  const state = election ? adminStateOf(election) : 'three-level'
  return LEVEL_UNIT_KEYS[level].map((key) => unitSeedName(key, state))
}

function unitSeedName(key: UnitKey, state: ReturnType<typeof adminStateOf>): string {
  return (state === 'two-level-2025' ? UNIT_CHANGES_2025[key]?.name : undefined) ?? UNIT_SEEDS[key]
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
  requested: { name: string; level: AdminLevel; locality: string; taskIds: readonly string[]; unitNames?: readonly string[] },
  now: EpochMs,
  id: string = newId('plan'),
): Plan {
  // An election held after the district level ended has no district plans: a lower-level plan is a commune plan.
  const options = requested.level === 'district' && adminStateOf(parent.election) === 'two-level-2025' ? { ...requested, level: 'commune' as const } : requested
  const defaultKeys = options.level === 'district' || options.level === 'commune' ? LEVEL_UNIT_KEYS[options.level] : []
  const state = adminStateOf(parent.election)
  const units = ownUnits(parent, options.unitNames ?? defaultUnitNamesForLevel(options.level, parent.election), defaultKeys, state, now)
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
      ...source, id: copyId, leadUnitId, supportUnitIds, derivedFromTaskId: source.id, status: 'planned', doneOn: null, createdAt: now, updatedAt: now,
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
function ownUnits(parent: Plan, names: readonly string[], defaultKeys: readonly UnitKey[], state: ReturnType<typeof adminStateOf>, now: EpochMs): Unit[] {
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
    const id = byName && !usedIds.has(byName) ? byName : byLine && !usedIds.has(byLine) && !names.some((n) => n.trim() === unitSeedName(defaultKeys[line]!, state)) ? byLine : newId('unit')
    usedIds.add(id)
    units.push({ id, name, updatedAt: now })
  })
  return units
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1)
}
