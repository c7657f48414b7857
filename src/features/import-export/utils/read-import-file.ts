/**
 * File bytes → tasks to import, whatever the format: the type is told by the extension and checked
 * against the content. A CSV or Excel sheet that is not our own export comes back as a foreign
 * sheet, for the column-mapping step. The format modules are loaded only now (lazily). Runs in the
 * import worker (and on the main thread where there is no Worker), so it answers in data only:
 * typed failures and problems, never sentences. Never throws; nothing here touches the plan.
 */
import type { ImportSource } from '@/domain/plan/import-tasks'
import type { RestoreReport } from '@/domain/plan/restore-plan'
import type { Plan } from '@/domain/types'
import { MAX_IMPORT_BYTES } from '@/io/import-limits'
import type { ForeignSheetResult } from '@/io/schedule-table/import-result'
import type { ImportFailure, ImportFormat, ImportProblem, ProgressUnit } from '@/features/import-export/utils/import-protocol'

export type FileReading =
  | {
    ok: true; kind: 'own'; format: ImportFormat; source: ImportSource; problems: ImportProblem[]
    /** A backup's restore report (the main thread formats it), and the backup's plan. */
    report: RestoreReport | null; wholePlan: Plan | null
    /** A backup of every plan: the plans besides `wholePlan` ("add as new plans" restores them all). */
    otherPlans: Plan[]
  }
  | { ok: true; kind: 'foreign'; format: 'csv' | 'xlsx'; foreign: ForeignSheetResult }
  | { ok: false; failure: ImportFailure }

/** Rows or events parsed so far, of how many (null: not known yet). */
export type ParseProgress = (done: number, total: number | null, unit?: ProgressUnit) => void

export function detectImportFormat(name: string, bytes: Uint8Array): ImportFormat | null {
  const ext = name.toLowerCase().split('.').pop() ?? ''
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b
  if (ext === 'xlsx' || (isZip && ext !== 'json' && ext !== 'ics' && ext !== 'csv')) return 'xlsx'
  if (ext === 'json') return 'json'
  if (ext === 'ics' || ext === 'ical' || ext === 'ifb') return 'ics'
  if (ext === 'csv' || ext === 'txt') return 'csv'
  const head = new TextDecoder('utf-8').decode(bytes.slice(0, 200)).replace(/^\uFEFF/, '').trimStart()
  if (head.startsWith('{')) return 'json'
  if (head.startsWith('BEGIN:VCALENDAR')) return 'ics'
  return null
}

const fileError = (error: Extract<ImportFailure, { kind: 'file' }>['error']): FileReading => ({ ok: false, failure: { kind: 'file', error } })

type FormatRefusal =
  | { error: Extract<ImportFailure, { kind: 'file' }>['error'] | 'tooLarge' }
  | { error: 'tooManyRows'; count: number; limit: number }
  | { error: 'tooManyEvents'; count: number; limit: number }
  | { error: 'tooLargeUnpacked'; limit: number }

/** A format module's own refusal, with the numbers its message names (its size limit is MAX_IMPORT_BYTES too). */
function formatFailure(refusal: FormatRefusal, bytes: Uint8Array): FileReading {
  switch (refusal.error) {
    case 'tooLarge': return { ok: false, failure: { kind: 'tooLarge', bytes: bytes.byteLength, limit: MAX_IMPORT_BYTES } }
    case 'tooManyRows': return { ok: false, failure: { kind: 'tooManyRows', count: refusal.count, limit: refusal.limit } }
    case 'tooManyEvents': return { ok: false, failure: { kind: 'tooManyEvents', count: refusal.count, limit: refusal.limit } }
    case 'tooLargeUnpacked': return { ok: false, failure: { kind: 'tooLargeUnpacked', limit: refusal.limit } }
    default: return fileError(refusal.error)
  }
}

export async function readImportFile(
  name: string, bytes: Uint8Array, plan: Plan, now: number, onProgress: ParseProgress = () => {},
): Promise<FileReading> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, failure: { kind: 'tooLarge', bytes: bytes.byteLength, limit: MAX_IMPORT_BYTES } }
  const format = detectImportFormat(name, bytes)
  if (format === null) return fileError('unknownType')
  const text = () => new TextDecoder('utf-8').decode(bytes)
  try {
    switch (format) {
      case 'json': {
        const { parseBackup } = await import('@/io/backup/backup-file')
        onProgress(0, null)
        const result = parseBackup(text())
        if (!result.ok) {
          return result.error === 'newerVersion' ? { ok: false, failure: { kind: 'newerVersion', version: result.version ?? 0 } } : fileError(result.error)
        }
        const chosen = result.plans.find((p) => p.id === plan.id) ?? result.plans[0]!
        return {
          ok: true, kind: 'own', format, problems: [], report: result.report, wholePlan: chosen,
          otherPlans: result.plans.filter((p) => p !== chosen),
          source: { tasks: Object.values(chosen.tasks), units: chosen.units, channels: chosen.channels },
        }
      }
      case 'ics': {
        const { parseIcs } = await import('@/io/ics/ics-import')
        // The calendar reports two steps per event (read, then made a task): shown as events.
        const result = parseIcs(text(), plan, now, { onProgress: (done, total) => onProgress(Math.ceil(done / 2), Math.ceil(total / 2), 'events') })
        if (!result.ok) return formatFailure(result, bytes)
        return {
          ok: true, kind: 'own', format, source: { tasks: result.tasks }, report: null, wholePlan: null, otherPlans: [], problems: [
            ...result.skipped.map((s): ImportProblem => ({ kind: 'icsSkipped', index: s.index, reason: s.reason })),
            // A rule the planner cannot keep (monthly, no end…) comes in as separate tasks: say so.
            ...result.expandedSeries.map((index): ImportProblem => ({ kind: 'icsExpanded', index })),
          ],
        }
      }
      case 'csv': {
        const { parseCsv } = await import('@/io/csv/csv-file')
        const result = parseCsv(text(), plan, now, { onProgress: (done, total) => onProgress(done, total, 'rows') })
        if (!result.ok) return formatFailure(result, bytes)
        if (result.kind === 'foreign') return { ok: true, kind: 'foreign', format, foreign: result }
        return {
          ok: true, kind: 'own', format, source: { tasks: result.tasks }, report: null, wholePlan: null, otherPlans: [],
          problems: [...result.errors, ...result.warnings].map((issue): ImportProblem => ({ kind: 'row', issue })),
        }
      }
      case 'xlsx': {
        const { parseXlsx } = await import('@/io/xlsx/xlsx-file')
        const result = await parseXlsx(bytes, plan, now, { onProgress: (done, total) => onProgress(done, total, 'rows') })
        if (!result.ok) return formatFailure(result, bytes)
        if (result.kind === 'foreign') return { ok: true, kind: 'foreign', format, foreign: result }
        return {
          ok: true, kind: 'own', format, source: { tasks: result.tasks }, report: null, wholePlan: null, otherPlans: [],
          problems: [...result.errors, ...result.warnings].map((issue): ImportProblem => ({ kind: 'row', issue })),
        }
      }
    }
  } catch {
    return fileError('failed')
  }
}
