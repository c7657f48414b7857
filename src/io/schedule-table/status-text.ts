/**
 * A task's status as words in a file: io's one table of the labels our exports write (the UI has its
 * own in the message catalogs), and the words people write that we read back.
 */
import { TASK_STATUSES, type TaskStatus } from '@/domain/types'
import { normaliseForMatching } from '@/io/schedule-table/match-text'

/** The status labels of exported files, in both languages. Our own files are read back by them: never rename. */
export const STATUS_LABELS: Record<TaskStatus, { vi: string; en: string }> = {
  planned: { vi: 'Chưa bắt đầu', en: 'Planned' },
  'in-progress': { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  cancelled: { vi: 'Hủy', en: 'Cancelled' },
}

const STATUS_WORDS: ReadonlyMap<string, TaskStatus> = new Map<string, TaskStatus>([
  ...TASK_STATUSES.flatMap((status) => [
    [normaliseForMatching(status), status] as const,
    [normaliseForMatching(STATUS_LABELS[status].vi), status] as const,
    [normaliseForMatching(STATUS_LABELS[status].en), status] as const,
  ]),
  ['chua thuc hien', 'planned'], ['chua trien khai', 'planned'], ['ke hoach', 'planned'], ['not started', 'planned'], ['todo', 'planned'], ['to do', 'planned'],
  ['dang trien khai', 'in-progress'], ['dang lam', 'in-progress'], ['ongoing', 'in-progress'],
  ['da hoan thanh', 'done'], ['xong', 'done'], ['da xong', 'done'], ['da thuc hien', 'done'], ['complete', 'done'], ['completed', 'done'], ['finished', 'done'],
  ['huy bo', 'cancelled'], ['da huy', 'cancelled'], ['canceled', 'cancelled'], ['khong thuc hien', 'cancelled'],
])

/** A status as a person wrote it (either language, with or without diacritics), or null. */
export function parseStatusText(text: string): TaskStatus | null {
  return STATUS_WORDS.get(normaliseForMatching(text)) ?? null
}
