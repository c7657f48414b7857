/**
 * The shape of the planner store: document (plans), preferences, session, and the actions.
 */
import type { CalendarViewKind, TimelineZoom, ViewKind } from '@/domain/dates/calendar-period'
import type { Language } from '@/domain/dates/format-date'
import type { TaskDraft } from '@/domain/plan/plan-ops'
import type { RestoreReport } from '@/domain/plan/restore-report'
import type { Channel, DocumentDetails, ElectionSettings, EpochMs, Plan, TaskStatus } from '@/domain/types'
import type { PersistenceState } from '@/lib/persistent-storage'
import type { FilterSlice } from '@/store/filter-slice'

export interface StorageUsage {
  usedChars: number
  quotaChars: number
}

export type SaveStatus =
  | { kind: 'saved'; at: EpochMs | null }
  | { kind: 'pending' }
  | { kind: 'quota' }
  | { kind: 'unavailable' }
  /** The save was written by a newer version of the app: we do not overwrite it. */
  | { kind: 'newer-version'; version: number }
  /** The save could not be read and no copy of it could be kept: we do not overwrite it. */
  | { kind: 'blocked' }
  /** A plan could not be written as text (a value JSON cannot hold): it stays in memory; tried again on the next change. */
  | { kind: 'failed' }

export type Notice =
  | { id: string; kind: 'corrupt-save'; copyKey: string | null }
  /** Loading had to repair or drop something (`report` says what); the original text is kept under `copyKey`. */
  | { id: string; kind: 'repaired-save'; copyKey: string | null; report: RestoreReport }
  | { id: string; kind: 'task-deleted'; title: string }
  | { id: string; kind: 'remote-merged' }
  | { id: string; kind: 'backup-downloaded' }
  | { id: string; kind: 'unit-in-use'; count: number }
  | { id: string; kind: 'exported'; fileName: string; count: number }
  | { id: string; kind: 'imported'; added: number; updated: number; unchanged: number }

export type { CalendarViewKind, TimelineZoom, ViewKind }

/** The timeline view's own choices (session: a reload opens the month view anyway). */
export interface TimelineOptions {
  /** Rows are the lead units (grouped by level) or the channels. */
  rows: 'units' | 'channels'
  zoom: TimelineZoom
  /** Also show each task, marked as support, in the row of each of its supporting units. */
  showSupport: boolean
}

/** Which row a timeline bar was dropped on: a new lead unit, or a new channel (null: none). */
export type TimelineRowChange = { leadUnitId: string | null } | { channelId: string | null }

/** Which import/export dialog is open. */
export type TransferDialog =
  | { kind: 'closed' }
  | { kind: 'export'; format: 'ics' | 'xlsx' | 'docx' | 'csv' | 'json' | 'print' }
  | { kind: 'import' }

export interface CalendarSession {
  view: ViewKind
  /** A LocalDate inside the period shown. */
  date: string
  /** The list view shows only this day's tasks (reached from a "+N" marker), or the whole month. */
  listDay: string | null
  /** The timeline's options; absent means the defaults (`timelineOptionsOf`). */
  timeline?: TimelineOptions
}

export type EditorSession =
  | { mode: 'closed' }
  | { mode: 'create'; draft: TaskDraft }
  /** `occurrenceDate`: opened from one occurrence of a series (the dialog offers to move or cancel just that one). */
  | { mode: 'edit'; taskId: string; occurrenceDate?: string | null }

export interface PlannerState extends FilterSlice {
  // document
  plans: Record<string, Plan>
  activePlanId: string
  /**
   * Tombstones of deleted plans (id → when), so another tab that still holds a deleted plan does not
   * bring it back when the two merge. A plan edited after its deletion wins over the tombstone.
   */
  deletedPlans: Record<string, EpochMs>
  // preferences
  language: Language
  lastBackupAt: EpochMs | null
  showHolidays: boolean
  // session
  persistence: PersistenceState | null
  saveStatus: SaveStatus
  /** This origin's localStorage use after the last save (null until measured); the UI warns from 80 %. */
  storageUsage: StorageUsage | null
  notices: Notice[]
  calendar: CalendarSession
  editor: EditorSession
  settingsOpen: boolean
  electionDialogOpen: boolean
  checksOpen: boolean
  plansOpen: boolean
  transferDialog: TransferDialog
  /** A print of the schedule was asked for: the print view renders these tasks, then prints. */
  /** `range`: the scope's inclusive days, so a series prints only its occurrences in them. */
  printRequest: { taskIds: string[]; includeMilestones: boolean; range?: { from: string; to: string } | null; requestedAt: number } | null
  hiddenChannelIds: string[]

  // actions: tasks
  createTask: (draft: TaskDraft) => string
  saveTask: (id: string, draft: TaskDraft) => void
  moveTask: (id: string, move: { start: string; end: string | null; allDay: boolean }) => void
  deleteTask: (id: string) => void
  /** One occurrence of a recurring task moved on its own. */
  moveOccurrence: (id: string, occurrenceDate: string, move: { start: string; end: string | null; allDay: boolean }) => void
  /** A timeline drag: new dates and, dropped on another row, a new lead unit or channel; one undo step. */
  moveTaskToRow: (id: string, move: { start: string; end: string | null; allDay: boolean }, row: TimelineRowChange) => void
  /** One occurrence of a recurring task cancelled (or brought back). */
  setOccurrenceCancelled: (id: string, occurrenceDate: string, cancelled: boolean) => void
  /**
   * The quick status change (the list's status control): one undo step. Done without `doneOn` means
   * done today; any other status clears the day (plan-ops' rule). A series has one status for all
   * its occurrences.
   */
  setTaskStatus: (id: string, status: TaskStatus, doneOn?: string | null) => void
  // actions: units and channels
  addUnit: (name: string) => void
  renameUnit: (id: string, name: string) => void
  /** False when tasks use the unit and no replacement was given. */
  deleteUnit: (id: string, replacementId: string | null) => boolean
  addChannel: (name: string, color: string) => void
  updateChannel: (id: string, changes: Partial<Pick<Channel, 'name' | 'nameEn' | 'color' | 'campaigning'>>) => void
  deleteChannel: (id: string, replacementId: string | null) => boolean
  updateDocumentDetails: (changes: Partial<DocumentDetails>) => void
  dismissCheck: (taskId: string, kind: string) => void
  setMaxTasksPerUnitPerDay: (value: number) => void
  // actions: plans
  addPlan: (plan: Plan) => void
  switchPlan: (id: string) => void
  renamePlan: (id: string, name: string) => void
  /** False when it is the last plan (there is always one). */
  deletePlan: (id: string) => boolean
  /** New election settings: anchored tasks and phases move with them (one undo step). */
  replanElection: (election: ElectionSettings) => void
  // actions: preferences and session
  setLanguage: (language: Language) => void
  setShowHolidays: (show: boolean) => void
  markBackupDownloaded: (at: EpochMs) => void
  /** Every plan (the active one first) as one JSON backup file, its time remembered; false when it could not be written or the browser refused. */
  downloadBackup: () => boolean
  setCalendar: (calendar: Partial<CalendarSession>) => void
  setTimelineOptions: (options: Partial<TimelineOptions>) => void
  openEditor: (editor: EditorSession) => void
  closeEditor: () => void
  setSettingsOpen: (open: boolean) => void
  setElectionDialogOpen: (open: boolean) => void
  setChecksOpen: (open: boolean) => void
  setPlansOpen: (open: boolean) => void
  setTransferDialog: (dialog: TransferDialog) => void
  /** Replaces the active plan's content in one undo step (import "replace" and "merge"). */
  replaceActivePlan: (plan: Plan) => void
  toggleChannelHidden: (channelId: string) => void
  pushNotice: (notice: Notice) => void
  dismissNotice: (id: string) => void
}
