/**
 * "Kiểm tra": the plan's warnings, each with a link to its task and a button to dismiss it for that
 * task. Computed only while the panel is open (the rules run over every task). Longer work that merely
 * runs through a day off is information, not a warning: it is grouped under one closed line so the
 * warnings an official acts on stand out.
 */
import { useId, useMemo, useState } from 'react'
import { formatDate } from '@/domain/dates/format-date'
import { runPlanChecks, type CheckFinding, type CheckKind } from '@/domain/rules/plan-checks'
import { holidaysInRange } from '@/domain/holidays/holidays'
import { ModalDialog } from '@/components/modal-dialog'
import { useMessages } from '@/components/use-messages'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'
import { useVisibleTaskPredicate } from '@/store/use-task-filter'

const MAX_SHOWN = 300

export function ChecksPanel() {
  const open = usePlannerStore((s) => s.checksOpen)
  if (!open) return null
  return <ChecksList />
}

function ChecksList() {
  const plan = usePlannerStore(selectActivePlan)
  const messages = useMessages()
  const t = messages.checks
  const uid = useId()
  const [limitText, setLimitText] = useState(String(plan.checks.maxTasksPerUnitPerDay))
  const [limitError, setLimitError] = useState<string | null>(null)
  // The checks run over the whole plan (a conflict needs both tasks), then show the findings of the
  // tasks the filter shows: the panel answers for what the user is looking at.
  const keep = useVisibleTaskPredicate()
  const [findings, spans, hiddenByFilter] = useMemo(() => {
    const first = plan.phases[0]?.start ?? plan.election.electionDay
    const last = plan.phases[plan.phases.length - 1]?.end ?? plan.election.electionDay
    const all = runPlanChecks(plan, holidaysInRange(`${first.slice(0, 4)}-01-01`, `${Number(last.slice(0, 4)) + 1}-01-01`))
    const shown = keep === null ? all : all.filter((f) => { const task = plan.tasks[f.taskId]; return task === undefined || keep(task) })
    return [shown.filter((f) => f.kind !== 'spans-holiday'), shown.filter((f) => f.kind === 'spans-holiday'), all.length - shown.length]
  }, [plan, keep])
  const close = () => usePlannerStore.getState().setChecksOpen(false)
  const openTask = (taskId: string) => {
    close()
    usePlannerStore.getState().openEditor({ mode: 'edit', taskId })
  }
  const saveLimit = (e: React.FormEvent) => {
    e.preventDefault()
    const n = Number(limitText)
    if (!Number.isInteger(n) || n < 1 || n > 1000) { setLimitError(messages.errors.invalidCount); return }
    setLimitError(null)
    usePlannerStore.getState().setMaxTasksPerUnitPerDay(n)
  }

  return (
    <ModalDialog title={messages.checks.title} onRequestClose={close} className="checks-dialog" labelledById={`${uid}-checks`}>
      <form className="inline-form" onSubmit={saveLimit} noValidate>
        <label htmlFor={`${uid}-limit`}>{t.limit}</label>
        <input id={`${uid}-limit`} className="date-input" inputMode="numeric" value={limitText} aria-invalid={limitError ? 'true' : undefined} onChange={(e) => setLimitText(e.target.value)} />
        <button type="submit">{messages.editor.save}</button>
        {limitError ? <span className="field-error" role="alert">{limitError}</span> : null}
      </form>
      <p role="status" data-testid="checks-count">{t.count(findings.length)}{hiddenByFilter > 0 ? ` ${t.hiddenByFilter(hiddenByFilter)}` : ''}</p>
      <ul className="checks-list" data-testid="checks-list">
        {findings.slice(0, MAX_SHOWN).map((f) => <FindingItem key={`${f.kind}-${f.taskId}`} finding={f} title={plan.tasks[f.taskId]?.title ?? f.taskId} onOpen={openTask} />)}
      </ul>
      {findings.length > MAX_SHOWN ? <p className="muted small">{t.more(findings.length - MAX_SHOWN)}</p> : null}
      {spans.length > 0 ? (
        <details className="checks-group" data-testid="checks-spans">
          <summary>{t.spansGroup(spans.length)}</summary>
          <ul className="checks-list">
            {spans.slice(0, MAX_SHOWN).map((f) => <FindingItem key={`${f.kind}-${f.taskId}`} finding={f} title={plan.tasks[f.taskId]?.title ?? f.taskId} onOpen={openTask} />)}
          </ul>
        </details>
      ) : null}
      <div className="dialog-actions"><span className="spacer" /><button type="button" className="primary" onClick={close}>{messages.settingsDialog.close}</button></div>
    </ModalDialog>
  )
}

function FindingItem({ finding: f, title, onOpen }: { finding: CheckFinding; title: string; onOpen: (taskId: string) => void }) {
  const t = useMessages().checks
  return (
    <li className={`check-item is-${f.severity}`} data-kind={f.kind}>
      <span className="check-date">{formatDate(f.date)}</span>
      <span className="check-text">
        <strong>{t.kinds[f.kind as CheckKind](String(f.detail ?? ''))}</strong>{' '}
        <button type="button" className="link-button" onClick={() => onOpen(f.taskId)}>{title}</button>
      </span>
      <button type="button" className="small-button" onClick={() => usePlannerStore.getState().dismissCheck(f.taskId, f.kind)}>{t.dismiss}</button>
    </li>
  )
}
