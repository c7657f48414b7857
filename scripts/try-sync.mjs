/**
 * `node scripts/try-sync.mjs [port]` (after `npm run build`): the built app and an in-memory
 * CouchDB-compatible server on one origin, http://127.0.0.1:8080 by default, for trying sync in two
 * browser windows (README, "Đồng bộ giữa các cơ quan / Sync"). Everything is forgotten on exit.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startSameOriginSyncServer } from './lib/same-origin-sync-server.mjs'
import { SYNC_SERVER_USERS } from './lib/sync-server.mjs'

const dist = process.env.DIST ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const port = Number(process.argv[2] ?? process.env.PORT ?? 8080)
const server = await startSameOriginSyncServer(dist, { port })
console.log(`The app: ${server.url}   (open it in two windows, e.g. one of them private)`)
console.log(`Connect a plan ("Đồng bộ") to ${server.databaseUrl('kh-thu')} with:`)
for (const user of SYNC_SERVER_USERS) console.log(`  ${user.name} / ${user.password}${user.admin ? ' (may create the database)' : ''}`)
