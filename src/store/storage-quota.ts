/** How much of the browser's localStorage the app may use, how much it uses, and when to warn about it. */
import { storageUsedChars } from '@/lib/web-storage'
import type { StorageUsage } from '@/store/planner-state'

/** Chromium's localStorage quota per origin: 5 MiB of UTF-16 code units (keys + values). */
export const STORAGE_QUOTA_CHARS = 5 * 1024 * 1024
/** From this share of the quota on, the app warns and offers the backup download. */
export const STORAGE_WARNING_RATIO = 0.8

/** The origin's localStorage use now; null when it cannot be measured. */
export function measureStorageUsage(): StorageUsage | null {
  const used = storageUsedChars()
  return used === null ? null : { usedChars: used, quotaChars: STORAGE_QUOTA_CHARS }
}
