/**
 * FullCalendar's "+N nữa" link and its day popover, made usable from the keyboard. FullCalendar 6
 * renders the link as `<a tabindex=0 aria-expanded aria-controls>` with no role (axe:
 * aria-allowed-attr), puts the popover at the end of the view (dozens of Tab stops away), and closes
 * it with a `<span title="Close">` that cannot be focused and is not translated. There is no option
 * for any of this, so the DOM FullCalendar made is adjusted here, after it renders:
 * - the link is a button;
 * - when it opens the popover, focus moves into it (its first event, else its close button);
 * - the close is a focusable button with a localised name; Enter or Space on it closes;
 * - Esc or the close button gives focus back to the link (FullCalendar closes on Esc itself).
 */

/** How long to wait for FullCalendar to draw the popover after a click (frames, ~0.5 s). */
const OPEN_WAIT_FRAMES = 30

/** Adjusts one "+N" link (call from `moreLinkDidMount`). `closeLabel` is read when a popover opens. */
export function makePopoverKeyboardFriendly(link: HTMLElement, closeLabel: () => string): void {
  link.setAttribute('role', 'button')
  // FullCalendar writes aria-controls="" while closed; an empty id reference is no reference.
  const dropEmptyControls = () => {
    if (link.getAttribute('aria-controls') === '') link.removeAttribute('aria-controls')
  }
  dropEmptyControls()
  new MutationObserver(dropEmptyControls).observe(link, { attributes: true, attributeFilter: ['aria-controls'] })

  const onOpen = () => {
    // FullCalendar opens the popover in its own click/keydown handler, which ran before this one,
    // and renders it a few frames later: look for it for a while.
    let frames = OPEN_WAIT_FRAMES
    const look = () => {
      const id = link.getAttribute('aria-controls')
      const popover = id ? document.getElementById(id) : null
      if (popover) adoptPopover(popover, link, closeLabel())
      else if ((frames -= 1) > 0) requestAnimationFrame(look)
    }
    requestAnimationFrame(look)
  }
  link.addEventListener('click', onOpen)
  link.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') onOpen()
  })
}

function adoptPopover(popover: HTMLElement, link: HTMLElement, label: string): void {
  popover.setAttribute('role', 'dialog')
  const close = popover.querySelector<HTMLElement>('.fc-popover-close')
  if (close && close.getAttribute('role') !== 'button') {
    close.setAttribute('role', 'button')
    close.tabIndex = 0
    close.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return
      event.preventDefault()
      close.click()
    })
    close.addEventListener('click', () => returnFocus(link))
  }
  if (close) {
    close.setAttribute('aria-label', label)
    close.title = label
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') returnFocus(link)
  }
  document.addEventListener('keydown', onKeyDown)
  // Forget the Esc handler once FullCalendar has removed the popover, however it was closed.
  const observer = new MutationObserver(() => {
    if (popover.isConnected) return
    observer.disconnect()
    // FullCalendar's own Esc listener runs on the same event; let it close first.
    setTimeout(() => document.removeEventListener('keydown', onKeyDown), 0)
  })
  if (popover.parentNode) observer.observe(popover.parentNode, { childList: true })
  const first = popover.querySelector<HTMLElement>('.fc-popover-body .fc-event[tabindex]') ?? close
  first?.focus()
}

/** After FullCalendar has closed the popover: back to the link, unless the user has moved on. */
function returnFocus(link: HTMLElement): void {
  setTimeout(() => {
    const active = document.activeElement
    const lost = active === null || active === document.body || !active.isConnected
    if (lost && link.isConnected) link.focus()
  }, 0)
}
