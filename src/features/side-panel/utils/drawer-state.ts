/**
 * Whether the side panel's drawer (the phone layout) is open: one flag shared by the panel and its
 * button in the top bar. Session-only and per page, like a menu being open, so it stays out of the
 * planner store (which persists and undoes document state) and out of the address.
 */
import { useSyncExternalStore } from 'react'

let open = false
const listeners = new Set<() => void>()

export function setSidePanelDrawerOpen(next: boolean): void {
  if (open === next) return
  open = next
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useSidePanelDrawerOpen(): boolean {
  return useSyncExternalStore(subscribe, () => open, () => false)
}

/** The drawer's element id, for the button's aria-controls. */
export const SIDE_PANEL_DRAWER_ID = 'side-panel-drawer'
