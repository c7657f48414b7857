import { describe, expect, it } from 'vitest'
import type { TaskRecurrence } from '@/domain/types'
import { appendNote, describeRecurrence, occurrenceNote, removeRecurrenceNote } from '@/io/schedule-table/recurrence-text'

const daily: TaskRecurrence = { frequency: 'daily', interval: 1, weekdays: [], until: '2021-05-23', count: null, exceptions: {} }
const weekly: TaskRecurrence = { ...daily, frequency: 'weekly', weekdays: ['TH', 'MO'] }

describe('recurrence in words', () => {
  it('says how often, on which weekdays and until when, in both languages', () => {
    expect(describeRecurrence(daily, 'vi')).toBe('Lặp lại hằng ngày đến 23/05/2021')
    expect(describeRecurrence(daily, 'en')).toBe('Repeats daily until 23/05/2021')
    expect(describeRecurrence({ ...daily, interval: 2 }, 'vi')).toBe('Lặp lại 2 ngày một lần đến 23/05/2021')
    expect(describeRecurrence({ ...daily, interval: 2 }, 'en')).toBe('Repeats every 2 days until 23/05/2021')
    expect(describeRecurrence(weekly, 'vi')).toBe('Lặp lại hằng tuần vào Thứ Hai, Thứ Năm đến 23/05/2021')
    expect(describeRecurrence(weekly, 'en')).toBe('Repeats weekly on Monday, Thursday until 23/05/2021')
    expect(describeRecurrence({ ...weekly, interval: 3, weekdays: ['SU', 'SA'] }, 'vi')).toBe('Lặp lại 3 tuần một lần vào Thứ Bảy, Chủ nhật đến 23/05/2021')
    expect(describeRecurrence({ ...weekly, weekdays: [] }, 'en')).toBe('Repeats weekly until 23/05/2021')
  })

  it('counts occurrences when the rule ends after a number of times', () => {
    expect(describeRecurrence({ ...daily, until: null, count: 10 }, 'vi')).toBe('Lặp lại hằng ngày, 10 lần')
    expect(describeRecurrence({ ...daily, until: null, count: 1 }, 'en')).toBe('Repeats daily, 1 time')
    expect(describeRecurrence({ ...daily, count: 5 }, 'en')).toBe('Repeats daily until 23/05/2021, at most 5 times')
    expect(describeRecurrence({ ...daily, count: 5 }, 'vi')).toBe('Lặp lại hằng ngày đến 23/05/2021, tối đa 5 lần')
  })

  it('names a moved occurrence’s original date', () => {
    expect(occurrenceNote(daily, { occurrenceDate: '2021-05-15', moved: true }, 'vi')).toBe('Lặp lại hằng ngày đến 23/05/2021 (dời từ 15/05/2021)')
    expect(occurrenceNote(daily, { occurrenceDate: '2021-05-15', moved: false }, 'en')).toBe('Repeats daily until 23/05/2021')
    expect(occurrenceNote(daily, 'none-left', 'en')).toBe('Repeats daily until 23/05/2021 (every occurrence cancelled)')
  })

  it('takes the note off a description read back, in either language, and leaves any other text', () => {
    const note = (description: string, language: 'vi' | 'en', moved = false) =>
      appendNote(description, occurrenceNote(daily, { occurrenceDate: '2021-05-15', moved }, language))
    for (const description of ['', 'Mỗi sáng.', 'Hai dòng\nthứ hai', 'Lặp lại hằng ngày đến 23/05/2021']) {
      for (const language of ['vi', 'en'] as const) {
        expect(removeRecurrenceNote({ description: note(description, language), recurrence: daily }).description).toBe(description)
        expect(removeRecurrenceNote({ description: note(description, language, true), recurrence: daily }).description).toBe(description)
      }
    }
    expect(removeRecurrenceNote({ description: 'a\r\nRepeats daily until 23/05/2021', recurrence: daily }).description).toBe('a')
    // Not this rule's sentence, or no rule at all: the user's text.
    expect(removeRecurrenceNote({ description: 'a\nLặp lại hằng ngày đến 24/05/2021', recurrence: daily }).description).toBe('a\nLặp lại hằng ngày đến 24/05/2021')
    expect(removeRecurrenceNote({ description: 'Lặp lại hằng ngày đến 23/05/2021', recurrence: null }).description).toBe('Lặp lại hằng ngày đến 23/05/2021')
    expect(removeRecurrenceNote(null)).toBeNull()
  })
})
