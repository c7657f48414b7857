/**
 * The calendar cut into its VTIMEZONE and VEVENT blocks by their BEGIN/END lines, before ical.js
 * sees any of it: each event is then parsed on its own, so one broken line costs that event only.
 *
 * An event's block keeps only the lines the import reads, and bounded: ical.js decodes every line
 * and value it is given (an EXDATE value costs ~25 µs, a nested component a stack frame's worth of
 * work), so a legal 20 MB file of 100,000 nested alarms, a million EXDATEs or a 20 MB description
 * would otherwise take seconds to minutes. What is left out of the task is named by a skip reason.
 */

/** The properties `readEvent` reads once (the first one counts, as with ical.js's `getFirstProperty`). */
const READ_ONCE: ReadonlySet<string> = new Set([
  'UID', 'DTSTART', 'DTEND', 'DURATION', 'SUMMARY', 'LOCATION', 'DESCRIPTION', 'STATUS', 'RECURRENCE-ID',
  'X-ELECTION-PLANNER-STATUS', 'X-ELECTION-PLANNER-DESCRIPTION', 'X-ELECTION-PLANNER-MILESTONE',
])
/** Text that becomes a task's: a longer line is cut (the task keeps at most 10,000 characters anyway). */
const TEXT_PROPERTIES: ReadonlySet<string> = new Set(['SUMMARY', 'LOCATION', 'DESCRIPTION', 'X-ELECTION-PLANNER-DESCRIPTION', 'CATEGORIES'])
/** Longest text line passed on: escaped, it still holds over 30,000 characters. */
export const MAX_TEXT_LINE_CHARS = 65_536
/** Two RRULEs are enough to tell that an event has more than one. */
const MAX_RULES = 2
/** CATEGORIES only name a channel; the first lines are enough to find one. */
const MAX_CATEGORY_LINES = 20
/** EXDATE values read per event: a series the plan holds has at most 1,000 occurrences. */
export const MAX_EXDATES_PER_EVENT = 1_000
/** …and per file: ~0.5 s of ical.js's decoding. */
export const MAX_EXDATES_PER_FILE = 20_000

export interface EventBlock {
  text: string
  complete: boolean
  /** EXDATE values over the limits were left out. */
  exdatesLeftOut: boolean
  /** A text line was cut to `MAX_TEXT_LINE_CHARS`. */
  textCut: boolean
}

export interface CalendarStructure {
  timezones: string[]
  events: EventBlock[]
}

/**
 * How many events the text holds, by its BEGIN:VEVENT lines, without unfolding or parsing anything:
 * cheap enough to refuse a file with too many events before the work starts.
 */
export function countEventLines(text: string): number {
  const pattern = /^[ \t]*BEGIN:VEVENT[ \t]*\r?$/gim
  let count = 0
  while (pattern.exec(text) !== null) count += 1
  return count
}

/**
 * Cuts the calendar into VTIMEZONE and VEVENT blocks by their BEGIN/END lines, so that each event is
 * parsed on its own: one broken line costs that event only, not the whole file. Null when the text
 * does not start as a VCALENDAR or never ends one (a truncated file, or another format).
 */
export function splitCalendar(body: string): CalendarStructure | null {
  const lines = body.replace(/\r\n?/g, '\n').replace(/\n[ \t]/g, '').split('\n')
  const firstLine = lines.find((line) => line.trim() !== '')
  if (firstLine === undefined || !/^BEGIN:VCALENDAR$/i.test(firstLine.trim())) return null
  if (!lines.some((line) => /^END:VCALENDAR$/i.test(line.trim()))) return null

  const structure: CalendarStructure = { timezones: [], events: [] }
  const budget = { exdates: MAX_EXDATES_PER_FILE }
  let current: { kind: 'vevent' | 'vtimezone'; lines: string[] } | null = null
  const close = (complete: boolean) => {
    if (current === null) return
    if (current.kind === 'vevent') structure.events.push(readableEvent(current.lines, complete, budget))
    else if (complete) structure.timezones.push(current.lines.join('\r\n'))
    current = null
  }
  for (const line of lines) {
    // Most lines are properties: only one starting with B or E can be a marker.
    const first = line.charCodeAt(0) | 0x20
    const marker = first === 0x62 || first === 0x65 || line.charCodeAt(0) <= 0x20
      ? /^(BEGIN|END):(VEVENT|VTIMEZONE|VCALENDAR)$/i.exec(line.trim())
      : null
    const verb = marker?.[1]?.toUpperCase()
    const kind = marker?.[2]?.toLowerCase()
    if (verb === 'BEGIN' && (kind === 'vevent' || kind === 'vtimezone')) {
      close(false) // a BEGIN inside an open block: that block never ended
      current = { kind, lines: [line] }
    } else if (verb === 'END' && current !== null && kind === current.kind) {
      current.lines.push(line)
      close(true)
    } else if (marker) {
      close(false)
    } else if (current !== null) {
      current.lines.push(line)
    }
  }
  close(false)
  return structure
}

export function wrapInCalendar(blocks: readonly string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', ...blocks, 'END:VCALENDAR', ''].join('\r\n')
}

/**
 * The event's lines that the import reads, bounded (see the limits above). Components inside the
 * event (VALARM…) are left out; one that never ends makes the event unreadable, as ical.js would.
 * Lines that are not properties at all stay, so ical.js still refuses a broken event.
 * NOTE: spends `budget.exdates`.
 */
function readableEvent(lines: readonly string[], complete: boolean, budget: { exdates: number }): EventBlock {
  const kept: string[] = []
  const seen = new Set<string>()
  let rules = 0
  let categoryLines = 0
  let exdates = MAX_EXDATES_PER_EVENT
  let depth = 0
  let exdatesLeftOut = false
  let textCut = false
  const last = complete ? lines.length - 1 : lines.length
  for (let n = 0; n < lines.length; n += 1) {
    const line = lines[n]!
    if (n === 0 || n === last) {
      kept.push(line)
      continue
    }
    const name = /^([A-Za-z0-9-]+)[;:]/.exec(line)?.[1]?.toUpperCase()
    if (name === 'BEGIN') {
      depth += 1
      continue
    }
    if (depth > 0) {
      if (name === 'END') depth -= 1
      continue
    }
    if (name === undefined) {
      kept.push(line)
    } else if (READ_ONCE.has(name)) {
      if (seen.has(name)) continue
      seen.add(name)
      const cut = TEXT_PROPERTIES.has(name) ? cutText(line) : line
      textCut ||= cut !== line
      kept.push(cut)
    } else if (name === 'RRULE') {
      if ((rules += 1) <= MAX_RULES) kept.push(line)
    } else if (name === 'RDATE') {
      // Only its presence is read (an event with RDATE is expanded): its first value will do.
      if (!seen.has(name)) kept.push(line.split(',', 1)[0]!)
      seen.add(name)
    } else if (name === 'CATEGORIES') {
      if ((categoryLines += 1) > MAX_CATEGORY_LINES) continue
      const cut = cutText(line)
      textCut ||= cut !== line
      kept.push(cut)
    } else if (name === 'EXDATE') {
      const allowed = Math.min(exdates, budget.exdates)
      const values = countValues(line)
      const taken = Math.min(values, allowed)
      exdates -= taken
      budget.exdates -= taken
      exdatesLeftOut ||= taken < values
      if (taken === values) kept.push(line)
      else if (taken > 0) kept.push(line.slice(0, nthComma(line, taken)))
    } else if (name === 'END') {
      kept.push(line) // an END with no BEGIN: ical.js refuses the event
    }
  }
  return { text: kept.join('\r\n'), complete: complete && depth === 0, exdatesLeftOut, textCut }
}

/** How many comma-separated values a line holds (a comma in a parameter's quotes would count too: harmless). */
function countValues(line: string): number {
  let count = 1
  for (let i = line.indexOf(','); i !== -1; i = line.indexOf(',', i + 1)) count += 1
  return count
}

function nthComma(line: string, n: number): number {
  let at = -1
  for (let k = 0; k < n; k += 1) at = line.indexOf(',', at + 1)
  return at
}

/** The line cut to `MAX_TEXT_LINE_CHARS`, never inside a surrogate pair or an escape (`\,` `\n`). */
function cutText(line: string): string {
  if (line.length <= MAX_TEXT_LINE_CHARS) return line
  let end = MAX_TEXT_LINE_CHARS
  const code = line.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end -= 1
  let backslashes = 0
  while (backslashes < end && line.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes += 1
  if (backslashes % 2 === 1) end -= 1
  return line.slice(0, end)
}
