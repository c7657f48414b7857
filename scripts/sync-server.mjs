/**
 * `npm run sync-server [-- port]`: the in-memory CouchDB-compatible server of scripts/lib/sync-server.mjs
 * on 127.0.0.1:5984 (or PORT / the first argument), and, when the app is built (dist/), the app on
 * http://127.0.0.1:8080 with that same server under /db (one origin, as the README's deployment: the
 * page's CSP allows its own origin only). For trying sync in two browser windows; forgotten on exit.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startSameOriginSyncServer } from './lib/same-origin-sync-server.mjs'
import { startSyncServer, SYNC_SERVER_USERS } from './lib/sync-server.mjs'

const port = Number(process.argv[2] ?? process.env.PORT ?? 5984)
const appPort = Number(process.env.APP_PORT ?? 8080)
const dist = process.env.DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const { url } = await startSyncServer({ port })
console.log(`Sync server (in memory, forgotten on exit): CouchDB API at ${url}`)
for (const user of SYNC_SERVER_USERS) console.log(`  user ${user.name} / ${user.password}${user.admin ? ' (server admin: may create a database)' : ''}`)
if (existsSync(join(dist, 'index.html'))) {
  const app = await startSameOriginSyncServer(dist, { port: appPort, syncUrl: url })
  console.log(`The app, same origin: ${app.url}  (open it in two windows, one of them private)`)
  console.log(`Connect a plan ("Đồng bộ") to ${app.databaseUrl('kh-thu')}`)
} else {
  console.log('Build the app (npm run build) to have it served here on the same origin as the API.')
}
