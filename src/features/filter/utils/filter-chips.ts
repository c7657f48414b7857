/**
 * The active filter as chips: one per value, each knowing the filter without it. An id the plan no
 * longer holds (a link from another office, a deleted unit) still gets a chip, so it can be removed.
 */
import type { Language } from '@/domain/dates/format-date'
import type { TaskFilter } from '@/domain/filter/task-filter'
import type { Plan } from '@/domain/types'
import type { Messages } from '@/lib/i18n/messages-vi'
import { progressDrillLabel } from '@/features/filter/utils/progress-drill-label'

export interface FilterChip {
  key: string
  label: string
  without: (filter: TaskFilter) => Partial<TaskFilter>
}

export function filterChips(filter: TaskFilter, plan: Pick<Plan, 'units' | 'channels' | 'phases'>, messages: Messages, language: Language): FilterChip[] {
  const t = messages.filter
  const chips: FilterChip[] = []
  const unknown = (id: string) => `${id} (${t.unknownItem})`
  if (filter.text.trim() !== '') chips.push({ key: 'text', label: t.chipText(filter.text.trim()), without: () => ({ text: '' }) })
  if (filter.late) chips.push({ key: 'late', label: t.late, without: () => ({ late: false }) })
  if (filter.mine) chips.push({ key: 'mine', label: t.mine, without: () => ({ mine: false }) })
  for (const id of filter.unitIds) {
    const name = plan.units.find((u) => u.id === id)?.name ?? unknown(id)
    chips.push({ key: `unit:${id}`, label: t.chipUnit(name), without: (f) => ({ unitIds: f.unitIds.filter((u) => u !== id) }) })
  }
  for (const id of filter.channelIds) {
    const channel = plan.channels.find((c) => c.id === id)
    const name = channel ? (language === 'en' && channel.nameEn ? channel.nameEn : channel.name) : unknown(id)
    chips.push({ key: `channel:${id}`, label: t.chipChannel(name), without: (f) => ({ channelIds: f.channelIds.filter((c) => c !== id) }) })
  }
  for (const status of filter.statuses) {
    chips.push({ key: `status:${status}`, label: t.chipStatus(messages.status[status]), without: (f) => ({ statuses: f.statuses.filter((s) => s !== status) }) })
  }
  for (const id of filter.phaseIds) {
    const phase = plan.phases.find((p) => p.id === id)
    const name = phase ? (language === 'en' && phase.nameEn ? phase.nameEn : phase.name) : unknown(id)
    chips.push({ key: `phase:${id}`, label: t.chipPhase(name), without: (f) => ({ phaseIds: f.phaseIds.filter((p) => p !== id) }) })
  }
  if (filter.progress) chips.push({ key: 'progress', label: progressDrillLabel(filter.progress, plan, messages, language), without: () => ({ progress: null }) })
  return chips
}
