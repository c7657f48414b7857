/**
 * The checks panel's rules: warnings with a link to each task. Each can be dismissed per task
 * (plan.checks.dismissed). Holidays are passed in (domain/holidays computes them) so this module
 * stays independent of the lunar calendar.
 */
import { addDays, datePart, diffDays, toDayNumber, fromDayNumber } from '@/domain/dates/local-date'
import { lastDay } from '@/domain/plan/task-dates'
import { expandTask } from '@/domain/plan/recurrence'
import { createPhaseLookup } from '@/domain/plan/task-phase'
import { computeMilestones } from '@/domain/rules/milestones'
import type { LocalDate, Plan, Task } from '@/domain/types'

export type CheckKind =
  | 'campaigning-on-silence-days'
  | 'after-results-deadline'
  | 'before-announcement'
  | 'outside-phases'
  | 'unit-overloaded'
  | 'on-holiday'
  | 'spans-holiday'

export interface CheckFinding {
  kind: CheckKind
  taskId: string
  severity: 'warning' | 'info'
  /** The day the finding is about (for overload and holiday findings), else the task's start. */
  date: LocalDate
  /** Overload: how many tasks the unit leads that day. Holiday: its name. */
  detail?: string | number
}

export interface HolidayLike {
  date: LocalDate
  nameVi: string
  nameEn: string
  dayOff: boolean
}

/**
 * All findings for the plan, sorted by date; dismissed ones left out. One pass over the tasks, plus a
 * per-day count of each lead unit's tasks (a day-number array per unit), so 10,000 tasks stay fast.
 */
export function runPlanChecks(plan: Plan, holidays: readonly HolidayLike[] = []): CheckFinding[] {
  const findings: CheckFinding[] = []
  const milestones = computeMilestones(plan.election)
  const electionDay = plan.election.electionDay
  const silenceStart = addDays(electionDay, -1) // from 07:00 on D-1 until the polls close on D
  const resultsDeadline = milestones.find((m) => m.id === 'results-national-assembly')?.date ?? addDays(electionDay, 20)
  const announcedOn = plan.election.announcedOn
  const campaigningChannels = new Set(plan.channels.filter((c) => c.campaigning).map((c) => c.id))
  const holidayByDay = new Map(holidays.filter((h) => h.dayOff).map((h) => [h.date, h]))
  const perUnitDay = new Map<string, Map<number, string[]>>()
  const dismissed = plan.checks.dismissed
  // The exports' rule: a task is outside the phases exactly when no export groups it under one.
  const phaseOf = createPhaseLookup(plan.phases)
  const push = (finding: CheckFinding) => {
    if (!dismissed[finding.taskId]?.includes(finding.kind)) findings.push(finding)
  }

  // A series is checked occurrence by occurrence, and reported once per kind (its first such occurrence).
  // `reportedForSeries` is null for a single task (no bookkeeping for the 10,000 ordinary ones).
  let reportedForSeries: Set<CheckKind> | null = null
  const pushOnce = (finding: CheckFinding) => {
    if (reportedForSeries?.has(finding.kind)) return
    reportedForSeries?.add(finding.kind)
    push(finding)
  }

  for (const task of Object.values(plan.tasks)) {
    if (task.status === 'cancelled') continue
    if (!task.recurrence) {
      reportedForSeries = null
      checkOccurrence(task, task)
      continue
    }
    reportedForSeries = new Set()
    for (const occurrence of expandTask(task)) checkOccurrence(task, occurrence)
  }

  function checkOccurrence(task: Task, occurrence: Pick<Task, 'start' | 'end'>) {
    const push = pushOnce
    const bounds = { start: occurrence.start, end: occurrence.end, allDay: task.allDay }
    const first = datePart(bounds.start)
    const last = lastDay(bounds)
    if (isCampaigning(task, campaigningChannels) && touchesSilence(bounds, silenceStart, electionDay)) {
      push({ kind: 'campaigning-on-silence-days', taskId: task.id, severity: 'warning', date: first })
    }
    if (last > resultsDeadline) push({ kind: 'after-results-deadline', taskId: task.id, severity: 'warning', date: first })
    if (announcedOn !== null && first < announcedOn) push({ kind: 'before-announcement', taskId: task.id, severity: 'warning', date: first })
    if (phaseOf(bounds) === null) push({ kind: 'outside-phases', taskId: task.id, severity: 'warning', date: first })
    const dayOff = findDayOff(task, bounds, holidayByDay)
    if (dayOff) {
      push({ kind: dayOff.kind, taskId: task.id, severity: dayOff.kind === 'on-holiday' ? 'warning' : 'info', date: dayOff.date, detail: dayOff.name })
    }
    if (task.leadUnitId !== null) {
      let days = perUnitDay.get(task.leadUnitId)
      if (!days) perUnitDay.set(task.leadUnitId, (days = new Map()))
      for (let d = toDayNumber(first), end = toDayNumber(last); d <= end; d += 1) {
        const list = days.get(d)
        // A moved occurrence on a day the series already covers is still one task that day.
        if (list) { if (list[list.length - 1] !== task.id) list.push(task.id) }
        else days.set(d, [task.id])
      }
    }
  }

  const limit = plan.checks.maxTasksPerUnitPerDay
  const reportedOverload = new Set<string>()
  for (const days of perUnitDay.values()) {
    for (const [day, taskIds] of days) {
      if (taskIds.length <= limit) continue
      // One finding per task per overloaded day would flood the panel: one per task, its first such day.
      for (const taskId of taskIds) {
        if (!reportedOverload.has(taskId)) {
          reportedOverload.add(taskId)
          push({ kind: 'unit-overloaded', taskId, severity: 'warning', date: fromDayNumber(day), detail: taskIds.length })
        }
      }
    }
  }
  return findings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind.localeCompare(b.kind)))
}

function isCampaigning(task: Task, channels: ReadonlySet<string>): boolean {
  return task.campaigning || (task.channelId !== null && channels.has(task.channelId))
}

/**
 * When the polls close on D: 19:00, but a polling team may keep voting open until 21:00 at the latest
 * (Art. 71). Campaigning stays silent until the latest close, so nothing is announced at a polling
 * area that is still open.
 */
export const POLLS_CLOSE_LATEST = '21:00'

/**
 * Campaigning ends 07:00 on D-1 (Art. 64) and may not resume before voting closes on D: an all-day
 * task on D-1 or D, or a timed one overlapping 07:00 on D-1 … 21:00 on D.
 */
function touchesSilence(task: Pick<Task, 'start' | 'end' | 'allDay'>, silenceStart: LocalDate, electionDay: LocalDate): boolean {
  const first = datePart(task.start)
  const last = lastDay(task)
  if (last < silenceStart || first > electionDay) return false
  if (task.allDay) return true
  return task.end > `${silenceStart}T07:00` && task.start < `${electionDay}T${POLLS_CLOSE_LATEST}`
}

/**
 * Work longer than this (in calendar days) is ongoing work (coverage, broadcasts, displays) that runs
 * through days off as a matter of course; shorter work is an event someone has to hold on its days.
 */
export const ONGOING_WORK_MIN_DAYS = 8

/**
 * A day off a task meets, and whether an official has to act on it: an event (a training or
 * conference, or work of at most a week) that starts, ends or is held on a day off is a warning
 * ('on-holiday'); ongoing work that merely runs through one is grouped apart ('spans-holiday').
 * Shared with the re-plan preview, which warns with the same rule.
 */
export function findDayOff(
  task: Pick<Task, 'training'>,
  bounds: Pick<Task, 'start' | 'end' | 'allDay'>,
  daysOff: ReadonlyMap<LocalDate, Pick<HolidayLike, 'nameVi'>>,
): { kind: 'on-holiday' | 'spans-holiday'; date: LocalDate; name: string } | null {
  if (daysOff.size === 0) return null
  const first = datePart(bounds.start)
  const last = lastDay(bounds)
  const ongoing = task.training === null && diffDays(first, last) + 1 >= ONGOING_WORK_MIN_DAYS
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const holiday = daysOff.get(day)
    if (holiday) return { kind: ongoing ? 'spans-holiday' : 'on-holiday', date: day, name: holiday.nameVi }
    // Bounded: a task longer than a year is checked on its first year only.
    if (diffDays(first, day) > 366) break
  }
  return null
}
