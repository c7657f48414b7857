/**
 * "In / PDF": the schedule as a printed table, grouped by phase, under a header with the plan's name
 * and the print date; the current calendar view prints above it. The browser's print dialog saves it
 * as PDF. Only the print stylesheet shows this element.
 */
import { useEffect, useMemo } from 'react'
import { addDays } from '@/domain/dates/local-date'
import { formatDate, formatDateOrDateTime } from '@/domain/dates/format-date'
import { formatElectionOffset } from '@/domain/dates/election-offset'
import { lastDay } from '@/domain/plan/task-dates'
import { computeMilestones } from '@/domain/rules/milestones'
import type { Plan, Task } from '@/domain/types'
import { useLanguage, useMessages } from '@/components/use-messages'
import { formatInstant } from '@/lib/format-instant'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

interface Group { key: string; title: string; tasks: Task[] }

function groupByPhase(plan: Plan, tasks: Task[], language: 'vi' | 'en', outside: string): Group[] {
  const groups: Group[] = plan.phases.map((p) => ({
    key: p.id,
    title: `${language === 'en' && p.nameEn ? p.nameEn : p.name} (${formatDate(p.start)} – ${formatDate(addDays(p.end, -1))})`,
    tasks: [],
  }))
  const rest: Group = { key: 'outside', title: outside, tasks: [] }
  for (const task of tasks) {
    const index = plan.phases.findIndex((p) => task.start.slice(0, 10) >= p.start && task.start.slice(0, 10) < p.end)
    ;(index >= 0 ? groups[index]! : rest).tasks.push(task)
  }
  return [...groups, rest].filter((g) => g.tasks.length > 0)
}

export function PrintSchedule() {
  const request = usePlannerStore((s) => s.printRequest)
  const plan = usePlannerStore(selectActivePlan)
  const messages = useMessages()
  const language = useLanguage()
  const t = messages.print

  const groups = useMemo(() => {
    if (!request) return []
    const tasks = request.taskIds.map((id) => plan.tasks[id]).filter((x): x is Task => x !== undefined)
    return groupByPhase(plan, tasks, language, t.outside)
  }, [request, plan, language, t.outside])

  useEffect(() => {
    if (!request) return
    const clear = () => usePlannerStore.setState({ printRequest: null })
    window.addEventListener('afterprint', clear, { once: true })
    // Let the table render before the print dialog takes its snapshot.
    const handle = window.setTimeout(() => window.print(), 50)
    return () => {
      window.clearTimeout(handle)
      window.removeEventListener('afterprint', clear)
    }
  }, [request])

  if (!request) return null
  const units = new Map(plan.units.map((u) => [u.id, u.name]))
  const channels = new Map(plan.channels.map((c) => [c.id, language === 'en' && c.nameEn ? c.nameEn : c.name]))
  const milestones = request.includeMilestones ? computeMilestones(plan.election) : []
  // Running numbers (STT) across the groups.
  const firstNumber = groups.map((_, i) => 1 + groups.slice(0, i).reduce((n, g) => n + g.tasks.length, 0))
  return (
    <section className="print-schedule" data-testid="print-schedule">
      <header className="print-header">
        <strong>{t.heading}: {plan.name}</strong>
        <span>{t.printedOn(formatInstant(request.requestedAt))}</span>
      </header>
      <table className="print-table">
        <thead>
          <tr>
            <th>{t.columns.stt}</th><th>{t.columns.title}</th><th>{t.columns.time}</th><th>{t.columns.lead}</th>
            <th>{t.columns.support}</th><th>{t.columns.channel}</th><th>{t.columns.status}</th><th>{t.columns.notes}</th>
          </tr>
        </thead>
        {groups.map((group, groupIndex) => (
          <tbody key={group.key}>
            <tr className="print-group"><td colSpan={8}>{group.title}</td></tr>
            {group.tasks.map((task, taskIndex) => {
              const last = lastDay(task)
              const when = task.allDay
                ? last === task.start ? formatDate(task.start) : `${formatDate(task.start)} – ${formatDate(last)}`
                : `${formatDateOrDateTime(task.start)} – ${task.end.slice(11, 16)}`
              return (
                <tr key={task.id}>
                  <td>{firstNumber[groupIndex]! + taskIndex}</td>
                  <td>{task.title}</td>
                  <td>{when}</td>
                  <td>{task.leadUnitId ? units.get(task.leadUnitId) ?? '' : ''}</td>
                  <td>{task.supportUnitIds.map((id) => units.get(id) ?? '').filter(Boolean).join('; ')}</td>
                  <td>{task.channelId ? channels.get(task.channelId) ?? '' : ''}</td>
                  <td>{messages.status[task.status]}</td>
                  <td>{[task.quantity, task.description].filter(Boolean).join(' · ')}</td>
                </tr>
              )
            })}
          </tbody>
        ))}
      </table>
      {milestones.length > 0 ? (
        <table className="print-table print-milestones">
          <thead><tr><th colSpan={3}>{t.milestones}</th></tr></thead>
          <tbody>
            {milestones.map((m) => (
              <tr key={m.id}><td>{formatElectionOffset(m.offsetDays)}</td><td>{language === 'en' ? m.nameEn : m.nameVi}</td><td>{formatDate(m.date)}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
