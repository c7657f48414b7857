/**
 * Left panel: phases with their dates, the channel legend (entries toggle visibility), and the next
 * legal milestones from the period shown, each with its D-n.
 *
 * On a phone (NARROW_SCREEN_QUERY) the panel would take half the width: it becomes a drawer instead,
 * closed by default and opened from the top bar (SidePanelDrawerButton). The drawer is a modal
 * <dialog>, like the other dialogs: the page behind is inert, focus moves in and returns to the
 * button, Esc and a tap on the backdrop close it.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { addDays } from '@/domain/dates/local-date'
import { formatDate } from '@/domain/dates/format-date'
import { computeMilestones, milestoneOffsetLabel } from '@/domain/rules/milestones'
import { useLanguage, useMessages } from '@/components/use-messages'
import { useNarrowScreen } from '@/components/use-narrow-screen'
import { setSidePanelDrawerOpen, SIDE_PANEL_DRAWER_ID, useSidePanelDrawerOpen } from '@/features/side-panel/utils/drawer-state'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

const UPCOMING_MILESTONE_COUNT = 6

export function SidePanel() {
  const messages = useMessages()
  const narrow = useNarrowScreen()
  const [collapsed, setCollapsed] = useState(false)
  if (narrow) return <SidePanelDrawer />
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
      <SidePanelContent />
    </aside>
  )
}

/** The top bar's button for the drawer (rendered only in the phone layout). */
export function SidePanelDrawerButton() {
  const open = useSidePanelDrawerOpen()
  const messages = useMessages()
  return (
    <button type="button" className="icon-button drawer-button" aria-label={messages.phone.panel} aria-expanded={open}
      aria-controls={SIDE_PANEL_DRAWER_ID} data-testid="side-panel-button" onClick={() => setSidePanelDrawerOpen(!open)}>
      ☰
    </button>
  )
}

function SidePanelDrawer() {
  const open = useSidePanelDrawerOpen()
  const messages = useMessages()
  const ref = useRef<HTMLDialogElement>(null)
  const close = () => setSidePanelDrawerOpen(false)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog || !open) return
    const previouslyFocused = document.activeElement as HTMLElement | null
    if (!dialog.open) dialog.showModal()
    return () => {
      if (dialog.open) dialog.close()
      previouslyFocused?.focus?.()
    }
  }, [open])
  // Back to the office layout (a phone turned sideways): the drawer is gone, and closed next time.
  useEffect(() => () => setSidePanelDrawerOpen(false), [])
  return (
    <dialog
      ref={ref}
      id={SIDE_PANEL_DRAWER_ID}
      className="side-drawer"
      aria-labelledby={`${SIDE_PANEL_DRAWER_ID}-title`}
      data-testid="side-panel-drawer"
      onCancel={(e) => {
        e.preventDefault()
        close()
      }}
      // The drawer's content fills the dialog: a click on the dialog itself is on its backdrop.
      onClick={(e) => { if (e.target === e.currentTarget) close() }}
    >
      <div className="side-drawer-header">
        <h2 id={`${SIDE_PANEL_DRAWER_ID}-title`}>{messages.phone.panel}</h2>
        <button type="button" className="icon-button" aria-label={messages.phone.closePanel} onClick={close}>×</button>
      </div>
      {/* Rendered only while open: the milestones follow the period shown, which changes behind it. */}
      {open ? <div className="side-panel side-drawer-body"><SidePanelContent onNavigate={close} /></div> : null}
    </dialog>
  )
}

/** What the panel shows; `onNavigate` runs after a phase or a milestone moved the calendar there. */
function SidePanelContent({ onNavigate }: { onNavigate?: () => void }) {
  const plan = usePlannerStore(selectActivePlan)
  const calendarDate = usePlannerStore((s) => s.calendar.date)
  const hiddenChannelIds = usePlannerStore(useShallow((s) => s.hiddenChannelIds))
  const showHolidays = usePlannerStore((s) => s.showHolidays)
  const { toggleChannelHidden, setCalendar } = usePlannerStore(useShallow((s) => ({ toggleChannelHidden: s.toggleChannelHidden, setCalendar: s.setCalendar })))
  const messages = useMessages()
  const language = useLanguage()
  const milestones = useMemo(() => computeMilestones(plan.election), [plan.election])
  const fromDate = `${calendarDate.slice(0, 7)}-01`
  const upcoming = milestones.filter((m) => (m.endDate ?? m.date) >= fromDate).slice(0, UPCOMING_MILESTONE_COUNT)
  const goTo = (date: string) => {
    setCalendar({ date })
    onNavigate?.()
  }

  return (
    <>
      <section>
        <h2>{messages.phases}</h2>
        <ul className="phase-list">
          {plan.phases.map((phase, i) => (
            <li key={phase.id}>
              <button type="button" className="link-button" onClick={() => goTo(phase.start)}>
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
              <button type="button" className="link-button" onClick={() => goTo(m.date)}>
                <span className="d-badge">{milestoneOffsetLabel(m)}</span>
                <span>{language === 'en' ? m.nameEn : m.nameVi}</span>
              </button>
              <span className="muted small">{formatDate(m.date)}{m.endDate ? ` – ${formatDate(m.endDate)}` : ''}{m.time ? ` ${m.time}` : ''}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
