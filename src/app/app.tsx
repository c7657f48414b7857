/**
 * The one screen: top bar, side panel, calendar (or the task list), and the dialogs.
 */
import { useEffect, useState } from 'react'
import { useMessages } from '@/components/use-messages'
import { CalendarToolbar } from '@/features/calendar/components/calendar-toolbar'
import { CampaignCalendar } from '@/features/calendar/components/campaign-calendar'
import { useUndoShortcuts } from '@/features/history/components/undo-redo-buttons'
import { NoticeRegion } from '@/features/notices/components/notice-region'
import { ChecksPanel } from '@/features/checks/components/checks-panel'
import { ElectionDialog } from '@/features/election-settings/components/election-dialog'
import { ExportDialog } from '@/features/import-export/components/export-dialog'
import { ImportDialog } from '@/features/import-export/components/import-dialog'
import { PrintSchedule } from '@/features/import-export/components/print-schedule'
import { SettingsDialog } from '@/features/settings/components/settings-dialog'
import { SidePanel } from '@/features/side-panel/components/side-panel'
import { TaskEditorDialog } from '@/features/task-editor/components/task-editor-dialog'
import { TaskListView } from '@/features/task-list/components/task-list-view'
import { requestPersistentStorage } from '@/lib/persistent-storage'
import { plannerStorage, usePlannerStore } from '@/store/use-planner-store'
import { TopBar } from '@/app/top-bar'

const IS_FIRST_RUN = plannerStorage.readOutcome.kind === 'empty'

export function App() {
  const view = usePlannerStore((s) => s.calendar.view)
  const language = usePlannerStore((s) => s.language)
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
          {view === 'list' ? <TaskListView /> : <CampaignCalendar view={view} />}
        </main>
      </div>
      <TaskEditorDialog />
      <SettingsDialog />
      <ElectionDialog />
      <ChecksPanel />
      <ExportDialog />
      <ImportDialog />
      <PrintSchedule />
    </div>
  )
}
