/**
 * The chip of the filter's "tasks behind a figure" facet (set by the dashboard, progress-drill.ts)
 * in words: "Từ Tổng quan: Sở TT&TT · Trễ hạn (tính đến 30/04/2021)".
 */
import { formatDate, type Language } from '@/domain/dates/format-date'
import type { ProgressDrill } from '@/domain/filter/progress-drill'
import type { Plan } from '@/domain/types'
import type { Messages } from '@/lib/i18n/messages-vi'

export function progressDrillLabel(drill: ProgressDrill, plan: Pick<Plan, 'units' | 'channels' | 'phases'>, messages: Messages, language: Language): string {
  const t = messages.dashboard
  const s = drill.selection
  const named = <T extends { id: string; name: string; nameEn?: string }>(list: readonly T[], id: string) => {
    const found = list.find((x) => x.id === id)
    return found ? (language === 'en' && found.nameEn ? found.nameEn : found.name) : `${id} (${messages.filter.unknownItem})`
  }
  const parts: string[] = []
  if (s.leadUnitId !== undefined) parts.push(s.leadUnitId === null ? t.noUnit : named(plan.units, s.leadUnitId))
  if (s.channelId !== undefined) parts.push(s.channelId === null ? t.noChannel : named(plan.channels, s.channelId))
  if (s.phaseId !== undefined) parts.push(s.phaseId === null ? t.outsidePhases : named(plan.phases, s.phaseId))
  if (s.training) parts.push(t.trainings)
  if (s.late) parts.push(t.late)
  if (s.status !== undefined) parts.push(t.segments[s.status])
  if (s.dueSoon) parts.push(t.dueSoon)
  if (s.dueBy !== undefined) parts.push(`${s.dueFrom !== undefined ? `${formatDate(s.dueFrom)} – ` : ''}${formatDate(s.dueBy)}`)
  return messages.filter.chipProgress(parts.length > 0 ? parts.join(' · ') : messages.filter.progressAll, formatDate(drill.asOf))
}
