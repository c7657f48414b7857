/**
 * "Kế hoạch": the plan list (switch, rename, duplicate, delete — undo brings a plan back), a new plan
 * from a template ("2021 — Quốc hội khóa XV", "2026 — Quốc hội khóa XVI", blank) for any election day
 * and law, and a district or commune plan derived from the active plan.
 */
import { useId, useMemo, useState } from 'react'
import { formatDate, parseDisplayDate } from '@/domain/dates/format-date'
import { isValidLocalDate } from '@/domain/dates/local-date'
import { LAW_LABELS } from '@/domain/rules/election-laws'
import {
  createPlanFromTemplate, defaultPlanName, defaultTasksForLevel, defaultUnitNamesForLevel, derivePlan, duplicatePlan, PLAN_TEMPLATES, type PlanTemplateId,
} from '@/domain/templates/plan-templates'
import { lowerLevelsOf, planLevelsOf } from '@/domain/templates/admin-state'
import { ELECTION_LAWS, type AdminLevel, type ElectionLaw } from '@/domain/types'
import { ModalDialog } from '@/components/modal-dialog'
import { useLanguage, useMessages } from '@/components/use-messages'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

const TEMPLATES: PlanTemplateId[] = ['vn-2021', 'vn-2026', 'blank']

export function PlansDialog() {
  const open = usePlannerStore((s) => s.plansOpen)
  if (!open) return null
  return <PlansForm />
}

function PlansForm() {
  const plans = usePlannerStore((s) => s.plans)
  const activePlanId = usePlannerStore((s) => s.activePlanId)
  const messages = useMessages()
  const t = messages.plans
  const uid = useId()
  const close = () => usePlannerStore.getState().setPlansOpen(false)
  const list = useMemo(() => Object.values(plans).sort((a, b) => a.createdAt - b.createdAt), [plans])
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null)

  return (
    <ModalDialog title={t.title} onRequestClose={close} className="plans-dialog" labelledById={`${uid}-plans`}>
      <ul className="entity-list plan-list" data-testid="plan-list">
        {list.map((plan) => (
          <li key={plan.id} className="entity-row">
            {renaming?.id === plan.id ? (
              <form className="inline-form" onSubmit={(e) => { e.preventDefault(); usePlannerStore.getState().renamePlan(plan.id, renaming.name); setRenaming(null) }}>
                <input aria-label={t.rename} value={renaming.name} autoFocus onChange={(e) => setRenaming({ id: plan.id, name: e.target.value })} />
                <button type="submit" className="primary" disabled={!renaming.name.trim()}>{messages.editor.save}</button>
                <button type="button" onClick={() => setRenaming(null)}>{messages.editor.cancel}</button>
              </form>
            ) : (
              <div className="entity-main">
                <span className="entity-name">{plan.id === activePlanId ? <strong>{plan.name}</strong> : plan.name}</span>
                <span className="muted small">{messages.level[plan.level]}{plan.locality ? ` · ${plan.locality}` : ''} · {formatDate(plan.election.electionDay)} · {t.taskCount(Object.keys(plan.tasks).length)}</span>
                <span className="spacer" />
                {plan.id !== activePlanId ? <button type="button" className="small-button" onClick={() => { usePlannerStore.getState().switchPlan(plan.id); close() }}>{t.open}</button> : null}
                <button type="button" className="small-button" onClick={() => setRenaming({ id: plan.id, name: plan.name })}>{t.rename}</button>
                <button type="button" className="small-button" onClick={() => usePlannerStore.getState().addPlan(duplicatePlan(plan, `${plan.name} (${t.copy})`, Date.now()))}>{t.duplicate}</button>
                <button type="button" className="small-button danger" disabled={list.length <= 1} onClick={() => usePlannerStore.getState().deletePlan(plan.id)}>{t.delete}</button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <div className="settings-grid">
        <NewPlanForm onDone={close} />
        {plans[activePlanId] && lowerLevelsOf(plans[activePlanId]).length === 0 ? null : <DerivePlanForm onDone={close} />}
      </div>
      <div className="dialog-actions"><span className="spacer" /><button type="button" onClick={close}>{messages.settingsDialog.close}</button></div>
    </ModalDialog>
  )
}

function NewPlanForm({ onDone }: { onDone: () => void }) {
  const messages = useMessages()
  const t = messages.plans
  const language = useLanguage()
  const uid = useId()
  const [template, setTemplate] = useState<PlanTemplateId>('vn-2026')
  // null until the user types: the name follows the template, election day and level until then.
  const [typedName, setName] = useState<string | null>(null)
  const [chosenLevel, setLevel] = useState<AdminLevel>('province')
  const [locality, setLocality] = useState('')
  const [day, setDay] = useState(formatDate(PLAN_TEMPLATES['vn-2026'].election.electionDay))
  const [law, setLaw] = useState<ElectionLaw>(PLAN_TEMPLATES['vn-2026'].election.law)
  const [error, setError] = useState<string | null>(null)
  const parsedDay = parseDisplayDate(day)
  const electionForName = { electionDay: parsedDay && isValidLocalDate(parsedDay) ? parsedDay : PLAN_TEMPLATES[template].election.electionDay }
  // The levels of the state the election runs in (no district level after 1/7/2025).
  const levels = planLevelsOf(electionForName)
  const level = levels.includes(chosenLevel) ? chosenLevel : 'province'
  const name = typedName ?? defaultPlanName(electionForName, level)

  const pickTemplate = (id: PlanTemplateId) => {
    setTemplate(id)
    setDay(formatDate(PLAN_TEMPLATES[id].election.electionDay))
    setLaw(PLAN_TEMPLATES[id].election.law)
  }
  const create = (e: React.FormEvent) => {
    e.preventDefault()
    const electionDay = parseDisplayDate(day)
    if (!name.trim()) { setError(messages.errors.required); return }
    if (!electionDay || !isValidLocalDate(electionDay)) { setError(messages.errors.invalidDate); return }
    const base = PLAN_TEMPLATES[template].election
    const election = { ...base, electionDay, law, announcedOn: electionDay === base.electionDay ? base.announcedOn : null }
    usePlannerStore.getState().addPlan(createPlanFromTemplate(template, { name, level, locality, election }, Date.now()))
    onDone()
  }
  return (
    <form className="settings-section" onSubmit={create} noValidate aria-labelledby={`${uid}-new`}>
      <h3 id={`${uid}-new`}>{t.newPlan}</h3>
      <div className="field">
        <label className="field-label" htmlFor={`${uid}-template`}>{t.template}</label>
        <select id={`${uid}-template`} name="template" value={template} onChange={(e) => pickTemplate(e.target.value as PlanTemplateId)}>
          {TEMPLATES.map((id) => <option key={id} value={id}>{t.templates[id]}</option>)}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${uid}-name`}>{t.name}</label>
        <input id={`${uid}-name`} name="planName" value={name} aria-invalid={error && !name.trim() ? 'true' : undefined} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field-pair">
        <div className="field">
          <label className="field-label" htmlFor={`${uid}-level`}>{t.level}</label>
          <select id={`${uid}-level`} value={level} onChange={(e) => setLevel(e.target.value as AdminLevel)}>
            {levels.map((l) => <option key={l} value={l}>{messages.level[l]}</option>)}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${uid}-locality`}>{t.locality}</label>
          <input id={`${uid}-locality`} value={locality} onChange={(e) => setLocality(e.target.value)} />
        </div>
      </div>
      <div className="field-pair">
        <div className="field">
          <label className="field-label" htmlFor={`${uid}-day`}>{messages.electionDay}</label>
          <input id={`${uid}-day`} name="newElectionDay" value={day} placeholder="dd/mm/yyyy" onChange={(e) => setDay(e.target.value)} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${uid}-law`}>{messages.electionDialog.law}</label>
          <select id={`${uid}-law`} value={law} onChange={(e) => setLaw(e.target.value as ElectionLaw)}>
            {ELECTION_LAWS.map((l) => <option key={l} value={l}>{LAW_LABELS[l][language]}</option>)}
          </select>
        </div>
      </div>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <button type="submit" className="primary">{t.create}</button>
    </form>
  )
}

function DerivePlanForm({ onDone }: { onDone: () => void }) {
  const parent = usePlannerStore(selectActivePlan)
  const messages = useMessages()
  const t = messages.plans
  const uid = useId()
  const lowerLevels = useMemo(() => lowerLevelsOf(parent), [parent])
  const [chosenLevel, setLevel] = useState<AdminLevel | null>(null)
  const level: AdminLevel = chosenLevel !== null && lowerLevels.includes(chosenLevel) ? chosenLevel : lowerLevels[0] ?? 'commune'
  const [locality, setLocality] = useState('')
  const [typedName, setName] = useState<string | null>(null)
  const name = typedName ?? defaultPlanName(parent.election, level)
  const defaults = useMemo(() => new Set(defaultTasksForLevel(parent, level).map((t) => t.id)), [parent, level])
  // The user's own picks; until the first one, the defaults of the chosen level.
  const [pickedIds, setPickedIds] = useState<Set<string> | null>(null)
  const picked = pickedIds ?? defaults
  const [unitText, setUnitText] = useState<string | null>(null)
  const units = unitText ?? defaultUnitNamesForLevel(level, parent.election).join('\n')
  const allTasks = useMemo(() => Object.values(parent.tasks).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)), [parent.tasks])
  const [error, setError] = useState<string | null>(null)
  const toggle = (id: string, on: boolean) => {
    const next = new Set(picked)
    if (on) next.add(id)
    else next.delete(id)
    setPickedIds(next)
  }
  const derive = (e: React.FormEvent) => {
    e.preventDefault()
    if (!name.trim()) { setError(messages.errors.required); return }
    const unitNames = units.split('\n').map((u) => u.trim()).filter((u) => u.length > 0)
    usePlannerStore.getState().addPlan(derivePlan(parent, { name, level, locality, taskIds: [...picked], unitNames }, Date.now()))
    onDone()
  }
  return (
    <form className="settings-section" onSubmit={derive} noValidate aria-labelledby={`${uid}-derive`}>
      <h3 id={`${uid}-derive`}>{t.derive}</h3>
      <p className="muted small">{t.deriveHint(parent.name)}</p>
      <div className="field">
        <label className="field-label" htmlFor={`${uid}-dname`}>{t.name}</label>
        <input id={`${uid}-dname`} name="derivedName" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field-pair">
        <div className="field">
          <label className="field-label" htmlFor={`${uid}-dlevel`}>{t.level}</label>
          <select id={`${uid}-dlevel`} value={level} onChange={(e) => {
            // A new level brings its own default tasks and units.
            setLevel(e.target.value as AdminLevel)
            setPickedIds(null)
            setUnitText(null)
          }}>
            {lowerLevels.map((l) => <option key={l} value={l}>{messages.level[l]}</option>)}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${uid}-dloc`}>{t.locality}</label>
          <input id={`${uid}-dloc`} value={locality} onChange={(e) => setLocality(e.target.value)} />
        </div>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${uid}-dunits`}>{t.deriveUnits}</label>
        <textarea id={`${uid}-dunits`} name="derivedUnits" rows={4} value={units} onChange={(e) => setUnitText(e.target.value)} />
        <span className="muted small">{t.deriveUnitsHint}</span>
      </div>
      <details className="derive-tasks">
        <summary>{t.deriveTasks(picked.size, allTasks.length)}</summary>
        <div className="inline-form">
          <button type="button" className="small-button" onClick={() => setPickedIds(new Set(allTasks.map((x) => x.id)))}>{t.selectAll}</button>
          <button type="button" className="small-button" onClick={() => setPickedIds(new Set())}>{t.selectNone}</button>
          <button type="button" className="small-button" onClick={() => setPickedIds(null)}>{t.selectDefault}</button>
        </div>
        <div className="checkbox-list single-column">
          {allTasks.map((task) => (
            <label key={task.id} className="checkbox">
              <input type="checkbox" checked={picked.has(task.id)} onChange={(e) => toggle(task.id, e.target.checked)} />
              <span className="muted">{formatDate(task.start.slice(0, 10))}</span> {task.title}
            </label>
          ))}
        </div>
      </details>
      <p className="muted small" data-testid="derive-count">{t.deriveCount(picked.size)}</p>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <button type="submit" className="primary">{t.deriveButton}</button>
    </form>
  )
}
