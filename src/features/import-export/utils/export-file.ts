/**
 * Plan → file, per format. The format modules are loaded only when the user exports (exceljs alone
 * is larger than the rest of the app), so none of them is in the initial bundle.
 */
import type { Language } from '@/domain/dates/format-date'
import type { Plan, Task } from '@/domain/types'
import type { ScheduleRange } from '@/io/schedule-table/schedule-rows'

/** The JSON backup is not here: it always covers the whole plan and goes through the store's downloadBackup. */
export type ExportFormat = 'ics' | 'xlsx' | 'docx' | 'csv'

export interface ExportRequest {
  plan: Plan
  tasks: readonly Task[]
  includeMilestones: boolean
  language: Language
  now: Date
  /** The scope's days (a phase, a date range): the tables leave out a series' occurrences outside them. */
  range?: ScheduleRange | null
}

export interface ExportFile {
  fileName: string
  content: BlobPart
  mimeType: string
}

export async function buildExportFile(format: ExportFormat, request: ExportRequest): Promise<ExportFile> {
  const { plan, tasks, includeMilestones, language, now, range = null } = request
  switch (format) {
    case 'ics': {
      const ics = await import('@/io/ics/ics-export')
      return { fileName: ics.icsFileName(plan), content: ics.serializeIcs(plan, { tasks, includeMilestones, language, now }), mimeType: ics.ICS_MIME_TYPE }
    }
    case 'xlsx': {
      const xlsx = await import('@/io/xlsx/xlsx-file')
      const bytes = await xlsx.serializeXlsx(plan, { tasks, language, now: now.getTime(), range })
      return { fileName: xlsx.xlsxFileName(plan), content: bytes as Uint8Array<ArrayBuffer>, mimeType: xlsx.XLSX_MIME_TYPE }
    }
    case 'docx': {
      const docx = await import('@/io/docx/docx-file')
      const bytes = await docx.serializeDocx(plan, { tasks, language, now, range })
      return { fileName: docx.docxFileName(plan), content: bytes as Uint8Array<ArrayBuffer>, mimeType: docx.DOCX_MIME_TYPE }
    }
    case 'csv': {
      const csv = await import('@/io/csv/csv-file')
      return { fileName: csv.csvFileName(plan), content: csv.serializeCsv(plan, { tasks, language, range }), mimeType: csv.CSV_MIME_TYPE }
    }
  }
}
