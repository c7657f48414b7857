/**
 * The lazily loaded views' chunks, and a head start for the one the page opens on.
 *
 * The store reads and decodes every saved plan while its module is evaluated (~0.5–1 s at 10,000
 * tasks). A view chunk asked for by React only after that (FullCalendar, the timeline plugin,
 * Chart.js) is then fetched and compiled after it too. Asking for it first lets the browser fetch
 * and compile it off the main thread while the plans are decoded. This module imports nothing of
 * the store: main.tsx imports it before anything that does.
 */
import { readAddressSearch } from '@/lib/address-bar'
import { matchesMedia, NARROW_SCREEN_QUERY } from '@/lib/media-query'

/**
 * A view's chunk, asked for once, that says without waiting whether it has arrived: a view whose
 * chunk is here renders at once instead of suspending (lazy-view.tsx says why that matters).
 */
export interface ViewChunk<M> {
  load: () => Promise<M>
  loaded: () => M | null
}

function viewChunk<M>(importChunk: () => Promise<M>): ViewChunk<M> {
  let module: M | null = null
  let pending: Promise<M> | null = null
  return {
    load: () => (pending ??= importChunk().then(
      (loaded) => (module = loaded),
      // A failed load (offline, a new deploy) is asked for again by the next caller that is not a
      // view already mounted through lazy() (React keeps that one's failure: ViewFailureBoundary shows it).
      (error: unknown) => { pending = null; throw error },
    )),
    loaded: () => module,
  }
}

export const campaignCalendarChunk = viewChunk(() => import('@/features/calendar/components/campaign-calendar'))
export const timelineViewChunk = viewChunk(() => import('@/features/timeline/components/timeline-view'))
export const dashboardViewChunk = viewChunk(() => import('@/features/dashboard/components/dashboard-view'))
export const loadCampaignCalendar = campaignCalendarChunk.load

const CALENDAR_VIEWS = ['month', 'week', 'year']

/**
 * Starts loading the chunk of the view named in the address. Without one, a wide screen opens on
 * the saved view, most often a calendar (start-view.ts: a phone opens on the list, which needs none,
 * and a phone's month is not FullCalendar's: phone-month-view.tsx).
 */
export function preloadStartViewChunk(search: string = readAddressSearch(), narrowScreen: boolean = matchesMedia(NARROW_SCREEN_QUERY)): Promise<void> | null {
  const view = new URLSearchParams(search).get('view')
  const chunk: ViewChunk<unknown> | null = view === 'dashboard' ? dashboardViewChunk
    : view === 'timeline' ? timelineViewChunk
      : (view !== null && CALENDAR_VIEWS.includes(view) && !(view === 'month' && narrowScreen)) || (view === null && !narrowScreen) ? campaignCalendarChunk
        : null
  // A failed preload is not an error: the view asks again when it mounts (and ViewFailureBoundary says so if that fails too).
  return chunk ? chunk.load().then(() => {}, () => {}) : null
}

/**
 * Starts the browser's number and date formatting for FullCalendar's locale codes ('vi', 'en-gb').
 * The first Intl object of a page costs ~50 ms (ICU starting; ×4 on a mid-range phone): called when
 * the page is idle, that is not paid inside the tap that first opens a calendar (FullCalendar's
 * parseLocale makes one on its first render), nor by the phone's first tap on "Tháng".
 */
export function warmUpDateFormatting(): void {
  for (const code of ['vi', 'en-gb']) {
    new Intl.NumberFormat(code).format(1)
    new Intl.DateTimeFormat(code, { weekday: 'short', day: 'numeric', month: 'numeric', year: 'numeric' }).format(0)
  }
}
