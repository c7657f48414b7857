/**
 * The 2021 template keeps, with every task, the research note it was built from ("Row 3 of
 * campaign-2021-tasks.md — … mid-January 2021 is assumed."). Those notes are English text for whoever
 * checks the template: the app shows them and the JSON backup keeps them, but no file made for an
 * official (CSV, Excel with its hidden columns, Word, calendar) may carry them.
 */
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import { createPlanFromTemplate, ELECTION_2026 } from '@/domain/templates/plan-templates'
import type { Plan } from '@/domain/types'
import { serializeCsv } from '@/io/csv/csv-file'
import { serializeDocx } from '@/io/docx/docx-file'
import { serializeIcs } from '@/io/ics/ics-export'
import { serializeXlsx } from '@/io/xlsx/xlsx-file'

const NOW = Date.UTC(2026, 0, 5, 3)
const plan2021 = buildCampaign2021Plan(NOW)
const plan2026 = createPlanFromTemplate('vn-2026', { name: 'Kế hoạch 2026', level: 'province', locality: '', election: ELECTION_2026 }, NOW, 'p2026')

/** Words of the notes that no Vietnamese text of ours uses. */
const ENGLISH_RESEARCH_WORDS = ['seed', 'Not one of', 'Row 3 of', 'assumed', 'campaign-2021-tasks.md', 'election-timeline.md']

/** Where a file's text shows a template note: its first 40 characters, or one of the words above. */
function researchTextIn(text: string, plan: Plan): string[] {
  const found = new Set<string>()
  for (const word of ENGLISH_RESEARCH_WORDS) if (text.includes(word)) found.add(word)
  for (const task of Object.values(plan.tasks)) {
    const start = task.source?.note.slice(0, 40) ?? ''
    if (start.length >= 20 && text.includes(start)) found.add(start)
  }
  return [...found]
}

async function xlsxText(plan: Plan): Promise<string> {
  const bytes = await serializeXlsx(plan, { tasks: Object.values(plan.tasks), language: 'vi', now: NOW })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes.slice().buffer as Parameters<ExcelJS.Xlsx['load']>[0])
  const texts: string[] = []
  // Every cell of every sheet, the hidden machine columns included.
  workbook.eachSheet((sheet) => sheet.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => texts.push(String(cell.text)))))
  return texts.join('\n')
}

async function docxText(plan: Plan): Promise<string> {
  const zip = await JSZip.loadAsync(await serializeDocx(plan, { tasks: Object.values(plan.tasks), language: 'vi', now: new Date(NOW) }))
  const parts = await Promise.all(Object.values(zip.files).filter((f) => f.name.endsWith('.xml')).map((f) => f.async('string')))
  // Text may be split across runs: keep only the text, joined.
  return parts.join('\n').replace(/<[^>]+>/g, '')
}

function icsText(plan: Plan): string {
  return serializeIcs(plan, { tasks: Object.values(plan.tasks), includeMilestones: true, language: 'vi', now: new Date(NOW) })
    .replace(/\r\n[ \t]/g, '')
    .replace(/\\([,;\\])/g, '$1')
}

describe('the template’s research notes in the Vietnamese exports', () => {
  it('are in the plans to begin with (so the checks below can fail)', () => {
    expect(researchTextIn(JSON.stringify(plan2021), plan2021).length).toBeGreaterThan(50)
    expect(researchTextIn(JSON.stringify(plan2026), plan2026).length).toBeGreaterThan(50)
  })

  for (const [name, plan] of [['2021', plan2021], ['2026', plan2026]] as const) {
    it(`are not in the CSV of the ${name} plan`, () => {
      expect(researchTextIn(serializeCsv(plan, { tasks: Object.values(plan.tasks), language: 'vi' }), plan)).toEqual([])
    })

    it(`are not in the Excel file of the ${name} plan, hidden columns included`, async () => {
      expect(researchTextIn(await xlsxText(plan), plan)).toEqual([])
    })

    it(`are not in the Word file of the ${name} plan`, async () => {
      expect(researchTextIn(await docxText(plan), plan)).toEqual([])
    })

    it(`are not in the calendar (ICS) of the ${name} plan, milestones included`, () => {
      expect(researchTextIn(icsText(plan), plan)).toEqual([])
    })
  }

  it('are not in the English CSV either: they are for the app and the backup only', () => {
    expect(researchTextIn(serializeCsv(plan2021, { tasks: Object.values(plan2021.tasks), language: 'en' }), plan2021)).toEqual([])
  })
})
