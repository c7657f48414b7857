/**
 * Valid plans for the round trips (export, then import, must give the same plan back): the fuzz plan
 * with a random subset of its tasks, each possibly re-titled with any Unicode text, moved by days,
 * made timed, given another status, or made a daily/weekly series with cancelled and moved
 * occurrences. Everything generated here is something the app itself can save.
 */
import fc from 'fast-check'
import { addDays, shiftByDays } from '@/domain/dates/local-date'
import { isReservedKey } from '@/domain/plan/ids'
import { ruleDates, shiftRecurrence, validateRecurrence, weekdayCode } from '@/domain/plan/recurrence'
import { TASK_STATUSES, WEEKDAYS, type Plan, type Task, type TaskRecurrence } from '@/domain/types'

/** Text that stresses every format: separators, quotes, line breaks, formula starts, Vietnamese, emoji. */
export const trickyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom(',', ';', '"', "'", '\\', ':', '\n', '\r\n', '\t', ' ', '=', '+', '-', '@', 'a', 'Đ', 'ộ', 'e\u0301', '😀', '👩‍👩‍👧', '中', '&', '<'),
    maxLength: 30,
  }),
)

const idText = fc.string({ unit: fc.constantFrom('a', 'b', 'z', '0', '9', '-', '_', '.', 'ư', ' '), minLength: 1, maxLength: 16 })
  .filter((id) => !isReservedKey(id) && id.trim() === id && id !== '')

interface TaskChange {
  title: string | null
  description: string | null
  location: string | null
  status: Task['status'] | null
  shiftDays: number
  timed: { minute: number; minutes: number } | null
  series: { weekly: boolean; interval: number; count: number | null; untilDays: number; extraDays: number[]; cancel: number[]; move: number[] } | null
}

const taskChange: fc.Arbitrary<TaskChange> = fc.record({
  title: fc.option(trickyText, { freq: 2 }),
  description: fc.option(trickyText, { freq: 2 }),
  location: fc.option(trickyText, { freq: 2 }),
  status: fc.option(fc.constantFrom(...TASK_STATUSES)),
  shiftDays: fc.oneof(fc.constant(0), fc.integer({ min: -400, max: 400 })),
  timed: fc.option(fc.record({ minute: fc.integer({ min: 0, max: 1439 }), minutes: fc.integer({ min: 1, max: 600 }) }), { freq: 4 }),
  series: fc.option(fc.record({
    weekly: fc.boolean(),
    interval: fc.integer({ min: 1, max: 3 }),
    count: fc.option(fc.integer({ min: 1, max: 12 })),
    untilDays: fc.integer({ min: 0, max: 60 }),
    extraDays: fc.subarray([1, 2, 3, 4, 5, 6]),
    cancel: fc.array(fc.nat({ max: 11 }), { maxLength: 2 }),
    move: fc.array(fc.nat({ max: 11 }), { maxLength: 2 }),
  }), { freq: 4 }),
})

function changeTask(task: Task, change: TaskChange, id: string): Task {
  let next: Task = { ...task, id }
  if (change.title !== null) next.title = change.title
  if (change.description !== null) next.description = change.description
  if (change.location !== null) next.location = change.location
  if (change.status !== null) next.status = change.status
  if (change.shiftDays !== 0) {
    next.start = shiftByDays(next.start, change.shiftDays)
    next.end = shiftByDays(next.end, change.shiftDays)
    if (next.recurrence) next.recurrence = shiftRecurrence(next.recurrence, change.shiftDays)
    // An anchored start is the anchor's date plus its offset: the offset moves with the start.
    if (next.anchor.type !== 'fixed') next.anchor = { ...next.anchor, offsetDays: next.anchor.offsetDays + change.shiftDays }
  }
  if (change.timed && next.recurrence === null && next.allDay) {
    const day = next.start
    const startMinute = change.timed.minute
    const endMinute = Math.min(startMinute + change.timed.minutes, 1439)
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
    next = { ...next, allDay: false, start: `${day}T${hhmm(startMinute)}`, end: `${day}T${hhmm(Math.max(endMinute, startMinute))}` }
  }
  if (change.series && next.recurrence === null) {
    const day = next.start.slice(0, 10)
    const s = change.series
    // Monday first, as the editor writes them.
    const picked = new Set([weekdayCode(day), ...s.extraDays.map((d) => WEEKDAYS[(WEEKDAYS.indexOf(weekdayCode(day)) + d) % 7]!)])
    const weekdays = s.weekly ? WEEKDAYS.filter((code) => picked.has(code)) : []
    const rule: TaskRecurrence = {
      frequency: s.weekly ? 'weekly' : 'daily', interval: s.interval, weekdays,
      until: s.count === null ? addDays(day, s.untilDays) : null, count: s.count, exceptions: {},
    }
    if (validateRecurrence(day, rule) === null) {
      const dates = ruleDates(day, rule)
      for (const n of s.cancel) if (dates[n]) rule.exceptions[dates[n]!] = { type: 'cancelled' }
      for (const n of s.move) {
        const date = dates[n]
        if (!date) continue
        const moved = next.allDay
          ? { start: addDays(date, 1), end: addDays(date, 2) }
          : { start: shiftByDays(`${date}${next.start.slice(10)}`, 1), end: shiftByDays(`${date}${next.end.slice(10)}`, 1) }
        if (moved.end >= moved.start) rule.exceptions[date] = { type: 'moved', ...moved }
      }
      next.recurrence = rule
    }
  }
  return next
}

/** A valid plan: some of the base plan's tasks, changed, plus new tasks under new ids. */
export function validPlan(base: Plan): fc.Arbitrary<Plan> {
  const tasks = Object.values(base.tasks)
  return fc.record({
    kept: fc.subarray(tasks, { minLength: 1, maxLength: 12 }),
    changes: fc.array(taskChange, { minLength: 12, maxLength: 12 }),
    added: fc.array(fc.tuple(idText, fc.constantFrom(...tasks), taskChange), { maxLength: 3 }),
  }).map(({ kept, changes, added }) => {
    const out: Record<string, Task> = {}
    kept.forEach((task, i) => { out[task.id] = changeTask(task, changes[i]!, task.id) })
    for (const [id, template, change] of added) if (!(id in out)) out[id] = changeTask(template, change, id)
    return { ...base, tasks: out }
  })
}
