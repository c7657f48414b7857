/**
 * The columns of the plan as a table, shared by the spreadsheet formats (CSV, XLSX):
 *
 * - visible columns, what officials read and print (STT | Nội dung công việc | Từ ngày | Đến ngày |
 *   Đơn vị chủ trì | Đơn vị phối hợp | Kênh | Trạng thái | Ghi chú). The issue's single "Thời gian
 *   (từ ngày – đến ngày)" column is split into "Từ ngày" and "Đến ngày" so that an XLSX file can hold
 *   real Excel dates (one cell holds one date);
 * - machine columns after them (hidden in XLSX, trailing in CSV), which carry what the visible cells
 *   cannot (id, exact bounds, anchor, training…), so that our own export reads back without loss.
 *   Their labels say so: "[Để nhập lại – không sửa] Mã" / "[For re-import – do not edit] ID". Two of
 *   them, "Số lượng" and "Địa điểm", are plain text people read and edit: they keep plain labels, and
 *   the CSV shows them among the human columns.
 *
 * The labels are a shipped file format: a file is recognised as ours by the machine columns' labels.
 * A renamed label keeps the labels earlier versions wrote in `formerLabels`, which the import still
 * recognises; add new columns at the end.
 */
import type { Language } from '@/domain/dates/format-date'

export interface ScheduleColumn<K extends string = string> {
  key: K
  vi: string
  en: string
  /** Labels earlier versions wrote for this column: recognised on import, never written. */
  formerLabels?: readonly string[]
}

export type VisibleColumnKey = 'number' | 'title' | 'from' | 'to' | 'lead' | 'support' | 'channel' | 'status' | 'notes'
export type MachineColumnKey =
  | 'id' | 'start' | 'end' | 'allDay' | 'anchor' | 'quantity' | 'location' | 'training' | 'level'
  | 'updatedAt' | 'source' | 'createdAt' | 'other' | 'occurrenceOf' | 'doneOn'

/** The visible columns, in order (the XLSX sheet's printed columns; the CSV's first columns). */
export const SCHEDULE_COLUMNS: readonly ScheduleColumn<VisibleColumnKey>[] = [
  { key: 'number', vi: 'STT', en: 'No.' },
  { key: 'title', vi: 'Nội dung công việc', en: 'Task' },
  { key: 'from', vi: 'Từ ngày', en: 'From' },
  { key: 'to', vi: 'Đến ngày', en: 'To' },
  { key: 'lead', vi: 'Đơn vị chủ trì', en: 'Lead unit' },
  { key: 'support', vi: 'Đơn vị phối hợp', en: 'Supporting units' },
  { key: 'channel', vi: 'Kênh', en: 'Channel' },
  { key: 'status', vi: 'Trạng thái', en: 'Status' },
  { key: 'notes', vi: 'Ghi chú', en: 'Notes' },
]

/** CSV only: CSV has no merged rows to group tasks under, so the phase is a column of its own. */
export const PHASE_COLUMN: ScheduleColumn<'phase'> = { key: 'phase', vi: 'Giai đoạn', en: 'Phase' }

/**
 * What every machine column's label starts with, in the export's language: its cells are there for the
 * import and are not meant to be read or edited (an id, ISO dates, JSON).
 */
export const MACHINE_LABEL_PREFIX: Readonly<Record<Language, string>> = {
  vi: '[Để nhập lại – không sửa] ',
  en: '[For re-import – do not edit] ',
}

/** A machine column labelled with the prefix; its plain labels, which files before the prefix have, stay readable. */
function machineColumn<K extends string>(key: K, vi: string, en: string): ScheduleColumn<K> {
  return { key, vi: MACHINE_LABEL_PREFIX.vi + vi, en: MACHINE_LABEL_PREFIX.en + en, formerLabels: [vi, en] }
}

/**
 * The machine columns, in order. Shipped labels (both languages, and the former ones, are recognised
 * on import). `other` holds, as JSON, any task field this table does not know (a newer version's), so
 * even those survive a round trip.
 */
export const MACHINE_COLUMNS: readonly ScheduleColumn<MachineColumnKey>[] = [
  machineColumn('id', 'Mã', 'ID'),
  machineColumn('start', 'Bắt đầu', 'Start (ISO)'),
  machineColumn('end', 'Kết thúc', 'End (ISO, exclusive for all-day)'),
  machineColumn('allDay', 'Cả ngày', 'All day'),
  machineColumn('anchor', 'Neo', 'Anchor (JSON)'),
  // Plain text people read (and may edit): no prefix (see READABLE_MACHINE_KEYS).
  { key: 'quantity', vi: 'Số lượng', en: 'Quantity' },
  { key: 'location', vi: 'Địa điểm', en: 'Location' },
  machineColumn('training', 'Tập huấn', 'Training (JSON)'),
  machineColumn('level', 'Mức', 'Level'),
  machineColumn('updatedAt', 'Cập nhật', 'Updated (UTC)'),
  // A template's source without its research note: see source-cell.ts.
  machineColumn('source', 'Nguồn', 'Source (JSON)'),
  machineColumn('createdAt', 'Tạo lúc', 'Created (UTC)'),
  machineColumn('other', 'Dữ liệu khác', 'Other data (JSON)'),
  // On every row of a series: "<task id>@<occurrence date>" (the occurrence's key, see recurrence.ts).
  // A row with this and no id is an occurrence whose series is read from its own row.
  machineColumn('occurrenceOf', 'Lần lặp của', 'Occurrence of'),
  // The day a done task was done (YYYY-MM-DD, issue 12's burn-up); files before it carry it in `other`.
  machineColumn('doneOn', 'Ngày hoàn thành', 'Done on'),
]

/**
 * The machine columns whose cells are plain text a person reads and may edit (the import takes the
 * edit): labelled without the prefix, and shown by the CSV among the human columns.
 */
export const READABLE_MACHINE_KEYS: ReadonlySet<MachineColumnKey> = new Set(['quantity', 'location'])

/** A file is ours when its header has all of these machine columns (by any of their labels). */
export const OWN_FILE_MARKER_COLUMNS: readonly MachineColumnKey[] = ['id', 'start', 'end', 'allDay']

/** The task fields a table maps onto columns; the rest travel in `other`. */
export const TABLE_TASK_FIELDS = new Set<string>([
  'id', 'title', 'allDay', 'start', 'end', 'anchor', 'channelId', 'leadUnitId', 'supportUnitIds', 'location',
  'quantity', 'status', 'description', 'training', 'level', 'source', 'createdAt', 'updatedAt', 'doneOn',
])

export const SUPPORT_UNIT_SEPARATOR = '; '

/** The header label of a column in the chosen language. */
export function columnLabel(column: ScheduleColumn, language: Language): string {
  return language === 'en' ? column.en : column.vi
}
