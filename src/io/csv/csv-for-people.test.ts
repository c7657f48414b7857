/**
 * The CSV is opened by officials in Excel or LibreOffice: it starts with what they read, in the order
 * of their own tables, and keeps the columns it needs to read back after those, labelled as being for
 * the import. A template's research note stays out of it (see source-cell.ts) and still comes back.
 */
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import { createPlanFromTemplate, ELECTION_2026 } from '@/domain/templates/plan-templates'
import type { Plan, Task } from '@/domain/types'
import { csvHeader, parseCsv, serializeCsv } from '@/io/csv/csv-file'
import { MACHINE_COLUMNS, MACHINE_LABEL_PREFIX } from '@/io/schedule-table/schedule-columns'

const NOW = Date.UTC(2026, 0, 5, 3)
const plan = buildCampaign2021Plan(Date.UTC(2021, 0, 4))
const tasks = Object.values(plan.tasks)
const byId = (a: Task, b: Task) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const recordsOf = (text: string): string[][] => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { newline: '\r\n', skipEmptyLines: true }).data
const csvOf = (records: string[][]): string => `\uFEFF${Papa.unparse(records, { newline: '\r\n' })}`

function ownTasks(text: string, into: Plan): Task[] {
  const result = parseCsv(text, into, NOW)
  if (!result.ok || result.kind !== 'own') throw new Error(`expected an own file, got ${JSON.stringify(result).slice(0, 200)}`)
  expect(result.errors).toEqual([])
  expect(result.warnings).toEqual([])
  return result.tasks
}

describe('the CSV an official opens', () => {
  const text = serializeCsv(plan, { tasks, language: 'vi' })
  const [header, ...rows] = recordsOf(text)

  it('has no English research text of the template', () => {
    for (const word of ['seed', 'Not one of', 'Row 3 of', 'assumed', 'campaign-2021-tasks.md']) expect(text, word).not.toContain(word)
    // What the file still says of the sources: their pages.
    expect(text).toContain('https://sotttt.hungyen.gov.vn/portal/pages/print.aspx?p=10702')
  })

  it('starts with STT, the phase, the task and its dates as dd/mm/yyyy, and ends with the machine columns, each labelled for re-import', () => {
    expect(header!.slice(0, 12)).toEqual([
      'STT', 'Giai đoạn', 'Nội dung công việc', 'Từ ngày', 'Đến ngày', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Kênh', 'Trạng thái',
      'Số lượng', 'Địa điểm', 'Ghi chú',
    ])
    const firstMachine = header!.findIndex((label) => label.startsWith('[Để nhập lại – không sửa] '))
    expect(firstMachine).toBe(12)
    expect(header!.slice(firstMachine).every((label) => label.startsWith(MACHINE_LABEL_PREFIX.vi))).toBe(true)
    expect(header!.slice(firstMachine)).toHaveLength(MACHINE_COLUMNS.length - 2)
    expect(header![firstMachine]).toBe('[Để nhập lại – không sửa] Mã')
    expect(csvHeader('en').slice(0, 3)).toEqual(['No.', 'Phase', 'Task'])
    expect(csvHeader('en')[12]).toBe('[For re-import – do not edit] ID')

    const first = rows[0]!
    expect(first.slice(0, 5)).toEqual(['1', 'Tuyên truyền chung', plan.tasks['vn-2021-general-communication-from-january']!.title, '01/01/2021', '31/03/2021'])
    for (const row of rows) {
      expect(row[3]).toMatch(/^\d{2}\/\d{2}\/\d{4}( \d{2}:\d{2})?$/)
      expect(row[4]).toMatch(/^\d{2}\/\d{2}\/\d{4}( \d{2}:\d{2})?$/)
      // Nothing for the machine (ids, ISO dates, JSON) before the machine columns.
      expect(row.slice(0, firstMachine).join('\n')).not.toMatch(/vn-2021-|\d{4}-\d{2}-\d{2}|\{"/)
    }
  })

  it('writes a template task’s source as its entry in the template, with its pages and flag but no note', () => {
    const source = rows[0]![header!.indexOf(`${MACHINE_LABEL_PREFIX.vi}Nguồn`)]!
    const task = plan.tasks['vn-2021-general-communication-from-january']!
    expect(JSON.parse(source)).toEqual({ template: 'vn-2021/general-communication-from-january', urls: task.source!.urls, verified: 'partly' })
  })

  it('reads back to the same tasks, research notes included, in both languages and for a 2026 plan', () => {
    for (const language of ['vi', 'en'] as const) {
      expect(ownTasks(serializeCsv(plan, { tasks, language }), plan).sort(byId)).toEqual([...tasks].sort(byId))
    }
    const plan2026 = createPlanFromTemplate('vn-2026', { name: 'Kế hoạch 2026', level: 'province', locality: '', election: ELECTION_2026 }, NOW, 'p2026')
    const tasks2026 = Object.values(plan2026.tasks).sort(byId)
    const read = ownTasks(serializeCsv(plan2026, { tasks: tasks2026, language: 'vi' }), plan2026).sort(byId)
    expect(read).toEqual(tasks2026)
    expect(read.every((t) => t.source !== null && t.source.note.length > 0)).toBe(true)
  })

  it('still reads a file of the former layout: plain machine labels, the phase after the notes, sources written whole', () => {
    const former = [...header!]
    const records = rows.map((row) => [...row])
    // Plain labels ("Mã", "Nguồn"…), as files written before the prefix have them.
    for (const column of MACHINE_COLUMNS) {
      const index = former.indexOf(column.vi)
      if (index >= 0 && column.formerLabels) former[index] = column.formerLabels[0]!
    }
    const sourceColumn = former.indexOf('Nguồn')
    const idColumn = former.indexOf('Mã')
    for (const record of records) if (record[idColumn] !== '') record[sourceColumn] = JSON.stringify(plan.tasks[record[idColumn]!]!.source)
    // "Giai đoạn" after "Ghi chú", as it was.
    const move = (record: string[]) => [record[0]!, ...record.slice(2, 12), record[1]!, ...record.slice(12)]
    const text = csvOf([move(former), ...records.map(move)])
    expect(recordsOf(text)[0]!.slice(8, 13)).toEqual(['Số lượng', 'Địa điểm', 'Ghi chú', 'Giai đoạn', 'Mã'])
    expect(ownTasks(text, plan).sort(byId)).toEqual([...tasks].sort(byId))
  })

  it('keeps a source that is not the template’s whole, and a reference it does not know with its pages', () => {
    const someTask = tasks[0]!
    const own: Task = { ...someTask, id: 'own', source: { note: 'Công văn 12/STTTT ngày 05/01/2021', urls: ['https://example.gov.vn/cv12'], verified: 'yes' } }
    const edited: Task = { ...someTask, id: 'edited', source: { ...someTask.source!, note: `${someTask.source!.note} (sửa)` } }
    // The template's note with other pages, or with a field of a later version: not the template's source.
    const morePages: Task = { ...someTask, id: 'more-pages', source: { ...someTask.source!, urls: [...someTask.source!.urls, 'https://x.gov.vn'] } }
    const newerField: Task = { ...someTask, id: 'newer-field', source: { ...someTask.source!, checkedOn: '2025-01-02' } as Task['source'] }
    const all = [edited, morePages, newerField, own]
    const single = { ...plan, tasks: Object.fromEntries(all.map((t) => [t.id, t])) }
    const exported = recordsOf(serializeCsv(single, { tasks: all, language: 'vi' }))
    const column = exported[0]!.indexOf(`${MACHINE_LABEL_PREFIX.vi}Nguồn`)
    expect(exported.slice(1).map((r) => JSON.parse(r[column]!))).toEqual(expect.arrayContaining(all.map((t) => t.source)))
    expect(ownTasks(csvOf(exported), single).sort(byId)).toEqual(all)

    // A later version's template entry: the pages and flag stay, the note it cannot know is empty.
    exported[1]![column] = JSON.stringify({ template: 'vn-2031/new-entry', urls: ['https://x.gov.vn'], verified: 'yes' })
    const [read] = ownTasks(csvOf(exported), single).filter((t) => t.id === exported[1]![exported[0]!.indexOf(`${MACHINE_LABEL_PREFIX.vi}Mã`)])
    expect(read!.source).toEqual({ note: '', urls: ['https://x.gov.vn'], verified: 'yes' })
  })
})
