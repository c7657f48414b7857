/**
 * Counts as the dashboard writes them: 10.010 in Vietnamese, 10,010 in English (what vi-VN and
 * en-GB number formats give for whole numbers). Grouped by hand: the page's first Intl.NumberFormat
 * cost ~30 ms of the dashboard's opening at 10,000 tasks (issue 12), and one per figure ~60 ms more.
 */
import type { Language } from '@/domain/dates/format-date'

const GROUP_SEPARATOR: Record<Language, string> = { vi: '.', en: ',' }

/** A whole number with its thousands grouped; anything else (not expected of a count) as String gives it. */
export function formatCount(n: number, language: Language): string {
  if (!Number.isSafeInteger(n)) return String(n)
  const digits = String(Math.abs(n))
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1)
  for (let i = grouped.length; i < digits.length; i += 3) grouped += GROUP_SEPARATOR[language] + digits.slice(i, i + 3)
  return n < 0 ? `-${grouped}` : grouped
}

export function countFormat(language: Language): (n: number) => string {
  return (n) => formatCount(n, language)
}
