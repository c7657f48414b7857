/**
 * What a restore had to change to make data usable. A restore must never silently cost data
 * (issue #9): every field it replaced, every item it dropped and every id it renamed is counted here,
 * so the caller keeps the original and tells the user what was repaired, task by task.
 */

/** One item the restore changed. `fields` names what was replaced or dropped (`recurrence.until`, `title`…). */
export interface RestoreDetail {
  kind: 'plan' | 'task' | 'unit' | 'channel' | 'phase'
  /** The item's id as read ('' when it had none that could be read). */
  id: string
  /** The task's title or the item's name, as restored ('' when it had none). */
  name: string
  outcome: 'repaired' | 'dropped'
  fields: string[]
}

export interface RestoreReport {
  /** Tasks that could not be kept at all. */
  droppedTasks: number
  /** Tasks kept with at least one field replaced, dropped or renamed (counted once per task). */
  repairedTasks: number
  /** Anything else that could not be kept: a unit, channel, phase, plan, tombstone… */
  droppedOther: number
  /** Anything else kept with a field replaced (a plan's name, a channel's colour…). */
  repairedOther: number
  /** The first MAX_REPORT_DETAILS changes, for the message and the import preview; the counts are exact. */
  details: RestoreDetail[]
}

/** A save of 10,000 broken tasks still reports its counts; a message lists the first ones only. */
export const MAX_REPORT_DETAILS = 500

export function emptyReport(): RestoreReport {
  return { droppedTasks: 0, repairedTasks: 0, droppedOther: 0, repairedOther: 0, details: [] }
}

/** Records one repaired or dropped item. NOTE: mutates `report`. */
export function noteChange(report: RestoreReport, detail: RestoreDetail): void {
  const isTask = detail.kind === 'task'
  if (detail.outcome === 'dropped') {
    if (isTask) report.droppedTasks += 1
    else report.droppedOther += 1
  } else if (isTask) report.repairedTasks += 1
  else report.repairedOther += 1
  if (report.details.length < MAX_REPORT_DETAILS) report.details.push(detail)
}

export function reportLostSomething(report: RestoreReport): boolean {
  return report.droppedTasks > 0 || report.droppedOther > 0
}

/** True when the restored data differs from what was read in any way (a repair, a rename or a drop). */
export function reportHasChanges(report: RestoreReport): boolean {
  return reportLostSomething(report) || report.repairedTasks > 0 || report.repairedOther > 0
}
