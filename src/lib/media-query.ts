/**
 * CSS media queries from script (`window.matchMedia`), for layout choices CSS alone cannot make: a
 * different element (the side panel as a modal drawer), a different start view. Where matchMedia
 * is missing (an old engine, a test environment) nothing matches: the office layout.
 */

/** The phone layout (shared/design.md, "Look"): also in src/app/responsive.css; keep the two equal. */
export const NARROW_SCREEN_QUERY = '(max-width: 700px)'

function mediaList(query: string): MediaQueryList | null {
  try {
    return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null
  } catch {
    return null
  }
}

export function matchesMedia(query: string): boolean {
  return mediaList(query)?.matches ?? false
}

/** Calls `onChange` whenever the query starts or stops matching; returns the unsubscribe. */
export function onMediaChange(query: string, onChange: () => void): () => void {
  const list = mediaList(query)
  if (!list) return () => {}
  list.addEventListener('change', onChange)
  return () => list.removeEventListener('change', onChange)
}
