/**
 * The app's filter in words for the report's "as filtered by" line ("Đơn vị: Sở TT&TT; Kênh: Báo
 * in"), or null for the whole plan. The dashboard's figures (and so the report's) leave out the
 * "tasks behind a figure" facet, so it is not described.
 */
import type { Language } from '@/domain/dates/format-date'
import type { TaskFilter } from '@/domain/filter/task-filter'
import type { Plan } from '@/domain/types'
import type { Messages } from '@/lib/i18n/catalog'

export function describeFilter(filter: TaskFilter, plan: Pick<Plan, 'units' | 'channels' | 'phases'>, messages: Messages, language: Language): string | null {
  const t = messages.filter
  const named = <T extends { id: string; name: string; nameEn?: string }>(list: readonly T[], id: string) => {
    const found = list.find((x) => x.id === id)
    return found ? (language === 'en' && found.nameEn ? found.nameEn : found.name) : id
  }
  const parts: string[] = []
  if (filter.text.trim() !== '') parts.push(t.chipText(filter.text.trim()))
  if (filter.late) parts.push(t.late)
  if (filter.mine) parts.push(t.mine)
  for (const id of filter.unitIds) parts.push(t.chipUnit(named(plan.units, id)))
  for (const id of filter.channelIds) parts.push(t.chipChannel(named(plan.channels, id)))
  for (const status of filter.statuses) parts.push(t.chipStatus(messages.status[status]))
  for (const id of filter.phaseIds) parts.push(t.chipPhase(named(plan.phases, id)))
  return parts.length > 0 ? parts.join('; ') : null
}
