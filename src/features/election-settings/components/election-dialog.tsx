/**
 * Election settings: the election's name, election day D, the law in force and the announcement day.
 * Changing D or the law shows, before anything changes, every task that moves (old and new dates,
 * and those that now fall outside every phase); "Áp dụng" applies it as one undo step.
 * Moving a plan across 1/7/2025 (the end of the district level) keeps the user's units and levels
 * unless they tick "use the template's units": then the template's units take their 2025 names and
 * district tasks become commune tasks (domain/templates/admin-state.ts).
 */
import { useId, useMemo, useState } from 'react'
import { formatDate, formatDateOrDateTime, formatDateWithWeekday, parseDisplayDate } from '@/domain/dates/format-date'
import { isValidLocalDate } from '@/domain/dates/local-date'
import { electionWarnings } from '@/domain/rules/election-checks'
import { ELECTION_LAWS, type ElectionLaw, type ElectionSettings } from '@/domain/types'
import { LAW_LABELS } from '@/domain/rules/election-laws'
import { replanElection } from '@/domain/rules/replan'
import { holidaysInRange } from '@/domain/holidays/holidays'
import { adaptPlanTo2025State, adminStateOf } from '@/domain/templates/admin-state'
import { ModalDialog } from '@/components/modal-dialog'
import { useLanguage, useMessages } from '@/components/use-messages'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

const PREVIEW_ROWS = 200

export function ElectionDialog() {
  const open = usePlannerStore((s) => s.electionDialogOpen)
  if (!open) return null
  return <ElectionForm />
}

function ElectionForm() {
  const plan = usePlannerStore(selectActivePlan)
  const messages = useMessages()
  const t = messages.electionDialog
  const language = useLanguage()
  const uid = useId()
  const [name, setName] = useState(plan.election.name)
  const [day, setDay] = useState(formatDate(plan.election.electionDay))
  const [law, setLaw] = useState<ElectionLaw>(plan.election.law)
  const [announced, setAnnounced] = useState(plan.election.announcedOn ? formatDate(plan.election.announcedOn) : '')
  const [useTemplateUnits, setUseTemplateUnits] = useState(false)
  const close = () => usePlannerStore.getState().setElectionDialogOpen(false)

  const parsed = useMemo((): { election: ElectionSettings } | { error: 'day' | 'announced' } => {
    const electionDay = parseDisplayDate(day)
    if (!electionDay || !isValidLocalDate(electionDay)) return { error: 'day' }
    const announcedOn = announced.trim() === '' ? null : parseDisplayDate(announced)
    if (announced.trim() !== '' && (!announcedOn || !isValidLocalDate(announcedOn))) return { error: 'announced' }
    return { election: { ...plan.election, electionDay, law, announcedOn } }
  }, [day, announced, law, plan.election])

  // The preview's clock is irrelevant (only dates are shown); apply stamps the real time.
  const preview = useMemo(() => {
    if (!('election' in parsed)) return null
    const year = Number(parsed.election.electionDay.slice(0, 4))
    return replanElection(plan, parsed.election, 0, holidaysInRange(`${year - 1}-01-01`, `${year + 1}-01-01`))
  }, [parsed, plan])
  const warnings = 'election' in parsed ? electionWarnings(parsed.election) : []
  // The new election day falls after the district level ended and the plan's does not.
  const crossesTo2025 = 'election' in parsed && adminStateOf(parsed.election) === 'two-level-2025' && adminStateOf(plan.election) === 'three-level'

  const apply = (event: React.FormEvent) => {
    event.preventDefault()
    if (!('election' in parsed)) return
    const election = { ...parsed.election, name: name.trim() }
    if (crossesTo2025 && useTemplateUnits) {
      const now = Date.now()
      usePlannerStore.getState().replaceActivePlan(adaptPlanTo2025State(replanElection(plan, election, now).plan, now))
    } else usePlannerStore.getState().replanElection(election)
    usePlannerStore.getState().setCalendar({ date: parsed.election.electionDay })
    close()
  }

  return (
    <ModalDialog title={t.title} onRequestClose={close} className="election-dialog" labelledById={`${uid}-election`}>
      <form onSubmit={apply} noValidate>
        <div className="field">
          <label className="field-label" htmlFor={`${uid}-name`}>{t.name}</label>
          <input id={`${uid}-name`} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field-pair">
          <div className="field">
            <label className="field-label" htmlFor={`${uid}-day`}>{messages.electionDay}</label>
            <input id={`${uid}-day`} name="electionDay" placeholder="dd/mm/yyyy" value={day} aria-invalid={'error' in parsed && parsed.error === 'day' ? 'true' : undefined} onChange={(e) => setDay(e.target.value)} />
            {'election' in parsed ? <span className="muted small">{formatDateWithWeekday(parsed.election.electionDay, language)}</span> : null}
            {'error' in parsed && parsed.error === 'day' ? <span className="field-error">{messages.errors.invalidDate}</span> : null}
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${uid}-announced`}>{t.announcedOn}</label>
            <input id={`${uid}-announced`} placeholder="dd/mm/yyyy" value={announced} aria-invalid={'error' in parsed && parsed.error === 'announced' ? 'true' : undefined} onChange={(e) => setAnnounced(e.target.value)} />
            {'error' in parsed && parsed.error === 'announced' ? <span className="field-error">{messages.errors.invalidDate}</span> : null}
          </div>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${uid}-law`}>{t.law}</label>
          <select id={`${uid}-law`} name="law" value={law} onChange={(e) => setLaw(e.target.value as ElectionLaw)}>
            {ELECTION_LAWS.map((l) => <option key={l} value={l}>{LAW_LABELS[l][language]}</option>)}
          </select>
        </div>
        {crossesTo2025 ? (
          <label className="checkbox small">
            <input type="checkbox" name="useTemplateUnits" checked={useTemplateUnits} onChange={(e) => setUseTemplateUnits(e.target.checked)} />
            {t.useTemplateUnits}
          </label>
        ) : null}
        {warnings.length > 0 ? (
          <ul className="warning-list" role="alert">
            {warnings.map((w) => <li key={w}>{t.warnings[w]}</li>)}
          </ul>
        ) : null}
        {preview ? (
          <div className="replan-preview" data-testid="replan-preview">
            <p role="status"><strong>{t.preview}:</strong> {t.summary(preview.changes.length, preview.unchanged)}</p>
            {preview.changes.length > 0 ? (
              <div className="replan-table-wrap">
                <table className="replan-table">
                  <thead><tr><th>{t.task}</th><th>{t.before}</th><th>{t.after}</th><th /></tr></thead>
                  <tbody>
                    {preview.changes.slice(0, PREVIEW_ROWS).map((c) => (
                      <tr key={c.taskId} className={c.outsidePhases || c.onHoliday ? 'is-outside' : ''}>
                        <td>{c.title}</td>
                        <td>{formatDateOrDateTime(c.before.start)}</td>
                        <td>{formatDateOrDateTime(c.after.start)}</td>
                        <td>{[c.outsidePhases ? t.outsidePhases : '', c.onHoliday ? t.onHoliday(c.onHoliday) : ''].filter(Boolean).join('; ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {preview.changes.length > PREVIEW_ROWS ? <p className="muted small">{t.more(preview.changes.length - PREVIEW_ROWS)}</p> : null}
              </div>
            ) : null}
          </div>
        ) : null}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" onClick={close}>{messages.editor.cancel}</button>
          <button type="submit" className="primary" disabled={!('election' in parsed)}>{t.apply}</button>
        </div>
      </form>
    </ModalDialog>
  )
}
