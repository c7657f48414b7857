/**
 * The columns of the plan as a table, shared by the spreadsheet formats (CSV, XLSX):
 *
 * - visible columns, what officials read and print (STT | Nội dung công việc | Từ ngày | Đến ngày |
 *   Đơn vị chủ trì | Đơn vị phối hợp | Kênh | Trạng thái | Ghi chú). The issue's single "Thời gian
 *   (từ ngày – đến ngày)" column is split into "Từ ngày" and "Đến ngày" so that an XLSX file can hold
 *   real Excel dates (one cell holds one date);
 * - machine columns after them (hidden in XLSX, trailing in CSV), which carry what the visible cells
 *   cannot (id, exact bounds, anchor, training…), so that our own export reads back without loss.
 *
 * The machine columns' labels are a shipped file format: a file is recognised as ours by them. Never
 * rename a label; add new columns at the end.
 */
import type { Language } from '@/domain/dates/format-date'

export interface ScheduleColumn<K extends string = string> {
  key: K
  vi: string
  en: string
}

export type VisibleColumnKey = 'number' | 'title' | 'from' | 'to' | 'lead' | 'support' | 'channel' | 'status' | 'notes'
export type MachineColumnKey =
  | 'id' | 'start' | 'end' | 'allDay' | 'anchor' | 'quantity' | 'location' | 'training' | 'level'
  | 'updatedAt' | 'source' | 'createdAt' | 'other' | 'occurrenceOf'

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
 * The machine columns, in order. Shipped labels (both languages are recognised on import): never
 * rename. `other` holds, as JSON, any task field this table does not know (a newer version's), so
 * even those survive a round trip.
 */
export const MACHINE_COLUMNS: readonly ScheduleColumn<MachineColumnKey>[] = [
  { key: 'id', vi: 'Mã', en: 'ID' },
  { key: 'start', vi: 'Bắt đầu', en: 'Start (ISO)' },
  { key: 'end', vi: 'Kết thúc', en: 'End (ISO, exclusive for all-day)' },
  { key: 'allDay', vi: 'Cả ngày', en: 'All day' },
  { key: 'anchor', vi: 'Neo', en: 'Anchor (JSON)' },
  { key: 'quantity', vi: 'Số lượng', en: 'Quantity' },
  { key: 'location', vi: 'Địa điểm', en: 'Location' },
  { key: 'training', vi: 'Tập huấn', en: 'Training (JSON)' },
  { key: 'level', vi: 'Mức', en: 'Level' },
  { key: 'updatedAt', vi: 'Cập nhật', en: 'Updated (UTC)' },
  { key: 'source', vi: 'Nguồn', en: 'Source (JSON)' },
  { key: 'createdAt', vi: 'Tạo lúc', en: 'Created (UTC)' },
  { key: 'other', vi: 'Dữ liệu khác', en: 'Other data (JSON)' },
  // On every row of a series: "<task id>@<occurrence date>" (the occurrence's key, see recurrence.ts).
  // A row with this and no id is an occurrence whose series is read from its own row.
  { key: 'occurrenceOf', vi: 'Lần lặp của', en: 'Occurrence of' },
]

/** A file is ours when its header has all of these machine columns (in either language). */
export const OWN_FILE_MARKER_COLUMNS: readonly MachineColumnKey[] = ['id', 'start', 'end', 'allDay']

/** The task fields a table maps onto columns; the rest travel in `other`. */
export const TABLE_TASK_FIELDS = new Set<string>([
  'id', 'title', 'allDay', 'start', 'end', 'anchor', 'channelId', 'leadUnitId', 'supportUnitIds', 'location',
  'quantity', 'status', 'description', 'training', 'level', 'source', 'createdAt', 'updatedAt',
])

export const SUPPORT_UNIT_SEPARATOR = '; '

/** The header label of a column in the chosen language. */
export function columnLabel(column: ScheduleColumn, language: Language): string {
  return language === 'en' ? column.en : column.vi
}
