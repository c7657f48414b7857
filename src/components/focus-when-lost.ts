/**
 * Focus for a keyboard user after a dialog closes onto a redrawn page. A modal dialog gives focus
 * back to the element that opened it, but when that element was replaced meanwhile (the calendar
 * redraws a saved task's event; an export menu re-renders) focus falls to <body>, and the next Tab
 * starts from the top of the page. This puts it on the element `find` names, else on the main area.
 */

/** The main area: the skip link's target (app.tsx), focusable by script only. */
const MAIN_AREA_ID = 'calendar-area'
/** Frames to wait: the dialog's own focus return, then the calendar's redraw (FullCalendar renders on the next frame). */
const SETTLE_FRAMES = 3

function isLost(): boolean {
  const active = document.activeElement
  return active === null || active === document.body || !active.isConnected
}

/**
 * After the dialog has closed and the page redrawn: if focus was lost, focus `find()` or the main
 * area. With `preferTarget`, `find()`'s element takes focus even from the opener (a new task: its
 * event, not the "add" button that opened the form).
 */
export function focusWhenLost(find: () => HTMLElement | null, { preferTarget = false } = {}): void {
  let frames = SETTLE_FRAMES
  const step = () => {
    frames -= 1
    if (frames > 0) {
      requestAnimationFrame(step)
      return
    }
    if (preferTarget) {
      const target = find()
      if (target) {
        target.focus()
        return
      }
    }
    if (!isLost()) return
    const target = find()
    if (target) {
      target.focus()
      if (!isLost()) return
    }
    const main = document.getElementById(MAIN_AREA_ID)
    if (!main) return
    if (!main.hasAttribute('tabindex')) {
      main.setAttribute('tabindex', '-1')
      main.addEventListener('blur', () => main.removeAttribute('tabindex'), { once: true })
    }
    main.focus()
  }
  requestAnimationFrame(step)
}

/** The task's event (calendar) or bar (timeline) on screen, by the data-task-id they carry. */
export function findTaskElement(taskId: string): HTMLElement | null {
  for (const el of document.querySelectorAll<HTMLElement>(`[data-task-id="${CSS.escape(taskId)}"]`)) {
    if (el.getClientRects().length > 0) return el
  }
  return null
}
