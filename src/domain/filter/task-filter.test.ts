import { describe, expect, it } from 'vitest'
import { foldText, searchTerms } from '@/domain/filter/fold-text'
import { compileTaskFilter, EMPTY_FILTER, readTaskFilter, sameFilter, type FilterContext, type TaskFilter } from '@/domain/filter/task-filter'
import { readAddress, writeAddress } from '@/domain/filter/filter-query'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Task } from '@/domain/types'

const task = (id: string, extra: Partial<Task> = {}): Task => ({
  ...emptyTaskDraft('2021-05-02', '2021-05-03', true), id, title: id, createdAt: 0, updatedAt: 0, ...extra,
})

const context: FilterContext = {
  units: [
    { id: 'stttt', name: 'Sở Thông tin và Truyền thông', updatedAt: 0 },
    { id: 'dak', name: 'UBND tỉnh Đắk Lắk', updatedAt: 0 },
  ],
  phases: [
    { id: 'p1', name: 'Giai đoạn 1', nameEn: '', start: '2021-01-01', end: '2021-04-01', startOffsetDays: null, endOffsetDays: null, focus: '', source: null },
    { id: 'p2', name: 'Giai đoạn 2', nameEn: '', start: '2021-04-01', end: '2021-05-24', startOffsetDays: null, endOffsetDays: null, focus: '', source: null },
  ],
  today: '2021-05-10',
  myUnitIds: ['dak'],
}
const matching = (filter: Partial<TaskFilter>, tasks: Task[], ctx = context) => {
  const keep = compileTaskFilter({ ...EMPTY_FILTER, ...filter }, ctx)
  return tasks.filter((t) => keep === null || keep(t)).map((t) => t.id)
}

describe('foldText', () => {
  it('drops tone and vowel marks and maps đ/Đ to d, case-insensitively', () => {
    expect(foldText('Tuyên truyền LƯU ĐỘNG')).toBe('tuyen truyen luu dong')
    expect(foldText('Đắk Lắk')).toBe('dak lak')
    expect(foldText('  Pano   2m×3m ')).toBe('pano 2m×3m')
    // Precomposed and decomposed input fold the same.
    expect(foldText('Quảng Ngãi'.normalize('NFD'))).toBe(foldText('Quảng Ngãi'.normalize('NFC')))
  })
  it('splits a query into distinct folded words', () => {
    expect(searchTerms('  Dak  LAK dak ')).toEqual(['dak', 'lak'])
    expect(searchTerms('   ')).toEqual([])
  })
})

describe('compileTaskFilter', () => {
  const tasks = [
    task('mobile', { title: 'Tuyên truyền lưu động', leadUnitId: 'stttt', channelId: 'loa', status: 'done' }),
    task('pano', { title: 'Treo Pano, áp phích', description: 'Tại trung tâm', location: 'TP. Buôn Ma Thuột', quantity: '30 pano', leadUnitId: 'dak', start: '2021-03-30', end: '2021-04-02' }),
    task('late', { title: 'Hội nghị', supportUnitIds: ['dak'], start: '2021-05-01', end: '2021-05-03', status: 'in-progress' }),
    task('future', { title: 'Tổng kết', start: '2021-06-01', end: '2021-06-02' }),
  ]

  it('keeps everything (null predicate) when empty', () => {
    expect(compileTaskFilter(EMPTY_FILTER, context)).toBeNull()
    expect(compileTaskFilter({ ...EMPTY_FILTER, text: '   ' }, context)).toBeNull()
  })
  it('searches without accents over title, description, location, quantity and unit names', () => {
    expect(matching({ text: 'tuyen truyen luu dong' }, tasks)).toEqual(['mobile'])
    expect(matching({ text: 'pano' }, tasks)).toEqual(['pano'])
    expect(matching({ text: 'buon ma thuot' }, tasks)).toEqual(['pano'])
    expect(matching({ text: 'dak lak' }, tasks)).toEqual(['pano', 'late'])
    expect(matching({ text: 'thong tin truyen thong' }, tasks)).toEqual(['mobile'])
    // Every word must be found somewhere: "hội nghị" + a unit word.
    expect(matching({ text: 'hoi nghi dak' }, tasks)).toEqual(['late'])
    expect(matching({ text: 'hoi nghi stttt' }, tasks)).toEqual([])
  })
  it('matches lead or supporting units, channels and statuses (OR within, AND across)', () => {
    expect(matching({ unitIds: ['dak'] }, tasks)).toEqual(['pano', 'late'])
    expect(matching({ unitIds: ['dak', 'stttt'] }, tasks)).toEqual(['mobile', 'pano', 'late'])
    expect(matching({ unitIds: ['dak'], statuses: ['in-progress'] }, tasks)).toEqual(['late'])
    expect(matching({ channelIds: ['loa'] }, tasks)).toEqual(['mobile'])
  })
  it('matches the phases a task touches', () => {
    expect(matching({ phaseIds: ['p1'] }, tasks)).toEqual(['pano'])
    expect(matching({ phaseIds: ['p2'] }, tasks)).toEqual(['mobile', 'pano', 'late'])
  })
  it('"late" is work ending before today that is neither done nor cancelled', () => {
    expect(matching({ late: true }, tasks)).toEqual(['pano', 'late'])
    expect(matching({ late: true }, tasks, { ...context, today: '2021-03-01' })).toEqual([])
  })
  it('"mine" uses the units the user belongs to, and matches nothing when none are set', () => {
    expect(matching({ mine: true }, tasks)).toEqual(['pano', 'late'])
    expect(matching({ mine: true }, tasks, { ...context, myUnitIds: [] })).toEqual([])
  })
  it('filters a real plan: searching "pano" without accents finds the template\'s pano work', () => {
    const plan = buildCampaign2021Plan(0)
    const keep = compileTaskFilter({ ...EMPTY_FILTER, text: 'pano' }, { units: plan.units, phases: plan.phases, today: '2021-05-01', myUnitIds: [] })!
    const found = Object.values(plan.tasks).filter(keep)
    expect(found.length).toBeGreaterThan(0)
    for (const t of found) expect(foldText(`${t.title} ${t.description} ${t.location} ${t.quantity}`)).toContain('pano')
  })
})

describe('reading filters from outside', () => {
  it('keeps only what it can read', () => {
    expect(readTaskFilter(null)).toEqual(EMPTY_FILTER)
    expect(readTaskFilter({ text: 5, unitIds: ['a', 7, 'a', ''], statuses: ['done', 'bogus'], late: 'yes', mine: true }))
      .toEqual({ ...EMPTY_FILTER, unitIds: ['a'], statuses: ['done'], mine: true })
  })
  it('round-trips through the address and keeps foreign parameters', () => {
    const filter: TaskFilter = { text: 'lưu động & pano', unitIds: ['a,b', 'c'], channelIds: ['x'], statuses: ['done'], phaseIds: ['p2'], late: true, mine: false }
    const search = writeAddress('?utm=zalo&q=old', { filter, planId: 'plan-1', view: 'list', date: '2021-05-23' })
    expect(search).toContain('utm=zalo')
    const back = readAddress(search)
    expect(sameFilter(back.filter, filter)).toBe(true)
    expect(back).toMatchObject({ planId: 'plan-1', view: 'list', date: '2021-05-23' })
    expect(readAddress('?date=23/05/2021').date).toBeNull()
    expect(writeAddress('', { filter: EMPTY_FILTER, planId: null, view: null, date: null })).toBe('')
  })
})
