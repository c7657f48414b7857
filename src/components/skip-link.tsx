/**
 * "Bỏ qua đến lịch": the first Tab stop of the page, hidden until focused, that moves focus past
 * the top bar and the side panel (some thirty stops) to the calendar area (WCAG 2.4.1).
 *
 * Focus is moved by script rather than by following the #fragment: a fragment would add a history
 * entry and touch the address, which carries the filter (store/address-sync.ts). The target gets
 * tabindex=-1 only while it holds that focus, so a click elsewhere in it does not focus it.
 */
export function SkipLink({ targetId, label }: { targetId: string; label: string }) {
  return (
    <a
      className="skip-link"
      href={`#${targetId}`}
      onClick={(event) => {
        const target = document.getElementById(targetId)
        if (!target) return
        event.preventDefault()
        if (!target.hasAttribute('tabindex')) {
          target.setAttribute('tabindex', '-1')
          target.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true })
        }
        target.focus()
      }}
    >
      {label}
    </a>
  )
}
