import { describe, expect, it } from 'vitest'
import { contrastRatio, readableTextColor } from '@/domain/colors/readable-text'

describe('readableTextColor', () => {
  it('puts black text on pale colours a user may pick', () => {
    for (const pale of ['#ffff00', '#ffeb3b', '#a5d6a7', '#ffffff', '#fc0']) {
      expect(readableTextColor(pale)).toBe('#000000')
    }
  })

  it('keeps white text on dark colours', () => {
    for (const dark of ['#455a64', '#0b5cad', '#8a1510', '#000000']) expect(readableTextColor(dark)).toBe('#ffffff')
  })

  it('always reaches 4.5:1 on any grey and on the pure hues', () => {
    const samples = ['#ff0000', '#00ff00', '#0000ff', '#00ffff', '#ff00ff', '#ff8800']
    for (let v = 0; v <= 255; v += 5) samples.push(`#${v.toString(16).padStart(2, '0').repeat(3)}`)
    for (const color of samples) expect(contrastRatio(color, readableTextColor(color))!).toBeGreaterThanOrEqual(4.5)
  })

  it('falls back to white for something that is not a hex colour', () => {
    expect(readableTextColor('red')).toBe('#ffffff')
    expect(contrastRatio('nope', '#fff')).toBeNull()
  })

  it('computes the WCAG ratio of black on white as 21', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5)
  })
})
