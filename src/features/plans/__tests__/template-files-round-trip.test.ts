/**
 * A template plan's end anchors and its 2025 unit sources must survive the file formats the user
 * exports and imports: the JSON backup holds the whole plan, and the CSV/XLSX machine columns carry
 * fields they have no column for in "Dữ liệu khác".
 */
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { parseBackup, serializeBackup } from '@/io/backup/backup-file'
import { parseCsv, serializeCsv } from '@/io/csv/csv-file'
import { columnLabel, MACHINE_COLUMNS } from '@/io/schedule-table/schedule-columns'
import { parseXlsx, serializeXlsx } from '@/io/xlsx/xlsx-file'
import { createPlanFromTemplate, ELECTION_2026 } from '@/domain/templates/plan-templates'

const NOW = Date.UTC(2026, 11, 4)
const MACHINE_ID_LABEL = columnLabel(MACHINE_COLUMNS.find((c) => c.key === 'id')!, 'vi')
const plan = createPlanFromTemplate('vn-2026', { name: 'Kế hoạch 2026', level: 'province', locality: '', election: ELECTION_2026 }, NOW, 'p2026')
const anchored = Object.values(plan.tasks).filter((t) => t.endAnchor !== null)
const single = { ...plan, tasks: Object.fromEntries(anchored.map((t) => [t.id, t])) }
// The schedule table sorts rows by date: compare by task id.
const endAnchors = (tasks: readonly { id: string; endAnchor: unknown }[]) => Object.fromEntries(tasks.map((t) => [t.id, t.endAnchor]))

describe('a 2026 template plan through the file formats', () => {
  it('has tasks anchored at both ends to test with', () => {
    expect(anchored.map((t) => t.id)).toContain('vn-2021-official-candidate-lists-communication')
  })

  it('keeps end anchors and unit sources through the JSON backup', () => {
    const parsed = parseBackup(serializeBackup([plan], new Date(NOW)))
    expect(parsed.ok && parsed.plans[0]).toEqual(plan)
  })

  it('keeps end anchors through CSV', () => {
    const result = parseCsv(serializeCsv(single, { tasks: anchored, language: 'vi' }), single, NOW)
    expect(result.ok && result.kind === 'own' ? endAnchors(result.tasks) : result).toEqual(endAnchors(anchored))
  })

  it('keeps end anchors through Excel', async () => {
    const result = await parseXlsx(await serializeXlsx(single, { tasks: anchored, language: 'vi', now: NOW }), single, NOW)
    expect(result.ok && result.kind === 'own' ? endAnchors(result.tasks) : result).toEqual(endAnchors(anchored))
  })

  it('gives an end moved in the sheet a new end-anchor offset, so a re-plan keeps the new end', () => {
    const task = plan.tasks['vn-2021-official-candidate-lists-communication']!
    const text = serializeCsv(single, { tasks: [task], language: 'vi' }).replace(/^\uFEFF/, '')
    const table = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true })
    const row = table.data.find((r) => r[MACHINE_ID_LABEL] === task.id)!
    const [day, month, year] = row['Đến ngày']!.split('/').map(Number)
    const later = new Date(Date.UTC(year!, month! - 1, day! - 2))
    row['Đến ngày'] = `${String(later.getUTCDate()).padStart(2, '0')}/${String(later.getUTCMonth() + 1).padStart(2, '0')}/${later.getUTCFullYear()}`
    const result = parseCsv(`\uFEFF${Papa.unparse(table.data)}`, single, NOW)
    const read = result.ok && result.kind === 'own' ? result.tasks.find((t) => t.id === task.id) : null
    const before = task.endAnchor as { offsetDays: number }
    expect(read?.endAnchor).toEqual({ ...before, offsetDays: before.offsetDays - 2 })
  })
})
