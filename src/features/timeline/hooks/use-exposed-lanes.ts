/**
 * Lets screen readers and keyboard users reach the timeline's bars (issue 11, axe `aria-hidden-focus`).
 *
 * FullCalendar's resource timeline lays its bars out in a table it marks `aria-hidden` (the lanes
 * beside the resource cells), so every focusable bar sat inside hidden content. Un-hiding it alone is
 * not enough: the lanes are inside the scroll grid's `role=grid` row group through presentational
 * rows, so the bars would be loose children of a row group (`aria-required-children`). Here the lane
 * table is un-hidden and its rows and cells get the grid's roles (row, gridcell), so each bar is a
 * button inside a cell of the grid, as in the calendar views.
 *
 * FullCalendar re-creates rows when the resources change (grouping, filter) and keeps no attribute we
 * set on elements it redraws, so a MutationObserver re-applies the roles after each change, once per
 * frame. The table has one row per resource (dozens), so a pass costs well under a millisecond.
 */
import { useEffect, type RefObject } from 'react'

const LANE_TABLE = '.fc-timeline-body > .fc-scrollgrid-sync-table'

function exposeLanes(root: HTMLElement): void {
  for (const table of root.querySelectorAll<HTMLElement>(LANE_TABLE)) {
    if (table.hasAttribute('aria-hidden')) table.removeAttribute('aria-hidden')
    setRole(table, 'presentation')
    for (const body of table.querySelectorAll<HTMLElement>(':scope > tbody')) setRole(body, 'presentation')
    for (const row of table.querySelectorAll<HTMLElement>(':scope > tbody > tr')) setRole(row, 'row')
    for (const cell of table.querySelectorAll<HTMLElement>(':scope > tbody > tr > td')) setRole(cell, 'gridcell')
  }
}

function setRole(node: HTMLElement, role: string): void {
  if (node.getAttribute('role') !== role) node.setAttribute('role', role)
}

export function useExposedLanes(rootRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = rootRef.current
    if (!root) return undefined
    let frame = 0
    const schedule = () => {
      if (frame !== 0) return
      frame = requestAnimationFrame(() => {
        frame = 0
        exposeLanes(root)
      })
    }
    exposeLanes(root)
    // Only rows and the hidden flag: the bars' own changes (drag, redraw) do not touch the table's roles.
    const observer = new MutationObserver(schedule)
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-hidden'] })
    return () => {
      observer.disconnect()
      if (frame !== 0) cancelAnimationFrame(frame)
    }
  }, [rootRef])
}
