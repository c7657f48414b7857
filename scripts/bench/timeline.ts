/**
 * The timeline's numbers (issue 11): ready after load straight into the timeline (lead units, month
 * of election day), the switch of grouping (units → channels, and back), and the whole-campaign zoom,
 * on the 10,000-task plan. FullCalendar v6 has no virtual rendering, so these are measured, not
 * assumed. The runner (scripts/bench.ts) lends its page helpers; everything here is timed like its
 * other numbers (navigation start or the click's own timestamp → content painted, two frames).
 *
 * "Content": a task bar (.task-bar) visible in a row of the expected kind (`unit-…` or `channel-…`
 * resource ids; the timeline's root carries data-rows / data-zoom), and the period title.
 */
import { writeFile } from 'node:fs/promises'
import type { BrowserContext, CDPSession, Page } from 'playwright-core'
import { campaignRangeOf, periodTitle } from '@/domain/dates/calendar-period'
import type { Plan } from '@/domain/types'

export const TIMELINE_TARGETS = { readyMs: 1500, switchMs: 300 }

type Spec = Record<string, unknown>
interface Ready { paintedAt?: number; timeout?: boolean }
interface Timed { ms: number | null; longTasks: { duration: number }[] }

export interface TimelineRun {
  readyMs: number | null
  toChannelsMs: number | null
  toUnitsMs: number | null
  campaignMs: number | null
  /** DOM elements in the page once ready (how much FullCalendar was given to draw). */
  domNodes: number | null
  /** Bars and "+N" markers drawn at ready. */
  bars: number | null
  markers: number | null
  longestSwitchTaskMs: number | null
}

export interface TimelineDeps {
  openPage: (config: Record<string, unknown>, seed: boolean) => Promise<{ context: BrowserContext; page: Page }>
  awaitReady: (page: Page) => Promise<Ready>
  clickAndWait: (page: Page, clickSelector: string, click: () => Promise<void>, spec: Spec) => Promise<Timed>
  url: string
  date: string
  plan: Plan
  timeoutMs: number
}

const ROOT = '[data-testid="timeline"]'
const QUIET_BEFORE_SWITCH_MS = 1000
const CONTROL = '.timeline-controls button'

function spec(rows: 'units' | 'channels', zoom: 'month' | 'campaign', title: string): Spec {
  const prefix = rows === 'units' ? 'unit-' : 'channel-'
  return {
    kind: 'selector',
    selector: `${ROOT}[data-rows="${rows}"][data-zoom="${zoom}"] td.fc-timeline-lane[data-resource-id^="${prefix}"] .fc-timeline-event.task-bar`,
    title: { selector: '[data-testid="period-title"]', equals: title },
  }
}

export async function measureTimeline(deps: TimelineDeps): Promise<TimelineRun> {
  const monthTitle = periodTitle('timeline', deps.date, 'vi', { zoom: 'month' })
  const campaign = campaignRangeOf(deps.plan.phases, deps.plan.election.electionDay)
  const campaignTitle = periodTitle('timeline', deps.date, 'vi', { zoom: 'campaign', campaign })
  const { context, page } = await deps.openPage({ initialView: 'timeline', readySpec: spec('units', 'month', monthTitle), readyTimeoutMs: deps.timeoutMs }, true)
  const run: TimelineRun = { readyMs: null, toChannelsMs: null, toUnitsMs: null, campaignMs: null, domNodes: null, bars: null, markers: null, longestSwitchTaskMs: null }
  try {
    const profiler = await startProfile(page)
    await page.goto(deps.url, { waitUntil: 'commit' })
    const ready = await deps.awaitReady(page)
    if (ready.timeout || ready.paintedAt === undefined) return run
    run.readyMs = ready.paintedAt
    const counts = await page.evaluate(`({
      dom: document.getElementsByTagName('*').length,
      bars: document.querySelectorAll('${ROOT} .fc-timeline-event.task-bar').length,
      markers: document.querySelectorAll('${ROOT} .fc-timeline-event .timeline-more, ${ROOT} .fc-timeline-event.timeline-more').length,
    })`) as { dom: number; bars: number; markers: number }
    run.domNodes = counts.dom
    run.bars = counts.bars
    run.markers = counts.markers
    // The switches are timed on a settled page, as a person clicks: the idle-time work right after
    // load (the month calendar's chunk and date formatting, app.tsx) is not the switch's. Under the
    // 1.5 s of quiet after which the timeline draws its other rows (use-progressive-events.ts).
    await page.waitForTimeout(QUIET_BEFORE_SWITCH_MS)
    const control = (name: string) => () => page.locator('.timeline-controls').getByRole('button', { name, exact: true }).click()
    const mark = (name: string) => (profiler ? page.evaluate(`performance.mark(${JSON.stringify(name)})`) : Promise.resolve())
    await mark('tl-to-channels')
    const toChannels = await deps.clickAndWait(page, CONTROL, control('Kênh'), spec('channels', 'month', monthTitle))
    await mark('tl-to-units')
    const toUnits = await deps.clickAndWait(page, CONTROL, control('Đơn vị chủ trì'), spec('units', 'month', monthTitle))
    await mark('tl-campaign')
    const whole = await deps.clickAndWait(page, CONTROL, control('Cả chiến dịch'), spec('units', 'campaign', campaignTitle))
    await mark('tl-end')
    await stopProfile(profiler, 'timeline')
    if (PROFILE_DIR) await page.screenshot({ path: `${PROFILE_DIR}/timeline-end-${profileRun}.png` })
    run.toChannelsMs = toChannels.ms
    run.toUnitsMs = toUnits.ms
    run.campaignMs = whole.ms
    run.longestSwitchTaskMs = Math.max(0, ...[...toChannels.longTasks, ...toUnits.longTasks].map((t) => t.duration))
    return run
  } finally {
    await context.close()
  }
}

/**
 * BENCH_TIMELINE_PROFILE=<dir>: a CPU profile (or with BENCH_TIMELINE_TRACE=1 a Chromium trace, with
 * user-timing marks before each click) of one whole run, from the navigation to the last switch,
 * and a screenshot at its end: for finding where the time goes. The profiler slows the page, so
 * such runs are for reading, not for the report.
 */
const PROFILE_DIR = process.env.BENCH_TIMELINE_PROFILE
let profileRun = 0

async function startProfile(page: Page): Promise<CDPSession | null> {
  if (!PROFILE_DIR) return null
  const session = await page.context().newCDPSession(page)
  if (process.env.BENCH_TIMELINE_TRACE) {
    await session.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] } })
    return session
  }
  await session.send('Profiler.enable')
  await session.send('Profiler.setSamplingInterval', { interval: 200 })
  await session.send('Profiler.start')
  return session
}

async function stopProfile(session: CDPSession | null, name: string): Promise<void> {
  if (!session || !PROFILE_DIR) return
  profileRun += 1
  if (process.env.BENCH_TIMELINE_TRACE) {
    const done = new Promise<string>((resolve) => session.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')))
    await session.send('Tracing.end')
    const stream = await done
    let text = ''
    for (;;) {
      const chunk = await session.send('IO.read', { handle: stream })
      text += chunk.data
      if (chunk.eof) break
    }
    await session.send('IO.close', { handle: stream })
    await writeFile(`${PROFILE_DIR}/${name}-${profileRun}.trace.json`, text)
  } else {
    const { profile } = await session.send('Profiler.stop')
    await writeFile(`${PROFILE_DIR}/${name}-${profileRun}.cpuprofile`, JSON.stringify(profile))
  }
  await session.detach()
}
