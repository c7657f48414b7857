/**
 * A modal built on <dialog>: the browser makes the rest of the page inert (focus stays inside),
 * Esc asks `onRequestClose` (which may refuse), and focus returns to where it was on close.
 */
import { useEffect, useRef, type ReactNode } from 'react'

export function ModalDialog({
  title, onRequestClose, children, className, labelledById,
}: {
  title: string
  onRequestClose: () => void
  children: ReactNode
  className?: string
  labelledById: string
}) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const previouslyFocused = document.activeElement as HTMLElement | null
    if (!dialog.open) dialog.showModal()
    return () => {
      if (dialog.open) dialog.close()
      previouslyFocused?.focus?.()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={labelledById}
      onCancel={(e) => {
        e.preventDefault()
        onRequestClose()
      }}
    >
      <h2 id={labelledById} className="modal-title">{title}</h2>
      {children}
    </dialog>
  )
}
