/**
 * What a fuzz case must satisfy, and what a target is. The oracles (issue 9):
 *
 * 1. no crash: the function returns (ok or a typed error) and never throws;
 * 2. no hang: each case ends within a time limit (measured here; the long run also kills the child);
 * 3. no uncounted change: when restore gives back something other than what it read, its report
 *    counts something (`reportHasChanges`). "Other" means a field that was there and came out
 *    different, or was dropped; a field that was missing and came back with its default is not a
 *    change (the storage form leaves defaults out);
 * 4. saving what was restored never throws, and what was saved restores to the same thing with
 *    nothing to report (a save must not need repairs every time it is loaded).
 *
 * A target's `check` returns findings rather than throwing, so one case can show several failures
 * and the runner can group them by kind.
 */
import type fc from 'fast-check'
import { canonicalJson } from '@/domain/plan/canonical-json'
import { isReservedKey } from '@/domain/plan/ids'
import { restoreTask } from '@/domain/plan/restore-plan'
import type { Task } from '@/domain/types'

export interface Finding {
  /** Groups failures: `crash`, `uncounted-change`, `round-trip-loss`… */
  kind: string
  /** What happened, short enough for a summary line (a path, an error message); findings are grouped by it. */
  detail: string
  /** The values of this case (`from → to`), not part of the grouping. */
  example?: string
}

export interface SavedInput { extension: string; data: string | Uint8Array }

export interface FuzzTarget<I> {
  name: string
  /** Cases of the bounded run (part of `npx vitest run`). */
  boundedRuns: number
  arbitrary: fc.Arbitrary<I>
  check: (input: I) => Promise<Finding[]> | Finding[]
  /** The input as a file, to save a failing case (`.json`, `.csv`, `.ics`, `.xlsx`…). */
  save: (input: I) => SavedInput | Promise<SavedInput>
}

/** Runs `fn`, turning a throw into a `crash` finding. */
export async function guarded(findings: Finding[], label: string, fn: () => unknown): Promise<unknown> {
  try {
    return await fn()
  } catch (error) {
    findings.push({ kind: 'crash', detail: `${label} threw ${describeError(error)}` })
    return undefined
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const frame = error.stack?.split('\n').find((line) => line.includes('/src/'))?.trim() ?? ''
    return `${error.name}: ${error.message.slice(0, 120)}${frame ? ` (${frame.replace(/^at /, '').replace(/.*\/src\//, 'src/')})` : ''}`
  }
  return String(error).slice(0, 120)
}

export interface Change {
  /** Where: `tasks.a.recurrence.until`, `tasks.x (dropped)`, `units[length 3→2]`. */
  path: string
  from: unknown
  to: unknown
}

/**
 * The first place where `restored` does not hold what `input` held, or null. Keys and fields missing
 * from the input are free (defaults); anything the input had must be there, equal. Primitives compare
 * with `Object.is`, except that 0 and -0 are the same number.
 */
export function firstChange(input: unknown, restored: unknown, path = '', depth = 0): Change | null {
  if (input === undefined) return null
  if (input === restored || (Number.isNaN(input) && Number.isNaN(restored))) return null
  if (depth > 200) return null // deeper than any field restore keeps: not this oracle's business
  const here = path || '(root)'
  const change = (at: string): Change => ({ path: at, from: input, to: restored })
  if (typeof input !== 'object' || input === null || typeof restored !== 'object' || restored === null) return change(here)
  if (Array.isArray(input) !== Array.isArray(restored)) return change(here)
  if (Array.isArray(input)) {
    const out = restored as unknown[]
    if (out.length !== input.length) return change(`${here}[length ${input.length}→${out.length}]`)
    for (let i = 0; i < input.length; i += 1) {
      const inner = firstChange(input[i], out[i], `${path}[${i}]`, depth + 1)
      if (inner) return inner
    }
    return null
  }
  const out = restored as Record<string, unknown>
  for (const key of Object.keys(input)) {
    const value = (input as Record<string, unknown>)[key]
    if (value === undefined) continue
    const childPath = path ? `${path}.${key}` : key
    if (!Object.prototype.hasOwnProperty.call(out, key)) return { path: `${childPath} (dropped)`, from: value, to: undefined }
    const inner = firstChange(value, out[key], childPath, depth + 1)
    if (inner) return inner
  }
  return null
}

/** A change as a finding: the path's shape groups it, the values show it. */
export function changeFinding(kind: string, label: string, change: Change | null): Finding {
  return { kind, detail: `${label}: ${change ? pathShape(change.path) : '?'}`, example: change ? `${change.path}: ${preview(change.from)} → ${preview(change.to)}` : undefined }
}

export function preview(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))
    if (text === undefined) return String(value)
    return text.length > 160 ? `${text.slice(0, 160)}…(${text.length} chars)` : text
  } catch {
    return `<${Array.isArray(value) ? 'array' : typeof value} too deep for JSON>`
  }
}

/** `tasks.abc.recurrence.until` → `tasks.*.recurrence.until`: one failure kind, whatever the id. */
export function pathShape(path: string): string {
  return path
    .replace(/^(plans\.)[^.[ ]+/, '$1*')
    .replace(/(tasks|deletedTasks|exceptions|dismissed|deletedPlans)\.[^.[ ]+/g, '$1.*')
    .replace(/\[\d+\]/g, '[]')
    .replace(/\[length \d+→\d+\]/, '[length]')
}

/** JSON.stringify that reports its failure instead of throwing. */
export function stringifyOrFinding(findings: Finding[], label: string, value: unknown): string | null {
  try {
    const text = JSON.stringify(value)
    if (typeof text !== 'string') {
      findings.push({ kind: 'save-throws', detail: `${label}: JSON.stringify gave ${typeof text}` })
      return null
    }
    return text
  } catch (error) {
    findings.push({ kind: 'save-throws', detail: `${label}: ${describeError(error)}` })
    return null
  }
}

/** Whether an object (the plan handed to an importer) still serialises as before. */
export function checkUntouched(findings: Finding[], label: string, before: string, value: unknown): void {
  if (JSON.stringify(value) !== before) findings.push({ kind: 'input-mutated', detail: `${label} changed the plan it was given` })
}

/**
 * What an importer hands back must be ready to keep: each task restores to itself (an importer runs
 * every task through restore), it saves as JSON, and no id is a reserved key.
 */
export function checkImportedTasks(findings: Finding[], label: string, tasks: readonly Task[]): void {
  for (const task of tasks) {
    if (isReservedKey(task.id)) findings.push({ kind: 'reserved-id', detail: `${label}: task id ${JSON.stringify(task.id)}` })
    const restored = restoreTask(cloneJson(task))
    if (restored === null) findings.push({ kind: 'not-restore-stable', detail: `${label}: an imported task does not restore at all` })
    else if (canonicalJson(restored) !== canonicalJson(task)) findings.push(changeFinding('not-restore-stable', label, firstChange(task, restored)))
  }
  stringifyOrFinding(findings, `${label} tasks`, tasks)
}

function cloneJson(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value))
  } catch {
    return value
  }
}

/**
 * Whether two values have the same canonical JSON. canonicalJson recurses through a replacer, so it
 * overflows the stack sooner than a plain save: a restored value that deep is itself a failure.
 */
export function sameCanonical(findings: Finding[], label: string, a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b)
  } catch (error) {
    findings.push({ kind: 'save-throws', detail: `${label}: canonicalJson ${describeError(error)}` })
    return true
  }
}
