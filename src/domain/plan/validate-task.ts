/**
 * Validation of a task draft before it enters the plan (the task form, and later imports). Returns
 * error codes per field; the UI turns codes into sentences in the user's language.
 */
import { datePart, isValidLocalDate, isValidLocalDateTime } from '@/domain/dates/local-date'
import { validateRecurrence, type RecurrenceError } from '@/domain/plan/recurrence'
import type { TaskDraft } from '@/domain/plan/plan-ops'
import type { Plan } from '@/domain/types'

export const TITLE_MAX_LENGTH = 200
export const SHORT_TEXT_MAX_LENGTH = 500
export const LONG_TEXT_MAX_LENGTH = 10_000
export const MAX_ANCHOR_OFFSET_DAYS = 3650

export type TaskFieldError =
  | 'required'
  | 'tooLong'
  | 'invalidDate'
  | 'invalidTime'
  | 'endBeforeStart'
  | 'unknownReference'
  | 'invalidCount'
  | 'invalidOffset'
  | RecurrenceError

export type TaskField =
  | 'title' | 'start' | 'end' | 'channelId' | 'leadUnitId' | 'supportUnitIds' | 'location' | 'quantity'
  | 'description' | 'connectionPointCount' | 'participantCount' | 'anchor' | 'recurrence'

export type TaskErrors = Partial<Record<TaskField, TaskFieldError>>

export function validateTaskDraft(draft: TaskDraft, plan: Pick<Plan, 'units' | 'channels'>): TaskErrors {
  const errors: TaskErrors = {}
  const title = draft.title.trim()
  if (title.length === 0) errors.title = 'required'
  else if (title.length > TITLE_MAX_LENGTH) errors.title = 'tooLong'

  const isValidBound = draft.allDay ? isValidLocalDate : isValidLocalDateTime
  if (!isValidBound(draft.start)) errors.start = draft.allDay ? 'invalidDate' : 'invalidTime'
  if (!isValidBound(draft.end)) errors.end = draft.allDay ? 'invalidDate' : 'invalidTime'
  // All-day ends are exclusive, so an end equal to the start would be a zero-day task.
  if (!errors.start && !errors.end && (draft.allDay ? draft.end <= draft.start : draft.end < draft.start)) {
    errors.end = 'endBeforeStart'
  }

  const unitIds = new Set(plan.units.map((u) => u.id))
  if (draft.channelId !== null && !plan.channels.some((c) => c.id === draft.channelId)) errors.channelId = 'unknownReference'
  if (draft.leadUnitId !== null && !unitIds.has(draft.leadUnitId)) errors.leadUnitId = 'unknownReference'
  if (draft.supportUnitIds.some((id) => !unitIds.has(id))) errors.supportUnitIds = 'unknownReference'

  if (draft.location.length > SHORT_TEXT_MAX_LENGTH) errors.location = 'tooLong'
  if (draft.quantity.length > SHORT_TEXT_MAX_LENGTH) errors.quantity = 'tooLong'
  if (draft.description.length > LONG_TEXT_MAX_LENGTH) errors.description = 'tooLong'

  if (draft.training) {
    if (!isCount(draft.training.connectionPointCount)) errors.connectionPointCount = 'invalidCount'
    if (!isCount(draft.training.participantCount)) errors.participantCount = 'invalidCount'
  }
  if (draft.anchor.type !== 'fixed') {
    const offset = draft.anchor.offsetDays
    if (!Number.isInteger(offset) || Math.abs(offset) > MAX_ANCHOR_OFFSET_DAYS) errors.anchor = 'invalidOffset'
  }
  if (draft.recurrence && !errors.start) {
    const until = draft.recurrence.until
    const problem = until !== null && !isValidLocalDate(until) ? 'invalidDate' : validateRecurrence(datePart(draft.start), draft.recurrence)
    if (problem) errors.recurrence = problem
  }
  return errors
}

export function hasErrors(errors: TaskErrors): boolean {
  return Object.keys(errors).length > 0
}

function isCount(value: number | null): boolean {
  return value === null || (Number.isInteger(value) && value >= 0 && value <= 100_000_000)
}
