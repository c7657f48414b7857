/**
 * Settings: the plan's units and channels (add, rename, delete — a unit or channel in use is only
 * deleted after the user picks a replacement), and storage (persistence, last backup, download).
 */
import { useId, useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { tasksUsingChannel, tasksUsingUnit } from '@/domain/plan/plan-ops'
import type { Plan } from '@/domain/types'
import { ModalDialog } from '@/components/modal-dialog'
import { useLanguage, useMessages } from '@/components/use-messages'
import { BackupPanel } from '@/features/settings/components/backup-panel'
import { DocumentDetailsEditor } from '@/features/settings/components/document-details-editor'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

const NEW_CHANNEL_COLOR = '#455a64'

export function SettingsDialog() {
  const open = usePlannerStore((s) => s.settingsOpen)
  const setSettingsOpen = usePlannerStore((s) => s.setSettingsOpen)
  const messages = useMessages()
  const uid = useId()
  if (!open) return null
  return (
    <ModalDialog title={messages.settingsDialog.title} onRequestClose={() => setSettingsOpen(false)} className="settings-dialog" labelledById={`${uid}-settings`}>
      <div className="settings-grid">
        <UnitsEditor />
        <ChannelsEditor />
      </div>
      <DocumentDetailsEditor />
      <BackupPanel />
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => setSettingsOpen(false)}>{messages.settingsDialog.close}</button>
      </div>
    </ModalDialog>
  )
}

function useUsageCounts(plan: Plan, kind: 'unit' | 'channel'): Map<string, number> {
  return useMemo(() => {
    const counts = new Map<string, number>()
    for (const task of Object.values(plan.tasks)) {
      const ids = kind === 'unit' ? [task.leadUnitId, ...task.supportUnitIds] : [task.channelId]
      for (const id of new Set(ids)) if (id) counts.set(id, (counts.get(id) ?? 0) + 1)
    }
    return counts
  }, [plan.tasks, kind])
}

function nameProblem(name: string, existing: readonly string[], messages: ReturnType<typeof useMessages>): string | null {
  const trimmed = name.trim()
  if (!trimmed) return messages.settingsDialog.nameRequired
  if (existing.some((n) => n.trim().toLocaleLowerCase('vi') === trimmed.toLocaleLowerCase('vi'))) return messages.settingsDialog.nameTaken
  return null
}

function UnitsEditor() {
  const plan = usePlannerStore(selectActivePlan)
  const { addUnit, renameUnit, deleteUnit } = usePlannerStore(useShallow((s) => ({ addUnit: s.addUnit, renameUnit: s.renameUnit, deleteUnit: s.deleteUnit })))
  const messages = useMessages()
  const counts = useUsageCounts(plan, 'unit')
  const [newName, setNewName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const uid = useId()

  const add = (e: React.FormEvent) => {
    e.preventDefault()
    const problem = nameProblem(newName, plan.units.map((u) => u.name), messages)
    setError(problem)
    if (problem) return
    addUnit(newName)
    setNewName('')
  }

  return (
    <section className="settings-section" aria-labelledby={`${uid}-units`}>
      <h3 id={`${uid}-units`}>{messages.settingsDialog.units} ({plan.units.length})</h3>
      <form className="inline-form" onSubmit={add} noValidate>
        <input aria-label={messages.settingsDialog.newUnitPlaceholder} placeholder={messages.settingsDialog.newUnitPlaceholder} value={newName}
          aria-invalid={error ? 'true' : undefined} onChange={(e) => setNewName(e.target.value)} name="newUnit" />
        <button type="submit">{messages.settingsDialog.add}</button>
      </form>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <ul className="entity-list" data-testid="unit-list">
        {plan.units.map((unit) => (
          <EntityRow
            key={unit.id}
            name={unit.name}
            usage={counts.get(unit.id) ?? 0}
            others={plan.units.filter((u) => u.id !== unit.id).map((u) => ({ id: u.id, name: u.name }))}
            otherNames={plan.units.filter((u) => u.id !== unit.id).map((u) => u.name)}
            chooseLabel={messages.settingsDialog.chooseReplacement}
            onRename={(name) => renameUnit(unit.id, name)}
            onDelete={(replacement) => deleteUnit(unit.id, replacement)}
            usedByTasks={() => tasksUsingUnit(plan, unit.id).length}
          />
        ))}
      </ul>
    </section>
  )
}

function ChannelsEditor() {
  const plan = usePlannerStore(selectActivePlan)
  const { addChannel, updateChannel, deleteChannel } = usePlannerStore(useShallow((s) => ({ addChannel: s.addChannel, updateChannel: s.updateChannel, deleteChannel: s.deleteChannel })))
  const messages = useMessages()
  const language = useLanguage()
  const counts = useUsageCounts(plan, 'channel')
  const [newName, setNewName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const uid = useId()
  const displayName = (c: { name: string; nameEn: string }) => (language === 'en' && c.nameEn ? c.nameEn : c.name)

  const add = (e: React.FormEvent) => {
    e.preventDefault()
    const problem = nameProblem(newName, plan.channels.map((c) => c.name), messages)
    setError(problem)
    if (problem) return
    addChannel(newName, NEW_CHANNEL_COLOR)
    setNewName('')
  }

  return (
    <section className="settings-section" aria-labelledby={`${uid}-channels`}>
      <h3 id={`${uid}-channels`}>{messages.settingsDialog.channelsTitle} ({plan.channels.length})</h3>
      <form className="inline-form" onSubmit={add} noValidate>
        <input aria-label={messages.settingsDialog.newChannelPlaceholder} placeholder={messages.settingsDialog.newChannelPlaceholder} value={newName}
          aria-invalid={error ? 'true' : undefined} onChange={(e) => setNewName(e.target.value)} name="newChannel" />
        <button type="submit">{messages.settingsDialog.add}</button>
      </form>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <ul className="entity-list" data-testid="channel-list">
        {plan.channels.map((channel) => (
          <EntityRow
            key={channel.id}
            name={displayName(channel)}
            usage={counts.get(channel.id) ?? 0}
            color={channel.color}
            onColor={(color) => updateChannel(channel.id, { color })}
            campaigning={channel.campaigning}
            onCampaigning={(campaigning) => updateChannel(channel.id, { campaigning })}
            others={plan.channels.filter((c) => c.id !== channel.id).map((c) => ({ id: c.id, name: displayName(c) }))}
            otherNames={plan.channels.filter((c) => c.id !== channel.id).map(displayName)}
            chooseLabel={messages.settingsDialog.chooseChannelReplacement}
            onRename={(name) => updateChannel(channel.id, language === 'en' ? { nameEn: name.trim() } : { name: name.trim() })}
            onDelete={(replacement) => deleteChannel(channel.id, replacement)}
            usedByTasks={() => tasksUsingChannel(plan, channel.id).length}
          />
        ))}
      </ul>
    </section>
  )
}

function EntityRow({
  name, usage, others, otherNames, chooseLabel, onRename, onDelete, usedByTasks, color, onColor, campaigning, onCampaigning,
}: {
  name: string
  usage: number
  others: { id: string; name: string }[]
  otherNames: string[]
  chooseLabel: string
  onRename: (name: string) => void
  onDelete: (replacementId: string | null) => boolean
  usedByTasks: () => number
  color?: string
  onColor?: (color: string) => void
  campaigning?: boolean
  onCampaigning?: (value: boolean) => void
}) {
  const messages = useMessages()
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view')
  const [draft, setDraft] = useState(name)
  const [replacement, setReplacement] = useState('')
  const [error, setError] = useState<string | null>(null)

  const saveRename = (e: React.FormEvent) => {
    e.preventDefault()
    const problem = nameProblem(draft, otherNames, messages)
    setError(problem)
    if (problem) return
    onRename(draft)
    setMode('view')
  }
  const confirmDelete = () => {
    const inUse = usedByTasks()
    if (inUse > 0 && !replacement) {
      setError(messages.notices.unitInUse(inUse))
      return
    }
    if (onDelete(replacement || null)) setMode('view')
  }

  return (
    <li className="entity-row">
      {mode === 'rename' ? (
        <form className="inline-form" onSubmit={saveRename} noValidate>
          <input aria-label={messages.settingsDialog.rename} value={draft} autoFocus onChange={(e) => setDraft(e.target.value)} aria-invalid={error ? 'true' : undefined} />
          <button type="submit" className="primary">{messages.editor.save}</button>
          <button type="button" onClick={() => { setMode('view'); setError(null); setDraft(name) }}>{messages.editor.cancel}</button>
        </form>
      ) : (
        <div className="entity-main">
          {color && onColor ? (
            <input type="color" aria-label={messages.settingsDialog.colorOf(name)} value={color} onChange={(e) => onColor(e.target.value)} className="color-input" />
          ) : null}
          <span className="entity-name">{name}</span>
          <span className="muted small">{messages.settingsDialog.usedBy(usage)}</span>
          <span className="spacer" />
          {onCampaigning ? (
            <label className="checkbox small" title={messages.editor.campaigning}>
              <input type="checkbox" checked={campaigning ?? false} onChange={(e) => onCampaigning(e.target.checked)} />
              {messages.settingsDialog.campaigning}
            </label>
          ) : null}
          <button type="button" className="small-button" onClick={() => { setDraft(name); setMode('rename') }}>{messages.settingsDialog.rename}</button>
          <button type="button" className="small-button danger" onClick={() => { setError(null); setMode('delete') }}>{messages.settingsDialog.delete}</button>
        </div>
      )}
      {mode === 'delete' ? (
        <div className="inline-form">
          {usage > 0 ? (
            <select aria-label={messages.settingsDialog.replaceWith} value={replacement} onChange={(e) => setReplacement(e.target.value)}>
              <option value="">{chooseLabel}</option>
              {others.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          ) : null}
          <button type="button" className="danger" onClick={confirmDelete}>{messages.settingsDialog.confirmDelete}</button>
          <button type="button" onClick={() => { setMode('view'); setError(null) }}>{messages.editor.cancel}</button>
        </div>
      ) : null}
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </li>
  )
}
