/**
 * React.lazy for a view whose chunk may already be here (the page's opening view, preloaded by
 * view-chunks.ts; the calendar, loaded in idle time): then the view renders at once.
 *
 * Why not lazy() alone: a lazy component suspends on its first render even when its chunk has
 * arrived (import() gives a new, pending promise), so its fallback is committed, and React then
 * holds the view back until 300 ms after that fallback appeared (its Suspense reveal throttle).
 * The dashboard opened from a link waited ~300 ms with its figures computed and nothing to do.
 */
import { lazy, useState, type ComponentType } from 'react'
import type { ViewChunk } from '@/app/view-chunks'

export function lazyView<M, P extends object>(chunk: ViewChunk<M>, pick: (module: M) => ComponentType<P>): ComponentType<P> {
  const Lazy = lazy(() => chunk.load().then((module) => ({ default: pick(module) })))
  function LazyView(props: P) {
    // Chosen once per mount: going from the lazy wrapper to the component itself would remount the view.
    const [Direct] = useState<ComponentType<P> | null>(() => {
      const module = chunk.loaded()
      return module ? pick(module) : null
    })
    return Direct ? <Direct {...props} /> : <Lazy {...props} />
  }
  return LazyView
}
