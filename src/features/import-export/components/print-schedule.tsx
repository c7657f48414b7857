/**
 * "In / PDF": the schedule as a printed table, grouped by phase, under a header with the plan's name
 * and the print date; the current calendar view prints above it. The browser's print dialog saves it
 * as PDF. Only the print stylesheet shows this element.
 *
 * The rows are the spreadsheet exports' (schedule-rows.ts): the same grouping, order and numbering,
 * and a recurring task one row per occurrence with its rule under the notes.
 */
import { useEffect, useMemo } from 'react'
import { formatDate } from '@/domain/dates/format-date'
import { computeMilestones, milestoneOffsetLabel } from '@/domain/rules/milestones'
import type { Task } from '@/domain/types'
import { useLanguage, useMessages } from '@/components/use-messages'
import { buildScheduleRows } from '@/io/schedule-table/schedule-rows'
import { formatInstant } from '@/lib/format-instant'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

export function PrintSchedule() {
  const request = usePlannerStore((s) => s.printRequest)
  const plan = usePlannerStore(selectActivePlan)
  const messages = useMessages()
  const language = useLanguage()
  const t = messages.print

  const groups = useMemo(() => {
    if (!request) return []
    const tasks = request.taskIds.map((id) => plan.tasks[id]).filter((x): x is Task => x !== undefined)
    return buildScheduleRows(plan, tasks, language, { range: request.range ?? null })
  }, [request, plan, language])

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
  const milestones = request.includeMilestones ? computeMilestones(plan.election) : []
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
        {groups.map((group) => (
          <tbody key={group.phaseId ?? 'outside'}>
            <tr className="print-group"><td colSpan={8}>{group.phaseId === null ? t.outside : `${group.name} (${group.rangeLabel})`}</td></tr>
            {group.rows.map((row) => (
              <tr key={row.occurrenceDate === null ? row.task.id : `${row.task.id}@${row.occurrenceDate}`}>
                <td>{row.number}</td>
                <td>{row.display.title}</td>
                <td>{row.timeLabel}</td>
                <td>{row.display.lead}</td>
                <td>{row.display.support}</td>
                <td>{row.display.channel}</td>
                <td>{messages.status[row.task.status]}</td>
                <td>{[row.task.quantity, row.display.notes].filter(Boolean).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      {milestones.length > 0 ? (
        <table className="print-table print-milestones">
          <thead><tr><th colSpan={3}>{t.milestones}</th></tr></thead>
          <tbody>
            {milestones.map((m) => (
              <tr key={m.id}><td>{milestoneOffsetLabel(m)}</td><td>{language === 'en' ? m.nameEn : m.nameVi}</td><td>{formatDate(m.date)}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
