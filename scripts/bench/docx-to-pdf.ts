/**
 * "Word 10,000 tasks → PDF (soffice)": the benchmark plan exported to .docx by the app's own
 * serializer, then converted with `soffice --headless --convert-to pdf`, wall-clock seconds. It stands
 * for "the file opens in LibreOffice" (issue 10: before the fix it did not within 5 minutes): the
 * conversion is LibreOffice's import and full page layout, the costly part of opening.
 *
 * One run (a conversion takes tens of seconds), in a private LibreOffice profile under .bench/ so a
 * LibreOffice the user has open is neither used nor disturbed, and the profile's first-start setup is
 * done by a warm-up conversion of a one-page document that is not timed. Skipped, with a message, when
 * `soffice` is not installed; stopped after twice the target.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdir, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { performance } from 'node:perf_hooks'
import type { Plan } from '@/domain/types'
import { selectTasksForExport } from '@/domain/plan/export-scope'
import { serializeDocx } from '@/io/docx/docx-file'
import type { Row } from './report'

export const DOCX_TO_PDF_TARGET_S = 120
const METRIC = 'Word 10,000 tasks → PDF (soffice) (s)'
const SOFFICE = process.env.SOFFICE ?? 'soffice'

function sofficeVersion(): string | null {
  const result = spawnSync(SOFFICE, ['--version'], { encoding: 'utf8', timeout: 60_000 })
  if (result.error || result.status !== 0) return null
  return result.stdout.trim().split('\n').at(-1) ?? 'LibreOffice'
}

/** Runs one conversion; resolves with its wall-clock ms, or null when it was stopped at `timeoutMs`. */
function convert(docxPath: string, outDir: string, profileDir: string, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(SOFFICE, [
      `-env:UserInstallation=${pathToFileURL(profileDir).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docxPath,
    ], { stdio: 'ignore', detached: true })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      // soffice is a shell script around soffice.bin: end the whole process group this run started.
      try { process.kill(-child.pid!, 'SIGKILL') } catch { /* already gone */ }
    }, timeoutMs)
    child.on('error', (error) => { clearTimeout(timer); reject(error) })
    child.on('exit', (code) => {
      clearTimeout(timer)
      if (timedOut) resolve(null)
      else if (code !== 0) reject(new Error(`soffice exited with ${code}`))
      else resolve(performance.now() - started)
    })
  })
}

export async function measureDocxToPdf(plan: Plan, benchDir: string, log: (message: string) => void): Promise<Row> {
  const target = `≤ ${DOCX_TO_PDF_TARGET_S}`
  const version = sofficeVersion()
  if (version === null) {
    const note = 'skipped: LibreOffice (soffice) is not installed; on Debian: apt-get install libreoffice-writer-nogui'
    log(`${METRIC}: ${note}`)
    return { metric: METRIC, app: 'skipped', bare: null, ratio: null, runs: '0', target, pass: null, note }
  }
  const dir = join(benchDir, 'docx-pdf')
  const profileDir = join(dir, 'lo-profile')
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const tasks = selectTasksForExport(plan, { kind: 'all' })
  const now = new Date(Date.UTC(2021, 0, 4, 1))
  const docxPath = join(dir, 'plan-10k.docx')
  const bytes = await serializeDocx(plan, { tasks, language: 'vi', now })
  await writeFile(docxPath, bytes)
  const warmPath = join(dir, 'warm-up.docx')
  await writeFile(warmPath, await serializeDocx(plan, { tasks: tasks.slice(0, 1), language: 'vi', now }))
  await convert(warmPath, dir, profileDir, 120_000)

  log(`${METRIC}: converting ${(bytes.length / 1024).toFixed(0)} KB with ${version} (stops at ${2 * DOCX_TO_PDF_TARGET_S} s)…`)
  const ms = await convert(docxPath, dir, profileDir, 2 * DOCX_TO_PDF_TARGET_S * 1000)
  const pdf = await stat(join(dir, 'plan-10k.pdf')).catch(() => null)
  if (ms === null || pdf === null) {
    return {
      metric: METRIC, app: `> ${2 * DOCX_TO_PDF_TARGET_S}`, bare: null, ratio: null, runs: '1', target, pass: false,
      note: `${version}: no PDF after ${2 * DOCX_TO_PDF_TARGET_S} s (stopped)`,
    }
  }
  const seconds = ms / 1000
  return {
    metric: METRIC, app: Math.round(seconds * 10) / 10, bare: null, ratio: null, runs: '1', target, pass: seconds <= DOCX_TO_PDF_TARGET_S,
    note: `${version}; ${tasks.length.toLocaleString('en')} tasks, .docx ${(bytes.length / 1024).toFixed(0)} KB → PDF ${(pdf.size / 1024 / 1024).toFixed(1)} MB; one run after an untimed warm-up, wall clock of the whole soffice process (start, import, layout, PDF)`,
  }
}
