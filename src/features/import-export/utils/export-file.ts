/**
 * Plan → file, per format. The format modules are loaded only when the user exports (exceljs alone
 * is larger than the rest of the app), so none of them is in the initial bundle.
 */
import type { Language } from '@/domain/dates/format-date'
import { todayIn } from '@/domain/dates/local-date'
import type { Plan, Task } from '@/domain/types'

export type ExportFormat = 'ics' | 'xlsx' | 'docx' | 'csv' | 'json'

export interface ExportRequest {
  plan: Plan
  tasks: readonly Task[]
  includeMilestones: boolean
  language: Language
  now: Date
}

export interface ExportFile {
  fileName: string
  content: BlobPart
  mimeType: string
}

export async function buildExportFile(format: ExportFormat, request: ExportRequest): Promise<ExportFile> {
  const { plan, tasks, includeMilestones, language, now } = request
  switch (format) {
    case 'ics': {
      const ics = await import('@/io/ics/ics-file')
      return { fileName: ics.icsFileName(plan), content: ics.serializeIcs(plan, { tasks, includeMilestones, language, now }), mimeType: ics.ICS_MIME_TYPE }
    }
    case 'xlsx': {
      const xlsx = await import('@/io/xlsx/xlsx-file')
      const bytes = await xlsx.serializeXlsx(plan, { tasks, language, now: now.getTime() })
      return { fileName: xlsx.xlsxFileName(plan), content: bytes as Uint8Array<ArrayBuffer>, mimeType: xlsx.XLSX_MIME_TYPE }
    }
    case 'docx': {
      const docx = await import('@/io/docx/docx-file')
      const bytes = await docx.serializeDocx(plan, { tasks, language, now })
      return { fileName: docx.docxFileName(plan), content: bytes as Uint8Array<ArrayBuffer>, mimeType: docx.DOCX_MIME_TYPE }
    }
    case 'csv': {
      const csv = await import('@/io/csv/csv-file')
      return { fileName: csv.csvFileName(plan), content: csv.serializeCsv(plan, { tasks, language }), mimeType: 'text/csv;charset=utf-8' }
    }
    case 'json': {
      const backup = await import('@/io/backup/backup-file')
      // A backup is always the whole plan: a scope would make it lossy.
      return { fileName: backup.backupFileName(plan, todayIn(plan.timeZone, now)), content: backup.serializeBackup([plan], now), mimeType: backup.BACKUP_MIME_TYPE }
    }
  }
}
