/**
 * PouchDB in the browser (issue 13): the IndexedDB adapter for a connected plan's replica, the HTTP
 * adapter for the CouchDB server, replication. Loaded only when a plan is connected (dynamic import
 * from src/store/sync/browser-environment.ts), so an app that never syncs never downloads it.
 *
 * The server is reached with `credentials: 'include'`: the `_session` cookie is the login, and the
 * password is never stored (see store/sync/sync-store.ts).
 */
import PouchDB from 'pouchdb-core'
import idbAdapter from 'pouchdb-adapter-idb'
import httpAdapter from 'pouchdb-adapter-http'
import replication from 'pouchdb-replication'

PouchDB.plugin(idbAdapter).plugin(httpAdapter).plugin(replication)

const withCredentials = (url: string | Request, init?: RequestInit): Promise<Response> =>
  fetch(url, { ...init, credentials: 'include' })

/** Opens (creating when missing) the IndexedDB replica named `name`. */
export function openBrowserReplica(name: string): unknown {
  return new PouchDB(name, { adapter: 'idb' })
}

/** A remote database over HTTP; never creates it (`skip_setup`): creating is an explicit step. */
export function openRemoteDatabase(url: string): unknown {
  return new PouchDB(url, { adapter: 'http', skip_setup: true, fetch: withCredentials } as never)
}

export function fetchWithCredentials(url: string, init?: RequestInit): Promise<Response> {
  return withCredentials(url, init)
}
