import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { emptyTaskDraft } from '@/domain/plan/plan-ops'
import { computeProgressFigures, type ProgressFigures } from '@/domain/progress/progress-figures'
import { statusPercentages } from '@/domain/progress/progress-items'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Plan, Task, TrainingDetails } from '@/domain/types'
import { buildProgressReportDocx, progressReportFileName } from '@/io/progress-report/progress-report-docx'
import type { ProgressReportInput } from '@/io/progress-report/progress-report-input'
import { formatCount } from '@/io/progress-report/report-words'
import { LATE_NAMED_PER_UNIT } from '@/io/progress-report/unit-section'

// The report is read back the way Word reads it: unzip, take word/document.xml, and join each
// paragraph's text runs. No .docx parser is in the app, so there is no round trip (style rule 31).

/** A 1 × 1 PNG. */
const PNG_1X1 = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0))

async function unzip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes)
}

async function documentXml(bytes: Uint8Array): Promise<string> {
  const file = (await unzip(bytes)).file('word/document.xml')
  if (!file) throw new Error('word/document.xml is missing')
  return file.async('string')
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
}

/** The text of each paragraph of the body (line breaks as "\n"), in order. */
function paragraphTexts(xml: string): string[] {
  return xml.split(/<w:p[ >]/).slice(1).map((part) => {
    const body = part.split('</w:p>')[0] ?? ''
    let text = ''
    for (const match of body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)) text += match[1] === undefined ? '\n' : unescapeXml(match[1])
    return text
  })
}

async function reportTexts(input: ProgressReportInput): Promise<string[]> {
  return paragraphTexts(await documentXml(await buildProgressReportDocx(input)))
}

function input(plan: Plan, figures: ProgressFigures, extra: Partial<ProgressReportInput> = {}): ProgressReportInput {
  return { plan, figures, asOf: figures.asOf, language: 'vi', proposals: '', ...extra }
}

const task = (id: string, extra: Partial<Task>): Task => ({
  ...emptyTaskDraft('2021-04-20', '2021-04-21', true), id, title: `Việc ${id}`, createdAt: 0, updatedAt: 0, ...extra,
})
const training = (extra: Partial<TrainingDetails>): TrainingDetails => ({
  connectionPointCount: null, connectionPoints: [], participantCount: null, participants: '', topics: [], presenters: [], ...extra,
})

/**
 * The 2021 election with a few tasks, viewed as of 30/04/2021 (as in progress-figures.test.ts):
 * - a (unit 1): done on 12/04.
 * - c (unit 2): timed 28/04, planned: late.
 * - d (unit 2): daily 26–30/04 with 28/04 cancelled, in progress: 26, 27 and 29/04 late, 30/04 next.
 * - f (unit 3): 4/05, planned: due within 7 days, next.
 * - g (unit 3): a weekly training on Mondays 19/04–17/05, 20 participants, 13 connection points.
 */
function smallPlan(): Plan {
  const template = buildCampaign2021Plan(0)
  const tasks: Task[] = [
    task('a', { start: '2021-04-10', end: '2021-04-13', leadUnitId: 'u1', status: 'done', doneOn: '2021-04-12' }),
    task('c', { allDay: false, start: '2021-04-28T08:00', end: '2021-04-28T11:30', leadUnitId: 'u2' }),
    task('d', {
      start: '2021-04-26', end: '2021-04-27', leadUnitId: 'u2', status: 'in-progress',
      recurrence: { frequency: 'daily', interval: 1, weekdays: [], until: '2021-04-30', count: null, exceptions: { '2021-04-28': { type: 'cancelled' } } },
    }),
    task('f', { start: '2021-05-04', end: '2021-05-05', leadUnitId: 'u3' }),
    task('g', {
      allDay: false, start: '2021-04-19T08:00', end: '2021-04-19T11:00', leadUnitId: 'u3', status: 'done', doneOn: '2021-05-10', title: 'Tập huấn tổ bầu cử',
      recurrence: { frequency: 'weekly', interval: 1, weekdays: ['MO'], until: null, count: 5, exceptions: {} },
      training: training({ participantCount: 20, connectionPoints: ['Hội trường tỉnh', '12 điểm cầu huyện'], topics: ['Luật Bầu cử'] }),
    }),
  ]
  return {
    ...template,
    units: [
      { id: 'u1', name: 'Sở Thông tin và Truyền thông', updatedAt: 0 },
      { id: 'u2', name: 'Đài Phát thanh và Truyền hình tỉnh', updatedAt: 0 },
      { id: 'u3', name: 'Ủy ban Mặt trận Tổ quốc tỉnh', updatedAt: 0 },
    ],
    tasks: Object.fromEntries(tasks.map((t) => [t.id, t])),
  }
}

/** The paragraph that starts with `prefix` (exactly one). */
function paragraphStarting(texts: readonly string[], prefix: string): string {
  const found = texts.filter((t) => t.startsWith(prefix))
  expect(found, prefix).toHaveLength(1)
  return found[0]!
}

describe('progress report (.docx)', () => {
  it('prints the figures of computeProgressFigures for the 2021 template as of 30/04/2021', async () => {
    const plan = buildCampaign2021Plan(0)
    const figures = computeProgressFigures(plan, { asOf: '2021-04-30' })
    const texts = await reportTexts(input(plan, figures))
    const { tally, percent, taskCount } = figures.headline
    const n = (value: number) => formatCount(value, 'vi')

    expect(texts).toContain('BÁO CÁO')
    expect(texts).toContain('(Tính đến ngày 30/04/2021)')
    expect(texts.some((t) => t.startsWith('Tiến độ thực hiện Kế hoạch thông tin, tuyên truyền cuộc bầu cử đại biểu Quốc hội khóa XV'))).toBe(true)
    expect(texts.some((t) => t.includes('Buôn Ma Thuột, ngày 30 tháng 4 năm 2021') || t.includes(', ngày 30 tháng 4 năm 2021'))).toBe(true)
    expect(texts.some((t) => /^Số: +\/BC/.test(t))).toBe(true)

    expect(paragraphStarting(texts, 'Tính đến ngày 30/04/2021, Kế hoạch có')).toContain(`có ${n(tally.total)} việc phải thực hiện, thuộc ${n(taskCount)} nhiệm vụ`)
    expect(texts).toContain(`- Đã hoàn thành: ${n(tally.byStatus.done)} việc (${percent.done}%);`)
    expect(texts).toContain(`- Đang thực hiện: ${n(tally.byStatus['in-progress'])} việc (${percent['in-progress']}%);`)
    expect(texts).toContain(`- Chưa thực hiện: ${n(tally.byStatus.planned)} việc (${percent.planned}%);`)
    expect(texts).toContain(`- Đã hủy: ${n(tally.byStatus.cancelled)} việc (${percent.cancelled}%).`)
    expect(paragraphStarting(texts, 'Chậm tiến độ')).toBe(
      `Chậm tiến độ (đã quá hạn, chưa hoàn thành): ${n(tally.late)} việc. Đến hạn trong 7 ngày tới (từ 30/04/2021 đến 06/05/2021): ${n(tally.dueSoon)} việc.`,
    )
    expect(paragraphStarting(texts, 'Còn ')).toContain(`Còn ${figures.headline.daysToElection} ngày đến ngày bầu cử 23/05/2021 (D-${figures.headline.daysToElection})`)
    expect(figures.headline.daysToElection).toBe(23)

    // Section II: every lead unit with work, in the dashboard's order, with its own figures.
    const unitNames = new Map(plan.units.map((u) => [u.id, u.name]))
    const unitGroups = figures.byUnit.filter((g) => g.tally.total > 0)
    expect(unitGroups.length).toBeGreaterThan(3)
    unitGroups.forEach((group, index) => {
      const name = group.key === null ? 'Chưa giao đơn vị chủ trì' : unitNames.get(group.key)!
      const t = group.tally
      expect(paragraphStarting(texts, `${index + 1}. ${name}: `)).toBe(
        `${index + 1}. ${name}: ${n(t.total)} việc; đã hoàn thành ${n(t.byStatus.done)} (${statusPercentages(t).done}%), `
        + `đang thực hiện ${n(t.byStatus['in-progress'])}, chậm tiến độ ${n(t.late)}.`,
      )
    })

    // Section III: the template's trainings (the 25/02 national training: 1 + 63 + "hơn 400" points).
    const tr = figures.trainings
    expect(tr.count).toBeGreaterThan(0)
    expect(paragraphStarting(texts, 'Tổng số hội nghị, tập huấn:')).toContain(
      `Tổng số hội nghị, tập huấn: ${n(tr.count)} (đã tổ chức ${n(tr.held)}); số người tham dự: ${n(tr.participants)}`,
    )
    expect(paragraphStarting(texts, 'Tổng số hội nghị, tập huấn:')).toContain(`số điểm cầu: ${tr.connectionPointsAtLeast ? 'ít nhất ' : ''}${n(tr.connectionPoints)}`)
    expect(paragraphStarting(texts, 'Tổng số hội nghị, tập huấn:')).toContain(`số chuyên đề: ${n(tr.topics)}.`)
    for (const heading of ['I. KẾT QUẢ CHUNG', 'II. KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ', 'III. HỘI NGHỊ, TẬP HUẤN', 'IV. ĐỀ XUẤT, KIẾN NGHỊ', 'Nơi nhận:']) {
      expect(texts).toContain(heading)
    }
    // The signer block closes the report (the name line stays blank until a signer is set).
    expect(texts.slice(-8).some((t) => t.includes('CHỦ TỊCH'))).toBe(true)
  })

  it('names the late work of a unit with its due days, a series once with each late occurrence, and what comes next', async () => {
    const plan = smallPlan()
    const figures = computeProgressFigures(plan, { asOf: '2021-04-30' })
    const texts = await reportTexts(input(plan, figures))
    // Unit 2 has the most late work, so it comes first: c once, d's three late days (26, 27, 29/04).
    expect(texts).toContain('1. Đài Phát thanh và Truyền hình tỉnh: 5 việc; đã hoàn thành 0 (0%), đang thực hiện 4, chậm tiến độ 4.')
    expect(texts).toContain('- Việc chậm tiến độ: Việc d (3 lần, hạn từ 26/04/2021 đến 29/04/2021); Việc c (hạn 28/04/2021).')
    expect(texts).toContain('- Việc tiếp theo: Việc d (hạn 30/04/2021).')
    // Unit 3: a training series done on 10/05 is, as of 30/04, done for the 19 and 26/04 sessions only.
    const unit3 = paragraphStarting(texts, '2. Ủy ban Mặt trận Tổ quốc tỉnh: ')
    const g = figures.byUnit.find((u) => u.key === 'u3')!.tally
    expect(unit3).toBe(`2. Ủy ban Mặt trận Tổ quốc tỉnh: ${g.total} việc; đã hoàn thành ${g.byStatus.done} (${statusPercentages(g).done}%), đang thực hiện ${g.byStatus['in-progress']}, chậm tiến độ 0.`)
    expect(g.byStatus.done).toBe(2)
    expect(texts).toContain('- Việc tiếp theo: Tập huấn tổ bầu cử (3 lần, hạn từ 03/05/2021 đến 17/05/2021); Việc f (hạn 04/05/2021).')
    expect(texts).toContain('3. Sở Thông tin và Truyền thông: 1 việc; đã hoàn thành 1 (100%), đang thực hiện 0, chậm tiến độ 0.')
    expect(texts).toContain('- Việc tiếp theo: không còn việc chưa hoàn thành.')
    // The headline counts each occurrence: a, c, 4 of d, f, 5 of g.
    expect(figures.headline.tally.total).toBe(12)
    expect(texts.some((t) => t.startsWith('Tính đến ngày 30/04/2021, Kế hoạch có 12 việc phải thực hiện, thuộc 5 nhiệm vụ'))).toBe(true)
    expect(texts).toContain(`Chậm tiến độ (đã quá hạn, chưa hoàn thành): 4 việc. Đến hạn trong 7 ngày tới (từ 30/04/2021 đến 06/05/2021): ${figures.headline.tally.dueSoon} việc.`)
    // Trainings: 5 weekly sessions × 20 participants; 1 + 12 connection points each.
    expect(texts).toContain('Tổng số hội nghị, tập huấn: 5 (đã tổ chức 2); số người tham dự: 100; số điểm cầu: 65; số chuyên đề: 1.')
    expect(texts).toContain('- 19/04/2021: Tập huấn tổ bầu cử (13 điểm cầu; 20 người tham dự; chuyên đề: Luật Bầu cử);')
  })

  it('stays bounded at any size: at most a few late tasks are named per unit, the rest counted', async () => {
    const base = smallPlan()
    const many = Array.from({ length: 30 }, (_, i) => task(`late-${String(i).padStart(2, '0')}`, {
      start: `2021-04-${String(1 + (i % 20)).padStart(2, '0')}`, end: `2021-04-${String(2 + (i % 20)).padStart(2, '0')}`, leadUnitId: 'u1',
    }))
    const plan = { ...base, tasks: { ...base.tasks, ...Object.fromEntries(many.map((t) => [t.id, t])) } }
    const figures = computeProgressFigures(plan, { asOf: '2021-04-30' })
    const texts = await reportTexts(input(plan, figures))
    const late = paragraphStarting(texts, '- Việc chậm tiến độ: Việc late-')
    expect(late.match(/\(hạn /g)).toHaveLength(LATE_NAMED_PER_UNIT)
    expect(late).toMatch(new RegExp(` và ${30 - LATE_NAMED_PER_UNIT} việc khác\\.$`))
    // The most overdue first: the five tasks ending 01/04 and 02/04.
    expect(late).toContain('Việc late-00 (hạn 01/04/2021); Việc late-20 (hạn 01/04/2021); Việc late-01 (hạn 02/04/2021)')
  })

  it('writes the whole report in English when exported in English, user text as typed', async () => {
    const plan = smallPlan()
    const figures = computeProgressFigures(plan, { asOf: '2021-04-30' })
    const bytes = await buildProgressReportDocx(input(plan, figures, { language: 'en', filterDescription: 'Lead unit: Đài Phát thanh' }))
    const texts = paragraphTexts(await documentXml(bytes))
    for (const text of [
      'REPORT', '(As of 30/04/2021)', 'I. OVERALL RESULTS', 'II. BY LEAD UNIT', 'III. CONFERENCES AND TRAININGS', 'IV. PROPOSALS',
      'Recipients:', 'SOCIALIST REPUBLIC OF VIET NAM', 'Independence - Freedom - Happiness', 'Scope: Lead unit: Đài Phát thanh',
      '- Done: 3 (25%);', '1. Đài Phát thanh và Truyền hình tỉnh: 5 pieces of work; done 0 (0%), in progress 4, late 4.',
      '- Late: Việc d (3 times, due 26/04/2021 to 29/04/2021); Việc c (due 28/04/2021).',
      'Conferences and trainings: 5 (2 held); participants: 100; connection points: 65; topics: 1.',
    ]) expect(texts).toContain(text)
    expect(texts.some((t) => t.endsWith(', 30 April 2021'))).toBe(true)
    expect(texts.some((t) => /^No\.: +\/BC/.test(t))).toBe(true)
    const xml = texts.join('\n')
    for (const vi of ['KẾT QUẢ', 'Nơi nhận', 'Tính đến', 'việc', 'CỘNG HÒA']) expect(xml).not.toContain(vi)
    expect(await (await unzip(bytes)).file('word/styles.xml')!.async('string')).toContain('en-GB')
    expect(progressReportFileName(plan, '2021-04-30', 'en')).toBe('progress-report-election-2021-as-of-2021-04-30.docx')
    expect(progressReportFileName(plan, '2021-04-30', 'vi')).toBe('bao-cao-tien-do-tuyen-truyen-bau-cu-2021-den-2021-04-30.docx')
  })

  it('places each chart as a PNG picture at the text width, captioned, and leaves out what is not a PNG', async () => {
    const plan = smallPlan()
    const figures = computeProgressFigures(plan, { asOf: '2021-04-30' })
    const charts = [
      { title: 'Tiến độ theo đơn vị', legend: 'Phần trễ hạn <đỏ>', png: PNG_1X1, widthPx: 1200, heightPx: 600 },
      { title: 'Not a PNG', png: new TextEncoder().encode('<svg/>not png'), widthPx: 100, heightPx: 100 },
      { title: 'Kế hoạch và thực hiện', png: PNG_1X1, widthPx: 400, heightPx: 800 },
    ]
    const bytes = await buildProgressReportDocx(input(plan, figures, { charts }))
    const zip = await unzip(bytes)
    const media = Object.keys(zip.files).filter((path) => path.startsWith('word/media/'))
    expect(media.length).toBeGreaterThanOrEqual(1)
    for (const path of media) expect(path).toMatch(/\.png$/)
    const xml = await documentXml(bytes)
    const extents = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])])
    // 9354 twips of text width = 623 px = 5,933,050 EMU (9525 a px); the tall one is capped at 560 px high.
    expect(extents).toEqual([[623 * 9525, 312 * 9525], [280 * 9525, 560 * 9525]])
    const texts = paragraphTexts(xml)
    expect(texts).toContain('BIỂU ĐỒ TIẾN ĐỘ')
    expect(texts).toContain('Biểu đồ 1. Tiến độ theo đơn vị')
    expect(texts).toContain('Biểu đồ 2. Kế hoạch và thực hiện')
    // The legend, as text under its caption (paper has no hover, the screen's legend is HTML).
    expect(texts[texts.indexOf('Biểu đồ 1. Tiến độ theo đơn vị') + 1]).toBe('Phần trễ hạn <đỏ>')
    expect(xml).not.toContain('Not a PNG')

    const without = await documentXml(await buildProgressReportDocx(input(plan, figures)))
    expect(without).not.toContain('<w:drawing>')
    expect(without).not.toContain('BIỂU ĐỒ TIẾN ĐỘ')
  })

  it('prints the proposals as typed, or dotted lines to write on when there are none', async () => {
    const plan = smallPlan()
    const figures = computeProgressFigures(plan, { asOf: '2021-04-30' })
    const typed = await reportTexts(input(plan, figures, { proposals: 'Bổ sung kinh phí in tờ rơi.\n\nĐề nghị <Sở> & "Đài" phối hợp.' }))
    const iv = typed.indexOf('IV. ĐỀ XUẤT, KIẾN NGHỊ')
    expect(typed.slice(iv + 1, iv + 3)).toEqual(['Bổ sung kinh phí in tờ rơi.', 'Đề nghị <Sở> & "Đài" phối hợp.'])

    const blankXml = await documentXml(await buildProgressReportDocx(input(plan, figures, { proposals: '  \n ' })))
    expect(blankXml.match(/<w:tab w:val="right" w:pos="9354" w:leader="dot"\/>/g)).toHaveLength(3)
  })
})
