/**
 * Imported first by main.tsx, for its side effect: the chunk of the view the page opens on starts
 * loading before the store's module decodes the saved plans (view-chunks.ts says why).
 */
import { preloadStartViewChunk } from '@/app/view-chunks'

preloadStartViewChunk()
