/**
 * The shapes the ICS import modules pass each other: one VEVENT read in the plan's terms
 * (`EventFields`), and the state of one parse (`ParseContext`). Types only. What `parseIcs` returns
 * is declared with it, in ics-import.ts.
 */
import type ICAL from 'ical.js'
import type { Plan, TaskRecurrence, TaskStatus } from '@/domain/types'
import type { IcsSkipReason } from '@/io/ics/ics-import'

export type IcalTime = ICAL.Time
export type IcalComponent = ICAL.Component
export type IcalProperty = ICAL.Property

/** What one VEVENT says, in the plan's terms, before it is merged with an existing task. */
export interface EventFields {
  id: string
  title: string
  allDay: boolean
  start: string
  end: string
  location: string
  /**
   * Null for one of our own events without our X- description (it went through Google, which drops
   * X- properties): its DESCRIPTION is the summary we composed, not the task's description.
   */
  description: string | null
  /** DESCRIPTION as written, for a new task when `description` is null. */
  descriptionText: string
  /** From our own X- property, else null (STATUS alone only tells cancelled from not). */
  ownStatus: TaskStatus | null
  cancelled: boolean
  categories: string[]
  /** The rule of a series kept as one recurring task; null for anything else. */
  recurrence: TaskRecurrence | null
  /** A RECURRENCE-ID event: the id of its series and the occurrence it replaces (a plan bound). */
  override: { seriesId: string; original: string } | null
}

export type EventReading =
  | { kind: 'milestone' }
  | { kind: 'skip'; reason: IcsSkipReason }
  | {
      kind: 'events'
      events: EventFields[]
      isOverride: boolean
      isSeries: boolean
      problem: IcsSkipReason | null
      /** A title, description or place was cut to what a task holds. */
      textCut?: boolean
    }

export interface ParseContext {
  plan: Plan
  now: number
  /** Channel ids by lower-cased Vietnamese and English name. */
  channelsByName: Map<string, string>
  /** The file's VTIMEZONEs by TZID, each read once (see `readZones`). */
  fileZones: Map<string, ICAL.Timezone>
  zoneFormats: Map<string, Intl.DateTimeFormat | null>
  /** Recurrence candidates ical.js may still try in this file (NOTE: decremented as series expand). */
  recurrenceBudget: number
}
