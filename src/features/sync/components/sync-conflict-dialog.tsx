/**
 * The conflict review (issue 13): the tasks two offices edited apart. CouchDB already picked the same
 * winner on every replica (the version in use); the others are kept, never dropped. For one task the
 * versions side by side, field by field, the differing rows marked; "Giữ bản này", "Giữ bản kia", or a
 * merge choosing per row. Each goes through the core's `resolve`, which writes the chosen task and
 * deletes the losing revisions, so every office ends with one version.
 */
import { useId, useState } from 'react'
import { ModalDialog } from '@/components/modal-dialog'
import { useMessages } from '@/components/use-messages'
import { addDays } from '@/domain/dates/local-date'
import { formatDate, formatDateOrDateTime } from '@/domain/dates/format-date'
import type { Plan, Task, TaskAnchor } from '@/domain/types'
import { formatInstant } from '@/lib/format-instant'
import type { Messages } from '@/lib/i18n/messages-vi'
import { getSyncController } from '@/store/sync/browser-sync'
import type { SyncConflict } from '@/store/sync/sync-types'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'
import { useActivePlanSync } from '@/features/sync/components/sync-status'
import { closeSyncDialog } from '@/features/sync/sync-dialogs'
import {
  CONFLICT_FIELDS, differingFields, fieldDiffers, mergeVersions, type ConflictField, type FieldChoice,
} from '@/features/sync/utils/conflict-fields'

/** Rows always shown; the others only when the versions differ there. */
const MAIN_FIELDS: ReadonlySet<ConflictField> = new Set(['title', 'dates', 'channel', 'lead', 'support', 'status', 'location', 'quantity', 'notes'])

function anchorText(anchor: TaskAnchor | null): string {
  if (!anchor || anchor.type === 'fixed') return ''
  const offset = `${anchor.offsetDays >= 0 ? '+' : ''}${anchor.offsetDays}`
  return anchor.type === 'election-day' ? `D${offset}` : `${anchor.milestoneId} ${offset}`
}

/** A row's value as text (user text stays text: React escapes it). */
function fieldText(field: ConflictField, task: Task, plan: Plan, messages: Messages): string {
  const t = messages.sync.conflicts
  const unitName = (id: string | null) => (id ? plan.units.find((u) => u.id === id)?.name ?? id : '')
  switch (field) {
    case 'title': return task.title
    case 'dates': {
      if (!task.allDay) return `${formatDateOrDateTime(task.start)} – ${formatDateOrDateTime(task.end)}`
      const last = addDays(task.end, -1)
      return last <= task.start ? formatDate(task.start) : `${formatDate(task.start)} – ${formatDate(last)}`
    }
    case 'anchor': return [anchorText(task.anchor), anchorText(task.endAnchor)].filter(Boolean).join(' → ')
    case 'channel': return task.channelId ? plan.channels.find((c) => c.id === task.channelId)?.name ?? task.channelId : ''
    case 'lead': return unitName(task.leadUnitId)
    case 'support': return task.supportUnitIds.map(unitName).join(', ')
    case 'status': return messages.status[task.status] + (task.status === 'done' && task.doneOn ? ` (${formatDate(task.doneOn)})` : '')
    case 'location': return task.location
    case 'quantity': return task.quantity
    case 'notes': return task.description
    case 'level': return task.level ? messages.level[task.level] : ''
    case 'training': return task.training ? JSON.stringify(task.training) : ''
    case 'recurrence': return task.recurrence ? JSON.stringify(task.recurrence) : ''
    case 'campaigning': return task.campaigning ? t.yes : t.no
  }
}

export function SyncConflictDialog() {
  const messages = useMessages()
  const t = messages.sync.conflicts
  const uid = useId()
  const planId = usePlannerStore((s) => s.activePlanId)
  const plan = usePlannerStore(selectActivePlan)
  const conflicts = useActivePlanSync()?.conflicts ?? []
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const selected = conflicts.find((c) => c.taskId === selectedId) ?? null

  const resolve = async (taskId: string, chosen: Task) => {
    try {
      await (await getSyncController(usePlannerStore)).resolve(planId, taskId, chosen)
      setSelectedId(null)
      setNotice(t.resolved)
    } catch {
      setNotice(t.resolveFailed)
    }
  }

  return (
    <ModalDialog title={t.title} onRequestClose={closeSyncDialog} className="sync-dialog sync-conflict-dialog" labelledById={`${uid}-title`}>
      <p className="muted">{t.intro}</p>
      <p role="status" data-testid="sync-conflict-notice">{notice ?? ''}</p>
      {selected ? (
        <ConflictDetail key={selected.taskId} conflict={selected} plan={plan} onResolve={(task) => void resolve(selected.taskId, task)} onBack={() => setSelectedId(null)} />
      ) : conflicts.length === 0 ? (
        <p data-testid="sync-no-conflicts">{t.none}</p>
      ) : (
        <>
          <h3 className="field-label">{t.list}</h3>
          <ul className="conflict-list" data-testid="conflict-list">
            {conflicts.map((conflict) => {
              const other = conflict.losers[0]?.task
              const count = other ? differingFields(conflict.winner.task, other).length : CONFLICT_FIELDS.length
              return (
                <li key={conflict.taskId}>
                  <span className="conflict-title">{conflict.winner.task.title}</span>
                  <span className="muted small">{t.fieldsDiffer(count)}</span>
                  <button type="button" className="small-button" onClick={() => { setNotice(null); setSelectedId(conflict.taskId) }}
                    aria-label={`${t.review}: ${conflict.winner.task.title}`}>{t.review}</button>
                </li>
              )
            })}
          </ul>
        </>
      )}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" onClick={closeSyncDialog}>{messages.sync.close}</button>
      </div>
    </ModalDialog>
  )
}

function ConflictDetail({ conflict, plan, onResolve, onBack }: {
  conflict: SyncConflict; plan: Plan; onResolve: (task: Task) => void; onBack: () => void
}) {
  const messages = useMessages()
  const t = messages.sync.conflicts
  const uid = useId()
  const [loserIndex, setLoserIndex] = useState(0)
  const [choices, setChoices] = useState<Partial<Record<ConflictField, FieldChoice>>>({})
  const current = conflict.winner.task
  const other = conflict.losers[loserIndex]?.task ?? null
  const otherLabel = conflict.losers.length > 1 ? t.otherNumber(loserIndex + 1, conflict.losers.length) : t.other
  const rows = CONFLICT_FIELDS.filter((field) => MAIN_FIELDS.has(field) || (other !== null && fieldDiffers(field, current, other)))
  const differing = other ? differingFields(current, other) : []
  const empty = <span className="muted">{t.empty}</span>

  return (
    <section aria-labelledby={`${uid}-task`} data-testid="conflict-detail">
      <h3 id={`${uid}-task`} className="field-label">{current.title}</h3>
      {conflict.losers.length > 1 ? (
        <div className="field">
          <label className="field-label" htmlFor={`${uid}-loser`}>{t.other}</label>
          <select id={`${uid}-loser`} value={loserIndex} onChange={(e) => { setLoserIndex(Number(e.target.value)); setChoices({}) }}>
            {conflict.losers.map((loser, i) => <option key={loser.rev} value={i}>{t.otherNumber(i + 1, conflict.losers.length)}</option>)}
          </select>
        </div>
      ) : null}
      {other && differing.length > 0 ? <p className="muted small">{t.mergeHint}</p> : null}
      <div className="conflict-table-wrap">
        <table className="conflict-table" data-testid="conflict-table">
          <thead>
            <tr>
              <th scope="col">{t.field}</th>
              <th scope="col">{t.current} <span className="muted small">({t.editedAt(formatInstant(current.updatedAt))})</span></th>
              <th scope="col">{otherLabel}{other ? <> <span className="muted small">({t.editedAt(formatInstant(other.updatedAt))})</span></> : null}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((field) => {
              const label = t.fields[field]
              const differs = other !== null && fieldDiffers(field, current, other)
              const currentText = fieldText(field, current, plan, messages)
              const otherText = other ? fieldText(field, other, plan, messages) : ''
              const pick = choices[field] ?? 'current'
              const cell = (version: FieldChoice, text: string, versionLabel: string) => differs ? (
                <label>
                  <input type="radio" name={`${uid}-${field}`} checked={pick === version} onChange={() => setChoices({ ...choices, [field]: version })}
                    aria-label={t.chooseFrom(label, versionLabel)} data-testid={`pick-${field}-${version}`} />
                  <span>{text || empty}</span>
                </label>
              ) : (text || empty)
              return (
                <tr key={field} className={differs ? 'is-different' : undefined} data-field={field} data-differs={differs ? 'true' : 'false'}>
                  <th scope="row">{label}{differs ? <span className="conflict-differs">{t.differs}</span> : null}</th>
                  <td>{cell('current', currentText, t.current)}</td>
                  <td>{other ? cell('other', otherText, otherLabel) : <span className="muted">{t.deleted}</span>}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <div className="conflict-actions">
        <button type="button" className="primary" onClick={() => onResolve(current)} data-testid="keep-current">{t.keepThis}</button>
        <button type="button" disabled={!other} onClick={() => other && onResolve(other)} data-testid="keep-other">{t.keepOther}</button>
        <button type="button" disabled={!other || differing.length === 0} onClick={() => other && onResolve(mergeVersions(current, other, choices))} data-testid="keep-merged">{t.merge}</button>
        <span className="spacer" />
        <button type="button" onClick={onBack}>{t.back}</button>
      </div>
    </section>
  )
}
