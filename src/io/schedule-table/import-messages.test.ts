import { describe, expect, it } from 'vitest'
import { describeImportError, describeRowIssue } from '@/io/schedule-table/import-messages'

describe('import messages', () => {
  it('name the row and what is wrong with it, in both languages', () => {
    expect(describeRowIssue({ row: 14, message: 'invalidStart', detail: '31/02/2021' }, 'vi')).toBe('Dòng 14: không đọc được ngày bắt đầu (“31/02/2021”).')
    expect(describeRowIssue({ row: 3, message: 'missingTitle' }, 'en')).toBe('Row 3: the task has no title.')
    expect(describeRowIssue({ row: 2, message: 'unknownUnit', detail: 'x'.repeat(200) }, 'en')).toHaveLength('Row 2: no such unit in the plan (left out) (“”).'.length + 80)
  })

  it('say why a whole file is refused', () => {
    expect(describeImportError('tooLarge', 'vi')).toContain('20 MB')
    expect(describeImportError('legacyXls', 'en')).toContain('.xlsx')
  })
})
