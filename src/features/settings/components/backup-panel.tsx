/**
 * Storage is not a backup: shows whether the browser promised to keep our data, when the plan was
 * last downloaded, and downloads it in one click.
 */
import { useMessages } from '@/components/use-messages'
import { formatInstant } from '@/lib/format-instant'
import { usePlannerStore } from '@/store/use-planner-store'

export function BackupPanel() {
  const messages = useMessages()
  const persistence = usePlannerStore((s) => s.persistence)
  const lastBackupAt = usePlannerStore((s) => s.lastBackupAt)
  const downloadBackup = usePlannerStore((s) => s.downloadBackup)
  return (
    <section className="settings-section backup-panel">
      <h3>{messages.settingsDialog.storage}</h3>
      <p>{messages.backup.notABackup}</p>
      {persistence ? <p className="muted small">{persistence === 'persisted' ? messages.backup.persisted : messages.backup.notPersisted}</p> : null}
      <p className="muted small" data-testid="last-backup">
        {lastBackupAt ? messages.backup.lastDownloaded(formatInstant(lastBackupAt)) : messages.backup.never}
      </p>
      <button type="button" onClick={downloadBackup}>{messages.backup.download}</button>
    </section>
  )
}
