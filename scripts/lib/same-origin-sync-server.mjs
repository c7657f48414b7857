/**
 * The built app and the in-memory CouchDB-compatible server on ONE origin (issue 13): `/db/…` is
 * passed to scripts/lib/sync-server.mjs (started on its own free port), everything else is the
 * static app (scripts/lib/static-server.mjs). This is the deployment the README recommends for a
 * province (the app served from the CouchDB origin, behind one reverse proxy), so the page's CSP keeps
 * `connect-src 'self'`. Used by e2e/sync.test.mjs and `node scripts/try-sync.mjs`.
 *
 * A plain streaming proxy (node:http), not a library: it only forwards method, path, headers and
 * body both ways, which is all replication (including its long-polling `_changes`) needs.
 */
import { request as httpRequest, createServer } from 'node:http'
import { startStaticServer } from './static-server.mjs'
import { startSyncServer } from './sync-server.mjs'

export const DB_PREFIX = '/db'

function forward(req, res, target, path) {
  const upstream = httpRequest(new URL(path, target), { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers)
    answer.pipe(res)
  })
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502)
    res.end()
  })
  req.pipe(upstream)
}

/**
 * Starts both servers behind one origin on 127.0.0.1 (`port` 0: any free port); with `syncUrl`, the
 * static app only, in front of that running CouchDB-compatible API.
 * @returns {Promise<{ url: string, databaseUrl: (name: string) => string, syncUrl: string, close: () => Promise<void> }>}
 */
export async function startSameOriginSyncServer(distDir, { port = 0, host = '127.0.0.1', syncUrl = null } = {}) {
  // An API already running (npm run sync-server's on 5984) is shared, not started again.
  const sync = syncUrl ? { url: syncUrl, close: async () => {} } : await startSyncServer()
  const app = await startStaticServer(distDir)
  const sockets = new Set()
  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    if (url === DB_PREFIX || url.startsWith(`${DB_PREFIX}/`) || url.startsWith(`${DB_PREFIX}?`)) {
      forward(req, res, sync.url, url.slice(DB_PREFIX.length) || '/')
    } else {
      forward(req, res, app.url, url)
    }
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })
  const url = `http://${host}:${server.address().port}`
  return {
    url,
    syncUrl: sync.url,
    databaseUrl: (name) => `${url}${DB_PREFIX}/${name}`,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(() => resolve()))
      await app.close()
      await sync.close()
    },
  }
}
