/**
 * "Có phiên bản mới — tải lại" (issue 13): registers the service worker that vite-plugin-pwa
 * generates (vite.config.ts, registerType 'prompt') and, when a new version has been downloaded and
 * waits, offers to reload. Nothing reloads by itself: only the user's click does, and only once the
 * plan is saved. The click writes any pending change at once (the store saves in idle time after a
 * short debounce); if the save did not succeed (quota, blocked, a newer app's data…), the page stays
 * as it is, since a reload would drop what is only in memory, and the save notice says why. While a
 * dialog (the task editor with its unsaved form) is open, the page behind it is inert, so the
 * button cannot be reached.
 *
 * workbox-window is used directly rather than `virtual:pwa-register`: the same component is compiled
 * into the single-file build, which has no service worker (there is none under file://) and no
 * virtual module.
 */
import { useEffect, useRef, useState } from 'react'
import { Workbox } from 'workbox-window'
import { useMessages } from '@/components/use-messages'
import { plannerStorage, usePlannerStore } from '@/store/use-planner-store'

/** Only the built site registers a worker: not the dev server, not the single file, not file://. */
const SERVICE_WORKER_ENABLED = import.meta.env.PROD && import.meta.env.MODE !== 'singlefile'

export function AppUpdateNotice() {
  const messages = useMessages()
  const [waiting, setWaiting] = useState(false)
  const [saving, setSaving] = useState(false)
  const workbox = useRef<Workbox | null>(null)

  useEffect(() => {
    if (!SERVICE_WORKER_ENABLED || !('serviceWorker' in navigator) || location.protocol === 'file:') return
    const wb = new Workbox('./sw.js', { scope: './' })
    workbox.current = wb
    wb.addEventListener('waiting', () => setWaiting(true))
    // The new worker took over (after our skip-waiting message): now the page may load its files.
    wb.addEventListener('controlling', (event) => {
      if (event.isUpdate) window.location.reload()
    })
    // A failed registration (private mode, a blocked worker) only means no offline copy.
    wb.register().catch(() => {})
  }, [])

  if (!waiting) return null

  const reload = () => {
    plannerStorage.flush()
    setSaving(true)
    const goOn = (kind: string) => {
      if (kind === 'pending') return false
      setSaving(false)
      if (kind === 'saved') workbox.current?.messageSkipWaiting()
      return true
    }
    if (goOn(usePlannerStore.getState().saveStatus.kind)) return
    // A save still being written in idle slices: go on once it has landed.
    const stop = usePlannerStore.subscribe((state) => {
      if (goOn(state.saveStatus.kind)) stop()
    })
  }

  return (
    <div className="notice app-update-notice" role="status" data-testid="app-update-notice">
      <span>{messages.appUpdate.ready}</span>
      <button type="button" className="primary" onClick={reload} disabled={saving}>
        {saving ? messages.appUpdate.waitingForSave : messages.appUpdate.reload}
      </button>
    </div>
  )
}
