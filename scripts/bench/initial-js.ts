/**
 * "Initial JS": the JavaScript a first visit must download before the app can run — the module
 * script(s) and modulepreload links of dist/index.html, plus every chunk they import statically
 * (followed transitively). Chunks reached only through dynamic import() are left out.
 * Each file is gzipped on its own with node:zlib at level 9, and the sizes are added up.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, normalize, relative } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface InitialJs {
  files: { file: string; bytes: number; gzipBytes: number }[]
  totalBytes: number
  totalGzipBytes: number
}

const ATTR = (name: string) => new RegExp(`${name}\\s*=\\s*["']([^"']+)["']`, 'i')

/** Static `import … from "x"`, `import "x"` and `export … from "x"` specifiers (not `import("x")`). */
export function staticImports(code: string): string[] {
  const found = new Set<string>()
  const re = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g
  for (let m = re.exec(code); m !== null; m = re.exec(code)) found.add(m[1]!)
  return [...found]
}

export async function measureInitialJs(distDir: string): Promise<InitialJs> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8')
  const entries: string[] = []
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    if (/type\s*=\s*["']module["']/i.test(tag)) {
      const src = ATTR('src').exec(tag)?.[1]
      if (src) entries.push(src)
    }
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (/rel\s*=\s*["']modulepreload["']/i.test(tag)) {
      const href = ATTR('href').exec(tag)?.[1]
      if (href) entries.push(href)
    }
  }
  if (entries.length === 0) throw new Error(`no module script in ${join(distDir, 'index.html')}`)

  const seen = new Set<string>()
  const queue = entries.filter((src) => !/^[a-z]+:\/\//i.test(src)).map((src) => normalize(join(distDir, src)))
  const files: InitialJs['files'] = []
  while (queue.length > 0) {
    const path = queue.shift()!
    if (seen.has(path) || !path.endsWith('.js') || !existsSync(path)) continue
    seen.add(path)
    const code = await readFile(path)
    files.push({ file: relative(distDir, path), bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length })
    for (const spec of staticImports(code.toString('utf8'))) {
      if (spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/')) {
        queue.push(normalize(spec.startsWith('/') ? join(distDir, spec) : join(dirname(path), spec)))
      }
    }
  }
  return {
    files,
    totalBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  }
}
