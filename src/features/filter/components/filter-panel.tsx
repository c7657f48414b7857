/**
 * The "Lọc" panel: a checkbox per unit, channel, status and phase (values within a group are
 * alternatives; groups combine), and the user's own units for "Việc của tôi". A region under the
 * filter line rather than a popover, so it never covers the view on a phone and Esc or the button
 * closes it; focus moves into it when it opens.
 */
import { useEffect, useRef } from 'react'
import { useLanguage, useMessages } from '@/components/use-messages'
import { TASK_STATUSES } from '@/domain/types'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'
import { useActiveFilter, useMyUnitIds } from '@/store/use-task-filter'

interface Option { id: string; label: string }

export function FilterPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const messages = useMessages()
  const t = messages.filter
  const language = useLanguage()
  const plan = usePlannerStore(selectActivePlan)
  const filter = useActiveFilter()
  const myUnitIds = useMyUnitIds()
  const updateFilter = usePlannerStore((s) => s.updateFilter)
  const setMyUnits = usePlannerStore((s) => s.setMyUnits)
  const panel = useRef<HTMLDivElement>(null)
  useEffect(() => {
    panel.current?.querySelector<HTMLInputElement>('input')?.focus()
  }, [])

  const units: Option[] = plan.units.map((u) => ({ id: u.id, label: u.name }))
  const channels: Option[] = plan.channels.map((c) => ({ id: c.id, label: language === 'en' && c.nameEn ? c.nameEn : c.name }))
  const statuses: Option[] = TASK_STATUSES.map((s) => ({ id: s, label: messages.status[s] }))
  const phases: Option[] = plan.phases.map((p) => ({ id: p.id, label: language === 'en' && p.nameEn ? p.nameEn : p.name }))
  const toggle = (list: readonly string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value))

  return (
    <div
      id={id}
      ref={panel}
      className="filter-panel"
      role="group"
      aria-label={t.open}
      data-testid="filter-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onClose()
        }
      }}
    >
      <CheckGroup legend={t.units} options={units} checked={filter.unitIds} onToggle={(v, on) => updateFilter({ unitIds: toggle(filter.unitIds, v, on) })} />
      <CheckGroup legend={t.channels} options={channels} checked={filter.channelIds} onToggle={(v, on) => updateFilter({ channelIds: toggle(filter.channelIds, v, on) })} />
      <CheckGroup
        legend={t.statuses}
        options={statuses}
        checked={filter.statuses}
        onToggle={(v, on) => updateFilter({ statuses: toggle(filter.statuses, v, on) as typeof filter.statuses })}
      />
      <CheckGroup legend={t.phases} options={phases} checked={filter.phaseIds} onToggle={(v, on) => updateFilter({ phaseIds: toggle(filter.phaseIds, v, on) })} />
      <CheckGroup
        legend={t.myUnits}
        hint={myUnitIds.length === 0 ? t.myUnitsNone : t.myUnitsHint}
        options={units}
        checked={myUnitIds}
        onToggle={(v, on) => setMyUnits(toggle(myUnitIds, v, on))}
      />
      <div className="filter-panel-actions">
        <button type="button" onClick={onClose}>{messages.settingsDialog.close}</button>
      </div>
    </div>
  )
}

function CheckGroup({ legend, hint, options, checked, onToggle }: {
  legend: string
  hint?: string
  options: readonly Option[]
  checked: readonly string[]
  onToggle: (value: string, on: boolean) => void
}) {
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      {hint ? <p className="muted small">{hint}</p> : null}
      <div className="filter-options">
        {options.map((option) => (
          <label key={option.id} className="filter-option">
            <input type="checkbox" checked={checked.includes(option.id)} onChange={(e) => onToggle(option.id, e.target.checked)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
