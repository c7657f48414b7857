/**
 * Legal milestones of one election, computed from election day and the law in force.
 */
import { addDays } from '@/domain/dates/local-date'
import { MILESTONE_RULES, type MilestoneTiming } from '@/domain/rules/election-laws'
import type { ElectionSettings, LocalDate } from '@/domain/types'

export interface Milestone {
  id: string
  order: number
  nameVi: string
  nameEn: string
  articles: string
  timing: MilestoneTiming
  offsetDays: number
  /** The day (for a deadline: the latest day). */
  date: LocalDate
  /** Last day, inclusive, of a range milestone. */
  endDate: LocalDate | null
  time: string | null
  noteVi: string | null
  noteEn: string | null
}

/**
 * Every milestone of the reference for this election, sorted by date (never by the 2015 order:
 * under the amended law polling teams, D-43, come before the dossier deadline, D-42).
 * The announcement milestone takes the real announcement day when the settings know it.
 */
export function computeMilestones(election: ElectionSettings): Milestone[] {
  const milestones = MILESTONE_RULES.map((rule): Milestone => {
    const offset = rule.offsets[election.law]
    const isAnnouncement = rule.id === 'election-announced' && election.announcedOn !== null
    return {
      id: rule.id,
      order: rule.order,
      nameVi: rule.nameVi,
      nameEn: rule.nameEn,
      articles: rule.articles,
      timing: offset.timing,
      offsetDays: offset.offsetDays,
      date: isAnnouncement && election.announcedOn ? election.announcedOn : addDays(election.electionDay, offset.offsetDays),
      endDate: offset.endOffsetDays === undefined ? null : addDays(election.electionDay, offset.endOffsetDays),
      time: offset.time ?? null,
      noteVi: rule.noteVi ?? null,
      noteEn: rule.noteEn ?? null,
    }
  })
  return milestones.sort((a, b) => (a.date === b.date ? a.order - b.order : a.date < b.date ? -1 : 1))
}

export function findMilestone(milestones: readonly Milestone[], id: string): Milestone | undefined {
  return milestones.find((m) => m.id === id)
}
