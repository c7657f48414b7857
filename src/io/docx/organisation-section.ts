/**
 * Section III "TỔ CHỨC THỰC HIỆN" of the Word plan: one short paragraph per lead unit, then the usual
 * closing sentence ending "./.".
 *
 * Each unit gets a summary, not its list: how many tasks it leads, how many of them are done and how
 * many late on the export day, and its main tasks (a few titles). Section II holds every task. The
 * old full list put ~2,450 characters per unit in one paragraph of a 10,000-task plan, unreadable
 * and slow to lay out.
 */
import type { Paragraph } from 'docx'
import { diffDays } from '@/domain/dates/local-date'
import { isTaskLate, taskFirstDay, taskLastDay } from '@/domain/plan/task-progress'
import type { LocalDate, Plan, Task } from '@/domain/types'
import { bodyParagraph, bodyRun, heading } from '@/io/docx/docx-paragraphs'
import { oneLine, stripEndPunctuation } from '@/io/docx/docx-text'

/** Titles named per unit; a unit leading more is summed up as "… và n nhiệm vụ khác". */
export const MAIN_TASKS_PER_UNIT = 3
const UNNAMED_UNIT = 'Đơn vị chưa đặt tên'
const NO_LEAD_UNIT = 'Nhiệm vụ chưa phân công đơn vị chủ trì'

interface UnitEntry {
  name: string
  tasks: Task[]
}

/**
 * The section for the tasks of the export, in the plan's unit order; tasks without a known lead unit
 * come last. `asOf` is the export day (null: no late count).
 */
export function buildOrganisationSection(units: Plan['units'], tasks: readonly Task[], asOf: LocalDate | null): Paragraph[] {
  const paragraphs = [heading('III. TỔ CHỨC THỰC HIỆN')]
  unitEntries(units, tasks).forEach((entry, index) => {
    paragraphs.push(bodyParagraph([
      bodyRun(`${index + 1}. ${entry.name}: `, { bold: true }),
      bodyRun(unitSummary(entry.tasks, asOf)),
    ]))
  })
  paragraphs.push(bodyParagraph([
    bodyRun('Các cơ quan, đơn vị căn cứ Kế hoạch này chủ động xây dựng kế hoạch cụ thể và tổ chức thực hiện; '
      + 'trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo để xem xét, giải quyết./.'),
  ], { keepNext: true }))
  return paragraphs
}

function unitEntries(units: Plan['units'], tasks: readonly Task[]): UnitEntry[] {
  const byLead = new Map<string | null, Task[]>()
  const knownUnits = new Set(units.map((u) => u.id))
  for (const task of tasks) {
    const lead = task.leadUnitId !== null && knownUnits.has(task.leadUnitId) ? task.leadUnitId : null
    const list = byLead.get(lead)
    if (list) list.push(task)
    else byLead.set(lead, [task])
  }
  const entries: UnitEntry[] = []
  for (const unit of units) {
    const unitTasks = byLead.get(unit.id)
    const name = oneLine(unit.name)
    if (unitTasks) entries.push({ name: name === '' ? UNNAMED_UNIT : name, tasks: unitTasks })
  }
  const unassigned = byLead.get(null)
  if (unassigned) entries.push({ name: NO_LEAD_UNIT, tasks: unassigned })
  return entries
}

/**
 * "chủ trì 412 nhiệm vụ, trong đó đã hoàn thành 120, chậm tiến độ 15; các nhiệm vụ chính: a; b; c
 * và 409 nhiệm vụ khác (chi tiết tại Mục II)." A unit with few tasks has them all named.
 */
export function unitSummary(tasks: readonly Task[], asOf: LocalDate | null): string {
  const done = tasks.filter((t) => t.status === 'done').length
  const late = asOf === null ? null : tasks.filter((t) => isTaskLate(t, asOf)).length
  const counts = `chủ trì ${tasks.length} nhiệm vụ, trong đó đã hoàn thành ${done}${late === null ? '' : `, chậm tiến độ ${late}`}`
  const titled = tasks.filter((t) => oneLine(t.title) !== '')
  if (titled.length === 0) return `${counts}.`
  const main = mainTasks(titled, MAIN_TASKS_PER_UNIT).map((t) => stripEndPunctuation(oneLine(t.title)))
  const rest = tasks.length - main.length
  if (rest === 0) return `${counts}: ${main.join('; ')}.`
  return `${counts}; các nhiệm vụ chính: ${main.join('; ')} và ${rest} nhiệm vụ khác (chi tiết tại Mục II).`
}

/**
 * The unit's main tasks: the longest-running ones (a campaign's lasting work — propaganda through a
 * phase, the broadcasts — rather than a one-day meeting), earlier first on a tie, then listed in date
 * order. Cancelled work is not named while other work is there.
 */
function mainTasks(tasks: readonly Task[], count: number): Task[] {
  const open = tasks.filter((t) => t.status !== 'cancelled')
  const pool = open.length > 0 ? open : tasks
  const ranked = pool
    .map((task, index) => ({ task, index, days: diffDays(taskFirstDay(task), taskLastDay(task)) }))
    .sort((a, b) => b.days - a.days || compare(a.task.start, b.task.start) || a.index - b.index)
    .slice(0, count)
  return ranked.sort((a, b) => compare(a.task.start, b.task.start) || a.index - b.index).map((r) => r.task)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
