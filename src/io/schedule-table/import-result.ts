/**
 * What reading a table (a CSV's records, an XLSX sheet's rows, as text cells) gives back: the rows
 * as the file reader hands them over, and the results and row issues of our own and foreign sheets.
 * Row numbers are 1-based and are the numbers a spreadsheet shows (the header of a CSV is row 1), so
 * a message can say "row 14" and be found.
 */
import type { Task, Unit } from '@/domain/types'
import type { MappedField } from '@/io/schedule-table/header-matching'

/** One row of a sheet: its number as the spreadsheet shows it, and its cells as text. */
export interface SheetRow {
  number: number
  cells: string[]
  /** Set by the file reader when the row itself is broken (an unclosed quote in a CSV). */
  problem?: RowProblem
  /** XLSX: the indexes of cells that hold a formula; `cells` has their last computed values. */
  formulaColumns?: number[]
}

/** Why a row was not imported (errors) or was imported with something left out (warnings). */
export type RowProblem =
  // errors: the row is not imported
  | 'missingTitle'
  | 'missingStart'
  | 'invalidStart'
  | 'invalidEnd'
  | 'endBeforeStart'
  | 'invalidTask'
  | 'unclosedQuote'
  | 'wrongFieldCount'
  // warnings: the row is imported without the named part
  | 'unknownUnit'
  | 'unknownChannel'
  | 'unknownStatus'
  | 'invalidAnchor'
  | 'invalidTraining'
  | 'invalidSource'
  | 'invalidOtherData'
  | 'duplicateId'
  | 'sectionHeading'
  /** A machine column of our own file holds something it cannot (`RowIssue.column` names it). */
  | 'unreadableCell'
  /** A cell of our own file holds a formula: its last computed value was taken. */
  | 'formulaCell'

export interface RowIssue {
  /** 1-based row number as the spreadsheet shows it. */
  row: number
  message: RowProblem
  /** The offending text (a date that could not be read, an unknown unit name…), when there is one. */
  detail?: string
  /** The header of the column the issue is about, as the file has it ("Mức"), when it is about one cell. */
  column?: string
}

export interface OwnSheetResult {
  ok: true
  kind: 'own'
  tasks: Task[]
  errors: RowIssue[]
  warnings: RowIssue[]
}

/** Column index → the task field it fills, or null to ignore the column. */
export type ColumnMapping = Record<number, MappedField | null>

export interface ForeignSheetResult {
  ok: true
  kind: 'foreign'
  headers: string[]
  /** Row number of the header row (1 unless the sheet starts with a title). */
  headerRow: number
  suggestedMapping: ColumnMapping
  /** The first data rows, each as long as `headers`. */
  preview: string[][]
  /** Every data row, for `applyColumnMapping`. */
  rows: SheetRow[]
  /** Every non-empty row of the sheet, header and title rows too: `readForeignSheet` reads them again with another header row. */
  sheetRows: SheetRow[]
  /** A second header row merged into the first ("Thời gian" over "Từ ngày | Đến ngày"), or null. */
  subHeaderRow: number | null
  /** Up to three non-empty values of each column, to show what the column holds. */
  samples: string[][]
}

export type MappingResult =
  | {
    ok: true; tasks: Task[]; errors: RowIssue[]; warnings: RowIssue[]
    /** The sheet row each task came from (same order as `tasks`). */
    rowNumbers: number[]
    /** Units the sheet names that the plan lacks (only with `addUnknownUnits`); tasks refer to them. */
    newUnits: Unit[]
  }
  | { ok: false; error: 'mappingIncomplete'; missing: MappedField[] }

/** A sheet refused for its length: how many data rows it has, and the limit (MAX_IMPORT_ROWS). */
export interface TooManyRows {
  ok: false
  error: 'tooManyRows'
  count: number
  limit: number
}

/** Told how many of the rows have been read, at most every PROGRESS_EVERY_ROWS rows and once at the end. */
export type ImportProgress = (done: number, total: number) => void

export const PROGRESS_EVERY_ROWS = 500

/**
 * A function to call with each row's index (and with `total` at the end) that tells `onProgress` every
 * PROGRESS_EVERY_ROWS rows. Never lets a throwing callback stop the import.
 */
export function progressEvery(total: number, onProgress: ImportProgress | undefined): (done: number) => void {
  if (!onProgress) return () => {}
  return (done) => {
    if (done % PROGRESS_EVERY_ROWS !== 0 && done !== total) return
    try {
      onProgress(done, total)
    } catch {
      // the caller's progress bar is not ours to fail on
    }
  }
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '')
}
