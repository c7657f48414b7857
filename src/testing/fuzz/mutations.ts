/**
 * Ways to break an input, shared by every fuzz target: hostile values (reserved keys, NaN, huge and
 * deep values, impossible dates), structural edits of a JSON tree (replace, drop, retype, rename a key)
 * and edits of text and bytes (flips, truncation, BOMs, mixed line ends, formula cells).
 *
 * Sizes are kept small enough for the bounded run (a case takes milliseconds); `FUZZ_SCALE` in the
 * long run makes the huge and deep values bigger.
 */
import fc from 'fast-check'

/** How big "huge" and "deep" get: 1 in the bounded run; the long run sets it higher. */
let scale = 1
export function setFuzzScale(value: number): void {
  scale = value
}

export const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf'] as const

/** Sets an own, enumerable property even when the key is `__proto__` (plain assignment would set the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/** A JSON-like deep copy that keeps own `__proto__` keys, NaN and undefined (JSON.parse(JSON.stringify) would not). */
export function cloneTree<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((item) => cloneTree(item)) as T
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) setOwn(copy, key, cloneTree((value as Record<string, unknown>)[key]))
  return copy as T
}

/** An array nested `depth` levels (built iteratively: a recursive builder would overflow first). */
export function deepArray(depth: number): unknown {
  let value: unknown = []
  for (let i = 0; i < depth; i += 1) value = [value]
  return value
}

export function deepObject(depth: number): unknown {
  let value: unknown = {}
  for (let i = 0; i < depth; i += 1) value = { a: value }
  return value
}

/** Values that break a field of any type. `undefined` means "drop the field". */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    undefined, null, NaN, Infinity, -Infinity, -0, 0, -1, 1.5, 2 ** 53 + 2, 1e308, -1e308, true, false, '', ' ', 'x',
    '2021-02-31', '2021-13-01', '2021-00-10', '0000-01-01', '9999-12-31', '+275760-09-13', '2021-5-3', '2021-05-23T25:00', '2021-05-23T08:00Z',
    '__proto__', 'constructor', 'prototype', 'toString', 'daily', 'weekly', 'monthly', 'fixed', 'milestone',
    '=HYPERLINK("http://x","y")', '+1', '-1', '@SUM(A1)', '\u0000', '\uFEFF', '\uD800', '<script>alert(1)</script>',
    [], [null], [1, 'a', {}], {}, { __proto__: null }, { type: 'moved' }, { type: 'cancelled' },
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.constant(null).map(() => 'ộ'.repeat(2_000 * scale)),
  fc.constant(null).map(() => deepArray(3_000 * scale)),
  fc.constant(null).map(() => deepObject(3_000 * scale)),
  fc.constant(null).map(() => Array.from({ length: 2_000 * scale }, (_, i) => i)),
  fc.constant(null).map(() => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}}') as unknown),
)

/** One edit of a JSON tree at a path chosen by `at` (a fraction of the nodes). */
export interface TreeEdit {
  at: number
  /** `addField`: a field this version does not know (kept by restore within bounds) with a hostile value. */
  kind: 'replace' | 'drop' | 'renameKey' | 'wrap' | 'duplicateKeyAsReserved' | 'addField'
  value: unknown
  key: string
}

export const treeEdit: fc.Arbitrary<TreeEdit> = fc.record({
  // Unbiased: fast-check's small-value bias would pick the first slot (a plan's id) every other time.
  at: fc.noBias(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
  kind: fc.constantFrom<TreeEdit['kind']>('replace', 'replace', 'replace', 'drop', 'renameKey', 'wrap', 'duplicateKeyAsReserved', 'addField'),
  value: hostileValue,
  key: fc.oneof(fc.constantFrom(...RESERVED_KEYS), fc.string({ maxLength: 6 })),
})

interface Slot { parent: Record<string, unknown> | unknown[]; key: string | number }

/** Every (parent, key) of the tree, breadth first, stopping at `limit` slots (a huge plan has many). */
function slotsOf(root: unknown, limit = 20_000): Slot[] {
  const slots: Slot[] = []
  const queue: unknown[] = [root]
  while (queue.length > 0 && slots.length < limit) {
    const node = queue.shift()
    if (node === null || typeof node !== 'object') continue
    if (Array.isArray(node)) node.forEach((child, index) => { slots.push({ parent: node, key: index }); queue.push(child) })
    else for (const key of Object.keys(node)) { slots.push({ parent: node as Record<string, unknown>, key }); queue.push((node as Record<string, unknown>)[key]) }
  }
  return slots
}

/** Applies the edits to a copy of `root`. `prefer` narrows the choice of slots to paths under it (e.g. tasks). */
export function applyTreeEdits(root: unknown, edits: readonly TreeEdit[], prefer?: (slot: { parent: unknown; key: string | number }) => boolean): unknown {
  const copy = cloneTree(root)
  for (const edit of edits) {
    const all = slotsOf(copy)
    const preferred = prefer ? all.filter(prefer) : all
    const slots = preferred.length > 0 ? preferred : all
    if (slots.length === 0) continue
    const { parent, key } = slots[Math.floor(edit.at * slots.length)]!
    const record = parent as Record<string, unknown>
    const current = record[key as string]
    switch (edit.kind) {
      case 'replace':
        if (edit.value === undefined && !Array.isArray(parent)) delete record[key as string]
        else if (Array.isArray(parent)) parent[key as number] = edit.value
        else setOwn(record, key as string, edit.value)
        break
      case 'drop':
        if (Array.isArray(parent)) parent.splice(key as number, 1)
        else delete record[key as string]
        break
      case 'wrap':
        if (Array.isArray(parent)) parent[key as number] = [current]
        else setOwn(record, key as string, [current])
        break
      case 'addField': {
        const holder = current !== null && typeof current === 'object' && !Array.isArray(current) ? current as Record<string, unknown> : Array.isArray(parent) ? null : record
        if (holder && edit.value !== undefined) setOwn(holder, edit.key === '' ? 'newField' : edit.key, edit.value)
        break
      }
      case 'renameKey':
      case 'duplicateKeyAsReserved':
        if (Array.isArray(parent)) break
        if (edit.kind === 'renameKey') delete record[key as string]
        setOwn(record, edit.key, current)
        break
    }
  }
  return copy
}

// ── Text and bytes ──────────────────────────────────────────────────────────────────────────────

const TEXT_TOKENS = [
  '"', ',', ';', '\t', '\r\n', '\n', '\r', '\\', ':', '{', '}', '[', ']', '=', '+', '-', '@', '\u0000', '\uFEFF', '\uFFFD', '\uD83D', '😀',
  '2021-02-31', '31/02/2021', '99/99/9999', '1e999', '-0', 'NaN', 'null', '"__proto__"', '"constructor"', 'BEGIN:VEVENT', 'END:VEVENT',
  'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', 'RRULE:FREQ=SECONDLY', 'DTSTART:99991231T000000Z', ';TZID=Nowhere/Zone', '=HYPERLINK("x")',
]

export interface TextEdit {
  kind: 'insert' | 'delete' | 'replace' | 'duplicate' | 'truncate' | 'lineEnds' | 'bom'
  at: number
  length: number
  text: string
}

export const textEdit: fc.Arbitrary<TextEdit> = fc.record({
  kind: fc.constantFrom<TextEdit['kind']>('insert', 'insert', 'delete', 'replace', 'replace', 'duplicate', 'truncate', 'lineEnds', 'bom'),
  at: fc.nat(),
  length: fc.nat({ max: 200 }),
  text: fc.oneof(fc.constantFrom(...TEXT_TOKENS), fc.string({ unit: 'binary', maxLength: 8 })),
})

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  return edits.reduce((current, edit) => {
    const i = edit.at % (current.length + 1)
    switch (edit.kind) {
      case 'insert': return current.slice(0, i) + edit.text + current.slice(i)
      case 'delete': return current.slice(0, i) + current.slice(i + edit.length)
      case 'replace': return current.slice(0, i) + edit.text + current.slice(i + edit.text.length)
      case 'duplicate': return current.slice(0, i + edit.length) + current.slice(i, i + edit.length) + current.slice(i + edit.length)
      case 'truncate': return current.slice(0, i)
      // Mixed line ends: every nth line break becomes another kind.
      case 'lineEnds': {
        let n = 0
        const kinds = ['\n', '\r', '\r\n', '\n\r']
        return current.replace(/\r\n|\n|\r/g, (m) => ((n += 1) % (edit.length % 3 + 2) === 0 ? kinds[edit.at % kinds.length]! : m))
      }
      case 'bom': return edit.at % 2 === 0 ? `\uFEFF${current}` : current.replace(/^\uFEFF/, '')
    }
  }, text)
}

export interface ByteEdit { kind: 'set' | 'flip' | 'truncate' | 'insert'; at: number; value: number }

export const byteEdit: fc.Arbitrary<ByteEdit> = fc.record({
  kind: fc.constantFrom<ByteEdit['kind']>('set', 'set', 'flip', 'truncate', 'insert'),
  at: fc.nat(),
  value: fc.integer({ min: 0, max: 255 }),
})

export function applyByteEdits(bytes: Uint8Array, edits: readonly ByteEdit[]): Uint8Array {
  let current = bytes.slice()
  for (const edit of edits) {
    if (current.length === 0) break
    const i = edit.at % current.length
    if (edit.kind === 'set') current[i] = edit.value
    else if (edit.kind === 'flip') current[i] = current[i]! ^ (1 << (edit.value % 8))
    else if (edit.kind === 'truncate') current = current.slice(0, i)
    else {
      const grown = new Uint8Array(current.length + 1)
      grown.set(current.subarray(0, i))
      grown[i] = edit.value
      grown.set(current.subarray(i), i + 1)
      current = grown
    }
  }
  return current
}
