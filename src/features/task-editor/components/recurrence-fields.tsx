/**
 * The task editor's recurrence part: the rule (daily / weekly, interval, weekdays, end) with a
 * summary of the occurrences it gives, and — when the dialog was opened from one occurrence of a
 * series — the actions on that occurrence alone (cancel it, move it) and the cancelled ones to restore.
 */
import { useId, useMemo, useState, type ReactNode } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { formatDate, parseDisplayDate } from '@/domain/dates/format-date'
import { datePart, diffDays, isValidLocalDate, shiftByDays } from '@/domain/dates/local-date'
import type { TaskDraft } from '@/domain/plan/plan-ops'
import { expandTask, validateRecurrence, weekdayCode } from '@/domain/plan/recurrence'
import { WEEKDAYS, type Task } from '@/domain/types'
import { useMessages } from '@/components/use-messages'
import type { TaskForm } from '@/features/task-editor/utils/task-form'
import { usePlannerStore } from '@/store/use-planner-store'

interface RecurrenceFieldsProps {
  form: TaskForm
  update: <K extends keyof TaskForm>(key: K, value: TaskForm[K]) => void
  /** The draft the form describes now, for the summary line. */
  draft: TaskDraft
  error: ReactNode
  fieldProps: { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string }
}

export function RecurrenceFields({ form, update, draft, error, fieldProps }: RecurrenceFieldsProps) {
  const messages = useMessages()
  const uid = useId()
  // A weekly series always falls on its start's weekday (its first occurrence): shown ticked, fixed.
  const startIso = parseDisplayDate(form.startDate)
  const startCode = startIso && isValidLocalDate(startIso) ? weekdayCode(startIso) : null
  const summary = useMemo(() => {
    const rule = draft.recurrence
    if (!rule || !isValidLocalDate(datePart(draft.start)) || (rule.until !== null && !isValidLocalDate(rule.until))) return null
    if (validateRecurrence(datePart(draft.start), rule) !== null) return null
    const occurrences = expandTask({ ...draft, id: 'preview', createdAt: 0, updatedAt: 0 })
    if (occurrences.length === 0) return null
    return messages.editor.repeatSummary(occurrences.length, formatDate(datePart(occurrences[0]!.start)), formatDate(datePart(occurrences.at(-1)!.start)))
  }, [draft, messages])

  return (
    <div className="recurrence-fields" data-testid="recurrence-fields">
      <div className="field">
        <label className="field-label" htmlFor={fieldProps.id}>{messages.editor.repeat}</label>
        <div className="field-control">
          <select {...fieldProps} name="repeat" value={form.repeat} onChange={(e) => update('repeat', e.target.value as TaskForm['repeat'])}>
            <option value="none">{messages.editor.repeatNone}</option>
            <option value="daily">{messages.editor.repeatDaily}</option>
            <option value="weekly">{messages.editor.repeatWeekly}</option>
          </select>
        </div>
      </div>
      {form.repeat !== 'none' ? (
        <>
          <div className="field inline-field">
            <label className="field-label" htmlFor={`${uid}-interval`}>{messages.editor.repeatInterval}</label>
            <input id={`${uid}-interval`} name="repeatInterval" className="number-input" inputMode="numeric" value={form.repeatInterval}
              onChange={(e) => update('repeatInterval', e.target.value)} />
            <span>{messages.editor.repeatIntervalUnit[form.repeat]}</span>
          </div>
          {form.repeat === 'weekly' ? (
            <div className="field">
              <span className="field-label" id={`${uid}-on`}>{messages.editor.repeatOn}</span>
              <div className="weekday-picker" role="group" aria-labelledby={`${uid}-on`}>
                {WEEKDAYS.map((day, i) => (
                  <label key={day} className="checkbox">
                    <input type="checkbox" name={`weekday-${day}`} checked={day === startCode || form.repeatWeekdays.includes(day)} disabled={day === startCode}
                      onChange={(e) => update('repeatWeekdays', e.target.checked ? [...form.repeatWeekdays, day] : form.repeatWeekdays.filter((d) => d !== day))} />
                    {messages.editor.weekdaysShort[i]}
                  </label>
                ))}
              </div>
            </div>
          ) : null}
          <fieldset className="repeat-end">
            <legend className="field-label">{messages.editor.repeatEnds}</legend>
            <label className="checkbox">
              <input type="radio" name="repeatEnd" value="until" checked={form.repeatEnd === 'until'} onChange={() => update('repeatEnd', 'until')} />
              {messages.editor.repeatUntil}
            </label>
            <input name="repeatUntil" aria-label={messages.editor.repeatUntil} placeholder="dd/mm/yyyy" inputMode="numeric" value={form.repeatUntil}
              disabled={form.repeatEnd !== 'until'} onChange={(e) => update('repeatUntil', e.target.value)} />
            <label className="checkbox">
              <input type="radio" name="repeatEnd" value="count" checked={form.repeatEnd === 'count'} onChange={() => update('repeatEnd', 'count')} />
              {messages.editor.repeatCount}
            </label>
            <input name="repeatCount" aria-label={messages.editor.repeatCount} className="number-input" inputMode="numeric" value={form.repeatCount}
              disabled={form.repeatEnd !== 'count'} onChange={(e) => update('repeatCount', e.target.value)} />
          </fieldset>
          {summary ? <p className="muted small" data-testid="repeat-summary">{summary}</p> : null}
        </>
      ) : null}
      {error}
    </div>
  )
}

/** What can be done to one occurrence of a saved series, and the cancelled ones to bring back. */
/** `formDirty`: the form has unsaved changes; acting on one occurrence closes the dialog, so it waits until they are saved or undone. */
export function OccurrencePanel({ task, occurrenceDate, formDirty }: { task: Task; occurrenceDate: string | null; formDirty: boolean }) {
  const messages = useMessages()
  const uid = useId()
  const { setOccurrenceCancelled, moveOccurrence, closeEditor } = usePlannerStore(useShallow((s) => ({
    setOccurrenceCancelled: s.setOccurrenceCancelled, moveOccurrence: s.moveOccurrence, closeEditor: s.closeEditor,
  })))
  const occurrence = useMemo(
    () => (occurrenceDate ? expandTask(task).find((o) => o.occurrenceDate === occurrenceDate) ?? null : null),
    [task, occurrenceDate],
  )
  const [moveTo, setMoveTo] = useState(occurrence ? formatDate(datePart(occurrence.start)) : '')
  const [moveError, setMoveError] = useState(false)
  const cancelled = Object.entries(task.recurrence?.exceptions ?? {}).filter(([, e]) => e.type === 'cancelled').map(([date]) => date).sort()

  const move = () => {
    const target = parseDisplayDate(moveTo)
    if (!occurrence || !target || !isValidLocalDate(target)) {
      setMoveError(true)
      return
    }
    const days = diffDays(datePart(occurrence.start), target)
    moveOccurrence(task.id, occurrence.occurrenceDate, { start: shiftByDays(occurrence.start, days), end: shiftByDays(occurrence.end, days), allDay: task.allDay })
    closeEditor()
  }

  if (!occurrence && cancelled.length === 0) return null
  return (
    <section className="occurrence-panel" data-testid="occurrence-panel">
      {occurrence ? (
        <>
          <h3>{messages.editor.occurrenceTitle(formatDate(occurrence.occurrenceDate))}</h3>
          <p className="muted small">{messages.editor.occurrenceHint}</p>
          <div className="occurrence-actions">
            <button type="button" disabled={formDirty} onClick={() => { setOccurrenceCancelled(task.id, occurrence.occurrenceDate, true); closeEditor() }}>
              {messages.editor.cancelOccurrence}
            </button>
            <label htmlFor={`${uid}-move`}>{messages.editor.moveOccurrenceTo}</label>
            <input id={`${uid}-move`} name="occurrenceMoveTo" placeholder="dd/mm/yyyy" inputMode="numeric" value={moveTo}
              aria-invalid={moveError ? 'true' : undefined} aria-describedby={moveError ? `${uid}-move-error` : undefined}
              onChange={(e) => { setMoveTo(e.target.value); setMoveError(false) }} />
            <button type="button" disabled={formDirty} onClick={move}>{messages.editor.moveOccurrence}</button>
          </div>
          {formDirty ? <p className="muted small">{messages.editor.occurrenceSaveFirst}</p> : null}
          {moveError ? <span className="field-error" id={`${uid}-move-error`}>{messages.errors.invalidDate}</span> : null}
        </>
      ) : null}
      {cancelled.length > 0 ? (
        <div className="cancelled-occurrences">
          <span className="field-label">{messages.editor.cancelledOccurrences}:</span>
          {cancelled.map((date) => (
            <span key={date} className="cancelled-occurrence">
              {formatDate(date)}{' '}
              <button type="button" className="link-button" onClick={() => setOccurrenceCancelled(task.id, date, false)}>
                {messages.editor.restoreOccurrence}
              </button>
            </span>
          ))}
        </div>
      ) : null}
    </section>
  )
}
