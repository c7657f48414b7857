/** One click: the active plan as a JSON backup file, and the time of it remembered. */
import { todayIn } from '@/domain/dates/local-date'
import { backupFileName, BACKUP_MIME_TYPE, trySerializeBackup } from '@/io/backup/backup-file'
import { downloadFile } from '@/lib/file-download'
import { newId } from '@/domain/plan/ids'
import { usePlannerStore } from '@/store/use-planner-store'

/** Returns the download action; it returns false when the browser refused the download. */
export function useDownloadBackup(): () => boolean {
  return () => {
    const state = usePlannerStore.getState()
    const plan = state.plans[state.activePlanId]
    if (!plan) return false
    const now = new Date()
    const text = trySerializeBackup([plan], now)
    const ok = text !== null && downloadFile(backupFileName(plan, todayIn(plan.timeZone, now)), text, BACKUP_MIME_TYPE)
    if (ok) {
      state.markBackupDownloaded(now.getTime())
      state.pushNotice({ id: newId('notice'), kind: 'backup-downloaded' })
    }
    return ok
  }
}
