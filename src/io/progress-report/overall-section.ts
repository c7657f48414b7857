/**
 * Section I of the progress report, "KẾT QUẢ CHUNG": the dashboard's headline figures in sentences
 * (work by status with its percentages, late, due in the next 7 days, days to election day and to the
 * results deadline), then the same by phase, then the next legal milestones with the open work due
 * before each. Every number is read from the figures the caller computed, never counted here.
 */
import type { Paragraph } from 'docx'
import { addDays } from '@/domain/dates/local-date'
import type { ProgressFigures } from '@/domain/progress/progress-figures'
import { DUE_SOON_DAYS, statusPercentages } from '@/domain/progress/progress-items'
import type { Phase } from '@/domain/types'
import { bodyParagraph, bodyRun, heading } from '@/io/docx/docx-paragraphs'
import { oneLine } from '@/io/docx/docx-text'
import { formatDate } from '@/domain/dates/format-date'
import type { ProgressReportLanguage } from '@/io/progress-report/progress-report-input'
import { formatCount, REPORT_WORDS } from '@/io/progress-report/report-words'

/** The statuses in the order the report lists them: what is done first. */
const STATUS_ORDER = ['done', 'in-progress', 'planned', 'cancelled'] as const

export function buildOverallSection(figures: ProgressFigures, phases: readonly Phase[], language: ProgressReportLanguage): Paragraph[] {
  const words = REPORT_WORDS[language]
  const n = (value: number) => formatCount(value, language)
  const { headline, asOf } = figures
  const paragraphs = [heading(words.overallHeading)]
  if (headline.tally.total === 0) {
    paragraphs.push(bodyParagraph([bodyRun(words.emptyPlan(asOf))]))
  } else {
    paragraphs.push(bodyParagraph([bodyRun(words.overallIntro(asOf, n(headline.tally.total), n(headline.taskCount)))]))
    STATUS_ORDER.forEach((status, index) => {
      const line = words.statusLine(status, n(headline.tally.byStatus[status]), headline.percent[status], index === STATUS_ORDER.length - 1)
      paragraphs.push(bodyParagraph([bodyRun(line)]))
    })
    // The window DUE_SOON_DAYS counts: the as-of day and the six days after it.
    paragraphs.push(bodyParagraph([bodyRun(words.lateAndDue(n(headline.tally.late), n(headline.tally.dueSoon), asOf, addDays(asOf, DUE_SOON_DAYS - 1)))]))
  }
  paragraphs.push(bodyParagraph([bodyRun(words.electionLine(headline.daysToElection, headline.electionDay, headline.daysToResults, headline.resultsDeadline))]))

  const phaseRows = figures.byPhase.filter((group) => group.tally.total > 0)
  if (phaseRows.length > 0) {
    paragraphs.push(bodyParagraph([bodyRun(words.byPhaseIntro)], { keepNext: true }))
    const byId = new Map(phases.map((p) => [p.id, p]))
    phaseRows.forEach((group, index) => {
      const phase = group.key === null ? undefined : byId.get(group.key)
      const name = phase ? `${oneLine(phase.name)} (${formatDate(phase.start)} - ${formatDate(addDays(phase.end, -1))})` : words.outsidePhases
      const { tally } = group
      const figuresText = words.groupFigures(n(tally.total), n(tally.byStatus.done), statusPercentages(tally).done, n(tally.byStatus['in-progress']), n(tally.late))
      paragraphs.push(bodyParagraph([bodyRun(`- ${name}: `, { italics: true }), bodyRun(`${figuresText}${index === phaseRows.length - 1 ? '.' : ';'}`)]))
    })
  }

  if (figures.milestones.length > 0) {
    paragraphs.push(bodyParagraph([bodyRun(words.milestonesIntro)], { keepNext: true }))
    figures.milestones.forEach((work, index) => {
      const name = oneLine(language === 'vi' ? work.milestone.nameVi : work.milestone.nameEn)
      const line = words.milestoneLine(work.milestone.date, work.daysTo, name, n(work.items.length))
      paragraphs.push(bodyParagraph([bodyRun(`${line}${index === figures.milestones.length - 1 ? '.' : ';'}`)]))
    })
  }
  return paragraphs
}
