/**
 * Legal milestones of one election, computed from election day and the law in force.
 */
import { addDays, diffDays } from '@/domain/dates/local-date'
import { formatElectionOffset } from '@/domain/dates/election-offset'
import { MILESTONE_RULES, type MilestoneTiming } from '@/domain/rules/election-laws'
import type { ElectionSettings, LocalDate } from '@/domain/types'

export interface Milestone {
  id: string
  order: number
  nameVi: string
  nameEn: string
  articles: string
  timing: MilestoneTiming
  /** The law's offset (for a deadline, the latest day): the rule, e.g. -115 for "≤ D-115". */
  offsetDays: number
  /** The real offset of `date` from D: differs from the rule when the real day is known (announced on D-187). */
  dayOffsetDays: number
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
export function computeMilestones(election: ElectionSettings): readonly Milestone[] {
  let milestones = computed.get(election)
  if (!milestones) computed.set(election, (milestones = Object.freeze(milestonesOf(election))))
  return milestones
}

/**
 * The milestones of each settings object, worked out once: the settings are immutable in the store,
 * and the calendar, the side panel, the editor, the checks and a phone's month each ask (~2 ms a time
 * at 4× CPU, inside a tap). Frozen, because every caller shares the one list.
 */
const computed = new WeakMap<ElectionSettings, readonly Milestone[]>()

function milestonesOf(election: ElectionSettings): Milestone[] {
  const milestones = MILESTONE_RULES.map((rule): Milestone => {
    const offset = rule.offsets[election.law]
    const isAnnouncement = rule.id === 'election-announced' && election.announcedOn !== null
    const date = isAnnouncement && election.announcedOn ? election.announcedOn : addDays(election.electionDay, offset.offsetDays)
    return {
      id: rule.id,
      order: rule.order,
      nameVi: rule.nameVi,
      nameEn: rule.nameEn,
      articles: rule.articles,
      timing: offset.timing,
      offsetDays: offset.offsetDays,
      dayOffsetDays: diffDays(election.electionDay, date),
      date,
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

/** The law's rule as officials write it: "≤ D-115" for a deadline, "D-10 … D" for a range, else "D-105". */
export function milestoneRuleLabel(m: Pick<Milestone, 'timing' | 'offsetDays' | 'date' | 'endDate' | 'dayOffsetDays'>): string {
  if (m.timing === 'deadline') return `≤ ${formatElectionOffset(m.offsetDays)}`
  if (m.timing === 'range' && m.endDate !== null) return `${formatElectionOffset(m.offsetDays)} … ${formatElectionOffset(m.offsetDays + diffDays(m.date, m.endDate))}`
  return formatElectionOffset(m.offsetDays)
}

/**
 * The milestone's label on the calendar, the side panel and the print: the real offset of its day,
 * followed by the rule when the two differ. Election day 23/05/2021 announced on 17/11/2020 is
 * "D-187 (≤ D-115)", not "D-115": the date moved, so must the label.
 */
export function milestoneOffsetLabel(m: Pick<Milestone, 'timing' | 'offsetDays' | 'date' | 'endDate' | 'dayOffsetDays'>): string {
  const day = formatElectionOffset(m.dayOffsetDays)
  return m.dayOffsetDays === m.offsetDays ? day : `${day} (${milestoneRuleLabel(m)})`
}
