/**
 * Section II of the progress report, "KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ": per lead unit, in the dashboard's
 * order (most late work first), its figures (work, done with %, in progress, late), the late work by
 * name with its due days, and the next open work.
 *
 * Bounded at any plan size: at most LATE_NAMED_PER_UNIT late tasks and NEXT_NAMED_PER_UNIT next tasks
 * are named per unit, the rest summed up as "và n việc khác". A series is named once with its
 * occurrences' due days ("3 lần, hạn từ … đến …"), so a daily series does not fill the list.
 */
import type { Paragraph } from 'docx'
import type { ProgressFigures, ProgressGroup } from '@/domain/progress/progress-figures'
import { statusPercentages, type ProgressItem } from '@/domain/progress/progress-items'
import type { Unit } from '@/domain/types'
import { bodyParagraph, bodyRun, heading } from '@/io/docx/docx-paragraphs'
import { oneLine, stripEndPunctuation } from '@/io/docx/docx-text'
import type { ProgressReportLanguage } from '@/io/progress-report/progress-report-input'
import { formatCount, REPORT_WORDS, type NamedWork, type ReportWords } from '@/io/progress-report/report-words'

/** Late tasks named per unit (the most overdue first). */
export const LATE_NAMED_PER_UNIT = 5
/** Next open tasks named per unit (the soonest due first). */
export const NEXT_NAMED_PER_UNIT = 3

export function buildUnitSection(figures: ProgressFigures, units: readonly Unit[], language: ProgressReportLanguage): Paragraph[] {
  const words = REPORT_WORDS[language]
  const n = (value: number) => formatCount(value, language)
  const paragraphs = [heading(words.unitsHeading)]
  const groups = figures.byUnit.filter((group) => group.tally.total > 0)
  if (groups.length === 0) {
    paragraphs.push(bodyParagraph([bodyRun(words.noUnits)]))
    return paragraphs
  }
  const itemsByUnit = groupItemsByLeadUnit(figures.items)
  const names = new Map(units.map((u) => [u.id, oneLine(u.name)]))
  groups.forEach((group, index) => {
    const { tally } = group
    const figuresText = words.groupFigures(n(tally.total), n(tally.byStatus.done), statusPercentages(tally).done, n(tally.byStatus['in-progress']), n(tally.late))
    paragraphs.push(bodyParagraph([bodyRun(`${index + 1}. ${unitName(group, names, words)}: `, { bold: true }), bodyRun(`${figuresText}.`)], { keepNext: true }))

    const items = itemsByUnit.get(group.key) ?? []
    const late = items.filter((item) => item.late).sort((a, b) => compare(a.lastDay, b.lastDay))
    if (late.length > 0) {
      paragraphs.push(bodyParagraph([bodyRun(`- ${words.lateWork}`, { italics: true }), bodyRun(namedList(late, LATE_NAMED_PER_UNIT, words, n))]))
    }
    // Open work not yet late, the soonest due first: what the unit has to do next.
    const next = items
      .filter((item) => !item.late && item.status !== 'done' && item.status !== 'cancelled')
      .sort((a, b) => compare(a.lastDay, b.lastDay))
    paragraphs.push(bodyParagraph([
      bodyRun(`- ${words.nextWork}`, { italics: true }),
      bodyRun(next.length === 0 ? words.noNextWork : namedList(next, NEXT_NAMED_PER_UNIT, words, n)),
    ]))
  })
  return paragraphs
}

/** Items by their task's lead unit id (null: none), in the figures' order (by first day). */
function groupItemsByLeadUnit(items: readonly ProgressItem[]): Map<string | null, ProgressItem[]> {
  const byUnit = new Map<string | null, ProgressItem[]>()
  for (const item of items) {
    const key = item.task.leadUnitId
    const list = byUnit.get(key)
    if (list) list.push(item)
    else byUnit.set(key, [item])
  }
  return byUnit
}

function unitName(group: ProgressGroup, names: ReadonlyMap<string, string>, words: ReportWords): string {
  if (group.key === null) return words.noLeadUnit
  const name = names.get(group.key) ?? ''
  return name === '' ? words.unnamedUnit : name
}

/**
 * "a (hạn 20/04/2021); b (3 lần, hạn từ 26/04/2021 đến 29/04/2021) và 7 việc khác.": the first
 * `limit` tasks of the items (in the items' order, a series once with all its listed occurrences),
 * then how many items are left unnamed.
 */
function namedList(items: readonly ProgressItem[], limit: number, words: ReportWords, n: (value: number) => string): string {
  const named = new Map<string, NamedWork>()
  let unnamed = 0
  for (const item of items) {
    const work = named.get(item.task.id)
    if (work) work.dueDays.push(item.lastDay)
    else if (named.size < limit) named.set(item.task.id, { title: titleOf(item, words), dueDays: [item.lastDay] })
    else unnamed += 1
  }
  for (const work of named.values()) work.dueDays.sort(compare)
  const list = [...named.values()].map(words.namedWork).join('; ')
  return unnamed === 0 ? `${list}.` : `${list} ${words.andOthers(n(unnamed))}.`
}

function titleOf(item: ProgressItem, words: ReportWords): string {
  const title = stripEndPunctuation(oneLine(item.task.title))
  return title === '' ? words.untitled : title
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
