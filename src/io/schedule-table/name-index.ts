/** Units and channels found by the names people write in a sheet. */
import { normaliseForMatching } from '@/io/schedule-table/match-text'

/**
 * Finds a unit or channel by the name a person wrote: exactly (ignoring case and spacing) first, then
 * without diacritics ("Uỷ ban" and "Ủy ban", or a sheet typed without accents), when that is unique.
 * With two units of the same name the first one is taken.
 */
export class NameIndex {
  private readonly exact = new Map<string, string>()
  private readonly loose = new Map<string, string | null>()

  constructor(entries: readonly (readonly [string, readonly string[]])[]) {
    for (const [id, names] of entries) {
      for (const name of names) this.add(id, name)
    }
  }

  add(id: string, name: string): void {
    if (name.trim() === '') return
    const exactKey = exactName(name)
    if (!this.exact.has(exactKey)) this.exact.set(exactKey, id)
    const looseKey = normaliseForMatching(name)
    const known = this.loose.get(looseKey)
    this.loose.set(looseKey, known === undefined || known === id ? id : null)
  }

  find(name: string): string | null {
    return this.exact.get(exactName(name)) ?? this.loose.get(normaliseForMatching(name)) ?? null
  }
}

function exactName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()
}

/**
 * Splits "A; B; C" (or one name a line) into names. A unit's own name may hold a ";": consecutive
 * parts that together name a unit are taken together, longest first. With `commas` (a foreign
 * sheet), list bullets ("- ", "+ ") are dropped and a part not known as a whole is also split at
 * commas, around the known units only: a name like "Sở Văn hóa, Thể thao và Du lịch" has commas of
 * its own, so unknown pieces next to each other stay one name.
 */
export function splitNames(text: string, index: NameIndex, commas = false): { name: string; id: string | null }[] {
  const found = splitNameParts(text, index, commas)
  return commas ? found.flatMap((part) => (part.id === null && part.name.includes(',') ? splitAtCommas(part.name, index) : [part])) : found
}

function splitAtCommas(text: string, index: NameIndex): { name: string; id: string | null }[] {
  const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '')
  const found: { name: string; id: string | null }[] = []
  let unknown: string[] = []
  const flush = () => {
    if (unknown.length > 0) found.push({ name: unknown.join(', '), id: null })
    unknown = []
  }
  let i = 0
  while (i < parts.length) {
    let j = parts.length
    let id: string | null = null
    for (; j > i; j -= 1) {
      id = index.find(parts.slice(i, j).join(', '))
      if (id !== null) break
    }
    if (id === null) {
      unknown.push(parts[i]!)
      i += 1
    } else {
      flush()
      found.push({ name: parts.slice(i, j).join(', '), id })
      i = j
    }
  }
  flush()
  return found
}

function splitNameParts(text: string, index: NameIndex, commas: boolean): { name: string; id: string | null }[] {
  const parts = text.split(/[;\n]/).map((part) => (commas ? part.trim().replace(/^[-+•*]\s*/u, '').replace(/\s+/g, ' ') : part.trim())).filter((part) => part !== '')
  const found: { name: string; id: string | null }[] = []
  let i = 0
  while (i < parts.length) {
    let matched = false
    for (let j = parts.length; j > i; j -= 1) {
      const name = parts.slice(i, j).join('; ')
      const id = index.find(name)
      if (id !== null) {
        found.push({ name, id })
        i = j
        matched = true
        break
      }
    }
    if (!matched) {
      found.push({ name: parts[i]!, id: null })
      i += 1
    }
  }
  return found
}
