// In-page half of the benchmark, injected with page.addInitScript before any of the page's scripts.
// Plain browser JavaScript on purpose: it is read as text and never goes through tsx/esbuild (which
// would add helpers such as __name that do not exist in the page).
//
// window.__BENCH_CONFIG__ is set just before this script by the runner:
//   { initialView?: string, readySpec?: check spec (see structural()), readyTimeoutMs?: number }
//
// "Ready" is detected in two steps, so that the probe itself forces no extra layout while the page is
// still building its DOM:
//   1. structural check (querySelector only) on every DOM mutation and every animation frame;
//   2. once it holds: two requestAnimationFrames, then the full check (layout: the element has a box
//      inside the viewport and is not visibility:hidden). If the full check holds in that second
//      frame, the frame in which the content first appeared has been painted: that is the time.
//      If it only holds in a later frame, one more frame is waited for its paint.
;(() => {
  const config = window.__BENCH_CONFIG__ || {}
  const B = { marks: {}, longTasks: [] }
  window.__bench = B

  let longTaskObserver = null
  const keepLongTasks = (entries) => {
    for (const e of entries) B.longTasks.push({ start: e.startTime, duration: e.duration })
  }
  try {
    longTaskObserver = new PerformanceObserver((list) => keepLongTasks(list.getEntries()))
    longTaskObserver.observe({ type: 'longtask', buffered: true })
  } catch {
    // longtask entries are a diagnostic only
  }

  // The app assigns window.__electionPlanner (debug-handle.ts) after its store has hydrated from
  // localStorage and before React's first render: the moment to choose the initial view.
  let handle
  Object.defineProperty(window, '__electionPlanner', {
    configurable: true,
    enumerable: true,
    get: () => handle,
    set: (value) => {
      handle = value
      B.marks.storeReady = performance.now()
      if (config.initialView && value && value.store) value.store.getState().setCalendar({ view: config.initialView })
    },
  })

  const firstAppObserver = new MutationObserver(() => {
    if (B.marks.firstDom === undefined && document.querySelector('#root > *, #calendar > *')) {
      B.marks.firstDom = performance.now()
      firstAppObserver.disconnect()
    }
  })
  firstAppObserver.observe(document, { childList: true, subtree: true })

  // What the waits listen to: nodes added/removed, text changes, and cells re-dated in place. Not
  // style/class changes (FullCalendar makes tens of thousands while laying out; each would cost the
  // page a MutationRecord): the per-frame poll sees those.
  const OBSERVE = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-date'] }

  // ── checks ────────────────────────────────────────────────────────────────────────────────────────

  function inViewport(el) {
    const r = el.getBoundingClientRect()
    if (r.width <= 0 || r.height <= 0) return false
    if (r.bottom <= 0 || r.right <= 0 || r.top >= window.innerHeight || r.left >= window.innerWidth) return false
    return typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) : true
  }

  function dateOf(el) {
    const cell = el.closest('[data-date]')
    return cell ? cell.getAttribute('data-date') : null
  }

  function titleOk(spec) {
    if (!spec.title) return true
    const el = document.querySelector(spec.title.selector)
    if (!el) return false
    const text = el.textContent.trim()
    if (spec.title.equals !== undefined && text !== spec.title.equals) return false
    if (spec.title.notEquals !== undefined && text === spec.title.notEquals) return false
    return true
  }

  /** Elements matching `selector` whose cell date is in [minDate, maxDate). */
  function inRange(selector, spec, limit) {
    const found = []
    const list = document.querySelectorAll(selector)
    for (let i = 0; i < list.length && found.length < limit; i += 1) {
      const d = dateOf(list[i])
      if (d !== null && d >= spec.minDate && d < spec.maxDate) found.push(list[i])
    }
    return found
  }

  /**
   * spec.kind:
   *   'grid'      FullCalendar day grid / time grid: `spec.root` present, the cell of spec.cellDate
   *               present, and (unless requireEvents is false) a visible `spec.events` element whose
   *               cell date is in [minDate, maxDate).
   *   'multimonth' FullCalendar year: `.fc-multimonth-month[data-date=spec.month]` present and, unless
   *               requireEvents is false, a visible event or "+n" link dated in [minDate, maxDate).
   *   'rows'      a visible element matching spec.rows (our list; FullCalendar's list view).
   * spec.title optionally requires a title element's text to equal / differ from a value.
   */
  function structural(spec) {
    if (!titleOk(spec)) return false
    switch (spec.kind) {
      case 'grid':
        return !!document.querySelector(spec.root) &&
          !!document.querySelector(`${spec.root} [data-date="${spec.cellDate}"]`) &&
          (spec.requireEvents === false || inRange(spec.events, spec, 1).length > 0)
      case 'multimonth':
        return !!document.querySelector(`.fc-multimonth-month[data-date="${spec.month}"]`) &&
          (spec.requireEvents === false || inRange(spec.events, spec, 1).length > 0)
      case 'rows':
        return !!document.querySelector(spec.rows)
      case 'selector':
        return !!document.querySelector(spec.selector)
      default:
        throw new Error(`unknown check ${spec.kind}`)
    }
  }

  function full(spec) {
    if (!structural(spec)) return false
    switch (spec.kind) {
      case 'grid':
      case 'multimonth':
        return spec.requireEvents === false || inRange(spec.events, spec, 400).some(inViewport)
      case 'rows': {
        const list = document.querySelectorAll(spec.rows)
        for (let i = 0; i < list.length && i < 50; i += 1) if (inViewport(list[i])) return true
        return false
      }
      case 'selector': {
        const list = document.querySelectorAll(spec.selector)
        for (let i = 0; i < list.length && i < 50; i += 1) if (spec.anyVisibility || inViewport(list[i])) return true
        return false
      }
      default:
        return false
    }
  }

  /** Resolves { detectedAt, paintedAt } (performance.now() times) or { timeout: true }. */
  B.waitFor = (spec, timeoutMs = 30000) => new Promise((resolve) => {
    let done = false
    let detectedAt = null
    let confirming = false
    const finish = (result) => {
      if (done) return
      done = true
      observer.disconnect()
      clearTimeout(timer)
      resolve(result)
    }
    const timer = setTimeout(() => finish({ timeout: true }), timeoutMs)
    const attempt = () => {
      if (done || confirming) return
      let ok = false
      try { ok = structural(spec) } catch { ok = false }
      if (!ok) return
      if (detectedAt === null) detectedAt = performance.now()
      confirming = true
      requestAnimationFrame(() => requestAnimationFrame(() => confirm(0)))
    }
    const confirm = (extraFrames) => {
      if (done) return
      let ok = false
      try { ok = full(spec) } catch { ok = false }
      if (ok) {
        if (extraFrames === 0) finish({ detectedAt, paintedAt: performance.now() })
        else requestAnimationFrame(() => finish({ detectedAt, paintedAt: performance.now() }))
        return
      }
      let still = false
      try { still = structural(spec) } catch { still = false }
      if (!still) {
        detectedAt = null
        confirming = false
        return
      }
      requestAnimationFrame(() => confirm(extraFrames + 1))
    }
    const observer = new MutationObserver(attempt)
    observer.observe(document, OBSERVE)
    const poll = () => {
      if (done) return
      attempt()
      requestAnimationFrame(poll)
    }
    requestAnimationFrame(poll)
    attempt()
  })

  // ── interactions ──────────────────────────────────────────────────────────────────────────────────

  /** Arms a wait that starts at the next trusted click on `selector` (its event.timeStamp). */
  B.armClick = (selector, spec, timeoutMs = 30000) => {
    let clickAt = null
    const onClick = (event) => {
      if (event.target instanceof Element && event.target.closest(selector)) {
        clickAt = event.timeStamp
        document.removeEventListener('click', onClick, true)
      }
    }
    document.addEventListener('click', onClick, true)
    B.pending = B.waitFor(spec, timeoutMs).then((result) => ({ ...result, clickAt }))
    return true
  }
  B.awaitPending = () => B.pending

  // The load measurement starts with the document: the runner awaits window.__bench.ready.
  if (config.readySpec) B.ready = B.waitFor(config.readySpec, config.readyTimeoutMs || 30000)

  /** Long tasks overlapping [from, to]; entries not yet delivered to the observer are taken first. */
  B.longTasksBetween = (from, to) => {
    if (longTaskObserver) keepLongTasks(longTaskObserver.takeRecords())
    return B.longTasks.filter((t) => t.start + t.duration > from && t.start < to)
  }

  function appPlan() {
    const state = window.__electionPlanner.store.getState()
    return state.plans[state.activePlanId]
  }

  function addDays(date, days) {
    const d = new Date(`${date}T00:00:00Z`)
    d.setUTCDate(d.getUTCDate() + days)
    return d.toISOString().slice(0, 10)
  }
  const isMonday = (date) => new Date(`${date}T00:00:00Z`).getUTCDay() === 1
  const firstDayOf = (task) => task.start.slice(0, 10)
  const lastDayOf = (task) => (task.allDay ? addDays(task.end, -1) : task.end.slice(0, 10))
  /** Whether the task's bar in a Monday-first month grid starts in the cell of `date`. */
  const segmentStartsAt = (task, date) =>
    firstDayOf(task) === date || (firstDayOf(task) < date && lastDayOf(task) >= date && isMonday(date))

  /**
   * Visible task events of the app's month grid dated in [minDate, maxDate), each with the one task
   * it must be: titles repeat in a large plan, so an element is only taken when exactly one task with
   * its title has a bar starting in its cell.
   */
  function identifiedVisibleTasks(minDate, maxDate) {
    const plan = appPlan()
    const byTitle = new Map()
    for (const task of Object.values(plan.tasks)) {
      const list = byTitle.get(task.title)
      if (list) list.push(task)
      else byTitle.set(task.title, [task])
    }
    const found = []
    for (const el of document.querySelectorAll('.fc-daygrid-day .fc-event.task-event')) {
      const date = dateOf(el)
      if (date === null || date < minDate || date >= maxDate || !inViewport(el)) continue
      const title = titleOf(el)
      const matches = (title ? byTitle.get(title) ?? [] : []).filter((t) => segmentStartsAt(t, date))
      if (matches.length === 1) found.push({ task: matches[0], date, others: (byTitle.get(title) ?? []).length - 1 })
    }
    return found
  }

  /** An event element's task title: the app's own content, else FullCalendar's. */
  function titleOf(eventEl) {
    const own = eventEl.querySelector('.event-title, .fc-event-title')
    if (own) return own.textContent
    return eventEl.querySelector('[title]')?.getAttribute('title') ?? null
  }

  /** Task event elements in the day cell of `date` whose title is `title`. */
  function eventsInCell(title, date) {
    const found = []
    for (const el of document.querySelectorAll(`td[data-date="${date}"] .fc-event.task-event`)) {
      if (titleOf(el) === title) found.push(el)
    }
    return found
  }

  /**
   * moveTask of a visible all-day task by a week (same weekday, next row or the row above), through
   * the store, as the calendar's eventDrop handler does. Repainted = its bar has left its old cell
   * and the new cell shows the change: the bar itself, or (a busy day, where the app or
   * FullCalendar folds it away) the cell's "+n" count changed. Titles repeat in a large plan, so
   * bars are counted by title, and a task with a unique title is preferred.
   */
  B.moveVisibleTask = async (minDate, maxDate) => {
    const rank = ({ task, date, others }) =>
      (others === 0 ? 0 : 4) + (task.allDay ? 0 : 2) + (task.allDay && task.end === addDays(date, 1) ? 0 : 1)
    const candidates = identifiedVisibleTasks(minDate, maxDate)
      .filter(({ task, date }) => task.allDay && task.start === date)
      .sort((a, b) => rank(a) - rank(b))
    if (candidates.length === 0) throw new Error('no visible all-day task to move')
    const { task, date } = candidates[0]
    const target = addDays(date, 7) < maxDate ? addDays(date, 7) : addDays(date, -7)
    const cellText = (d) => document.querySelector(`td[data-date="${d}"]`)?.textContent ?? ''
    const beforeOld = eventsInCell(task.title, date).length
    const beforeNew = eventsInCell(task.title, target).length
    const textBefore = cellText(target)
    const moved = () => eventsInCell(task.title, date).length === beforeOld - 1 &&
      (eventsInCell(task.title, target).length === beforeNew + 1 || cellText(target) !== textBefore)
    const start = performance.now()
    window.__electionPlanner.store.getState().moveTask(task.id, { start: target, end: null, allDay: true })
    const result = await waitForPredicate(moved)
    const stored = appPlan().tasks[task.id]
    if (stored.start !== target) throw new Error(`moveTask did not move ${task.id}`)
    return {
      ms: result.paintedAt - start, taskId: task.id, from: date, to: target, days: Math.round((new Date(task.end) - new Date(task.start)) / 864e5),
      visibleInNewCell: eventsInCell(task.title, target).some(inViewport), longTasks: B.longTasksBetween(start, result.paintedAt),
    }
  }

  /** saveTask of a visible task with a new title; timed until the new title is on screen + two frames. */
  B.editVisibleTask = async (minDate, maxDate, avoidId) => {
    // Prefer a task whose title is unique: a new title then cannot change its place among equals.
    const candidates = identifiedVisibleTasks(minDate, maxDate).filter(({ task }) => task.id !== avoidId)
      .sort((a, b) => (a.others === 0 ? 0 : 1) - (b.others === 0 ? 0 : 1))
    if (candidates.length === 0) throw new Error('no visible task to edit')
    const { task, date } = candidates[0]
    const { id: _id, createdAt: _c, updatedAt: _u, ...draft } = task
    const title = `${task.title} (đã sửa)`
    const storage = window.__electionPlanner.storage
    B.timingBeforeEdit = { ...storage.timing }
    const start = performance.now()
    B.editAt = start
    window.__electionPlanner.store.getState().saveTask(task.id, { ...draft, title })
    const result = await waitForPredicate(
      () => eventsInCell(title, date).length > 0,
      () => eventsInCell(title, date).some(inViewport),
    )
    return { ms: result.paintedAt - start, taskId: task.id, date, longTasks: B.longTasksBetween(start, result.paintedAt) }
  }

  /** After an edit, calls nothing and waits until the adapter's timing changes (the save ran). */
  B.waitForSave = (timeoutMs = 10000) => new Promise((resolve) => {
    const storage = window.__electionPlanner.storage
    const before = B.timingBeforeEdit
    const startedAt = B.editAt
    const deadline = performance.now() + timeoutMs
    const tick = () => {
      const t = storage.timing
      if (t.lastWriteMs !== before.lastWriteMs || t.lastWriteBytes !== before.lastWriteBytes || t.lastWriteDeferred !== before.lastWriteDeferred) {
        const now = performance.now()
        resolve({
          ...t, savedAfterEditMs: now - startedAt,
          saveStatus: window.__electionPlanner.store.getState().saveStatus.kind,
          longTasks: B.longTasksBetween(startedAt, now),
        })
        return
      }
      if (performance.now() > deadline) { resolve({ timeout: true }); return }
      setTimeout(tick, 5)
    }
    tick()
  })

  /**
   * Like waitFor, for a predicate: structural `predicate` on mutations and frames, then two frames,
   * then `fullPredicate` (default: the same) must hold; one more frame if it only holds later.
   */
  function waitForPredicate(predicate, fullPredicate = predicate, timeoutMs = 30000) {
    return new Promise((resolve) => {
      let done = false
      let confirming = false
      const finish = (result) => {
        if (done) return
        done = true
        observer.disconnect()
        clearTimeout(timer)
        resolve(result)
      }
      const timer = setTimeout(() => finish({ timeout: true, paintedAt: NaN }), timeoutMs)
      const attempt = () => {
        if (done || confirming || !predicate()) return
        confirming = true
        requestAnimationFrame(() => requestAnimationFrame(() => confirm(0)))
      }
      const confirm = (extraFrames) => {
        if (done) return
        if (fullPredicate()) {
          if (extraFrames === 0) finish({ paintedAt: performance.now() })
          else requestAnimationFrame(() => finish({ paintedAt: performance.now() }))
          return
        }
        if (!predicate()) { confirming = false; return }
        requestAnimationFrame(() => confirm(extraFrames + 1))
      }
      const observer = new MutationObserver(attempt)
      observer.observe(document, OBSERVE)
      const poll = () => { if (done) return; attempt(); requestAnimationFrame(poll) }
      requestAnimationFrame(poll)
      attempt()
    })
  }
})()
