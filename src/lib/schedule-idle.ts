/**
 * Runs work when the browser is idle, so that saving never sits on the path of a click or a drag.
 * Falls back to a timeout where requestIdleCallback is missing (Safari).
 */
export function scheduleIdle(work: () => void, timeoutMs: number): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout: timeoutMs })
    return () => window.cancelIdleCallback(handle)
  }
  const handle = window.setTimeout(work, 1)
  return () => window.clearTimeout(handle)
}
