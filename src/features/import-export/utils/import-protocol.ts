/**
 * What the import dialog and the import worker (import.worker.ts) say to each other. Everything here
 * crosses postMessage, so it is plain data: no functions, no class instances. In particular the
 * i18n `Messages` object (functions) stays on the main thread: the worker answers with typed
 * failures and problems (codes, counts, limits), and describe-import.ts turns them into sentences
 * in the user's language.
 */
import type { ImportSource } from '@/domain/plan/import-tasks'
import type { RestoreReport } from '@/domain/plan/restore-plan'
import type { Plan, Task, Unit } from '@/domain/types'
import type { IcsSkipReason } from '@/io/ics/ics-import'
import type { MappedField } from '@/io/schedule-table/header-matching'
import type { ColumnMapping, ForeignSheetResult, RowIssue, SheetRow } from '@/io/schedule-table/import-result'

export type ImportFormat = 'json' | 'ics' | 'csv' | 'xlsx'

/** Why a file is refused as a whole; the plan is never touched. */
export type ImportFailure =
  | { kind: 'tooLarge'; bytes: number; limit: number }
  | { kind: 'tooManyEvents'; count: number; limit: number }
  | { kind: 'tooManyRows'; count: number; limit: number }
  /** An Excel workbook whose parts unpack to more than `limit` bytes. */
  | { kind: 'tooLargeUnpacked'; limit: number }
  | { kind: 'newerVersion'; version: number }
  | {
    kind: 'file'
    error: 'unknownType' | 'notJson' | 'notBackup' | 'noPlans' | 'notIcs' | 'notCsv' | 'notXlsx' | 'empty' | 'notUtf8' | 'legacyXls' | 'failed'
  }

/** Something in a file that was left out or changed while it was read; the rest is imported. */
export type ImportProblem =
  | { kind: 'icsSkipped'; index: number; reason: IcsSkipReason }
  | { kind: 'icsExpanded'; index: number }
  | { kind: 'row'; issue: RowIssue }

export interface ImportCounts { added: number; updated: number; unchanged: number; removed: number }

/** The preview of a file in one of our own layouts (a backup, an ICS calendar, our CSV/Excel export). */
export interface OwnPreview {
  kind: 'own'
  format: ImportFormat
  /** What "Nhập" would do to the plan the preview was computed on, in each mode. */
  counts: Record<'merge' | 'replace', ImportCounts>
  /** The first problems (MAX_PROBLEMS_SENT); `problemCount` is the exact number. */
  problems: ImportProblem[]
  problemCount: number
  /** A backup's restore report, as data: the main thread formats it. */
  report: RestoreReport | null
  /** A backup's plan, for "Thêm thành kế hoạch mới" (its name and size: the plan itself comes with `take`). */
  /** A backup: its plan, and how many plans it holds in all (a backup of every plan holds several). */
  newPlan: { name: string; taskCount: number; planCount: number } | null
}

/** The mapping of a foreign sheet as far as the dialog shows it (the tasks stay in the worker). */
export type MappedPreview =
  | {
    ok: true
    /** The first FOREIGN_PREVIEW_ROWS tasks and the rows they came from. */
    tasks: Task[]
    rowNumbers: number[]
    taskCount: number
    /** The first MAX_PROBLEMS_SENT issues of each kind; the counts are exact. */
    errors: RowIssue[]
    errorCount: number
    warnings: RowIssue[]
    warningCount: number
    newUnits: Unit[]
  }
  | { ok: false; missing: MappedField[] }

/** A CSV or Excel sheet in someone else's layout, under its current header row and mapping. */
export interface ForeignPreview {
  kind: 'foreign'
  format: 'csv' | 'xlsx'
  sheet: Pick<ForeignSheetResult, 'headers' | 'headerRow' | 'subHeaderRow' | 'samples' | 'suggestedMapping'>
  /** The first rows of the file, offered as the header row. */
  headerChoices: SheetRow[]
  mapping: ColumnMapping
  mapped: MappedPreview
  /** What "Nhập" would do, once the mapping yields tasks. */
  counts: Record<'merge' | 'replace', ImportCounts> | null
}

export type ReadResult = { ok: true; preview: OwnPreview | ForeignPreview } | { ok: false; failure: ImportFailure }

export type ImportStage = 'reading' | 'parsing' | 'preview'
export type ProgressUnit = 'events' | 'rows'

export type ImportRequest =
  /** Read, parse and preview a file against `plan`. The session keeps what it read for `map` and `take`. */
  | { type: 'read'; id: number; file: Blob; name: string; plan: Plan; now: number }
  /** A foreign sheet: another header row (its suggested mapping with it) or another mapping. */
  | { type: 'map'; id: number; headerRow: number | null; mapping: ColumnMapping | null }
  /**
   * The tasks to apply. A foreign sheet is mapped again on `plan` with the time `now` (the plan may
   * have gained a unit since the preview); other formats return what they read.
   */
  | { type: 'take'; id: number; plan: Plan | null; now: number }
  /**
   * While the user is still choosing a file: load the backup reader and run it a few times on `sample`
   * (a few tasks of the open plan), so that a fresh worker's first real restore runs on compiled code
   * (~0.8 s → ~0.55 s CPU for 10,000 tasks). No answer.
   */
  | { type: 'warm'; id: number; sample: Plan }

export type ImportAnswer =
  /** `unit`: what `done` and `total` count while parsing (calendar events, sheet rows), when known. */
  | { type: 'progress'; id: number; stage: ImportStage; done: number; total: number | null; unit?: ProgressUnit }
  | { type: 'read'; id: number; result: ReadResult }
  | { type: 'map'; id: number; preview: ForeignPreview | null }
  /** The tasks of a `take`, in parts (see TAKE_PART_TASKS); the `take` answer that follows ends it. */
  | { type: 'take-part'; id: number; tasks: Task[] }
  | {
    type: 'take'; id: number
    /** What was read, without its tasks (they came in the parts before). */
    source: Omit<ImportSource, 'tasks'> | null
    wholePlan: Omit<Plan, 'tasks'> | null
    /** The backup plan's task keys, in the order of the parts' tasks. */
    taskKeys: string[] | null
    /** A backup of every plan: the other plans, whole (restored only as new plans). */
    otherPlans: Plan[]
  }

/** Problems and row issues sent to the main thread (the dialog lists the first 20 with the total). */
export const MAX_PROBLEMS_SENT = 20

/**
 * Tasks per `take-part`. Receiving a message of 10,000 tasks is one main-thread task of ~100 ms (more
 * on a slow or busy machine); in parts, each is received in a task of its own, ~10 ms.
 */
export const TAKE_PART_TASKS = 1_000

/** The answers that end a request (progress and parts do not). */
export type FinalAnswer = Exclude<ImportAnswer, { type: 'progress' | 'take-part' }>

/** What "Nhập" applies: the file's tasks (with its units and channels), or a backup's whole plan. */
export interface TakenImport { source: ImportSource | null; wholePlan: Plan | null; otherPlans: Plan[] }

/** A `take` answer with the tasks of its parts put back in place. */
export function assembleTaken(answer: Extract<FinalAnswer, { type: 'take' }>, tasks: Task[]): TakenImport {
  const { source, wholePlan, taskKeys, otherPlans } = answer
  return {
    otherPlans,
    source: source ? { ...source, tasks } : null,
    // fromEntries defines own properties: a key such as "__proto__" stays a key, never a prototype.
    wholePlan: wholePlan ? { ...wholePlan, tasks: Object.fromEntries((taskKeys ?? []).map((key, i) => [key, tasks[i]!])) } : null,
  }
}
