/**
 * Turns template seeds into a plan: stable ids derived from seed keys, all-day ends made exclusive,
 * anchors computed from the seed's dates.
 */
import { addDays, diffDays, datePart } from '@/domain/dates/local-date'
import { computeMilestones, findMilestone } from '@/domain/rules/milestones'
import { CHANNEL_SEEDS, type ChannelKey } from '@/domain/templates/channels'
import type { TemplateTaskSeed } from '@/domain/templates/template-task'
import { UNIT_SEEDS, type UnitKey } from '@/domain/templates/units'
import type { Channel, ElectionSettings, EpochMs, Task, TaskAnchor, Unit } from '@/domain/types'

export const channelIdOf = (key: ChannelKey): string => `channel-${key}`
export const unitIdOf = (key: UnitKey): string => `unit-${key}`
export const templateTaskIdOf = (templateId: string, key: string): string => `${templateId}-${key}`

export function buildTemplateChannels(now: EpochMs): Channel[] {
  return CHANNEL_SEEDS.map((seed) => ({ id: channelIdOf(seed.key), name: seed.name, nameEn: seed.nameEn, color: seed.color, campaigning: false, updatedAt: now }))
}

export function buildTemplateUnits(now: EpochMs): Unit[] {
  return (Object.keys(UNIT_SEEDS) as UnitKey[]).map((key) => ({ id: unitIdOf(key), name: UNIT_SEEDS[key], updatedAt: now }))
}

function seedAnchor(key: string, anchor: TemplateTaskSeed['anchor'], bound: string, election: ElectionSettings): TaskAnchor {
  const date = datePart(bound)
  if (anchor === undefined) return { type: 'fixed' }
  if (anchor === 'election-day') {
    return { type: 'election-day', offsetDays: diffDays(election.electionDay, date) }
  }
  const milestone = findMilestone(computeMilestones(election), anchor.milestoneId)
  if (!milestone) throw new Error(`Template seed ${key} names an unknown milestone ${anchor.milestoneId}`)
  return { type: 'milestone', milestoneId: milestone.id, offsetDays: diffDays(milestone.date, date) }
}

export function buildTemplateTask(templateId: string, seed: TemplateTaskSeed, election: ElectionSettings, now: EpochMs): Task {
  const allDay = seed.start.length === 10
  const end = allDay ? addDays(seed.end, 1) : seed.end
  return {
    id: templateTaskIdOf(templateId, seed.key),
    title: seed.title,
    allDay,
    start: seed.start,
    end,
    anchor: seedAnchor(seed.key, seed.anchor, seed.start, election),
    endAnchor: seed.endAnchor === undefined ? null : seedAnchor(seed.key, seed.endAnchor, end, election),
    channelId: channelIdOf(seed.channel),
    leadUnitId: unitIdOf(seed.lead),
    supportUnitIds: (seed.support ?? []).map(unitIdOf),
    location: seed.location ?? '',
    quantity: seed.quantity ?? '',
    status: seed.status ?? 'planned',
    // A seed is a plan to carry out, not a record of work: no seed holds the day its work was done.
    doneOn: null,
    description: seed.description ?? '',
    training: seed.training
      ? {
          connectionPointCount: seed.training.connectionPointCount ?? null,
          connectionPoints: seed.training.connectionPoints ?? [],
          participantCount: seed.training.participantCount ?? null,
          participants: seed.training.participants ?? '',
          topics: seed.training.topics ?? [],
          presenters: seed.training.presenters ?? [],
        }
      : null,
    recurrence: seed.repeat
      ? { frequency: seed.repeat.frequency, interval: 1, weekdays: [], until: seed.repeat.until, count: null, exceptions: {} }
      : null,
    level: seed.level,
    source: seed.source,
    campaigning: seed.campaigning ?? false,
    derivedFromTaskId: null,
    createdAt: now,
    updatedAt: now,
  }
}
