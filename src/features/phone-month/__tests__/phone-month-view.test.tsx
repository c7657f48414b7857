// @vitest-environment jsdom
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LanguageContext } from '@/components/use-messages'
import { PhoneMonthView } from '@/features/phone-month/components/phone-month-view'
import { selectActivePlan, usePlannerStore } from '@/store/use-planner-store'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

describe('PhoneMonthView', () => {
  const initial = usePlannerStore.getState()
  let container: HTMLDivElement
  let root: Root
  let listedDays: string[]

  const cell = (date: string) => container.querySelector<HTMLElement>(`td[data-date="${date}"]`)
  const render = () => act(() => root.render(
    <LanguageContext.Provider value="vi"><PhoneMonthView dayTasks={(day) => { listedDays.push(day); return <p data-testid="day-tasks">{day}</p> }} /></LanguageContext.Provider>,
  ))

  beforeEach(() => {
    container = document.createElement('div')
    document.body.append(container)
    root = createRoot(container)
    listedDays = []
  })
  afterEach(() => {
    act(() => root.unmount())
    container.remove()
    usePlannerStore.setState({ plans: initial.plans, calendar: initial.calendar, hiddenChannelIds: initial.hiddenChannelIds, language: 'vi' })
  })

  it('draws the month in Monday-first weeks with election day marked, and lists the picked day\'s tasks', () => {
    act(() => usePlannerStore.setState({ language: 'vi', calendar: { view: 'month', date: '2021-05-23', listDay: null } }))
    render()
    expect(container.querySelectorAll('tbody tr')).toHaveLength(6)
    expect([...container.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'])
    expect(container.querySelector('tbody td')?.getAttribute('data-date')).toBe('2021-04-26')
    const electionDay = cell('2021-05-23')!
    expect(electionDay.className).toContain('is-election-day')
    expect(electionDay.getAttribute('aria-selected')).toBe('true')
    expect(electionDay.tabIndex).toBe(0)
    expect(cell('2021-05-22')!.tabIndex).toBe(-1)
    expect(electionDay.querySelector('.visually-hidden')?.textContent).toMatch(/^Chủ nhật 23\/05\/2021 \(D\): \d+ nhiệm vụ; Ngày bầu cử$/)
    expect(container.querySelector('.pm-note.is-election')?.textContent).toBeTruthy()
    expect(container.querySelector('[data-testid="day-tasks"]')?.textContent).toBe('2021-05-23')
  })

  it('counts each day\'s tasks with their channels\' dots, and follows the filter', () => {
    const plan = selectActivePlan(usePlannerStore.getState())
    const channel = plan.channels[0]!
    act(() => {
      usePlannerStore.getState().createTask({
        title: 'Họp tổng kết', allDay: true, start: '2022-03-08', end: '2022-03-10', anchor: { type: 'fixed' }, endAnchor: null,
        channelId: channel.id, leadUnitId: null, supportUnitIds: [], location: '', quantity: '', status: 'planned', doneOn: null,
        description: '', training: null, recurrence: null, level: null, source: null, campaigning: false, derivedFromTaskId: null,
      })
      usePlannerStore.setState({ calendar: { view: 'month', date: '2022-03-01', listDay: null } })
    })
    render()
    expect(cell('2022-03-08')!.querySelector('.pm-day-count')?.textContent).toBe('1')
    expect(cell('2022-03-09')!.querySelector('.pm-day-count')?.textContent).toBe('1')
    expect(cell('2022-03-10')!.querySelector('.pm-day-count')).toBeNull()
    expect(cell('2022-03-10')!.textContent).toMatch(/không có nhiệm vụ$/)
    const dots = cell('2022-03-08')!.querySelector<HTMLElement>('.pm-day-dots')!
    expect(dots.style.backgroundImage).toContain('radial-gradient')
    expect(dots.style.width).toBe('7px')
    act(() => usePlannerStore.setState({ hiddenChannelIds: [channel.id] }))
    expect(cell('2022-03-08')!.querySelector('.pm-day-count')).toBeNull()
  })

  it('picks a day by a tap, and moves by day, week and month from the keyboard with the focus on the picked day', () => {
    act(() => usePlannerStore.setState({ calendar: { view: 'month', date: '2021-05-23', listDay: null } }))
    render()
    act(() => cell('2021-05-10')!.click())
    expect(usePlannerStore.getState().calendar.date).toBe('2021-05-10')
    expect(listedDays.at(-1)).toBe('2021-05-10')

    const grid = container.querySelector('table')!
    const press = (key: string) => act(() => { document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })) })
    act(() => cell('2021-05-10')!.focus())
    press('ArrowRight')
    expect(usePlannerStore.getState().calendar.date).toBe('2021-05-11')
    expect(document.activeElement).toBe(cell('2021-05-11'))
    press('ArrowDown')
    expect(document.activeElement).toBe(cell('2021-05-18'))
    press('End')
    expect(document.activeElement).toBe(cell('2021-05-23'))
    press('Home')
    expect(document.activeElement).toBe(cell('2021-05-17'))
    press('PageDown')
    expect(usePlannerStore.getState().calendar.date).toBe('2021-06-17')
    expect(document.activeElement).toBe(cell('2021-06-17'))
    expect(grid.getAttribute('aria-label')).toBe('Tháng 6 năm 2021')
    press('ArrowUp')
    press('ArrowUp')
    press('ArrowUp')
    expect(usePlannerStore.getState().calendar.date).toBe('2021-05-27')
    expect(document.activeElement).toBe(cell('2021-05-27'))
  })

  it('leaves the focus alone when a key moves nothing, or is the browser\'s or the app\'s (Alt, Ctrl)', () => {
    act(() => usePlannerStore.setState({ calendar: { view: 'month', date: '2021-05-17', listDay: null } }))
    render()
    const toolbarButton = document.createElement('button')
    document.body.append(toolbarButton)
    try {
      act(() => cell('2021-05-17')!.focus())
      const press = (key: string, init: KeyboardEventInit = {}) => act(() => { document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })) })
      press('Home') // already on the Monday
      press('ArrowLeft', { altKey: true })
      expect(usePlannerStore.getState().calendar.date).toBe('2021-05-17')
      // The date then changes from elsewhere (the toolbar's "Sau"): the focus stays where the user put it.
      act(() => toolbarButton.focus())
      act(() => usePlannerStore.getState().setCalendar({ date: '2021-06-01' }))
      expect(document.activeElement).toBe(toolbarButton)
    } finally {
      toolbarButton.remove()
    }
  })
})
