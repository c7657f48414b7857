/**
 * "Nhập": choose a file, see what it would do ("N thêm mới, M cập nhật, K không đổi", and the rows
 * that could not be read), then apply it as one undo step. A bad file shows its message and changes
 * nothing. A CSV or Excel sheet in someone else's layout goes through the column-mapping step
 * first (header row, a field for each column, a live preview); the plan is unchanged until applied.
 */
import { useId, useMemo, useState } from 'react'
import { applyImport, type ImportMode } from '@/domain/plan/import-tasks'
import { newId } from '@/domain/plan/ids'
import type { Plan } from '@/domain/types'
import { ModalDialog } from '@/components/modal-dialog'
import { useLanguage, useMessages } from '@/components/use-messages'
import { ColumnMappingStep } from '@/features/import-export/components/column-mapping-step'
import { readImportFile, type ForeignReading, type ImportReading } from '@/features/import-export/utils/read-import-file'
import {
  applyColumnMapping, readForeignSheet, type ColumnMapping, type ForeignSheetResult, type MappingResult,
} from '@/io/schedule-table/schedule-import'
import { readChosenFile } from '@/lib/file-read'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

const MAX_PROBLEMS_SHOWN = 20

/** A foreign sheet's rows as tasks for this plan; unknown unit names become new units. */
function mapSheet(sheet: ForeignSheetResult, mapping: ColumnMapping, plan: Plan, now: number): MappingResult {
  return applyColumnMapping(sheet.rows, mapping, plan, now, 2, { addUnknownUnits: true })
}

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
  const [fileReading, setFileReading] = useState<ImportReading | ForeignReading | null>(null)
  // A foreign sheet as read under the chosen header row, and the user's column mapping.
  const [sheet, setSheet] = useState<ForeignSheetResult | null>(null)
  const [mapping, setMapping] = useState<ColumnMapping>({})
  const [busy, setBusy] = useState(false)
  const [mode, setMode] = useState<ImportMode | 'new-plan'>('merge')
  const close = () => usePlannerStore.getState().setTransferDialog({ kind: 'closed' })

  // The preview only: apply maps the sheet again, on the plan as it is then, with the real time.
  const mapped = useMemo(() => (sheet ? mapSheet(sheet, mapping, plan, 0) : null), [sheet, mapping, plan])
  const reading = useMemo((): ImportReading | null => {
    if (!fileReading?.ok || !fileReading.foreign) return fileReading
    if (!mapped?.ok || mapped.tasks.length === 0) return null
    return { ok: true, format: fileReading.format, source: { tasks: mapped.tasks, units: mapped.newUnits }, problems: [] }
  }, [fileReading, mapped])

  const outcome = useMemo(
    // Only the counts are shown; apply computes again with the real time.
    () => (reading?.ok ? applyImport(plan, reading.source, mode === 'replace' ? 'replace' : 'merge', 0) : null),
    [reading, plan, mode],
  )

  const showSheet = (next: ForeignSheetResult | null) => {
    setSheet(next)
    setMapping(next?.suggestedMapping ?? {})
  }

  const choose = async (file: File | undefined) => {
    if (!file) return
    setBusy(true)
    setFileReading(null)
    showSheet(null)
    const read = await readChosenFile(file)
    const result = read ? await readImportFile(file.name, read.bytes, plan, Date.now(), messages, language) : { ok: false as const, message: t.errors.failed }
    setFileReading(result)
    if (result.ok && result.foreign) showSheet(result.foreign)
    setBusy(false)
  }

  const apply = () => {
    if (!reading?.ok) return
    if (sheet) {
      // Mapped again on the current plan (another tab may have added a unit since the preview).
      const state = usePlannerStore.getState()
      const current = selectActivePlan(state)
      const now = Date.now()
      const again = mapSheet(sheet, mapping, current, now)
      if (!again.ok) return
      const result = applyImport(current, { tasks: again.tasks, units: again.newUnits }, mode === 'replace' ? 'replace' : 'merge', now)
      state.replaceActivePlan(result.plan)
      state.pushNotice({ id: newId('notice'), kind: 'imported', added: result.added, updated: result.updated, unchanged: result.unchanged })
      close()
      return
    }
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
    <ModalDialog title={t.title} onRequestClose={close} className={sheet ? 'import-dialog is-mapping' : 'import-dialog'} labelledById={`${uid}-import`}>
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
      {fileReading?.ok && fileReading.foreign && sheet && mapped ? (
        <ColumnMappingStep sheet={sheet} sheetRows={fileReading.foreign.sheetRows} mapping={mapping} mapped={mapped} plan={plan}
          messages={messages} language={language} onMappingChange={setMapping}
          onHeaderRowChange={(row) => showSheet(readForeignSheet(fileReading.foreign.sheetRows, row))} />
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
