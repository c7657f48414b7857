/**
 * Stable, unique ids. `crypto.randomUUID` exists in every browser we target and in Node ≥ 19; it is
 * a language-level global here, not a DOM API, so the domain may use it.
 */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`
}

/**
 * Names that must never become a key of a plain object: assigning `tasks['__proto__']` sets the
 * prototype instead of a property, and reading `tasks['constructor']` finds Object's function. Any
 * id or key that comes from outside (a file, a save, another tab, a server) is checked with this.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

export function isReservedKey(key: string): boolean {
  return RESERVED_KEYS.has(key)
}

/** A reserved id is renamed, the same way every time, so a re-import or a re-read finds it again. */
export function safeKey(key: string): string {
  return isReservedKey(key) ? `renamed-${key}` : key
}
