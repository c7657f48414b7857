/** "Đã lưu lúc 10:32", or a warning when saving failed. */
import { useMessages } from '@/components/use-messages'
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
      const d = new Date(status.at)
      text = messages.save.saved(`${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`)
      break
    }
    case 'pending': isError = false; text = messages.save.pending; break
    case 'quota': text = messages.save.quota; break
    case 'unavailable': text = messages.save.unavailable; break
    case 'newer-version': text = messages.save.newerVersion; break
    case 'blocked': text = messages.save.blocked; break
  }
  return <span className={`save-status${isError ? ' is-error' : ''}`} data-testid="save-status" data-kind={status.kind}>{text}</span>
}
