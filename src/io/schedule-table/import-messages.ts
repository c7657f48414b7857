/**
 * Sentences for the import results of the spreadsheet formats, in both languages, so that a bad
 * file is refused with a message that names what is wrong (and which row). The codes are the API;
 * these texts may move into the UI catalogs (src/lib/i18n) when the import dialog is built.
 */
import type { Language } from '@/domain/dates/format-date'
import type { RowIssue, RowProblem } from '@/io/schedule-table/import-result'

export type SpreadsheetImportError = 'tooLarge' | 'empty' | 'notCsv' | 'notUtf8' | 'notXlsx' | 'legacyXls'

const FILE_ERRORS: Record<SpreadsheetImportError, Record<Language, string>> = {
  tooLarge: { vi: 'Tệp lớn hơn 20 MB nên không nhập được.', en: 'The file is larger than 20 MB and cannot be imported.' },
  empty: { vi: 'Tệp không có dữ liệu.', en: 'The file has no data.' },
  notCsv: { vi: 'Tệp này không phải tệp CSV (văn bản phân tách bằng dấu phẩy).', en: 'This file is not a CSV (comma-separated text) file.' },
  notUtf8: {
    vi: 'Tệp CSV không được lưu bằng mã UTF-8 nên tiếng Việt bị lỗi. Trong Excel, hãy lưu lại với kiểu "CSV UTF-8 (Comma delimited)".',
    en: 'The CSV file is not saved as UTF-8, so its Vietnamese text is garbled. In Excel, save it again as "CSV UTF-8 (Comma delimited)".',
  },
  notXlsx: { vi: 'Tệp này không phải bảng tính Excel (.xlsx), hoặc đã bị hỏng.', en: 'This file is not an Excel workbook (.xlsx), or it is damaged.' },
  legacyXls: {
    vi: 'Đây là tệp Excel cũ (.xls) hoặc tệp có đặt mật khẩu. Hãy mở trong Excel, bỏ mật khẩu nếu có và lưu lại dạng .xlsx.',
    en: 'This is an old Excel file (.xls) or a password-protected one. Open it in Excel, remove any password and save it as .xlsx.',
  },
}

const ROW_PROBLEMS: Record<RowProblem, Record<Language, string>> = {
  missingTitle: { vi: 'thiếu nội dung công việc', en: 'the task has no title' },
  missingStart: { vi: 'thiếu ngày bắt đầu', en: 'the start date is missing' },
  invalidStart: { vi: 'không đọc được ngày bắt đầu', en: 'the start date cannot be read' },
  invalidEnd: { vi: 'không đọc được ngày kết thúc', en: 'the end date cannot be read' },
  endBeforeStart: { vi: 'ngày kết thúc trước ngày bắt đầu', en: 'the end is before the start' },
  invalidTask: { vi: 'dữ liệu nhiệm vụ không hợp lệ', en: 'the task data is not valid' },
  unclosedQuote: { vi: 'thiếu dấu ngoặc kép đóng', en: 'a quotation mark is not closed' },
  wrongFieldCount: { vi: 'số cột không khớp với dòng tiêu đề', en: 'the number of columns does not match the header' },
  unknownUnit: { vi: 'không có đơn vị này trong kế hoạch (đã bỏ qua)', en: 'no such unit in the plan (left out)' },
  unknownChannel: { vi: 'không có kênh này trong kế hoạch (đã bỏ qua)', en: 'no such channel in the plan (left out)' },
  unknownStatus: { vi: 'không rõ trạng thái (đặt là "Chưa bắt đầu")', en: 'unknown status (set to "Planned")' },
  invalidAnchor: { vi: 'không đọc được mốc neo (nhiệm vụ giữ ngày cố định)', en: 'the anchor cannot be read (the task keeps fixed dates)' },
  invalidTraining: { vi: 'không đọc được thông tin tập huấn (đã bỏ qua)', en: 'the training details cannot be read (left out)' },
  invalidSource: { vi: 'không đọc được nguồn (đã bỏ qua)', en: 'the source cannot be read (left out)' },
  invalidOtherData: { vi: 'không đọc được dữ liệu khác (đã bỏ qua)', en: 'the other data cannot be read (left out)' },
  duplicateId: { vi: 'trùng mã với dòng trên (nhập thành nhiệm vụ mới)', en: 'same id as a row above (imported as a new task)' },
  sectionHeading: { vi: 'dòng tiêu đề mục, không phải nhiệm vụ (bỏ qua)', en: 'a section heading, not a task (left out)' },
  unreadableCell: { vi: 'một ô không đọc được, bỏ qua', en: 'a cell cannot be read (left out)' },
  formulaCell: { vi: 'một ô chứa công thức, đã lấy giá trị tính sẵn', en: 'a cell holds a formula; its last computed value was taken' },
}

/** The same problems about a named column: "cột 'Mức' không đọc được, bỏ qua". */
const COLUMN_PROBLEMS: Partial<Record<RowProblem, Record<Language, (column: string) => string>>> = {
  unreadableCell: { vi: (c) => `cột '${c}' không đọc được, bỏ qua`, en: (c) => `column '${c}' cannot be read (left out)` },
  formulaCell: {
    vi: (c) => `cột '${c}' chứa công thức, đã lấy giá trị tính sẵn`,
    en: (c) => `column '${c}' holds a formula; its last computed value was taken`,
  },
  invalidAnchor: { vi: (c) => `cột '${c}' không đọc được (nhiệm vụ giữ ngày cố định)`, en: (c) => `column '${c}' cannot be read (the task keeps fixed dates)` },
  invalidTraining: { vi: (c) => `cột '${c}' không đọc được, bỏ qua`, en: (c) => `column '${c}' cannot be read (left out)` },
  invalidSource: { vi: (c) => `cột '${c}' không đọc được, bỏ qua`, en: (c) => `column '${c}' cannot be read (left out)` },
  invalidOtherData: { vi: (c) => `cột '${c}' không đọc được, bỏ qua`, en: (c) => `column '${c}' cannot be read (left out)` },
}

/** "Tệp lớn hơn 20 MB nên không nhập được." */
export function describeImportError(error: SpreadsheetImportError, language: Language): string {
  return FILE_ERRORS[error][language]
}

/** "Dòng 14: không đọc được ngày bắt đầu (“31/02/2021”)." */
export function describeRowIssue(issue: RowIssue, language: Language): string {
  const inColumn = issue.column === undefined ? undefined : COLUMN_PROBLEMS[issue.message]?.[language]
  const what = inColumn ? inColumn(issue.column!) : ROW_PROBLEMS[issue.message][language]
  const detail = issue.detail ? ` (“${issue.detail.length > 80 ? `${issue.detail.slice(0, 79)}…` : issue.detail}”)` : ''
  return language === 'en' ? `Row ${issue.row}: ${what}${detail}.` : `Dòng ${issue.row}: ${what}${detail}.`
}
