/**
 * What each person keeps about how they look at a plan: the last filter, named saved filters
 * ("Phòng VH-TT: việc trễ") and the units they belong to ("mine"). Personal, so not part of the plan
 * (not undone, not in backups or exports, never synced to other offices), and kept under a key of
 * its own next to the document (`<document key>:views`), so the document's versioned format is not
 * touched. Read leniently: an entry that cannot be read is left out, and unreadable text is kept
 * under `<views key>:unreadable` (never overwritten) before anything replaces it.
 */
import { newId, isReservedKey } from '@/domain/plan/ids'
import { EMPTY_FILTER, readTaskFilter, type TaskFilter } from '@/domain/filter/task-filter'
import { onStorageItemChangedElsewhere, readStorageItem, writeStorageItem } from '@/lib/web-storage'

export interface SavedFilter {
  id: string
  name: string
  filter: TaskFilter
}

export interface PlanViewPreferences {
  filter: TaskFilter
  savedFilters: SavedFilter[]
  myUnitIds: string[]
}

export type ViewPreferences = Record<string, PlanViewPreferences>

export const EMPTY_PLAN_VIEW: PlanViewPreferences = { filter: EMPTY_FILTER, savedFilters: [], myUnitIds: [] }
const MAX_SAVED_FILTERS = 50
const MAX_NAME = 100

export function viewPreferencesKey(documentKey: string): string {
  return `${documentKey}:views`
}

/** Parses the stored text; `readable` false when it was not JSON of the expected shape at all. */
export function readViewPreferences(text: string | null): { preferences: ViewPreferences; readable: boolean } {
  if (text === null) return { preferences: {}, readable: true }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { preferences: {}, readable: false }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { preferences: {}, readable: false }
  const preferences: ViewPreferences = {}
  for (const [planId, value] of Object.entries(raw as Record<string, unknown>)) {
    if (isReservedKey(planId) || typeof value !== 'object' || value === null) continue
    preferences[planId] = readPlanView(value as Record<string, unknown>)
  }
  return { preferences, readable: true }
}

function readPlanView(raw: Record<string, unknown>): PlanViewPreferences {
  const saved = Array.isArray(raw.savedFilters) ? raw.savedFilters : []
  const savedFilters: SavedFilter[] = []
  for (const entry of saved.slice(0, MAX_SAVED_FILTERS)) {
    if (typeof entry !== 'object' || entry === null) continue
    const { id, name, filter } = entry as Record<string, unknown>
    if (typeof name !== 'string' || name.trim() === '') continue
    savedFilters.push({ id: typeof id === 'string' && id !== '' ? id : newId('filter'), name: name.slice(0, MAX_NAME), filter: readTaskFilter(filter) })
  }
  const myUnitIds = Array.isArray(raw.myUnitIds) ? raw.myUnitIds.filter((id): id is string => typeof id === 'string').slice(0, 200) : []
  return { filter: readTaskFilter(raw.filter), savedFilters, myUnitIds }
}

export function normaliseSavedFilterName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').slice(0, MAX_NAME)
}

interface ViewPreferencesStore {
  getState: () => { viewPreferences: ViewPreferences }
  setState: (partial: { viewPreferences: ViewPreferences }) => void
  subscribe: (listener: (state: { viewPreferences: ViewPreferences }, previous: { viewPreferences: ViewPreferences }) => void) => () => void
}

/**
 * Loads the preferences into the store, writes them back when they change, and takes another tab's
 * changes. A failed write (quota) loses nothing the user saved in the plan: only these preferences
 * wait for the next change.
 */
export function startViewPreferencesSync(store: ViewPreferencesStore, documentKey: string): () => void {
  const key = viewPreferencesKey(documentKey)
  const stored = readStorageItem(key)
  const text = stored.ok ? stored.value : null
  const { preferences, readable } = readViewPreferences(text)
  if (!readable && text !== null) {
    const copyKey = `${key}:unreadable`
    const existing = readStorageItem(copyKey)
    if (existing.ok && existing.value === null) writeStorageItem(copyKey, text)
  }
  let lastWritten = readable ? text : null
  store.setState({ viewPreferences: preferences })
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.viewPreferences === previous.viewPreferences) return
    const next = JSON.stringify(state.viewPreferences)
    if (next === lastWritten) return
    if (writeStorageItem(key, next) === 'ok') lastWritten = next
  })
  const stopListening = onStorageItemChangedElsewhere(key, (value) => {
    const remote = readViewPreferences(value)
    if (!remote.readable) return
    lastWritten = value
    store.setState({ viewPreferences: remote.preferences })
  })
  return () => {
    unsubscribe()
    stopListening()
  }
}
