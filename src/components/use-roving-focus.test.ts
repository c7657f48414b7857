import { describe, expect, it } from 'vitest'
import { nextRovingIndex } from '@/components/use-roving-focus'

describe('nextRovingIndex', () => {
  it('moves along its own axis and wraps at both ends', () => {
    expect(nextRovingIndex('ArrowRight', 0, 3, 'horizontal')).toBe(1)
    expect(nextRovingIndex('ArrowRight', 2, 3, 'horizontal')).toBe(0)
    expect(nextRovingIndex('ArrowLeft', 0, 3, 'horizontal')).toBe(2)
    expect(nextRovingIndex('ArrowDown', 2, 3, 'vertical')).toBe(0)
    expect(nextRovingIndex('ArrowUp', 0, 3, 'vertical')).toBe(2)
  })

  it('goes to the ends with Home and End', () => {
    expect(nextRovingIndex('Home', 2, 5, 'vertical')).toBe(0)
    expect(nextRovingIndex('End', 0, 5, 'horizontal')).toBe(4)
  })

  it('leaves the other axis, other keys and an empty group alone', () => {
    expect(nextRovingIndex('ArrowDown', 0, 3, 'horizontal')).toBeNull()
    expect(nextRovingIndex('ArrowRight', 0, 3, 'vertical')).toBeNull()
    expect(nextRovingIndex('Enter', 0, 3, 'vertical')).toBeNull()
    expect(nextRovingIndex('Home', 0, 0, 'vertical')).toBeNull()
  })

  it('enters at the first item going forward and the last going back when nothing is current', () => {
    expect(nextRovingIndex('ArrowDown', -1, 4, 'vertical')).toBe(0)
    expect(nextRovingIndex('ArrowUp', -1, 4, 'vertical')).toBe(3)
  })
})
