/**
 * The baseline: a bare FullCalendar page (no React, no app) given all of the plan's task events at
 * once, bundled with Vite's build API into .bench/bare-dist and served by the static server's extra
 * routes under /bare/.
 *
 * Options: the same plugins as the app (core, daygrid, timegrid, multimonth, interaction; plus list
 * for the listYear comparison when @fullcalendar/list can be found), `dayMaxEvents: true`,
 * `events` = all tasks (the same EventInput objects the app makes, from taskToEvent), initialDate
 * 2021-05-01, timeZone 'UTC', `editable: true` like the app, height 100% of the viewport, and a
 * header toolbar with FullCalendar's own prev/next buttons (for "after next") and title.
 * The view comes from the query string: /bare/index.html?view=dayGridMonth.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { extname, join, relative, resolve } from 'node:path'
import type { EventInput } from '@fullcalendar/core'

export const BARE_INITIAL_DATE = '2021-05-01'
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
}

export interface BarePage {
  /** Extra routes for startStaticServer: path → { type, body }. */
  routes: Record<string, { type: string; body: string | Buffer }>
  /** Path of the page, e.g. /bare/index.html. */
  path: string
  /** Whether listYear can be shown (the list plugin was found or installed). */
  hasList: boolean
  listPluginNote: string
  buildMs: number
}

/**
 * @fullcalendar/list is not a dependency of the app. It is taken from node_modules when present
 * (add it as a devDependency to skip the download), else installed once into .bench/deps with npm,
 * without touching package.json. Its version follows the installed @fullcalendar/core (~6.1).
 */
function findListPlugin(root: string, benchDir: string): { path: string | null; note: string } {
  const require = createRequire(join(root, 'package.json'))
  try {
    require.resolve('@fullcalendar/list')
    // By package name, so Vite takes its ES module build: require.resolve gives index.cjs, whose own
    // copy of @fullcalendar/core breaks the page ("e is not iterable").
    return { path: '@fullcalendar/list', note: '@fullcalendar/list from node_modules' }
  } catch {
    // not a dependency: fall through
  }
  const depsDir = join(benchDir, 'deps')
  const installed = join(depsDir, 'node_modules', '@fullcalendar', 'list', 'index.js')
  if (!existsSync(installed)) {
    const coreVersion = (require('@fullcalendar/core/package.json') as { version: string }).version
    const wanted = `@fullcalendar/list@~${coreVersion.split('.').slice(0, 2).join('.')}`
    try {
      execFileSync('npm', [
        'install', '--prefix', depsDir, '--no-save', '--no-package-lock', '--legacy-peer-deps',
        '--no-audit', '--no-fund', '--loglevel=error', wanted,
      ], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 })
    } catch (error) {
      return { path: null, note: `@fullcalendar/list could not be installed (${(error as Error).message.split('\n')[0]})` }
    }
  }
  if (!existsSync(installed)) return { path: null, note: '@fullcalendar/list not found after install' }
  return { path: installed, note: `@fullcalendar/list installed in ${relative(root, depsDir)} (not a project dependency)` }
}

export async function buildBarePage(rootDir: string, benchDirIn: string, events: EventInput[]): Promise<BarePage> {
  const startedAt = performance.now()
  const root = resolve(rootDir)
  const benchDir = resolve(benchDirIn)
  const srcDir = join(benchDir, 'bare-src')
  const outDir = join(benchDir, 'bare-dist')
  await rm(srcDir, { recursive: true, force: true })
  await rm(outDir, { recursive: true, force: true })
  await mkdir(srcDir, { recursive: true })
  const list = findListPlugin(root, benchDir)

  await writeFile(join(srcDir, 'index.html'), `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="UTF-8" />
    <link rel="icon" href="data:," />
    <title>Bare FullCalendar, 10,000 events</title>
    <style>html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; } #calendar { height: 100vh; }</style>
    <script src="./events.js"></script>
    <script type="module" src="./main.js"></script>
  </head>
  <body><div id="calendar"></div></body>
</html>
`)
  await writeFile(join(srcDir, 'main.js'), `import { Calendar } from '@fullcalendar/core'
import dayGridPlugin from '@fullcalendar/daygrid'
import timeGridPlugin from '@fullcalendar/timegrid'
import multiMonthPlugin from '@fullcalendar/multimonth'
import interactionPlugin from '@fullcalendar/interaction'
${list.path ? `import listPlugin from ${JSON.stringify(list.path)}` : 'const listPlugin = null'}

const view = new URLSearchParams(location.search).get('view') || 'dayGridMonth'
const calendar = new Calendar(document.getElementById('calendar'), {
  plugins: [dayGridPlugin, timeGridPlugin, multiMonthPlugin, interactionPlugin, ...(listPlugin ? [listPlugin] : [])],
  initialView: view,
  initialDate: ${JSON.stringify(BARE_INITIAL_DATE)},
  timeZone: 'UTC',
  dayMaxEvents: true,
  editable: true,
  height: '100%',
  headerToolbar: { left: 'prev,next', center: 'title', right: '' },
  events: window.__BARE_EVENTS__,
})
calendar.render()
window.__bareCalendar = calendar
`)

  const { build } = await import('vite')
  await build({
    configFile: false,
    root: srcDir,
    base: './',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, modulePreload: { polyfill: false } },
  })

  const routes: BarePage['routes'] = {}
  for (const file of await listFiles(outDir)) {
    const type = CONTENT_TYPES[extname(file)]
    if (type) routes[`/bare/${relative(outDir, file).split('\\').join('/')}`] = { type, body: await readFile(file) }
  }
  // The events as a classic script before the module: parsed once, like the app's JSON.parse of its save.
  routes['/bare/events.js'] = {
    type: CONTENT_TYPES['.js']!,
    body: `window.__BARE_EVENTS__ = JSON.parse(${JSON.stringify(JSON.stringify(events))})\n`,
  }
  return { routes, path: '/bare/index.html', hasList: list.path !== null, listPluginNote: list.note, buildMs: performance.now() - startedAt }
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await listFiles(path)))
    else out.push(path)
  }
  return out
}
