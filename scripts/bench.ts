/**
 * The benchmark: the built app (dist/) with a 10,000-task plan, against a bare FullCalendar page given
 * the same 10,000 events at once. A report, not a test: it exits 0 when a target fails and non-zero
 * only when the benchmark itself breaks (no build, a page error, a wait that never ends in the app).
 *
 *   npm run bench          (vite build && tsx --tsconfig tsconfig.app.json scripts/bench.ts)
 *   BENCH_RUNS=3 …         runs per number (default 5; medians are reported)
 *   BENCH_BUDGET_S=600 …   time budget for the measurements (default 320 s, see "schedule" below)
 *   BENCH_PROFILE=1 …      also writes a CPU profile of one app month load to .bench/app-month-load.cpuprofile
 *   BENCH_ONLY=phone …     only the phone profile (4× CPU throttling, 390 × 844, touch: scripts/bench/phone.ts)
 *   BENCH_ONLY=search …    only the search keystroke at 10,000 tasks (scripts/bench/search.ts)
 *   BENCH_ONLY=timeline …  only the timeline (ready, grouping switch, whole campaign: scripts/bench/timeline.ts)
 *   BENCH_ONLY=dashboard … only the dashboard ("Tổng quan" ready at 10,000 tasks, the figures' share: scripts/bench/dashboard.ts)
 *
 * Schedule: each run measures the app's week, list and year views (load + next), the bare week and
 * year, and — while the time budget allows (always in the first run) — the "month pair": the app's
 * month session (load, drag, save, edit, save, next; the view buttons in the first run only) and the
 * bare month (load, next). With a slow month the pair gets fewer than 5 runs; the table says how many.
 * The bare year is not repeated once it has timed out; the bare listYear runs once.
 *
 * How each number is taken (all times from the page's own clock, performance.now()):
 * - "ready after load": a fresh browser context (empty cache, empty storage) per run; the plan is
 *   written to localStorage by page.addInitScript on a blank page of the same origin, the script is
 *   removed, then the app is opened. The time is from navigation start until the view's content is
 *   in the DOM and two animation frames later (see scripts/bench/probe.browser.js). The app opens on
 *   the month view; for week, list and year the view is chosen through the debug handle before the
 *   first render (window.__electionPlanner is assigned after the store hydrates and before React
 *   renders), so each view is measured as a load straight into that view, like the bare page's
 *   initialView. Switching views with the "Tuần" / "Danh sách" / "Năm" / "Tháng" buttons is timed too,
 *   as an extra (click → new view painted).
 *   "Content" per view (appSpec / bareSpec below): month = the period's day cells (.fc-daygrid-day)
 *   and a task event (.fc-event.task-event) visible in a cell of the period; week = .fc-timegrid with a
 *   task event visible in the week; list = a row of data-testid="task-list" visible; year =
 *   .fc-multimonth months with a day mark (event or "+n" link) visible; bare listYear = a visible
 *   .fc-list-event. The app's checks also require the period title ([data-testid=period-title]).
 * - The bare page: scripts/bench/bare-page.ts. listYear needs @fullcalendar/list, which the app does
 *   not depend on: it is taken from node_modules if present, else installed once into .bench/deps.
 * - "after next": a real click on "›" (aria-label "Sau"; in the bare page FullCalendar's next button),
 *   from the click event's timestamp until the period title has changed and the new period's
 *   content is painted (two frames). In the app's month it is taken after the drag and the edit.
 * - "one drag": the store's moveTask (what the calendar's eventDrop handler calls) of a visible
 *   all-day task (one day long when one is visible) by a week, until its bar has left the old day
 *   cell and the new cell shows it (or, on a busy day, its "+n" count changed), plus two frames. Not
 *   a mouse drag: the gesture's own timing (pointer moves, FullCalendar's drag mirror) would be
 *   measured with it, and less stably.
 * - "one edit": the store's saveTask with a new title until the new title is on screen, plus two frames.
 * - "one save": after the edit, nothing is called; the adapter's `timing` is polled until it changes.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { addDays } from '@/domain/dates/local-date'
import { firstDay, lastDay } from '@/domain/plan/task-dates'
import type { Plan } from '@/domain/types'
import { taskToEvent } from '@/features/calendar/utils/calendar-events'
import { periodOf, periodTitle, stepPeriod, type CalendarViewKind } from '@/domain/dates/calendar-period'
import { initialCalendarDate } from '@/store/planner-store'
import { STORAGE_KEYS } from '@/store/storage-keys'
import { launchBrowser } from './lib/browser.mjs'
import { startStaticServer } from './lib/static-server.mjs'
import { BARE_INITIAL_DATE, buildBarePage } from './bench/bare-page'
import { BENCH_SEED, describePlan, generateBenchPlan } from './bench/generate-plan'
import { measureInitialJs } from './bench/initial-js'
import { generateRichPlan } from './bench/generate-rich-plan'
import {
  measureRichPlanStorage, percentOfQuota, richPlanRows, seedChars, STORAGE_USED_EXPRESSION, storageSeed, type RichPlanStorage,
} from './bench/storage'
import { formatReport, type Row } from './bench/report'
import { measureDomainAndIo, printDomainRows } from './bench/domain-and-io'
import { benchBackupText, measureImportThroughUi, type ImportUiRun } from './bench/import-ui'
import { measurePhoneProfile, runPhoneProfileAlone } from './bench/phone'
import { measureDashboard, runDashboardAlone } from './bench/dashboard'
import { measureSearch, runSearchAlone } from './bench/search'
import { measureDocxToPdf } from './bench/docx-to-pdf'
import { measureSync } from './bench/sync'
import { measureTimeline, TIMELINE_TARGETS, type TimelineRun } from './bench/timeline'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** BENCH_DIST: measure another build (a helper's own, never written into dist/). */
const DIST = process.env.BENCH_DIST ?? join(ROOT, 'dist')
const BENCH_DIR = join(ROOT, '.bench')
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5))
/** Wall-clock budget for the measurements (the brief: the whole `npm run bench` in ~6 minutes). */
const BUDGET_MS = Number(process.env.BENCH_BUDGET_S ?? 320) * 1000
const VIEWPORT = { width: 1366, height: 768 }
/** The bare page's views give up after this (FullCalendar fed everything can take minutes). */
const WAIT_TIMEOUT_MS = 30_000
const BARE_LIST_TIMEOUT_MS = 30_000
/** The app's waits: longer, since a wait that ends here means the benchmark is broken. */
const APP_WAIT_TIMEOUT_MS = 90_000
/** Chromium keeps at most 5 MiB of UTF-16 code units (key + value) per origin in localStorage. */
const CHROMIUM_LOCAL_STORAGE_QUOTA_CHARS = 5 * 1024 * 1024

const TARGETS = {
  readyVsBare: 1.0,
  readyMs: 1500,
  nextMonthMs: 300,
  editMs: 100,
  savedBytes: 4_000_000,
  initialJsGzipBytes: 250 * 1024,
  /** Issue 9: the 10,000-task backup through the import dialog, preview + apply. */
  importUiMs: 1500,
  /** Issue 9: no main-thread task longer than this while a file is imported. */
  longTaskMs: 200,
}

type AppView = CalendarViewKind
type BareView = 'month' | 'week' | 'year' | 'list'
const APP_VIEWS: AppView[] = ['month', 'week', 'list', 'year']
const VIEW_BUTTON: Record<AppView, string> = { month: 'Tháng', week: 'Tuần', list: 'Danh sách', year: 'Năm' }
const BARE_FC_VIEW: Record<BareView, string> = { month: 'dayGridMonth', week: 'timeGridWeek', year: 'multiMonthYear', list: 'listYear' }

// ── what "ready" means, per view ───────────────────────────────────────────────────────────────────

type Spec = Record<string, unknown>
const TASK_EVENTS_IN_DAYGRID = '.fc-daygrid-day .fc-event.task-event'
const TASK_EVENTS = '.fc-event.task-event'
const YEAR_MARKS = '.fc-daygrid-event, .fc-daygrid-more-link, .day-count-badge'
const APP_TITLE = '[data-testid="period-title"]'
const APP_LIST_ROWS = '[data-testid="task-list"] .task-list-scroll [role="row"]'

/** The app's view `view` showing the period of `date` (minDate can exclude days the old grid showed). */
function appSpec(view: AppView, date: string, minDate?: string): Spec {
  const period = periodOf(view, date)
  const title = { selector: APP_TITLE, equals: periodTitle(view, date, 'vi') }
  switch (view) {
    case 'month':
      return { kind: 'grid', root: '.fc-dayGridMonth-view', cellDate: addDays(period.start, 14), events: TASK_EVENTS_IN_DAYGRID, minDate: minDate ?? period.start, maxDate: period.end, title }
    case 'week':
      return { kind: 'grid', root: '.fc-timegrid', cellDate: addDays(period.start, 3), events: TASK_EVENTS, minDate: minDate ?? period.start, maxDate: period.end, title }
    case 'list':
      return { kind: 'rows', rows: APP_LIST_ROWS, title }
    case 'year': {
      // The year after the plan has no tasks: there only the months themselves are expected.
      const hasTasks = period.start < '2021-07-01' && period.end > '2021-01-01'
      return { kind: 'multimonth', month: period.start.slice(0, 7), events: YEAR_MARKS, requireEvents: hasTasks, minDate: period.start, maxDate: period.end, title }
    }
  }
}

function bareSpec(view: BareView, date: string, opts: { minDate?: string; titleNot?: string } = {}): Spec {
  const title = opts.titleNot === undefined ? undefined : { selector: '.fc-toolbar-title', notEquals: opts.titleNot }
  switch (view) {
    case 'month': {
      const period = periodOf('month', date)
      return { kind: 'grid', root: '.fc-dayGridMonth-view', cellDate: addDays(period.start, 14), events: TASK_EVENTS_IN_DAYGRID, minDate: opts.minDate ?? period.start, maxDate: period.end, title }
    }
    case 'week': {
      // FullCalendar's default (en) week starts on Sunday.
      const day = new Date(`${date}T00:00:00Z`).getUTCDay()
      const start = addDays(date, -day)
      return { kind: 'grid', root: '.fc-timegrid', cellDate: addDays(start, 3), events: TASK_EVENTS, minDate: start, maxDate: addDays(start, 7), title }
    }
    case 'year': {
      const year = date.slice(0, 4)
      return { kind: 'multimonth', month: `${year}-01`, events: YEAR_MARKS, minDate: `${year}-01-01`, maxDate: `${Number(year) + 1}-01-01`, title }
    }
    case 'list':
      return { kind: 'rows', rows: '.fc-list-event' }
  }
}

// ── page helpers ───────────────────────────────────────────────────────────────────────────────────

interface Ready { detectedAt?: number; paintedAt?: number; clickAt?: number; timeout?: boolean }
interface LongTask { start: number; duration: number }

class BenchBreak extends Error {}

async function evaluate<T>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T
}

/** Waits until the probe exists in the page, then for its `ready` promise. */
async function awaitReady(page: Page): Promise<Ready> {
  return evaluate<Ready>(page, `new Promise((resolve) => {
    const go = () => (window.__bench && window.__bench.ready ? resolve(window.__bench.ready) : setTimeout(go, 5))
    go()
  })`)
}

async function loadInfo(page: Page, readyAt: number) {
  return evaluate<{ storeReady?: number; firstDom?: number; responseEnd: number; domContentLoaded: number; scriptEnd: number | null; domNodes: number; longTasks: LongTask[] }>(page, `(() => {
    const nav = performance.getEntriesByType('navigation')[0]
    const script = performance.getEntriesByType('resource').filter((r) => r.initiatorType === 'script').map((r) => r.responseEnd)
    return {
      storeReady: window.__bench.marks.storeReady, firstDom: window.__bench.marks.firstDom,
      responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd,
      scriptEnd: script.length ? Math.max(...script) : null,
      domNodes: document.getElementsByTagName('*').length,
      longTasks: window.__bench.longTasksBetween(0, ${readyAt}),
    }
  })()`)
}

/** Arms the wait, clicks (a real mouse click); returns the click event's time → painted (ms). */
async function clickAndWait(page: Page, clickSelector: string, click: () => Promise<void>, spec: Spec): Promise<{ ms: number | null; longTasks: LongTask[] }> {
  await evaluate(page, `window.__bench.armClick(${JSON.stringify(clickSelector)}, ${JSON.stringify(spec)}, ${APP_WAIT_TIMEOUT_MS})`)
  await click()
  const result = await evaluate<Ready>(page, 'window.__bench.awaitPending()')
  if (result.timeout || result.clickAt === null || result.clickAt === undefined || result.paintedAt === undefined) return { ms: null, longTasks: [] }
  const longTasks = await evaluate<LongTask[]>(page, `window.__bench.longTasksBetween(${result.clickAt}, ${result.paintedAt})`)
  return { ms: result.paintedAt - result.clickAt, longTasks }
}

const summarizeLongTasks = (tasks: LongTask[]) => ({
  count: tasks.length,
  totalMs: round(tasks.reduce((s, t) => s + t.duration, 0)),
  longestMs: round(tasks.reduce((m, t) => Math.max(m, t.duration), 0)),
})

function round(n: number, digits = 1): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

function median(values: (number | null)[]): number | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b)
  if (xs.length === 0 || xs.length < values.length) return null // a timed-out run makes the median unknown
  const mid = Math.floor(xs.length / 2)
  return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2
}

// ── the run ────────────────────────────────────────────────────────────────────────────────────────

interface MonthExtra {
  drag: { ms: number; taskId: string; from: string; to: string; days: number; visibleInNewCell: boolean; longTasks: ReturnType<typeof summarizeLongTasks> }
  dragSave: SaveTiming
  edit: { ms: number; taskId: string; date: string; longTasks: ReturnType<typeof summarizeLongTasks> }
  save: SaveTiming & { timeout?: boolean; savedAfterEditMs: number; saveStatus: string; longTasks: ReturnType<typeof summarizeLongTasks> }
  savedChars: number
  savedUtf8: number
  switches?: Partial<Record<AppView, number | null>>
}
interface SaveTiming { lastWriteMs: number; lastWriteBytes: number; lastWriteDeferred: boolean; lastEncodeMs?: number; lastWriteKeys?: number; lastWriteSlices?: number }
interface AppRun {
  readyMs: number | null
  nextMs: number | null
  load?: Awaited<ReturnType<typeof loadInfo>>
  nextLongTasks?: ReturnType<typeof summarizeLongTasks>
  month?: MonthExtra
}
interface BareRun { readyMs: number | null; nextMs?: number | null; domNodes?: number; longTasks?: ReturnType<typeof summarizeLongTasks> }

async function main() {
  if (process.env.BENCH_ONLY === 'phone') return runPhoneProfileAlone(DIST, Math.min(RUNS, 3))
  if (process.env.BENCH_ONLY === 'dashboard') return runDashboardAlone(DIST, Math.min(RUNS, 5))
  if (process.env.BENCH_ONLY === 'search') return runSearchAlone(DIST, Math.min(RUNS, 3))
  const startedAt = performance.now()
  const elapsed = () => performance.now() - startedAt
  if (!existsSync(join(DIST, 'index.html'))) throw new BenchBreak('No build in dist/: run `npx vite build` first (npm run bench does).')
  await mkdir(BENCH_DIR, { recursive: true })
  const probeSource = await readFile(join(ROOT, 'scripts', 'bench', 'probe.browser.js'), 'utf8')

  // The plan and what it is saved as.
  const { plan, templateTaskCount, generatedTaskCount } = generateBenchPlan()
  const planInfo = { ...describePlan(plan), templateTasks: templateTaskCount, generatedTasks: generatedTaskCount }
  const envelope = JSON.stringify({
    state: { plans: { [plan.id]: plan }, activePlanId: plan.id, language: 'vi', lastBackupAt: null },
    version: 2,
  })
  // What the app itself saves (one key per plan, compressed; scripts/bench/storage.ts): the loads
  // measure reading that, not the migration of the old single-key envelope above.
  const seededKeys = storageSeed(plan)
  const appStartDate = initialCalendarDate(plan)
  log(`plan: ${planInfo.tasks} tasks (${planInfo.timed} timed), seeded envelope ${envelope.length.toLocaleString('en')} chars; the app opens on ${appStartDate}`)
  if (envelope.length + STORAGE_KEYS.document.length > CHROMIUM_LOCAL_STORAGE_QUOTA_CHARS) {
    throw new BenchBreak(`the seeded save (${envelope.length} chars) does not fit Chromium's localStorage quota (${CHROMIUM_LOCAL_STORAGE_QUOTA_CHARS} chars)`)
  }

  const colors = new Map(plan.channels.map((c) => [c.id, c.color]))
  const bare = await buildBarePage(ROOT, BENCH_DIR, Object.values(plan.tasks).map((t) => taskToEvent(t, colors)))
  log(`bare FullCalendar page built in ${Math.round(bare.buildMs)} ms (${bare.listPluginNote})`)
  const initialJs = await measureInitialJs(DIST)

  const importRuns: ImportUiRun[] = []
  const timelineRuns: TimelineRun[] = []
  let richStorage: RichPlanStorage | null = null
  let richStorageError: string | null = null
  const server = await startStaticServer(DIST, {
    ...bare.routes,
    '/__bench/seed': { type: 'text/html; charset=utf-8', body: '<!doctype html><link rel="icon" href="data:,"><title>seed</title>' },
  })
  const browser: Browser = await launchBrowser()
  const pageErrors: string[] = []
  const timeouts: string[] = []

  async function openPage(config: Record<string, unknown>, seed: boolean): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: VIEWPORT })
    const page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`))
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`${page.url()}: console.error ${m.text()}`) })
    if (seed) {
      // Written on a blank page of the same origin, then the script is removed: the measured
      // navigation neither carries nor runs the 5 MB init script.
      const seedScript = await page.addInitScript({
        content: `if (location.pathname === '/__bench/seed') for (const [k, v] of Object.entries(${JSON.stringify(seededKeys)})) localStorage.setItem(k, v)`,
      })
      await page.goto(`${server.url}/__bench/seed`)
      const stored = await evaluate<number>(page, STORAGE_USED_EXPRESSION)
      if (stored !== seedChars(seededKeys)) throw new BenchBreak(`seeding localStorage failed (${stored} of ${seedChars(seededKeys)} chars stored)`)
      await seedScript.dispose()
    }
    await page.addInitScript({ content: `window.__BENCH_CONFIG__ = ${JSON.stringify(config)};\n${probeSource}` })
    return { context, page }
  }

  if (process.env.BENCH_ONLY === 'timeline') {
    // The timeline alone (issue 11): the same runs as in the full benchmark, without the rest.
    try {
      for (let run = 0; run < Math.min(RUNS, 3); run += 1) {
        const t = await measureTimeline({ openPage, awaitReady, clickAndWait, url: `${server.url}/?view=timeline`, date: appStartDate, plan, timeoutMs: APP_WAIT_TIMEOUT_MS })
        timelineRuns.push(t)
        log(`  timeline run ${run + 1}: ready ${fmt(t.readyMs)}, units → channels ${fmt(t.toChannelsMs)}, → units ${fmt(t.toUnitsMs)}, whole campaign ${fmt(t.campaignMs)}, longest switch task ${fmt(t.longestSwitchTaskMs)} (${t.bars} bars, ${t.markers} "+N", ${t.domNodes} DOM nodes)`)
      }
    } finally {
      await browser.close()
      await server.close()
    }
    const m = (k: keyof TimelineRun) => median(timelineRuns.map((r) => r[k]))
    process.stdout.write(`\n${formatReport([
      { metric: 'Timeline ready after load (ms) [units, month]', app: m('readyMs'), bare: null, ratio: null, runs: `${timelineRuns.length}`, target: `≤ ${TIMELINE_TARGETS.readyMs}`, pass: m('readyMs') !== null && m('readyMs')! <= TIMELINE_TARGETS.readyMs },
      { metric: 'Timeline grouping switch units → channels (ms)', app: m('toChannelsMs'), bare: null, ratio: null, runs: `${timelineRuns.length}`, target: `≤ ${TIMELINE_TARGETS.switchMs}`, pass: m('toChannelsMs') !== null && m('toChannelsMs')! <= TIMELINE_TARGETS.switchMs, note: `back to units ${fmt(m('toUnitsMs'))} ms; whole campaign ${fmt(m('campaignMs'))} ms; longest task in the two switches ${fmt(m('longestSwitchTaskMs'))} ms` },
    ], [])}\n`)
    if (pageErrors.length > 0) throw new BenchBreak(`page errors: ${pageErrors.slice(0, 5).join('; ')}`)
    return
  }

  const shownDates = (page: Page, pick: 'first' | 'last') => evaluate<string>(page,
    `[...document.querySelectorAll('td.fc-daygrid-day[data-date]')].map((td) => td.getAttribute('data-date')).sort()${pick === 'first' ? '[0]' : '.pop()'}`)

  // ── app ──
  const appRuns: Record<AppView, AppRun[]> = { month: [], week: [], list: [], year: [] }

  async function measureApp(view: AppView, withSwitches: boolean): Promise<AppRun> {
    const { context, page } = await openPage({ initialView: view === 'month' ? null : view, readySpec: appSpec(view, appStartDate), readyTimeoutMs: APP_WAIT_TIMEOUT_MS }, true)
    try {
      await page.goto(server.url + '/', { waitUntil: 'commit' })
      const r = await awaitReady(page)
      if (r.timeout || r.paintedAt === undefined) {
        timeouts.push(`app ${view}: ready after load`)
        return { readyMs: null, nextMs: null }
      }
      const entry: AppRun = { readyMs: r.paintedAt, nextMs: null, load: await loadInfo(page, r.paintedAt) }
      // In the month: drag, edit and save first (on election day's month, the busiest), then "next".
      if (view === 'month') entry.month = await monthInteractions(page, appStartDate)
      const date = await evaluate<string>(page, 'window.__electionPlanner.store.getState().calendar.date')
      const nextDate = stepPeriod(view, date, 1)
      const minDate = view === 'month' ? addDays(await shownDates(page, 'last'), 1) : undefined
      const next = await clickAndWait(page, 'button[aria-label="Sau"]', () => page.getByRole('button', { name: 'Sau', exact: true }).click(), appSpec(view, nextDate, minDate))
      if (next.ms === null) timeouts.push(`app ${view}: after next`)
      entry.nextMs = next.ms
      entry.nextLongTasks = summarizeLongTasks(next.longTasks)
      if (view === 'month' && withSwitches && entry.month) entry.month.switches = await viewSwitches(page)
      return entry
    } finally {
      await context.close()
    }
  }

  async function monthInteractions(page: Page, date: string): Promise<MonthExtra> {
    const { start, end } = periodOf('month', date)
    const drag = await evaluate<MonthExtra['drag'] & { longTasks: LongTask[] }>(page, `window.__bench.moveVisibleTask(${JSON.stringify(start)}, ${JSON.stringify(end)})`)
    if (!Number.isFinite(drag.ms)) timeouts.push('app month: one drag')
    // Let the drag's own save happen first, so that the save measured next is the edit's.
    const dragSave = await evaluate<SaveTiming>(page, `new Promise((resolve) => {
      const s = window.__electionPlanner.storage
      const deadline = performance.now() + ${APP_WAIT_TIMEOUT_MS}
      const go = () => (s.timing.lastWriteBytes > 0 || performance.now() > deadline ? resolve({ ...s.timing }) : setTimeout(go, 10))
      go()
    })`)
    const edit = await evaluate<MonthExtra['edit'] & { longTasks: LongTask[] }>(page, `window.__bench.editVisibleTask(${JSON.stringify(start)}, ${JSON.stringify(end)}, ${JSON.stringify(drag.taskId)})`)
    if (!Number.isFinite(edit.ms)) timeouts.push('app month: one edit')
    const save = await evaluate<MonthExtra['save'] & { longTasks: LongTask[] }>(page, `window.__bench.waitForSave(${APP_WAIT_TIMEOUT_MS})`)
    if (save.timeout) timeouts.push('app month: save after edit')
    const key = JSON.stringify(STORAGE_KEYS.document)
    return {
      drag: { ...drag, longTasks: summarizeLongTasks(drag.longTasks) },
      dragSave,
      edit: { ...edit, longTasks: summarizeLongTasks(edit.longTasks) },
      save: { ...save, longTasks: summarizeLongTasks(save.longTasks ?? []) },
      // Every key of the origin (document + plan keys), as Chromium counts them against the quota.
      savedChars: await evaluate<number>(page, STORAGE_USED_EXPRESSION),
      savedUtf8: await evaluate<number>(page, `new TextEncoder().encode(localStorage.getItem(${key}) || '').length`),
    }
  }

  /** The view buttons, one after the other, from the month: Tuần, Danh sách, Năm, then Tháng again. */
  async function viewSwitches(page: Page): Promise<Partial<Record<AppView, number | null>>> {
    const result: Partial<Record<AppView, number | null>> = {}
    for (const view of ['week', 'list', 'year', 'month'] as AppView[]) {
      const date = await evaluate<string>(page, 'window.__electionPlanner.store.getState().calendar.date')
      const label = VIEW_BUTTON[view]
      const s = await clickAndWait(page, '.view-switch button', () => page.getByRole('button', { name: label, exact: true }).click(), appSpec(view, date))
      if (s.ms === null) timeouts.push(`app: switch to ${view}`)
      result[view] = s.ms
    }
    return result
  }

  // ── bare ──
  const bareRuns: Record<BareView, BareRun[]> = { month: [], week: [], year: [], list: [] }

  async function measureBare(view: BareView, timeoutMs: number): Promise<BareRun> {
    const { context, page } = await openPage({ readySpec: bareSpec(view, BARE_INITIAL_DATE), readyTimeoutMs: timeoutMs }, false)
    try {
      await page.goto(`${server.url}${bare.path}?view=${BARE_FC_VIEW[view]}`, { waitUntil: 'commit' })
      // A page stuck in one long task cannot answer, nor run its own timer: race it with ours.
      const r = await Promise.race([
        awaitReady(page),
        new Promise<Ready>((ok) => setTimeout(() => ok({ timeout: true }), timeoutMs + 2_000)),
      ])
      if (r.timeout || r.paintedAt === undefined) return { readyMs: null }
      const load = await loadInfo(page, r.paintedAt)
      const entry: BareRun = { readyMs: r.paintedAt, domNodes: load.domNodes, longTasks: summarizeLongTasks(load.longTasks) }
      if (view === 'month') {
        const title = await evaluate<string>(page, `document.querySelector('.fc-toolbar-title').textContent.trim()`)
        const nextDate = stepPeriod('month', BARE_INITIAL_DATE, 1)
        const spec = bareSpec('month', nextDate, { minDate: addDays(await shownDates(page, 'last'), 1), titleNot: title })
        const next = await clickAndWait(page, '.fc-next-button', () => page.locator('.fc-next-button').click(), spec)
        if (next.ms === null) timeouts.push('bare month: after next')
        entry.nextMs = next.ms
      }
      return entry
    } finally {
      await context.close()
    }
  }

  // ── schedule: every number RUNS times, the slow month pair (app + bare) as often as the budget allows ──
  let monthPairMs = 0
  let bareYearTimedOut = false
  try {
    log(`measuring: up to ${RUNS} runs; time budget ${Math.round(BUDGET_MS / 1000)} s`)
    for (let run = 0; run < RUNS; run += 1) {
      const reserve = bare.hasList && bareRuns.list.length === 0 ? BARE_LIST_TIMEOUT_MS + 5_000 : 0
      const pairStartedAt = performance.now()
      if (run === 0 || elapsed() + monthPairMs * 1.1 + reserve <= BUDGET_MS) {
        const app = await measureApp('month', run === 0)
        appRuns.month.push(app)
        const bareMonth = await measureBare('month', WAIT_TIMEOUT_MS)
        if (bareMonth.readyMs === null) timeouts.push('bare month: ready after load')
        bareRuns.month.push(bareMonth)
        // Later runs skip the view switches: time the pair from the second run on when there is one.
        monthPairMs = run === 0 ? performance.now() - pairStartedAt - sumSwitches(app) : performance.now() - pairStartedAt
        log(`  run ${run + 1} month: app ready ${fmt(app.readyMs)}, drag ${fmt(app.month?.drag.ms)}, edit ${fmt(app.month?.edit.ms)}, next ${fmt(app.nextMs)} | bare ready ${fmt(bareMonth.readyMs)}, next ${fmt(bareMonth.nextMs)}`)
      } else {
        log(`  run ${run + 1} month: skipped (the month pair takes ~${Math.round(monthPairMs / 1000)} s; over the time budget)`)
      }
      for (const view of ['week', 'list', 'year'] as AppView[]) appRuns[view].push(await measureApp(view, false))
      const bareWeek = await measureBare('week', WAIT_TIMEOUT_MS)
      if (bareWeek.readyMs === null) timeouts.push('bare week: ready after load')
      bareRuns.week.push(bareWeek)
      if (!bareYearTimedOut) {
        const bareYear = await measureBare('year', WAIT_TIMEOUT_MS)
        bareRuns.year.push(bareYear)
        bareYearTimedOut = bareYear.readyMs === null
      }
      log(`  run ${run + 1} others: app week ${fmt(last(appRuns.week)?.readyMs)}/${fmt(last(appRuns.week)?.nextMs)}, list ${fmt(last(appRuns.list)?.readyMs)}/${fmt(last(appRuns.list)?.nextMs)}, year ${fmt(last(appRuns.year)?.readyMs)}/${fmt(last(appRuns.year)?.nextMs)} (ready/next) | bare week ${fmt(bareWeek.readyMs)}, year ${bareYearTimedOut ? 'timeout' : fmt(last(bareRuns.year)?.readyMs)} [${Math.round(elapsed() / 1000)} s]`)
    }
    // The timeline (issue 11): ready, grouping switch and whole campaign, three runs at most.
    for (let run = 0; run < Math.min(RUNS, 3); run += 1) {
      const t = await measureTimeline({ openPage, awaitReady, clickAndWait, url: `${server.url}/?view=timeline`, date: appStartDate, plan, timeoutMs: APP_WAIT_TIMEOUT_MS })
      timelineRuns.push(t)
      if (t.readyMs === null || t.toChannelsMs === null || t.toUnitsMs === null || t.campaignMs === null) timeouts.push('app timeline: ready or a switch')
      log(`  timeline run ${run + 1}: ready ${fmt(t.readyMs)}, units → channels ${fmt(t.toChannelsMs)}, → units ${fmt(t.toUnitsMs)}, whole campaign ${fmt(t.campaignMs)} (${t.bars} bars, ${t.markers} "+N", ${t.domNodes} DOM nodes)`)
    }
    if (bare.hasList) {
      const entry = await measureBare('list', BARE_LIST_TIMEOUT_MS)
      bareRuns.list.push(entry)
      log(`  bare listYear (once): ${entry.readyMs === null ? 'timeout' : `${fmt(entry.readyMs)} ms, ${entry.domNodes} DOM nodes`}`)
    }
    // The 10,000-task backup through "Nhập" (scripts/bench/import-ui.ts), three runs at most.
    const backupText = benchBackupText(plan)
    for (let run = 0; run < Math.min(RUNS, 3); run += 1) {
      const r = await measureImportThroughUi(browser, `${server.url}/`, backupText, planInfo.tasks)
      importRuns.push(r)
      log(`  import run ${run + 1}: preview ${fmt(r.previewMs)} ms, applied ${fmt(r.applyMs)} ms; longest task: preview ${fmt(r.longestPreviewTaskMs)}, apply ${fmt(r.longestApplyTaskMs)}, after ${fmt(r.longestAfterTaskMs)} ms`)
    }
    try {
      richStorage = await measureRichPlanStorage(browser, `${server.url}/`, generateRichPlan())
      log(`  rich plan storage: ${percentOfQuota(richStorage.usedChars)} % of the quota; first save ${fmt(richStorage.firstSave.lastWriteMs)} ms, edit save ${fmt(richStorage.editSave.lastWriteMs, 1)} ms, hydrated ${fmt(richStorage.reload.storeReadyMs)} ms after scripts`)
    } catch (error) {
      richStorageError = error instanceof Error ? error.message : String(error)
    }
    if (process.env.BENCH_PROFILE) await profileMonthLoad()
  } finally {
    await browser.close()
    await server.close()
  }

  async function profileMonthLoad(): Promise<void> {
    const { context, page } = await openPage({ readySpec: appSpec('month', appStartDate), readyTimeoutMs: APP_WAIT_TIMEOUT_MS }, true)
    try {
      const cdp = await context.newCDPSession(page)
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
      await cdp.send('Profiler.start')
      await page.goto(server.url + '/', { waitUntil: 'commit' })
      await awaitReady(page)
      const { profile } = await cdp.send('Profiler.stop')
      await writeFile(join(BENCH_DIR, 'app-month-load.cpuprofile'), JSON.stringify(profile))
      log('CPU profile of an app month load: .bench/app-month-load.cpuprofile (open it in Chrome DevTools › Performance)')
    } finally {
      await context.close()
    }
  }

  // Issue 11: the phone profile, in its own browser (throttled pages, touch).
  const phone = await measurePhoneProfile({ dist: DIST, probeSource, largeSeed: seededKeys, largeTaskCount: planInfo.tasks, runs: Math.min(RUNS, 3), log })
  pageErrors.push(...phone.pageErrors)

  // ── results ──
  const month = appRuns.month.map((r) => r.month).filter((m): m is MonthExtra => m !== undefined)
  const series = {
    appReady: Object.fromEntries(APP_VIEWS.map((v) => [v, appRuns[v].map((r) => r.readyMs)])) as Record<AppView, (number | null)[]>,
    appNext: Object.fromEntries(APP_VIEWS.map((v) => [v, appRuns[v].map((r) => r.nextMs)])) as Record<AppView, (number | null)[]>,
    bareReady: Object.fromEntries((['month', 'week', 'year', 'list'] as BareView[]).map((v) => [v, bareRuns[v].map((r) => r.readyMs)])) as Record<BareView, (number | null)[]>,
    bareNextMonth: bareRuns.month.map((r) => r.nextMs ?? null),
    drag: month.map((m) => m.drag.ms),
    edit: month.map((m) => m.edit.ms),
    save: month.map((m) => (m.save.timeout ? null : m.save.lastWriteMs)),
  }
  const appReady = mapValues(series.appReady, median)
  const appNext = mapValues(series.appNext, median)
  const bareReady = mapValues(series.bareReady, median)
  const bareNextMonth = median(series.bareNextMonth)
  const drag = median(series.drag)
  const edit = median(series.edit)
  const saveMs = median(series.save)
  const saveDeferred = month.length > 0 && month.every((m) => m.save.lastWriteDeferred === true && !m.save.timeout)
  const saveBytes = month[0]?.save.lastWriteBytes ?? null
  const savedChars = month[0]?.savedChars ?? null
  const savedUtf8 = month[0]?.savedUtf8 ?? null
  const switches = month[0]?.switches ?? {}
  const loadBreakdown = mapValues(appRuns, (runs) => ({
    scriptLoadedAt: median(runs.map((r) => r.load?.scriptEnd ?? null)),
    storeHydratedAt: median(runs.map((r) => r.load?.storeReady ?? null)),
    firstDomAt: median(runs.map((r) => r.load?.firstDom ?? null)),
    longTasksMs: median(runs.map((r) => (r.load ? summarizeLongTasks(r.load.longTasks).totalMs : null))),
    longestTaskMs: median(runs.map((r) => (r.load ? summarizeLongTasks(r.load.longTasks).longestMs : null))),
    domNodes: median(runs.map((r) => r.load?.domNodes ?? null)),
  }))
  const bareLoad = mapValues(bareRuns, (runs) => ({
    domNodes: median(runs.map((r) => r.domNodes ?? null)),
    longestTaskMs: median(runs.map((r) => r.longTasks?.longestMs ?? null)),
  }))

  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? a / b : null)
  const bareCell = (v: BareView): number | string | null => {
    if (v === 'list' && !bare.hasList) return 'n/a'
    if (series.bareReady[v].length === 0) return null
    return bareReady[v] ?? `timeout (> ${(v === 'list' ? BARE_LIST_TIMEOUT_MS : WAIT_TIMEOUT_MS) / 1000} s)`
  }
  const rows: Row[] = []
  for (const view of APP_VIEWS) {
    const r = ratio(appReady[view], bareReady[view])
    const vsBare = view === 'month' || view === 'week'
    rows.push({
      metric: `${cap(view)} ready after load (ms)`,
      app: appReady[view], bare: bareCell(view), ratio: r, runs: `${series.appReady[view].length}/${series.bareReady[view].length}`,
      target: vsBare ? `≤ ${TARGETS.readyVsBare.toFixed(1)}× bare and ≤ ${TARGETS.readyMs}` : `≤ ${TARGETS.readyMs}`,
      pass: appReady[view] !== null && appReady[view]! <= TARGETS.readyMs && (!vsBare || (r !== null && r <= TARGETS.readyVsBare)),
    })
  }
  rows.push({
    metric: 'Month after next (ms)', app: appNext.month, bare: bareNextMonth, ratio: ratio(appNext.month, bareNextMonth),
    runs: `${series.appNext.month.length}/${series.bareNextMonth.length}`,
    target: `≤ ${TARGETS.nextMonthMs}`, pass: appNext.month !== null && appNext.month <= TARGETS.nextMonthMs,
  })
  for (const view of ['week', 'list', 'year'] as AppView[]) {
    rows.push({ metric: `${cap(view)} after next (ms)`, app: appNext[view], bare: null, ratio: null, runs: `${series.appNext[view].length}`, target: '—', pass: null })
  }
  rows.push({ metric: 'One drag committed and repainted (ms) [store moveTask]', app: drag, bare: null, ratio: null, runs: `${series.drag.length}`, target: '—', pass: null })
  rows.push({ metric: 'One edit (ms) [store saveTask]', app: edit, bare: null, ratio: null, runs: `${series.edit.length}`, target: `≤ ${TARGETS.editMs}`, pass: edit !== null && edit <= TARGETS.editMs })
  rows.push({
    metric: 'One save (ms main thread) [storage.timing.lastWriteMs]', app: saveMs, bare: null, ratio: null, runs: `${series.save.length}`,
    target: 'off the interaction path, ≤ 100', pass: saveMs === null ? false : saveDeferred && saveMs <= 100,
    note: `lastWriteBytes ${saveBytes?.toLocaleString('en') ?? '?'} in ${month[0]?.save.lastWriteKeys ?? '?'} key(s), ${month[0]?.save.lastWriteSlices ?? '?'} idle slice(s); encoding (the edited task's bucket) ${fmt(median(month.map((m) => m.save.lastEncodeMs ?? null)), 1)} ms; lastWriteDeferred ${saveDeferred} (ran from the idle callback, not inside the edit); written ${fmt(median(month.map((m) => m.save.savedAfterEditMs)))} ms after the edit`,
  })
  rows.push({
    metric: 'Saved size (chars) [all localStorage keys + values]', app: savedChars, bare: null, ratio: null, runs: savedChars === null ? '0' : '1',
    target: `≤ ${TARGETS.savedBytes.toLocaleString('en')}`, pass: savedChars !== null && savedChars <= TARGETS.savedBytes,
    note: savedChars === null ? undefined : `what the origin holds after the app's own saves (document key + one compressed key per plan; the old single-key envelope of the plan was ${envelope.length.toLocaleString('en')} chars); length in UTF-16 code units; ${savedUtf8?.toLocaleString('en')} bytes as UTF-8 (of the document key alone)`,
  })
  rows.push({
    metric: '10,000-task plan: saved size (% of quota)', app: percentOfQuota(savedChars), bare: null, ratio: null, runs: savedChars === null ? '0' : '1',
    target: '≤ 40', pass: savedChars !== null && percentOfQuota(savedChars)! <= 40,
    note: `Chromium's localStorage quota: ${CHROMIUM_LOCAL_STORAGE_QUOTA_CHARS.toLocaleString('en')} UTF-16 code units (5 MiB, chars × 2 bytes) per origin, keys + values; the old single-key save took ${percentOfQuota(envelope.length)} % (${percentOfQuota(3_634_071)} % in its compact form)`,
  })
  rows.push(...richPlanRows(richStorage, richStorageError))
  rows.push({
    metric: 'Initial JS (KB gzip)', app: initialJs.totalGzipBytes / 1024, bare: null, ratio: null, runs: '—',
    target: `≤ ${TARGETS.initialJsGzipBytes / 1024}`, pass: initialJs.totalGzipBytes <= TARGETS.initialJsGzipBytes,
    note: initialJs.files.map((f) => `${f.file}: ${(f.gzipBytes / 1024).toFixed(1)} KB gzip (level 9) / ${(f.bytes / 1024).toFixed(1)} KB raw`).join('; '),
  })
  const timelineMedian = (k: keyof TimelineRun) => median(timelineRuns.map((r) => r[k]))
  const timelineReady = timelineMedian('readyMs')
  const timelineSwitch = timelineMedian('toChannelsMs')
  rows.push({
    metric: 'Timeline ready after load (ms) [units, month]', app: timelineReady, bare: null, ratio: null, runs: `${timelineRuns.length}`,
    target: `≤ ${TIMELINE_TARGETS.readyMs}`, pass: timelineReady !== null && timelineReady <= TIMELINE_TARGETS.readyMs,
    note: `loaded straight into the timeline (the plugin's chunk loads lazily, inside this time); ${fmt(timelineMedian('bars'))} bars and ${fmt(timelineMedian('markers'))} "+N" markers drawn, ${fmt(timelineMedian('domNodes'))} DOM nodes`,
  })
  rows.push({
    metric: 'Timeline grouping switch units → channels (ms)', app: timelineSwitch, bare: null, ratio: null, runs: `${timelineRuns.length}`,
    target: `≤ ${TIMELINE_TARGETS.switchMs}`, pass: timelineSwitch !== null && timelineSwitch <= TIMELINE_TARGETS.switchMs,
    note: `click → new rows painted; back to units ${fmt(timelineMedian('toUnitsMs'))} ms; longest task in the two switches ${fmt(timelineMedian('longestSwitchTaskMs'))} ms; zoom to the whole campaign (all 10,000 tasks in range) ${fmt(timelineMedian('campaignMs'))} ms`,
  })
  const importMedian = (k: keyof ImportUiRun) => median(importRuns.map((r) => r[k]))
  const importPreview = importMedian('previewMs')
  const importApplied = importMedian('applyMs')
  const importTotal = importPreview === null || importApplied === null ? null : importPreview + importApplied
  rows.push({
    metric: 'Import 10,000-task backup via UI: preview + applied (ms)', app: importTotal, bare: null, ratio: null, runs: `${importRuns.length}`,
    target: `≤ ${TARGETS.importUiMs}`, pass: importTotal !== null && importTotal <= TARGETS.importUiMs,
    note: `file chosen → preview on screen ${fmt(importPreview)} ms (read, parse and preview in the import worker); "Nhập" → plan applied and painted ${fmt(importApplied)} ms`,
  })
  rows.push({
    metric: 'Import 10,000-task backup via UI: longest main-thread task before the preview (ms)', app: importMedian('longestPreviewTaskMs'), bare: null, ratio: null, runs: `${importRuns.length}`,
    target: `≤ ${TARGETS.longTaskMs}`, pass: importMedian('longestPreviewTaskMs') !== null && importMedian('longestPreviewTaskMs')! <= TARGETS.longTaskMs,
    note: `while applying: ${fmt(importMedian('longestApplyTaskMs'))} ms (the store update and the calendar's re-render of 10,000 tasks); in the 5 s after: ${fmt(importMedian('longestAfterTaskMs'))} ms (the save)`,
  })
  // Issue 10: the Word file of the 10,000-task plan must open in LibreOffice (scripts/bench/docx-to-pdf.ts).
  rows.push(await measureDocxToPdf(plan, BENCH_DIR, log))
  // Issue 13: the plan through the in-memory CouchDB-compatible server (scripts/bench/sync.ts).
  rows.push(...await measureSync(plan, log))

  const lt = (m: MonthExtra | undefined, k: 'drag' | 'edit') => m?.[k].longTasks.longestMs
  const appWeek = periodOf('week', appStartDate)
  const bareWeekSpec = bareSpec('week', BARE_INITIAL_DATE) as { minDate: string; maxDate: string }
  const appMonthGrid = monthGrid(appStartDate, 1)
  const bareMonthGrid = monthGrid(BARE_INITIAL_DATE, 0)
  const load = {
    appMonth: tasksTouching(plan, appMonthGrid.start, appMonthGrid.end),
    bareMonth: tasksTouching(plan, bareMonthGrid.start, bareMonthGrid.end),
    appWeek: tasksTouching(plan, appWeek.start, appWeek.end),
    bareWeek: tasksTouching(plan, bareWeekSpec.minDate, bareWeekSpec.maxDate),
  }
  const infoLines = [
    `View buttons (run 1, click → painted): from the month Tuần ${fmt(switches.week)} ms, then Danh sách ${fmt(switches.list)} ms, Năm ${fmt(switches.year)} ms, back to Tháng ${fmt(switches.month)} ms.`,
    `App load, median ms from navigation start: ${APP_VIEWS.map((v) => {
      const b = loadBreakdown[v]
      return `${v}: script loaded ${fmt(b.scriptLoadedAt)}, store hydrated ${fmt(b.storeHydratedAt)}, first render task ended ${fmt(b.firstDomAt)}, ready ${fmt(appReady[v])} (long tasks ${fmt(b.longTasksMs)} ms, longest ${fmt(b.longestTaskMs)}; ${fmt(b.domNodes)} DOM nodes)`
    }).join('; ')}.`,
    `Bare at ready: DOM nodes month ${fmt(bareLoad.month.domNodes)}, week ${fmt(bareLoad.week.domNodes)}, year ${fmt(bareLoad.year.domNodes)}, listYear ${fmt(bareLoad.list.domNodes)}; longest task month ${fmt(bareLoad.month.longestTaskMs)}, week ${fmt(bareLoad.week.longestTaskMs)}, year ${fmt(bareLoad.year.longestTaskMs)}, listYear ${fmt(bareLoad.list.longestTaskMs)} ms.`,
    month[0] ? `Drag (run 1): ${month[0].drag.taskId} (${month[0].drag.days} day${month[0].drag.days === 1 ? '' : 's'}) ${month[0].drag.from} → ${month[0].drag.to}, ${month[0].drag.visibleInNewCell ? 'visible in its new cell' : 'folded into its new cell\'s "+n" (a busy day)'}; longest task ${fmt(lt(month[0], 'drag'))} ms. Edit: longest task ${fmt(lt(month[0], 'edit'))} ms. The drag's own save: ${fmt(month[0].dragSave.lastWriteMs)} ms, deferred ${month[0].dragSave.lastWriteDeferred}.` : 'Drag/edit: not measured.',
    `Tasks each page has to show: month grid app ${load.appMonth} (${appMonthGrid.start} … ${addDays(appMonthGrid.end, -1)}) / bare ${load.bareMonth} (${bareMonthGrid.start} … ${addDays(bareMonthGrid.end, -1)}); week app ${load.appWeek} (${appWeek.start} …) / bare ${load.bareWeek} (${bareWeekSpec.minDate} …); the bare page is given all ${planInfo.tasks} either way.`,
    `Plan: ${planInfo.tasks} tasks (${planInfo.templateTasks} of the 2021 template + ${planInfo.generatedTasks} generated, seed ${BENCH_SEED}): ${planInfo.allDay} all-day (${planInfo.oneDay} of one day, mean ${planInfo.meanAllDayLength} days), ${planInfo.timed} timed; ${planInfo.anchoredToElectionDay} anchored to election day, ${planInfo.anchoredToMilestone} to a milestone; ${planInfo.channels} channels, ${planInfo.units} lead units; ${planInfo.firstStart} … ${planInfo.lastEnd}.`,
    `Method: headless Chromium ${browser.version()}, ${VIEWPORT.width}×${VIEWPORT.height}, a fresh browser context per run, medians (Runs = app/bare runs; the month pair runs as often as the ${Math.round(BUDGET_MS / 1000)} s budget allows, up to ${RUNS}). App week/list/year "ready" = loaded straight into that view (chosen via the debug handle before the first render). The app opens on ${appStartDate} (month May 2021, week from ${periodOf('week', appStartDate).start}); the bare page on ${BARE_INITIAL_DATE} (May 2021, its Sunday-first week). Bare year and listYear stop at ${WAIT_TIMEOUT_MS / 1000} s; app list = the app's virtualised month list vs bare listYear (one run).`,
  ]
  rows.push(...phone.rows)
  const dashboard = await measureDashboard({ dist: DIST, plan, seed: seededKeys, runs: Math.min(RUNS, 3), log })
  rows.push(...dashboard.rows)
  pageErrors.push(...dashboard.pageErrors)
  const search = await measureSearch({ dist: DIST, seed: seededKeys, taskCount: planInfo.tasks, runs: Math.min(RUNS, 3), log })
  rows.push(...search.rows)
  pageErrors.push(...search.pageErrors)
  infoLines.push(...search.info)
  infoLines.push(...phone.info)
  process.stdout.write(`\n${formatReport(rows, infoLines)}\n`)

  const results = {
    generatedAt: new Date().toISOString(),
    durationS: round(elapsed() / 1000),
    chromium: browser.version(),
    viewport: VIEWPORT,
    runs: RUNS,
    budgetS: BUDGET_MS / 1000,
    targets: TARGETS,
    plan: planInfo,
    tasksToShow: load,
    savedEnvelopeChars: envelope.length,
    rows,
    medians: { appReady, appNext, bareReady, bareNextMonth, drag, edit, saveMs, saveDeferred, saveBytes, savedChars, savedUtf8, switches, loadBreakdown, bareLoad },
    series,
    initialJs,
    rawRuns: { app: appRuns, bare: bareRuns, importUi: importRuns, timeline: timelineRuns },
    bareListPlugin: bare.listPluginNote,
    timeouts,
    pageErrors,
  }
  const domainRows = await measureDomainAndIo(plan)
  printDomainRows(domainRows)
  await writeFile(join(BENCH_DIR, 'results.json'), `${JSON.stringify({ ...results, domainAndIo: domainRows }, null, 2)}\n`)
  log(`results written to .bench/results.json (${results.durationS} s)`)

  if (pageErrors.length > 0) {
    for (const e of pageErrors.slice(0, 10)) log(`page error: ${e}`)
    throw new BenchBreak(`${pageErrors.length} page error(s) during the benchmark`)
  }
  const appTimeouts = timeouts.filter((t) => !t.startsWith('bare'))
  if (appTimeouts.length > 0) {
    throw new BenchBreak(`waits that did not end within ${APP_WAIT_TIMEOUT_MS / 1000} s (the app no longer shows what they wait for, or the benchmark's selectors are stale): ${appTimeouts.join('; ')}`)
  }
}

/** Tasks touching [start, endExclusive): how much each page has to show. */
function tasksTouching(plan: Plan, start: string, endExclusive: string): number {
  return Object.values(plan.tasks).filter((t) => firstDay(t) < endExclusive && lastDay(t) >= start).length
}

/** First and exclusive last day of the 6-week month grid FullCalendar draws (firstDay 1 = Monday). */
function monthGrid(date: string, weekStartsOn: 0 | 1): { start: string; end: string } {
  const first = `${date.slice(0, 7)}-01`
  const weekday = new Date(`${first}T00:00:00Z`).getUTCDay()
  const start = addDays(first, -((weekday - weekStartsOn + 7) % 7))
  return { start, end: addDays(start, 42) }
}

function sumSwitches(run: AppRun): number {
  return Object.values(run.month?.switches ?? {}).reduce<number>((sum, ms) => sum + (ms ?? 0), 0)
}

function mapValues<K extends string, V, W>(record: Record<K, V>, f: (value: V) => W): Record<K, W> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v as V)])) as Record<K, W>
}

const last = <T,>(xs: T[]): T | undefined => xs[xs.length - 1]

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

function fmt(n: number | null | undefined, digits = 0): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(digits)
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`)
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`[bench] FAILED: ${error instanceof BenchBreak ? error.message : error instanceof Error ? error.stack : String(error)}\n`)
    process.exit(1)
  },
)
