/**
 * The follow status ("Theo dõi kế hoạch cấp trên") as a sentence and a tone, for the follow dialog
 * and the entry in "Đồng bộ". Its time is a full date and time: a followed plan may not have been
 * pulled today.
 */
import type { Messages } from '@/lib/i18n/messages-vi'
import { formatInstant } from '@/lib/format-instant'
import type { PlanFollowState } from '@/store/sync/follow-store'
import type { SyncTone } from '@/features/sync/components/sync-status'

/** `online` false (the browser's signal) says offline at once, as the sync status does. */
export function describeFollowStatus(state: PlanFollowState, messages: Messages, online = true): { text: string; tone: SyncTone } {
  const t = messages.sync.follow.status
  const status = state.status
  const at = 'lastSyncedAt' in status && status.lastSyncedAt !== null ? formatInstant(status.lastSyncedAt) : null
  if (!online && (status.kind === 'connected' || status.kind === 'syncing' || status.kind === 'offline')) {
    return { text: at === null ? t.offline : t.offlineSince(at), tone: 'offline' }
  }
  switch (status.kind) {
    case 'disconnected':
    case 'connecting': return { text: t.connecting, tone: 'busy' }
    case 'syncing': return { text: t.syncing, tone: 'busy' }
    case 'connected': return { text: at === null ? t.connected : t.pulledAt(at), tone: 'ok' }
    case 'offline': return { text: at === null ? t.offline : t.offlineSince(at), tone: 'offline' }
    case 'error': return { text: t.error(messages.sync.errorShort[status.error.kind]), tone: 'error' }
  }
}

