/**
 * Top bar: the app's name, the plan, election day with its weekday, the main actions, the language
 * switch and the save status (shared/design.md, "One screen").
 *
 * On a phone (NARROW_SCREEN_QUERY) the same things in two short lines: the side panel's drawer
 * button, the plan (truncated) and "Thao tác" (every other action, ActionsMenu); then "+ Thêm nhiệm
 * vụ", which stays visible, election day and the save status.
 */
import { useShallow } from 'zustand/react/shallow'
import { formatDateWithWeekday } from '@/domain/dates/format-date'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import { addDays, todayIn } from '@/domain/dates/local-date'
import { useLanguage, useMessages } from '@/components/use-messages'
import { useNarrowScreen } from '@/components/use-narrow-screen'
import { SidePanelDrawerButton } from '@/features/side-panel/components/side-panel'
import { UndoRedoButtons } from '@/features/history/components/undo-redo-buttons'
import { LastBackupButton, SaveStatusIndicator } from '@/features/persistence/components/save-status'
import { SyncMenuItem, SyncStatusButton } from '@/features/sync/components/sync-status'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'
import { ActionsMenu } from '@/app/actions-menu'
import { DetailsMenu } from '@/components/details-menu'

const EXPORT_FORMATS = ['ics', 'xlsx', 'docx', 'csv', 'print', 'json'] as const

export function TopBar() {
  const plan = usePlannerStore(selectActivePlan)
  // Strings, not objects: useShallow compares items with Object.is.
  const planEntries = usePlannerStore(useShallow((s) => Object.values(s.plans).map((p) => `${p.id}\u0000${p.name}`)))
  const planList = planEntries.map((entry) => ({ id: entry.split('\u0000')[0]!, name: entry.split('\u0000')[1]! }))
  const calendarDate = usePlannerStore((s) => s.calendar.date)
  const { openEditor, setSettingsOpen, setLanguage, setTransferDialog } = usePlannerStore(
    useShallow((s) => ({ openEditor: s.openEditor, setSettingsOpen: s.setSettingsOpen, setLanguage: s.setLanguage, setTransferDialog: s.setTransferDialog })),
  )
  const messages = useMessages()
  const language = useLanguage()
  const narrow = useNarrowScreen()

  const addTask = () => {
    // A new task starts on the day in view (today when today is in the period shown).
    const today = todayIn(plan.timeZone)
    const start = today.slice(0, 7) === calendarDate.slice(0, 7) ? today : calendarDate
    openEditor({ mode: 'create', draft: emptyTaskDraft(start, addDays(start, 1), true) })
  }

  const planSwitcher = (
    <label className="plan-name">
      <span className="plan-name-label">{messages.plan}:</span>{' '}
      <select aria-label={messages.plan} value={plan.id} data-testid="plan-switcher" onChange={(e) => usePlannerStore.getState().switchPlan(e.target.value)}>
        {planList.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
    </label>
  )
  const electionDayButton = (
    <button type="button" className="election-day-label link-button" data-testid="election-day" title={messages.electionDialog.open}
      onClick={() => usePlannerStore.getState().setElectionDialogOpen(true)}>
      {messages.electionDay}: <strong>{formatDateWithWeekday(plan.election.electionDay, language)}</strong>
    </button>
  )
  // Named by its content, not aria-label, so that each language's words carry their own lang: "VI EN,
  // Ngôn ngữ: chuyển sang English" reads "Ngôn ngữ…" in the page's language and "English" in English
  // (the visible "VI|EN" stays part of the name, for speech control).
  const otherLanguage = language === 'vi' ? 'en' : 'vi'
  const languageButton = (
    <button type="button" className="language-button" onClick={() => setLanguage(otherLanguage)}>
      <span lang="vi" className={language === 'vi' ? 'lang-active' : ''}>VI</span>
      <span aria-hidden="true">|</span>
      <span lang="en" className={language === 'en' ? 'lang-active' : ''}>EN</span>
      <span className="visually-hidden">, {messages.languageSwitchTo} <span lang={otherLanguage}>{messages.switchLanguage}</span></span>
    </button>
  )

  if (narrow) {
    return (
      <header className="top-bar is-narrow">
        <div className="top-bar-line">
          <SidePanelDrawerButton />
          <h1 className="app-name visually-hidden">{messages.appName}</h1>
          {planSwitcher}
          <ActionsMenu label={messages.phone.actions}>
            {(run) => (
              <>
                <button type="button" onClick={run(() => usePlannerStore.getState().setPlansOpen(true))}>{messages.plansButton}</button>
                <div className="actions-menu-group" role="group" aria-label={messages.export}>
                  <span className="actions-menu-heading" aria-hidden="true">{messages.export}</span>
                  {EXPORT_FORMATS.map((format) => (
                    <button key={format} type="button" onClick={run(() => setTransferDialog({ kind: 'export', format }))}>
                      {messages.exportDialog.formats[format]}
                    </button>
                  ))}
                </div>
                <button type="button" onClick={run(() => setTransferDialog({ kind: 'import' }))}>{messages.import}</button>
                <div className="actions-menu-row"><UndoRedoButtons /></div>
                <button type="button" onClick={run(() => usePlannerStore.getState().setChecksOpen(true))}>{messages.checksButton}</button>
                <button type="button" onClick={run(() => setSettingsOpen(true))}>{messages.settings}</button>
                <SyncMenuItem run={run} />
                {languageButton}
                <LastBackupButton />
              </>
            )}
          </ActionsMenu>
        </div>
        <div className="top-bar-line actions">
          <button type="button" className="primary" onClick={addTask}>+ {messages.addTask}</button>
          {electionDayButton}
          <span className="spacer" />
          <SyncStatusButton compact />
          <SaveStatusIndicator />
        </div>
      </header>
    )
  }

  return (
    <header className="top-bar">
      <div className="top-bar-line">
        <h1 className="app-name">{messages.appName}</h1>
        {planSwitcher}
        <button type="button" className="small-button" onClick={() => usePlannerStore.getState().setPlansOpen(true)}>{messages.plansButton}</button>
        {electionDayButton}
      </div>
      <div className="top-bar-line actions">
        <button type="button" className="primary" onClick={addTask}>+ {messages.addTask}</button>
        <DetailsMenu
          name={messages.export}
          items={EXPORT_FORMATS.map((format) => ({
            key: format, label: messages.exportDialog.formats[format], onSelect: () => setTransferDialog({ kind: 'export', format }),
          }))}
        />
        <button type="button" onClick={() => setTransferDialog({ kind: 'import' })}>{messages.import}</button>
        <UndoRedoButtons />
        <button type="button" onClick={() => usePlannerStore.getState().setChecksOpen(true)}>{messages.checksButton}</button>
        <button type="button" onClick={() => setSettingsOpen(true)}>{messages.settings}</button>
        {languageButton}
        <span className="spacer" />
        <SyncStatusButton />
        <SaveStatusIndicator />
        <LastBackupButton />
      </div>
    </header>
  )
}
