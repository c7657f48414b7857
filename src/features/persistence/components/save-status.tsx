/** "Đã lưu lúc 10:32", or a warning when saving failed. */
import { useMessages } from '@/components/use-messages'
import { formatInstant, formatClockTime } from '@/lib/format-instant'
import { usePlannerStore } from '@/store/use-planner-store'

export function SaveStatusIndicator() {
  const status = usePlannerStore((s) => s.saveStatus)
  const messages = useMessages()
  let text: string
  let isError = true
  switch (status.kind) {
    case 'saved': {
      isError = false
      if (status.at === null) { text = messages.save.savedNever; break }
      text = messages.save.saved(formatClockTime(status.at))
      break
    }
    case 'pending': isError = false; text = messages.save.pending; break
    case 'quota': text = messages.save.quota; break
    case 'unavailable': text = messages.save.unavailable; break
    case 'newer-version': text = messages.save.newerVersion; break
    case 'blocked': text = messages.save.blocked; break
    case 'failed': text = messages.save.failed; break
  }
  return <span className={`save-status${isError ? ' is-error' : ''}`} data-testid="save-status" data-kind={status.kind}>{text}</span>
}

/**
 * Browser storage is not a backup: the top bar always shows when the plan was last downloaded as a
 * file, and downloads it in one click.
 */
export function LastBackupButton() {
  const lastBackupAt = usePlannerStore((s) => s.lastBackupAt)
  const messages = useMessages()
  const downloadBackup = usePlannerStore((s) => s.downloadBackup)
  return (
    <button type="button" className={`backup-button${lastBackupAt ? '' : ' is-stale'}`} title={messages.backup.notABackup} onClick={downloadBackup} data-testid="last-backup-button">
      {lastBackupAt ? messages.backup.lastDownloaded(formatInstant(lastBackupAt)) : messages.backup.never}
    </button>
  )
}
