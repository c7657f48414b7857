import { createDeflateRaw } from 'node:zlib'
import { deflateSync, strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import { MAX_XLSX_UNPACKED_BYTES } from '@/io/import-limits'
import { parseXlsx, serializeXlsx } from '@/io/xlsx/xlsx-file'
import { storeZip, unpackZip } from '@/io/xlsx/zip-entries'

const MB = 1024 * 1024

interface RawEntry {
  name: string
  /** What goes into the file as the entry's data. */
  data: Uint8Array
  method?: number
  /** The unpacked size the directory claims. */
  declaredSize: number
  flags?: number
}

/** A ZIP written by hand, so that its directory can say what it likes about its entries. */
function buildZip(entries: readonly RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = []
  const directory: Uint8Array[] = []
  let offset = 0
  for (const entry of entries) {
    const name = strToU8(entry.name)
    const local = new DataView(new ArrayBuffer(30))
    local.setUint32(0, 0x04034b50, true)
    local.setUint16(4, 20, true)
    local.setUint16(6, entry.flags ?? 0, true)
    local.setUint16(8, entry.method ?? 8, true)
    local.setUint32(18, entry.data.length, true)
    local.setUint32(22, entry.declaredSize, true)
    local.setUint16(26, name.length, true)
    const central = new DataView(new ArrayBuffer(46))
    central.setUint32(0, 0x02014b50, true)
    central.setUint16(4, 20, true)
    central.setUint16(6, 20, true)
    central.setUint16(8, entry.flags ?? 0, true)
    central.setUint16(10, entry.method ?? 8, true)
    central.setUint32(20, entry.data.length, true)
    central.setUint32(24, entry.declaredSize, true)
    central.setUint16(28, name.length, true)
    central.setUint32(42, offset, true)
    parts.push(new Uint8Array(local.buffer), name, entry.data)
    directory.push(new Uint8Array(central.buffer), name)
    offset += 30 + name.length + entry.data.length
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0)
  const end = new DataView(new ArrayBuffer(22))
  end.setUint32(0, 0x06054b50, true)
  end.setUint16(8, entries.length, true)
  end.setUint16(10, entries.length, true)
  end.setUint32(12, directorySize, true)
  end.setUint32(16, offset, true)
  const all = [...parts, ...directory, new Uint8Array(end.buffer)]
  const out = new Uint8Array(all.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of all) {
    out.set(part, at)
    at += part.length
  }
  return out
}

const spaces = (bytes: number) => new Uint8Array(bytes).fill(0x20)

describe('unpacking a workbook’s ZIP under a budget', () => {
  it('gives back every entry of an ordinary ZIP, stored or deflated', () => {
    const files = { 'xl/workbook.xml': strToU8('<workbook/>'), 'docProps/app.xml': strToU8('x'.repeat(5000)), 'empty.txt': new Uint8Array(0) }
    for (const level of [0, 6] as const) {
      const result = unpackZip(zipSync(files, { level }), MB)
      expect(result.ok).toBe(true)
      if (!result.ok) return
      expect([...result.entries.keys()].sort()).toEqual(Object.keys(files).sort())
      expect(strFromU8(result.entries.get('docProps/app.xml')!)).toBe('x'.repeat(5000))
    }
  })

  it('stops an entry that declares 1,000 bytes as soon as its inflated bytes pass the budget', () => {
    const bomb = deflateSync(spaces(16 * MB), { level: 9 }) // ~16 KB of data
    const zip = buildZip([{ name: 'xl/workbook.xml', data: deflateSync(strToU8('<workbook/>')), declaredSize: 11 }, { name: 'xl/sharedStrings.xml', data: bomb, declaredSize: 1000 }])
    expect(unpackZip(zip, 4 * MB)).toEqual({ ok: false, error: 'tooLargeUnpacked', limit: 4 * MB })
    // Under a budget it fits, it is still a forged entry: damaged, not a workbook.
    expect(unpackZip(zip, 32 * MB)).toEqual({ ok: false, error: 'notZip' })
  })

  it('counts the budget over all entries, not per entry', () => {
    const part = deflateSync(spaces(3 * MB))
    expect(unpackZip(buildZip([{ name: 'a.xml', data: part, declaredSize: 3 * MB }]), 4 * MB).ok).toBe(true)
    const forged = buildZip([{ name: 'a.xml', data: part, declaredSize: 3 * MB }, { name: 'b.xml', data: part, declaredSize: 1000 }])
    expect(unpackZip(forged, 4 * MB)).toEqual({ ok: false, error: 'tooLargeUnpacked', limit: 4 * MB })
    const honest = buildZip([{ name: 'a.xml', data: part, declaredSize: 3 * MB }, { name: 'b.xml', data: part, declaredSize: 3 * MB }])
    expect(unpackZip(honest, 4 * MB)).toEqual({ ok: false, error: 'tooLargeUnpacked', limit: 4 * MB })
  })

  it('refuses an honest directory that declares too much without inflating anything', () => {
    const zip = buildZip([{ name: 'a.xml', data: strToU8('not deflate data at all'), declaredSize: 5 * MB }])
    expect(unpackZip(zip, 4 * MB)).toEqual({ ok: false, error: 'tooLargeUnpacked', limit: 4 * MB })
  })

  it('refuses what an .xlsx file cannot be: encrypted, other methods, broken data, cut short, not a ZIP', () => {
    const data = deflateSync(strToU8('<workbook/>'))
    const entry = { name: 'xl/workbook.xml', data, declaredSize: 11 }
    expect(unpackZip(buildZip([entry]), MB).ok).toBe(true)
    expect(unpackZip(buildZip([{ ...entry, flags: 1 }]), MB)).toEqual({ ok: false, error: 'notZip' })
    expect(unpackZip(buildZip([{ ...entry, method: 12 }]), MB)).toEqual({ ok: false, error: 'notZip' })
    expect(unpackZip(buildZip([{ ...entry, data: strToU8('garbage!') }]), MB)).toEqual({ ok: false, error: 'notZip' })
    expect(unpackZip(buildZip([{ ...entry, data: data.subarray(0, 4) }]), MB)).toEqual({ ok: false, error: 'notZip' })
    const whole = buildZip([entry])
    expect(unpackZip(whole.subarray(0, whole.length - 30), MB)).toEqual({ ok: false, error: 'notZip' })
    expect(unpackZip(strToU8('PK\u0003\u0004 and nothing else'), MB)).toEqual({ ok: false, error: 'notZip' })
    expect(unpackZip(new Uint8Array(0), MB)).toEqual({ ok: false, error: 'notZip' })
  })

  it('stores the entries again uncompressed, leaving out a "__proto__" entry', () => {
    const entries = new Map([['xl/workbook.xml', strToU8('<workbook/>')], ['__proto__', strToU8('p')], ['constructor', strToU8('c')]])
    const stored = storeZip(entries)
    expect(Object.keys(unzipSync(stored))).toEqual(['xl/workbook.xml'])
    const again = unpackZip(stored, MB)
    expect(again.ok && [...again.entries.keys()]).toEqual(['xl/workbook.xml'])
    expect(again.ok && strFromU8(again.entries.get('xl/workbook.xml')!)).toBe('<workbook/>')
  })
})

/** 1 GiB of spaces as raw deflate data (~1 MB), made a MiB at a time: the GiB is never held. */
async function gibibyteBomb(): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 9 })
  const parts: Uint8Array[] = []
  deflate.on('data', (part: Buffer) => parts.push(new Uint8Array(part)))
  const ended = new Promise((resolve) => deflate.on('end', resolve))
  const block = Buffer.alloc(MB, 0x20)
  for (let i = 0; i < 1024; i += 1) {
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once('drain', resolve))
  }
  deflate.end()
  await ended
  return new Uint8Array(Buffer.concat(parts))
}

describe('a zip bomb in an .xlsx file', () => {
  it('is refused while it inflates, naming the limit, when the app’s own export has a part that declares 1,000 bytes and inflates to 1 GiB', async () => {
    const plan = buildCampaign2021Plan(1)
    const exported = unzipSync(await serializeXlsx(plan, { tasks: Object.values(plan.tasks), language: 'vi', now: Date.UTC(2026, 0, 1) }))
    const bomb = await gibibyteBomb()
    expect(bomb.length).toBeLessThan(2 * MB)
    for (const target of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']) {
      expect(exported[target]).toBeDefined()
      const forged = buildZip(Object.entries(exported).map(([name, data]) => (name === target
        ? { name, data: bomb, declaredSize: 1000 }
        : { name, data: deflateSync(data), declaredSize: data.length })))
      const before = process.memoryUsage().arrayBuffers
      const result = await parseXlsx(forged, plan, Date.UTC(2026, 0, 2))
      expect(result).toEqual({ ok: false, error: 'tooLargeUnpacked', limit: MAX_XLSX_UNPACKED_BYTES })
      // What was inflated past the declared size was never kept (the old code held the whole GiB).
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * MB)
    }
  }, 120_000)
})
