/**
 * Warnings on election settings (Art. 5 of the election law): election day is a Sunday, announced
 * at least 115 days before.
 */
import { diffDays, weekdayOf } from '@/domain/dates/local-date'
import { MIN_ANNOUNCEMENT_LEAD_DAYS } from '@/domain/rules/election-laws'
import type { ElectionSettings } from '@/domain/types'

export type ElectionWarning = 'not-sunday' | 'announced-too-late'

export function electionWarnings(election: ElectionSettings): ElectionWarning[] {
  const warnings: ElectionWarning[] = []
  if (weekdayOf(election.electionDay) !== 0) warnings.push('not-sunday')
  if (election.announcedOn !== null && diffDays(election.announcedOn, election.electionDay) < MIN_ANNOUNCEMENT_LEAD_DAYS) {
    warnings.push('announced-too-late')
  }
  return warnings
}
