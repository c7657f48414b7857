/**
 * The sync status in the top bar (issue 13): "Chỉ trên máy này" for a plan that is not connected,
 * else connecting / syncing / synced at hh:mm / offline / the error's reason, and the number of
 * conflicts to review. It is a button: it opens the "Đồng bộ" dialog (or the conflict review when
 * there are conflicts). Reads only the small sync store: PouchDB is not loaded for it.
 */
import { useSyncExternalStore } from 'react'
import { useMessages } from '@/components/use-messages'
import { formatClockTime } from '@/lib/format-instant'
import type { Messages } from '@/lib/i18n/messages-vi'
import { useSyncStore, type PlanSyncState } from '@/store/sync/sync-store'
import { usePlannerStore } from '@/store/use-planner-store'
import { openSyncDialog } from '@/features/sync/sync-dialogs'
import '@/features/sync/components/sync.css'

export type SyncTone = 'local' | 'busy' | 'ok' | 'offline' | 'error'

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}

/**
 * Whether the browser says it is online. A live replication notices a lost network only when its
 * long-poll fails (seconds to a minute later); the browser's own signal makes "offline" show at once.
 */
export function useBrowserOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true)
}

/**
 * The status sentence and its tone (colour) for a plan's sync state (undefined: not connected).
 * `online` false (the browser's signal) turns "connected"/"syncing" into "offline".
 */
export function describeSyncStatus(state: PlanSyncState | undefined, messages: Messages, online = true): { text: string; tone: SyncTone } {
  const t = messages.sync.status
  const status = state?.status
  if (!status || status.kind === 'disconnected') return { text: t.disconnected, tone: 'local' }
  if (!online && (status.kind === 'connected' || status.kind === 'syncing')) {
    return { text: status.lastSyncedAt === null ? t.offline : t.offlineSince(formatClockTime(status.lastSyncedAt)), tone: 'offline' }
  }
  switch (status.kind) {
    case 'connecting': return { text: t.connecting, tone: 'busy' }
    case 'syncing': return { text: t.syncing, tone: 'busy' }
    case 'connected': return { text: status.lastSyncedAt === null ? t.connected : t.syncedAt(formatClockTime(status.lastSyncedAt)), tone: 'ok' }
    case 'offline': return { text: status.lastSyncedAt === null ? t.offline : t.offlineSince(formatClockTime(status.lastSyncedAt)), tone: 'offline' }
    case 'error': return { text: t.error(messages.sync.errorShort[status.error.kind]), tone: 'error' }
  }
}

/** The active plan's sync state (undefined when it is not connected). */
export function useActivePlanSync(): PlanSyncState | undefined {
  const planId = usePlannerStore((s) => s.activePlanId)
  return useSyncStore((s) => s.plans[planId])
}

/** The top bar's status button. `compact` (phone line) hides it while the plan is not connected. */
export function SyncStatusButton({ compact = false }: { compact?: boolean }) {
  const state = useActivePlanSync()
  const messages = useMessages()
  const online = useBrowserOnline()
  if (compact && !state) return null
  const { text, tone } = describeSyncStatus(state, messages, online)
  const conflicts = state?.conflicts.length ?? 0
  return (
    <button type="button" className={`sync-status is-${tone}${conflicts > 0 ? ' has-conflicts' : ''}`} data-testid="sync-status" data-kind={state?.status.kind ?? 'disconnected'} data-tone={tone}
      title={messages.sync.title} onClick={() => openSyncDialog(conflicts > 0 ? 'conflicts' : 'connect')}>
      <span className="sync-status-dot" aria-hidden="true" />
      <span className="visually-hidden">{messages.sync.statusLabel}: </span>
      <span data-testid="sync-status-text">{text}</span>
      {conflicts > 0 ? <span className="sync-conflict-count" data-testid="sync-conflict-count">{messages.sync.status.conflicts(conflicts)}</span> : null}
    </button>
  )
}

/** The phone actions menu's item: "Đồng bộ: <status>". `run` closes the menu first (ActionsMenu). */
export function SyncMenuItem({ run }: { run: (action: () => void) => () => void }) {
  const state = useActivePlanSync()
  const messages = useMessages()
  const { text } = describeSyncStatus(state, messages, useBrowserOnline())
  return (
    <button type="button" data-testid="sync-menu-item" onClick={run(() => openSyncDialog('connect'))}>
      {messages.sync.button}: <span className="muted">{text}</span>
    </button>
  )
}
