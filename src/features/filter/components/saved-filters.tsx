/**
 * "Bộ lọc đã lưu": pick a named filter, save the current one under a name, delete one. A disclosure
 * (`<details>`) rather than a menu role: its content is ordinary buttons and a form, reached with Tab.
 */
import { useId, useRef, useState } from 'react'
import { useMessages } from '@/components/use-messages'
import { isFilterEmpty } from '@/domain/filter/task-filter'
import { planViewOf } from '@/store/filter-slice'
import { usePlannerStore } from '@/store/use-planner-store'
import { useActiveFilter } from '@/store/use-task-filter'

export function SavedFilters() {
  const t = useMessages().filter
  const uid = useId()
  const saved = usePlannerStore((s) => planViewOf(s).savedFilters)
  const filter = useActiveFilter()
  const { applySavedFilter, deleteSavedFilter, saveCurrentFilter } = usePlannerStore.getState()
  const [name, setName] = useState('')
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  const details = useRef<HTMLDetailsElement>(null)

  const save = (e: React.FormEvent) => {
    e.preventDefault()
    if (isFilterEmpty(filter)) return setMessage({ text: t.saveNeedsFilter, error: true })
    const id = saveCurrentFilter(name)
    if (id === null) return setMessage({ text: t.saveNeedsName, error: true })
    setMessage({ text: t.savedAs(name.trim()), error: false })
    setName('')
  }

  return (
    <details className="menu saved-filters" ref={details} onKeyDown={(e) => {
      if (e.key === 'Escape' && details.current?.open) {
        e.stopPropagation()
        details.current.open = false
        details.current.querySelector('summary')?.focus()
      }
    }}>
      <summary>{t.saved} ▾</summary>
      <div className="menu-items saved-filters-panel">
        {saved.length === 0 ? <p className="muted small">{t.savedNone}</p> : (
          <ul className="saved-filter-list">
            {saved.map((s) => (
              <li key={s.id}>
                <button type="button" className="saved-filter-apply" aria-label={t.apply(s.name)} onClick={() => {
                  applySavedFilter(s.id)
                  if (details.current) details.current.open = false
                }}>{s.name}</button>
                <button type="button" className="icon-button" aria-label={t.delete(s.name)} onClick={() => deleteSavedFilter(s.id)}>×</button>
              </li>
            ))}
          </ul>
        )}
        <form className="saved-filter-form" onSubmit={save} noValidate>
          <label htmlFor={`${uid}-name`}>{t.saveName}</label>
          <input id={`${uid}-name`} value={name} maxLength={100} placeholder={t.saveNamePlaceholder} onChange={(e) => setName(e.target.value)} />
          <button type="submit">{t.save}</button>
          {message ? <p className={message.error ? 'field-error' : 'muted small'} role={message.error ? 'alert' : 'status'}>{message.text}</p> : null}
        </form>
      </div>
    </details>
  )
}
