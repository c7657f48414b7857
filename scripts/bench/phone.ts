/**
 * The phone profile of the benchmark (issue 11, "Speed on a phone"): the built app on a mid-range
 * phone, emulated as Chromium's CPU throttling (CDP `Emulation.setCPUThrottlingRate`, 4× by default)
 * at 390 × 844 with touch (`hasTouch`, `isMobile`, a Vietnamese user in Asia/Ho_Chi_Minh).
 *
 * Two plans, each in a fresh context (empty cache) per run:
 * - the 2021 template: empty storage, so the app opens on its own template as on a first visit;
 * - the 10,000-task plan of generate-plan.ts, written to localStorage in the app's own layout
 *   (storage.ts) on a blank page of the origin before the throttled navigation.
 * Numbers, all from the page's clock (performance.now()):
 * - "ready after load": navigation start → the view the app opens on (the address has no view: the
 *   app chooses) shows its content and two frames have passed (probe.browser.js, a 'selector' check
 *   that accepts the list's rows or a calendar's task events, plus the period title);
 * - the longest long task (PerformanceObserver 'longtask') from navigation start to ready;
 * - taps, each a real touch tap (locator.tap): "›" (next period), "‹" (previous), open a task (its
 *   row or event; Esc closes it, not timed), the view switch to the other of month/list and back.
 *   For each: the longest long task from the tap's click event until SETTLE_MS after its result was
 *   painted (deferred work the tap caused counts), and tap → painted as information.
 * Targets at 4×: ready ≤ 2 s for both plans, no long task over 200 ms on a tap.
 *
 * Runs from scripts/bench.ts (`BENCH_ONLY=phone npm run bench` runs only this), or alone against
 * any build folder:
 *   BENCH_DIST=/tmp/dist-x npx tsx --tsconfig tsconfig.app.json scripts/bench/phone.ts
 *   BENCH_RUNS=3 (default 3), BENCH_PHONE_CPU_RATE=6 (a low-end phone)
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Browser, Locator, Page } from 'playwright-core'
import { launchBrowser } from '../lib/browser.mjs'
import { startStaticServer } from '../lib/static-server.mjs'
import { formatReport, type Row } from './report'

export const PHONE_VIEWPORT = { width: 390, height: 844 }
export const PHONE_TARGETS = { readyMs: 2000, tapLongTaskMs: 200 }
const DEFAULT_CPU_RATE = 4
/** After a tap's result is painted, work it scheduled for later (idle callbacks, timers) still counts. */
const SETTLE_MS = 1000
/** Before the first tap: the first visit's save and other idle work after load are not a tap's. */
const QUIET_BEFORE_TAPS_MS = 1500
const WAIT_MS = 90_000
const TAP_TIMEOUT_MS = 15_000
const SEED_PATH = '/__bench/phone-seed'

const TITLE = '[data-testid="period-title"]'
const LIST_ROWS = '[data-testid="task-list"] .task-list-scroll [role="row"]'
const CALENDAR_EVENTS = '.fc-daygrid-day .fc-event.task-event, .fc-timegrid .fc-event.task-event'
/**
 * Whatever view the app opens on: its content is there when a row, a task event or a day's "+n"
 * link is (on a phone's month grid every day may fold its tasks into "+n").
 */
const VIEW_CONTENT = `${LIST_ROWS}, ${CALENDAR_EVENTS}, .fc-daygrid-more-link`

type Tap = 'next' | 'previous' | 'openTask' | 'switchAway' | 'switchBack'
const TAPS: Tap[] = ['next', 'previous', 'openTask', 'switchAway', 'switchBack']

interface LongTask { start: number; duration: number }
interface Ready { detectedAt?: number; paintedAt?: number; clickAt?: number | null; timeout?: boolean }
interface TapResult { ms: number | null; longestTaskMs: number | null }
export interface PhoneRun {
  view: string
  readyMs: number | null
  longestLoadTaskMs: number | null
  storeReadyMs: number | null
  taps: Partial<Record<Tap, TapResult>>
  tapLabels: Partial<Record<Tap, string>>
  notes: string[]
}
export interface PhoneProfile { rows: Row[]; info: string[]; pageErrors: string[]; runs: Record<string, PhoneRun[]> }

export interface PhoneProfileOptions {
  dist: string
  probeSource: string
  /** localStorage keys → values of the 10,000-task plan (storage.ts's storageSeed). */
  largeSeed: Record<string, string>
  largeTaskCount: number
  runs: number
  cpuRate?: number
  log?: (message: string) => void
}

export async function measurePhoneProfile(options: PhoneProfileOptions): Promise<PhoneProfile> {
  const { dist, probeSource, largeSeed, runs } = options
  const cpuRate = options.cpuRate ?? DEFAULT_CPU_RATE
  const log = options.log ?? (() => {})
  const server = await startStaticServer(dist, {
    [SEED_PATH]: { type: 'text/html; charset=utf-8', body: '<!doctype html><link rel="icon" href="data:,"><title>seed</title>' },
  })
  const browser: Browser = await launchBrowser()
  const pageErrors: string[] = []
  const plans = [
    { key: 'template', label: '2021 template (55 tasks)', seed: null as Record<string, string> | null },
    { key: 'large', label: `${options.largeTaskCount.toLocaleString('en')}-task plan`, seed: largeSeed },
  ]
  const results: Record<string, PhoneRun[]> = { template: [], large: [] }
  try {
    for (let run = 0; run < runs; run += 1) {
      for (const plan of plans) {
        const r = await measureOnce(browser, server.url, probeSource, plan.seed, cpuRate, pageErrors)
        results[plan.key]!.push(r)
        log(`  phone ${cpuRate}× run ${run + 1} ${plan.key}: opens on ${r.view}, ready ${fmt(r.readyMs)} ms (longest load task ${fmt(r.longestLoadTaskMs)}); taps (longest task / painted): ${TAPS.map((t) => `${t} ${fmt(r.taps[t]?.longestTaskMs)}/${fmt(r.taps[t]?.ms)}`).join(', ')}${r.notes.length ? ` [${r.notes.join('; ')}]` : ''}`)
      }
    }
  } finally {
    await browser.close()
    await server.close()
  }

  const rows: Row[] = []
  const info: string[] = []
  for (const plan of plans) {
    const planRuns = results[plan.key]!
    const ready = median(planRuns.map((r) => r.readyMs))
    const views = [...new Set(planRuns.map((r) => r.view))].join('/')
    rows.push({
      metric: `Phone ${cpuRate}×: ${plan.label} ready after load (ms) [opens on ${views}]`,
      app: ready, bare: null, ratio: null, runs: `${planRuns.length}`,
      target: `≤ ${PHONE_TARGETS.readyMs}`, pass: ready !== null && ready <= PHONE_TARGETS.readyMs,
    })
    rows.push({
      metric: `Phone ${cpuRate}×: ${plan.label} longest task on load (ms)`,
      app: median(planRuns.map((r) => r.longestLoadTaskMs)), bare: null, ratio: null, runs: `${planRuns.length}`, target: '—', pass: null,
    })
    for (const tap of TAPS) {
      const longest = median(planRuns.map((r) => r.taps[tap]?.longestTaskMs ?? null))
      const label = planRuns[0]?.tapLabels[tap] ?? tap
      rows.push({
        metric: `Phone ${cpuRate}×: ${plan.label} tap ${label}: longest task (ms)`,
        app: longest, bare: null, ratio: null, runs: `${planRuns.length}`,
        target: `≤ ${PHONE_TARGETS.tapLongTaskMs}`, pass: longest !== null && longest <= PHONE_TARGETS.tapLongTaskMs,
      })
    }
    const notes = [...new Set(planRuns.flatMap((r) => r.notes))]
    if (notes.length > 0) info.push(`Phone ${cpuRate}×, ${plan.label}: ${notes.join('; ')}.`)
    info.push(`Phone ${cpuRate}×, ${plan.label}: store hydrated ${fmt(median(planRuns.map((r) => r.storeReadyMs)))} ms after navigation start; tap → painted ${TAPS.map((t) => `${planRuns[0]?.tapLabels[t] ?? t} ${fmt(median(planRuns.map((r) => r.taps[t]?.ms ?? null)))}`).join(', ')} ms (a long task under 50 ms is not reported: 0 = none).`)
  }
  info.push(`Phone method: headless Chromium, CDP Emulation.setCPUThrottlingRate ${cpuRate}, ${PHONE_VIEWPORT.width}×${PHONE_VIEWPORT.height} with touch (isMobile, deviceScaleFactor 1), a fresh context per run; taps are touch taps; a tap's long tasks are those from its click event until ${SETTLE_MS} ms after its result was painted; medians of ${runs} run(s).`)
  return { rows, info, pageErrors, runs: results }
}

async function measureOnce(
  browser: Browser, url: string, probeSource: string, seed: Record<string, string> | null, cpuRate: number, pageErrors: string[],
): Promise<PhoneRun> {
  const context = await browser.newContext({
    viewport: PHONE_VIEWPORT, hasTouch: true, isMobile: true, deviceScaleFactor: 1, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh',
  })
  try {
    const page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(`phone: ${e.message}`))
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`phone: console.error ${m.text()}`) })
    if (seed) {
      // Written unthrottled on a blank page of the origin; the measured navigation does not carry it.
      const script = await page.addInitScript({
        content: `if (location.pathname === ${JSON.stringify(SEED_PATH)}) for (const [k, v] of Object.entries(${JSON.stringify(seed)})) localStorage.setItem(k, v)`,
      })
      await page.goto(`${url}${SEED_PATH}`)
      await script.dispose()
    }
    const readySpec = { kind: 'selector', selector: VIEW_CONTENT, title: { selector: TITLE } }
    await page.addInitScript({ content: `window.__BENCH_CONFIG__ = ${JSON.stringify({ readySpec, readyTimeoutMs: WAIT_MS })};\n${probeSource}` })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate })
    await page.goto(`${url}/`, { waitUntil: 'commit' })
    const ready = await evaluate<Ready>(page, `new Promise((resolve) => {
      const go = () => (window.__bench && window.__bench.ready ? resolve(window.__bench.ready) : setTimeout(go, 5))
      go()
    })`)
    const view = await evaluate<string>(page, 'window.__electionPlanner.store.getState().calendar.view')
    if (ready.timeout || ready.paintedAt === undefined) return { view, readyMs: null, longestLoadTaskMs: null, storeReadyMs: null, taps: {}, tapLabels: {}, notes: [] }
    const loadTasks = await evaluate<LongTask[]>(page, `window.__bench.longTasksBetween(0, ${ready.paintedAt})`)
    const storeReadyMs = await evaluate<number | null>(page, 'window.__bench.marks.storeReady ?? null')
    await page.waitForTimeout(QUIET_BEFORE_TAPS_MS)

    const taps: PhoneRun['taps'] = {}
    const notes: string[] = []
    const tapLabels: PhoneRun['tapLabels'] = {}
    const title = () => evaluate<string>(page, `document.querySelector(${JSON.stringify(TITLE)}).textContent.trim()`)
    const content = { kind: 'selector', selector: VIEW_CONTENT }

    tapLabels.next = '"›" (next period)'
    taps.next = await tapAndWait(page, 'button[aria-label="Sau"]', () => tapOrClick(page.getByRole('button', { name: 'Sau', exact: true }), notes, 'next'),
      { ...content, title: { selector: TITLE, notEquals: await title() } })
    tapLabels.previous = '"‹" (previous period)'
    taps.previous = await tapAndWait(page, 'button[aria-label="Trước"]', () => tapOrClick(page.getByRole('button', { name: 'Trước', exact: true }), notes, 'previous'),
      { ...content, title: { selector: TITLE, notEquals: await title() } })

    // Open a task: the first one on screen (a list row, or a task event of the calendar; when every
    // day folds its tasks into "+n", the first "+n" is opened first, untimed, and a task tapped in it).
    tapLabels.openTask = `open a task (${view})`
    let taskTarget = view === 'list' ? LIST_ROWS : CALENDAR_EVENTS
    if (view !== 'list' && await page.locator(`:is(${CALENDAR_EVENTS}):visible`).count() === 0) {
      await tapOrClick(page.locator('.fc-daygrid-more-link:visible').first(), notes, '+n')
      taskTarget = '.fc-popover .fc-event.task-event'
      await page.locator(taskTarget).first().waitFor({ timeout: WAIT_MS })
      await page.waitForTimeout(QUIET_BEFORE_TAPS_MS)
    }
    const target = taskTarget
    taps.openTask = await tapAndWait(page, target, () => tapOrClick(page.locator(`:is(${target}):visible`).first(), notes, 'open a task'),
      { kind: 'selector', selector: 'dialog[open].task-editor [name="title"]' })
    await page.keyboard.press('Escape')
    await page.locator('dialog[open].task-editor').waitFor({ state: 'detached', timeout: WAIT_MS })
    await page.waitForTimeout(QUIET_BEFORE_TAPS_MS)

    // The view switch: to the other of month/list and back.
    const away = view === 'list' ? 'month' : 'list'
    const viewButton: Record<string, string> = { month: 'Tháng', list: 'Danh sách', week: 'Tuần', year: 'Năm' }
    // A phone's month is the app's grid of days over the picked day's tasks (phone-month-view.tsx): one commit draws both.
    const viewContent: Record<string, string> = { month: '[data-testid="phone-month"] tbody td[data-date]', list: LIST_ROWS }
    tapLabels.switchAway = `view switch ${view} → ${away}`
    taps.switchAway = await tapAndWait(page, '.view-switch button', () => tapOrClick(page.locator('.view-switch').getByRole('button', { name: viewButton[away]!, exact: true }), notes, 'view switch'),
      { kind: 'selector', selector: viewContent[away] })
    await page.waitForTimeout(QUIET_BEFORE_TAPS_MS)
    tapLabels.switchBack = `view switch ${away} → ${view}`
    taps.switchBack = await tapAndWait(page, '.view-switch button', () => tapOrClick(page.locator('.view-switch').getByRole('button', { name: viewButton[view] ?? 'Tháng', exact: true }), notes, 'view switch'),
      { kind: 'selector', selector: viewContent[view] ?? CALENDAR_EVENTS })
    return {
      view, readyMs: ready.paintedAt, longestLoadTaskMs: longest(loadTasks), storeReadyMs, taps, tapLabels, notes,
    }
  } finally {
    await context.close()
  }
}

/**
 * A touch tap; when the element cannot be tapped (another element covers it, as on the phone layout
 * before issue 11, or it never holds still), a dispatched click instead, and the run notes it.
 */
async function tapOrClick(locator: Locator, notes: string[], what: string): Promise<void> {
  try {
    await locator.tap({ timeout: TAP_TIMEOUT_MS })
  } catch {
    notes.push(`${what}: not tappable (covered or moving), clicked by script`)
    await locator.dispatchEvent('click')
  }
}

/** Arms the probe's wait on the next click on `selector`, taps, and measures (see the module header). */
async function tapAndWait(page: Page, selector: string, tap: () => Promise<void>, spec: Record<string, unknown>): Promise<TapResult> {
  await evaluate(page, `window.__bench.armClick(${JSON.stringify(selector)}, ${JSON.stringify(spec)}, ${WAIT_MS})`)
  await tap()
  const result = await evaluate<Ready>(page, 'window.__bench.awaitPending()')
  if (result.timeout || result.clickAt === null || result.clickAt === undefined || result.paintedAt === undefined) return { ms: null, longestTaskMs: null }
  await page.waitForTimeout(SETTLE_MS)
  const tasks = await evaluate<LongTask[]>(page, `window.__bench.longTasksBetween(${result.clickAt}, ${result.paintedAt + SETTLE_MS})`)
  return { ms: result.paintedAt - result.clickAt, longestTaskMs: longest(tasks) }
}

async function evaluate<T>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T
}

const longest = (tasks: LongTask[]) => Math.round(tasks.reduce((m, t) => Math.max(m, t.duration), 0))

function median(values: (number | null)[]): number | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b)
  if (xs.length === 0 || xs.length < values.length) return null
  const mid = Math.floor(xs.length / 2)
  return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2
}

function fmt(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(0)
}

/** Alone (or through bench.ts with BENCH_ONLY=phone): prints the phone rows and exits. */
export async function runPhoneProfileAlone(dist: string, runs: number): Promise<void> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`No build in ${dist}`)
  const { generateBenchPlan } = await import('./generate-plan')
  const { storageSeed } = await import('./storage')
  const { plan } = generateBenchPlan()
  const probeSource = await readFile(join(root, 'scripts', 'bench', 'probe.browser.js'), 'utf8')
  const cpuRate = Number(process.env.BENCH_PHONE_CPU_RATE ?? DEFAULT_CPU_RATE)
  const log = (message: string) => process.stderr.write(`[bench] ${message}\n`)
  const profile = await measurePhoneProfile({
    dist, probeSource, largeSeed: storageSeed(plan), largeTaskCount: Object.keys(plan.tasks).length, runs, cpuRate, log,
  })
  process.stdout.write(`\n${formatReport(profile.rows, profile.info)}\n`)
  if (profile.pageErrors.length > 0) throw new Error(`page errors: ${profile.pageErrors.slice(0, 5).join('; ')}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
  runPhoneProfileAlone(process.env.BENCH_DIST ?? join(root, 'dist'), Math.max(1, Number(process.env.BENCH_RUNS ?? 3))).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
    process.exit(1)
  })
}
