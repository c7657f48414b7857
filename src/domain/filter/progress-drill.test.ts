import { describe, expect, it } from 'vitest'
import { readAddress, writeAddress } from '@/domain/filter/filter-query'
import { readProgressDrill, sameProgressDrill, type ProgressDrill } from '@/domain/filter/progress-drill'
import { compileTaskFilter, EMPTY_FILTER, isFilterEmpty, readTaskFilter, sameFilter } from '@/domain/filter/task-filter'
import { computeProgressFigures } from '@/domain/progress/progress-figures'
import { selectProgressItems, taskIdsOf, type ProgressSelection } from '@/domain/progress/progress-items'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Plan, Task } from '@/domain/types'

const ASOF = '2021-04-30'

/** The 2021 template with a few tasks marked done (one on 3/05, after the as-of day) and one series. */
function plan2021(): Plan {
  const template = buildCampaign2021Plan(0)
  const tasks = Object.values(template.tasks)
  const changed: Task[] = tasks.map((task, i) => {
    if (i % 5 === 0) return { ...task, status: 'done', doneOn: i % 10 === 0 ? '2021-05-03' : null }
    if (i % 7 === 0) return { ...task, status: 'in-progress' }
    return task
  })
  return { ...template, tasks: Object.fromEntries(changed.map((t) => [t.id, t])) }
}

const plan = plan2021()
const figures = computeProgressFigures(plan, { asOf: ASOF })

/** The tasks the list shows for a drill: the filter with only this facet, compiled with today (not the as-of day). */
function listed(selection: ProgressSelection, asOf = ASOF): string[] {
  const keep = compileTaskFilter({ ...EMPTY_FILTER, progress: { asOf, selection } }, { units: plan.units, phases: plan.phases, today: '2026-12-05', myUnitIds: [] })
  return Object.values(plan.tasks).filter((t) => keep === null || keep(t)).map((t) => t.id).sort()
}
const behind = (selection: ProgressSelection) => taskIdsOf(selectProgressItems(figures.items, selection)).sort()

describe('the filter facet "tasks behind a figure"', () => {
  it('keeps exactly the tasks behind every unit, channel and phase bar and every headline figure', () => {
    const selections: ProgressSelection[] = [
      ...figures.byUnit.map((g) => g.selection),
      ...figures.byUnit.map((g) => ({ ...g.selection, late: true })),
      ...figures.byChannel.map((g) => ({ ...g.selection, status: 'done' as const })),
      ...figures.byPhase.map((g) => g.selection),
      ...figures.milestones.map((m) => m.selection),
      { status: 'done' }, { status: 'in-progress' }, { status: 'planned' }, { late: true }, { dueSoon: true }, { training: true },
    ]
    let nonEmpty = 0
    for (const selection of selections) {
      const ids = behind(selection)
      if (ids.length > 0) nonEmpty += 1
      expect(listed(selection), JSON.stringify(selection)).toEqual(ids)
    }
    expect(nonEmpty).toBeGreaterThan(10)
  })

  it('judges status and lateness as of its own day, not today', () => {
    const doneLater = Object.values(plan.tasks).find((t) => t.doneOn === '2021-05-03')!
    expect(listed({ status: 'done' })).not.toContain(doneLater.id)
    expect(listed({ status: 'done' }, '2021-05-03')).toContain(doneLater.id)
  })

  it('by lead unit only, unlike the unit facet (lead or support)', () => {
    const group = figures.byUnit.find((g) => g.key !== null)!
    const unitFacet = compileTaskFilter({ ...EMPTY_FILTER, unitIds: [group.key!] }, { units: plan.units, phases: plan.phases, today: ASOF, myUnitIds: [] })!
    const drill = listed(group.selection)
    expect(drill.every((id) => plan.tasks[id]!.leadUnitId === group.key)).toBe(true)
    expect(Object.values(plan.tasks).filter(unitFacet).length).toBeGreaterThanOrEqual(drill.length)
  })

  it('goes through the address and back, "none" keys included', () => {
    const progress: ProgressDrill = { asOf: ASOF, selection: { leadUnitId: null, channelId: 'c-1', late: true, status: 'planned', dueFrom: '2021-05-01', dueBy: '2021-05-23', training: false } }
    const search = writeAddress('?keep=1', { filter: { ...EMPTY_FILTER, progress }, planId: null, view: 'list', date: null })
    expect(search).toContain('keep=1')
    const back = readAddress(search).filter
    expect(sameProgressDrill(back.progress, progress)).toBe(true)
    expect(back.progress?.selection.leadUnitId).toBeNull()
    expect(readAddress(writeAddress('', { filter: EMPTY_FILTER, planId: null, view: null, date: null })).filter.progress).toBeNull()
  })

  it('makes the filter non-empty and different, and reads garbage as none', () => {
    const filter = { ...EMPTY_FILTER, progress: { asOf: ASOF, selection: { late: true } } }
    expect(isFilterEmpty(filter)).toBe(false)
    expect(sameFilter(filter, EMPTY_FILTER)).toBe(false)
    expect(sameFilter(filter, { ...filter, progress: { asOf: ASOF, selection: { late: true } } })).toBe(true)
    expect(readProgressDrill({ asOf: '30/04/2021', selection: {} })).toBeNull()
    expect(readProgressDrill({ asOf: ASOF, selection: { status: 'bogus', late: 'yes', leadUnitId: 5, dueBy: 'x' } })).toEqual({ asOf: ASOF, selection: {} })
    // A filter saved before the facet existed reads as it was.
    expect(readTaskFilter({ text: 'pano' }).progress).toBeNull()
  })
})
