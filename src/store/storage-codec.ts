/**
 * Text ⇄ compressed text for localStorage. A browser counts localStorage in UTF-16 code units
 * (Chromium: 5 MiB = 5,242,880 units per origin, key + value), so compressed bytes are stored as
 * UTF-16 text carrying 15 bits per character, the way lz-string's `compressToUTF16` does.
 *
 * Why deflate (fflate) and our own 15-bit packing, not lz-string: measured in Node on the bench's
 * 10,000-task plan (3.6 M characters of JSON), lz-string's UTF-16 form took ~4 s to compress (the
 * template-like plan ~15 s), fflate's deflate ~0.2 s with a similar size (4 % of the quota). lz-string
 * has no byte-level API to reuse, so the packing below (25 lines) is ours.
 *
 * A packed segment is `<bytes>,<chars>;<chars characters>`: the byte count drops the padding bits of
 * the last character, the character count lets a reader step over it. Every character is in
 * U+0020..U+801F: no NUL, no surrogate (a lone surrogate may not survive storage), so the text is
 * valid UTF-16 that any browser stores as is.
 *
 * Inflating into a reused buffer (`inflate` below), not letting fflate grow its own: without an
 * output buffer fflate checks and grows its buffer on every back-reference (a closure call per
 * symbol) and allocates ~128 KiB per segment. Measured in Chromium on the bench's 10,000-task plan
 * (65 segments, 3.6 M characters): inflate 170–290 ms cold and 100–150 ms warm, with the buffer
 * 75–110 ms cold and 20–25 ms warm; at load this is the biggest part of the store's hydration.
 *
 * What must never change: the packing (offset 0x20, 15 bits per character, most significant bit
 * first) and the zlib format of the bytes; saves in browsers hold them.
 */
import { strFromU8, strToU8, unzlibSync, zlibSync } from 'fflate'

const BITS = 15
const OFFSET = 0x20
/** Level 1: on the bench plan 2× faster than level 6 for 1.3× the size; the size is far from the quota. */
const DEFLATE_LEVEL = 1

/** Compresses `text` into one packed segment. Throws only on an engine failure (out of memory). */
export function packText(text: string): string {
  const bytes = zlibSync(strToU8(text), { level: DEFLATE_LEVEL })
  return `${bytes.length},${packedLength(bytes.length)};${packBytes(bytes)}`
}

/**
 * Reads the segment that starts at `from`; returns its text and where the next segment starts, or
 * null when the segment is damaged (bad header, truncated, or not a zlib stream).
 */
export function unpackText(source: string, from = 0): { text: string; next: number } | null {
  const comma = source.indexOf(',', from)
  const semicolon = comma < 0 ? -1 : source.indexOf(';', comma)
  if (semicolon < 0 || semicolon - from > 24) return null
  const byteCount = Number(source.slice(from, comma))
  const charCount = Number(source.slice(comma + 1, semicolon))
  const start = semicolon + 1
  if (!Number.isSafeInteger(byteCount) || !Number.isSafeInteger(charCount) || charCount !== packedLength(byteCount) || start + charCount > source.length) return null
  try {
    const bytes = unpackBytes(source, start, charCount, byteCount)
    if (bytes === null) return null
    return { text: strFromU8(inflate(bytes)), next: start + charCount }
  } catch {
    return null
  }
}

/** Level-1 deflate of plan JSON shrinks it 5–7×: 16× leaves room; a segment that needs more falls back. */
const SCRATCH_RATIO = 16
const SCRATCH_MIN_BYTES = 64 * 1024
/** A larger segment (a plan head with huge fields, a kept copy) inflates into its own buffer. */
const SCRATCH_MAX_BYTES = 8 * 1024 * 1024
let scratch: Uint8Array | null = null

/**
 * zlib bytes → inflated bytes, valid until the next call (decode them at once). Into the reused
 * buffer first: fflate writes past a given buffer's end silently (typed arrays drop the writes) or
 * throws (a stored block), so a result that fills the whole buffer may be cut and is inflated again
 * the usual way; a shorter one is complete (fflate's output only grows). Throws on a damaged stream.
 */
function inflate(bytes: Uint8Array): Uint8Array {
  const guess = Math.max(SCRATCH_MIN_BYTES, bytes.length * SCRATCH_RATIO)
  if (guess <= SCRATCH_MAX_BYTES) {
    if (scratch === null || scratch.length < guess) scratch = new Uint8Array(guess)
    try {
      const out = unzlibSync(bytes, { out: scratch })
      if (out.length < scratch.length) return out
    } catch {
      // cut short by the buffer, or damaged: the usual way below says which
    }
  }
  return unzlibSync(bytes)
}

function packedLength(byteCount: number): number {
  return Math.ceil((byteCount * 8) / BITS)
}

function packBytes(bytes: Uint8Array): string {
  const codes = new Uint16Array(packedLength(bytes.length))
  let acc = 0
  let bits = 0
  let out = 0
  for (let i = 0; i < bytes.length; i += 1) {
    acc = ((acc << 8) | bytes[i]!) & 0xffffff // at most 14 + 8 bits are live
    bits += 8
    if (bits >= BITS) {
      bits -= BITS
      codes[out++] = ((acc >>> bits) & 0x7fff) + OFFSET
    }
  }
  if (bits > 0) codes[out++] = ((acc << (BITS - bits)) & 0x7fff) + OFFSET
  let text = ''
  // fromCharCode takes arguments: chunks keep the call under engines' argument limits.
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.subarray(i, i + 8192))
  return text
}

function unpackBytes(source: string, start: number, charCount: number, byteCount: number): Uint8Array | null {
  const bytes = new Uint8Array(byteCount)
  let acc = 0
  let bits = 0
  let out = 0
  for (let i = 0; i < charCount && out < byteCount; i += 1) {
    const code = source.charCodeAt(start + i) - OFFSET
    if (code < 0 || code > 0x7fff) return null
    acc = ((acc << BITS) | code) & 0x3fffff // at most 7 + 15 bits are live
    bits += BITS
    while (bits >= 8 && out < byteCount) {
      bits -= 8
      bytes[out++] = (acc >>> bits) & 0xff
    }
  }
  return out === byteCount ? bytes : null
}
