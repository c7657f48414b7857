/** The legal milestones as a table (XLSX sheet "Mốc pháp lý", DOCX, print). */
import { formatDate, formatDateWithWeekday, type Language } from '@/domain/dates/format-date'
import { formatElectionOffset, offsetFromElectionDay } from '@/domain/dates/election-offset'
import type { LocalDate, Plan } from '@/domain/types'
import { LAW_LABELS } from '@/domain/rules/election-laws'
import { computeMilestones } from '@/domain/rules/milestones'
import type { ScheduleColumn } from '@/io/schedule-table/schedule-columns'

export const MILESTONE_COLUMNS: readonly ScheduleColumn<'number' | 'name' | 'offset' | 'date'>[] = [
  { key: 'number', vi: 'TT', en: 'No.' },
  { key: 'name', vi: 'Nội dung công việc', en: 'Task' },
  { key: 'offset', vi: 'Số ngày trước (sau) ngày bầu cử', en: 'Days before (after) election day' },
  { key: 'date', vi: 'Ngày chậm nhất phải hoàn thành', en: 'Latest completion date' },
]

export interface MilestoneRow {
  /** TT: 1, 2, 3… in date order. */
  number: number
  milestoneId: string
  name: string
  /** "Trước 40 ngày (D-40)", "Ngày bầu cử (D)", "Sau 10 ngày (D+10)". */
  offsetLabel: string
  /** "13/04/2021", "≤ 07/06/2021", "22/05/2021 07:00", "13/05/2021 – 23/05/2021". */
  dateLabel: string
  date: LocalDate
  /** Last day (inclusive) of a range milestone. */
  endDate: LocalDate | null
  time: string | null
  /** The law sets a latest day ("chậm nhất"): shown with "≤". */
  isDeadline: boolean
  articles: string
}

/**
 * The legal milestones as the 2021 provincial schedules listed them (Phú Thọ: TT | Nội dung công việc
 * | Số ngày chậm nhất phải hoàn thành trước (sau) ngày bầu cử | Ngày chậm nhất phải hoàn thành).
 * That table counts days in words, so the offset reads "Trước 40 ngày"; the planner's own "D-40"
 * follows in brackets, since the app shows offsets that way everywhere else.
 *
 * A milestone whose date is not the rule's (the announcement, when the real day is known) is a
 * fact, not a deadline: it gets the real offset and no "≤".
 */
export function buildMilestoneRows(plan: Pick<Plan, 'election'>, language: Language): MilestoneRow[] {
  const electionDay = plan.election.electionDay
  return computeMilestones(plan.election).map((m, index): MilestoneRow => {
    const offset = offsetFromElectionDay(m.date, electionDay)
    const isDeadline = m.timing === 'deadline' && offset === m.offsetDays
    const endDate = m.timing === 'range' ? m.endDate : null
    let offsetLabel: string
    let dateLabel: string
    if (endDate !== null) {
      const endOffset = offsetFromElectionDay(endDate, electionDay)
      offsetLabel = `${rangeOffsetText(offset, endOffset, language)} (${formatElectionOffset(offset)} – ${formatElectionOffset(endOffset)})`
      dateLabel = `${formatDate(m.date)} – ${formatDate(endDate)}`
    } else {
      offsetLabel = `${offsetText(offset, language)} (${formatElectionOffset(offset)})`
      dateLabel = `${isDeadline ? '≤ ' : ''}${formatDate(m.date)}${m.time ? ` ${m.time}` : ''}`
    }
    return {
      number: index + 1,
      milestoneId: m.id,
      name: language === 'en' ? m.nameEn : m.nameVi,
      offsetLabel,
      dateLabel,
      date: m.date,
      endDate,
      time: m.time,
      isDeadline,
      articles: m.articles,
    }
  })
}

function offsetText(offset: number, language: Language): string {
  if (offset === 0) return language === 'en' ? 'Election day' : 'Ngày bầu cử'
  const days = Math.abs(offset)
  if (language === 'en') return `${days} ${days === 1 ? 'day' : 'days'} ${offset < 0 ? 'before' : 'after'}`
  return `${offset < 0 ? 'Trước' : 'Sau'} ${days} ngày`
}

function rangeOffsetText(from: number, to: number, language: Language): string {
  const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1)
  return language === 'en'
    ? `From ${lowerFirst(offsetText(from, 'en'))} to ${lowerFirst(offsetText(to, 'en'))}`
    : `Từ ${lowerFirst(offsetText(from, 'vi'))} đến ${lowerFirst(offsetText(to, 'vi'))}`
}

/** "Ngày bầu cử: CN 23/05/2021 — Luật số 85/2015/QH13": the milestone table's subtitle. */
export function milestoneTableSubtitle(plan: Pick<Plan, 'election'>, language: Language): string {
  const day = formatDateWithWeekday(plan.election.electionDay, language)
  const law = LAW_LABELS[plan.election.law]?.[language] ?? ''
  return language === 'en' ? `Election day: ${day} — ${law}` : `Ngày bầu cử: ${day} — ${law}`
}
