/**
 * The import worker: reads, parses and previews a chosen file off the main thread, so a 100,000-event
 * calendar or a 20 MB backup never freezes the page (issue 9). The work itself is import-session.ts;
 * this only connects it to postMessage. Started by import-client.ts as a module worker.
 */
import type { ImportAnswer, ImportRequest } from '@/features/import-export/utils/import-protocol'
import { createImportSession } from '@/features/import-export/utils/import-session'

// The app's TypeScript program has the DOM library, not the worker one: the two declare `self`
// differently, so the worker's scope is described by the little it uses.
interface WorkerScope {
  postMessage(message: ImportAnswer): void
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null
}
const scope = self as unknown as WorkerScope

const session = createImportSession((answer) => scope.postMessage(answer))
// One request at a time, in order: a mapping change must not overtake the read it belongs to.
let queue: Promise<void> = Promise.resolve()
scope.onmessage = (event) => {
  queue = queue.then(() => session.handle(event.data))
}
