/**
 * The limits every importer enforces, in one place, so the file chooser, the worker and each format
 * refuse the same files with the same numbers (and the messages can name them).
 */

/** Any file bigger than this is refused before it is read (a plan of 10,000 rich tasks is ~11 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

/**
 * A calendar with more events than this is refused before any is parsed: 50,000 events take ~4 s
 * in Node (see ics-import.ts), and a plan of that many tasks is five times the 10,000 the app is
 * built and measured for.
 */
export const MAX_IMPORT_EVENTS = 50_000

/** Whether the text takes more than `limit` bytes as UTF-8, counted without encoding a 20 MB copy. */
export function exceedsUtf8Bytes(text: string, limit: number): boolean {
  if (text.length > limit) return true // every UTF-16 unit takes at least one byte
  if (text.length * 3 <= limit) return false // and at most three (a surrogate pair: four for two)
  return utf8ByteLength(text) > limit
}

/** UTF-8 size of a string without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4 // a surrogate pair
      i += 1
    } else bytes += 3
  }
  return bytes
}

/**
 * A CSV or Excel sheet with more data rows than this is refused before its rows are read into tasks
 * (the benchmark plan has 10,000 tasks; a sheet five times longer is a mistake or an attack).
 */
export const MAX_IMPORT_ROWS = 50_000

/**
 * An Excel workbook whose parts unpack to more than this is refused; the bytes are counted as they
 * inflate, whatever the ZIP declares (zip bombs). A 10,000-task export unpacks to about 8 MB.
 */
export const MAX_XLSX_UNPACKED_BYTES = 200 * 1024 * 1024
