/**
 * Reading a table (a CSV's records, an XLSX sheet's rows, as text cells) back: shared by the CSV and
 * XLSX importers so that both read the same columns the same way. Our own export is recognised by its
 * machine column labels (own-file.ts); any other sheet is "foreign" (column-mapping.ts). Nothing here
 * throws or touches the plan it is given: the caller decides what to do with the tasks.
 */
import type { EpochMs, Plan } from '@/domain/types'
import { HEADER_SCAN_ROWS, readForeignSheet } from '@/io/schedule-table/column-mapping'
import { MAX_IMPORT_ROWS } from '@/io/import-limits'
import {
  isBlankRow, type ForeignSheetResult, type OwnSheetResult, type SheetRow, type TooManyRows,
} from '@/io/schedule-table/import-result'
import { ownColumns, readOwnRows, type OwnRowsOptions } from '@/io/schedule-table/own-file'

export type InterpretOptions = OwnRowsOptions

/**
 * Decides what a sheet is and reads it: our own export (tasks), a foreign sheet (headers and a
 * suggested mapping), or null when it has no non-empty row at all. A sheet with more data rows than
 * the limit is refused before any is read.
 */
export function interpretSheet(
  rows: readonly SheetRow[], plan: Plan, now: EpochMs, options: InterpretOptions = {},
): OwnSheetResult | ForeignSheetResult | TooManyRows | null {
  const nonEmpty = rows.filter((row) => !isBlankRow(row.cells))
  if (nonEmpty.length === 0) return null
  // Every row under the first counts, title lines of a foreign sheet too: a few rows' slack at most.
  if (nonEmpty.length - 1 > MAX_IMPORT_ROWS) return { ok: false, error: 'tooManyRows', count: nonEmpty.length - 1, limit: MAX_IMPORT_ROWS }
  const scanned = nonEmpty.slice(0, HEADER_SCAN_ROWS)

  for (let i = 0; i < scanned.length; i += 1) {
    const columns = ownColumns(scanned[i]!.cells)
    if (columns) return readOwnRows(nonEmpty[i]!, nonEmpty.slice(i + 1), columns, plan, now, options)
  }

  return readForeignSheet(nonEmpty)
}

