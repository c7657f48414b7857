/**
 * The planner's document model. Pure data: everything here is JSON-serialisable, has a stable id, and
 * carries `updatedAt` where a later sync engine (PouchDB/Yjs) needs to pick the newer of two copies.
 *
 * Dates: an all-day bound is a local calendar date `YYYY-MM-DD` (never a UTC instant) and an all-day
 * `end` is EXCLUSIVE (a one-day task on 30/03 has start 2021-03-30, end 2021-03-31). A timed bound is a
 * wall-clock time `YYYY-MM-DDTHH:mm` in the plan's `timeZone` (Vietnam has no DST, and the campaign's
 * times are Vietnam's times whoever looks at them), so no task moves when the viewer's zone changes.
 */

/** `YYYY-MM-DD`, a calendar date with no time zone. */
export type LocalDate = string
/** `YYYY-MM-DDTHH:mm`, a wall-clock time in the plan's time zone. */
export type LocalDateTime = string
/** Milliseconds since the Unix epoch (only for bookkeeping such as `updatedAt`, never for task dates). */
export type EpochMs = number

export const TASK_STATUSES = ['planned', 'in-progress', 'done', 'cancelled'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

export const ADMIN_LEVELS = ['national', 'province', 'district', 'commune'] as const
export type AdminLevel = (typeof ADMIN_LEVELS)[number]

export const ELECTION_LAWS = ['law-85-2015', 'law-85-2015-amended-83-2025'] as const
/** Which election timeline is in force: Law 85/2015/QH13 as enacted, or as amended by Law 83/2025/QH15. */
export type ElectionLaw = (typeof ELECTION_LAWS)[number]

/** How sure we are of a template fact (see shared/reference/campaign-2021-tasks.md). */
export type Verification = 'yes' | 'partly' | 'unverified'

export interface SourceNote {
  /** Where the fact comes from: a document number, a news page, a reference row. */
  note: string
  urls: string[]
  verified: Verification
}

/**
 * Ties a task's start to election day (D) or to a legal milestone, so that re-planning moves it.
 * The task keeps its own length; only the start is derived: start = anchor date + offsetDays.
 */
export type TaskAnchor =
  | { type: 'fixed' }
  | { type: 'election-day'; offsetDays: number }
  | { type: 'milestone'; milestoneId: string; offsetDays: number }

export interface TrainingDetails {
  /** Điểm cầu: how many connection points, and which. */
  connectionPointCount: number | null
  connectionPoints: string[]
  /** Thành phần tham dự: how many, and who. */
  participantCount: number | null
  participants: string
  /** Chuyên đề. */
  topics: string[]
  /** Báo cáo viên. */
  presenters: string[]
}

/** RFC 5545 weekday codes, Monday first (Vietnamese weeks start on Monday). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export const RECURRENCE_FREQUENCIES = ['daily', 'weekly'] as const
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number]

/** One occurrence changed on its own: cancelled, or moved to other bounds (same all-day-ness). */
export type RecurrenceException = { type: 'cancelled' } | { type: 'moved'; start: string; end: string }

/**
 * A task repeated daily or weekly until a date or for a number of times (an RFC 5545 RRULE subset;
 * see domain/plan/recurrence.ts). The task's own start/end are the first occurrence's.
 */
export interface TaskRecurrence {
  frequency: RecurrenceFrequency
  /** Every `interval` days or weeks (≥ 1). */
  interval: number
  /** Weekly only: the weekdays it falls on (the start's weekday is always one of them). */
  weekdays: Weekday[]
  /** Last date an occurrence may start on (inclusive), or null when `count` ends the series. */
  until: LocalDate | null
  count: number | null
  /** Keyed by the date the occurrence would start on under the rule. */
  exceptions: Record<LocalDate, RecurrenceException>
}

export interface Task {
  id: string
  title: string
  allDay: boolean
  /** LocalDate when allDay, else LocalDateTime. */
  start: string
  /** Exclusive LocalDate when allDay, else LocalDateTime (after start). */
  end: string
  anchor: TaskAnchor
  /**
   * Ties the task's END to election day or a milestone as well, for work the law closes at a
   * milestone (candidate-list communication ends when campaigning ends; results work ends by the
   * results deadline): end = anchor date + offsetDays, the end's time of day kept for a timed task.
   * For an all-day task this is the EXCLUSIVE end, like `end` itself. null (or a fixed anchor) = the
   * end keeps the task's length, as before this field existed. A series ignores it (its occurrences
   * keep their length; the series' last date is `recurrence.until`).
   */
  endAnchor: TaskAnchor | null
  channelId: string | null
  leadUnitId: string | null
  supportUnitIds: string[]
  location: string
  /** Số lượng / chỉ tiêu, e.g. "30 pano 2m×3m". */
  quantity: string
  status: TaskStatus
  /**
   * The day the work was done (in the plan's time zone), set while `status` is 'done' (plan-ops
   * clears it when the task is reopened) and read only then: the progress figures and the burn-up
   * count a task done only from this day, so a plan reviewed "as of" an earlier date does not count
   * work done later. null on a done task saved before this field existed (the figures then take the
   * day its work ended). For a series, "done" is the whole series' status: see
   * domain/plan/task-progress.ts for what it means per occurrence.
   */
  doneOn: LocalDate | null
  description: string
  /** Present when the task is a conference or training (hội nghị / tập huấn). */
  training: TrainingDetails | null
  /** Present when the task repeats (daily or weekly, with an end). */
  recurrence: TaskRecurrence | null
  /** The administrative level the task is meant for (used when deriving lower-level plans). */
  level: AdminLevel | null
  source: SourceNote | null
  /** This task is campaigning even if its channel is not (see Channel.campaigning). */
  campaigning: boolean
  /** In a derived plan: the id of the parent plan's task this one was copied from. */
  derivedFromTaskId: string | null
  createdAt: EpochMs
  updatedAt: EpochMs
}

export interface Unit {
  id: string
  name: string
  /** Where a template unit's name comes from (2025 names: the state of the 2026 election); absent for the user's own. */
  source?: SourceNote | null
  updatedAt: EpochMs
}

export interface Channel {
  id: string
  /** Vietnamese name (the plan's own language). */
  name: string
  /** English name, shown in the English interface when present. */
  nameEn: string
  /** Background colour; the palette is chosen so white or dark text passes WCAG AA on it. */
  color: string
  /** Work on this channel is campaigning (vận động bầu cử): not allowed from 07:00 on D-1 to the close of voting. */
  campaigning: boolean
  updatedAt: EpochMs
}

export interface Phase {
  id: string
  name: string
  nameEn: string
  /** Inclusive first day. */
  start: LocalDate
  /** Exclusive end (the day after the last day). */
  end: LocalDate
  /** Phases are anchored to election day like tasks (2021: D-142, D-52, D+1). */
  startOffsetDays: number | null
  endOffsetDays: number | null
  focus: string
  source: SourceNote | null
}

export interface ElectionSettings {
  name: string
  nameEn: string
  /** Election day D (must be a Sunday). */
  electionDay: LocalDate
  law: ElectionLaw
  /** The day the election date was announced (Art. 5: at least 115 days before D). */
  announcedOn: LocalDate | null
}

/**
 * What the Word export needs to lay the plan out as an administrative document (Decree 30/2020/NĐ-CP,
 * Appendix I): edited in the plan's settings and saved with it.
 */
export interface DocumentDetails {
  /** Tên cơ quan chủ quản, e.g. "UBND TỈNH ĐẮK LẮK" (may be empty). */
  parentAgency: string
  /** Tên cơ quan ban hành, e.g. "ỦY BAN BẦU CỬ TỈNH". */
  issuingAgency: string
  /** Abbreviation after "KH-" in "Số: 27/KH-UBBC". */
  agencyCode: string
  /** The number; empty on an unsigned draft ("Số:      /KH-UBBC"). */
  number: string
  /** Địa danh, e.g. "Buôn Ma Thuột". */
  place: string
  issuedOn: LocalDate | null
  /** Trích yếu, e.g. "Thông tin, tuyên truyền cuộc bầu cử …". */
  subject: string
  /** Section I. MỤC ĐÍCH, YÊU CẦU: one paragraph per line. */
  purpose: string
  /** e.g. "TM. ỦY BAN BẦU CỬ". */
  signerAuthority: string
  /** e.g. "CHỦ TỊCH" or "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH". */
  signerTitle: string
  signerName: string
  /** Nơi nhận, one recipient per entry, without the leading "- ". */
  recipients: string[]
  /** Drafting unit's abbreviation for "Lưu: VT, …". */
  draftingUnitCode: string
}

export interface CheckSettings {
  /** Warn when a lead unit leads more than this many tasks on one day. */
  maxTasksPerUnitPerDay: number
  /** Dismissed warnings: task id → the check kinds the user has dismissed for that task. */
  dismissed: Record<string, string[]>
}

export interface Plan {
  id: string
  name: string
  level: AdminLevel
  locality: string
  /** A district or commune plan derived from a higher-level plan keeps a link to it. */
  parentPlanId: string | null
  /** IANA zone of every timed task's wall-clock time. */
  timeZone: string
  election: ElectionSettings
  document: DocumentDetails
  checks: CheckSettings
  phases: Phase[]
  units: Unit[]
  channels: Channel[]
  /** Keyed by task id. */
  tasks: Record<string, Task>
  /**
   * Tombstones: id → time of deletion. A deletion must win over an older copy of the task arriving
   * from another tab (or, later, another device); without it a merge would resurrect deleted tasks.
   */
  deletedTasks: Record<string, EpochMs>
  createdAt: EpochMs
  updatedAt: EpochMs
}
