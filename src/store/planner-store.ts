/**
 * The planner's one store: persist(temporal(slices)). Document state (the plans) is persisted and
 * undoable; preferences are persisted only; session state is neither (see state-keys.ts).
 */
import { temporal } from 'zundo'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { todayIn } from '@/domain/dates/local-date'
import { backupFileName, BACKUP_MIME_TYPE, trySerializeBackup } from '@/io/backup/backup-file'
import { downloadFile } from '@/lib/file-download'
import * as ops from '@/domain/plan/plan-ops'
import { newId, safeKey } from '@/domain/plan/ids'
import { reportHasChanges } from '@/domain/plan/restore-plan'
import { replanElection } from '@/domain/rules/replan'
import { VIETNAM_TIME_ZONE } from '@/domain/templates/campaign-2021'
import type { Plan } from '@/domain/types'
import { startCrossTabSync } from '@/store/cross-tab-sync'
import { createFilterSlice } from '@/store/filter-slice'
import { startViewPreferencesSync } from '@/store/view-preferences'
import { createLocalStorageAdapter, type LocalStorageAdapter } from '@/store/local-storage-adapter'
import {
  CURRENT_DOCUMENT_VERSION, defaultPersistedState, migratePersistedState, restorePersistedState,
} from '@/store/persisted-document'
import type { CalendarSession, Notice, PlannerState, SaveStatus, StorageUsage, TimelineOptions } from '@/store/planner-state'
import { pickDocumentState, pickPersistedState, type DocumentState } from '@/store/state-keys'
import { STORAGE_KEYS } from '@/store/storage-keys'

export const UNDO_LIMIT = 200

type SetState = (partial: Partial<PlannerState> | ((state: PlannerState) => Partial<PlannerState>)) => void
type GetState = () => PlannerState

/** Applies a plan operation to the active plan; an operation returning the same plan changes nothing. */
function updateActivePlan(set: SetState, get: GetState, operation: (plan: Plan, now: number) => Plan | null): boolean {
  const { plans, activePlanId } = get()
  const plan = plans[activePlanId]
  if (!plan) return false
  const next = operation(plan, Date.now())
  if (next === null) return false
  if (next !== plan) set({ plans: { ...plans, [activePlanId]: next } })
  return true
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record
  const { [key]: _removed, ...rest } = record
  return rest
}

function createPlannerSlices(set: SetState, get: GetState): PlannerState {
  const initial = defaultPersistedState(Date.now())
  return {
    ...initial,
    ...createFilterSlice(set, get),
    persistence: null,
    saveStatus: { kind: 'saved', at: null },
    storageUsage: null,
    notices: [],
    calendar: { view: 'month', date: initial.plans[initial.activePlanId]!.election.electionDay, listDay: null },
    editor: { mode: 'closed' },
    settingsOpen: false,
    electionDialogOpen: false,
    checksOpen: false,
    plansOpen: false,
    transferDialog: { kind: 'closed' },
    printRequest: null,
    hiddenChannelIds: [],

    createTask: (draft) => {
      const id = newId('task')
      updateActivePlan(set, get, (plan, now) => ops.addTask(plan, draft, now, id))
      return id
    },
    saveTask: (id, draft) => updateActivePlan(set, get, (plan, now) => ops.updateTask(plan, id, draft, now)),
    moveTask: (id, move) => updateActivePlan(set, get, (plan, now) => ops.moveTask(plan, id, move, now)),
    moveOccurrence: (id, occurrenceDate, move) =>
      updateActivePlan(set, get, (plan, now) => ops.moveOccurrence(plan, id, occurrenceDate, move, now)),
    moveTaskToRow: (id, move, row) => updateActivePlan(set, get, (plan, now) => {
      // One set, so one undo step: the dates as any drag moves them (anchors re-planned), then the row.
      const moved = ops.moveTask(plan, id, move, now)
      const task = moved.tasks[id]
      if (!task) return plan
      if ('channelId' in row) return task.channelId === row.channelId ? moved : ops.updateTask(moved, id, { channelId: row.channelId }, now)
      if (task.leadUnitId === row.leadUnitId) return moved
      // The new lead unit no longer supports its own task.
      return ops.updateTask(moved, id, { leadUnitId: row.leadUnitId, supportUnitIds: task.supportUnitIds.filter((u) => u !== row.leadUnitId) }, now)
    }),
    setOccurrenceCancelled: (id, occurrenceDate, cancelled) =>
      updateActivePlan(set, get, (plan, now) => ops.setOccurrenceCancelled(plan, id, occurrenceDate, cancelled, now)),
    setTaskStatus: (id, status, doneOn) => updateActivePlan(set, get, (plan, now) => {
      const task = plan.tasks[id]
      // Choosing the status a task already has is no change: no undo step, no new `updatedAt`.
      if (!task || (task.status === status && (doneOn === undefined || doneOn === task.doneOn))) return plan
      return ops.updateTask(plan, id, doneOn === undefined ? { status } : { status, doneOn }, now)
    }),
    deleteTask: (id) => {
      const title = get().plans[get().activePlanId]?.tasks[id]?.title ?? ''
      if (updateActivePlan(set, get, (plan, now) => ops.deleteTask(plan, id, now))) {
        get().pushNotice({ id: newId('notice'), kind: 'task-deleted', title })
      }
    },
    addUnit: (name) => updateActivePlan(set, get, (plan, now) => ops.addUnit(plan, name, now)),
    renameUnit: (id, name) => updateActivePlan(set, get, (plan, now) => ops.renameUnit(plan, id, name, now)),
    deleteUnit: (id, replacementId) => updateActivePlan(set, get, (plan, now) => ops.deleteUnit(plan, id, replacementId, now)),
    addChannel: (name, color) => updateActivePlan(set, get, (plan, now) => ops.addChannel(plan, name, color, now)),
    updateChannel: (id, changes) => updateActivePlan(set, get, (plan, now) => ops.updateChannel(plan, id, changes, now)),
    deleteChannel: (id, replacementId) => updateActivePlan(set, get, (plan, now) => ops.deleteChannel(plan, id, replacementId, now)),

    updateDocumentDetails: (changes) => updateActivePlan(set, get, (plan, now) => ops.updateDocumentDetails(plan, changes, now)),
    setLanguage: (language) => set({ language }),
    setShowHolidays: (showHolidays) => set({ showHolidays }),
    markBackupDownloaded: (at) => set({ lastBackupAt: at }),
    downloadBackup: () => {
      const { plans, activePlanId } = get()
      const active = plans[activePlanId]
      if (!active) return false
      // Every plan: storage (and the quota warning that offers this) holds them all. The active plan
      // comes first, so an import that takes one plan of the file takes the one being worked on.
      const all = [active, ...Object.values(plans).filter((plan) => plan.id !== activePlanId)]
      const now = new Date()
      const text = trySerializeBackup(all, now)
      const ok = text !== null && downloadFile(backupFileName(all, todayIn(active.timeZone, now)), text, BACKUP_MIME_TYPE)
      if (ok) {
        set({ lastBackupAt: now.getTime() })
        get().pushNotice({ id: newId('notice'), kind: 'backup-downloaded' })
      }
      return ok
    },
    // Any navigation leaves the one-day list unless it names the day again.
    setCalendar: (calendar) => set((s) => ({ calendar: { ...s.calendar, listDay: null, ...calendar } })),
    setTimelineOptions: (options) => set((s) => ({ calendar: { ...s.calendar, timeline: { ...timelineOptionsOf(s.calendar), ...options } } })),
    openEditor: (editor) => set({ editor }),
    closeEditor: () => set({ editor: { mode: 'closed' } }),
    setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
    setElectionDialogOpen: (electionDialogOpen) => set({ electionDialogOpen }),
    setChecksOpen: (checksOpen) => set({ checksOpen }),
    setPlansOpen: (plansOpen) => set({ plansOpen }),
    addPlan: (plan) => set((s) => ({
      plans: { ...s.plans, [plan.id]: plan },
      deletedPlans: withoutKey(s.deletedPlans, plan.id),
      activePlanId: plan.id,
      calendar: { view: 'month', date: initialCalendarDate(plan), listDay: null },
    })),
    switchPlan: (id) => {
      const plan = get().plans[id]
      if (!plan) return
      set({ activePlanId: id, calendar: { ...get().calendar, date: initialCalendarDate(plan), listDay: null }, hiddenChannelIds: [] })
    },
    renamePlan: (id, name) => {
      const plan = get().plans[id]
      if (!plan || !name.trim()) return
      set({ plans: { ...get().plans, [id]: { ...plan, name: name.trim(), updatedAt: Date.now() } } })
    },
    deletePlan: (id) => {
      const { plans, activePlanId } = get()
      if (!plans[id] || Object.keys(plans).length <= 1) return false
      const { [id]: _removed, ...rest } = plans
      const nextActive = activePlanId === id ? Object.keys(rest)[0]! : activePlanId
      set({ plans: rest, activePlanId: nextActive, deletedPlans: { ...get().deletedPlans, [id]: Date.now() } })
      return true
    },
    dismissCheck: (taskId, kind) => updateActivePlan(set, get, (plan, now) => ops.dismissCheck(plan, taskId, kind, now)),
    setMaxTasksPerUnitPerDay: (value) => updateActivePlan(set, get, (plan, now) => ops.setMaxTasksPerUnitPerDay(plan, value, now)),
    replanElection: (election) => updateActivePlan(set, get, (plan, now) => replanElection(plan, election, now).plan),
    setTransferDialog: (transferDialog) => set({ transferDialog }),
    replaceActivePlan: (plan) => {
      const { plans, activePlanId } = get()
      if (plan.id !== activePlanId) return
      set({ plans: { ...plans, [activePlanId]: plan } })
    },
    toggleChannelHidden: (channelId) => set((s) => ({
      hiddenChannelIds: s.hiddenChannelIds.includes(channelId)
        ? s.hiddenChannelIds.filter((c) => c !== channelId)
        : [...s.hiddenChannelIds, channelId],
    })),
    pushNotice: (notice) => set((s) => ({ notices: [...s.notices.filter((n) => n.kind !== notice.kind), notice] })),
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  }
}

function isSameDocument(a: DocumentState, b: DocumentState): boolean {
  return a.plans === b.plans && a.activePlanId === b.activePlanId
}

/** Builds a store bound to a storage key (tests make their own; the app uses `usePlannerStore`). */
export function createPlannerStore(storageKey: string = STORAGE_KEYS.document) {
  let statusSink: (status: SaveStatus) => void = () => {}
  let usageSink: (usage: StorageUsage) => void = () => {}
  const adapter: LocalStorageAdapter = createLocalStorageAdapter((status) => statusSink(status), storageKey, (usage) => usageSink(usage))
  const hydrationNotices: Notice[] = []
  let migrated = false
  /** Plans (ids as restored) whose stored text differs from what they restored to: rewritten on the next save. */
  let changedPlanIds = new Set<string>()

  const store = create<PlannerState>()(
    persist(
      temporal(createPlannerSlices, {
        partialize: pickDocumentState,
        equality: isSameDocument,
        limit: UNDO_LIMIT,
      }),
      {
        name: storageKey,
        version: CURRENT_DOCUMENT_VERSION,
        storage: adapter.storage,
        partialize: pickPersistedState,
        migrate: (persisted, version) => {
          migrated = true
          return migratePersistedState(persisted, version) as never
        },
        merge: (persisted, current) => {
          const { state, report, changedPlanIds: changed } = restorePersistedState(persisted, Date.now())
          if (reportHasChanges(report) && persisted) {
            // Issue 9: whatever was repaired or dropped, the original text of that plan's key (for an
            // old single-key save: the whole save) is kept before anything overwrites it.
            const copyKeys = changed.map((id) => adapter.keepOriginalOfPlan(id))
            hydrationNotices.push({ id: newId('notice'), kind: 'repaired-save', copyKey: copyKeys.find((k) => k !== null) ?? null, report })
          }
          changedPlanIds = new Set(changed.map(safeKey))
          const activePlan = state.plans[state.activePlanId]!
          return { ...current, ...state, calendar: { view: 'month', date: initialCalendarDate(activePlan), listDay: null } }
        },
      },
    ),
  )

  statusSink = (saveStatus) => store.setState({ saveStatus })
  usageSink = (storageUsage) => store.setState({ storageUsage })
  if (adapter.readOutcome.kind === 'corrupt') {
    hydrationNotices.push({ id: newId('notice'), kind: 'corrupt-save', copyKey: adapter.readOutcome.copyKey })
  }
  for (const unreadable of adapter.unreadablePlans) {
    hydrationNotices.push({ id: newId('notice'), kind: 'corrupt-save', copyKey: unreadable.copyKey })
  }
  // Statuses reported during hydration (blocked, unavailable) happened before the sink was wired.
  const hydrationStatus = adapter.lastStatus()
  if (hydrationStatus) store.setState({ saveStatus: hydrationStatus })
  if (!adapter.isBlocked() && !migrated && adapter.readOutcome.kind === 'ok') {
    // Plans restored exactly as stored need no write; the encoder reuses their stored segments.
    for (const [id, plan] of Object.entries(store.getState().plans)) {
      if (changedPlanIds.has(id)) continue
      adapter.markPlanStored(id, plan, null)
      adapter.seedEncoder(id, plan)
    }
  }
  adapter.measureUsage()
  if (hydrationNotices.length > 0) store.setState({ notices: hydrationNotices })
  if (adapter.readOutcome.kind === 'empty' || adapter.readOutcome.kind === 'corrupt') {
    store.setState({ calendar: { view: 'month', date: initialCalendarDate(store.getState().plans[store.getState().activePlanId]!), listDay: null } })
  }
  // Hydration is not an edit: nothing before this point may be undone.
  store.temporal.getState().clear()
  const stopCrossTabSync = startCrossTabSync(store, adapter, storageKey)
  const stopViewSync = startViewPreferencesSync(store, storageKey)
  // Tests open many stores on one localStorage: a stopped store must not write later from a timer.
  return { store, adapter, stopSync: () => { stopCrossTabSync(); stopViewSync(); adapter.dispose() } }
}

export const DEFAULT_TIMELINE_OPTIONS: TimelineOptions = { rows: 'units', zoom: 'month', showSupport: false }

/** The timeline's options, defaults filled in. */
export function timelineOptionsOf(calendar: Pick<CalendarSession, 'timeline'>): TimelineOptions {
  return calendar.timeline ?? DEFAULT_TIMELINE_OPTIONS
}

/** Today when it falls inside the campaign window, otherwise election day (issue #3). */
export function initialCalendarDate(plan: Plan, now: Date = new Date()): string {
  const today = todayIn(VIETNAM_TIME_ZONE, now)
  const first = plan.phases[0]?.start ?? plan.election.electionDay
  const last = plan.phases[plan.phases.length - 1]?.end ?? plan.election.electionDay
  return today >= first && today < last ? today : plan.election.electionDay
}

export type PlannerStore = ReturnType<typeof createPlannerStore>['store']
