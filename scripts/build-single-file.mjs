/**
 * Writes the one-file copy of the app (issue 13): `node scripts/build-single-file.mjs [outDir]`
 * (default dist/) → `<outDir>/ke-hoach-tuyen-truyen.html`, which opens by double-click from a USB
 * stick or a file share.
 *
 * Under file:// a browser blocks module scripts and stylesheets loaded from other files, so the
 * page must carry everything: `vite build --mode singlefile` (vite.config.ts, vite-plugin-singlefile
 * with Rolldown's code splitting off, so the lazy exceljs/docx/FullCalendar chunks are inside too)
 * into a temporary folder. Then this script
 * - replaces `script-src 'self'` in the Content-Security-Policy by the SHA-256 hashes of the inline
 *   scripts, so the file runs its own code and nothing else (a file:// page's 'self' is not its
 *   inline code);
 * - drops the links to the icon files, which do not travel with the one file (a missing file would
 *   only be a console error).
 * It is a separate pass from `vite build` (about as long again), run by `npm run build`.
 */
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'

export const SINGLE_FILE_NAME = 'ke-hoach-tuyen-truyen.html'

const outDir = resolve(process.argv[2] ?? 'dist')
const work = await mkdtemp(join(tmpdir(), 'single-file-'))
try {
  await build({ mode: 'singlefile', logLevel: 'warn', build: { outDir: work, emptyOutDir: true } })
  const html = withOwnCodeOnly(await readFile(join(work, 'index.html'), 'utf8'))
  await mkdir(outDir, { recursive: true })
  const target = join(outDir, SINGLE_FILE_NAME)
  await writeFile(target, html)
  console.log(`${target}: ${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB`)
} finally {
  await rm(work, { recursive: true, force: true })
}

/** The CSP with the hashes of the page's inline scripts, and no links to files left behind. */
function withOwnCodeOnly(html) {
  const page = html.replace(/\s*<link rel="(?:icon|apple-touch-icon|manifest)"[^>]*>/g, '')
  const hashes = [...page.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
    .map(([, code]) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`)
  if (hashes.length === 0) throw new Error('the single-file build has no inline script')
  if (/<script\b[^>]*\bsrc=/.test(page)) throw new Error('the single-file build still loads a script file')
  const csp = /(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src )'self'/
  if (!csp.test(page)) throw new Error('index.html has no CSP with script-src \'self\' to replace')
  return page.replace(csp, `$1${hashes.join(' ')}`)
}
