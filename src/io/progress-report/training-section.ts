/**
 * Section III of the progress report, "HỘI NGHỊ, TẬP HUẤN": the dashboard's training figures (how
 * many, held, participants, connection points, topics) in one sentence, then the sessions themselves.
 *
 * Bounded at any plan size: at most SESSIONS_NAMED sessions are listed, those nearest the as-of day
 * (what was just held and what comes next), in date order; the rest are counted.
 */
import type { Paragraph } from 'docx'
import { diffDays } from '@/domain/dates/local-date'
import type { TrainingFigures, TrainingSession } from '@/domain/progress/training-figures'
import type { LocalDate } from '@/domain/types'
import { bodyParagraph, bodyRun, heading } from '@/io/docx/docx-paragraphs'
import { oneLine, stripEndPunctuation } from '@/io/docx/docx-text'
import type { ProgressReportLanguage } from '@/io/progress-report/progress-report-input'
import { formatCount, REPORT_WORDS } from '@/io/progress-report/report-words'

export const SESSIONS_NAMED = 10

export function buildTrainingSection(trainings: TrainingFigures, asOf: LocalDate, language: ProgressReportLanguage): Paragraph[] {
  const words = REPORT_WORDS[language]
  const n = (value: number) => formatCount(value, language)
  const paragraphs = [heading(words.trainingsHeading)]
  if (trainings.count === 0) {
    paragraphs.push(bodyParagraph([bodyRun(words.noTrainings)]))
    return paragraphs
  }
  paragraphs.push(bodyParagraph([bodyRun(words.trainingSummary({
    count: n(trainings.count),
    held: n(trainings.held),
    participants: n(trainings.participants),
    participantsUnknown: trainings.participantsUnknown,
    connectionPoints: n(trainings.connectionPoints),
    atLeast: trainings.connectionPointsAtLeast,
    connectionPointsUnknown: trainings.connectionPointsUnknown,
    topics: n(trainings.topics),
  }))]))
  const listed = nearestSessions(trainings.sessions, asOf, SESSIONS_NAMED)
  const rest = trainings.sessions.length - listed.length
  listed.forEach((session, index) => {
    const points = session.connectionPoints
    const end = index === listed.length - 1 && rest === 0 ? '.' : ';'
    paragraphs.push(bodyParagraph([bodyRun(words.sessionLine({
      date: session.item.firstDay,
      title: stripEndPunctuation(oneLine(session.item.task.title)) || words.untitled,
      connectionPoints: points.known ? `${n(points.count)}${points.atLeast ? '+' : ''}` : null,
      participants: session.participants === null ? null : n(session.participants),
      topics: session.topics.map((topic) => stripEndPunctuation(oneLine(topic))).filter((topic) => topic !== ''),
    }) + end)]))
  })
  if (rest > 0) paragraphs.push(bodyParagraph([bodyRun(words.otherSessions(n(rest)))]))
  return paragraphs
}

/** The `limit` sessions whose first day is nearest the as-of day (earlier first on a tie), in date order. */
function nearestSessions(sessions: readonly TrainingSession[], asOf: LocalDate, limit: number): TrainingSession[] {
  if (sessions.length <= limit) return [...sessions]
  return sessions
    .map((session, index) => ({ session, index, distance: Math.abs(diffDays(asOf, session.item.firstDay)) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .slice(0, limit)
    .sort((a, b) => a.index - b.index)
    .map((entry) => entry.session)
}
