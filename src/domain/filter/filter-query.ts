/**
 * The filter (and the view) in the page's address, so a bookmark or a link sent on Zalo opens the
 * same view, and a reload keeps it: `?view=month&date=2021-05-23&q=pano&unit=a&unit=b&late=1`.
 * Repeated parameters for lists (ids may hold commas). Parameters we do not own are kept as they are.
 */
import { PROGRESS_DRILL_PARAMS, readProgressDrillParams, writeProgressDrillParams } from '@/domain/filter/progress-drill'
import { readTaskFilter, type TaskFilter } from '@/domain/filter/task-filter'

const FILTER_PARAMS = ['q', 'unit', 'channel', 'status', 'phase', 'late', 'mine'] as const
const VIEW_PARAMS = ['plan', 'view', 'date'] as const

export interface AddressState {
  filter: TaskFilter
  planId: string | null
  view: string | null
  date: string | null
}

export function readAddress(search: string): AddressState {
  const params = new URLSearchParams(search)
  const filter = readTaskFilter({
    text: params.get('q') ?? '',
    unitIds: params.getAll('unit'),
    channelIds: params.getAll('channel'),
    statuses: params.getAll('status'),
    phaseIds: params.getAll('phase'),
    late: params.get('late') === '1',
    mine: params.get('mine') === '1',
    progress: readProgressDrillParams(params),
  })
  const date = params.get('date')
  return {
    filter,
    planId: params.get('plan'),
    view: params.get('view'),
    date: date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
  }
}

/** `search` with our parameters replaced by these; others kept. Returns '' or '?…'. */
export function writeAddress(search: string, state: AddressState): string {
  const params = new URLSearchParams(search)
  for (const key of [...FILTER_PARAMS, ...VIEW_PARAMS]) params.delete(key)
  if (state.planId) params.set('plan', state.planId)
  if (state.view) params.set('view', state.view)
  if (state.date) params.set('date', state.date)
  const { filter } = state
  if (filter.text.trim() !== '') params.set('q', filter.text)
  for (const id of filter.unitIds) params.append('unit', id)
  for (const id of filter.channelIds) params.append('channel', id)
  for (const status of filter.statuses) params.append('status', status)
  for (const id of filter.phaseIds) params.append('phase', id)
  if (filter.late) params.set('late', '1')
  if (filter.mine) params.set('mine', '1')
  writeProgressDrillParams(params, filter.progress)
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

export function addressHasFilter(search: string): boolean {
  const params = new URLSearchParams(search)
  return FILTER_PARAMS.some((key) => params.has(key)) || PROGRESS_DRILL_PARAMS.some((key) => params.has(key))
}

