import { describe, expect, it } from 'vitest'
import { startViewFor } from '@/app/start-view'

describe('startViewFor', () => {
  it('opens a phone without a view in its address on the list', () => {
    expect(startViewFor('', true)).toBe('list')
    expect(startViewFor('?plan=p1&date=2021-05-23&q=pano', true)).toBe('list')
  })

  it('keeps the view an address names on a phone', () => {
    expect(startViewFor('?view=month', true)).toBeNull()
    expect(startViewFor('?plan=p1&view=year', true)).toBeNull()
    expect(startViewFor('?view=timeline', true)).toBeNull()
  })

  it('reads an empty or unknown view as none', () => {
    expect(startViewFor('?view=', true)).toBe('list')
    expect(startViewFor('?view=agenda', true)).toBe('list')
  })

  it('leaves a wide screen on the store\'s own view', () => {
    expect(startViewFor('', false)).toBeNull()
    expect(startViewFor('?view=list', false)).toBeNull()
  })
})
