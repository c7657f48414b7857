/**
 * The long fuzz run (issue 9): the targets of src/testing/fuzz, each case in a child process with
 * `--max-old-space-size=512` and a time limit, so that a case that exhausts memory or never returns
 * is recorded as such instead of taking the run down.
 *
 *   npm run fuzz -- --cases 5000 --seed 7            cases in total, spread evenly over the targets
 *   npm run fuzz -- --target csv-import --cases 500  one target
 *   npm run fuzz -- --jobs 1 --timeout 5000          child processes at a time (default 2), ms per case
 *   npm run fuzz -- --isolate                        a fresh child for every case (slow: ~2 s each)
 *   npm run fuzz -- --scale 20                       huge and deep values 20× bigger (lying ZIPs too)
 *   npm run fuzz -- --target X --seed S --case I     runs one case in this process and prints it
 *
 * Children are reused (a fresh one after a hang or a crash, and every RECYCLE_AFTER cases): starting
 * one costs seconds (tsx compiles the modules, the corpus is exported), and the limits still hold per
 * case, since the child is killed when a case overruns. Failing inputs are saved under .fuzz-failures/ as `<target>-s<seed>-c<case>.<ext>`, with
 * the findings in a `.txt` beside them; FUZZ_TARGET, FUZZ_SEED and FUZZ_CASE rerun one in Vitest.
 * Prints "N cases, 0 crashes, 0 hangs, 0 uncounted changes" (and the other failure kinds) and exits
 * non-zero when anything failed.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadCorpus } from '@/testing/fuzz/corpus'
import { buildTargets, generateCase, recordFindings, runCase, type FailureSummary } from '@/testing/fuzz/fuzz-targets'
import { setFuzzScale } from '@/testing/fuzz/mutations'
import type { Finding, FuzzTarget } from '@/testing/fuzz/oracles'
import { setXlsxScale } from '@/testing/fuzz/xlsx-target'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const FAILURES_DIR = `${ROOT}.fuzz-failures`
const MEMORY_MB = 512
const RECYCLE_AFTER = 300
/** Failing inputs saved per failure kind (the rest are only counted). */
const SAVED_PER_KIND = 3

interface Options { cases: number; seed: number; target: string | null; jobs: number; timeout: number; isolate: boolean; scale: number; case: number | null }

function readOptions(argv: string[]): Options {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`)
    return at >= 0 ? argv[at + 1] : undefined
  }
  return {
    cases: Number(value('cases') ?? 1000),
    seed: Number(value('seed') ?? Date.now() % 1_000_000),
    target: value('target') ?? null,
    jobs: Number(value('jobs') ?? 2),
    timeout: Number(value('timeout') ?? 5000),
    isolate: argv.includes('--isolate'),
    scale: Number(value('scale') ?? 1),
    case: value('case') === undefined ? null : Number(value('case')),
  }
}

const ICS_FIXTURES = ['google-calendar.ics', 'google-calendar-recurring.ics', 'outlook-calendar.ics']
  .map((name) => readFileSync(`${ROOT}src/io/ics/fixtures/${name}`, 'utf8'))

async function loadTargets(scale: number): Promise<FuzzTarget<unknown>[]> {
  setFuzzScale(scale)
  setXlsxScale(scale)
  return buildTargets(await loadCorpus(ICS_FIXTURES))
}

// ── Child: runs the cases it is sent, one at a time ────────────────────────────────────────────

interface CaseRequest { target: string; seed: number; index: number }
type ChildMessage = { type: 'ready' } | { type: 'generated' } | { type: 'done'; findings: Finding[]; ms: number }

async function child(scale: number): Promise<void> {
  const targets = new Map((await loadTargets(scale)).map((t) => [t.name, t]))
  // Warm up before the clock starts: a cold exceljs or zod takes a second or two on its first call,
  // which on a busy machine would read as a hang of whichever case came first.
  for (const target of targets.values()) await runCase(target, 0, 0, Number.POSITIVE_INFINITY)
  process.on('message', (request: CaseRequest) => {
    const generated = () => process.send!({ type: 'generated' } satisfies ChildMessage)
    void runCase(targets.get(request.target)!, request.seed, request.index, Number.POSITIVE_INFINITY, generated).then(({ findings, ms }) => {
      process.send!({ type: 'done', findings, ms } satisfies ChildMessage)
    })
  })
  process.send!({ type: 'ready' } satisfies ChildMessage)
}

// ── Parent: hands out cases, enforces the limits, saves failures ───────────────────────────────

class Worker {
  private process: ChildProcess | null = null
  private ready: Promise<void> | null = null
  private served = 0

  constructor(private readonly scale: number) {}

  private start(): Promise<void> {
    const proc = fork(fileURLToPath(import.meta.url), ['--child', '--scale', String(this.scale)], {
      execArgv: [...process.execArgv, `--max-old-space-size=${MEMORY_MB}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    })
    proc.stderr?.resume() // a child's own complaints (an OOM report) are not the run's output
    this.process = proc
    this.served = 0
    return new Promise((resolve, reject) => {
      proc.once('message', () => resolve())
      proc.once('exit', (code) => reject(new Error(`fuzz child exited (${code}) before it was ready`)))
    })
  }

  stop(): void {
    this.process?.kill('SIGKILL')
    this.process = null
    this.ready = null
  }

  /** Runs one case; a child that overruns is killed (`hang`), one that dies is a `crash`. */
  async run(request: CaseRequest, timeoutMs: number, isolate: boolean): Promise<{ findings: Finding[]; ms: number }> {
    if (!this.ready || (this.served >= RECYCLE_AFTER) || isolate) {
      this.stop()
      this.ready = this.start()
    }
    await this.ready
    this.served += 1
    const proc = this.process!
    const started = performance.now()
    return new Promise((resolve) => {
      const finish = (findings: Finding[], broken: boolean, ms = performance.now() - started) => {
        clearTimeout(timer)
        proc.removeAllListeners('message')
        proc.removeAllListeners('exit')
        if (broken) this.stop()
        resolve({ findings, ms })
      }
      const hang = () => finish([{ kind: 'hang', detail: `no answer within ${timeoutMs} ms (killed)` }], true)
      // Until the input is built, a generous limit (a lying ZIP's 50 MB sheet takes seconds to zip);
      // from then on, the case's own limit.
      let timer = setTimeout(hang, timeoutMs * 12)
      proc.on('message', (message: ChildMessage) => {
        if (message.type === 'generated') {
          clearTimeout(timer)
          timer = setTimeout(hang, timeoutMs)
        }
        if (message.type === 'done') finish(message.findings, false, message.ms)
      })
      proc.once('exit', (code, signal) => finish([{ kind: 'crash', detail: `the child died (${signal ?? `exit ${code}`}; over ${MEMORY_MB} MB?)` }], true))
      proc.send(request)
    })
  }
}

async function parent(options: Options): Promise<void> {
  const targets = (await loadTargets(options.scale)).filter((t) => !options.target || t.name === options.target)
  if (targets.length === 0) throw new Error(`no target named ${options.target}`)

  if (options.case !== null) {
    const target = targets[0]!
    const input = generateCase(target, options.seed, options.case)
    const saved = await target.save(input)
    console.log(typeof saved.data === 'string' ? saved.data.slice(0, 4000) : `<${saved.data.length} bytes>`)
    const { findings, ms } = await runCase(target, options.seed, options.case, options.timeout)
    console.log(JSON.stringify(findings, null, 1), `${Math.round(ms)} ms`)
    return
  }

  const queue: CaseRequest[] = []
  const perTarget = Math.ceil(options.cases / targets.length)
  for (let index = 0; index < perTarget; index += 1) {
    for (const target of targets) if (queue.length < options.cases) queue.push({ target: target.name, seed: options.seed, index })
  }
  const total = queue.length
  const summary: FailureSummary = new Map()
  const ran = new Map<string, number>()
  const slowest = new Map<string, { ms: number; index: number }>()
  const savedPerKind = new Map<string, number>()
  const failedCases = new Set<string>()
  mkdirSync(FAILURES_DIR, { recursive: true })
  const started = Date.now()
  let done = 0

  const save = async (request: CaseRequest, findings: Finding[]) => {
    const key = `${request.target}·${findings.map((f) => f.kind).join(',')}·${findings[0]?.detail}`
    const count = savedPerKind.get(key) ?? 0
    if (count >= SAVED_PER_KIND) return
    savedPerKind.set(key, count + 1)
    const target = targets.find((t) => t.name === request.target)!
    const base = `${FAILURES_DIR}/${request.target}-s${request.seed}-c${request.index}`
    try {
      const { extension, data } = await target.save(generateCase(target, request.seed, request.index))
      writeFileSync(`${base}.${extension}`, data)
    } catch (error) {
      writeFileSync(`${base}.unsaved`, String(error))
    }
    writeFileSync(`${base}.txt`, `${findings.map((f) => `${f.kind}: ${f.detail}${f.example ? `\n  ${f.example}` : ''}`).join('\n')}\n`
      + `rerun: FUZZ_TARGET=${request.target} FUZZ_SEED=${request.seed} FUZZ_CASE=${request.index} npx vitest run src/testing/fuzz\n`)
  }

  const workers = Array.from({ length: Math.max(1, options.jobs) }, () => new Worker(options.scale))
  await Promise.all(workers.map(async (worker) => {
    for (let request = queue.shift(); request; request = queue.shift()) {
      const { findings, ms } = await worker.run(request, options.timeout, options.isolate)
      ran.set(request.target, (ran.get(request.target) ?? 0) + 1)
      if (ms > (slowest.get(request.target)?.ms ?? -1)) slowest.set(request.target, { ms, index: request.index })
      recordFindings(summary, request.target, request.index, findings)
      if (findings.length > 0) {
        failedCases.add(`${request.target}#${request.index}`)
        await save(request, findings)
      }
      done += 1
      if (done % 250 === 0) console.log(`… ${done}/${total} cases, ${failedCases.size} failing, ${Math.round((Date.now() - started) / 1000)} s`)
    }
    worker.stop()
  }))

  const kinds = new Map<string, number>()
  for (const [key, { count }] of summary) {
    const kind = key.split(' · ')[1]!
    kinds.set(kind, (kinds.get(kind) ?? 0) + count)
  }
  console.log(`\nseed ${options.seed}, ${Math.round((Date.now() - started) / 1000)} s`)
  for (const target of targets) {
    const slow = slowest.get(target.name)
    console.log(`  ${target.name.padEnd(24)} ${String(ran.get(target.name) ?? 0).padStart(6)} cases, slowest ${Math.round(slow?.ms ?? 0)} ms (case ${slow?.index ?? '-'})`)
  }
  if (summary.size > 0) {
    console.log('\nfailures (kind · what · how many · first case):')
    for (const [key, { count, firstIndex, example }] of summary) console.log(`  ${key} · ${count}× · case ${firstIndex}${example ? `\n      e.g. ${example}` : ''}`)
    console.log(`\nfailing inputs: ${FAILURES_DIR}/`)
  }
  const n = (kind: string) => kinds.get(kind) ?? 0
  const others = [...kinds].filter(([kind]) => !['crash', 'hang', 'uncounted-change'].includes(kind)).map(([kind, count]) => `, ${count} ${kind}`).join('')
  console.log(`\n${total} cases, ${n('crash')} crashes, ${n('hang')} hangs, ${n('uncounted-change')} uncounted changes${others}`)
  process.exitCode = summary.size > 0 ? 1 : 0
}

const options = readOptions(process.argv.slice(2))
if (process.argv.includes('--child')) await child(options.scale)
else await parent(options)
