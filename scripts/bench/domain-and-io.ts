/**
 * The 10,000-task plan through the pure code, in Node: re-plan (target ≤ 200 ms), checks (≤ 100 ms),
 * export to each format (ICS ≤ 0.5 s, CSV ≤ 0.3 s, XLSX ≤ 3 s, DOCX ≤ 5 s), the progress report (figures
 * and Word, ≤ 5 s, issue 12; its chart images are drawn by the page, not here) and JSON import (≤ 1 s).
 * Median of 3 runs each (plus one warm-up). Printed as its own table after the browser benchmark.
 */
import { performance } from 'node:perf_hooks'
import { addDays } from '@/domain/dates/local-date'
import { holidaysInRange } from '@/domain/holidays/holidays'
import { runPlanChecks } from '@/domain/rules/plan-checks'
import { replanElection } from '@/domain/rules/replan'
import type { Plan } from '@/domain/types'
import { parseBackup, serializeBackup } from '@/io/backup/backup-file'
import { serializeCsv } from '@/io/csv/csv-file'
import { serializeDocx } from '@/io/docx/docx-file'
import { serializeIcs } from '@/io/ics/ics-export'
import { computeProgressFigures } from '@/domain/progress/progress-figures'
import { buildProgressReportDocx } from '@/io/progress-report/progress-report-docx'
import { serializeXlsx } from '@/io/xlsx/xlsx-file'

export interface DomainRow { metric: string; ms: number; targetMs: number; pass: boolean }

async function median(run: () => unknown | Promise<unknown>, times = 3): Promise<number> {
  await run() // warm-up (JIT, lazy module state)
  const samples: number[] = []
  for (let i = 0; i < times; i += 1) {
    const t0 = performance.now()
    await run()
    samples.push(performance.now() - t0)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)]!
}

export async function measureDomainAndIo(plan: Plan): Promise<DomainRow[]> {
  const tasks = Object.values(plan.tasks)
  const now = new Date(Date.UTC(2021, 0, 4))
  const holidays = holidaysInRange('2021-01-01', '2022-01-01')
  const backupText = serializeBackup([plan], now)
  const rows: [string, number, () => unknown][] = [
    ['Re-plan 10,000 tasks (election day +7)', 200, () => replanElection(plan, { ...plan.election, electionDay: addDays(plan.election.electionDay, 7) }, 1)],
    ['Checks over 10,000 tasks', 100, () => runPlanChecks(plan, holidays)],
    ['Export ICS', 500, () => serializeIcs(plan, { tasks, includeMilestones: true, language: 'vi', now })],
    ['Export CSV', 300, () => serializeCsv(plan, { tasks, language: 'vi' })],
    ['Export XLSX', 3000, () => serializeXlsx(plan, { tasks, language: 'vi', now: now.getTime() })],
    ['Export DOCX', 5000, () => serializeDocx(plan, { tasks, language: 'vi', now })],
    ['Progress report DOCX (figures + Word, as of D-23)', 5000, async () => {
      const asOf = addDays(plan.election.electionDay, -23)
      const figures = computeProgressFigures(plan, { asOf })
      return buildProgressReportDocx({ plan, figures, asOf, language: 'vi', proposals: '' })
    }],
    ['Import JSON backup', 1000, () => parseBackup(backupText)],
  ]
  const result: DomainRow[] = []
  for (const [metric, targetMs, run] of rows) {
    const ms = await median(run)
    result.push({ metric, ms, targetMs, pass: ms <= targetMs })
  }
  return result
}

export function printDomainRows(rows: DomainRow[]): void {
  const width = Math.max(...rows.map((r) => r.metric.length))
  process.stdout.write(`\n${'Pure code, Node (median of 3)'.padEnd(width)} │     ms │ target │ result\n`)
  for (const r of rows) {
    process.stdout.write(`${r.metric.padEnd(width)} │ ${r.ms.toFixed(0).padStart(6)} │ ${String(r.targetMs).padStart(6)} │ ${r.pass ? 'PASS' : 'FAIL'}\n`)
  }
}
