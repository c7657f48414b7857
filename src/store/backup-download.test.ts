// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import { buildCampaign2021Plan, DEFAULT_PLAN_ID } from '@/domain/templates/campaign-2021'
import { BACKUP_MIME_TYPE, parseBackup } from '@/io/backup/backup-file'
import { downloadFile } from '@/lib/file-download'
import { createPlannerStore } from '@/store/planner-store'
import { STORAGE_KEYS } from '@/store/storage-keys'

// The browser's download is the edge: record what would be saved, and say whether the browser took it.
vi.mock('@/lib/file-download', () => ({ downloadFile: vi.fn(() => true) }))
const download = vi.mocked(downloadFile)

let opened: ReturnType<typeof createPlannerStore>[] = []
beforeEach(() => {
  localStorage.clear()
  download.mockClear()
  download.mockReturnValue(true)
})
afterEach(() => {
  opened.forEach((s) => s.stopSync())
  opened = []
})

/** A store with the 2021 plan (one task added) and a second plan, the second one active. */
function storeWithTwoPlans() {
  const planner = createPlannerStore(STORAGE_KEYS.document)
  opened.push(planner)
  const { store } = planner
  store.getState().createTask({ ...emptyTaskDraft('2021-05-05', '2021-05-06', true), title: 'Chỉ có trong kế hoạch 2021' })
  store.getState().addPlan({ ...buildCampaign2021Plan(1), id: 'plan-huyen', name: 'Kế hoạch huyện' })
  expect(store.getState().activePlanId).toBe('plan-huyen')
  return store
}

describe('the backup download (the storage warnings and the settings offer it)', () => {
  it('backs up every plan, the active one first, each as it is now', () => {
    const store = storeWithTwoPlans()
    expect(store.getState().downloadBackup()).toBe(true)
    expect(download).toHaveBeenCalledTimes(1)
    const [fileName, text, mimeType] = download.mock.calls[0]!
    expect(mimeType).toBe(BACKUP_MIME_TYPE)
    expect(fileName).toMatch(/^ke-hoach-tuyen-truyen-bau-cu-tat-ca-sao-luu-\d{4}-\d{2}-\d{2}\.json$/)
    const parsed = parseBackup(text as string)
    if (!parsed.ok) throw new Error(`backup unreadable: ${parsed.error}`)
    const { plans } = store.getState()
    expect(parsed.plans.map((p) => p.id)).toEqual(['plan-huyen', DEFAULT_PLAN_ID])
    expect(parsed.plans).toEqual([plans['plan-huyen'], plans[DEFAULT_PLAN_ID]])
    expect(Object.values(parsed.plans[1]!.tasks).some((t) => t.title === 'Chỉ có trong kế hoạch 2021')).toBe(true)
    expect(store.getState().lastBackupAt).not.toBeNull()
    expect(store.getState().notices.some((n) => n.kind === 'backup-downloaded')).toBe(true)
  })

  it('names a one-plan backup for its election year', () => {
    const planner = createPlannerStore(STORAGE_KEYS.document)
    opened.push(planner)
    expect(planner.store.getState().downloadBackup()).toBe(true)
    expect(download.mock.calls[0]![0]).toMatch(/^ke-hoach-tuyen-truyen-bau-cu-2021-sao-luu-/)
  })

  it('remembers no backup when the browser refused the download', () => {
    const store = storeWithTwoPlans()
    download.mockReturnValue(false)
    expect(store.getState().downloadBackup()).toBe(false)
    expect(store.getState().lastBackupAt).toBeNull()
    expect(store.getState().notices.some((n) => n.kind === 'backup-downloaded')).toBe(false)
  })
})
