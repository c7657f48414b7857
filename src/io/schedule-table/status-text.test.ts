import { describe, expect, it } from 'vitest'
import { parseStatusText, STATUS_LABELS } from '@/io/schedule-table/status-text'

describe('status text', () => {
  it('reads statuses the way people write them, in either language, with or without diacritics', () => {
    expect(parseStatusText('Hoàn thành')).toBe('done')
    expect(parseStatusText('hoan thanh')).toBe('done')
    expect(parseStatusText('In progress')).toBe('in-progress')
    expect(parseStatusText('maybe')).toBeNull()
  })

  it('reads back every label it writes', () => {
    for (const [status, labels] of Object.entries(STATUS_LABELS)) {
      expect(parseStatusText(labels.vi)).toBe(status)
      expect(parseStatusText(labels.en)).toBe(status)
    }
  })
})
