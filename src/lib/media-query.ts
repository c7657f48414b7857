/**
 * CSS media queries from script (`window.matchMedia`), for layout choices CSS alone cannot make: a
 * different element (the side panel as a modal drawer), a different start view. Where matchMedia
 * is missing (an old engine, a test environment) nothing matches: the office layout.
 */

/** The phone layout (shared/design.md, "Look"): also in src/app/responsive.css; keep the two equal. */
export const NARROW_SCREEN_QUERY = '(max-width: 700px)'

/**
 * One MediaQueryList per query, kept: React reads the phone layout on every render of the top bar and
 * the side panel (useSyncExternalStore's snapshot), and `matchMedia` parses and evaluates the query
 * anew each time (~17 ms of a view switch on a phone at 4× CPU); a kept list's `matches` is current.
 */
const lists = new Map<string, MediaQueryList>()

function mediaList(query: string): MediaQueryList | null {
  const kept = lists.get(query)
  if (kept) return kept
  try {
    const list = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null
    if (list) lists.set(query, list)
    return list
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
