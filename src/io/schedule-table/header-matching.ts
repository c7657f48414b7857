/**
 * Which task field a foreign sheet's column header names ("Đơn vị chủ trì" → lead, "Thời gian" →
 * start…), in Vietnamese with or without diacritics, and in English.
 */
import { normaliseForMatching } from '@/io/schedule-table/match-text'
import { MACHINE_LABEL_PREFIX } from '@/io/schedule-table/schedule-columns'

export const MAPPED_FIELDS = [
  'title', 'start', 'end', 'lead', 'support', 'channel', 'status', 'description', 'location', 'quantity',
] as const
/** A task field a foreign column can be mapped to. `start` also takes a "from – to" range. */
export type MappedField = (typeof MAPPED_FIELDS)[number]

/**
 * Phrases, without diacritics, lower case, that name a field, each found as whole words anywhere in
 * the header; a phrase starting with "=" must be the whole header ("To", "Hạn"). The first field in
 * this order wins, so "Đơn vị phối hợp" is `support` and "Nội dung, hình thức" is the title.
 */
const HEADER_PHRASES: readonly (readonly [MappedField, readonly string[]])[] = [
  ['support', ['phoi hop', 'support', 'supporting', 'coordination', 'coordinating', 'partner', 'partners']],
  ['lead', ['chu tri', 'lead', 'owner', 'responsible', 'in charge', 'don vi thuc hien', 'co quan thuc hien']],
  ['description', ['ghi chu', 'mo ta', 'note', 'notes', 'description', 'remark', 'remarks', 'comment', 'comments', 'details']],
  ['location', ['dia diem', 'dia ban', 'location', 'place', 'venue']],
  ['status', ['trang thai', 'tinh trang', 'tien do', 'status', 'state', 'progress']],
  ['quantity', ['so luong', 'chi tieu', 'quantity', 'amount', 'target']],
  ['start', ['tu ngay', 'ngay bat dau', 'bat dau', 'start', 'starts', '=from', 'begin', 'begins']],
  ['end', ['den ngay', 'ngay ket thuc', 'ket thuc', 'thoi han', '=han', 'han chot', 'end', 'ends', '=to', 'until', 'due', 'deadline', 'finish']],
  ['title', ['noi dung', 'cong viec', 'nhiem vu', 'hoat dong', '=ten', 'title', 'task', 'activity', '=name', 'content', 'subject', 'summary']],
  ['channel', ['kenh', 'hinh thuc', 'channel', 'medium', 'media']],
]

/** Words that name a time without saying which end: a start, unless the header also names an end. */
const GENERIC_TIME_PHRASES = ['thoi gian', 'ngay', 'date', 'dates', 'time', 'when', 'period']

/**
 * The task field a foreign sheet's column header names, or null. Vietnamese with or without
 * diacritics (and either tone placement), any case, and English are recognised. A header naming
 * both ends ("Thời gian (từ ngày – đến ngày)") is the start column: `start` also takes a range.
 */
export function matchColumnHeader(header: string): MappedField | null {
  const normalised = normaliseForMatching(header)
  const words = normalised.split(' ').filter(Boolean)
  if (words.length === 0) return null
  const has = (phrase: string) => (phrase.startsWith('=') ? normalised === phrase.slice(1) : containsWords(words, phrase.split(' ')))
  const matches = HEADER_PHRASES.filter(([, phrases]) => phrases.some(has)).map(([field]) => field)
  if (matches.includes('start') && matches.includes('end')) return 'start'
  const first = matches[0]
  if (first !== undefined) return first
  return GENERIC_TIME_PHRASES.some(has) ? 'start' : null
}

function containsWords(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i += 1) {
    for (let j = 0; j < phrase.length; j += 1) if (words[i + j] !== phrase[j]) continue outer
    return true
  }
  return false
}

/**
 * Names officials give columns that the header phrases above leave out:
 * "Đơn vị/cá nhân thực hiện", "Trách nhiệm", "Đơn vị phụ trách", "Phân công", "Đầu mối" name who
 * leads. Only asked when those phrases find nothing, so "Thời gian thực hiện" stays a date.
 */
const EXTRA_HEADER_PHRASES: readonly (readonly [MappedField, readonly string[]])[] = [
  ['location', ['noi to chuc', 'noi dien ra']],
  ['lead', ['thuc hien', 'trach nhiem', 'phu trach', 'phan cong', 'dau moi']],
]

/** Our machine columns' label prefixes, normalised: "de nhap lai khong sua", "for re import do not edit". */
const MACHINE_PREFIXES = Object.values(MACHINE_LABEL_PREFIX).map((prefix) => `${normaliseForMatching(prefix)} `)

/**
 * The task field a foreign column's header names, or null (also used for sub-header rows). A column
 * labelled as one of our machine columns ("[Để nhập lại – không sửa] Bắt đầu") names none: a file that
 * is read as foreign although it has them (its id column was deleted) is mapped from the columns people
 * read and edit ("Từ ngày"), not from ISO dates and JSON.
 */
export function suggestColumnField(header: string): MappedField | null {
  const normalised = `${normaliseForMatching(header)} `
  if (MACHINE_PREFIXES.some((prefix) => normalised.startsWith(prefix))) return null
  const field = matchColumnHeader(header)
  if (field !== null) return field
  const padded = ` ${normaliseForMatching(header)} `
  if (padded.trim() === '') return null
  for (const [candidate, phrases] of EXTRA_HEADER_PHRASES) {
    if (phrases.some((phrase) => padded.includes(` ${phrase} `))) return candidate
  }
  return null
}
