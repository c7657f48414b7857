/**
 * The view a phone opens on. The month grid at 390 px is seven 50 px columns of "+n" links, and it
 * is the most expensive view to build (FullCalendar's day grid), so a phone without a view in its
 * address starts on the list ("Danh sách"). An address that names a view (a bookmark, a link sent on
 * Zalo, a reload: address-sync.ts writes the view into the address) keeps it on every screen.
 */
import { readAddressSearch } from '@/lib/address-bar'
import { matchesMedia, NARROW_SCREEN_QUERY } from '@/lib/media-query'
import type { ViewKind } from '@/store/planner-state'

const VIEWS: readonly string[] = ['month', 'week', 'list', 'year', 'timeline', 'dashboard'] satisfies readonly ViewKind[]

/**
 * The view to open on, or null to keep the store's (and the address's) own choice. An address whose
 * view is empty or unknown is read as one without a view (address-sync.ts ignores it too).
 */
export function startViewFor(search: string, narrowScreen: boolean): ViewKind | null {
  if (!narrowScreen) return null
  return VIEWS.includes(new URLSearchParams(search).get('view') ?? '') ? null : 'list'
}

/**
 * Applies startViewFor to the page. Call before startAddressSync (the address then gets the view)
 * and before the debug handle is exposed (a tool that picks a view there has the last word).
 */
export function applyStartView(store: { getState: () => { setCalendar: (c: { view: ViewKind }) => void } }): void {
  const view = startViewFor(readAddressSearch(), matchesMedia(NARROW_SCREEN_QUERY))
  if (view) store.getState().setCalendar({ view })
}
