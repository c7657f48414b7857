/**
 * "Tháng" on a phone (issue 11, "Phones"): the month as a grid of days, each with its task count and
 * its channels' dots, and under it the picked day's tasks (the list's own rows, status select and
 * all, given by the app). Picking a day moves the app's date, so the week, the list and a reload keep it.
 *
 * Written here, not FullCalendar's day grid: at 390 px FullCalendar's month is seven 50 px columns
 * of clipped titles and "+n" links, and its first render is one ~0.8–1 s task on a mid-range phone
 * (4× CPU, 10,000 tasks: preact's diff and its row sizing by getBoundingClientRect) against the
 * issue's 200 ms for a tap. This grid is ≤ 42 cells of text; the day's tasks are the virtualised list.
 * Wider screens keep FullCalendar's month (drag and drop there; on a phone: the week, or the editor's
 * date fields).
 *
 * Keyboard (the date-picker grid of the ARIA practices): one Tab stop, the picked day; arrows move a
 * day or a week, Home/End to the week's ends, Page Up/Down a month. A finger swipes months.
 */
import { useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react'
import { addDays, todayIn } from '@/domain/dates/local-date'
import { electionOffsetLabel } from '@/domain/dates/election-offset'
import { formatDate } from '@/domain/dates/format-date'
import { periodTitle, sameDayOfMonth, stepPeriod } from '@/domain/dates/calendar-period'
import { markDays, monthGridWeeks } from '@/domain/plan/day-marks'
import { taskIndexOf } from '@/domain/plan/task-index'
import { computeMilestones } from '@/domain/rules/milestones'
import { holidaysInRange } from '@/domain/holidays/holidays'
import { NO_CHANNEL_COLOR } from '@/domain/colors/task-colors'
import type { LocalDate } from '@/domain/types'
import { useLanguage, useMessages } from '@/components/use-messages'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'
import { useVisibleTaskPredicate } from '@/store/use-task-filter'
import '@/features/phone-month/components/phone-month-view.css'


/** A dot's size and the step between dots, in px (phone-month-view.css sizes the box's height). */
const DOT_PX = 7
const DOT_STEP_PX = 10
const SAFE_COLOR = /^#[0-9a-f]{6}$/i

/**
 * A day's dots as one element's backgrounds, one radial gradient per channel, not an element per
 * dot: a month has ~120 dots, and at 10,000 tasks the elements and their styles were a tenth of the
 * tap that opens the month on a phone. A colour goes into CSS text here, so only `#rrggbb` is let
 * through (restore-plan.ts allows no other; this keeps a url() out even if that ever changed).
 */
function dotsStyle(colors: readonly string[]): CSSProperties {
  const safe = colors.map((color) => (SAFE_COLOR.test(color) ? color : NO_CHANNEL_COLOR))
  return {
    width: `${(safe.length - 1) * DOT_STEP_PX + DOT_PX}px`,
    backgroundImage: safe.map((color) => `radial-gradient(circle closest-side, ${color} 92%, transparent 100%)`).join(', '),
    backgroundPosition: safe.map((_, i) => `${i * DOT_STEP_PX}px 0`).join(', '),
  }
}

/** A sideways swipe this long (and more sideways than up or down) turns the month. */
const SWIPE_MIN_PX = 60

/** Key → days to move; Home/End depend on the weekday and Page Up/Down on the month, below. */
const DAY_STEPS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }

/** `dayTasks`: the picked day's tasks (the app gives the list's rows: features do not import each other). */
export function PhoneMonthView({ dayTasks }: { dayTasks: (day: LocalDate) => ReactNode }) {
  const plan = usePlannerStore(selectActivePlan)
  const date = usePlannerStore((s) => s.calendar.date)
  const showHolidays = usePlannerStore((s) => s.showHolidays)
  const setCalendar = usePlannerStore((s) => s.setCalendar)
  const keep = useVisibleTaskPredicate()
  const messages = useMessages()
  const language = useLanguage()
  const electionDay = plan.election.electionDay
  const today = todayIn(plan.timeZone)

  const month = date.slice(0, 7)
  const weeks = useMemo(() => monthGridWeeks(`${month}-01`), [month])
  const days = useMemo(() => weeks.flat(), [weeks])
  const gridStart = days[0]!
  const gridEnd = addDays(days.at(-1)!, 1)
  const index = taskIndexOf(plan.tasks)
  const marks = useMemo(() => new Map(markDays(days, index, keep ?? undefined).map((mark) => [mark.date, mark])), [days, index, keep])
  const colors = useMemo(() => new Map(plan.channels.map((c) => [c.id, c.color])), [plan.channels])
  const milestones = useMemo(() => computeMilestones(plan.election), [plan.election])
  const holidays = useMemo(() => (showHolidays ? holidaysInRange(gridStart, gridEnd) : []), [showHolidays, gridStart, gridEnd])
  const milestoneDays = useMemo(() => {
    const days = new Set<LocalDate>()
    for (const m of milestones) for (let d = m.date, last = m.endDate ?? m.date; d <= last && d < gridEnd; d = addDays(d, 1)) if (d >= gridStart) days.add(d)
    return days
  }, [milestones, gridStart, gridEnd])
  const holidayDays = useMemo(() => new Set(holidays.map((h) => h.date)), [holidays])

  const dayNotes = [
    ...milestones.filter((m) => m.date <= date && date <= (m.endDate ?? m.date)).map((m) => ({ key: m.id, kind: m.date === electionDay ? 'election' : 'milestone', text: language === 'en' ? m.nameEn : m.nameVi })),
    ...holidays.filter((h) => h.date === date).map((h) => ({ key: h.id, kind: 'holiday', text: language === 'en' ? h.nameEn : h.nameVi })),
  ]

  // A day reached by the keyboard takes the focus once the grid shows it (it may be in another month).
  const gridRef = useRef<HTMLTableElement>(null)
  const focusPicked = useRef(false)
  useEffect(() => {
    if (!focusPicked.current) return
    focusPicked.current = false
    gridRef.current?.querySelector<HTMLElement>(`[data-date="${date}"]`)?.focus()
  }, [date])

  const pick = (day: LocalDate) => setCalendar({ date: day })
  // A finger swiped sideways over the grid turns the month, as phone calendars do (‹ › in the toolbar too).
  const swipe = useRef<{ x: number; y: number } | null>(null)
  const onPointerDown = (event: PointerEvent<HTMLTableElement>) => {
    swipe.current = event.pointerType === 'touch' ? { x: event.clientX, y: event.clientY } : null
  }
  const onPointerUp = (event: PointerEvent<HTMLTableElement>) => {
    const start = swipe.current
    swipe.current = null
    if (!start) return
    const dx = event.clientX - start.x
    if (Math.abs(dx) >= SWIPE_MIN_PX && Math.abs(event.clientY - start.y) < Math.abs(dx) / 2) pick(stepPeriod('month', date, dx < 0 ? 1 : -1))
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    // Alt+← is the browser's Back, Ctrl/⌘ combinations the app's (undo) and the browser's.
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const weekday = days.indexOf(date) % 7
    const target = event.key in DAY_STEPS ? addDays(date, DAY_STEPS[event.key]!)
      : event.key === 'Home' ? addDays(date, -weekday)
        : event.key === 'End' ? addDays(date, 6 - weekday)
          : event.key === 'PageUp' ? sameDayOfMonth(date, -1)
            : event.key === 'PageDown' ? sameDayOfMonth(date, 1)
              : null
    if (target === null) return
    event.preventDefault()
    // Home on a Monday, End on a Sunday: nothing moves (a flag left set would pull the focus back on
    // the next date change, from the toolbar say).
    if (target === date) return
    focusPicked.current = true
    pick(target)
  }

  const title = periodTitle('month', date, language)
  return (
    <div className="phone-month" data-testid="phone-month">
      <table ref={gridRef} className="phone-month-grid" role="grid" aria-label={title} aria-describedby="phone-month-hint" onKeyDown={onKeyDown}
        onPointerDown={onPointerDown} onPointerUp={onPointerUp} onPointerCancel={() => { swipe.current = null }}>
        <thead>
          <tr>
            {messages.phoneMonth.weekdays.map((short, i) => (
              <th key={short} scope="col" abbr={messages.phoneMonth.weekdayNames[i]}>{short}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day, weekday) => {
                const mark = marks.get(day)
                const count = mark?.count ?? 0
                const classes = ['pm-day']
                if (day.slice(0, 7) !== month) classes.push('is-other-month')
                if (day === date) classes.push('is-picked')
                if (day === today) classes.push('is-today')
                if (day === electionDay) classes.push('is-election-day')
                else if (milestoneDays.has(day)) classes.push('has-milestone')
                if (holidayDays.has(day)) classes.push('is-holiday')
                const extras = [
                  day === today ? messages.phoneMonth.today : null,
                  day === electionDay ? messages.calendar.electionDayMarker : milestoneDays.has(day) ? messages.phoneMonth.milestone : null,
                  holidayDays.has(day) ? messages.phoneMonth.holiday : null,
                ].filter(Boolean)
                const label = messages.phoneMonth.dayLabel(messages.phoneMonth.weekdayNames[weekday]!, formatDate(day), electionOffsetLabel(day, electionDay), count)
                return (
                  <td
                    key={day}
                    data-date={day}
                    className={classes.join(' ')}
                    tabIndex={day === date ? 0 : -1}
                    aria-selected={day === date}
                    aria-current={day === today ? 'date' : undefined}
                    onClick={() => pick(day)}
                  >
                    <span className="pm-day-number" aria-hidden="true">{Number(day.slice(8, 10))}</span>
                    {count > 0 ? <span className="pm-day-count" aria-hidden="true">{count}</span> : null}
                    {count > 0 ? <span className="pm-day-dots" aria-hidden="true" style={dotsStyle(mark!.channelIds.map((id) => (id && colors.get(id)) || NO_CHANNEL_COLOR))} /> : null}
                    {/* The cell's name, in its content (not aria-label: axe's label-in-name would want the shown number in it). */}
                    <span className="visually-hidden">{extras.length > 0 ? `${label}; ${extras.join(', ')}` : label}</span>
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p id="phone-month-hint" className="visually-hidden">{messages.phoneMonth.keyboardHint}</p>
      {dayNotes.length > 0 ? (
        <ul className="pm-day-notes" aria-label={messages.phoneMonth.dayNotes}>
          {dayNotes.map((note) => <li key={note.key} className={`pm-note is-${note.kind}`}>{note.text}</li>)}
        </ul>
      ) : null}
      {dayTasks(date)}
    </div>
  )
}
