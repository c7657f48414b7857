/**
 * The real files the fuzz targets start from: the app's own exports of the 2021 template (with the
 * kinds of task the template lacks: a timed weekly series with a cancelled and a moved occurrence, a
 * timed task, formula-looking text, a field from a newer version) and the calendar fixtures of
 * Google and Outlook. Mutating real files reaches deeper than random bytes, which most parsers refuse
 * at the first character.
 *
 * The ICS fixtures are passed in (Vitest reads them with `?raw`, the long-run script with node:fs),
 * so this module stays free of Node APIs.
 */
import { compactPlan } from '@/domain/plan/compact-plan'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Plan, Task, TaskRecurrence } from '@/domain/types'
import { serializeBackup } from '@/io/backup/backup-file'
import { serializeCsv } from '@/io/csv/csv-file'
import { serializeIcs } from '@/io/ics/ics-export'
import { serializeXlsx } from '@/io/xlsx/xlsx-file'

/** `now` of every import and restore in the fuzz run (fixed: the same case gives the same result). */
export const FUZZ_NOW = Date.UTC(2026, 10, 22, 3, 0)

export interface Corpus {
  plan: Plan
  /** The plan as JSON (what a backup or a save holds), for structural mutation. */
  planJson: Record<string, unknown>
  backupText: string
  /** A v2 save as localStorage holds it (compact plans). */
  savedState: Record<string, unknown>
  csv: string[]
  ics: string[]
  xlsx: Uint8Array[]
}

const WEEKLY: TaskRecurrence = {
  frequency: 'weekly', interval: 1, weekdays: ['MO', 'TH'], until: '2021-05-20', count: null,
  exceptions: { '2021-04-08': { type: 'cancelled' }, '2021-04-12': { type: 'moved', start: '2021-04-13T14:00', end: '2021-04-13T15:30' } },
}

export function buildFuzzPlan(): Plan {
  const base = buildCampaign2021Plan(1234)
  const some = Object.values(base.tasks)[0]!
  const extra: Task[] = [
    { ...some, id: 'weekly', allDay: false, start: '2021-04-05T08:00', end: '2021-04-05T09:30', title: 'Giao ban tuyên truyền', recurrence: WEEKLY },
    { ...some, id: 'timed', allDay: false, start: '2021-03-30T08:00', end: '2021-03-30T11:30', status: 'done', title: 'Hội nghị (trực tuyến)', location: 'Hội trường "Lê Duẩn"' },
    { ...some, id: 'formula', title: '=HYPERLINK("http://x","y")', description: '-  gạch đầu dòng\r\n+ dòng hai', quantity: '@100', location: '\tlệch' },
    { ...some, id: 'daily-count', recurrence: { frequency: 'daily', interval: 2, weekdays: [], until: null, count: 4, exceptions: {} } },
    { ...some, id: 'future', futureField: { nested: [1, 'a', null] } } as Task,
  ]
  const tasks = { ...base.tasks }
  for (const task of extra) tasks[task.id] = task
  return { ...base, tasks, deletedTasks: { 'gone-task': 1000 } }
}

let cached: Promise<Corpus> | null = null

/** Builds the corpus once per process (the XLSX export takes a moment). */
export function loadCorpus(icsFixtures: readonly string[]): Promise<Corpus> {
  cached ??= (async () => {
    const plan = buildFuzzPlan()
    const tasks = Object.values(plan.tasks)
    const now = new Date(FUZZ_NOW)
    const planJson = JSON.parse(JSON.stringify(plan)) as Record<string, unknown>
    const xlsx = await serializeXlsx(plan, { tasks, language: 'vi', now: FUZZ_NOW })
    return {
      plan,
      planJson,
      backupText: serializeBackup([plan], now),
      savedState: JSON.parse(JSON.stringify({
        plans: { [plan.id]: compactPlan(plan) }, activePlanId: plan.id, deletedPlans: { 'old-plan': 5 }, language: 'vi', lastBackupAt: null, showHolidays: true,
      })) as Record<string, unknown>,
      csv: [serializeCsv(plan, { tasks, language: 'vi' }), serializeCsv(plan, { tasks, language: 'en' })],
      ics: [serializeIcs(plan, { tasks, includeMilestones: true, language: 'vi', now }), ...icsFixtures],
      xlsx: [xlsx],
    }
  })()
  return cached
}
