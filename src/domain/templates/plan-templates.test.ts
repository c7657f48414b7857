import { describe, expect, it } from 'vitest'
import { computeMilestones } from '@/domain/rules/milestones'
import { createPlanFromTemplate, defaultTasksForLevel, defaultUnitNamesForLevel, derivePlan, ELECTION_2026 } from '@/domain/templates/plan-templates'
import { adaptPlanTo2025State, lowerLevelsOf, planLevelsOf } from '@/domain/templates/admin-state'
import { buildCampaign2021Plan, ELECTION_2021 } from '@/domain/templates/campaign-2021'
import { lastDay } from '@/domain/plan/task-dates'
import { holidaysInRange } from '@/domain/holidays/holidays'
import { runPlanChecks } from '@/domain/rules/plan-checks'

const options = { name: 'Kế hoạch 2026', level: 'province' as const, locality: 'Tỉnh Đắk Lắk', election: ELECTION_2026 }

describe('plan templates', () => {
  it('makes the 2026 plan: the 2021 campaign moved to 15/03/2026 under the amended law', () => {
    const plan = createPlanFromTemplate('vn-2026', options, 5, 'p2026')
    expect(plan.election.law).toBe('law-85-2015-amended-83-2025')
    expect(computeMilestones(plan.election).find((m) => m.id === 'official-candidate-lists')?.date).toBe('2026-02-26')
    const tasks = Object.values(plan.tasks)
    expect(tasks).toHaveLength(Object.keys(buildCampaign2021Plan(0).tasks).length)
    // Every task lands inside the 2026 campaign window (give or take what the shorter law trims).
    const first = plan.phases[0]!.start
    expect(tasks.every((t) => t.start.slice(0, 10) >= first)).toBe(true)
    expect(tasks.every((t) => t.status === 'planned')).toBe(true)
    // The national training of 25/02/2021 (D-87) keeps its distance to election day.
    expect(plan.tasks['vn-2021-national-online-training']!.start).toBe('2025-12-18')
  })

  it('makes a 2021 plan for any election day and law, and a blank plan', () => {
    const moved = createPlanFromTemplate('vn-2021', { ...options, election: { ...ELECTION_2021, electionDay: '2031-05-25' } }, 5)
    expect(moved.tasks['vn-2021-voter-lists-loudspeaker']!.start).toBe('2031-04-15') // D-40
    const blank = createPlanFromTemplate('blank', options, 5)
    expect(Object.keys(blank.tasks)).toHaveLength(0)
    expect(blank.phases).toHaveLength(3)
    expect(blank.units.length).toBeGreaterThan(0)
  })

  it('derives a district plan with copies of the tasks meant for lower levels, linked to the parent', () => {
    const parent = buildCampaign2021Plan(1)
    const picked = defaultTasksForLevel(parent, 'district')
    expect(picked.length).toBeGreaterThan(0)
    expect(picked.every((t) => t.level === 'district' || t.level === 'commune')).toBe(true)
    const child = derivePlan(parent, { name: 'Huyện Krông Bông', level: 'district', locality: 'Krông Bông', taskIds: picked.map((t) => t.id) }, 9, 'child')
    expect(child.parentPlanId).toBe(parent.id)
    const copies = Object.values(child.tasks)
    expect(copies).toHaveLength(picked.length)
    for (const copy of copies) {
      const source = parent.tasks[copy.derivedFromTaskId!]!
      expect(copy.id).not.toBe(source.id)
      expect([copy.start, lastDay(copy), copy.title]).toEqual([source.start, lastDay(source), source.title])
    }
  })

  it("gives a derived plan its own units, mapping the province's to their district counterparts and keeping any still named", () => {
    const parent = buildCampaign2021Plan(0)
    const soTtttTask = Object.values(parent.tasks).find((t) => t.leadUnitId === 'unit-soTttt' && t.supportUnitIds.length > 0)!
    const baoTask = Object.values(parent.tasks).find((t) => t.leadUnitId === 'unit-baoTinh')!
    const child = derivePlan(parent, {
      name: 'Huyện Krông Bông', level: 'district', locality: 'Krông Bông', taskIds: [soTtttTask.id, baoTask.id],
      unitNames: ['Phòng Văn hóa và Thông tin cấp huyện', 'Đội thông tin lưu động huyện', '  ', 'đội thông tin lưu động huyện'],
    }, 9, 'child')
    const names = child.units.map((u) => u.name)
    expect(names.slice(0, 2)).toEqual(['Phòng Văn hóa và Thông tin cấp huyện', 'Đội thông tin lưu động huyện'])
    const copies = Object.values(child.tasks)
    const soCopy = copies.find((t) => t.derivedFromTaskId === soTtttTask.id)!
    expect(soCopy.leadUnitId).toBe('unit-phongVhtt')
    // The press has no district counterpart: the province paper stays, as a unit of the new plan.
    expect(copies.find((t) => t.derivedFromTaskId === baoTask.id)!.leadUnitId).toBe('unit-baoTinh')
    const unitIds = new Set(child.units.map((u) => u.id))
    for (const t of copies) for (const u of [t.leadUnitId, ...t.supportUnitIds]) if (u !== null) expect(unitIds.has(u)).toBe(true)
    expect(child.units.length).toBeLessThan(parent.units.length)
    // A default line renamed in place keeps its identity: tasks still go to it.
    const renamed = derivePlan(parent, {
      name: 'Huyện', level: 'district', locality: '', taskIds: [soTtttTask.id],
      unitNames: defaultUnitNamesForLevel('district').map((n, i) => (i === 1 ? 'Phòng VH-TT huyện Krông Bông' : n)),
    }, 9, 'renamed')
    expect(Object.values(renamed.tasks)[0]!.leadUnitId).toBe('unit-phongVhtt')
    expect(renamed.units.find((u) => u.id === 'unit-phongVhtt')!.name).toBe('Phòng VH-TT huyện Krông Bông')
    expect(defaultUnitNamesForLevel('commune')).toEqual(['Ủy ban nhân dân cấp xã', 'Đài truyền thanh cấp xã', 'Ủy ban MTTQ và các đoàn thể cấp xã', 'Tổ bầu cử'])
  })

  it('opens both templates with zero warnings (ongoing work through a day off is grouped apart)', () => {
    const holidays = holidaysInRange('2020-01-01', '2027-01-01')
    for (const [template, election] of [['vn-2021', ELECTION_2021], ['vn-2026', ELECTION_2026]] as const) {
      const plan = createPlanFromTemplate(template, { ...options, election }, 5)
      const findings = runPlanChecks(plan, holidays)
      expect(findings.filter((f) => f.severity === 'warning').map((f) => `${f.kind} ${f.taskId}`), template).toEqual([])
      expect(findings.every((f) => f.kind === 'spans-holiday'), template).toBe(true)
    }
  })

  it('keeps the 2026 windows the amended law closes: campaigning work ends by 07:00 on D-1, results work by D+10', () => {
    const plan = createPlanFromTemplate('vn-2026', options, 5)
    const lists = plan.tasks['vn-2021-official-candidate-lists-communication']!
    expect([lists.start, lists.end, lists.campaigning]).toEqual(['2026-02-26', '2026-03-14', true])
    const resultsDue = computeMilestones(plan.election).find((m) => m.id === 'results-national-assembly')!.date
    expect(resultsDue).toBe('2026-03-25')
    for (const task of Object.values(plan.tasks)) {
      if (task.start.slice(0, 10) > plan.election.electionDay) expect(lastDay(task) <= resultsDue, task.id).toBe(true)
    }
    expect(plan.tasks['vn-2021-closing-review-meeting']!.start).toBe('2026-03-22')
  })

  it('makes the 2026 plan province → commune with the 2025 units: no district, no Sở TT&TT, each renamed unit with its source', () => {
    const plan = createPlanFromTemplate('vn-2026', options, 5)
    const names = plan.units.map((u) => u.name)
    expect(names.filter((n) => /huyện|Thông tin và Truyền thông/i.test(n))).toEqual([])
    expect(names).toContain('Ban Tuyên giáo và Dân vận Tỉnh ủy')
    expect(plan.units.find((u) => u.name === 'Ban Tuyên giáo và Dân vận Tỉnh ủy')?.source?.verified).toBe('unverified')
    const unitIds = new Set(plan.units.map((u) => u.id))
    for (const task of Object.values(plan.tasks)) {
      expect(task.level, task.id).not.toBe('district')
      for (const id of [task.leadUnitId, ...task.supportUnitIds]) if (id !== null) expect(unitIds.has(id), `${task.id}: ${id}`).toBe(true)
      expect(`${task.title} ${task.quantity}`, task.id).not.toMatch(/huyện|63 điểm cầu/)
    }
    // The press training the Department of Information led in 2021 is the culture department's in 2026.
    expect(plan.tasks['vn-2021-province-press-training']!.leadUnitId).toBe('unit-soVhttdl')
    expect(planLevelsOf(plan.election)).toEqual(['province', 'commune'])
    expect(lowerLevelsOf(plan)).toEqual(['commune'])
    // "Derive a lower-level plan" of a 2026 election gives a commune plan, even if asked for a district.
    const child = derivePlan(plan, { name: 'Xã', level: 'district', locality: '', taskIds: defaultTasksForLevel(plan, 'commune').map((t) => t.id) }, 9, 'child')
    expect(child.level).toBe('commune')
    expect(child.units.map((u) => u.name)).toEqual(expect.arrayContaining(defaultUnitNamesForLevel('commune', plan.election)))
    expect(child.units.filter((u) => /cấp xã/.test(u.name))).toHaveLength(new Set(child.units.filter((u) => /cấp xã/.test(u.name)).map((u) => u.name)).size)
  })

  it('keeps three levels and the 2021 units for a 2021 plan', () => {
    const plan = createPlanFromTemplate('vn-2021', { ...options, election: ELECTION_2021 }, 5)
    expect(plan.units.map((u) => u.name)).toContain('Sở Thông tin và Truyền thông')
    expect(Object.values(plan.tasks).some((t) => t.level === 'district')).toBe(true)
    expect(lowerLevelsOf(plan)).toEqual(['district', 'commune'])
  })

  it("keeps a user's own units and names when a plan is adapted to the 2025 state", () => {
    const parent = buildCampaign2021Plan(0)
    const renamed = { ...parent, units: parent.units.map((u) => (u.id === 'unit-banTuyenGiao' ? { ...u, name: 'Ban Tuyên giáo Tỉnh ủy Đắk Lắk' } : u)).concat({ id: 'mine', name: 'Đội của tôi', updatedAt: 0 }) }
    const adapted = adaptPlanTo2025State(renamed, 5)
    expect(adapted.units.find((u) => u.id === 'unit-banTuyenGiao')?.name).toBe('Ban Tuyên giáo Tỉnh ủy Đắk Lắk')
    expect(adapted.units.find((u) => u.id === 'mine')?.name).toBe('Đội của tôi')
  })
})
