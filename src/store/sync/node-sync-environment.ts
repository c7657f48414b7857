/**
 * The sync environment of a Node process (tests and the bench): PouchDB on the memory adapter stands
 * in for a browser's IndexedDB replica, and a fetch with its own cookie jar stands in for the
 * browser's cookie store (Node's fetch keeps no cookies), so `_session` logins work as in a browser.
 * Not used by the app (the browser's environment is src/lib/pouch-browser.ts).
 */
import PouchDB from 'pouchdb-core'
import httpAdapter from 'pouchdb-adapter-http'
import replication from 'pouchdb-replication'
// @ts-expect-error no types for the memory adapter
import memoryAdapter from 'pouchdb-adapter-memory'
import type { PouchDatabase, SyncEnvironment } from '@/store/sync/sync-engine'

// pouchdb-core is one class per process (the test's server shares it): each plugin is added once.
const NodePouch = PouchDB as typeof PouchDB & { adapters: Record<string, unknown>; replicate?: unknown }
if (!NodePouch.adapters.memory) NodePouch.plugin(memoryAdapter)
if (!NodePouch.adapters.http) NodePouch.plugin(httpAdapter)
if (typeof NodePouch.replicate !== 'function') NodePouch.plugin(replication)

/** One "browser": its own cookie jar; every replica it opens is in memory and named per environment. */
export function createNodeSyncEnvironment(label = 'node'): SyncEnvironment & { cookies: Map<string, string> } {
  const cookies = new Map<string, string>()
  const fetchWithCookies = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers)
    if (cookies.size > 0) headers.set('Cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    const { credentials: _credentials, ...rest } = init
    const response = await fetch(url, { ...rest, headers })
    for (const line of response.headers.getSetCookie?.() ?? []) {
      const [pair] = line.split(';')
      const cut = pair!.indexOf('=')
      if (cut > 0) cookies.set(pair!.slice(0, cut).trim(), pair!.slice(cut + 1).trim())
    }
    return response
  }
  return {
    cookies,
    openLocal: (name) => new NodePouch(`${label}:${name}`, { adapter: 'memory' }) as unknown as PouchDatabase,
    openRemote: (url) => new NodePouch(url, {
      adapter: 'http', skip_setup: true,
      fetch: (input: string | Request, init?: RequestInit) => fetchWithCookies(typeof input === 'string' ? input : input.url, init),
    } as never) as unknown as PouchDatabase,
    fetch: fetchWithCookies,
    now: () => Date.now(),
  }
}
