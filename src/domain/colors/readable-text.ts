/**
 * Text on a user-picked colour: black or white, whichever contrasts more (WCAG 2.1 relative
 * luminance). A channel colour comes from a colour input, so white text cannot be assumed: on a pale
 * yellow it reads at 1.1:1.
 */

/** WCAG 2.1 relative luminance of a `#rrggbb` (or `#rgb`) colour; null when it is not one. */
export function relativeLuminance(hex: string): number | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim())
  if (!match) return null
  const digits = match[1]!.length === 3 ? [...match[1]!].map((d) => d + d).join('') : match[1]!
  const channel = (i: number) => {
    const c = parseInt(digits.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}

/** WCAG contrast ratio between two colours (1 to 21); null when either is not a hex colour. */
export function contrastRatio(a: string, b: string): number | null {
  const la = relativeLuminance(a)
  const lb = relativeLuminance(b)
  if (la === null || lb === null) return null
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

export const DARK_TEXT = '#000000'
export const LIGHT_TEXT = '#ffffff'

/** The text colour (black or white) with the higher contrast on `background`; white when it is not a hex colour. */
export function readableTextColor(background: string): typeof DARK_TEXT | typeof LIGHT_TEXT {
  const dark = contrastRatio(background, DARK_TEXT)
  const light = contrastRatio(background, LIGHT_TEXT)
  if (dark === null || light === null) return LIGHT_TEXT
  return dark > light ? DARK_TEXT : LIGHT_TEXT
}
