/**
 * The task editor: Thông tin chung · Phân công · Chi tiết · Hội nghị / tập huấn. Validates on save,
 * marks each wrong field with its message, and asks before discarding changes.
 */
import { useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { electionOffsetLabel } from '@/domain/dates/election-offset'
import { datePart, isValidLocalDate, todayIn } from '@/domain/dates/local-date'
import { formatDate, parseDisplayDate } from '@/domain/dates/format-date'
import { computeMilestones } from '@/domain/rules/milestones'
import type { TaskDraft } from '@/domain/plan/plan-ops'
import { hasErrors, validateTaskDraft, type TaskErrors, type TaskField } from '@/domain/plan/validate-task'
import { TASK_STATUSES, type Task } from '@/domain/types'
import { ModalDialog } from '@/components/modal-dialog'
import { findTaskElement, focusWhenLost } from '@/components/focus-when-lost'
import { useLanguage, useMessages } from '@/components/use-messages'
import { draftToForm, formToDraft, validateDoneOn, type DoneOnError, type TaskForm } from '@/features/task-editor/utils/task-form'
import { OccurrencePanel, RecurrenceFields } from '@/features/task-editor/components/recurrence-fields'
import type { Messages } from '@/lib/i18n/catalog'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

export function TaskEditorDialog() {
  const editor = usePlannerStore((s) => s.editor)
  const plan = usePlannerStore(selectActivePlan)
  if (editor.mode === 'closed') return null
  if (editor.mode === 'edit') {
    const task = plan.tasks[editor.taskId]
    if (!task) return null
    return <TaskEditorForm key={task.id} task={task} base={taskToDraft(task)} occurrenceDate={task.recurrence ? editor.occurrenceDate ?? null : null} />
  }
  return <TaskEditorForm key="create" task={null} base={editor.draft} occurrenceDate={null} />
}

function taskToDraft(task: Task): TaskDraft {
  const { id: _id, createdAt: _c, updatedAt: _u, ...draft } = task
  return draft
}

function errorText(messages: Messages, field: TaskField, code: TaskErrors[TaskField]): string | null {
  if (!code) return null
  if (field === 'title' && code === 'tooLong') return messages.errors.titleTooLong
  return messages.errors[code]
}

function TaskEditorForm({ task, base, occurrenceDate }: { task: Task | null; base: TaskDraft; occurrenceDate: string | null }) {
  const plan = usePlannerStore(selectActivePlan)
  const { createTask, saveTask, deleteTask, closeEditor } = usePlannerStore(
    useShallow((s) => ({ createTask: s.createTask, saveTask: s.saveTask, deleteTask: s.deleteTask, closeEditor: s.closeEditor })),
  )
  const messages = useMessages()
  const language = useLanguage()
  const initialForm = useMemo(() => draftToForm(base), [base])
  const [form, setForm] = useState<TaskForm>(initialForm)
  const [errors, setErrors] = useState<TaskErrors>({})
  const [showSummary, setShowSummary] = useState(false)
  const [doneOnError, setDoneOnError] = useState<DoneOnError | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const uid = useId()
  const milestones = useMemo(() => computeMilestones(plan.election), [plan.election])

  const isDirty = JSON.stringify(form) !== JSON.stringify(initialForm)
  const update = <K extends keyof TaskForm>(key: K, value: TaskForm[K]) => setForm((f) => ({ ...f, [key]: value }))

  const requestClose = () => {
    if (!isDirty || window.confirm(messages.editor.confirmDiscard)) closeEditor()
  }

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    const draft = formToDraft(form, base, plan.election)
    const found = validateTaskDraft(draft, plan)
    setErrors(found)
    const doneOnProblem = validateDoneOn(draft, planToday(plan.timeZone))
    setDoneOnError(doneOnProblem)
    if (hasErrors(found) || doneOnProblem !== null) {
      setShowSummary(true)
      // Focus the first wrong field so keyboard and screen-reader users land on it.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
      return
    }
    const savedId = task ? task.id : createTask(draft)
    if (task) saveTask(task.id, draft)
    closeEditor()
    // The task's event is redrawn: focus it again rather than leave focus on <body>.
    focusWhenLost(() => findTaskElement(savedId), { preferTarget: !task })
  }

  const draftPreview = useMemo(() => formToDraft(form, base, plan.election), [form, base, plan.election])
  const startIso = parseDisplayDate(form.startDate)
  const dLabel = startIso && isValidLocalDate(startIso) ? electionOffsetLabel(startIso, plan.election.electionDay) : null
  const endIso = parseDisplayDate(form.endDate)
  const endLabel = endIso && isValidLocalDate(endIso) ? electionOffsetLabel(endIso, plan.election.electionDay) : null
  const field = (name: TaskField) => ({
    'aria-invalid': errors[name] ? ('true' as const) : undefined,
    'aria-describedby': errors[name] ? `${uid}-${name}-error` : undefined,
    id: `${uid}-${name}`,
  })
  const fieldError = (name: TaskField) => {
    const text = errorText(messages, name, errors[name])
    return text ? <span className="field-error" id={`${uid}-${name}-error`}>{text}</span> : null
  }
  const channelName = (c: { name: string; nameEn: string }) => (language === 'en' && c.nameEn ? c.nameEn : c.name)

  return (
    <ModalDialog
      title={task ? messages.editor.editTitle : messages.editor.createTitle}
      onRequestClose={requestClose}
      className="task-editor"
      labelledById={`${uid}-title-heading`}
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        {showSummary && (hasErrors(errors) || doneOnError !== null) ? <p className="form-error-summary" role="alert">{messages.editor.fixErrors}</p> : null}
        {task?.recurrence ? <OccurrencePanel task={task} occurrenceDate={occurrenceDate} formDirty={isDirty} /> : null}
        <fieldset>
          <legend>{messages.editor.general}</legend>
          <Row label={messages.editor.title} htmlFor={`${uid}-title`} error={fieldError('title')}>
            <textarea {...field('title')} name="title" rows={2} value={form.title} autoFocus
              // A title is one line: Enter saves, pasted line breaks become spaces.
              onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); e.currentTarget.form?.requestSubmit() } }}
              onChange={(e) => update('title', e.target.value.replace(/[\r\n]+/g, ' '))} />
          </Row>
          <label className="checkbox">
            <input type="checkbox" name="allDay" checked={form.allDay} onChange={(e) => update('allDay', e.target.checked)} />
            {messages.editor.allDay}
          </label>
          <div className="field-pair">
            <Row label={messages.editor.start} htmlFor={`${uid}-start`} error={fieldError('start')}>
              <input {...field('start')} name="startDate" placeholder="dd/mm/yyyy" inputMode="numeric" value={form.startDate} onChange={(e) => update('startDate', e.target.value)} />
              {!form.allDay ? <input name="startTime" aria-label={messages.editor.startTime} placeholder="HH:mm" className="time-input" value={form.startTime} onChange={(e) => update('startTime', e.target.value)} /> : null}
            </Row>
            <Row label={messages.editor.end} htmlFor={`${uid}-end`} error={fieldError('end')}>
              <input {...field('end')} name="endDate" placeholder="dd/mm/yyyy" inputMode="numeric" value={form.endDate} onChange={(e) => update('endDate', e.target.value)} />
              {!form.allDay ? <input name="endTime" aria-label={messages.editor.endTime} placeholder="HH:mm" className="time-input" value={form.endTime} onChange={(e) => update('endTime', e.target.value)} /> : null}
            </Row>
          </div>
          <p className="muted small" data-testid="editor-d-offset">
            {messages.editor.daysFromElection}: <strong>{dLabel ?? '—'}</strong>
          </p>
          <Row label={messages.editor.anchor} htmlFor={`${uid}-anchor`} error={fieldError('anchor')}>
            <select {...field('anchor')} name="anchor" value={form.anchor} onChange={(e) => update('anchor', e.target.value as TaskForm['anchor'])}>
              <option value="fixed">{messages.editor.anchorFixed}</option>
              <option value="election-day">{messages.editor.anchorElection}</option>
              <optgroup label={messages.editor.anchorMilestone}>
                {milestones.filter((m) => m.id !== 'election-day').map((m) => (
                  <option key={m.id} value={`milestone:${m.id}`}>{language === 'en' ? m.nameEn : m.nameVi}</option>
                ))}
              </optgroup>
            </select>
          </Row>
          {form.anchor !== 'fixed' && dLabel ? <p className="muted small">{messages.editor.anchorHint(dLabel)}</p> : null}
          {form.repeat === 'none' ? (
            <Row label={messages.editor.endAnchor} htmlFor={`${uid}-endAnchor`}>
              <select id={`${uid}-endAnchor`} name="endAnchor" value={form.endAnchor} onChange={(e) => update('endAnchor', e.target.value as TaskForm['endAnchor'])}>
                <option value="fixed">{messages.editor.endAnchorKeep}</option>
                <option value="election-day">{messages.editor.anchorElection}</option>
                <optgroup label={messages.editor.anchorMilestone}>
                  {milestones.filter((m) => m.id !== 'election-day').map((m) => (
                    <option key={m.id} value={`milestone:${m.id}`}>{language === 'en' ? m.nameEn : m.nameVi}</option>
                  ))}
                </optgroup>
              </select>
            </Row>
          ) : null}
          {form.repeat === 'none' && form.endAnchor !== 'fixed' && endLabel ? <p className="muted small">{messages.editor.endAnchorHint(endLabel)}</p> : null}
          <RecurrenceFields form={form} update={update} draft={draftPreview} error={fieldError('recurrence')} fieldProps={field('recurrence')} />
        </fieldset>

        <fieldset>
          <legend>{messages.editor.assignment}</legend>
          <Row label={messages.editor.channel} htmlFor={`${uid}-channelId`} error={fieldError('channelId')}>
            <select {...field('channelId')} name="channelId" value={form.channelId} onChange={(e) => update('channelId', e.target.value)}>
              <option value="">{messages.editor.none}</option>
              {plan.channels.map((c) => <option key={c.id} value={c.id}>{channelName(c)}</option>)}
            </select>
          </Row>
          <Row label={messages.editor.leadUnit} htmlFor={`${uid}-leadUnitId`} error={fieldError('leadUnitId')}>
            <select {...field('leadUnitId')} name="leadUnitId" value={form.leadUnitId} onChange={(e) => update('leadUnitId', e.target.value)}>
              <option value="">{messages.editor.none}</option>
              {plan.units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
          </Row>
          <div className="field">
            <span className="field-label" id={`${uid}-support-label`}>{messages.editor.supportUnits}</span>
            <div className="checkbox-list" role="group" aria-labelledby={`${uid}-support-label`}>
              {plan.units.filter((u) => u.id !== form.leadUnitId).map((u) => (
                <label key={u.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={form.supportUnitIds.includes(u.id)}
                    onChange={(e) => update('supportUnitIds', e.target.checked ? [...form.supportUnitIds, u.id] : form.supportUnitIds.filter((id) => id !== u.id))}
                  />
                  {u.name}
                </label>
              ))}
            </div>
            {fieldError('supportUnitIds')}
          </div>
        </fieldset>

        <fieldset>
          <legend>{messages.editor.details}</legend>
          <div className="field-pair">
            <Row label={messages.editor.location} htmlFor={`${uid}-location`} error={fieldError('location')}>
              <input {...field('location')} name="location" value={form.location} onChange={(e) => update('location', e.target.value)} />
            </Row>
            <Row label={messages.editor.quantity} htmlFor={`${uid}-quantity`} error={fieldError('quantity')}>
              <input {...field('quantity')} name="quantity" placeholder={messages.editor.quantityPlaceholder} value={form.quantity} onChange={(e) => update('quantity', e.target.value)} />
            </Row>
          </div>
          <div className="field-pair">
            <Row label={messages.editor.status} htmlFor={`${uid}-status`}>
              <select id={`${uid}-status`} name="status" value={form.status} aria-describedby={form.repeat !== 'none' ? `${uid}-series-status` : undefined}
                onChange={(e) => {
                  const status = e.target.value as TaskForm['status']
                  // Marked done now: done today, unless a day is already there to keep.
                  setForm((f) => ({ ...f, status, doneOn: status === 'done' && f.doneOn.trim() === '' ? formatDate(planToday(plan.timeZone)) : f.doneOn }))
                }}>
                {TASK_STATUSES.map((s) => <option key={s} value={s}>{messages.status[s]}</option>)}
              </select>
            </Row>
            {form.status === 'done' ? (
              <Row label={messages.editor.doneOn} htmlFor={`${uid}-doneOn`} error={doneOnError ? <span className="field-error" id={`${uid}-doneOn-error`}>{doneOnErrorText(messages, doneOnError, draftPreview.start, plan.timeZone)}</span> : null}>
                <input id={`${uid}-doneOn`} name="doneOn" placeholder="dd/mm/yyyy" inputMode="numeric" value={form.doneOn}
                  aria-invalid={doneOnError ? 'true' : undefined} aria-describedby={doneOnError ? `${uid}-doneOn-error` : undefined}
                  onChange={(e) => update('doneOn', e.target.value)} />
              </Row>
            ) : null}
          </div>
          {form.repeat !== 'none' ? <p className="muted small" id={`${uid}-series-status`}>{messages.editor.seriesStatus}</p> : null}
          <Row label={messages.editor.description} htmlFor={`${uid}-description`} error={fieldError('description')}>
            <textarea {...field('description')} name="description" rows={3} value={form.description} onChange={(e) => update('description', e.target.value)} />
          </Row>
          <label className="checkbox">
            <input type="checkbox" name="campaigning" checked={form.campaigning} onChange={(e) => update('campaigning', e.target.checked)} />
            {messages.editor.campaigning}
          </label>
          {base.source ? (
            <p className="muted small source-note">
              {messages.editor.source} ({messages.editor.verified[base.source.verified]}): {base.source.note}
            </p>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>{messages.editor.training}</legend>
          <label className="checkbox">
            <input type="checkbox" name="isTraining" checked={form.isTraining} onChange={(e) => update('isTraining', e.target.checked)} />
            {messages.editor.isTraining}
          </label>
          {form.isTraining ? (
            <>
              <div className="field-pair">
                <Row label={messages.editor.connectionPointCount} htmlFor={`${uid}-connectionPointCount`} error={fieldError('connectionPointCount')}>
                  <input {...field('connectionPointCount')} name="connectionPointCount" inputMode="numeric" value={form.connectionPointCount} onChange={(e) => update('connectionPointCount', e.target.value)} />
                </Row>
                <Row label={messages.editor.participantCount} htmlFor={`${uid}-participantCount`} error={fieldError('participantCount')}>
                  <input {...field('participantCount')} name="participantCount" inputMode="numeric" value={form.participantCount} onChange={(e) => update('participantCount', e.target.value)} />
                </Row>
              </div>
              <Row label={messages.editor.connectionPoints} htmlFor={`${uid}-cp`}>
                <textarea id={`${uid}-cp`} name="connectionPoints" rows={2} value={form.connectionPoints} onChange={(e) => update('connectionPoints', e.target.value)} />
              </Row>
              <Row label={messages.editor.participants} htmlFor={`${uid}-participants`}>
                <input id={`${uid}-participants`} name="participants" value={form.participants} onChange={(e) => update('participants', e.target.value)} />
              </Row>
              <Row label={messages.editor.topics} htmlFor={`${uid}-topics`}>
                <textarea id={`${uid}-topics`} name="topics" rows={3} value={form.topics} onChange={(e) => update('topics', e.target.value)} />
              </Row>
              <Row label={messages.editor.presenters} htmlFor={`${uid}-presenters`}>
                <textarea id={`${uid}-presenters`} name="presenters" rows={2} value={form.presenters} onChange={(e) => update('presenters', e.target.value)} />
              </Row>
            </>
          ) : null}
        </fieldset>

        <div className="dialog-actions">
          {task ? (
            <button type="button" className="danger" onClick={() => { deleteTask(task.id); closeEditor(); focusWhenLost(() => null) }}>{messages.editor.delete}</button>
          ) : null}
          <span className="spacer" />
          <button type="button" onClick={requestClose}>{messages.editor.cancel}</button>
          <button type="submit" className="primary">{messages.editor.save}</button>
        </div>
      </form>
    </ModalDialog>
  )
}

/** Today in the plan's zone (Vietnam's when the browser does not know that zone), as plan-ops takes it. */
function planToday(timeZone: string): string {
  try {
    return todayIn(timeZone)
  } catch {
    return todayIn('Asia/Ho_Chi_Minh')
  }
}

function doneOnErrorText(messages: Messages, error: DoneOnError, start: string, timeZone: string): string {
  if (error === 'afterToday') return messages.editor.doneOnAfterToday(formatDate(planToday(timeZone)))
  if (error === 'beforeStart') return messages.editor.doneOnBeforeStart(formatDate(datePart(start)))
  return messages.errors.invalidDate
}

function Row({ label, htmlFor, error, children }: { label: string; htmlFor: string; error?: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={htmlFor}>{label}</label>
      <div className="field-control">{children}</div>
      {error}
    </div>
  )
}
