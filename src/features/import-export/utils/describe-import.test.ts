import { describe, expect, it } from 'vitest'
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '@/io/import-limits'
import { CATALOGS } from '@/lib/i18n/catalog'
import type { ImportFailure } from '@/features/import-export/utils/import-protocol'
import {
  describeImportFailure, describeImportProblem, describeImportProgress, describeRestoreReport,
} from '@/features/import-export/utils/describe-import'

const vi = CATALOGS.vi
const en = CATALOGS.en

describe('import messages from the worker’s typed answers', () => {
  it('names the size and the byte limit of a file that is too large, in each language', () => {
    const failure: ImportFailure = { kind: 'tooLarge', bytes: 26.5 * 1024 * 1024, limit: MAX_IMPORT_BYTES }
    expect(describeImportFailure(failure, vi, 'vi')).toBe('Tệp nặng 26,5 MB, vượt giới hạn 20 MB của một lần nhập.')
    expect(describeImportFailure(failure, en, 'en')).toBe('The file is 26.5 MB, over the 20 MB limit of one import.')
  })

  it('never says a file just over the limit is as big as the limit', () => {
    const text = describeImportFailure({ kind: 'tooLarge', bytes: MAX_IMPORT_BYTES + 1, limit: MAX_IMPORT_BYTES }, en, 'en')
    expect(text).toMatch(/^The file is 20\.1 MB, over the 20 MB limit/)
  })

  it('names the count and the limit of events and rows, with the language’s digit grouping', () => {
    expect(describeImportFailure({ kind: 'tooManyEvents', count: 100_000, limit: 50_000 }, vi, 'vi'))
      .toBe('Tệp có 100.000 sự kiện, vượt giới hạn 50.000 sự kiện của một lần nhập. Hãy tách thành nhiều tệp nhỏ hơn.')
    expect(describeImportFailure({ kind: 'tooManyRows', count: 200_000, limit: MAX_IMPORT_ROWS }, en, 'en'))
      .toBe(`The file holds 200,000 rows, over the limit of ${MAX_IMPORT_ROWS.toLocaleString('en')} rows per import. Split it into smaller files.`)
    expect(describeImportFailure({ kind: 'tooLargeUnpacked', limit: 200 * 1024 * 1024 }, vi, 'vi')).toMatch(/hơn 200 MB/)
  })

  it('gives every file error a sentence of its own catalog', () => {
    const codes = ['unknownType', 'notJson', 'notBackup', 'noPlans', 'notIcs', 'notCsv', 'notXlsx', 'empty', 'notUtf8', 'legacyXls', 'failed'] as const
    for (const error of codes) {
      expect(describeImportFailure({ kind: 'file', error }, vi, 'vi')).toBe(vi.importDialog.errors[error])
      expect(describeImportFailure({ kind: 'file', error }, en, 'en')).toBe(en.importDialog.errors[error])
    }
    expect(describeImportFailure({ kind: 'newerVersion', version: 7 }, vi, 'vi')).toMatch(/phiên bản 7/)
  })

  it('numbers calendar events from 1 and says row issues with their row', () => {
    expect(describeImportProblem({ kind: 'icsSkipped', index: 0, reason: 'noStart' }, vi, 'vi')).toBe('Sự kiện 1: thiếu thời gian bắt đầu')
    expect(describeImportProblem({ kind: 'icsExpanded', index: 4 }, en, 'en')).toMatch(/^Event 5: /)
    expect(describeImportProblem({ kind: 'row', issue: { row: 14, message: 'invalidStart', detail: '31/02/2021' } }, vi, 'vi'))
      .toBe('Dòng 14: không đọc được ngày bắt đầu (“31/02/2021”).')
  })

  it('lists a backup’s restore report only when tasks were lost', () => {
    const report = { droppedTasks: 0, repairedTasks: 2, droppedOther: 0, repairedOther: 0, details: [] }
    expect(describeRestoreReport(report, vi)).toEqual([])
    expect(describeRestoreReport(null, vi)).toEqual([])
    expect(describeRestoreReport({ ...report, droppedTasks: 3 }, vi)).toHaveLength(1)
  })

  it('labels the progress bar with what is done so far', () => {
    expect(describeImportProgress('reading', 3.5 * 1024 * 1024, 12 * 1024 * 1024, vi, 'vi')).toBe('Đang đọc tệp: 3,5 / 12 MB')
    expect(describeImportProgress('parsing', 20_000, 45_000, vi, 'vi', 'events')).toBe('Đang phân tích: 20.000 / 45.000 sự kiện')
    expect(describeImportProgress('parsing', 500, 50_000, en, 'en', 'rows')).toBe('Parsing: 500 / 50,000 rows')
    expect(describeImportProgress('parsing', 0, null, en, 'en')).toBe('Parsing the file…')
    expect(describeImportProgress('preview', 0, 10_000, en, 'en')).toBe('Preparing the preview of 10,000 tasks…')
  })
})
