/**
 * The compact, human-editable form of a template task. Seeds are data (one object per fact, each with
 * its source) and are turned into `Task`s by `buildTemplateTasks`.
 */
import type { ChannelKey } from '@/domain/templates/channels'
import type { UnitKey } from '@/domain/templates/units'
import type { AdminLevel, LocalDate, RecurrenceFrequency, SourceNote, TaskStatus, TrainingDetails } from '@/domain/types'

export interface TemplateTaskSeed {
  /** Stable slug; the task id is derived from it, so it must never change once shipped. */
  key: string
  title: string
  /** `YYYY-MM-DD` (all-day) or `YYYY-MM-DDTHH:mm` (timed, Vietnam time). */
  start: string
  /**
   * All-day: the LAST day, INCLUSIVE (as officials write "từ 01/04 đến 30/04"; converted to the
   * model's exclusive end when built). Timed: the end time.
   */
  end: string
  /**
   * How the task follows election day when it moves: `'election-day'` anchors the start to D (offset
   * computed from `start`), `{ milestoneId }` to a legal milestone; absent = fixed dates.
   */
  anchor?: 'election-day' | { milestoneId: string }
  /**
   * The end's anchor, for work the law closes at a milestone (offset computed from `end`; for an
   * all-day seed from the day after its last day, the model's exclusive end). Absent = the end keeps
   * the task's length. Only where the reference ties the end to D or a milestone.
   */
  endAnchor?: 'election-day' | { milestoneId: string }
  channel: ChannelKey
  lead: UnitKey
  support?: UnitKey[]
  level: AdminLevel
  quantity?: string
  location?: string
  description?: string
  status?: TaskStatus
  training?: Partial<TrainingDetails>
  /** A task repeated daily or weekly: its start/end are the first occurrence, `until` the last start (inclusive). */
  repeat?: { frequency: RecurrenceFrequency; until: LocalDate }
  source: SourceNote
  /** Campaigning work (vận động bầu cử), checked against the D-1 07:00 cut-off. */
  campaigning?: boolean
}
