/**
 * RFC 5545 text as we write it: content lines folded at 75 octets, and user text cleaned of what a
 * TEXT value can't carry. Hand-written rather than ical-generator's `foldLines`: the library folds a
 * character at a time with a `new TextEncoder()` each (~3 s at 10,000 tasks), this takes ~50 ms and
 * cuts at exactly the same places (the golden test in ics-export.test.ts pins the bytes).
 */

/** Longest content a line (or a continuation, after its leading space) may carry: 75 octets with the space. */
const FOLD_OCTETS = 74

/**
 * RFC 5545 §3.1 folding: a line longer than 75 octets continues on lines starting with a space, cut
 * between characters (never inside a UTF-8 sequence or a surrogate pair). Cuts exactly where
 * ical-generator's own `foldLines` does, so the output is byte for byte what the library would write.
 */
export function foldLines(text: string): string {
  const lines = text.split('\r\n')
  for (let n = 0; n < lines.length; n += 1) {
    const line = lines[n]!
    // A UTF-16 unit takes at most 3 octets (a surrogate pair: 4 for two), so short lines need no count.
    if (line.length * 3 > FOLD_OCTETS) lines[n] = foldLine(line)
  }
  return lines.join('\r\n')
}

function foldLine(line: string): string {
  let folded = ''
  let from = 0
  let octets = 0
  for (let i = 0; i < line.length; i += 1) {
    const code = line.charCodeAt(i)
    const isPair = code >= 0xd800 && code <= 0xdbff && (line.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : isPair ? 4 : 3
    if (octets + size > FOLD_OCTETS) {
      folded += `${line.slice(from, i)}\r\n `
      from = i
      octets = 0
    }
    octets += size
    if (isPair) i += 1
  }
  return from === 0 ? line : folded + line.slice(from)
}

/** Anything `cleanText` would change (CR, control characters, surrogates): most text has none. */
// eslint-disable-next-line no-control-regex -- the characters `cleanText` replaces or removes
const NEEDS_CLEANING = /[\u0000-\u0008\u000B-\u001F\u007F\uD800-\uDFFF]/

/**
 * Text as RFC 5545 TEXT can carry it: line breaks (CRLF, CR, LF) become LF, which the escaper writes
 * as `\n`; other control characters but tab are not allowed in a content line; a lone surrogate can't
 * be written as UTF-8 (it would become U+FFFD anyway). Line breaks first, so "CR NUL LF" stays two.
 */
export function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}
