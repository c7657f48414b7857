/**
 * "D-n" labels: how far a day is from election day D, as officials write it (D-40, D, D+10).
 */
import { diffDays } from '@/domain/dates/local-date'
import type { LocalDate } from '@/domain/types'

/** Signed days from election day: negative before it. */
export function offsetFromElectionDay(date: LocalDate, electionDay: LocalDate): number {
  return diffDays(electionDay, date)
}

export function formatElectionOffset(offsetDays: number): string {
  if (offsetDays === 0) return 'D'
  return offsetDays < 0 ? `D-${-offsetDays}` : `D+${offsetDays}`
}

export function electionOffsetLabel(date: LocalDate, electionDay: LocalDate): string {
  return formatElectionOffset(offsetFromElectionDay(date, electionDay))
}

/** Parses "D-40", "D+3", "D", "d - 40" into a signed offset, or null. */
export function parseElectionOffset(text: string): number | null {
  const match = /^\s*[dD]\s*(?:([+\-−])\s*(\d{1,4}))?\s*$/.exec(text)
  if (!match) return null
  if (!match[1]) return 0
  const n = Number(match[2])
  return match[1] === '+' ? n : -n
}
