/**
 * Imported first by main.tsx, for its side effect: the chunk of the view the page opens on starts
 * loading before the store's module decodes the saved plans (view-chunks.ts says why). main.tsx
 * waits for it, briefly, before the first render, so that view renders at once (lazy-view.tsx).
 */
import { preloadStartViewChunk } from '@/app/view-chunks'

/** Settles (never rejects) when the opening view's chunk has loaded or failed; null when it needs none. */
export const startViewChunk = preloadStartViewChunk()
