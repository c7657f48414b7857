/**
 * Which state is document (persisted, backed up, undoable), which is preference (persisted, not
 * undoable), and which is session (neither). Both `partialize` functions are derived from this table,
 * so a new key cannot be persisted or undone by accident. 'view' state is persisted under a key of its
 * own (view-preferences.ts): personal, neither undone nor in the document or its backups.
 */
import type { PlannerState } from '@/store/planner-state'

type Kind = 'document' | 'preference' | 'session' | 'view'

export const STATE_KEY_KINDS = {
  plans: 'document',
  activePlanId: 'document',
  deletedPlans: 'document',
  language: 'preference',
  lastBackupAt: 'preference',
  showHolidays: 'preference',
  persistence: 'session',
  saveStatus: 'session',
  storageUsage: 'session',
  notices: 'session',
  calendar: 'session',
  editor: 'session',
  settingsOpen: 'session',
  electionDialogOpen: 'session',
  checksOpen: 'session',
  plansOpen: 'session',
  transferDialog: 'session',
  printRequest: 'session',
  hiddenChannelIds: 'session',
  viewPreferences: 'view',
} as const satisfies Record<keyof PlannerDataState, Kind>

type PlannerDataState = Omit<PlannerState, FunctionKeys<PlannerState>>
type FunctionKeys<T> = { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? K : never }[keyof T]

type KeysOfKind<K extends Kind> = { [P in keyof typeof STATE_KEY_KINDS]: (typeof STATE_KEY_KINDS)[P] extends K ? P : never }[keyof typeof STATE_KEY_KINDS]

export type DocumentKey = KeysOfKind<'document'>
export type PersistedKey = KeysOfKind<'document' | 'preference'>

function keysOf(kinds: readonly Kind[]): string[] {
  return Object.entries(STATE_KEY_KINDS).filter(([, kind]) => kinds.includes(kind)).map(([key]) => key)
}

const DOCUMENT_KEYS = keysOf(['document']) as DocumentKey[]
const PERSISTED_KEYS = keysOf(['document', 'preference']) as PersistedKey[]

export type DocumentState = Pick<PlannerState, DocumentKey>
export type PersistedState = Pick<PlannerState, PersistedKey>

export function pickDocumentState(state: PlannerState): DocumentState {
  return pick(state, DOCUMENT_KEYS)
}

export function pickPersistedState(state: PlannerState): PersistedState {
  return pick(state, PERSISTED_KEYS)
}

function pick<T extends object, K extends keyof T>(state: T, keys: readonly K[]): Pick<T, K> {
  const result = {} as Pick<T, K>
  for (const key of keys) result[key] = state[key]
  return result
}
