/**
 * The import dialog's side of the import worker (workers/import.worker.ts): requests as promises,
 * progress as a callback, and "Hủy" as terminating the worker, which stops a parse at once wherever
 * it is. Where there is no Worker (an old browser), or it cannot start (a page opened from file://,
 * a blocked script), the same session (import-session.ts) runs on the main thread instead: slower to
 * the eye, but the import still works.
 *
 * Single-file build (issue 13, vite-plugin-singlefile): Vite emits the worker below as its own chunk.
 * To inline it, import it as `import ImportWorker from '@/features/import-export/workers/import.worker?worker&inline'`
 * and start it with `new ImportWorker()` (Vite then embeds it as a base64 blob URL); the worker's own
 * lazy format modules must then be bundled into it (vite.config.ts `worker.rolldownOptions` with
 * code splitting off), since a blob worker has no folder to load chunks from.
 */
import type { Plan } from '@/domain/types'
import type { ColumnMapping } from '@/io/schedule-table/import-result'
import type { Task } from '@/domain/types'
import {
  assembleTaken, type FinalAnswer, type ForeignPreview, type ImportAnswer, type ImportRequest, type ImportStage, type ProgressUnit, type ReadResult, type TakenImport,
} from '@/features/import-export/utils/import-protocol'

/** Tasks of the open plan the worker warms up on (cloning them costs this thread well under a millisecond). */
const WARM_UP_SAMPLE_TASKS = 60

export type OnImportProgress = (stage: ImportStage, done: number, total: number | null, unit?: ProgressUnit) => void

/** Each request resolves with its answer, or with null when it was cancelled. */
export interface ImportClient {
  read(file: Blob, name: string, plan: Plan, now: number, onProgress?: OnImportProgress): Promise<ReadResult | null>
  map(change: { headerRow: number } | { mapping: ColumnMapping }): Promise<ForeignPreview | null>
  take(plan: Plan | null, now: number): Promise<TakenImport | null>
  /** Starts the worker and warms up the backup reader on a few tasks of `plan`, while the user is still choosing a file. */
  warmUp(plan: Plan): void
  /** Stops the work at once and forgets the file; the next `read` starts afresh. */
  cancel(): void
  /** Whether the work runs in a Worker (false: in this thread). */
  readonly inWorker: boolean
}

interface Transport {
  post(request: ImportRequest): void
  terminate(): void
  readonly inWorker: boolean
}

interface Pending {
  request: ImportRequest
  resolve: (answer: FinalAnswer | null) => void
  onProgress?: OnImportProgress
  /** The tasks of a `take`, as their parts arrive. */
  tasks: Task[]
}

export function createImportClient(options: { useWorker?: boolean } = {}): ImportClient {
  const useWorker = options.useWorker ?? typeof Worker !== 'undefined'
  let transport: Transport | null = null
  let nextId = 1
  const pending = new Map<number, Pending>()

  const receive = (answer: ImportAnswer) => {
    const entry = pending.get(answer.id)
    if (!entry) return // an answer to a cancelled request
    if (answer.type === 'progress') {
      entry.onProgress?.(answer.stage, answer.done, answer.total, answer.unit)
      return
    }
    if (answer.type === 'take-part') {
      for (const task of answer.tasks) entry.tasks.push(task)
      return
    }
    pending.delete(answer.id)
    entry.resolve(answer)
  }

  const inThread = (): Transport => {
    const session = import('@/features/import-export/utils/import-session').then(({ createImportSession }) => createImportSession(receive))
    let queue: Promise<void> = Promise.resolve()
    let alive = true
    return {
      inWorker: false,
      post(request) {
        queue = queue.then(async () => {
          const s = await session
          if (alive) await s.handle(request)
        })
      },
      terminate() {
        alive = false
      },
    }
  }

  /** The worker could not start, or crashed: go on in this thread with what is still waiting. */
  const fallBack = () => {
    transport?.terminate()
    transport = inThread()
    for (const entry of pending.values()) transport.post(entry.request)
  }

  const inWorker = (): Transport | null => {
    try {
      const worker = new Worker(new URL('../workers/import.worker.ts', import.meta.url), { type: 'module' })
      worker.onmessage = (event: MessageEvent<ImportAnswer>) => receive(event.data)
      worker.onerror = (event) => {
        event.preventDefault()
        fallBack()
      }
      return {
        inWorker: true,
        post(request) {
          try {
            worker.postMessage(request)
          } catch {
            fallBack() // a value that cannot be cloned: the main thread can still read it
          }
        },
        terminate: () => worker.terminate(),
      }
    } catch {
      return null
    }
  }

  const start = (): Transport => (transport ??= (useWorker ? inWorker() : null) ?? inThread())

  const send = (
    body: DistributiveOmit<Exclude<ImportRequest, { type: 'warm' }>, 'id'>, onProgress?: OnImportProgress, onTasks?: (tasks: Task[]) => void,
  ): Promise<FinalAnswer | null> => {
    start()
    const request = { ...body, id: nextId++ } as ImportRequest
    return new Promise((resolve) => {
      const tasks: Task[] = []
      onTasks?.(tasks)
      pending.set(request.id, { request, resolve, onProgress, tasks })
      transport!.post(request)
    })
  }

  return {
    get inWorker() {
      return transport?.inWorker ?? useWorker
    },
    async read(file, name, plan, now, onProgress) {
      const answer = await send({ type: 'read', file, name, plan, now }, onProgress)
      return answer?.type === 'read' ? answer.result : null
    },
    async map(change) {
      const answer = await send({ type: 'map', headerRow: 'headerRow' in change ? change.headerRow : null, mapping: 'mapping' in change ? change.mapping : null })
      return answer?.type === 'map' ? answer.preview : null
    },
    async take(plan, now) {
      let tasks: Task[] = []
      const answer = await send({ type: 'take', plan, now }, undefined, (received) => (tasks = received))
      return answer?.type === 'take' ? assembleTaken(answer, tasks) : null
    },
    warmUp(plan) {
      // Only in a worker: on this thread, warming up would only take time from the page.
      if (!useWorker) return
      const sample = { ...plan, tasks: Object.fromEntries(Object.entries(plan.tasks).slice(0, WARM_UP_SAMPLE_TASKS)) }
      start().post({ type: 'warm', id: nextId++, sample })
    },
    cancel() {
      transport?.terminate()
      transport = null
      for (const entry of pending.values()) entry.resolve(null)
      pending.clear()
    },
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
