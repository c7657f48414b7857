/**
 * The app-wide task filter: its state is the active plan's entry in `viewPreferences` (so each plan
 * remembers its last filter), and these are the actions that change it. Persisted by
 * view-preferences.ts; mirrored in the address by address-sync.ts.
 */
import { newId } from '@/domain/plan/ids'
import { EMPTY_FILTER, sameFilter, type TaskFilter } from '@/domain/filter/task-filter'
import { EMPTY_PLAN_VIEW, normaliseSavedFilterName, type PlanViewPreferences, type ViewPreferences } from '@/store/view-preferences'

export interface FilterSlice {
  /** Per plan id: last filter, saved filters, the user's own units. */
  viewPreferences: ViewPreferences
  setFilter: (filter: TaskFilter) => void
  updateFilter: (changes: Partial<TaskFilter>) => void
  clearFilter: () => void
  /** Saves the current filter under a name (a filter of the same name is replaced); returns its id, or null for an empty name. */
  saveCurrentFilter: (name: string) => string | null
  applySavedFilter: (id: string) => void
  deleteSavedFilter: (id: string) => void
  setMyUnits: (unitIds: string[]) => void
}

interface SliceHost {
  activePlanId: string
  viewPreferences: ViewPreferences
}

type Set = (partial: Partial<SliceHost>) => void
type Get = () => SliceHost

/** The active plan's view preferences (a constant empty entry when it has none yet). */
export function planViewOf(state: SliceHost, planId: string = state.activePlanId): PlanViewPreferences {
  return state.viewPreferences[planId] ?? EMPTY_PLAN_VIEW
}

export function createFilterSlice(set: Set, get: Get): FilterSlice {
  const updatePlanView = (change: (view: PlanViewPreferences) => PlanViewPreferences) => {
    const state = get()
    const current = planViewOf(state)
    const next = change(current)
    if (next === current) return
    set({ viewPreferences: { ...state.viewPreferences, [state.activePlanId]: next } })
  }
  const setFilter = (filter: TaskFilter) => updatePlanView((view) => (sameFilter(view.filter, filter) ? view : { ...view, filter }))
  return {
    viewPreferences: {},
    setFilter,
    updateFilter: (changes) => setFilter({ ...planViewOf(get()).filter, ...changes }),
    clearFilter: () => setFilter(EMPTY_FILTER),
    saveCurrentFilter: (rawName) => {
      const name = normaliseSavedFilterName(rawName)
      if (name === '') return null
      const view = planViewOf(get())
      const existing = view.savedFilters.find((s) => s.name === name)
      const id = existing?.id ?? newId('filter')
      const saved = { id, name, filter: view.filter }
      updatePlanView((v) => ({
        ...v,
        savedFilters: existing ? v.savedFilters.map((s) => (s.id === id ? saved : s)) : [...v.savedFilters, saved],
      }))
      return id
    },
    applySavedFilter: (id) => {
      const saved = planViewOf(get()).savedFilters.find((s) => s.id === id)
      if (saved) setFilter(saved.filter)
    },
    deleteSavedFilter: (id) => updatePlanView((v) => ({ ...v, savedFilters: v.savedFilters.filter((s) => s.id !== id) })),
    setMyUnits: (unitIds) => updatePlanView((v) => ({ ...v, myUnitIds: [...new Set(unitIds)] })),
  }
}
