/**
 * The dashboard's numbers (issue 12): "Tổng quan" ready after load at 10,000 tasks (target ≤ 1 s),
 * and the figures' share of it (target ≤ 100 ms): `computeProgressFigures` timed inside the page
 * (the view's own performance measure, FIGURES_MEASURE) and, as a cross-check, in Node on the same plan.
 *
 * "Ready": from navigation start (a fresh context, the plan already in localStorage, the address
 * `?view=dashboard`) until the four charts are there and the headline figures are in the DOM, plus two
 * animation frames: the burn-up drawn on its canvas (Chart.js), and the three status charts (by lead
 * unit, channel, phase), which are HTML bars since issue 12's work, each with its bar segments in the
 * DOM. The dashboard's chunk and Chart.js load lazily inside this time.
 *
 *   BENCH_ONLY=dashboard npm run bench      (or: npx tsx --tsconfig tsconfig.app.json scripts/bench.ts)
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { todayIn } from '@/domain/dates/local-date'
import { computeProgressFigures } from '@/domain/progress/progress-figures'
import type { Plan } from '@/domain/types'
import { launchBrowser } from '../lib/browser.mjs'
import { startStaticServer } from '../lib/static-server.mjs'
import { formatReport, type Row } from './report'

export const DASHBOARD_TARGETS = { readyMs: 1000, figuresMs: 100 }

const SEED_PATH = '/__bench/dashboard-seed'
const WAIT_MS = 30_000
/** Canvases (Chart.js) that must have ink, and HTML bar charts that must have their segments. */
const CANVAS_CHARTS = ['dash-burnup-chart']
const BAR_CHARTS = ['dash-unit-chart', 'dash-channel-chart', 'dash-phase-chart']

export interface DashboardRun {
  readyMs: number | null
  figuresMs: number | null
  chunkRequestedMs: number | null
  /** When the view first computed its figures: its first render, the store hydrated and its chunk run. */
  firstRenderMs: number | null
}

/** Polls (every frame) until the charts are drawn and the figures are there, then two frames: resolves performance.now(). */
const READY_SCRIPT = `new Promise((resolve) => {
  const ids = ${JSON.stringify(CANVAS_CHARTS)}
  const bars = ${JSON.stringify(BAR_CHARTS)}
  const barsThere = (id) => document.querySelector('[data-testid="' + id + '"] .status-bar-segment') !== null
  const drawn = (id) => {
    const c = document.querySelector('[data-testid="' + id + '"]')
    if (!c || c.width < 50) return false
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
    for (let i = 3; i < d.length; i += 64) if (d[i] > 0) return true
    return false
  }
  const started = performance.now()
  const poll = () => {
    if (performance.now() - started > ${WAIT_MS}) return resolve(null)
    if (document.querySelector('[data-testid="dash-figure-late"]') && ids.every(drawn) && bars.every(barsThere)) {
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))
    } else requestAnimationFrame(poll)
  }
  poll()
})`

async function measureOnce(browser: Browser, url: string, seed: Record<string, string>, pageErrors: string[]): Promise<DashboardRun> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })
  try {
    const page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(`dashboard: ${e.message}`))
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`dashboard: console.error ${m.text()}`) })
    const script = await page.addInitScript({
      content: `if (location.pathname === ${JSON.stringify(SEED_PATH)}) for (const [k, v] of Object.entries(${JSON.stringify(seed)})) localStorage.setItem(k, v)`,
    })
    await page.goto(`${url}${SEED_PATH}`)
    await script.dispose()
    await page.goto(`${url}/?view=dashboard`, { waitUntil: 'commit' })
    const readyMs = await page.evaluate(READY_SCRIPT) as number | null
    const figuresMs = await page.evaluate(`(() => { const m = performance.getEntriesByName('dashboard figures'); return m.length ? m[m.length - 1].duration : null })()`) as number | null
    const firstRenderMs = await page.evaluate(`(() => { const m = performance.getEntriesByName('dashboard figures'); return m.length ? m[0].startTime : null })()`) as number | null
    // When the app asked for the dashboard's chunk: what comes before is the app's own load (any view's).
    const chunkRequestedMs = await page.evaluate(`(() => { const e = performance.getEntriesByType('resource').find((r) => /dashboard-view[^/]*\\.js$/.test(r.name)); return e ? e.startTime : null })()`) as number | null
    return { readyMs, figuresMs, chunkRequestedMs, firstRenderMs }
  } finally {
    await context.close()
  }
}

const median = (values: readonly (number | null)[]): number | null => {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b)
  return v.length === 0 ? null : v[Math.floor((v.length - 1) / 2)]!
}

/** The figures computed in Node on the same plan (first call cold, then warm), median of `runs`. */
export function measureFiguresInNode(plan: Plan, runs: number): { coldMs: number; warmMs: number } {
  const asOf = todayIn(plan.timeZone)
  let start = performance.now()
  computeProgressFigures(plan, { asOf })
  const coldMs = performance.now() - start
  const warm: number[] = []
  for (let i = 0; i < runs; i += 1) {
    start = performance.now()
    computeProgressFigures(plan, { asOf: i % 2 === 0 ? asOf : '2021-04-30' })
    warm.push(performance.now() - start)
  }
  return { coldMs, warmMs: median(warm)! }
}

export async function measureDashboard(options: { dist: string; plan: Plan; seed: Record<string, string>; runs: number; log: (m: string) => void }): Promise<{ rows: Row[]; pageErrors: string[] }> {
  const server = await startStaticServer(options.dist, {
    [SEED_PATH]: { type: 'text/html; charset=utf-8', body: '<!doctype html><link rel="icon" href="data:,"><title>seed</title>' },
  })
  const browser = await launchBrowser()
  const pageErrors: string[] = []
  const runs: DashboardRun[] = []
  try {
    for (let i = 0; i < options.runs; i += 1) {
      const r = await measureOnce(browser, server.url, options.seed, pageErrors)
      runs.push(r)
      options.log(`  dashboard run ${i + 1}: ready ${r.readyMs === null ? 'timeout' : Math.round(r.readyMs)} ms (its chunk asked for at ${r.chunkRequestedMs === null ? '—' : Math.round(r.chunkRequestedMs)} ms, its first render at ${r.firstRenderMs === null ? '—' : Math.round(r.firstRenderMs)} ms), figures ${r.figuresMs === null ? '—' : r.figuresMs.toFixed(1)} ms`)
    }
  } finally {
    await browser.close()
    await server.close()
  }
  const node = measureFiguresInNode(options.plan, 5)
  const ready = median(runs.map((r) => r.readyMs))
  const figures = median(runs.map((r) => r.figuresMs))
  const own = median(runs.map((r) => (r.readyMs === null || r.chunkRequestedMs === null ? null : r.readyMs - r.chunkRequestedMs)))
  const fromFirstRender = median(runs.map((r) => (r.readyMs === null || r.firstRenderMs === null ? null : r.readyMs - r.firstRenderMs)))
  const tasks = Object.keys(options.plan.tasks).length.toLocaleString('en')
  return {
    pageErrors,
    rows: [
      {
        metric: `Dashboard ready after load (ms) [${tasks} tasks, "Tổng quan"]`, app: ready === null ? null : Math.round(ready), bare: null, ratio: null, runs: `${runs.length}`,
        target: `≤ ${DASHBOARD_TARGETS.readyMs}`, pass: ready !== null && ready <= DASHBOARD_TARGETS.readyMs,
        note: 'navigation start → the burn-up drawn on its canvas, the 3 status charts\' HTML bars and the figures in the DOM, two frames; the dashboard chunk and Chart.js load lazily inside it',
      },
      {
        metric: 'Dashboard\'s own part, of which (ms) [its chunk asked for → ready]', app: own === null ? null : Math.round(own), bare: null, ratio: null, runs: `${runs.length}`,
        target: '—', pass: null, note: `before it: the app's own load (script, store hydration of the plan), the same for every view; the chunk is asked for before the hydration ends, so this still holds part of it. From the view's first render (the figures' start) to ready: ${fromFirstRender === null ? '—' : Math.round(fromFirstRender)} ms`,
      },
      {
        metric: 'Dashboard figures, of which (ms) [computeProgressFigures in the page]', app: figures === null ? null : Math.round(figures * 10) / 10, bare: null, ratio: null, runs: `${runs.length}`,
        target: `≤ ${DASHBOARD_TARGETS.figuresMs}`, pass: figures !== null && figures <= DASHBOARD_TARGETS.figuresMs,
        note: `in Node on the same plan: ${node.coldMs.toFixed(1)} ms cold (occurrences expanded), ${node.warmMs.toFixed(1)} ms warm (another as-of day)`,
      },
    ],
  }
}

/** BENCH_ONLY=dashboard: only these rows. */
export async function runDashboardAlone(dist: string, runs: number): Promise<void> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`No build in ${dist}`)
  const { generateBenchPlan } = await import('./generate-plan')
  const { storageSeed } = await import('./storage')
  const { plan } = generateBenchPlan()
  const log = (message: string) => process.stderr.write(`[bench] ${message}\n`)
  const result = await measureDashboard({ dist, plan, seed: storageSeed(plan), runs, log })
  process.stdout.write(`\n${formatReport(result.rows, [])}\n`)
  if (result.pageErrors.length > 0) throw new Error(`page errors: ${result.pageErrors.slice(0, 5).join('; ')}`)
}
