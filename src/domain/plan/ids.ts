/**
 * Stable, unique ids. `crypto.randomUUID` exists in every browser we target and in Node ≥ 19; it is
 * a language-level global here, not a DOM API, so the domain may use it.
 */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`
}
