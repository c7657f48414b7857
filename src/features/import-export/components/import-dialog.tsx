/**
 * "Nhập": choose a file, see what it would do ("N thêm mới, M cập nhật, K không đổi", and the rows
 * that could not be read), then apply it as one undo step. A bad file shows its message and changes
 * nothing.
 */
import { useId, useMemo, useState } from 'react'
import { applyImport, type ImportMode } from '@/domain/plan/import-tasks'
import { newId } from '@/domain/plan/ids'
import { ModalDialog } from '@/components/modal-dialog'
import { useLanguage, useMessages } from '@/components/use-messages'
import { readImportFile, type ImportReading } from '@/features/import-export/utils/read-import-file'
import { readChosenFile } from '@/lib/file-read'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

const MAX_PROBLEMS_SHOWN = 20

export function ImportDialog() {
  const dialog = usePlannerStore((s) => s.transferDialog)
  if (dialog.kind !== 'import') return null
  return <ImportForm />
}

function ImportForm() {
  const plan = usePlannerStore(selectActivePlan)
  const messages = useMessages()
  const language = useLanguage()
  const t = messages.importDialog
  const uid = useId()
  const [reading, setReading] = useState<ImportReading | null>(null)
  const [busy, setBusy] = useState(false)
  const [mode, setMode] = useState<ImportMode | 'new-plan'>('merge')
  const close = () => usePlannerStore.getState().setTransferDialog({ kind: 'closed' })

  const outcome = useMemo(
    // Only the counts are shown; apply computes again with the real time.
    () => (reading?.ok ? applyImport(plan, reading.source, mode === 'replace' ? 'replace' : 'merge', 0) : null),
    [reading, plan, mode],
  )

  const choose = async (file: File | undefined) => {
    if (!file) return
    setBusy(true)
    setReading(null)
    const read = await readChosenFile(file)
    setReading(read ? await readImportFile(file.name, read.bytes, plan, Date.now(), messages, language) : { ok: false, message: t.errors.failed })
    setBusy(false)
  }

  const apply = () => {
    if (!reading?.ok) return
    if (mode === 'new-plan' && reading.wholePlan) {
      // A backup of a plan this browser already has gets a new id, so both can live side by side.
      const state = usePlannerStore.getState()
      const incoming = reading.wholePlan
      const id = state.plans[incoming.id] ? newId('plan') : incoming.id
      state.addPlan({ ...incoming, id, name: state.plans[incoming.id] ? `${incoming.name} (${t.imported})` : incoming.name })
      state.pushNotice({ id: newId('notice'), kind: 'imported', added: Object.keys(incoming.tasks).length, updated: 0, unchanged: 0 })
      close()
      return
    }
    // Computed again at apply time: the plan may have changed (another tab) since the preview.
    const current = selectActivePlan(usePlannerStore.getState())
    const result = applyImport(current, reading.source, mode === 'replace' ? 'replace' : 'merge', Date.now())
    const state = usePlannerStore.getState()
    state.replaceActivePlan(result.plan)
    state.pushNotice({ id: newId('notice'), kind: 'imported', added: result.added, updated: result.updated, unchanged: result.unchanged })
    close()
  }

  return (
    <ModalDialog title={t.title} onRequestClose={close} className="import-dialog" labelledById={`${uid}-import`}>
      <div className="field">
        <label className="field-label" htmlFor={`${uid}-file`}>{t.chooseFile}</label>
        <input id={`${uid}-file`} type="file" accept=".json,.ics,.csv,.xlsx,application/json,text/calendar,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void choose(e.target.files?.[0])} data-testid="import-file" />
      </div>
      {busy ? <p role="status">{t.reading}</p> : null}
      {reading && !reading.ok ? (
        <div className="form-error-summary" role="alert" data-testid="import-error">
          {reading.message} {t.unchangedPlan}
        </div>
      ) : null}
      {reading?.ok && outcome ? (
        <div className="import-preview" data-testid="import-preview">
          <fieldset>
            <legend>{t.mode}</legend>
            <label className="checkbox"><input type="radio" name="mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />{t.modeMerge}</label>
            <label className="checkbox"><input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />{t.modeReplace}</label>
            {reading.wholePlan ? (
              <label className="checkbox"><input type="radio" name="mode" value="new-plan" checked={mode === 'new-plan'} onChange={() => setMode('new-plan')} />{t.modeNewPlan}</label>
            ) : null}
          </fieldset>
          <p role="status"><strong>{t.preview}:</strong> <span data-testid="import-summary">{mode === 'new-plan' && reading.wholePlan ? t.newPlanSummary(reading.wholePlan.name, Object.keys(reading.wholePlan.tasks).length) : t.summary(outcome.added, outcome.updated, outcome.unchanged)}</span>
            {outcome.removed > 0 ? ` · −${outcome.removed}` : ''}</p>
          {reading.problems.length > 0 ? (
            <div className="import-problems">
              <p>{t.skipped(reading.problems.length)}</p>
              <ul>{reading.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p, i) => <li key={i}>{p}</li>)}</ul>
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" onClick={close}>{messages.editor.cancel}</button>
        <button type="button" className="primary" disabled={!reading?.ok} onClick={apply}>{t.apply}</button>
      </div>
    </ModalDialog>
  )
}
