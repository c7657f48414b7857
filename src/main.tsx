// First: the opening view's chunk starts loading before the store decodes the saved plans.
import '@/app/preload-start-view'
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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
