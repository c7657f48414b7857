/**
 * The import worker's work, as a plain object that takes requests and posts answers, so it runs the
 * same in the worker (import.worker.ts), on the main thread where there is no Worker
 * (import-client.ts), and in Vitest. One session serves one dialog: it keeps the file it read, so
 * that a foreign sheet's mapping can be changed and previewed without sending 50,000 rows back
 * and forth, and the tasks cross to the main thread only when the user applies them.
 */
import { applyImport, type ImportSource } from '@/domain/plan/import-tasks'
import type { Plan, Task } from '@/domain/types'
import { MAX_IMPORT_BYTES } from '@/io/import-limits'
import { applyColumnMapping, FOREIGN_PREVIEW_ROWS, readForeignSheet } from '@/io/schedule-table/column-mapping'
import type { ColumnMapping, ForeignSheetResult, MappingResult } from '@/io/schedule-table/import-result'
import { HEADER_ROW_CHOICES } from '@/features/import-export/utils/column-mapping-view'
import {
  MAX_PROBLEMS_SENT, TAKE_PART_TASKS, type ForeignPreview, type ImportAnswer, type ImportCounts, type ImportRequest, type ImportStage, type OwnPreview, type ProgressUnit,
} from '@/features/import-export/utils/import-protocol'
import { readImportFile, type FileReading } from '@/features/import-export/utils/read-import-file'

/** Progress is posted at most this often (each post is a task on the main thread). */
const PROGRESS_INTERVAL_MS = 100

/** Restores of the warm-up sample: enough for V8 to compile the restore's hot functions. */
const WARM_UP_RUNS = 10

type Post = (answer: ImportAnswer) => void

interface Foreign { format: 'csv' | 'xlsx'; all: ForeignSheetResult; sheet: ForeignSheetResult; mapping: ColumnMapping }

export interface ImportSession {
  handle(request: ImportRequest): Promise<void>
}

export function createImportSession(post: Post, clock: () => number = () => performance.now()): ImportSession {
  let plan: Plan | null = null
  let own: Extract<FileReading, { kind: 'own' }> | null = null
  let foreign: Foreign | null = null

  const progress = (id: number) => {
    let last = -Infinity
    let lastStage: ImportStage | null = null
    return (stage: ImportStage, done: number, total: number | null, unit?: ProgressUnit) => {
      const t = clock()
      if (stage === lastStage && t - last < PROGRESS_INTERVAL_MS && done !== total) return
      last = t
      lastStage = stage
      post({ type: 'progress', id, stage, done, total, ...(unit ? { unit } : {}) })
    }
  }

  async function read(request: Extract<ImportRequest, { type: 'read' }>): Promise<void> {
    own = null
    foreign = null
    plan = request.plan
    const report = progress(request.id)
    if (request.file.size > MAX_IMPORT_BYTES) {
      post({ type: 'read', id: request.id, result: { ok: false, failure: { kind: 'tooLarge', bytes: request.file.size, limit: MAX_IMPORT_BYTES } } })
      return
    }
    const bytes = await readBytes(request.file, (done, total) => report('reading', done, total))
    if (bytes === null) {
      post({ type: 'read', id: request.id, result: { ok: false, failure: { kind: 'file', error: 'failed' } } })
      return
    }
    const reading = await readImportFile(request.name, bytes, request.plan, request.now, (done, total, unit) => report('parsing', done, total, unit))
    if (!reading.ok) {
      post({ type: 'read', id: request.id, result: { ok: false, failure: reading.failure } })
      return
    }
    if (reading.kind === 'foreign') {
      foreign = { format: reading.format, all: reading.foreign, sheet: reading.foreign, mapping: reading.foreign.suggestedMapping }
      report('preview', 0, null)
      post({ type: 'read', id: request.id, result: { ok: true, preview: foreignPreview(foreign, request.plan) } })
      return
    }
    own = reading
    report('preview', 0, reading.source.tasks.length)
    const preview: OwnPreview = {
      kind: 'own',
      format: reading.format,
      counts: countBoth(request.plan, reading.source),
      problems: reading.problems.slice(0, MAX_PROBLEMS_SENT),
      problemCount: reading.problems.length,
      report: reading.report,
      newPlan: reading.wholePlan
        ? { name: reading.wholePlan.name, taskCount: Object.keys(reading.wholePlan.tasks).length, planCount: 1 + reading.otherPlans.length }
        : null,
    }
    post({ type: 'read', id: request.id, result: { ok: true, preview } })
  }

  function map(request: Extract<ImportRequest, { type: 'map' }>): void {
    if (!foreign || !plan) {
      post({ type: 'map', id: request.id, preview: null })
      return
    }
    if (request.headerRow !== null) {
      foreign.sheet = readForeignSheet(foreign.all.sheetRows, request.headerRow)
      foreign.mapping = foreign.sheet.suggestedMapping
    }
    if (request.mapping !== null) foreign.mapping = request.mapping
    post({ type: 'map', id: request.id, preview: foreignPreview(foreign, plan) })
  }

  function take(request: Extract<ImportRequest, { type: 'take' }>): void {
    const { id } = request
    const sendTasks = (tasks: readonly Task[]) => {
      for (let i = 0; i < tasks.length; i += TAKE_PART_TASKS) post({ type: 'take-part', id, tasks: tasks.slice(i, i + TAKE_PART_TASKS) })
    }
    if (foreign && request.plan) {
      const again = mapSheet(foreign.sheet, foreign.mapping, request.plan, request.now)
      if (again.ok) sendTasks(again.tasks)
      post({ type: 'take', id, source: again.ok ? { units: again.newUnits } : null, wholePlan: null, taskKeys: null, otherPlans: [] })
      return
    }
    if (own?.wholePlan) {
      // The backup's plan carries its tasks: they travel once, in parts, and are put back by key.
      const { tasks, ...rest } = own.wholePlan
      sendTasks(Object.values(tasks))
      post({ type: 'take', id, source: null, wholePlan: rest, taskKeys: Object.keys(tasks), otherPlans: own.otherPlans })
      return
    }
    if (own) {
      const { tasks, ...rest } = own.source
      sendTasks(tasks)
      post({ type: 'take', id, source: rest, wholePlan: null, taskKeys: null, otherPlans: [] })
      return
    }
    post({ type: 'take', id, source: null, wholePlan: null, taskKeys: null, otherPlans: [] })
  }

  return {
    async handle(request) {
      try {
        switch (request.type) {
          case 'read': return await read(request)
          case 'map': return map(request)
          case 'take': return take(request)
          case 'warm': {
            const { parseBackup, serializeBackup } = await import('@/io/backup/backup-file')
            const text = serializeBackup([request.sample], new Date(0))
            for (let i = 0; i < WARM_UP_RUNS; i += 1) parseBackup(text)
            return
          }
        }
      } catch {
        // Every request gets its answer, or the dialog would wait forever: an unexpected error is a failed read.
        own = null
        foreign = null
        if (request.type === 'read') post({ type: 'read', id: request.id, result: { ok: false, failure: { kind: 'file', error: 'failed' } } })
        else if (request.type === 'map') post({ type: 'map', id: request.id, preview: null })
        else if (request.type === 'take') post({ type: 'take', id: request.id, source: null, wholePlan: null, taskKeys: null, otherPlans: [] })
      }
    },
  }
}

/**
 * Reads a Blob; null when the browser cannot read it. In one piece: reading a 7 MB file as a
 * stream, chunk by chunk with progress, took ~150 ms in Chromium against ~20 ms for arrayBuffer(),
 * and a local file is read in well under a second either way (the parse is what needs a progress bar).
 */
async function readBytes(file: Blob, onProgress: (done: number, total: number) => void): Promise<Uint8Array | null> {
  try {
    onProgress(0, file.size)
    const bytes = new Uint8Array(await file.arrayBuffer())
    onProgress(bytes.byteLength, bytes.byteLength)
    return bytes
  } catch {
    return null
  }
}

/** What "Nhập" would do in each mode: only the counts leave the worker. */
function countBoth(plan: Plan, source: ImportSource): Record<'merge' | 'replace', ImportCounts> {
  const counts = (mode: 'merge' | 'replace'): ImportCounts => {
    // The time does not change the counts; apply computes again with the real time.
    const { added, updated, unchanged, removed } = applyImport(plan, source, mode, 0)
    return { added, updated, unchanged, removed }
  }
  return { merge: counts('merge'), replace: counts('replace') }
}

/** A foreign sheet's rows as tasks for this plan; unknown unit names become new units. */
function mapSheet(sheet: ForeignSheetResult, mapping: ColumnMapping, plan: Plan, now: number): MappingResult {
  return applyColumnMapping(sheet.rows, mapping, plan, now, 2, { addUnknownUnits: true })
}

function foreignPreview(foreign: Foreign, plan: Plan): ForeignPreview {
  const { sheet, mapping } = foreign
  // The preview maps with time 0: apply maps again on the plan as it is then, with the real time.
  const mapped = mapSheet(sheet, mapping, plan, 0)
  return {
    kind: 'foreign',
    format: foreign.format,
    sheet: { headers: sheet.headers, headerRow: sheet.headerRow, subHeaderRow: sheet.subHeaderRow, samples: sheet.samples, suggestedMapping: sheet.suggestedMapping },
    headerChoices: foreign.all.sheetRows.slice(0, HEADER_ROW_CHOICES),
    mapping,
    mapped: mapped.ok
      ? {
        ok: true,
        tasks: mapped.tasks.slice(0, FOREIGN_PREVIEW_ROWS),
        rowNumbers: mapped.rowNumbers.slice(0, FOREIGN_PREVIEW_ROWS),
        taskCount: mapped.tasks.length,
        errors: mapped.errors.slice(0, MAX_PROBLEMS_SENT),
        errorCount: mapped.errors.length,
        warnings: mapped.warnings.slice(0, MAX_PROBLEMS_SENT),
        warningCount: mapped.warnings.length,
        newUnits: mapped.newUnits,
      }
      : { ok: false, missing: mapped.missing },
    counts: mapped.ok && mapped.tasks.length > 0 ? countBoth(plan, { tasks: mapped.tasks, units: mapped.newUnits }) : null,
  }
}
