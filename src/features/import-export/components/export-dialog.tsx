/**
 * "Xuất": one dialog for every format. Scope (whole plan, one phase, one lead unit, a date range)
 * and milestones on/off; the file is built by a lazily loaded format module and downloaded.
 */
import { useId, useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { formatDate, parseDisplayDate } from '@/domain/dates/format-date'
import { addDays, isValidLocalDate } from '@/domain/dates/local-date'
import { selectTasksForExport, type ExportScope } from '@/domain/plan/export-scope'
import { useVisibleTaskPredicate } from '@/store/use-task-filter'
import { DocxPlaceHint } from '@/features/import-export/components/docx-place-hint'
import { scheduleRangeOfScope } from '@/io/schedule-table/schedule-rows'
import { ModalDialog } from '@/components/modal-dialog'
import { useLanguage, useMessages } from '@/components/use-messages'
import { buildExportFile, type ExportFormat } from '@/features/import-export/utils/export-file'
import { downloadFile } from '@/lib/file-download'
import { newId } from '@/domain/plan/ids'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

type Format = ExportFormat | 'print' | 'json'
const FORMATS: Format[] = ['ics', 'xlsx', 'docx', 'csv', 'print', 'json']

export function ExportDialog() {
  const dialog = usePlannerStore((s) => s.transferDialog)
  if (dialog.kind !== 'export') return null
  return <ExportForm initialFormat={dialog.format} />
}

function ExportForm({ initialFormat }: { initialFormat: Format }) {
  const plan = usePlannerStore(selectActivePlan)
  const { setTransferDialog, pushNotice } = usePlannerStore(
    useShallow((s) => ({ setTransferDialog: s.setTransferDialog, pushNotice: s.pushNotice })),
  )
  const downloadBackup = usePlannerStore((s) => s.downloadBackup)
  const messages = useMessages()
  const t = messages.exportDialog
  const language = useLanguage()
  const uid = useId()
  const [format, setFormat] = useState<Format>(initialFormat)
  // With a filter on, "what is shown" is the natural scope: the file holds the tasks on screen.
  const keep = useVisibleTaskPredicate()
  const shownCount = useMemo(() => (keep === null ? 0 : Object.values(plan.tasks).filter(keep).length), [plan.tasks, keep])
  const [scopeKind, setScopeKind] = useState<ExportScope['kind']>(keep === null ? 'all' : 'shown')
  const [phaseId, setPhaseId] = useState(plan.phases[0]?.id ?? '')
  const [unitId, setUnitId] = useState(plan.units[0]?.id ?? '')
  const firstDay = plan.phases[0]?.start ?? plan.election.electionDay
  const lastDay = plan.phases.length > 0 ? addDays(plan.phases[plan.phases.length - 1]!.end, -1) : plan.election.electionDay
  const [from, setFrom] = useState(formatDate(firstDay))
  const [to, setTo] = useState(formatDate(lastDay))
  const [includeMilestones, setIncludeMilestones] = useState(true)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const close = () => setTransferDialog({ kind: 'closed' })

  const readScope = (): ExportScope | null => {
    switch (scopeKind) {
      case 'all': return { kind: 'all' }
      case 'shown': return { kind: 'shown' }
      case 'phase': return { kind: 'phase', phaseId }
      case 'lead-unit': return { kind: 'lead-unit', unitId }
      case 'range': {
        const a = parseDisplayDate(from)
        const b = parseDisplayDate(to)
        if (!a || !b || !isValidLocalDate(a) || !isValidLocalDate(b)) { setError(messages.errors.invalidDate); return null }
        if (b < a) { setError(messages.errors.endBeforeStart); return null }
        return { kind: 'range', from: a, to: b }
      }
    }
  }

  const run = async (event: React.FormEvent) => {
    event.preventDefault()
    setError(null)
    if (format === 'json') {
      // The same download as the top bar's backup button (it also records the time of the backup).
      if (downloadBackup()) close()
      else setError(t.failed)
      return
    }
    const scope = readScope()
    if (!scope) return
    const tasks = selectTasksForExport(plan, scope, keep)
    const range = scheduleRangeOfScope(plan, scope)
    if (format === 'print') {
      setTransferDialog({ kind: 'closed' })
      usePlannerStore.setState({ printRequest: { taskIds: tasks.map((t) => t.id), includeMilestones, range, requestedAt: Date.now() } })
      return
    }
    setBusy(true)
    try {
      const file = await buildExportFile(format, { plan, tasks, includeMilestones, language, now: new Date(), range })
      if (!downloadFile(file.fileName, file.content, file.mimeType)) throw new Error('download')
      pushNotice({ id: newId('notice'), kind: 'exported', fileName: file.fileName, count: tasks.length })
      close()
    } catch {
      setError(t.failed)
    } finally {
      setBusy(false)
    }
  }

  const count = format === 'json' ? Object.keys(plan.tasks).length : null
  return (
    <ModalDialog title={messages.export} onRequestClose={close} className="export-dialog" labelledById={`${uid}-export`}>
      <form onSubmit={run} noValidate>
        <fieldset>
          <legend>{t.format}</legend>
          <div className="radio-grid">
            {FORMATS.map((f) => (
              <label key={f} className="checkbox">
                <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} />
                {t.formats[f]}
              </label>
            ))}
          </div>
        </fieldset>
        {format !== 'json' ? (
          <fieldset>
            <legend>{t.scope}</legend>
            {keep !== null ? (
              <label className="checkbox"><input type="radio" name="scope" checked={scopeKind === 'shown'} onChange={() => setScopeKind('shown')} />{t.scopeShown(shownCount)}</label>
            ) : null}
            <label className="checkbox"><input type="radio" name="scope" checked={scopeKind === 'all'} onChange={() => setScopeKind('all')} />{t.scopeAll}</label>
            <label className="checkbox">
              <input type="radio" name="scope" checked={scopeKind === 'phase'} onChange={() => setScopeKind('phase')} />{t.scopePhase}
              <select aria-label={t.scopePhase} value={phaseId} disabled={scopeKind !== 'phase'} onChange={(e) => setPhaseId(e.target.value)}>
                {plan.phases.map((p) => <option key={p.id} value={p.id}>{language === 'en' && p.nameEn ? p.nameEn : p.name}</option>)}
              </select>
            </label>
            <label className="checkbox">
              <input type="radio" name="scope" checked={scopeKind === 'lead-unit'} onChange={() => setScopeKind('lead-unit')} />{t.scopeUnit}
              <select aria-label={t.scopeUnit} value={unitId} disabled={scopeKind !== 'lead-unit'} onChange={(e) => setUnitId(e.target.value)}>
                {plan.units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              </select>
            </label>
            <label className="checkbox">
              <input type="radio" name="scope" checked={scopeKind === 'range'} onChange={() => setScopeKind('range')} />{t.scopeRange}
              <input aria-label={t.from} className="date-input" value={from} disabled={scopeKind !== 'range'} onChange={(e) => setFrom(e.target.value)} placeholder="dd/mm/yyyy" />
              –
              <input aria-label={t.to} className="date-input" value={to} disabled={scopeKind !== 'range'} onChange={(e) => setTo(e.target.value)} placeholder="dd/mm/yyyy" />
            </label>
            {format === 'ics' || format === 'print' ? (
              <label className="checkbox">
                <input type="checkbox" checked={includeMilestones} onChange={(e) => setIncludeMilestones(e.target.checked)} />{t.includeMilestones}
              </label>
            ) : null}
          </fieldset>
        ) : <p className="muted">{t.backupWhole(count ?? 0)}</p>}
        {format === 'docx' ? <DocxPlaceHint /> : null}
        {format === 'csv' ? (
          // CSV is for re-import and other programs; what officials open, print and send is the Excel file.
          <div data-testid="csv-note">
            <p className="muted small">{t.csvNote}</p>
            <button type="button" onClick={() => setFormat('xlsx')}>{t.csvUseExcel}</button>
          </div>
        ) : null}
        {error ? <p className="form-error-summary" role="alert">{error}</p> : null}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" onClick={close}>{messages.editor.cancel}</button>
          <button type="submit" className="primary" disabled={busy}>{busy ? t.working : format === 'print' ? t.print : t.download}</button>
        </div>
      </form>
    </ModalDialog>
  )
}
