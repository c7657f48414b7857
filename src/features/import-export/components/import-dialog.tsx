/**
 * "Nhập": choose a file, see what it would do ("N thêm mới, M cập nhật, K không đổi", and the rows
 * that could not be read), then apply it as one undo step. A bad file shows its message and changes
 * nothing. A CSV or Excel sheet in someone else's layout goes through the column-mapping step
 * first (header row, a field for each column, a live preview); the plan is unchanged until applied.
 *
 * The file is read, parsed and previewed in a worker (import-client.ts), with a progress bar and
 * "Hủy", so a 100,000-event calendar never freezes the page; the tasks come to this thread only
 * when "Nhập" is clicked.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { applyImport, type ImportMode, type ImportSource } from '@/domain/plan/import-tasks'
import { newId } from '@/domain/plan/ids'
import { ModalDialog } from '@/components/modal-dialog'
import { useLanguage, useMessages } from '@/components/use-messages'
import { MAX_IMPORT_BYTES } from '@/io/import-limits'
import type { ColumnMapping } from '@/io/schedule-table/import-result'
import { ColumnMappingStep } from '@/features/import-export/components/column-mapping-step'
import { createImportClient, type ImportClient } from '@/features/import-export/utils/import-client'
import type { ForeignPreview, ImportFailure, ImportStage, OwnPreview, ProgressUnit } from '@/features/import-export/utils/import-protocol'
import {
  describeImportFailure, describeImportProblem, describeImportProgress, describeRestoreReport,
} from '@/features/import-export/utils/describe-import'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

const MAX_PROBLEMS_SHOWN = 20

interface Progress { stage: ImportStage | 'applying'; done: number; total: number | null; unit?: ProgressUnit }

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
  const clientRef = useRef<ImportClient | null>(null)
  const client = () => (clientRef.current ??= createImportClient())
  const [progress, setProgress] = useState<Progress | null>(null)
  const [failure, setFailure] = useState<ImportFailure | null>(null)
  const [own, setOwn] = useState<OwnPreview | null>(null)
  const [foreign, setForeign] = useState<ForeignPreview | null>(null)
  const [cancelled, setCancelled] = useState(false)
  // A foreign sheet being mapped again (50,000 rows take the worker a moment): the counts shown are the old ones.
  const [remapping, setRemapping] = useState(false)
  const [mode, setMode] = useState<ImportMode | 'new-plan'>('merge')
  // Mapping answers come back in order; one overtaken by a later change is dropped.
  const mappingSeq = useRef(0)
  // A previewed file's tasks, already on their way here while the user reads the preview.
  const prefetched = useRef<ReturnType<ImportClient['take']> | null>(null)
  const close = () => usePlannerStore.getState().setTransferDialog({ kind: 'closed' })

  // The worker starts with the dialog, and closing the dialog stops whatever it is doing.
  useEffect(() => {
    const current = (clientRef.current ??= createImportClient())
    current.warmUp(selectActivePlan(usePlannerStore.getState()))
    return () => current.cancel()
  }, [])

  const reset = () => {
    prefetched.current = null
    mappingSeq.current += 1
    setRemapping(false)
    setFailure(null)
    setOwn(null)
    setForeign(null)
    setCancelled(false)
    setMode('merge')
  }

  const choose = async (file: File | undefined) => {
    if (!file) return
    client().cancel() // a second file replaces the first, even mid-read
    reset()
    // Checked before a byte is read: the limit is named in the message.
    if (file.size > MAX_IMPORT_BYTES) {
      setProgress(null)
      setFailure({ kind: 'tooLarge', bytes: file.size, limit: MAX_IMPORT_BYTES })
      return
    }
    setProgress({ stage: 'reading', done: 0, total: file.size })
    const result = await client().read(file, file.name, plan, Date.now(), (stage, done, total, unit) => setProgress({ stage, done, total, unit }))
    if (result === null) return // cancelled, or replaced by another file
    setProgress(null)
    if (!result.ok) setFailure(result.failure)
    else if (result.preview.kind === 'foreign') setForeign(result.preview)
    else {
      setOwn(result.preview)
      // The tasks come over now, in parts of ~10 ms each, while the user reads the preview.
      prefetched.current = client().take(null, Date.now())
    }
  }

  const cancel = () => {
    client().cancel()
    setProgress(null)
    reset()
    setCancelled(true)
  }

  const remap = async (change: { headerRow: number } | { mapping: ColumnMapping }) => {
    if (!foreign) return
    const seq = ++mappingSeq.current
    // The selects follow the choice at once; the preview follows when the worker has mapped the rows.
    if ('mapping' in change) setForeign({ ...foreign, mapping: change.mapping })
    setRemapping(true)
    const next = await client().map(change)
    if (seq !== mappingSeq.current) return
    setRemapping(false)
    if (next) setForeign(next)
  }

  const counts = own?.counts ?? foreign?.counts ?? null
  const canApply = counts !== null && progress === null && !remapping

  const apply = async () => {
    if (!canApply) return
    setProgress({ stage: 'applying', done: 0, total: null })
    // A foreign sheet is mapped again on the current plan (another tab may have added a unit since the preview).
    const taken = foreign ? await client().take(selectActivePlan(usePlannerStore.getState()), Date.now()) : await (prefetched.current ?? client().take(null, Date.now()))
    if (taken === null) {
      setProgress(null) // cancelled meanwhile
      return
    }
    const state = usePlannerStore.getState()
    if (mode === 'new-plan' && taken.wholePlan) {
      // Every plan of the backup is added (a backup of all plans holds several); the first one opens.
      // A plan this browser already has gets a new id, so both can live side by side.
      const incoming = [...taken.otherPlans.slice().reverse(), taken.wholePlan]
      let added = 0
      for (const plan of incoming) {
        const exists = usePlannerStore.getState().plans[plan.id] !== undefined
        usePlannerStore.getState().addPlan({ ...plan, id: exists ? newId('plan') : plan.id, name: exists ? `${plan.name} (${t.imported})` : plan.name })
        added += Object.keys(plan.tasks).length
      }
      state.pushNotice({ id: newId('notice'), kind: 'imported', added, updated: 0, unchanged: 0 })
      close()
      return
    }
    const whole = taken.wholePlan
    const source: ImportSource | null = whole ? { tasks: Object.values(whole.tasks), units: whole.units, channels: whole.channels } : taken.source
    if (!source) {
      setProgress(null)
      setFailure({ kind: 'file', error: 'failed' })
      return
    }
    // Computed again at apply time: the plan may have changed (another tab) since the preview.
    const result = applyImport(selectActivePlan(state), source, mode === 'replace' ? 'replace' : 'merge', Date.now())
    state.replaceActivePlan(result.plan)
    state.pushNotice({ id: newId('notice'), kind: 'imported', added: result.added, updated: result.updated, unchanged: result.unchanged })
    close()
  }

  const problems = own ? [...describeRestoreReport(own.report, messages), ...own.problems.map((p) => describeImportProblem(p, messages, language))] : []
  const problemCount = own ? problems.length - own.problems.length + own.problemCount : 0
  const shownCounts = counts?.[mode === 'replace' ? 'replace' : 'merge']

  return (
    <ModalDialog title={t.title} onRequestClose={close} className={foreign ? 'import-dialog is-mapping' : 'import-dialog'} labelledById={`${uid}-import`}>
      <div className="field">
        <label className="field-label" htmlFor={`${uid}-file`}>{t.chooseFile}</label>
        <input id={`${uid}-file`} type="file" accept=".json,.ics,.csv,.xlsx,application/json,text/calendar,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void choose(e.target.files?.[0])} data-testid="import-file" disabled={progress?.stage === 'applying'} />
      </div>
      {progress ? (
        <div className="import-progress" data-testid="import-progress">
          {/* Not a live region: a label that changes ten times a second would be read out endlessly. */}
          <p id={`${uid}-progress`}>
            {progress.stage === 'applying' ? t.progress.applying : describeImportProgress(progress.stage, progress.done, progress.total, messages, language, progress.unit)}
          </p>
          {/* Without a total (a backup being parsed) the bar is indeterminate. */}
          <progress aria-labelledby={`${uid}-progress`} max={progress.total ?? undefined} value={progress.total ? progress.done : undefined} />
          {progress.stage !== 'applying' ? <button type="button" onClick={cancel}>{t.cancelReading}</button> : null}
        </div>
      ) : null}
      {cancelled ? <p role="status" data-testid="import-cancelled">{t.cancelled}</p> : null}
      {remapping ? <p role="status" className="muted small">{t.progress.preview(null)}</p> : null}
      {failure ? (
        <div className="form-error-summary" role="alert" data-testid="import-error">
          {describeImportFailure(failure, messages, language)} {t.unchangedPlan}
        </div>
      ) : null}
      {foreign ? (
        <ColumnMappingStep preview={foreign} plan={plan} messages={messages} language={language}
          onMappingChange={(mapping) => void remap({ mapping })} onHeaderRowChange={(headerRow) => void remap({ headerRow })} />
      ) : null}
      {shownCounts ? (
        <div className="import-preview" data-testid="import-preview">
          <fieldset>
            <legend>{t.mode}</legend>
            <label className="checkbox"><input type="radio" name="mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />{t.modeMerge}</label>
            <label className="checkbox"><input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />{t.modeReplace}</label>
            {own?.newPlan ? (
              <label className="checkbox"><input type="radio" name="mode" value="new-plan" checked={mode === 'new-plan'} onChange={() => setMode('new-plan')} />{t.modeNewPlan}</label>
            ) : null}
          </fieldset>
          <p role="status"><strong>{t.preview}:</strong> <span data-testid="import-summary">{mode === 'new-plan' && own?.newPlan ? t.newPlanSummary(own.newPlan.name, own.newPlan.taskCount, own.newPlan.planCount) : t.summary(shownCounts.added, shownCounts.updated, shownCounts.unchanged)}</span>
            {mode !== 'new-plan' && shownCounts.removed > 0 ? ` · −${shownCounts.removed}` : ''}</p>
          {problemCount > 0 ? (
            <div className="import-problems">
              <p>{t.skipped(problemCount)}</p>
              <ul>{problems.slice(0, MAX_PROBLEMS_SHOWN).map((p, i) => <li key={i}>{p}</li>)}</ul>
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" onClick={close} disabled={progress?.stage === 'applying'}>{messages.editor.cancel}</button>
        <button type="button" className="primary" disabled={!canApply} onClick={() => void apply()}>{t.apply}</button>
      </div>
    </ModalDialog>
  )
}
