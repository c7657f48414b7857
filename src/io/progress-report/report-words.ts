/**
 * Every fixed word of the progress report, in Vietnamese and English: io's own label table, as the
 * spreadsheet columns keep theirs (schedule-columns.ts), since the report is written in Node tests and
 * in the browser alike and must not reach into the UI's message catalogs. User text (titles, unit
 * names, the proposals) is never translated.
 *
 * A figure is printed by `count` (thousands grouped as each language groups them); a date as
 * dd/mm/yyyy in both languages, as everywhere in the app.
 */
import { formatDate } from '@/domain/dates/format-date'
import type { LocalDate, TaskStatus } from '@/domain/types'
import type { ProgressReportLanguage } from '@/io/progress-report/progress-report-input'

/** `1.250` in Vietnamese, `1,250` in English. */
export function formatCount(value: number, language: ProgressReportLanguage): string {
  const sign = value < 0 ? '-' : ''
  const digits = String(Math.abs(Math.round(value)))
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'vi' ? '.' : ',')
}

/** A task's title as the report names it: one line, without trailing punctuation. */
export interface NamedWork {
  title: string
  /** Its occurrences' last days (one for a single task), in date order. */
  dueDays: LocalDate[]
}

export interface ReportWords {
  typeName: string
  subject: (planSubject: string) => string
  asOfLine: (asOf: LocalDate) => string
  scopeLine: (description: string) => string
  fileTitle: (year: string) => string
  fileName: (year: string, asOf: LocalDate) => string

  overallHeading: string
  overallIntro: (asOf: LocalDate, items: string, tasks: string) => string
  emptyPlan: (asOf: LocalDate) => string
  statusLine: (status: TaskStatus, count: string, percent: number, last: boolean) => string
  lateAndDue: (late: string, dueSoon: string, from: LocalDate, to: LocalDate) => string
  electionLine: (daysToElection: number, electionDay: LocalDate, daysToResults: number, resultsDeadline: LocalDate) => string
  byPhaseIntro: string
  outsidePhases: string
  groupFigures: (total: string, done: string, donePercent: number, inProgress: string, late: string) => string
  milestonesIntro: string
  milestoneLine: (date: LocalDate, daysTo: number, name: string, open: string) => string

  unitsHeading: string
  noLeadUnit: string
  unnamedUnit: string
  untitled: string
  lateWork: string
  nextWork: string
  noNextWork: string
  namedWork: (work: NamedWork) => string
  andOthers: (count: string) => string
  noUnits: string

  trainingsHeading: string
  trainingSummary: (f: { count: string; held: string; participants: string; participantsUnknown: number; connectionPoints: string; atLeast: boolean; connectionPointsUnknown: number; topics: string }) => string
  noTrainings: string
  sessionLine: (f: { date: LocalDate; title: string; connectionPoints: string | null; participants: string | null; topics: readonly string[] }) => string
  otherSessions: (count: string) => string

  proposalsHeading: string
  chartsHeading: string
  chartCaption: (index: number, title: string) => string
  closing: (asOf: LocalDate) => string
}

const VI_STATUS: Record<TaskStatus, string> = {
  done: 'Đã hoàn thành',
  'in-progress': 'Đang thực hiện',
  planned: 'Chưa thực hiện',
  cancelled: 'Đã hủy',
}
const EN_STATUS: Record<TaskStatus, string> = {
  done: 'Done',
  'in-progress': 'In progress',
  planned: 'Planned, not started',
  cancelled: 'Cancelled',
}

/** "Thông tin, tuyên truyền …" → "thông tin, tuyên truyền …"; an acronym ("HĐND …") keeps its capitals. */
function lowerFirst(value: string): string {
  const [a = '', b = ''] = [...value]
  return b !== '' && b === b.toLowerCase() && b !== b.toUpperCase() ? a.toLocaleLowerCase('vi') + value.slice(a.length) : value
}

/** "D-23", "D", "D+5". */
function dayLabel(daysTo: number): string {
  return daysTo > 0 ? `D-${daysTo}` : daysTo === 0 ? 'D' : `D+${-daysTo}`
}

function dueText(dueDays: readonly LocalDate[], single: (d: string) => string, many: (n: number, first: string, last: string) => string): string {
  const first = dueDays[0]
  const last = dueDays[dueDays.length - 1]
  if (first === undefined || last === undefined) return ''
  return dueDays.length === 1 ? single(formatDate(first)) : many(dueDays.length, formatDate(first), formatDate(last))
}

const VI: ReportWords = {
  typeName: 'BÁO CÁO',
  subject: (planSubject) => `Tiến độ thực hiện Kế hoạch ${planSubject === '' ? 'tuyên truyền bầu cử' : lowerFirst(planSubject)}`,
  asOfLine: (asOf) => `(Tính đến ngày ${formatDate(asOf)})`,
  scopeLine: (description) => `Phạm vi báo cáo: ${description}`,
  fileTitle: (year) => `Báo cáo tiến độ tuyên truyền bầu cử ${year}`,
  fileName: (year, asOf) => `bao-cao-tien-do-tuyen-truyen-bau-cu-${year}-den-${asOf}.docx`,

  overallHeading: 'I. KẾT QUẢ CHUNG',
  overallIntro: (asOf, items, tasks) => `Tính đến ngày ${formatDate(asOf)}, Kế hoạch có ${items} việc phải thực hiện, thuộc ${tasks} nhiệm vụ `
    + '(mỗi lần thực hiện của nhiệm vụ định kỳ được tính là một việc); trong đó:',
  emptyPlan: (asOf) => `Tính đến ngày ${formatDate(asOf)}, phạm vi báo cáo chưa có việc nào.`,
  statusLine: (status, count, percent, last) => `- ${VI_STATUS[status]}: ${count} việc (${percent}%)${last ? '.' : ';'}`,
  lateAndDue: (late, dueSoon, from, to) => `Chậm tiến độ (đã quá hạn, chưa hoàn thành): ${late} việc. `
    + `Đến hạn trong 7 ngày tới (từ ${formatDate(from)} đến ${formatDate(to)}): ${dueSoon} việc.`,
  electionLine: (daysToElection, electionDay, daysToResults, resultsDeadline) => {
    const election = daysToElection > 0
      ? `Còn ${daysToElection} ngày đến ngày bầu cử ${formatDate(electionDay)} (${dayLabel(daysToElection)})`
      : daysToElection === 0 ? `Hôm nay là ngày bầu cử ${formatDate(electionDay)}` : `Ngày bầu cử ${formatDate(electionDay)} đã qua ${-daysToElection} ngày`
    const results = daysToResults > 0 ? `còn ${daysToResults} ngày` : daysToResults === 0 ? 'hôm nay' : `đã qua ${-daysToResults} ngày`
    return `${election}; hạn công bố kết quả bầu cử đại biểu Quốc hội: ${formatDate(resultsDeadline)} (${results}).`
  },
  byPhaseIntro: 'Theo giai đoạn:',
  outsidePhases: 'Ngoài các giai đoạn',
  groupFigures: (total, done, donePercent, inProgress, late) => `${total} việc; đã hoàn thành ${done} (${donePercent}%), đang thực hiện ${inProgress}, chậm tiến độ ${late}`,
  milestonesIntro: 'Các mốc pháp lý sắp tới và việc phải xong trước mốc:',
  milestoneLine: (date, daysTo, name, open) => `- ${formatDate(date)} (${daysTo === 0 ? 'hôm nay' : `còn ${daysTo} ngày`}): ${name}; ${open} việc chưa hoàn thành đến hạn trước mốc`,

  unitsHeading: 'II. KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ',
  noLeadUnit: 'Chưa giao đơn vị chủ trì',
  unnamedUnit: 'Đơn vị chưa đặt tên',
  untitled: '(chưa đặt tên)',
  lateWork: 'Việc chậm tiến độ: ',
  nextWork: 'Việc tiếp theo: ',
  noNextWork: 'không còn việc chưa hoàn thành.',
  namedWork: (work) => `${work.title} (${dueText(work.dueDays, (d) => `hạn ${d}`, (n, a, b) => `${n} lần, hạn từ ${a} đến ${b}`)})`,
  andOthers: (count) => `và ${count} việc khác`,
  noUnits: 'Phạm vi báo cáo chưa có việc nào.',

  trainingsHeading: 'III. HỘI NGHỊ, TẬP HUẤN',
  trainingSummary: (f) => `Tổng số hội nghị, tập huấn: ${f.count} (đã tổ chức ${f.held}); `
    + `số người tham dự: ${f.participants}${f.participantsUnknown > 0 ? ` (${f.participantsUnknown} buổi chưa có số liệu)` : ''}; `
    + `số điểm cầu: ${f.atLeast ? 'ít nhất ' : ''}${f.connectionPoints}${f.connectionPointsUnknown > 0 ? ` (${f.connectionPointsUnknown} buổi chưa có số liệu)` : ''}; `
    + `số chuyên đề: ${f.topics}.`,
  noTrainings: 'Trong phạm vi báo cáo chưa có hội nghị, tập huấn.',
  sessionLine: (f) => {
    const parts = [
      ...(f.connectionPoints === null ? [] : [`${f.connectionPoints} điểm cầu`]),
      ...(f.participants === null ? [] : [`${f.participants} người tham dự`]),
      ...(f.topics.length === 0 ? [] : [`chuyên đề: ${f.topics.join('; ')}`]),
    ]
    return `- ${formatDate(f.date)}: ${f.title}${parts.length === 0 ? '' : ` (${parts.join('; ')})`}`
  },
  otherSessions: (count) => `- Và ${count} hội nghị, tập huấn khác.`,

  proposalsHeading: 'IV. ĐỀ XUẤT, KIẾN NGHỊ',
  chartsHeading: 'BIỂU ĐỒ TIẾN ĐỘ',
  chartCaption: (index, title) => `Biểu đồ ${index}. ${title}`,
  closing: (asOf) => `Trên đây là báo cáo tiến độ thực hiện Kế hoạch tính đến ngày ${formatDate(asOf)}./.`,
}

const EN: ReportWords = {
  typeName: 'REPORT',
  subject: (planSubject) => `Progress of the plan: ${planSubject === '' ? 'election communication' : planSubject}`,
  asOfLine: (asOf) => `(As of ${formatDate(asOf)})`,
  scopeLine: (description) => `Scope: ${description}`,
  fileTitle: (year) => `Progress report, election communication ${year}`,
  fileName: (year, asOf) => `progress-report-election-${year}-as-of-${asOf}.docx`,

  overallHeading: 'I. OVERALL RESULTS',
  overallIntro: (asOf, items, tasks) => `As of ${formatDate(asOf)}, the plan holds ${items} pieces of work in ${tasks} tasks `
    + '(each occurrence of a recurring task counts as one piece of work); of these:',
  emptyPlan: (asOf) => `As of ${formatDate(asOf)}, there is no work in the scope of this report.`,
  statusLine: (status, count, percent, last) => `- ${EN_STATUS[status]}: ${count} (${percent}%)${last ? '.' : ';'}`,
  lateAndDue: (late, dueSoon, from, to) => `Late (past due and not done): ${late}. `
    + `Due in the next 7 days (${formatDate(from)} to ${formatDate(to)}): ${dueSoon}.`,
  electionLine: (daysToElection, electionDay, daysToResults, resultsDeadline) => {
    const election = daysToElection > 0
      ? `${daysToElection} days to election day, ${formatDate(electionDay)} (${dayLabel(daysToElection)})`
      : daysToElection === 0 ? `Today is election day, ${formatDate(electionDay)}` : `Election day, ${formatDate(electionDay)}, was ${-daysToElection} days ago`
    const results = daysToResults > 0 ? `${daysToResults} days left` : daysToResults === 0 ? 'today' : `${-daysToResults} days ago`
    return `${election}; National Assembly results due by ${formatDate(resultsDeadline)} (${results}).`
  },
  byPhaseIntro: 'By phase:',
  outsidePhases: 'Outside every phase',
  groupFigures: (total, done, donePercent, inProgress, late) => `${total} pieces of work; done ${done} (${donePercent}%), in progress ${inProgress}, late ${late}`,
  milestonesIntro: 'The next legal milestones and the work due before them:',
  milestoneLine: (date, daysTo, name, open) => `- ${formatDate(date)} (${daysTo === 0 ? 'today' : `in ${daysTo} days`}): ${name}; ${open} open pieces of work due by then`,

  unitsHeading: 'II. BY LEAD UNIT',
  noLeadUnit: 'No lead unit assigned',
  unnamedUnit: 'Unnamed unit',
  untitled: '(untitled)',
  lateWork: 'Late: ',
  nextWork: 'Next: ',
  noNextWork: 'no open work left.',
  namedWork: (work) => `${work.title} (${dueText(work.dueDays, (d) => `due ${d}`, (n, a, b) => `${n} times, due ${a} to ${b}`)})`,
  andOthers: (count) => `and ${count} more`,
  noUnits: 'There is no work in the scope of this report.',

  trainingsHeading: 'III. CONFERENCES AND TRAININGS',
  trainingSummary: (f) => `Conferences and trainings: ${f.count} (${f.held} held); `
    + `participants: ${f.participants}${f.participantsUnknown > 0 ? ` (${f.participantsUnknown} sessions without a count)` : ''}; `
    + `connection points: ${f.atLeast ? 'at least ' : ''}${f.connectionPoints}${f.connectionPointsUnknown > 0 ? ` (${f.connectionPointsUnknown} sessions without a count)` : ''}; `
    + `topics: ${f.topics}.`,
  noTrainings: 'There are no conferences or trainings in the scope of this report.',
  sessionLine: (f) => {
    const parts = [
      ...(f.connectionPoints === null ? [] : [`${f.connectionPoints} connection points`]),
      ...(f.participants === null ? [] : [`${f.participants} participants`]),
      ...(f.topics.length === 0 ? [] : [`topics: ${f.topics.join('; ')}`]),
    ]
    return `- ${formatDate(f.date)}: ${f.title}${parts.length === 0 ? '' : ` (${parts.join('; ')})`}`
  },
  otherSessions: (count) => `- And ${count} more conferences and trainings.`,

  proposalsHeading: 'IV. PROPOSALS',
  chartsHeading: 'PROGRESS CHARTS',
  chartCaption: (index, title) => `Chart ${index}. ${title}`,
  closing: (asOf) => `This concludes the progress report of the plan as of ${formatDate(asOf)}.`,
}

export const REPORT_WORDS: Readonly<Record<ProgressReportLanguage, ReportWords>> = { vi: VI, en: EN }
