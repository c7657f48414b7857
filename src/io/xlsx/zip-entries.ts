/**
 * A workbook's ZIP entries, inflated under a byte budget, before any library sees them.
 *
 * Why by hand: a ZIP's directory declares each entry's unpacked size, but nothing binds the deflate
 * data to it. A 1 MB entry can inflate to 1 GiB while declaring 1,000 bytes, and jszip (inside
 * exceljs) inflates each entry whole before anything can check it (such a workbook held 1.2 GB and
 * 14 s in Node before exceljs gave up). fflate's streaming `Inflate` gives us the output a chunk at a
 * time, so we count what it really produces and stop at the budget; jszip and fflate's one-shot
 * `unzipSync` cannot be stopped part-way.
 *
 * The entries are read through the central directory (as jszip does), each one's data found through
 * its local header. An entry that inflates to more than its declared size is refused: as too large
 * once the total passes the budget, else as damaged; what it yields past its declared size is never
 * kept, so a forged size costs time (bounded by the budget) but no memory. Only what an .xlsx file
 * can use is accepted: STORE and DEFLATE, no encryption, ZIP64 sizes only in their extra field.
 * Anything else is "not a ZIP".
 */
import { Inflate, zipSync, type Zippable } from 'fflate'
import { isReservedKey } from '@/domain/plan/ids'

export type UnpackZipResult =
  | { ok: true; entries: Map<string, Uint8Array> }
  | { ok: false; error: 'notZip' }
  /** The entries unpack (or declare they unpack) to more than the budget; inflating stopped there. */
  | { ok: false; error: 'tooLargeUnpacked'; limit: number }

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
const LOCAL_HEADER = 0x04034b50
const ZIP64_EXTRA = 0x0001
const STORE = 0
const DEFLATE = 8
const ENCRYPTED_FLAG = 0x0001
/**
 * Deflate data is fed to the inflater this many bytes at a time. Deflate expands at most ~1,032:1,
 * so one push yields at most ~8.5 MB: all the inflater may allocate at once, whatever the entry.
 */
const INFLATE_CHUNK_BYTES = 8 * 1024

interface DirectoryEntry {
  name: string
  method: number
  compressedSize: number
  declaredSize: number
  localOffset: number
}

/**
 * Every file entry of the ZIP, inflated, as long as all of them together produce at most
 * `limitBytes` (counted as they inflate, whatever the directory declares). Never throws.
 */
export function unpackZip(bytes: Uint8Array, limitBytes: number): UnpackZipResult {
  try {
    const directory = readDirectory(bytes)
    if (directory === null) return { ok: false, error: 'notZip' }
    let declared = 0
    for (const entry of directory) declared += entry.declaredSize
    // An honest directory that says "too large" is refused without inflating anything.
    if (declared > limitBytes) return { ok: false, error: 'tooLargeUnpacked', limit: limitBytes }

    const entries = new Map<string, Uint8Array>()
    let budget = limitBytes
    for (const entry of directory) {
      const data = entryData(bytes, entry)
      if (data === null) return { ok: false, error: 'notZip' }
      if (entry.name.endsWith('/')) continue // a folder
      const content = entry.method === STORE ? data : inflateWithin(data, entry.declaredSize, budget)
      if (content === null) return { ok: false, error: 'notZip' }
      if (content === 'overBudget' || content.length > budget) return { ok: false, error: 'tooLargeUnpacked', limit: limitBytes }
      budget -= content.length
      entries.set(entry.name, content)
    }
    return { ok: true, entries }
  } catch {
    return { ok: false, error: 'notZip' }
  }
}

/**
 * The entries as a ZIP again, stored without compression: what exceljs loads, so that it inflates
 * nothing (no second inflate of what was checked, and no way around the check). Entries named like
 * '__proto__' are left out: fflate and jszip keep entries as keys of plain objects, and no workbook
 * part has such a name.
 */
export function storeZip(entries: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const files: Zippable = {}
  for (const [name, data] of entries) {
    if (!isReservedKey(name)) files[name] = [data, { level: 0 }]
  }
  return zipSync(files, { level: 0 })
}

function readDirectory(bytes: Uint8Array): DirectoryEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i
      break
    }
  }
  if (end < 0) return null
  const entryCount = view.getUint16(end + 10, true)
  const directorySize = view.getUint32(end + 12, true)
  const directoryOffset = view.getUint32(end + 16, true)
  if (directoryOffset + directorySize > end) return null
  const names = new TextDecoder('utf-8')
  const entries: DirectoryEntry[] = []
  let offset = directoryOffset
  for (let n = 0; n < entryCount; n += 1) {
    if (offset + 46 > end || view.getUint32(offset, true) !== DIRECTORY_ENTRY) return null
    const flags = view.getUint16(offset + 8, true)
    const method = view.getUint16(offset + 10, true)
    const nameLength = view.getUint16(offset + 28, true)
    const extraLength = view.getUint16(offset + 30, true)
    const commentLength = view.getUint16(offset + 32, true)
    const nameStart = offset + 46
    if (nameStart + nameLength + extraLength > end) return null
    if ((flags & ENCRYPTED_FLAG) !== 0 || (method !== STORE && method !== DEFLATE)) return null
    let compressedSize = view.getUint32(offset + 20, true)
    let declaredSize = view.getUint32(offset + 24, true)
    let localOffset = view.getUint32(offset + 42, true)
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || localOffset === 0xffffffff) {
      const zip64 = readZip64Extra(view, nameStart + nameLength, extraLength, {
        declared: declaredSize === 0xffffffff, compressed: compressedSize === 0xffffffff, offset: localOffset === 0xffffffff,
      })
      if (zip64 === null) return null
      declaredSize = zip64.declared ?? declaredSize
      compressedSize = zip64.compressed ?? compressedSize
      localOffset = zip64.offset ?? localOffset
    }
    entries.push({ name: names.decode(bytes.subarray(nameStart, nameStart + nameLength)), method, compressedSize, declaredSize, localOffset })
    offset = nameStart + nameLength + extraLength + commentLength
  }
  return entries
}

/** The 64-bit fields of a ZIP64 extra block, present only for the fields the record set to 0xFFFFFFFF, in this order. */
function readZip64Extra(
  view: DataView, start: number, length: number, wanted: { declared: boolean; compressed: boolean; offset: boolean },
): { declared?: number; compressed?: number; offset?: number } | null {
  for (let at = start; at + 4 <= start + length;) {
    const id = view.getUint16(at, true)
    const size = view.getUint16(at + 2, true)
    if (id === ZIP64_EXTRA) {
      let field = at + 4
      const next = (): number | null => {
        if (field + 8 > at + 4 + size) return null
        const value = Number(view.getBigUint64(field, true))
        field += 8
        return Number.isSafeInteger(value) ? value : null
      }
      const found: { declared?: number; compressed?: number; offset?: number } = {}
      if (wanted.declared && (found.declared = next() ?? -1) < 0) return null
      if (wanted.compressed && (found.compressed = next() ?? -1) < 0) return null
      if (wanted.offset && (found.offset = next() ?? -1) < 0) return null
      return found
    }
    at += 4 + size
  }
  return null
}

/** The entry's stored bytes, found through its local header (whose own sizes may be zero: data descriptor). */
function entryData(bytes: Uint8Array, entry: DirectoryEntry): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localOffset
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) return null
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  const end = start + entry.compressedSize
  return end > bytes.length ? null : bytes.subarray(start, end)
}

/**
 * The inflated data; 'overBudget' as soon as it passes `budget` bytes; null when it is not valid
 * deflate data or unpacks to more than the directory declared (a damaged or forged entry: its output
 * past the declared size is counted but not kept, so a forged size costs no memory).
 */
function inflateWithin(data: Uint8Array, declaredSize: number, budget: number): Uint8Array | 'overBudget' | null {
  if (data.length === 0) return null
  const out = new Uint8Array(declaredSize)
  let produced = 0
  const inflater = new Inflate((chunk) => {
    if (produced + chunk.length <= declaredSize) out.set(chunk, produced)
    produced += chunk.length
  })
  for (let at = 0; at < data.length && produced <= budget; at += INFLATE_CHUNK_BYTES) {
    const end = Math.min(data.length, at + INFLATE_CHUNK_BYTES)
    inflater.push(data.subarray(at, end), end === data.length)
  }
  if (produced > budget) return 'overBudget'
  return produced > declaredSize ? null : out.subarray(0, produced)
}
