/**
 * Keyboard focus inside a composite widget (the calendar toolbar, the export menu): the group is one
 * Tab stop and the arrow keys, Home and End move between its items (WAI-ARIA APG, "roving tabindex").
 *
 * Hand-written rather than a library: it is twenty lines over the DOM, and the widgets keep their own
 * markup. The items' tabindex is written to the DOM (not through React props) after every render, so
 * the component does not have to thread an index through each button; React never sets tabIndex on
 * them, so it never overwrites it.
 */
import { useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react'

export type RovingOrientation = 'horizontal' | 'vertical'

/**
 * The index focus moves to for `key` among `count` items (wrapping at both ends), or null when the
 * key is not a move in this orientation.
 */
export function nextRovingIndex(key: string, current: number, count: number, orientation: RovingOrientation): number | null {
  if (count === 0) return null
  const previousKey = orientation === 'horizontal' ? 'ArrowLeft' : 'ArrowUp'
  const nextKey = orientation === 'horizontal' ? 'ArrowRight' : 'ArrowDown'
  if (key === nextKey) return current < 0 ? 0 : (current + 1) % count
  if (key === previousKey) return current < 0 ? count - 1 : (current - 1 + count) % count
  if (key === 'Home') return 0
  if (key === 'End') return count - 1
  return null
}

/** The items of a widget that can take focus now: enabled and not inside a hidden part. */
export function focusableItems(container: HTMLElement | null, selector: string): HTMLElement[] {
  if (!container) return []
  return [...container.querySelectorAll<HTMLElement>(selector)].filter((item) => !item.matches(':disabled') && !item.closest('[hidden]'))
}

/**
 * Roving tabindex over the elements matching `selector` inside the returned `ref`. Spread
 * `onKeyDown` and `onFocus` on the same element as `ref`.
 */
export function useRovingFocus<T extends HTMLElement>(orientation: RovingOrientation = 'horizontal', selector = 'button') {
  const ref = useRef<T>(null)
  // The item that holds the group's Tab stop: the one focused last (the first item until then).
  const currentRef = useRef<HTMLElement | null>(null)

  const assignTabStops = () => {
    const items = focusableItems(ref.current, selector)
    const current = items.find((item) => item === currentRef.current) ?? items[0]
    // Written only when it changes: a write is an attribute change the page must restyle for, and
    // this runs after every render of the toolbar (each view switch, inside a phone's tap).
    for (const item of items) {
      const tabIndex = item === current ? 0 : -1
      if (item.tabIndex !== tabIndex) item.tabIndex = tabIndex
    }
  }
  // After every render: an item may have appeared, gone or been disabled.
  useLayoutEffect(assignTabStops)

  const onFocus = (event: FocusEvent<T>) => {
    const target = event.target as HTMLElement
    if (!target.matches(selector)) return
    currentRef.current = target
    assignTabStops()
  }
  const onKeyDown = (event: KeyboardEvent<T>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const items = focusableItems(ref.current, selector)
    const current = items.indexOf(event.target as HTMLElement)
    // Keys pressed in anything else inside the group (a text field) keep their own meaning.
    if (current < 0) return
    const index = nextRovingIndex(event.key, current, items.length, orientation)
    if (index === null) return
    event.preventDefault()
    items[index]!.focus()
  }
  return { ref, onFocus, onKeyDown }
}
