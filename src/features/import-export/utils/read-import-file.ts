/**
 * File → tasks to import, whatever the format: the type is told by the extension and checked
 * against the content. A CSV or Excel sheet that is not our own export comes back as a foreign
 * sheet, for the column-mapping step. The format modules are loaded only now (lazily). Never
 * throws; nothing here touches the plan.
 */
import type { ImportSource } from '@/domain/plan/import-tasks'
import type { Language } from '@/domain/dates/format-date'
import type { Plan } from '@/domain/types'
import type { Messages } from '@/lib/i18n/catalog'
import { describeRowIssue } from '@/io/schedule-table/import-messages'
import type { ForeignSheetResult } from '@/io/schedule-table/schedule-import'

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

export type ImportReading =
  | { ok: true; format: 'json' | 'ics' | 'csv' | 'xlsx'; source: ImportSource; problems: string[]; wholePlan?: Plan; foreign?: undefined }
  | { ok: false; message: string }

/** A CSV or Excel sheet in someone else's layout: its columns still have to be mapped onto task fields. */
export interface ForeignReading {
  ok: true
  format: 'csv' | 'xlsx'
  foreign: ForeignSheetResult
}

type Kind = 'json' | 'ics' | 'csv' | 'xlsx'

function detectKind(name: string, bytes: Uint8Array): Kind | null {
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

export async function readImportFile(
  name: string, bytes: Uint8Array, plan: Plan, now: number, messages: Messages, language: Language,
): Promise<ImportReading | ForeignReading> {
  const errors = messages.importDialog.errors
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, message: errors.tooLarge }
  const kind = detectKind(name, bytes)
  if (kind === null) return { ok: false, message: errors.unknownType }
  const text = () => new TextDecoder('utf-8').decode(bytes)
  try {
    switch (kind) {
      case 'json': {
        const { parseBackup } = await import('@/io/backup/backup-file')
        const result = parseBackup(text())
        if (!result.ok) {
          return { ok: false, message: result.error === 'newerVersion' ? errors.newerVersion(result.version ?? 0) : errors[result.error] }
        }
        const chosen = result.plans.find((p) => p.id === plan.id) ?? result.plans[0]!
        const problems = result.report.droppedTasks > 0 ? [messages.notices.repairedSave(result.report.droppedTasks, result.report.droppedOther, null)] : []
        return { ok: true, format: 'json', source: { tasks: Object.values(chosen.tasks), units: chosen.units, channels: chosen.channels }, problems, wholePlan: chosen }
      }
      case 'ics': {
        const { parseIcs } = await import('@/io/ics/ics-file')
        const result = parseIcs(text(), plan, now)
        if (!result.ok) return { ok: false, message: errors[result.error] }
        return { ok: true, format: 'ics', source: { tasks: result.tasks }, problems: [
          ...result.skipped.map((s) => messages.importDialog.icsSkipped(s.index + 1, messages.importDialog.icsReasons[s.reason])),
          // A rule the planner cannot keep (monthly, no end…) comes in as separate tasks: say so.
          ...result.expandedSeries.map((index) => messages.importDialog.icsExpanded(index + 1)),
        ] }
      }
      case 'csv': {
        const { parseCsv } = await import('@/io/csv/csv-file')
        const result = parseCsv(text(), plan, now)
        if (!result.ok) return { ok: false, message: errors[result.error] }
        if (result.kind === 'foreign') return { ok: true, format: 'csv', foreign: result }
        return { ok: true, format: 'csv', source: { tasks: result.tasks }, problems: [...result.errors, ...result.warnings].map((issue) => describeRowIssue(issue, language)) }
      }
      case 'xlsx': {
        const { parseXlsx } = await import('@/io/xlsx/xlsx-file')
        const result = await parseXlsx(bytes, plan, now)
        if (!result.ok) return { ok: false, message: errors[result.error as keyof typeof errors] as string ?? errors.failed }
        if (result.kind === 'foreign') return { ok: true, format: 'xlsx', foreign: result }
        return { ok: true, format: 'xlsx', source: { tasks: result.tasks }, problems: [...result.errors, ...result.warnings].map((issue) => describeRowIssue(issue, language)) }
      }
    }
  } catch {
    return { ok: false, message: errors.failed }
  }
}
