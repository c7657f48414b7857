import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { selectTasksForExport } from '@/domain/plan/export-scope'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { DocumentDetails, Plan, Task } from '@/domain/types'
import { DOCX_MIME_TYPE, docxFileName, serializeDocx } from '@/io/docx/docx-file'
import { TASK_TABLE_MAX_ROWS } from '@/io/docx/task-tables'
import { buildScheduleRows } from '@/io/schedule-table/schedule-rows'

// No .docx parser in the app, so there is no round trip (style rule 31): these tests unzip the file
// and read its XML, which is what Word and LibreOffice read.

const NOW = new Date('2021-01-04T01:00:00Z')
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

const basePlan = buildCampaign2021Plan(0)
const allTasks = selectTasksForExport(basePlan, { kind: 'all' })

function withDocument(patch: Partial<DocumentDetails>, plan: Plan = basePlan): Plan {
  return { ...plan, document: { ...plan.document, ...patch } }
}

function withTask(plan: Plan, patch: Partial<Task> & { id: string }): Plan {
  const template = allTasks[0]!
  return { ...plan, tasks: { ...plan.tasks, [patch.id]: { ...template, ...patch } } }
}

async function unzip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes)
}

async function partOf(bytes: Uint8Array, path: string): Promise<string> {
  const file = (await unzip(bytes)).file(path)
  if (!file) throw new Error(`${path} is missing`)
  return file.async('string')
}

async function documentXml(plan: Plan, tasks: readonly Task[], now: Date = NOW): Promise<string> {
  return partOf(await serializeDocx(plan, { tasks, language: 'vi', now }), 'word/document.xml')
}

/**
 * jsdom (a dev dependency) ships no type declarations and @types/jsdom is not installed, so it is
 * loaded by a name TypeScript does not resolve and given the little type used here.
 */
interface JsdomModule {
  JSDOM: new (html: string) => { window: { DOMParser: new () => DOMParser } }
}
const JSDOM_MODULE = 'jsdom'

let domParser: DOMParser | null = null

// Loading jsdom takes a second or more on a busy machine: done once here, not inside a timed test.
beforeAll(async () => {
  const { JSDOM } = (await import(/* @vite-ignore */ JSDOM_MODULE)) as JsdomModule
  domParser = new new JSDOM('').window.DOMParser()
}, 30_000)

/** A real XML parser (jsdom's), so "well-formed" means what Word's parser would also accept. */
function parseXml(xml: string): Document {
  if (!domParser) throw new Error('jsdom is not loaded')
  const parsed = domParser.parseFromString(xml, 'application/xml')
  expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0)
  return parsed
}

/** The text of each paragraph, line breaks as "\n". */
function paragraphTexts(doc: Document | Element): string[] {
  return Array.from(doc.getElementsByTagNameNS(W_NS, 'p'), (p) => {
    let text = ''
    for (const node of Array.from(p.getElementsByTagNameNS(W_NS, '*'))) {
      if (node.localName === 't') text += node.textContent ?? ''
      else if (node.localName === 'br') text += '\n'
    }
    return text
  })
}

/** The five entities docx writes in text (it escapes quotes in text too). */
function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

describe('Word (.docx) export', () => {
  it('keeps a title\'s term of office whole and its last two words together (LibreOffice left "2026" alone)', async () => {
    const titleOf = (doc: Document) => Array.from(doc.getElementsByTagNameNS(W_NS, 'p')).find((p) => p.textContent?.startsWith('Tuyên truyền bầu cử'))!
    const joined = titleOf(parseXml(await documentXml(withDocument({ subject: 'Tuyên truyền bầu cử nhiệm kỳ 2021-2026' }), allTasks)))
    expect(joined.getElementsByTagNameNS(W_NS, 'noBreakHyphen')).toHaveLength(1)
    expect(joined.textContent).toBe('Tuyên truyền bầu cử nhiệm\u00A0kỳ\u00A020212026')
    const spaced = titleOf(parseXml(await documentXml(withDocument({ subject: 'Tuyên truyền bầu cử nhiệm kỳ 2021 - 2026' }), allTasks)))
    expect(spaced.textContent).toBe('Tuyên truyền bầu cử nhiệm\u00A0kỳ\u00A02021\u00A0-\u00A02026')
    // A title ending in a word keeps only its last two words together.
    const plain = titleOf(parseXml(await documentXml(withDocument({ subject: 'Tuyên truyền bầu cử trên báo chí' }), allTasks)))
    expect(plain.textContent).toBe('Tuyên truyền bầu cử trên báo\u00A0chí')
    expect(spaced.getElementsByTagNameNS(W_NS, 'noBreakHyphen')).toHaveLength(0)
  })

  it('lays out the 2021 plan as a Decree 30 plan, with every task of the scope', async () => {
    const xml = await documentXml(basePlan, allTasks)
    for (const text of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'KẾ HOẠCH', 'Số:', '/KH-UBBC',
      'UBND TỈNH', 'ỦY BAN BẦU CỬ TỈNH', 'I. MỤC ĐÍCH, YÊU CẦU', 'II. NỘI DUNG', 'III. TỔ CHỨC THỰC HIỆN',
      'Nơi nhận:', '- Lưu: VT, TBTT.', 'TM. ỦY BAN BẦU CỬ', 'CHỦ TỊCH',
      '1. Giai đoạn tuyên truyền chung: từ ngày 01/01/2021 đến ngày 31/03/2021',
    ]) {
      expect(xml).toContain(text)
    }
    for (const task of allTasks) expect(xml).toContain(escapeXml(task.title.normalize('NFC')))
    expect(allTasks.length).toBeGreaterThan(40)
  })

  it('sets up an A4 portrait page with the decree margins, Times New Roman and no number on page 1', async () => {
    const bytes = await serializeDocx(basePlan, { tasks: allTasks, language: 'en', now: NOW })
    const xml = await partOf(bytes, 'word/document.xml')
    const styles = await partOf(bytes, 'word/styles.xml')
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/)
    expect(xml).toContain('<w:titlePg/>')
    expect(xml).toContain('w:ascii="Times New Roman"')
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"/)
    // The interface language does not change an official document.
    expect(xml).toContain('Nội dung công việc')
    expect(xml).not.toContain('Content')
  })

  it('repeats each task table header row on every page, keeps rows whole and fills the text width', async () => {
    const doc = parseXml(await documentXml(basePlan, allTasks))
    const tables = Array.from(doc.getElementsByTagNameNS(W_NS, 'tbl'))
    const taskTables = tables.filter((t) => paragraphTexts(t)[0] === 'STT')
    expect(taskTables).toHaveLength(3)
    for (const table of tables) {
      const grid = Array.from(table.getElementsByTagNameNS(W_NS, 'gridCol'), (c) => Number(c.getAttributeNS(W_NS, 'w')))
      expect(grid.reduce((a, b) => a + b, 0)).toBe(9354)
      expect(table.getElementsByTagNameNS(W_NS, 'tblLayout')[0]?.getAttributeNS(W_NS, 'type')).toBe('fixed')
      for (const cell of Array.from(table.getElementsByTagNameNS(W_NS, 'tcW'))) {
        expect(cell.getAttributeNS(W_NS, 'type')).toBe('dxa')
      }
    }
    for (const table of taskTables) {
      const rows = Array.from(table.getElementsByTagNameNS(W_NS, 'tr'))
      expect(rows[0]!.getElementsByTagNameNS(W_NS, 'tblHeader')).toHaveLength(1)
      expect(rows.slice(1).every((row) => row.getElementsByTagNameNS(W_NS, 'tblHeader').length === 0)).toBe(true)
      expect(rows.every((row) => row.getElementsByTagNameNS(W_NS, 'cantSplit').length === 1)).toBe(true)
    }
  })

  it('keeps user text as text: markup is escaped and characters XML cannot hold are dropped', async () => {
    let plan = withDocument({ issuingAgency: '<w:p>Sở & ban', signerName: 'Nguyễn </w:t> Văn A', recipients: ['<script>alert(1)</script>'] })
    const titles = ['<img src=x onerror=alert(1)>', 'a ]]> b & c', 'bad\u0001char\u001f here', 'lone \uD800 surrogate']
    titles.forEach((title, i) => { plan = withTask(plan, { id: `t-${i}`, title, start: '2021-02-01', end: '2021-02-02', allDay: true }) })
    const tasks = titles.map((_, i) => plan.tasks[`t-${i}`]!)
    const xml = await documentXml(plan, tasks)

    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(xml).not.toContain('<img')
    expect(xml).not.toContain('<script')
    expect(xml).toContain('a ]]&gt; b &amp; c')
    expect(xml).not.toContain('\u0001')
    const doc = parseXml(xml)
    expect(doc.getElementsByTagName('img')).toHaveLength(0)
    const texts = paragraphTexts(doc)
    expect(texts).toContain('<img src=x onerror=alert(1)>')
    expect(texts).toContain('a ]]> b & c')
    expect(texts).toContain('badchar here')
    expect(texts).toContain('lone  surrogate')
    expect(texts).toContain('<W:P>SỞ & BAN')
    expect(texts).toContain('- <script>alert(1)</script>;')
  })

  it('writes the date line with a leading zero only for days below 10 and months 1 and 2', async () => {
    const february = await documentXml(withDocument({ place: 'Buôn Ma Thuột', issuedOn: '2021-02-05' }), allTasks)
    expect(february).toContain('Buôn Ma Thuột, ngày 05 tháng 02 năm 2021')
    const march = await documentXml(withDocument({ place: 'Buôn Ma Thuột', issuedOn: '2021-03-15' }), allTasks)
    expect(march).toContain('Buôn Ma Thuột, ngày 15 tháng 3 năm 2021')
    const numbered = await documentXml(withDocument({ number: '7' }), allTasks)
    expect(numbered).toContain('Số: 07/KH-UBBC')
  })

  it('takes the place from the plan’s locality and dates an undated plan with the export day in Vietnam', async () => {
    // 18:00 UTC on 31/12/2020 is already 1/1/2021 in Vietnam, whatever zone the machine is in.
    const plan = { ...basePlan, locality: 'Tỉnh Đắk Lắk' }
    const xml = await documentXml(plan, allTasks, new Date('2020-12-31T18:00:00Z'))
    expect(xml).toContain(`Số: ${' '.repeat(6)}/KH-UBBC`)
    expect(xml).toContain('>Đắk Lắk, ngày 01 tháng 01 năm 2021<')
    // The details' place wins over the locality; an issue date over the export day.
    const placed = withDocument({ place: 'Buôn Ma Thuột', issuedOn: '2026-12-04' }, plan)
    expect(await documentXml(placed, allTasks)).toContain('>Buôn Ma Thuột, ngày 04 tháng 12 năm 2026<')
  })

  it('leaves a visible blank for the place when the plan has none, never a bare comma', async () => {
    expect(basePlan.locality).toBe('')
    expect(basePlan.document.place).toBe('')
    const texts = paragraphTexts(parseXml(await documentXml(basePlan, allTasks)))
    const dateLine = texts.find((t) => t.includes('ngày') && t.includes('tháng') && t.includes('năm'))
    expect(dateLine).toBe('……, ngày 04 tháng 01 năm 2021')
    expect(texts.some((t) => /^\s*,/.test(t))).toBe(false)
    // Without a usable export time the date parts are blanks too.
    const undated = paragraphTexts(parseXml(await documentXml(basePlan, allTasks, new Date(Number.NaN))))
    expect(undated).toContain('……, ngày … tháng … năm …')
  })

  it('shows only the tasks it is given, grouped by phase, with other dates under "Nhiệm vụ khác"', async () => {
    const plan = withTask(basePlan, { id: 'late', title: 'Tổng kết công tác tuyên truyền năm sau', start: '2022-03-01', end: '2022-03-02', allDay: true })
    const chosen = [allTasks[0]!, allTasks[allTasks.length - 1]!, plan.tasks.late!]
    const xml = await documentXml(plan, chosen)
    for (const task of chosen) expect(xml).toContain(escapeXml(task.title))
    const chosenTitles = chosen.map((t) => t.title)
    const others = allTasks.filter((t) => !chosenTitles.some((title) => title.includes(t.title)))
    expect(others.length).toBeGreaterThan(40)
    for (const task of others) expect(xml).not.toContain(escapeXml(task.title))
    expect(xml).toContain('Nhiệm vụ khác')
    expect(xml).not.toContain('Giai đoạn cao điểm')
  })

  it('prints task times as dates, ranges and wall-clock hours', async () => {
    let plan = withTask(basePlan, { id: 'one', title: 'Một ngày', allDay: true, start: '2021-05-23', end: '2021-05-24' })
    plan = withTask(plan, { id: 'range', title: 'Nhiều ngày', allDay: true, start: '2021-04-01', end: '2021-04-11' })
    plan = withTask(plan, { id: 'timed', title: 'Có giờ', allDay: false, start: '2021-05-22T07:30', end: '2021-05-22T09:00' })
    const texts = paragraphTexts(parseXml(await documentXml(plan, [plan.tasks.one!, plan.tasks.range!, plan.tasks.timed!])))
    expect(texts).toContain('23/05/2021')
    expect(texts).toEqual(expect.arrayContaining(['01/04/2021 -', '10/04/2021']))
    expect(texts).toEqual(expect.arrayContaining(['07:30 - 09:00', '22/05/2021']))
  })

  it('lists a recurring task one row per occurrence, each at its own date, with its rule under Ghi chú', async () => {
    const notice = allTasks.find((t) => t.title.startsWith('Thông báo thường xuyên thời gian, địa điểm bỏ phiếu'))!
    const doc = parseXml(await documentXml(basePlan, allTasks))
    const peak = Array.from(doc.getElementsByTagNameNS(W_NS, 'tbl')).filter((t) => paragraphTexts(t)[0] === 'STT')[1]!
    const noticeRows = Array.from(peak.getElementsByTagNameNS(W_NS, 'tr')).map(paragraphTexts).filter((cells) => cells[1] === notice.title)
    expect(noticeRows.map((cells) => cells[2])).toEqual(Array.from({ length: 11 }, (_, i) => `${13 + i}/05/2021`))
    for (const cells of noticeRows) expect(cells.slice(-2)).toEqual([notice.description, 'Lặp lại hằng ngày đến 23/05/2021'])
    // Numbered among the other rows of the phase, in date order.
    const numbers = noticeRows.map((cells) => Number(cells[0]))
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    expect(new Set(numbers).size).toBe(11)
    // Section III still counts the series as one task.
    const lead = basePlan.units.find((u) => u.id === notice.leadUnitId)!
    const led = allTasks.filter((t) => t.leadUnitId === lead.id).length
    expect(paragraphTexts(doc).filter((text) => text.includes(`${lead.name}: chủ trì ${led} nhiệm vụ,`))).toHaveLength(1)
  })

  it('leaves out a cancelled occurrence, prints a moved one at its new date, and keeps to the export’s range', async () => {
    const plan = withTask(basePlan, {
      id: 'series', title: 'Phát thanh lưu động', allDay: true, start: '2021-04-05', end: '2021-04-06', description: '',
      recurrence: { frequency: 'weekly', interval: 1, weekdays: ['MO', 'TH'], until: '2021-04-22', count: null, exceptions: { '2021-04-08': { type: 'cancelled' }, '2021-04-12': { type: 'moved', start: '2021-04-14', end: '2021-04-15' } } },
    })
    const dates = async (range?: { from: string; to: string }) => {
      const xml = await partOf(await serializeDocx(plan, { tasks: [plan.tasks.series!], language: 'vi', now: NOW, range }), 'word/document.xml')
      const rows = Array.from(parseXml(xml).getElementsByTagNameNS(W_NS, 'tr')).map(paragraphTexts).filter((cells) => cells[1] === 'Phát thanh lưu động')
      return rows.map((cells) => [cells[2], cells.at(-1)])
    }
    const rule = 'Lặp lại hằng tuần vào Thứ Hai, Thứ Năm đến 22/04/2021'
    expect(await dates()).toEqual([
      ['05/04/2021', rule], ['14/04/2021', `${rule} (dời từ 12/04/2021)`], ['15/04/2021', rule], ['19/04/2021', rule], ['22/04/2021', rule],
    ])
    expect((await dates({ from: '2021-04-15', to: '2021-04-20' })).map(([date]) => date)).toEqual(['15/04/2021', '19/04/2021'])
  })

  it('sums up what each unit leads: how many, done and late on the export day, and its main tasks', async () => {
    let plan = basePlan
    const lead = basePlan.units[0]!
    const many = Array.from({ length: 35 }, (_, i) => `Nhiệm vụ số ${i + 1}`)
    many.forEach((title, i) => {
      // Nhiệm vụ số 1–3 run longest (their unit's main work); 4–6 are done; 7–9 ended before 04/01/2021 and are not.
      const [start, end] = i < 3 ? ['2021-01-02', `2021-03-${10 + i}`] : i >= 6 && i < 9 ? ['2020-12-20', '2020-12-21'] : ['2021-04-05', '2021-04-06']
      plan = withTask(plan, { id: `m-${i}`, title, leadUnitId: lead.id, start, end, allDay: true, recurrence: null, status: i >= 3 && i < 6 ? 'done' : 'planned' })
    })
    const texts = paragraphTexts(parseXml(await documentXml(plan, many.map((_, i) => plan.tasks[`m-${i}`]!))))
    const section = texts.find((t) => t.startsWith(`1. ${lead.name}: `))
    expect(section).toBe(`1. ${lead.name}: chủ trì 35 nhiệm vụ, trong đó đã hoàn thành 3, chậm tiến độ 3; các nhiệm vụ chính: `
      + 'Nhiệm vụ số 1; Nhiệm vụ số 2; Nhiệm vụ số 3 và 32 nhiệm vụ khác (chi tiết tại Mục II).')
    // A unit with a few tasks has them all named.
    const few = paragraphTexts(parseXml(await documentXml(plan, [plan.tasks['m-3']!, plan.tasks['m-10']!])))
    expect(few).toContain(`1. ${lead.name}: chủ trì 2 nhiệm vụ, trong đó đã hoàn thành 1, chậm tiến độ 0: Nhiệm vụ số 4; Nhiệm vụ số 11.`)
  })

  it('keeps Section III short for the 2021 plan: a few hundred characters per unit at most', async () => {
    const texts = paragraphTexts(parseXml(await documentXml(basePlan, allTasks)))
    const section = texts.slice(texts.indexOf('III. TỔ CHỨC THỰC HIỆN') + 1, -1).filter((t) => /^\d+\. /.test(t))
    expect(section.length).toBeGreaterThan(5)
    for (const paragraph of section) expect(paragraph.length).toBeLessThan(600)
  })

  it('numbers the tasks 1…n through the phases, as the spreadsheet and print do', async () => {
    const doc = parseXml(await documentXml(basePlan, allTasks))
    const taskTables = Array.from(doc.getElementsByTagNameNS(W_NS, 'tbl')).filter((t) => paragraphTexts(t)[0] === 'STT')
    expect(taskTables.length).toBeGreaterThan(1)
    const numbers = taskTables.flatMap((table) => Array.from(table.getElementsByTagNameNS(W_NS, 'tr')).slice(1).map((row) => Number(paragraphTexts(row)[0])))
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1))
    const expected = buildScheduleRows(basePlan, allTasks, 'vi').flatMap((group) => group.rows.map((row) => `${row.number} ${row.task.title}`))
    const actual = taskTables.flatMap((table) => Array.from(table.getElementsByTagNameNS(W_NS, 'tr')).slice(1).map((row) => {
      const cells = Array.from(row.getElementsByTagNameNS(W_NS, 'tc')).map((cell) => paragraphTexts(cell).join('\n'))
      return `${cells[0]} ${cells[1]}`
    }))
    expect(actual).toEqual(expected)
  })

  it('writes a long phase as tables of at most TASK_TABLE_MAX_ROWS rows, each with its header, numbering on', async () => {
    let plan = basePlan
    const count = TASK_TABLE_MAX_ROWS * 2 + 7
    const ids = Array.from({ length: count }, (_, i) => `bulk-${String(i).padStart(4, '0')}`)
    for (const id of ids) plan = withTask(plan, { id, title: `Tuyên truyền ${id}`, start: '2021-02-01', end: '2021-02-02', allDay: true, recurrence: null })
    const doc = parseXml(await documentXml(plan, ids.map((id) => plan.tasks[id]!)))
    const body = doc.getElementsByTagNameNS(W_NS, 'body')[0]!
    const tables = Array.from(body.children).filter((e) => e.localName === 'tbl' && paragraphTexts(e)[0] === 'STT')
    expect(tables.map((t) => t.getElementsByTagNameNS(W_NS, 'tr').length - 1)).toEqual([TASK_TABLE_MAX_ROWS, TASK_TABLE_MAX_ROWS, 7])
    for (const table of tables) {
      const header = table.getElementsByTagNameNS(W_NS, 'tr')[0]!
      expect(header.getElementsByTagNameNS(W_NS, 'tblHeader')).toHaveLength(1)
      // A paragraph between the parts, or Word and LibreOffice would join them into one table again.
      expect(table.nextElementSibling?.localName).toBe('p')
    }
    const firstNumbers = tables.map((t) => Number(paragraphTexts(t.getElementsByTagNameNS(W_NS, 'tr')[1]!)[0]))
    expect(firstNumbers).toEqual([1, TASK_TABLE_MAX_ROWS + 1, 2 * TASK_TABLE_MAX_ROWS + 1])
  }, 60_000)

  it('ends the body with "./." and signs with the authority, a two-line title and the name', async () => {
    const plan = withDocument({ signerTitle: 'KT. CHỦ TỊCH\nphó chủ tịch', signerName: 'Nguyễn Văn A' })
    const texts = paragraphTexts(parseXml(await documentXml(plan, allTasks)))
    const signIndex = texts.indexOf('TM. ỦY BAN BẦU CỬ\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH')
    expect(signIndex).toBeGreaterThan(0)
    // The signature space (five empty lines), then the name: last in the signer's column.
    expect(texts.slice(signIndex + 1, signIndex + 6)).toEqual(['', '', '', '', ''])
    expect(texts[signIndex + 6]).toBe('Nguyễn Văn A')
    const beforeSignature = texts.slice(0, texts.indexOf('Nơi nhận:')).filter((t) => t !== '')
    expect(beforeSignature.at(-1)).toMatch(/\.\/\.$/)
  })

  it('keeps the name line under the signature space, blank and as tall as a name, when the signer is unknown', async () => {
    const doc = parseXml(await documentXml(withDocument({ signerName: '' }), allTasks))
    const tables = Array.from(doc.getElementsByTagNameNS(W_NS, 'tbl'))
    const signerCell = Array.from(tables.at(-1)!.getElementsByTagNameNS(W_NS, 'tc'))[1]!
    const paragraphs = Array.from(signerCell.getElementsByTagNameNS(W_NS, 'p'))
    expect(paragraphs).toHaveLength(1 + 5 + 1)
    const nameLine = paragraphs.at(-1)!
    expect(nameLine.getElementsByTagNameNS(W_NS, 't')).toHaveLength(0)
    expect(nameLine.getElementsByTagNameNS(W_NS, 'jc')[0]?.getAttributeNS(W_NS, 'val')).toBe('center')
    const mark = nameLine.getElementsByTagNameNS(W_NS, 'pPr')[0]!.getElementsByTagNameNS(W_NS, 'rPr')[0]!
    expect(mark.getElementsByTagNameNS(W_NS, 'b')).toHaveLength(1)
    expect(mark.getElementsByTagNameNS(W_NS, 'sz')[0]?.getAttributeNS(W_NS, 'val')).toBe('28')
  })

  it('stamps the export time in the file properties', async () => {
    const core = await partOf(await serializeDocx(basePlan, { tasks: [], language: 'vi', now: NOW }), 'docProps/core.xml')
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2021-01-04T01:00:00Z</dcterms:created>')
    parseXml(core)
  })

  it('names the file for what it is', () => {
    expect(docxFileName(basePlan)).toBe('ke-hoach-tuyen-truyen-bau-cu-2021.docx')
    expect(DOCX_MIME_TYPE).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  })
})
