/**
 * The text of one plan key (`STORAGE_KEYS.planPrefix + id`, see storage-keys.ts), and of the kept
 * copies of originals (`STORAGE_KEYS.unreadablePrefix`).
 *
 * A plan key holds `ep-z1;<buckets>;` then packed segments (storage-codec.ts): first the plan without
 * its tasks, then one segment per task bucket, each the JSON object id → task in its compact form
 * (domain/plan/compact-plan.ts). A task's bucket is a hash of its id, so an edit changes one bucket:
 * the encoder below re-compresses only the buckets whose task objects changed (identity), and a save
 * of a 10,000-task plan after one edit compresses ~250 tasks, not 10,000. A value starting with `{`
 * is a plan in plain JSON (compact or not): readers accept it, so a person or a test can write one.
 *
 * What must never change: the marker `ep-z1;` and the bucket function (FNV-1a of the id, masked to a
 * power-of-two bucket count that is stored in the value); a new layout gets a new marker.
 */
import { compactTask } from '@/domain/plan/compact-plan'
import type { Plan, Task } from '@/domain/types'
import { packText, unpackText } from '@/store/storage-codec'

export const PLAN_FORMAT_MARKER = 'ep-z1;'
/** A kept copy that was compressed; anything else under the prefix is the original text itself. */
export const COPY_FORMAT_MARKER = 'ep-copy-z1;'
/** Tasks per bucket the encoder aims at: one bucket is what an edit re-compresses (~10–40 ms). */
const TASKS_PER_BUCKET = 256
const MAX_BUCKETS = 4096
/** Originals shorter than this are kept as they are (readable in the browser's storage inspector). */
const COPY_COMPRESS_FROM_CHARS = 2048

export interface DecodedPlan {
  /** The plan as stored (compact tasks), for restorePlan. */
  raw: unknown
  /** Bucket layout as read, so the encoder can reuse the segments of an unchanged plan. */
  layout: { bucketCount: number; segments: { ids: string[]; packed: string }[] } | null
}

/** Reads a plan key's text; null when it is damaged (the caller keeps the original). Never throws. */
export function decodeStoredPlan(text: string): DecodedPlan | null {
  try {
    if (text.startsWith('{')) return { raw: JSON.parse(text) as unknown, layout: null }
    if (!text.startsWith(PLAN_FORMAT_MARKER)) return null
    const countEnd = text.indexOf(';', PLAN_FORMAT_MARKER.length)
    const bucketCount = Number(text.slice(PLAN_FORMAT_MARKER.length, countEnd))
    if (countEnd < 0 || !isBucketCount(bucketCount)) return null
    const head = unpackText(text, countEnd + 1)
    if (head === null) return null
    const plan = JSON.parse(head.text) as unknown
    if (typeof plan !== 'object' || plan === null || Array.isArray(plan)) return null
    const tasks: Record<string, unknown> = {}
    const segments: { ids: string[]; packed: string }[] = []
    let at = head.next
    while (at < text.length) {
      const segment = unpackText(text, at)
      if (segment === null) return null
      const bucket = JSON.parse(segment.text) as unknown
      if (typeof bucket !== 'object' || bucket === null || Array.isArray(bucket)) return null
      const ids = Object.keys(bucket)
      for (const id of ids) {
        const task = (bucket as Record<string, unknown>)[id]
        // As JSON.parse does: an id "__proto__" stays a plain property for restore to judge (an assignment would set the prototype).
        if (id === '__proto__') Object.defineProperty(tasks, id, { value: task, enumerable: true, writable: true, configurable: true })
        else tasks[id] = task
      }
      segments.push({ ids, packed: text.slice(at, segment.next) })
      at = segment.next
    }
    if (segments.length !== bucketCount) return null
    return { raw: { ...(plan as Record<string, unknown>), tasks }, layout: { bucketCount, segments } }
  } catch {
    return null
  }
}

function isBucketCount(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= MAX_BUCKETS && (n & (n - 1)) === 0
}

/** FNV-1a, 32 bits: stable across engines and versions (the stored layout depends on it). */
export function bucketHash(id: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

function idealBucketCount(taskCount: number): number {
  let count = 1
  while (count * TASKS_PER_BUCKET < taskCount && count < MAX_BUCKETS) count *= 2
  return count
}

interface Bucket { tasks: Task[]; packed: string }

/**
 * Encodes one plan again and again, re-compressing only what changed since the last call. One per
 * plan key; it holds the last packed segments (about the size of the stored value).
 */
export class PlanEncoder {
  private bucketCount = 0
  private buckets: (Bucket | undefined)[] = []
  private headJson = ''
  private headPacked = ''
  private readonly hashes = new Map<string, number>()

  /**
   * The value for the plan key, or null when `deadline` (performance.now()) passed before every
   * changed bucket was compressed: call again with the same or a newer plan, the work done is kept.
   * Throws what JSON.stringify throws (a cyclic or too-deep unknown field): the caller catches it.
   */
  encode(plan: Plan, deadline = Infinity): string | null {
    const ids = Object.keys(plan.tasks)
    const ideal = idealBucketCount(ids.length)
    // Hysteresis: a plan around a threshold does not switch layouts (a full re-compression) back and forth.
    if (this.bucketCount === 0 || ideal > this.bucketCount * 2 || ideal * 4 < this.bucketCount) {
      this.bucketCount = ideal
      this.buckets = []
    }
    const groups: Task[][] = Array.from({ length: this.bucketCount }, () => [])
    for (const id of ids) groups[this.bucketOf(id)]!.push(plan.tasks[id]!)

    const { tasks: _tasks, ...head } = plan
    const headJson = JSON.stringify(head)
    if (headJson !== this.headJson) {
      this.headPacked = packText(headJson)
      this.headJson = headJson
    }
    for (let i = 0; i < groups.length; i += 1) {
      const group = groups[i]!
      const cached = this.buckets[i]
      if (cached && sameItems(cached.tasks, group)) continue
      if (performance.now() > deadline) return null
      const record: Record<string, unknown> = {}
      for (const task of group) record[task.id] = compactTask(task)
      this.buckets[i] = { tasks: group, packed: packText(JSON.stringify(record)) }
    }
    return `${PLAN_FORMAT_MARKER}${this.bucketCount};${this.headPacked}${this.buckets.map((b) => b!.packed).join('')}`
  }

  /**
   * Takes the segments just read from storage as already encoded, for the plan restored from them
   * unchanged, so the first save after a load re-compresses only what the user changed.
   */
  seed(plan: Plan, layout: NonNullable<DecodedPlan['layout']>): void {
    this.bucketCount = layout.bucketCount
    this.buckets = layout.segments.map((segment, index) => {
      const tasks: Task[] = []
      for (const id of segment.ids) {
        const task = Object.prototype.hasOwnProperty.call(plan.tasks, id) ? plan.tasks[id] : undefined
        if (!task || task.id !== id || this.bucketOf(id) !== index) return undefined
        tasks.push(task)
      }
      return { tasks, packed: segment.packed }
    })
  }

  private bucketOf(id: string): number {
    let hash = this.hashes.get(id)
    if (hash === undefined) {
      hash = bucketHash(id)
      this.hashes.set(id, hash)
    }
    return hash & (this.bucketCount - 1)
  }
}

function sameItems(a: readonly Task[], b: readonly Task[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false
  return true
}

/**
 * The text to keep for an original that must not be lost: compressed when that is smaller and gives
 * back exactly the same text (a lone surrogate would not survive UTF-8), otherwise the text itself.
 */
export function encodeKeptCopy(original: string): string {
  if (original.length < COPY_COMPRESS_FROM_CHARS && !original.startsWith(COPY_FORMAT_MARKER)) return original
  try {
    const packed = COPY_FORMAT_MARKER + packText(original)
    const back = unpackText(packed, COPY_FORMAT_MARKER.length)
    if (back !== null && back.text === original && (packed.length < original.length || original.startsWith(COPY_FORMAT_MARKER))) return packed
  } catch {
    // fall through: the original as it is
  }
  return original
}

/** The original text of a kept copy (for support, tests and a future "restore this copy"). */
export function decodeKeptCopy(stored: string): string | null {
  if (!stored.startsWith(COPY_FORMAT_MARKER)) return stored
  return unpackText(stored, COPY_FORMAT_MARKER.length)?.text ?? null
}
