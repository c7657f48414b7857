/**
 * The one live region for messages: saves, errors, unreadable data, quota, deletions (with undo).
 * Blocking problems (quota, newer version, unavailable storage) come from the save status and stay
 * until they are solved; the rest can be dismissed.
 */
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useMessages } from '@/components/use-messages'
import { describeRestoreReport } from '@/lib/i18n/describe-restore-report'
import { STORAGE_WARNING_RATIO } from '@/store/local-storage-adapter'
import type { Notice } from '@/store/planner-state'
import { usePlannerStore } from '@/store/use-planner-store'

export function NoticeRegion() {
  const notices = usePlannerStore(useShallow((s) => s.notices))
  const saveStatus = usePlannerStore((s) => s.saveStatus)
  const dismissNotice = usePlannerStore((s) => s.dismissNotice)
  const messages = useMessages()
  const downloadBackup = usePlannerStore((s) => s.downloadBackup)

  const blocking = (() => {
    switch (saveStatus.kind) {
      case 'quota': return messages.notices.quota
      case 'unavailable': return messages.notices.unavailable
      case 'newer-version': return messages.notices.newerVersion(saveStatus.version)
      case 'blocked': return messages.notices.corruptSave(null)
      case 'failed': return messages.notices.saveFailed
      default: return null
    }
  })()

  return (
    <div className="notice-region">
      <div role="alert" className="notice-alerts">
        {blocking ? (
          <div className="notice is-error" data-testid="notice-blocking">
            <span>{blocking}</span>
            <button type="button" className="primary" onClick={downloadBackup}>{messages.backup.download}</button>
          </div>
        ) : null}
        {blocking ? null : <StorageNearlyFull onDownload={downloadBackup} />}
        {notices.filter(isAlert).map((notice) => (
          <NoticeView key={notice.id} notice={notice} onDismiss={() => dismissNotice(notice.id)} />
        ))}
      </div>
      <div role="status" className="notice-status">
        {notices.filter((n) => !isAlert(n)).map((notice) => (
          <NoticeView key={notice.id} notice={notice} onDismiss={() => dismissNotice(notice.id)} />
        ))}
      </div>
    </div>
  )
}

/**
 * From STORAGE_WARNING_RATIO of the quota on (measured after each save): a warning with the backup
 * download, before a full quota stops saving. Dismissed, it comes back at the next whole 5 %.
 */
function StorageNearlyFull({ onDownload }: { onDownload: () => boolean }) {
  const usage = usePlannerStore((s) => s.storageUsage)
  const messages = useMessages()
  const [dismissedAt, setDismissedAt] = useState<number | null>(null)
  if (!usage || usage.usedChars < usage.quotaChars * STORAGE_WARNING_RATIO) return null
  const percent = Math.min(100, Math.floor((100 * usage.usedChars) / usage.quotaChars))
  if (dismissedAt !== null && percent < dismissedAt + 5) return null
  return (
    <div className="notice is-warning" data-testid="notice-storage-nearly-full">
      <span>{messages.notices.storageNearlyFull(percent)}</span>
      <button type="button" className="primary" onClick={onDownload}>{messages.backup.download}</button>
      <button type="button" className="icon-button" aria-label={messages.notices.dismiss} onClick={() => setDismissedAt(percent)}>×</button>
    </div>
  )
}

function isAlert(notice: Notice): boolean {
  return notice.kind === 'corrupt-save' || notice.kind === 'repaired-save'
}

function NoticeView({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const messages = useMessages()
  const text = (() => {
    switch (notice.kind) {
      case 'corrupt-save': return messages.notices.corruptSave(notice.copyKey)
      case 'repaired-save': return messages.notices.repairedSave(notice.report, notice.copyKey)
      case 'task-deleted': return messages.notices.taskDeleted(notice.title)
      case 'remote-merged': return messages.notices.remoteMerged
      case 'backup-downloaded': return messages.notices.backupDownloaded
      case 'unit-in-use': return messages.notices.unitInUse(notice.count)
      case 'exported': return messages.notices.exported(notice.fileName, notice.count)
      case 'imported': return messages.notices.imported(notice.added, notice.updated, notice.unchanged)
    }
  })()
  return (
    <div className={`notice ${isAlert(notice) ? 'is-warning' : ''}`} data-testid={`notice-${notice.kind}`}>
      <span>{text}</span>
      {notice.kind === 'repaired-save' ? <RestoreDetails lines={describeRestoreReport(notice.report, messages)} /> : null}
      {notice.kind === 'task-deleted' ? (
        <button type="button" onClick={() => { usePlannerStore.temporal.getState().undo(); onDismiss() }}>{messages.undo}</button>
      ) : null}
      <button type="button" className="icon-button" aria-label={messages.notices.dismiss} onClick={onDismiss}>×</button>
    </div>
  )
}

const RESTORE_LINES_SHOWN = 30

/** What a load repaired, item by item; folded, since a save can hold thousands of repairs. */
function RestoreDetails({ lines }: { lines: string[] }) {
  const messages = useMessages()
  if (lines.length === 0) return null
  const shown = lines.slice(0, RESTORE_LINES_SHOWN)
  return (
    <details className="notice-details">
      <summary>{messages.restoreReport.showDetails}</summary>
      <ul>
        {shown.map((line, index) => <li key={index}>{line}</li>)}
        {lines.length > shown.length ? <li>{messages.restoreReport.more(lines.length - shown.length)}</li> : null}
      </ul>
    </details>
  )
}
