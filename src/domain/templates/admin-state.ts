/**
 * The state an election runs in: which levels of local government exist, and what the units the
 * template names are called. The 2021 template's units and levels are those of 2021; since 1/7/2025
 * Vietnam has two levels of local government (province and commune, no district), press management
 * moved from the Department of Information and Communications to the provincial culture department,
 * and the Party's propaganda and mass-mobilisation commissions merged.
 *
 * Source: shared/reference/election-timeline.md, "The state the 2026 campaign runs in" (checked
 * 2026-12-04 against public news). Where a 2025 name differs between provinces, its note says
 * "unverified": a user checks it against the province's own portal.
 */
import type { AdminLevel, ElectionSettings, EpochMs, Plan, SourceNote, Task, Unit } from '@/domain/types'
import { UNIT_SEEDS, type UnitKey } from '@/domain/templates/units'

export type AdminState = 'three-level' | 'two-level-2025'

/** Two levels of local government from this day (the district level ended). */
export const TWO_LEVEL_GOVERNMENT_FROM = '2025-07-01'

/** The state in force on election day (an election is held by the government of its day). */
export function adminStateOf(election: Pick<ElectionSettings, 'electionDay'>): AdminState {
  return election.electionDay >= TWO_LEVEL_GOVERNMENT_FROM ? 'two-level-2025' : 'three-level'
}

/** The levels a plan of this election can have, top down (national plans are the template's own). */
export function planLevelsOf(election: Pick<ElectionSettings, 'electionDay'>): AdminLevel[] {
  return adminStateOf(election) === 'two-level-2025' ? ['province', 'commune'] : ['province', 'district', 'commune']
}

/** The levels a plan derived from this one can have: those below it in its election's state. */
export function lowerLevelsOf(plan: Pick<Plan, 'level' | 'election'>): AdminLevel[] {
  const levels = planLevelsOf(plan.election)
  const at = levels.indexOf(plan.level)
  return at < 0 ? levels.filter((l) => l !== 'province') : levels.slice(at + 1)
}

const TWO_LEVEL = {
  note: 'election-timeline.md, "The state the 2026 campaign runs in": two levels of local government (province, commune) from 1/7/2025; the district level ended (en.baochinhphu.vn, 1/7/2025; thongtin.vietnam.vn).',
  urls: [],
  verified: 'yes',
} as const satisfies SourceNote

/** What became of a template unit in the 2025 state: renamed, or merged into another unit. */
export interface UnitChange2025 {
  /** Its work goes to this unit (which keeps its own id). */
  mergedInto?: UnitKey
  /** Its 2025 name. */
  name?: string
  source: SourceNote
}

export const UNIT_CHANGES_2025: Partial<Record<UnitKey, UnitChange2025>> = {
  boTttt: {
    mergedInto: 'boVhttdl',
    source: {
      note: 'election-timeline.md: press management went to the Ministry of Culture, Sports and Tourism (its letter of 16/1/2026 on press planning, nld.com.vn).',
      urls: [],
      verified: 'partly',
    },
  },
  soTttt: {
    mergedInto: 'soVhttdl',
    source: {
      note: 'election-timeline.md: press and publishing moved from Sở Thông tin và Truyền thông to the provincial culture department in March 2025 (e.g. Ho Chi Minh City, 3/3/2025, Công Luận).',
      urls: [],
      verified: 'partly',
    },
  },
  soVhttdl: {
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    source: {
      note: 'election-timeline.md: the provincial culture department ("Sở Văn hóa, Thể thao [và Du lịch]") now also manages the press. Unverified: the name differs between provinces (e.g. Sở Văn hóa và Thể thao in Hà Nội and Ho Chi Minh City); check the province\'s portal.',
      urls: [],
      verified: 'unverified',
    },
  },
  banTuyenGiao: {
    name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
    source: {
      note: 'election-timeline.md: Ban Tuyên giáo and Ban Dân vận merged (central commission 3/2/2025, znews.vn; Tiền Giang 6/2/2025, congly.vn; Bắc Giang from 1/3/2025, baobacgiang.vn). Unverified for every province: check the province\'s portal.',
      urls: [],
      verified: 'unverified',
    },
  },
  banDanVan: {
    mergedInto: 'banTuyenGiao',
    source: {
      note: 'election-timeline.md: Ban Dân vận merged into Ban Tuyên giáo và Dân vận (2025). Unverified for every province.',
      urls: [],
      verified: 'unverified',
    },
  },
  ubndXa: {
    name: 'Ủy ban nhân dân cấp xã (xã, phường, đặc khu)',
    source: {
      note: 'election-timeline.md: 3,321 commune-level units (xã, phường and 13 đặc khu) from 1/7/2025 (dientuungdung.vn; 34 resolutions of the NA Standing Committee).',
      urls: [],
      verified: 'yes',
    },
  },
  // The district level ended: its work goes to the commune. Which commune office takes over from a
  // district office is not in the reference, so these are the commune's own units (modelled).
  ubndHuyen: { mergedInto: 'ubndXa', source: TWO_LEVEL },
  phongVhtt: { mergedInto: 'ubndXa', source: { ...TWO_LEVEL, note: `${TWO_LEVEL.note} The district culture office's work is given to the commune (modelled; which commune office takes it is unverified).`, verified: 'unverified' } },
  ttVhttHuyen: { mergedInto: 'ubndXa', source: { ...TWO_LEVEL, note: `${TWO_LEVEL.note} The district culture centre's work is given to the commune (modelled; unverified).`, verified: 'unverified' } },
  daiHuyen: { mergedInto: 'daiXa', source: { ...TWO_LEVEL, note: `${TWO_LEVEL.note} District radio's work is given to commune radio (modelled; unverified).`, verified: 'unverified' } },
}

/** Template task texts that describe 2021's state (63 provinces, districts) and their 2025 wording. */
const TASK_TEXT_2025: Record<string, Partial<Pick<Task, 'title' | 'quantity' | 'description'>> & { connectionPoints?: string[]; participants?: string }> = {
  'national-online-training': {
    quantity: 'Điểm cầu Trung ương, 34 điểm cầu tỉnh, thành phố và các điểm cầu cấp xã',
    description: 'Trực tuyến từ điểm cầu Trung ương đến 34 tỉnh, thành phố và các xã, phường, đặc khu (năm 2021: 63 tỉnh và hơn 400 điểm cầu cấp huyện). Giờ họp không rõ nên để cả ngày.',
    connectionPoints: ['Điểm cầu Trung ương (Hà Nội)', '34 điểm cầu tỉnh, thành phố', 'Các điểm cầu cấp xã'],
  },
  'grassroots-radio-direction': {
    title: 'Chỉ đạo đài truyền thanh cấp xã xây dựng kế hoạch, biên tập, sản xuất và phát nội dung tuyên truyền bầu cử trên hệ thống thông tin cơ sở',
  },
  'district-online-briefing': {
    title: 'Hội nghị trực tuyến tuyên truyền bầu cử đến các xã, phường, đặc khu: công tác hiệp thương; Luật Tổ chức Quốc hội, Luật Tổ chức CQĐP, Luật Bầu cử; maket pano, áp phích, băng rôn, xe hoa',
    description: 'Ban Tuyên giáo và Dân vận Tỉnh ủy và Sở Văn hóa, Thể thao và Du lịch đồng chủ trì; maket theo bộ nhận diện của tỉnh.',
    participants: 'Báo cáo viên, tuyên truyền viên cấp xã',
  },
  'ethnic-area-art-performances': { quantity: '' },
  'district-mobile-propaganda-may': {
    title: 'Tuyên truyền lưu động về cuộc bầu cử tại các thôn, tổ dân phố: ý nghĩa cuộc bầu cử, điểm mới của Luật Bầu cử, quyền và nghĩa vụ của cử tri',
  },
  'mobile-van-parade-launch': {
    description: 'Lễ ra quân lúc 07:00; sau đó các đoàn xe đi các xã, phường đến ngày bầu cử.',
  },
}

const unitId = (key: string): string => `unit-${key}`
const keyOf = (id: string): UnitKey | null => (id.startsWith('unit-') && id.slice(5) in UNIT_SEEDS ? (id.slice(5) as UnitKey) : null)

/**
 * The plan's template units and levels made those of the 2025 state: district tasks become commune
 * tasks, a merged unit's tasks go to the unit it merged into, renamed units take their 2025 name and
 * carry the source of it. Only the template's own units (ids `unit-<key>`) change; the user's are kept.
 * Texts of template tasks that describe 2021's state take their 2025 wording.
 */
export function adaptPlanTo2025State(plan: Plan, now: EpochMs, templateId = 'vn-2021'): Plan {
  const target = (id: string): string => {
    const key = keyOf(id)
    const merged = key ? UNIT_CHANGES_2025[key]?.mergedInto : undefined
    return merged ? unitId(merged) : id
  }
  const present = new Set(plan.units.map((u) => u.id))
  const units: Unit[] = []
  for (const unit of plan.units) {
    const key = keyOf(unit.id)
    const change = key ? UNIT_CHANGES_2025[key] : undefined
    if (change?.mergedInto) {
      // The unit it merges into may be missing from this plan: the merged one takes its place.
      const into = unitId(change.mergedInto)
      if (!present.has(into)) {
        present.add(into)
        const intoChange = UNIT_CHANGES_2025[change.mergedInto]
        units.push({ id: into, name: intoChange?.name ?? UNIT_SEEDS[change.mergedInto], source: intoChange?.source ?? change.source, updatedAt: now })
      }
      continue
    }
    const renamed = change?.name !== undefined && unit.name === UNIT_SEEDS[key!]
    units.push(change && renamed ? { ...unit, name: change.name!, source: change.source, updatedAt: now } : unit)
  }
  const prefix = `${templateId}-`
  const tasks: Record<string, Task> = {}
  for (const task of Object.values(plan.tasks)) {
    const leadUnitId = task.leadUnitId === null ? null : target(task.leadUnitId)
    const supportUnitIds = [...new Set(task.supportUnitIds.map(target))].filter((u) => u !== leadUnitId)
    const text = task.id.startsWith(prefix) ? TASK_TEXT_2025[task.id.slice(prefix.length)] : undefined
    const { connectionPoints, participants, ...fields } = text ?? {}
    const training = task.training && (connectionPoints || participants)
      ? { ...task.training, connectionPoints: connectionPoints ?? task.training.connectionPoints, participants: participants ?? task.training.participants }
      : task.training
    const changed = leadUnitId !== task.leadUnitId || supportUnitIds.join() !== task.supportUnitIds.join() || task.level === 'district' || text !== undefined
    tasks[task.id] = changed
      ? { ...task, ...fields, training, leadUnitId, supportUnitIds, level: task.level === 'district' ? 'commune' : task.level, updatedAt: now }
      : task
  }
  return { ...plan, level: plan.level === 'district' ? 'commune' : plan.level, units, tasks, updatedAt: now }
}
