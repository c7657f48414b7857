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
import type { BrowserContext, Page } from 'playwright-core'
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
    await page.goto(deps.url, { waitUntil: 'commit' })
    const ready = await deps.awaitReady(page)
    if (ready.timeout || ready.paintedAt === undefined) return run
    run.readyMs = ready.paintedAt
    const counts = await page.evaluate(`({
      dom: document.getElementsByTagName('*').length,
      bars: document.querySelectorAll('${ROOT} .fc-timeline-event.task-bar').length,
      markers: document.querySelectorAll('${ROOT} .fc-timeline-event.timeline-more').length,
    })`) as { dom: number; bars: number; markers: number }
    run.domNodes = counts.dom
    run.bars = counts.bars
    run.markers = counts.markers
    const control = (name: string) => () => page.locator('.timeline-controls').getByRole('button', { name, exact: true }).click()
    const toChannels = await deps.clickAndWait(page, CONTROL, control('Kênh'), spec('channels', 'month', monthTitle))
    const toUnits = await deps.clickAndWait(page, CONTROL, control('Đơn vị chủ trì'), spec('units', 'month', monthTitle))
    const whole = await deps.clickAndWait(page, CONTROL, control('Cả chiến dịch'), spec('units', 'campaign', campaignTitle))
    run.toChannelsMs = toChannels.ms
    run.toUnitsMs = toUnits.ms
    run.campaignMs = whole.ms
    run.longestSwitchTaskMs = Math.max(0, ...[...toChannels.longTasks, ...toUnits.longTasks].map((t) => t.duration))
    return run
  } finally {
    await context.close()
  }
}
