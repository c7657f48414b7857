/**
 * Conferences and trainings (hội nghị, tập huấn) in figures: how many, held, participants,
 * connection points (điểm cầu) and topics (chuyên đề). Each occurrence of a series is one session;
 * cancelled work is left out.
 *
 * Connection points: a task's `connectionPointCount` when set. When it is not, the listed points are
 * counted, and a listed line that begins with a number stands for that many: the 2021 national
 * training lists "Điểm cầu Bộ Nội vụ", "63 điểm cầu tỉnh, thành phố" and "Hơn 400 điểm cầu cấp
 * huyện" (the source gives no exact total), which is 1 + 63 + 400 = at least 464. A line beginning
 * with "hơn", "trên", "ít nhất" (or "more than", "over", "at least") makes the count a lower bound,
 * shown "464+", never a number the source does not give.
 */
import type { ProgressItem } from '@/domain/progress/progress-items'
import type { TrainingDetails } from '@/domain/types'

export interface ConnectionPointPart {
  label: string
  count: number
  atLeast: boolean
}

export interface ConnectionPointCount {
  count: number
  /** The true number may be higher ("hơn 400"). */
  atLeast: boolean
  /** False when the task gives neither a count nor a list (then `count` is 0). */
  known: boolean
  /** The listed points with what each stands for (empty when the count was given as a number). */
  parts: ConnectionPointPart[]
}

const LEADING_COUNT = /^\s*(?:(hơn|trên|ít nhất|more than|over|at least)\s+)?(\d{1,3}(?:[.,]\d{3})+|\d+)(?=\s|$)/iu

/** What one listed connection point stands for: "63 điểm cầu tỉnh" is 63, "Hơn 400 …" at least 400, a name 1. */
export function readConnectionPoint(label: string): ConnectionPointPart {
  const match = LEADING_COUNT.exec(label)
  if (!match) return { label, count: 1, atLeast: false }
  return { label, count: Number(match[2]!.replace(/[.,]/g, '')), atLeast: match[1] !== undefined }
}

export function countConnectionPoints(training: TrainingDetails): ConnectionPointCount {
  if (training.connectionPointCount !== null) {
    return { count: training.connectionPointCount, atLeast: false, known: true, parts: [] }
  }
  const parts = training.connectionPoints.filter((label) => label.trim() !== '').map(readConnectionPoint)
  return {
    count: parts.reduce((sum, part) => sum + part.count, 0),
    atLeast: parts.some((part) => part.atLeast),
    known: parts.length > 0,
    parts,
  }
}

export interface TrainingSession {
  item: ProgressItem
  participants: number | null
  connectionPoints: ConnectionPointCount
  topics: string[]
}

export interface TrainingFigures {
  /** Sessions by first day (cancelled ones left out). */
  sessions: TrainingSession[]
  count: number
  /** Done as of the figures' day. */
  held: number
  /** Sum of the known participant counts. */
  participants: number
  /** Sessions whose task gives no participant count. */
  participantsUnknown: number
  connectionPoints: number
  connectionPointsAtLeast: boolean
  /** Sessions whose task gives neither a count nor a list of connection points. */
  connectionPointsUnknown: number
  /** Distinct topics (compared ignoring case and spacing; tone marks count), a series' topics once. */
  topics: number
}

/** The figures of the training items among `items` (already filtered and sorted by the caller). */
export function computeTrainingFigures(items: readonly ProgressItem[]): TrainingFigures {
  const sessions: TrainingSession[] = []
  const topics = new Set<string>()
  const figures: TrainingFigures = {
    sessions, count: 0, held: 0, participants: 0, participantsUnknown: 0, connectionPoints: 0, connectionPointsAtLeast: false, connectionPointsUnknown: 0, topics: 0,
  }
  for (const item of items) {
    const training = item.task.training
    if (training === null || item.status === 'cancelled') continue
    const connectionPoints = countConnectionPoints(training)
    const sessionTopics = training.topics.filter((topic) => topic.trim() !== '')
    sessions.push({ item, participants: training.participantCount, connectionPoints, topics: sessionTopics })
    figures.count += 1
    if (item.status === 'done') figures.held += 1
    if (training.participantCount === null) figures.participantsUnknown += 1
    else figures.participants += training.participantCount
    if (!connectionPoints.known) figures.connectionPointsUnknown += 1
    figures.connectionPoints += connectionPoints.count
    if (connectionPoints.atLeast) figures.connectionPointsAtLeast = true
    for (const topic of sessionTopics) topics.add(topic.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim())
  }
  figures.topics = topics.size
  return figures
}
