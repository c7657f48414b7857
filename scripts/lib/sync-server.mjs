/**
 * An in-memory CouchDB-compatible server for trying sync locally and for the sync tests (issue 13):
 * express-pouchdb 4.2 in its 'fullCouchDB' mode on PouchDB's memory adapter. Apache CouchDB is not in
 * the package registries here; express-pouchdb speaks the same HTTP API the browser's PouchDB uses
 * (replication, `_session` cookies, `_users`, `_security`, `validate_doc_update`).
 *
 * Nothing is written to disk: the config lives in memory (`inMemoryConfig`) and every database is a
 * memory one, so stopping the server forgets everything.
 *
 * Users created at start (documented in the README and the sync report):
 *   admin / admin-password        server admin (may create databases, write `_security`)
 *   tinh / tinh-password          role "province"  (an ordinary user: the province office)
 *   huyen / huyen-password        role "district"  (an ordinary user: a district office)
 *
 * What express-pouchdb really enforces (checked by src/store/sync/sync-server.test.ts):
 * - `_session` cookie login (POST name/password → AuthSession cookie) and basic auth;
 * - database creation only by a server admin (an ordinary user gets 401/403, so joins an existing one);
 * - per-database `_security` members: a user who is not a member (name or role) may not read or write;
 * - `validate_doc_update` in design documents: a `forbidden` throw becomes a 403 for that write.
 *
 * CORS: any origin, with credentials (a browser sending the session cookie needs the exact origin
 * echoed back, never `*`).
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export const SYNC_SERVER_USERS = [
  { name: 'admin', password: 'admin-password', roles: [], admin: true },
  { name: 'tinh', password: 'tinh-password', roles: ['province'] },
  { name: 'huyen', password: 'huyen-password', roles: ['district'] },
]

/**
 * Registers the adapters and plugins once: pouchdb-core is one shared class per process, and the tests
 * (or the bench) running this server may already have added some of them (a second `replicate` throws).
 */
function withPlugins(PouchDB) {
  if (!PouchDB.adapters.memory) PouchDB.plugin(require('pouchdb-adapter-memory'))
  if (!PouchDB.adapters.http) PouchDB.plugin(require('pouchdb-adapter-http'))
  if (typeof PouchDB.replicate !== 'function') PouchDB.plugin(require('pouchdb-replication'))
  if (typeof PouchDB.prototype.query !== 'function') PouchDB.plugin(require('pouchdb-mapreduce'))
  return PouchDB
}

function pick(headers, names) {
  return Object.fromEntries(names.filter((n) => headers[n] !== undefined).map((n) => [n, headers[n]]))
}

function cors(req, res, next) {
  const origin = req.headers.origin
  if (origin) {
    res.setHeader('Access-Control-Allow-Origin', origin)
    res.setHeader('Access-Control-Allow-Credentials', 'true')
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, Accept')
    res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE, OPTIONS')
    res.setHeader('Vary', 'Origin')
  }
  if (req.method === 'OPTIONS') {
    res.statusCode = 204
    res.end()
    return
  }
  next()
}

/**
 * Starts the server on 127.0.0.1 (port 0: any free port). Resolves once the users exist.
 * @param {{ port?: number, host?: string, log?: boolean }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startSyncServer({ port = 0, host = '127.0.0.1' } = {}) {
  const express = require('express')
  const PouchDB = withPlugins(require('pouchdb-core'))
  const ServerPouch = PouchDB.defaults({ adapter: 'memory' })
  const expressPouch = require('express-pouchdb')
  const pouchApp = expressPouch(ServerPouch, { mode: 'fullCouchDB', inMemoryConfig: true, logPath: '/dev/null' })

  const admin = SYNC_SERVER_USERS.find((u) => u.admin)
  await new Promise((resolve) => pouchApp.couchConfig.set('admins', admin.name, admin.password, resolve))
  // The log goes nowhere; request logging off.
  await new Promise((resolve) => pouchApp.couchConfig.set('log', 'level', 'none', resolve))

  let url = ''
  const app = express()
  app.use(cors)
  // express-pouchdb 4.2 crashes the whole process (`db.info is not a function`) when a non-admin
  // PUTs a new database: answer as CouchDB does before it gets there.
  app.put(/^\/[a-z][a-z0-9_$()+/-]*\/?$/, async (req, res, next) => {
    if (req.path.slice(1).replace(/\/$/, '').includes('/')) return next()
    try {
      const session = await fetch(`${url}/_session`, { headers: pick(req.headers, ['cookie', 'authorization']) })
      const body = await session.json()
      if (body.userCtx?.roles?.includes('_admin')) return next()
      res.status(body.userCtx?.name ? 403 : 401).json({ error: body.userCtx?.name ? 'forbidden' : 'unauthorized', reason: 'You are not a server admin.' })
    } catch (error) {
      next(error)
    }
  })
  app.use(pouchApp)
  const server = await new Promise((resolve, reject) => {
    const s = app.listen(port, host, () => resolve(s))
    s.on('error', reject)
  })
  const actualPort = server.address().port
  url = `http://${host}:${actualPort}`

  // Ordinary users go into _users through the HTTP API, as on a real CouchDB.
  const adminAuth = 'Basic ' + Buffer.from(`${admin.name}:${admin.password}`).toString('base64')
  for (const user of SYNC_SERVER_USERS.filter((u) => !u.admin)) {
    const response = await fetch(`${url}/_users/org.couchdb.user:${user.name}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: adminAuth },
      body: JSON.stringify({ _id: `org.couchdb.user:${user.name}`, name: user.name, password: user.password, roles: user.roles, type: 'user' }),
    })
    if (!response.ok && response.status !== 409) throw new Error(`could not create user ${user.name}: ${response.status}`)
  }

  const sockets = new Set()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  return {
    url,
    port: actualPort,
    close: () => new Promise((resolve) => {
      // Live replications hold long-polling connections open: end them, or close waits for them.
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    }),
  }
}
