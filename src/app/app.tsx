/**
 * The one screen: top bar, side panel, calendar (or the task list), and the dialogs.
 */
import { lazy, Suspense, useEffect, useState } from 'react'
import { SkipLink } from '@/components/skip-link'
import { useMessages } from '@/components/use-messages'
import { CalendarToolbar } from '@/features/calendar/components/calendar-toolbar'
import { FilterBar } from '@/features/filter/components/filter-bar'
import { useUndoShortcuts } from '@/features/history/components/undo-redo-buttons'
import { AppUpdateNotice } from '@/features/app-update/components/app-update-notice'
import { NoticeRegion } from '@/features/notices/components/notice-region'
import { SidePanel } from '@/features/side-panel/components/side-panel'
import { useSyncDialog } from '@/features/sync/sync-dialogs'
import { TaskEditorDialog } from '@/features/task-editor/components/task-editor-dialog'
import { TaskListView } from '@/features/task-list/components/task-list-view'
import { PhoneMonthView } from '@/features/phone-month/components/phone-month-view'
import { useNarrowScreen } from '@/components/use-narrow-screen'
import { requestPersistentStorage } from '@/lib/persistent-storage'
import { scheduleIdle } from '@/lib/schedule-idle'
import { plannerStorage, usePlannerStore } from '@/store/use-planner-store'
import { STORAGE_KEYS } from '@/store/storage-keys'
import { readStorageItem } from '@/lib/web-storage'
import { TopBar } from '@/app/top-bar'
import { LanguageProvider } from '@/app/language-provider'
import { campaignCalendarChunk, dashboardViewChunk, loadCampaignCalendar, timelineViewChunk, warmUpDateFormatting } from '@/app/view-chunks'
import { lazyView } from '@/app/lazy-view'
import { ViewFailureBoundary } from '@/components/view-failure-boundary'

// Dialogs load when first opened: they are not needed for the first paint.
const ChecksPanel = lazy(() => import('@/features/checks/components/checks-panel').then((m) => ({ default: m.ChecksPanel })))
const ElectionDialog = lazy(() => import('@/features/election-settings/components/election-dialog').then((m) => ({ default: m.ElectionDialog })))
const ExportDialog = lazy(() => import('@/features/import-export/components/export-dialog').then((m) => ({ default: m.ExportDialog })))
const ImportDialog = lazy(() => import('@/features/import-export/components/import-dialog').then((m) => ({ default: m.ImportDialog })))
const PrintSchedule = lazy(() => import('@/features/import-export/components/print-schedule').then((m) => ({ default: m.PrintSchedule })))
const PlansDialog = lazy(() => import('@/features/plans/components/plans-dialog').then((m) => ({ default: m.PlansDialog })))
// Sync (issue 13): the dialogs, and PouchDB behind them, load only when a user opens them.
const SyncConnectDialog = lazy(() => import('@/features/sync/components/sync-connect-dialog').then((m) => ({ default: m.SyncConnectDialog })))
const SyncConflictDialog = lazy(() => import('@/features/sync/components/sync-conflict-dialog').then((m) => ({ default: m.SyncConflictDialog })))
const SyncFollowDialog = lazy(() => import('@/features/sync/components/sync-follow-dialog').then((m) => ({ default: m.SyncFollowDialog })))
const SettingsDialog = lazy(() => import('@/features/settings/components/settings-dialog').then((m) => ({ default: m.SettingsDialog })))
// FullCalendar is about half of the app's script: a phone opens on the list (start-view.ts) and the
// first paint should not wait for it. It loads when a calendar view is first shown, or when the
// browser is idle after load, so that the first tap on "Tháng" does not pay for it.
const CampaignCalendar = lazyView(campaignCalendarChunk, (m) => m.CampaignCalendar)
const PRELOAD_CALENDAR_TIMEOUT_MS = 4000
// The timeline carries FullCalendar's resource-timeline plugin: loaded when the view is first opened.
const TimelineView = lazyView(timelineViewChunk, (m) => m.TimelineView)
// The dashboard carries Chart.js: loaded when "Tổng quan" is first opened.
const DashboardView = lazyView(dashboardViewChunk, (m) => m.DashboardView)

/** A saved map of connections or follows with at least one entry ('{}' is left after the last disconnect). */
const isStored = (key: string): boolean => {
  const read = readStorageItem(key)
  return read.ok && read.value !== null && read.value !== '{}'
}

const viewKind = (view: string): string => (view === 'list' || view === 'timeline' || view === 'dashboard' ? view : 'calendar')

/** The skip link's target: the toolbar, the filter and the view. */
const CALENDAR_AREA_ID = 'calendar-area'

const IS_FIRST_RUN = plannerStorage.readOutcome.kind === 'empty'

/** The language reaches every component through context (components do not read the store). */
export function App() {
  return (
    <LanguageProvider>
      <AppScreen />
    </LanguageProvider>
  )
}

function AppScreen() {
  const view = usePlannerStore((s) => s.calendar.view)
  const language = usePlannerStore((s) => s.language)
  const settingsOpen = usePlannerStore((s) => s.settingsOpen)
  const electionDialogOpen = usePlannerStore((s) => s.electionDialogOpen)
  const checksOpen = usePlannerStore((s) => s.checksOpen)
  const plansOpen = usePlannerStore((s) => s.plansOpen)
  const transferKind = usePlannerStore((s) => s.transferDialog.kind)
  const printRequested = usePlannerStore((s) => s.printRequest !== null)
  const syncDialog = useSyncDialog((s) => s.open)
  const messages = useMessages()
  // A phone's month is a grid of days over the picked day's tasks, not FullCalendar's (phone-month-view.tsx says why).
  const phoneMonth = useNarrowScreen() && view === 'month'
  const [showFirstRun, setShowFirstRun] = useState(IS_FIRST_RUN)
  useUndoShortcuts()

  useEffect(() => {
    document.documentElement.lang = language
    document.title = messages.appName
  }, [language, messages])

  useEffect(() => {
    let cancel = scheduleIdle(() => {
      // Two idle slots, not one long task: the chunk's loading (evaluated when it arrives), then ICU's start.
      void loadCampaignCalendar().then(() => { cancel = scheduleIdle(warmUpDateFormatting, PRELOAD_CALENDAR_TIMEOUT_MS) }, () => {})
    }, PRELOAD_CALENDAR_TIMEOUT_MS)
    return () => cancel()
  }, [])

  useEffect(() => {
    // Plans connected before a reload sync again, and plans following a higher-level plan pull again
    // (read-only). Their chunks (then PouchDB) load only when such a link was saved: most pages have
    // none, and the chunks' loading cost ~35 ms of a phone's start (4× CPU) before the first paint.
    if (isStored(STORAGE_KEYS.syncConnections)) {
      void import('@/store/sync/browser-sync').then((sync) => sync.resumeSavedConnections(usePlannerStore)).catch(() => {})
    }
    if (isStored(STORAGE_KEYS.syncFollows)) {
      void import('@/store/sync/browser-follow').then((follow) => follow.resumeSavedFollows(usePlannerStore)).catch(() => {})
    }
  }, [])

  useEffect(() => {
    void requestPersistentStorage().then((persistence) => usePlannerStore.setState({ persistence }))
  }, [])

  return (
    <div className="app">
      <SkipLink targetId={CALENDAR_AREA_ID} label={messages.skipToCalendar} />
      <TopBar />
      {showFirstRun ? (
        <div className="first-run-banner" role="note">
          <span>{messages.firstRun}</span>
          <button type="button" className="icon-button" aria-label={messages.notices.dismiss} onClick={() => setShowFirstRun(false)}>×</button>
        </div>
      ) : null}
      <NoticeRegion />
      <AppUpdateNotice />
      <div className="main">
        <SidePanel />
        <main className="calendar-area" id={CALENDAR_AREA_ID}>
          <CalendarToolbar />
          <FilterBar />
          {/* Keyed by the kind of view: another view gets another try; month, week and year share one
              calendar (a phone's month is not FullCalendar's: it shows even when that chunk failed). */}
          <ViewFailureBoundary key={phoneMonth ? 'phone-month' : viewKind(view)} message={messages.viewFailed} reloadLabel={messages.appUpdate.reload}>
            {view === 'list' ? <TaskListView /> : phoneMonth ? <PhoneMonthView dayTasks={(day) => <TaskListView day={day} />} /> : view === 'timeline' ? (
              <Suspense fallback={<p className="view-loading" role="status">{messages.timeline.loading}</p>}>
                <TimelineView />
              </Suspense>
            ) : view === 'dashboard' ? (
              <Suspense fallback={<p className="view-loading" role="status">{messages.dashboard.loading}</p>}>
                <DashboardView />
              </Suspense>
            ) : (
              <Suspense fallback={<p className="view-loading" role="status">{messages.calendar.loading}</p>}>
                <CampaignCalendar view={view} />
              </Suspense>
            )}
          </ViewFailureBoundary>
        </main>
      </div>
      <TaskEditorDialog />
      <Suspense fallback={null}>
        {settingsOpen ? <SettingsDialog /> : null}
        {electionDialogOpen ? <ElectionDialog /> : null}
        {checksOpen ? <ChecksPanel /> : null}
        {plansOpen ? <PlansDialog /> : null}
        {transferKind === 'export' ? <ExportDialog /> : null}
        {transferKind === 'import' ? <ImportDialog /> : null}
        {printRequested ? <PrintSchedule /> : null}
        {syncDialog === 'connect' ? <SyncConnectDialog /> : null}
        {syncDialog === 'conflicts' ? <SyncConflictDialog /> : null}
        {syncDialog === 'follow' ? <SyncFollowDialog /> : null}
      </Suspense>
    </div>
  )
}
