/**
 * Limits on what a restore keeps of fields it does not know. Unknown fields are kept (a newer
 * version of the app may have added them), but a value nested 100,000 levels deep made every later
 * save throw (`JSON.stringify` overflows the stack), and a 10 MB one would fill the storage quota.
 * The walk here is iterative, so measuring a hostile value cannot overflow the stack itself.
 */

/** Deeper than any field this app or a plausible successor writes (a task's deepest is 4). */
export const MAX_UNKNOWN_FIELD_DEPTH = 16
/** Roughly the JSON size (characters) one unknown field may take. */
export const MAX_UNKNOWN_FIELD_CHARS = 100_000

/** Whether `value` stays within `maxDepth` levels and about `maxChars` characters of JSON. */
export function isWithinBounds(value: unknown, maxDepth = MAX_UNKNOWN_FIELD_DEPTH, maxChars = MAX_UNKNOWN_FIELD_CHARS): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }]
  let chars = 0
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!
    if (typeof current === 'string') chars += current.length + 2
    else if (current === null || typeof current !== 'object') chars += 8
    else {
      if (depth >= maxDepth) return false
      const children = Array.isArray(current) ? current : Object.values(current)
      chars += 2 + children.length
      for (const child of children) stack.push({ value: child, depth: depth + 1 })
    }
    if (chars > maxChars) return false
  }
  return true
}

/**
 * Structural equality of JSON-like values. Used to tell whether a restore changed a field: the
 * restored side is bounded by the schema, and a deeper input differs from it before the walk gets
 * deep, so the depth cap below only guards against mistakes.
 */
export function isSameValue(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > 64) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const aKeys = Object.keys(a)
  const bKeys = Object.keys(b)
  if (aKeys.length !== bKeys.length) return false
  const bRecord = b as Record<string, unknown>
  const aRecord = a as Record<string, unknown>
  return aKeys.every((key) => Object.prototype.hasOwnProperty.call(bRecord, key) && isSameValue(aRecord[key], bRecord[key], depth + 1))
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
