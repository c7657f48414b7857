/**
 * Above every view: the search box (always visible), "Việc trễ hạn" and "Việc của tôi" toggles, the
 * "Lọc" panel (units, channels, statuses, phases, my units), saved filters, and the active filter as
 * removable chips with the count of tasks shown. The state is the store's (filter-slice.ts), so it
 * follows every view, the address and the plan.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { useLanguage, useMessages } from '@/components/use-messages'
import { matchingTasks } from '@/domain/filter/narrowing'
import { isFilterEmpty } from '@/domain/filter/task-filter'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'
import { useActiveFilter, useMyUnitIds, useVisibleTaskPredicate } from '@/store/use-task-filter'
import { FilterPanel } from '@/features/filter/components/filter-panel'
import { SavedFilters } from '@/features/filter/components/saved-filters'
import { filterChips } from '@/features/filter/utils/filter-chips'
import '@/features/filter/components/filter-bar.css'

/** Typing waits this long before filtering: a word typed at speed filters once. */
const SEARCH_DEBOUNCE_MS = 150

export function FilterBar() {
  const messages = useMessages()
  const t = messages.filter
  const language = useLanguage()
  const plan = usePlannerStore(selectActivePlan)
  const filter = useActiveFilter()
  const myUnitIds = useMyUnitIds()
  const updateFilter = usePlannerStore((s) => s.updateFilter)
  const clearFilter = usePlannerStore((s) => s.clearFilter)
  const keep = useVisibleTaskPredicate()
  const [panelOpen, setPanelOpen] = useState(false)

  const counts = useMemo(() => {
    const total = Object.keys(plan.tasks).length
    // A search typed further counts among the previous matches only (domain/filter/narrowing.ts).
    return { total, shown: keep === null ? total : matchingTasks(plan.tasks, keep).length }
  }, [plan.tasks, keep])
  const number = (n: number) => new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB').format(n)
  const chips = filterChips(filter, plan, messages, language)
  const active = !isFilterEmpty(filter)

  return (
    <section className="filter-bar" aria-label={t.region} data-testid="filter-bar">
      <div className="filter-line">
        <SearchBox text={filter.text} onSearch={(text) => updateFilter({ text })} label={t.search} placeholder={t.searchPlaceholder} />
        <button type="button" aria-pressed={filter.late} className={filter.late ? 'is-active' : ''} onClick={() => updateFilter({ late: !filter.late })}>{t.late}</button>
        <button
          type="button"
          aria-pressed={filter.mine}
          className={filter.mine ? 'is-active' : ''}
          onClick={() => {
            updateFilter({ mine: !filter.mine })
            if (!filter.mine && myUnitIds.length === 0) setPanelOpen(true)
          }}
        >
          {t.mine}
        </button>
        <button type="button" aria-expanded={panelOpen} aria-controls="filter-panel" onClick={() => setPanelOpen((open) => !open)}>
          {t.open} ▾
        </button>
        <SavedFilters />
        <span className="filter-count" role="status" data-testid="filter-count">
          {active ? t.shown(number(counts.shown), number(counts.total)) : ''}
        </span>
      </div>
      {panelOpen ? <FilterPanel id="filter-panel" onClose={() => setPanelOpen(false)} /> : null}
      {chips.length > 0 ? (
        <ul className="filter-chips" aria-label={t.region}>
          {chips.map((chip) => (
            <li key={chip.key} className="filter-chip">
              <span>{chip.label}</span>
              <button type="button" className="chip-remove" aria-label={t.remove(chip.label)} onClick={() => updateFilter(chip.without(filter))}>×</button>
            </li>
          ))}
          <li><button type="button" className="small-button" onClick={clearFilter}>{t.clear}</button></li>
        </ul>
      ) : null}
    </section>
  )
}

/**
 * The input keeps its own text while typing and hands it to the filter after a pause; a change from
 * elsewhere (clear all, a saved filter, another tab) replaces it unless the user is mid-word.
 */
function SearchBox({ text, onSearch, label, placeholder }: { text: string; onSearch: (text: string) => void; label: string; placeholder: string }) {
  const [value, setValue] = useState(text)
  const pending = useRef<number | null>(null)
  const sent = useRef(text)
  useEffect(() => {
    if (text !== sent.current && pending.current === null) {
      sent.current = text
      setValue(text)
    }
  }, [text])
  useEffect(() => () => { if (pending.current !== null) window.clearTimeout(pending.current) }, [])
  const schedule = (next: string) => {
    setValue(next)
    if (pending.current !== null) window.clearTimeout(pending.current)
    pending.current = window.setTimeout(() => {
      pending.current = null
      sent.current = next
      onSearch(next)
    }, SEARCH_DEBOUNCE_MS)
  }
  return (
    <input
      type="search"
      className="filter-search"
      aria-label={label}
      placeholder={placeholder}
      value={value}
      maxLength={200}
      data-testid="filter-search"
      onChange={(e) => schedule(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && value !== '') {
          e.stopPropagation()
          schedule('')
        }
      }}
    />
  )
}

