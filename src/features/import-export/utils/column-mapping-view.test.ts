import { describe, expect, it } from 'vitest'
import { assignField, columnLetter, rowSummary, shorten, taskTimeLabel } from '@/features/import-export/utils/column-mapping-view'

describe('column mapping view', () => {
  it('names columns with the letters a spreadsheet shows', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA'])
  })

  it('gives a field to one column only, except notes, which add up', () => {
    const mapping = { 0: null, 1: 'title' as const, 2: 'start' as const, 3: 'description' as const }
    expect(assignField(mapping, 0, 'title')).toEqual({ 0: 'title', 1: null, 2: 'start', 3: 'description' })
    expect(assignField(mapping, 0, 'description')).toEqual({ 0: 'description', 1: 'title', 2: 'start', 3: 'description' })
    expect(assignField(mapping, 2, null)).toEqual({ 0: null, 1: 'title', 2: null, 3: 'description' })
  })

  it('shows rows and tasks on one line', () => {
    expect(rowSummary(['STT', ' Nội dung\ncông việc ', '', 'Ghi chú'])).toBe('STT | Nội dung công việc | Ghi chú')
    expect(shorten('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`)
    expect(taskTimeLabel({ allDay: true, start: '2021-04-01', end: '2021-05-01' })).toBe('01/04/2021 – 30/04/2021')
    expect(taskTimeLabel({ allDay: true, start: '2021-05-05', end: '2021-05-06' })).toBe('05/05/2021')
    expect(taskTimeLabel({ allDay: false, start: '2021-05-10T08:00', end: '2021-05-10T09:30' })).toBe('10/05/2021 08:00 – 09:30')
    expect(taskTimeLabel({ allDay: false, start: '2021-05-10T20:00', end: '2021-05-11T06:00' })).toBe('10/05/2021 20:00 – 11/05/2021 06:00')
  })
})
