/**
 * The one screen: top bar, side panel, calendar (or the task list), and the dialogs.
 */
import { lazy, Suspense, useEffect, useState } from 'react'
import { useMessages } from '@/components/use-messages'
import { CalendarToolbar } from '@/features/calendar/components/calendar-toolbar'
import { CampaignCalendar } from '@/features/calendar/components/campaign-calendar'
import { FilterBar } from '@/features/filter/components/filter-bar'
import { useUndoShortcuts } from '@/features/history/components/undo-redo-buttons'
import { NoticeRegion } from '@/features/notices/components/notice-region'
import { SidePanel } from '@/features/side-panel/components/side-panel'
import { TaskEditorDialog } from '@/features/task-editor/components/task-editor-dialog'
import { TaskListView } from '@/features/task-list/components/task-list-view'
import { requestPersistentStorage } from '@/lib/persistent-storage'
import { plannerStorage, usePlannerStore } from '@/store/use-planner-store'
import { TopBar } from '@/app/top-bar'
import { LanguageProvider } from '@/app/language-provider'

// Dialogs load when first opened: they are not needed for the first paint.
const ChecksPanel = lazy(() => import('@/features/checks/components/checks-panel').then((m) => ({ default: m.ChecksPanel })))
const ElectionDialog = lazy(() => import('@/features/election-settings/components/election-dialog').then((m) => ({ default: m.ElectionDialog })))
const ExportDialog = lazy(() => import('@/features/import-export/components/export-dialog').then((m) => ({ default: m.ExportDialog })))
const ImportDialog = lazy(() => import('@/features/import-export/components/import-dialog').then((m) => ({ default: m.ImportDialog })))
const PrintSchedule = lazy(() => import('@/features/import-export/components/print-schedule').then((m) => ({ default: m.PrintSchedule })))
const PlansDialog = lazy(() => import('@/features/plans/components/plans-dialog').then((m) => ({ default: m.PlansDialog })))
const SettingsDialog = lazy(() => import('@/features/settings/components/settings-dialog').then((m) => ({ default: m.SettingsDialog })))
// The timeline carries FullCalendar's resource-timeline plugin: loaded when the view is first opened.
const TimelineView = lazy(() => import('@/features/timeline/components/timeline-view').then((m) => ({ default: m.TimelineView })))

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
  const messages = useMessages()
  const [showFirstRun, setShowFirstRun] = useState(IS_FIRST_RUN)
  useUndoShortcuts()

  useEffect(() => {
    document.documentElement.lang = language
    document.title = messages.appName
  }, [language, messages])

  useEffect(() => {
    void requestPersistentStorage().then((persistence) => usePlannerStore.setState({ persistence }))
  }, [])

  return (
    <div className="app">
      <TopBar />
      {showFirstRun ? (
        <div className="first-run-banner" role="note">
          <span>{messages.firstRun}</span>
          <button type="button" className="icon-button" aria-label={messages.notices.dismiss} onClick={() => setShowFirstRun(false)}>×</button>
        </div>
      ) : null}
      <NoticeRegion />
      <div className="main">
        <SidePanel />
        <main className="calendar-area">
          <CalendarToolbar />
          <FilterBar />
          {view === 'list' ? <TaskListView /> : view === 'timeline' ? (
            <Suspense fallback={<p className="view-loading" role="status">{messages.timeline.loading}</p>}>
              <TimelineView />
            </Suspense>
          ) : <CampaignCalendar view={view} />}
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
      </Suspense>
    </div>
  )
}
