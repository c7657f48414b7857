/**
 * The task form's own model: what the inputs hold (text, in dd/mm/yyyy and HH:mm, with an inclusive
 * last day) and its conversion to and from a task draft (ISO dates, exclusive end).
 */
import { addDays, datePart, diffDays, isValidLocalDate, timePart } from '@/domain/dates/local-date'
import { formatDate, parseDisplayDate } from '@/domain/dates/format-date'
import { computeMilestones, findMilestone } from '@/domain/rules/milestones'
import type { TaskDraft } from '@/domain/plan/plan-ops'
import { defaultRecurrence, pruneExceptions, weekdayCode } from '@/domain/plan/recurrence'
import { WEEKDAYS, type ElectionSettings, type LocalDate, type RecurrenceFrequency, type TaskAnchor, type TaskRecurrence, type TaskStatus, type Weekday } from '@/domain/types'

export type AnchorChoice = 'fixed' | 'election-day' | `milestone:${string}`

export interface TaskForm {
  title: string
  allDay: boolean
  startDate: string
  startTime: string
  /** Inclusive last day (all-day) or end date (timed). */
  endDate: string
  endTime: string
  anchor: AnchorChoice
  /** The end's anchor; 'fixed' here means "the end keeps the task's length". */
  endAnchor: AnchorChoice
  channelId: string
  leadUnitId: string
  supportUnitIds: string[]
  location: string
  quantity: string
  status: TaskStatus
  /** dd/mm/yyyy, the day the work was done; read only while `status` is done ('' = not known). */
  doneOn: string
  description: string
  isTraining: boolean
  campaigning: boolean
  connectionPointCount: string
  connectionPoints: string
  participantCount: string
  participants: string
  topics: string
  presenters: string
  repeat: 'none' | RecurrenceFrequency
  repeatInterval: string
  repeatWeekdays: Weekday[]
  repeatEnd: 'until' | 'count'
  /** dd/mm/yyyy, the last day an occurrence may start on. */
  repeatUntil: string
  repeatCount: string
}

export function draftToForm(draft: TaskDraft): TaskForm {
  const lastDayInclusive = draft.allDay ? addDays(draft.end, -1) : datePart(draft.end)
  const training = draft.training
  return {
    title: draft.title,
    allDay: draft.allDay,
    startDate: formatDate(datePart(draft.start)),
    startTime: draft.allDay ? '08:00' : timePart(draft.start),
    endDate: formatDate(lastDayInclusive),
    endTime: draft.allDay ? '11:30' : timePart(draft.end),
    anchor: anchorChoiceOf(draft.anchor),
    endAnchor: draft.endAnchor === null ? 'fixed' : anchorChoiceOf(draft.endAnchor),
    channelId: draft.channelId ?? '',
    leadUnitId: draft.leadUnitId ?? '',
    supportUnitIds: draft.supportUnitIds,
    location: draft.location,
    quantity: draft.quantity,
    status: draft.status,
    doneOn: draft.status === 'done' && draft.doneOn ? formatDate(draft.doneOn) : '',
    description: draft.description,
    isTraining: training !== null,
    campaigning: draft.campaigning,
    connectionPointCount: training?.connectionPointCount?.toString() ?? '',
    connectionPoints: training?.connectionPoints.join('\n') ?? '',
    participantCount: training?.participantCount?.toString() ?? '',
    participants: training?.participants ?? '',
    topics: training?.topics.join('\n') ?? '',
    presenters: training?.presenters.join('\n') ?? '',
    ...recurrenceToForm(draft),
  }
}

function recurrenceToForm(draft: TaskDraft): Pick<TaskForm, 'repeat' | 'repeatInterval' | 'repeatWeekdays' | 'repeatEnd' | 'repeatUntil' | 'repeatCount'> {
  const startDate = datePart(draft.start)
  const rule = draft.recurrence ?? (isValidLocalDate(startDate) ? defaultRecurrence(startDate) : null)
  return {
    repeat: draft.recurrence?.frequency ?? 'none',
    repeatInterval: String(rule?.interval ?? 1),
    repeatWeekdays: rule?.weekdays.length ? rule.weekdays : isValidLocalDate(startDate) ? [weekdayCode(startDate)] : [],
    repeatEnd: rule?.count !== null && rule?.count !== undefined ? 'count' : 'until',
    repeatUntil: rule?.until ? formatDate(rule.until) : '',
    repeatCount: rule?.count?.toString() ?? '10',
  }
}

/**
 * The rule the form describes, keeping the series' exceptions that still name one of its dates.
 * Unreadable numbers and dates go through as values validation rejects (NaN, an invalid date).
 */
function recurrenceFromForm(form: TaskForm, base: TaskDraft, start: string): TaskRecurrence | null {
  if (form.repeat === 'none') return null
  const until = form.repeatEnd === 'until' ? validDateOrText(form.repeatUntil) : null
  const count = form.repeatEnd === 'count' ? parseCount(form.repeatCount) : null
  const rule: TaskRecurrence = {
    frequency: form.repeat,
    interval: parseCount(form.repeatInterval) ?? Number.NaN,
    weekdays: form.repeat === 'weekly' ? WEEKDAYS.filter((d) => form.repeatWeekdays.includes(d)) : [],
    until: until === '' ? null : until,
    count: form.repeatEnd === 'count' ? (count ?? Number.NaN) : null,
    // Moved occurrences hold bounds of the series' kind: a switch between all-day and timed drops them.
    exceptions: form.allDay === base.allDay
      ? base.recurrence?.exceptions ?? {}
      : Object.fromEntries(Object.entries(base.recurrence?.exceptions ?? {}).filter(([, e]) => e.type === 'cancelled')),
  }
  return isValidLocalDate(start) && (rule.until === null || isValidLocalDate(rule.until)) && Number.isInteger(rule.interval) && rule.interval > 0
    ? pruneExceptions(start, rule)
    : rule
}

/**
 * The draft the form describes. Unparseable dates come through as the raw text so validation
 * reports them on the right field instead of silently keeping an old value.
 */
export function formToDraft(form: TaskForm, base: TaskDraft, election: ElectionSettings): TaskDraft {
  const start = validDateOrText(form.startDate)
  const last = validDateOrText(form.endDate)
  const startValue = form.allDay ? start : `${start}T${normaliseTime(form.startTime)}`
  const endValue = form.allDay ? (isValidLocalDate(last) ? addDays(last, 1) : last) : `${last}T${normaliseTime(form.endTime)}`
  return {
    ...base,
    title: form.title.trim(),
    allDay: form.allDay,
    start: startValue,
    end: endValue,
    anchor: anchorFromChoice(form.anchor, start, election),
    // The end's offset counts from the model's end (an all-day task's exclusive end), like `end` itself.
    // A series keeps its occurrences' length: it has no end anchor.
    endAnchor: form.endAnchor === 'fixed' || form.repeat !== 'none' ? null : nullIfFixed(anchorFromChoice(form.endAnchor, datePart(endValue), election)),
    channelId: form.channelId || null,
    leadUnitId: form.leadUnitId || null,
    supportUnitIds: form.supportUnitIds.filter((id) => id !== form.leadUnitId),
    location: form.location.trim(),
    quantity: form.quantity.trim(),
    status: form.status,
    // Empty: the day is not known (plan-ops then keeps none for a task that was done, or takes today).
    doneOn: form.status === 'done' && form.doneOn.trim() !== '' ? validDateOrText(form.doneOn) : null,
    description: form.description,
    campaigning: form.campaigning,
    training: form.isTraining
      ? {
          connectionPointCount: parseCount(form.connectionPointCount),
          connectionPoints: lines(form.connectionPoints),
          participantCount: parseCount(form.participantCount),
          participants: form.participants.trim(),
          topics: lines(form.topics),
          presenters: lines(form.presenters),
        }
      : null,
    recurrence: recurrenceFromForm(form, base, start),
  }
}

function anchorChoiceOf(anchor: TaskAnchor): AnchorChoice {
  return anchor.type === 'fixed' ? 'fixed' : anchor.type === 'election-day' ? 'election-day' : `milestone:${anchor.milestoneId}`
}

function nullIfFixed(anchor: TaskAnchor): TaskAnchor | null {
  return anchor.type === 'fixed' ? null : anchor
}

function anchorFromChoice(choice: AnchorChoice, start: string, election: ElectionSettings): TaskAnchor {
  if (choice === 'fixed' || !isValidLocalDate(start)) return { type: 'fixed' }
  if (choice === 'election-day') return { type: 'election-day', offsetDays: diffDays(election.electionDay, start) }
  const milestoneId = choice.slice('milestone:'.length)
  const milestone = findMilestone(computeMilestones(election), milestoneId)
  if (!milestone) return { type: 'fixed' }
  return { type: 'milestone', milestoneId, offsetDays: diffDays(milestone.date, start) }
}

/** `8:5` → `08:05`; anything else is returned as typed, for validation to reject. */
function normaliseTime(text: string): string {
  const match = /^\s*(\d{1,2})[:h.](\d{1,2})\s*$/.exec(text)
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]!.padStart(2, '0')}` : text.trim()
}

/** NaN for text that is not a whole number, so validation flags it; null for an empty field. */
function parseCount(text: string): number | null {
  const trimmed = text.trim().replace(/[.\s]/g, '')
  if (trimmed === '') return null
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN
}

function lines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0)
}

/** The ISO date for valid dd/mm/yyyy text, else the text as typed (validation then flags it). */
function validDateOrText(text: string): string {
  const parsed = parseDisplayDate(text)
  return parsed !== null && isValidLocalDate(parsed) ? parsed : text.trim()
}

/** What is wrong with the "done on" day of a draft, if anything (the editor shows it under the field). */
export type DoneOnError = 'invalidDate' | 'afterToday' | 'beforeStart'

/**
 * The "done on" day must be a date, not after today (work not yet done cannot be reported done) and
 * not before the task (a series: its first occurrence) starts. Checked here, not in the domain's
 * validation, because it needs today's date, which only the UI has; imports take the day as given.
 */
export function validateDoneOn(draft: Pick<TaskDraft, 'status' | 'doneOn' | 'start'>, today: LocalDate): DoneOnError | null {
  if (draft.status !== 'done' || draft.doneOn === null) return null
  if (!isValidLocalDate(draft.doneOn)) return 'invalidDate'
  if (draft.doneOn > today) return 'afterToday'
  const start = datePart(draft.start)
  return isValidLocalDate(start) && draft.doneOn < start ? 'beforeStart' : null
}
