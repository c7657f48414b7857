import { describe, expect, it } from 'vitest'
import { MESSAGES_EN } from '@/lib/i18n/messages-en'
import { MESSAGES_VI } from '@/lib/i18n/messages-vi'
import type { PlanFollowState } from '@/store/sync/follow-store'
import type { SyncStatus } from '@/store/sync/sync-types'
import { describeFollowStatus } from '@/features/sync/utils/follow-status'

const at = new Date(2026, 2, 9, 14, 5).getTime()
const state = (status: SyncStatus): PlanFollowState => ({ source: { serverUrl: 'https://x', database: 'kh', username: 'huyen' }, status, followed: null, skippedDocuments: 0 })

describe('the follow status', () => {
  it('says when it last pulled, with the date', () => {
    expect(describeFollowStatus(state({ kind: 'connected', lastSyncedAt: at }), MESSAGES_VI)).toEqual({ text: 'Đã cập nhật lúc 09/03/2026 14:05', tone: 'ok' })
    expect(describeFollowStatus(state({ kind: 'connected', lastSyncedAt: at }), MESSAGES_EN).text).toBe('Updated at 09/03/2026 14:05')
  })

  it('offline as soon as the browser says so, with the last pull', () => {
    expect(describeFollowStatus(state({ kind: 'connected', lastSyncedAt: at }), MESSAGES_VI, false)).toEqual({ text: 'Ngoại tuyến — cập nhật lần cuối lúc 09/03/2026 14:05', tone: 'offline' })
    expect(describeFollowStatus(state({ kind: 'syncing', lastSyncedAt: null }), MESSAGES_VI, false).text).toBe('Ngoại tuyến')
  })

  it('an error names its reason in the user\'s language', () => {
    const forbidden = state({ kind: 'error', error: { kind: 'forbidden', detail: '' }, lastSyncedAt: at })
    expect(describeFollowStatus(forbidden, MESSAGES_VI)).toEqual({ text: 'Lỗi: không có quyền', tone: 'error' })
    expect(describeFollowStatus(forbidden, MESSAGES_EN).tone).toBe('error')
    expect(describeFollowStatus(state({ kind: 'syncing', lastSyncedAt: null }), MESSAGES_VI)).toEqual({ text: 'Đang lấy về…', tone: 'busy' })
  })
})
