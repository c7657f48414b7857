/**
 * The top bar's actions on a phone: a disclosure ("Thao tác ▾") whose panel holds ordinary buttons.
 * Not role=menu: a menu promises arrow keys and typeahead, a disclosure only Tab, which is what the
 * buttons inside need. Esc (with focus anywhere inside), a tap outside or Tab out of the panel closes
 * it; Esc returns focus to its button. An action closes it with focus moved to the button first, so a dialog the action
 * opens (ModalDialog remembers the focused element) gives focus back to the button, not to a button
 * that no longer shows.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

export function ActionsMenu({ label, children }: {
  label: string
  /** `run(action)` wraps an action so that choosing it closes the menu first. */
  children: (run: (action: () => void) => () => void) => ReactNode
}) {
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const rootRef = useRef<HTMLDivElement>(null)
  const panelId = useId()
  const closeToButton = () => {
    buttonRef.current?.focus()
    setOpen(false)
  }

  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  const run = (action: () => void) => () => {
    closeToButton()
    action()
  }
  return (
    <div
      className="actions-menu"
      ref={rootRef}
      onBlur={(e) => {
        // Focus moved past the panel (Tab from its last button): close it, as a tap outside does.
        const next = e.relatedTarget as Node | null
        if (open && next && !e.currentTarget.contains(next)) setOpen(false)
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation()
          closeToButton()
        }
      }}
    >
      <button ref={buttonRef} type="button" aria-expanded={open} aria-controls={panelId} data-testid="actions-menu-button" onClick={() => setOpen(!open)}>
        {label} <span aria-hidden="true">▾</span>
      </button>
      <div id={panelId} className="actions-menu-panel" hidden={!open} data-testid="actions-menu">
        {children(run)}
      </div>
    </div>
  )
}
