/** One click: the active plan as a JSON backup file, and the time of it remembered. */
import { todayIn } from '@/domain/dates/local-date'
import { backupFileName, BACKUP_MIME_TYPE, serializeBackup } from '@/io/backup/backup-file'
import { downloadFile } from '@/lib/file-download'
import { newId } from '@/domain/plan/ids'
import { usePlannerStore } from '@/store/use-planner-store'

export function useDownloadBackup(): () => void {
  return () => {
    const state = usePlannerStore.getState()
    const plan = state.plans[state.activePlanId]
    if (!plan) return
    const now = new Date()
    const ok = downloadFile(backupFileName(plan, todayIn(plan.timeZone, now)), serializeBackup([plan], now), BACKUP_MIME_TYPE)
    if (ok) {
      state.markBackupDownloaded(now.getTime())
      state.pushNotice({ id: newId('notice'), kind: 'backup-downloaded' })
    }
  }
}
