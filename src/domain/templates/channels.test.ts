import { describe, expect, it } from 'vitest'
import { CHANNEL_SEEDS } from '@/domain/templates/channels'

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

describe('channel palette', () => {
  it('keeps white event text readable (WCAG AA, contrast ≥ 4.5) on every channel colour', () => {
    for (const channel of CHANNEL_SEEDS) {
      const contrast = (1 + 0.05) / (luminance(channel.color) + 0.05)
      expect(contrast, `${channel.key} ${channel.color}`).toBeGreaterThanOrEqual(4.5)
    }
  })
})
