// First: the opening view's chunk starts loading before the store decodes the saved plans.
import { startViewChunk } from '@/app/preload-start-view'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/app'
import { exposeDebugHandle } from '@/app/debug-handle'
import '@/app/styles.css'
import '@/app/responsive.css'
import { applyStartView } from '@/app/start-view'
import { startAddressSync } from '@/store/address-sync'
import { usePlannerStore } from '@/store/use-planner-store'

applyStartView(usePlannerStore)
exposeDebugHandle()
startAddressSync(usePlannerStore)

/**
 * The opening view's chunk is compiled off the main thread while the store decodes the plans; it is
 * often here already. Rendered after it, that view shows at once instead of a "loading" line that
 * React keeps for 300 ms at least (lazy-view.tsx); a slow chunk holds the page back no longer than this.
 */
const START_VIEW_WAIT_MS = 1500

function render(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}

if (startViewChunk) void Promise.race([startViewChunk, new Promise((resolve) => setTimeout(resolve, START_VIEW_WAIT_MS))]).then(render)
else render()
