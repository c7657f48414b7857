/**
 * Left panel: phases with their dates, the channel legend (entries toggle visibility), and the next
 * legal milestones from the period shown, each with its D-n.
 */
import { useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { addDays } from '@/domain/dates/local-date'
import { formatDate } from '@/domain/dates/format-date'
import { computeMilestones, milestoneOffsetLabel } from '@/domain/rules/milestones'
import { useLanguage, useMessages } from '@/components/use-messages'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

const UPCOMING_MILESTONE_COUNT = 6

export function SidePanel() {
  const plan = usePlannerStore(selectActivePlan)
  const calendarDate = usePlannerStore((s) => s.calendar.date)
  const hiddenChannelIds = usePlannerStore(useShallow((s) => s.hiddenChannelIds))
  const showHolidays = usePlannerStore((s) => s.showHolidays)
  const { toggleChannelHidden, setCalendar } = usePlannerStore(useShallow((s) => ({ toggleChannelHidden: s.toggleChannelHidden, setCalendar: s.setCalendar })))
  const messages = useMessages()
  const language = useLanguage()
  const [collapsed, setCollapsed] = useState(false)
  const milestones = useMemo(() => computeMilestones(plan.election), [plan.election])
  const fromDate = `${calendarDate.slice(0, 7)}-01`
  const upcoming = milestones.filter((m) => (m.endDate ?? m.date) >= fromDate).slice(0, UPCOMING_MILESTONE_COUNT)

  if (collapsed) {
    return (
      <aside className="side-panel is-collapsed">
        <button type="button" className="icon-button" aria-label={messages.expandPanel} aria-expanded="false" onClick={() => setCollapsed(false)}>»</button>
      </aside>
    )
  }
  return (
    <aside className="side-panel" aria-label={messages.phases}>
      <button type="button" className="icon-button collapse-button" aria-label={messages.collapsePanel} aria-expanded="true" onClick={() => setCollapsed(true)}>«</button>
      <section>
        <h2>{messages.phases}</h2>
        <ul className="phase-list">
          {plan.phases.map((phase, i) => (
            <li key={phase.id}>
              <button type="button" className="link-button" onClick={() => setCalendar({ date: phase.start })}>
                <span className={`phase-swatch phase-band-${i % 3}`} aria-hidden="true" />
                <span className="phase-name">{language === 'en' && phase.nameEn ? phase.nameEn : phase.name}</span>
              </button>
              <span className="muted small">{formatDate(phase.start)} – {formatDate(addDays(phase.end, -1))}</span>
            </li>
          ))}
        </ul>
        <p className="muted small">{messages.phaseModelledNote}</p>
      </section>
      <section>
        <h2>{messages.channels}</h2>
        <ul className="channel-legend" title={messages.channelLegendHint}>
          {plan.channels.map((channel) => {
            const hidden = hiddenChannelIds.includes(channel.id)
            return (
              <li key={channel.id}>
                <button type="button" className={`legend-item${hidden ? ' is-hidden' : ''}`} aria-pressed={!hidden} onClick={() => toggleChannelHidden(channel.id)}>
                  <span className="channel-dot" style={{ background: channel.color }} aria-hidden="true" />
                  <span>{language === 'en' && channel.nameEn ? channel.nameEn : channel.name}</span>
                  {hidden ? <span className="muted small"> ({messages.hidden})</span> : null}
                </button>
              </li>
            )
          })}
        </ul>
      </section>
      <label className="checkbox small">
        <input type="checkbox" checked={showHolidays} onChange={(e) => usePlannerStore.getState().setShowHolidays(e.target.checked)} data-testid="toggle-holidays" />
        {messages.showHolidays}
      </label>
      <section>
        <h2>{messages.upcomingMilestones}</h2>
        <ul className="milestone-list">
          {upcoming.map((m) => (
            <li key={m.id}>
              <button type="button" className="link-button" onClick={() => setCalendar({ date: m.date })}>
                <span className="d-badge">{milestoneOffsetLabel(m)}</span>
                <span>{language === 'en' ? m.nameEn : m.nameVi}</span>
              </button>
              <span className="muted small">{formatDate(m.date)}{m.endDate ? ` – ${formatDate(m.endDate)}` : ''}{m.time ? ` ${m.time}` : ''}</span>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  )
}
