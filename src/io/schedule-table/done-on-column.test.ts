import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Plan, Task } from '@/domain/types'
import { parseCsv, serializeCsv } from '@/io/csv/csv-file'
import { parseXlsx, serializeXlsx } from '@/io/xlsx/xlsx-file'
import { MACHINE_LABEL_PREFIX } from '@/io/schedule-table/schedule-columns'

// Issue 12: the day a task was done travels in its own machine column, after the human columns,
// and comes back on import (the burn-up counts a task done only from that day).
const NOW = Date.parse('2021-05-10T03:00:00Z')

function planWithDoneTasks(): { plan: Plan; done: Task; reopened: Task } {
  const plan = buildCampaign2021Plan(0)
  const [first, second] = Object.values(plan.tasks).filter((t) => !t.recurrence)
  const done = { ...first!, status: 'done' as const, doneOn: '2021-04-02' }
  const reopened = { ...second!, status: 'in-progress' as const, doneOn: null }
  return { plan: { ...plan, tasks: { ...plan.tasks, [done.id]: done, [reopened.id]: reopened } }, done, reopened }
}

describe('the done-on column', () => {
  it('is a labelled machine column after the human ones in CSV, and reads back', () => {
    const { plan, done, reopened } = planWithDoneTasks()
    const text = serializeCsv(plan, { tasks: [done, reopened], language: 'vi' })
    const header = text.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',')
    const at = header.indexOf(`${MACHINE_LABEL_PREFIX.vi}Ngày hoàn thành`)
    expect(at).toBeGreaterThan(header.indexOf('Ghi chú'))
    expect(text).toContain('2021-04-02')
    const result = parseCsv(text, plan, NOW)
    if (!result.ok || result.kind !== 'own') throw new Error('not read as our own file')
    const byId = new Map(result.tasks.map((t) => [t.id, t]))
    expect(byId.get(done.id)).toMatchObject({ status: 'done', doneOn: '2021-04-02' })
    expect(byId.get(reopened.id)).toMatchObject({ status: 'in-progress', doneOn: null })
  })

  it('drops the day when the status was changed from done in the sheet, and warns on a day that is no date', () => {
    const { plan, done } = planWithDoneTasks()
    const english = serializeCsv(plan, { tasks: [done], language: 'en' })
    expect(english).toContain(`${MACHINE_LABEL_PREFIX.en}Done on`)
    const edited = english.replace(',Done,', ',In progress,')
    const reopened = parseCsv(edited, plan, NOW)
    if (!reopened.ok || reopened.kind !== 'own') throw new Error('not read as our own file')
    expect(reopened.tasks[0]).toMatchObject({ status: 'in-progress', doneOn: null })
    const garbled = parseCsv(english.replace('2021-04-02', '2021-04-31'), plan, NOW)
    if (!garbled.ok || garbled.kind !== 'own') throw new Error('not read as our own file')
    expect(garbled.tasks[0]).toMatchObject({ status: 'done', doneOn: null })
    expect(garbled.warnings.length).toBeGreaterThan(0)
  })

  it('round-trips through XLSX', async () => {
    const { plan, done, reopened } = planWithDoneTasks()
    const bytes = await serializeXlsx(plan, { tasks: [done, reopened], language: 'vi', now: NOW })
    const result = await parseXlsx(bytes, plan, NOW)
    if (!result.ok || result.kind !== 'own') throw new Error('not read as our own file')
    const byId = new Map(result.tasks.map((t) => [t.id, t]))
    expect(byId.get(done.id)).toMatchObject({ status: 'done', doneOn: '2021-04-02' })
    expect(byId.get(reopened.id)?.doneOn).toBeNull()
  })

  it('still reads the day an older file kept in its "other data" column', () => {
    const { plan, done } = planWithDoneTasks()
    const text = serializeCsv(plan, { tasks: [done], language: 'vi' })
    const records = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
    // The file as an earlier version wrote it: no done-on column, the day in "Dữ liệu khác" (JSON).
    const doneOnAt = records[0]!.indexOf(`${MACHINE_LABEL_PREFIX.vi}Ngày hoàn thành`)
    const otherAt = records[0]!.indexOf(`${MACHINE_LABEL_PREFIX.vi}Dữ liệu khác`)
    const older = records.map((r) => r.filter((_, i) => i !== doneOnAt))
    older[1]![otherAt] = '{"doneOn":"2021-04-03"}'
    const result = parseCsv(Papa.unparse(older), plan, NOW)
    if (!result.ok || result.kind !== 'own') throw new Error('not read as our own file')
    expect(result.tasks[0]).toMatchObject({ status: 'done', doneOn: '2021-04-03' })
  })
})
