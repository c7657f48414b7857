/**
 * The view in the page's address: which plan, view, date and filter. Opening an address applies it
 * (a bookmark, a link sent on Zalo, a reload); every later change rewrites it. A plan id the browser
 * does not hold is ignored (the link came from another office's browser): the filter still applies
 * to the plan that opens. Without filter parameters the plan's own last filter stays.
 */
import { readAddress, writeAddress, addressHasFilter } from '@/domain/filter/filter-query'
import { readAddressSearch, replaceAddressSearch } from '@/lib/address-bar'
import { planViewOf } from '@/store/filter-slice'
import type { PlannerState, ViewKind } from '@/store/planner-state'

interface AddressStore {
  getState: () => PlannerState
  subscribe: (listener: (state: PlannerState, previous: PlannerState) => void) => () => void
}

const VIEW_KINDS: readonly ViewKind[] = ['month', 'week', 'list', 'year', 'timeline', 'dashboard']

export function startAddressSync(store: AddressStore): () => void {
  const search = readAddressSearch()
  const address = readAddress(search)
  const state = store.getState()
  if (address.planId && address.planId !== state.activePlanId && Object.prototype.hasOwnProperty.call(state.plans, address.planId)) {
    state.switchPlan(address.planId)
  }
  const calendar: { view?: ViewKind; date?: string } = {}
  if (address.view && (VIEW_KINDS as readonly string[]).includes(address.view)) calendar.view = address.view as ViewKind
  if (address.date) calendar.date = address.date
  if (calendar.view || calendar.date) store.getState().setCalendar(calendar)
  if (addressHasFilter(search)) store.getState().setFilter(address.filter)

  const write = (s: PlannerState) => replaceAddressSearch(writeAddress(readAddressSearch(), {
    planId: s.activePlanId,
    view: s.calendar.view,
    date: s.calendar.date,
    filter: planViewOf(s).filter,
  }))
  write(store.getState())
  // A letter typed in the search box changes the filter alone: its address is written once the
  // page is idle (the search's update painted first; history.replaceState took ~5 ms of each
  // keystroke at 10,000 tasks, issue 11), and never later than FILTER_WRITE_WITHIN_MS. Another
  // change (plan, view, date) writes at once, the latest filter with it.
  let pending: (() => void) | null = null
  const writeNow = (s: PlannerState) => {
    pending?.()
    pending = null
    write(s)
  }
  const unsubscribe = store.subscribe((next, previous) => {
    if (next.activePlanId !== previous.activePlanId || next.calendar !== previous.calendar) writeNow(next)
    else if (planViewOf(next).filter !== planViewOf(previous).filter && pending === null) {
      pending = whenIdle(() => {
        pending = null
        write(store.getState())
      })
    }
  })
  // Leaving the page (a reload, a closed tab): what is pending is written first.
  const flush = () => { if (pending !== null) writeNow(store.getState()) }
  window.addEventListener('pagehide', flush)
  return () => {
    unsubscribe()
    window.removeEventListener('pagehide', flush)
    pending?.()
  }
}

const FILTER_WRITE_WITHIN_MS = 300

/** Runs `callback` when the page is idle (at the latest after FILTER_WRITE_WITHIN_MS); returns its cancel. */
function whenIdle(callback: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(callback, { timeout: FILTER_WRITE_WITHIN_MS })
    return () => window.cancelIdleCallback(handle)
  }
  const handle = window.setTimeout(callback, 0)
  return () => window.clearTimeout(handle)
}
