/**
 * Top bar: the app's name, the plan, election day with its weekday, the main actions, the language
 * switch and the save status (shared/design.md, "One screen").
 */
import { useShallow } from 'zustand/react/shallow'
import { formatDateWithWeekday } from '@/domain/dates/format-date'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import { addDays, todayIn } from '@/domain/dates/local-date'
import { useLanguage, useMessages } from '@/components/use-messages'
import { UndoRedoButtons } from '@/features/history/components/undo-redo-buttons'
import { LastBackupButton, SaveStatusIndicator } from '@/features/persistence/components/save-status'
import { useDownloadBackup } from '@/components/use-download-backup'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

export function TopBar() {
  const plan = usePlannerStore(selectActivePlan)
  const calendarDate = usePlannerStore((s) => s.calendar.date)
  const { openEditor, setSettingsOpen, setLanguage } = usePlannerStore(
    useShallow((s) => ({ openEditor: s.openEditor, setSettingsOpen: s.setSettingsOpen, setLanguage: s.setLanguage })),
  )
  const messages = useMessages()
  const language = useLanguage()
  const downloadBackup = useDownloadBackup()

  const addTask = () => {
    // A new task starts on the day in view (today when today is in the period shown).
    const today = todayIn(plan.timeZone)
    const start = today.slice(0, 7) === calendarDate.slice(0, 7) ? today : calendarDate
    openEditor({ mode: 'create', draft: emptyTaskDraft(start, addDays(start, 1), true) })
  }

  return (
    <header className="top-bar">
      <div className="top-bar-line">
        <h1 className="app-name">{messages.appName}</h1>
        <span className="plan-name" title={plan.name}>{messages.plan}: <strong>{plan.name}</strong></span>
        <span className="election-day-label" data-testid="election-day">
          {messages.electionDay}: <strong>{formatDateWithWeekday(plan.election.electionDay, language)}</strong>
        </span>
      </div>
      <div className="top-bar-line actions">
        <button type="button" className="primary" onClick={addTask}>+ {messages.addTask}</button>
        <details className="menu">
          <summary>{messages.export} ▾</summary>
          <div className="menu-items" role="menu">
            <button type="button" role="menuitem" onClick={(e) => { downloadBackup(); (e.currentTarget.closest('details') as HTMLDetailsElement).open = false }}>
              {messages.backup.download}
            </button>
          </div>
        </details>
        <UndoRedoButtons />
        <button type="button" onClick={() => setSettingsOpen(true)}>{messages.settings}</button>
        <button type="button" lang={language === 'vi' ? 'en' : 'vi'} aria-label={messages.languageLabel} onClick={() => setLanguage(language === 'vi' ? 'en' : 'vi')}>
          <span className={language === 'vi' ? 'lang-active' : ''}>VI</span>|<span className={language === 'en' ? 'lang-active' : ''}>EN</span>
        </button>
        <span className="spacer" />
        <SaveStatusIndicator />
        <LastBackupButton />
      </div>
    </header>
  )
}
