/**
 * The JSON backup file: a versioned envelope (documented in docs/file-format.md)
 *
 *   { type: "election-campaign-planner/backup", version, source, exportedAt, data: { plans: Plan[] } }
 *
 * Import runs guard → migrate → restore, and refuses a file of a newer version than this app knows.
 * The `type` string and the envelope's field names are shipped: never rename them.
 */
import { emptyReport, restorePlan, type RestoreReport } from '@/domain/plan/restore-plan'
import type { Plan } from '@/domain/types'

export const BACKUP_FILE_TYPE = 'election-campaign-planner/backup'
export const BACKUP_FILE_VERSION = 1
export const BACKUP_SOURCE = 'election-campaign-planner'
export const BACKUP_MIME_TYPE = 'application/json'

export interface BackupEnvelope {
  type: typeof BACKUP_FILE_TYPE
  version: number
  source: string
  /** ISO 8601 instant. */
  exportedAt: string
  data: { plans: Plan[] }
}

export type ParseBackupResult =
  | { ok: true; plans: Plan[]; report: RestoreReport; version: number }
  | { ok: false; error: 'notJson' | 'notBackup' | 'newerVersion' | 'noPlans'; version?: number }

export function serializeBackup(plans: readonly Plan[], exportedAt: Date): string {
  const envelope: BackupEnvelope = {
    type: BACKUP_FILE_TYPE,
    version: BACKUP_FILE_VERSION,
    source: BACKUP_SOURCE,
    exportedAt: exportedAt.toISOString(),
    data: { plans: [...plans] },
  }
  return JSON.stringify(envelope, null, 1)
}

/**
 * The backup's text, or null when the plans cannot be written as JSON. Restore bounds every field
 * (no value nested deeper than a save can write), so null is not expected; but a download must
 * never throw: the caller tells the user instead.
 */
export function trySerializeBackup(plans: readonly Plan[], exportedAt: Date): string | null {
  try {
    return serializeBackup(plans, exportedAt)
  } catch {
    return null
  }
}

export function parseBackup(text: string): ParseBackupResult {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { ok: false, error: 'notJson' }
  }
  if (!isBackupEnvelope(raw)) return { ok: false, error: 'notBackup' }
  if (raw.version > BACKUP_FILE_VERSION) return { ok: false, error: 'newerVersion', version: raw.version }
  const report = emptyReport()
  const rawPlans: unknown = (raw.data as { plans?: unknown } | null)?.plans
  const plans = (Array.isArray(rawPlans) ? rawPlans : [])
    .map((p) => restorePlan(p, report))
    .filter((p): p is Plan => p !== null)
  if (plans.length === 0) return { ok: false, error: 'noPlans' }
  return { ok: true, plans, report, version: raw.version }
}

/**
 * `ke-hoach-tuyen-truyen-bau-cu-2021-sao-luu-2026-11-22.json` for one plan (its election's year);
 * `ke-hoach-tuyen-truyen-bau-cu-tat-ca-sao-luu-2026-11-22.json` ("all") for several.
 */
export function backupFileName(plans: readonly Pick<Plan, 'election'>[], today: string): string {
  const what = plans.length === 1 ? plans[0]!.election.electionDay.slice(0, 4) : 'tat-ca'
  return `ke-hoach-tuyen-truyen-bau-cu-${what}-sao-luu-${today}.json`
}

function isBackupEnvelope(raw: unknown): raw is { type: string; version: number; data: unknown } {
  if (typeof raw !== 'object' || raw === null) return false
  const candidate = raw as Record<string, unknown>
  return candidate.type === BACKUP_FILE_TYPE && Number.isInteger(candidate.version) && (candidate.version as number) >= 1
}
