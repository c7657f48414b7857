/**
 * A menu button built on <details>/<summary> ("Xuất ▾"): the summary opens a role=menu of
 * role=menuitem buttons with the keyboard of the WAI-ARIA APG menu button:
 * - Enter, Space or ↓ on the button opens the menu on its first item, ↑ on its last;
 * - ↓ ↑ move (wrapping), Home and End go to the ends, a letter goes to the next item starting with it;
 * - Esc closes and returns focus to the button; Tab closes and moves on; a click outside closes.
 * Choosing an item closes the menu with focus on the button first, so a dialog the item opens
 * (ModalDialog remembers the focused element) gives focus back to the button, not to <body>.
 *
 * <details> rather than a plain button: it opens without script and keeps the markup the tests and
 * styles already know (`details.menu summary`); the script only adds the keys.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react'
import { focusableItems, nextRovingIndex } from '@/components/use-roving-focus'

export interface DetailsMenuItem {
  key: string
  label: string
  onSelect: () => void
}

const ITEM_SELECTOR = '[role="menuitem"]'

export function DetailsMenu({ name, items, className = 'menu' }: {
  /** The button's text and the menu's accessible name. */
  name: string
  items: readonly DetailsMenuItem[]
  className?: string
}) {
  const detailsRef = useRef<HTMLDetailsElement>(null)
  const summaryRef = useRef<HTMLElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  // Which item takes focus when the menu has opened (the toggle event comes after the key or click).
  const focusOnOpenRef = useRef<'first' | 'last'>('first')
  const menuId = useId()

  const menuItems = () => focusableItems(menuRef.current, ITEM_SELECTOR)
  const close = (focusButton: boolean) => {
    if (focusButton) summaryRef.current?.focus()
    if (detailsRef.current) detailsRef.current.open = false
  }
  const openAt = (where: 'first' | 'last') => {
    const details = detailsRef.current
    if (!details) return
    if (details.open) {
      const list = menuItems()
      list[where === 'first' ? 0 : list.length - 1]?.focus()
      return
    }
    focusOnOpenRef.current = where
    details.open = true
  }

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const details = detailsRef.current
      if (details?.open && !details.contains(event.target as Node)) close(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [])

  const onSummaryKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      openAt(event.key === 'ArrowDown' ? 'first' : 'last')
    }
  }
  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const list = menuItems()
    const current = list.indexOf(event.target as HTMLElement)
    if (event.key === 'Tab') {
      // Focus moves on by the browser's own Tab order (the items are tabindex=-1, so past the menu).
      close(false)
      return
    }
    let index = nextRovingIndex(event.key, current, list.length, 'vertical')
    if (index === null && event.key.length === 1 && event.key !== ' ') {
      // Typeahead: the next item (after the current one, wrapping) whose label starts with the letter.
      const letter = event.key.toLocaleLowerCase()
      for (let step = 1; step <= list.length && index === null; step += 1) {
        const candidate = (current + step) % list.length
        if ((list[candidate]!.textContent ?? '').trim().toLocaleLowerCase().startsWith(letter)) index = candidate
      }
    }
    if (index === null) return
    event.preventDefault()
    list[index]!.focus()
  }

  return (
    <details
      ref={detailsRef}
      className={className}
      onToggle={(event) => {
        if (!event.currentTarget.open) return
        const list = menuItems()
        list[focusOnOpenRef.current === 'first' ? 0 : list.length - 1]?.focus()
        focusOnOpenRef.current = 'first'
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && detailsRef.current?.open) {
          // Handled here, not by a dialog or the calendar behind.
          event.preventDefault()
          event.stopPropagation()
          close(true)
        }
      }}
      onBlur={(event) => {
        // Focus left the whole menu (Shift+Tab past the button, a click elsewhere): close it.
        const next = event.relatedTarget as Node | null
        if (next && !event.currentTarget.contains(next)) close(false)
      }}
    >
      <summary ref={summaryRef} aria-controls={menuId} onKeyDown={onSummaryKeyDown}>{name} <span aria-hidden="true">▾</span></summary>
      <div ref={menuRef} id={menuId} className="menu-items" role="menu" aria-label={name} onKeyDown={onMenuKeyDown}>
        {items.map((item) => (
          <button key={item.key} type="button" role="menuitem" tabIndex={-1} onClick={() => {
            close(true)
            item.onSelect()
          }}>
            {item.label}
          </button>
        ))}
      </div>
    </details>
  )
}
