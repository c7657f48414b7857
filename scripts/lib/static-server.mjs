// A minimal static file server for the built app (dist/), on 127.0.0.1 and a free port.
// Used by the end-to-end tests, the benchmark and the screenshot script; nothing leaves loopback.
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
}

/** Serves `root`; `extraRoutes` maps a path to { type, body } (for the benchmark's bare page). */
export async function startStaticServer(root, extraRoutes = {}) {
  const base = resolve(root)
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const route = extraRoutes[url.pathname]
    if (route) {
      res.writeHead(200, { 'content-type': route.type })
      res.end(route.body)
      return
    }
    const path = normalize(join(base, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)))
    if (!path.startsWith(base)) { res.writeHead(403).end(); return }
    try {
      const info = await stat(path)
      const file = info.isDirectory() ? join(path, 'index.html') : path
      const body = await readFile(file)
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
      res.end(body)
    } catch {
      res.writeHead(404).end('not found')
    }
  })
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address()
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) }
}
