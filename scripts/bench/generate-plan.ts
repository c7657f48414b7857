/**
 * The benchmark's plan: the built-in 2021 template plus generated tasks, 10,000 tasks in all, from a
 * seeded PRNG, so every run and every machine measures the same plan.
 *
 * Shape (roughly what a province-level plan with its districts and communes would hold):
 * - start days over the campaign window 2021-01-01 .. 2021-06-12, denser in the peak phase (April to
 *   election day) than in January–March or after the election;
 * - ~85 % all-day, 1–14 days long, skewed to short (about 45 % one day, 4 % two weeks);
 * - ~15 % timed, 1–4 hours between 07:00 and 21:00, Vietnam wall-clock time;
 * - every channel and every unit; ~8 % anchored to election day, ~3 % to a legal milestone;
 * - Vietnamese titles built from phrases officials use, with a place, so titles are varied; a place
 *   on timed tasks and ~15 % of the others, a quantity on ~40 %, a short note on ~10 % (a plan's rows
 *   are mostly title + dates + units; richer rows, like the template's, push a 10,000-task save past
 *   Chromium's localStorage quota of 5 MiB characters, which the benchmark reports against).
 * The plan is checked with the app's own restore (nothing dropped or repaired) and draft validation.
 */
import { addDays, diffDays, fromMinuteNumber, toMinuteNumber } from '@/domain/dates/local-date'
import { restorePlan, emptyReport } from '@/domain/plan/restore-plan'
import { validateTaskDraft, hasErrors } from '@/domain/plan/validate-task'
import { computeMilestones } from '@/domain/rules/milestones'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import { ADMIN_LEVELS, type AdminLevel, type Plan, type Task, type TaskAnchor, type TaskStatus } from '@/domain/types'

export const BENCH_TASK_COUNT = 10_000
export const BENCH_SEED = 20210523
/** Fixed "now" (createdAt/updatedAt) so the saved text, and its size, are the same every run. */
export const BENCH_NOW = Date.UTC(2021, 0, 4, 1, 0, 0)
export const WINDOW_START = '2021-01-01'
/** Inclusive last day a generated task may touch. */
export const WINDOW_LAST = '2021-06-12'

/** mulberry32: small, fast, good enough for test data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Rng = () => number
const pick = <T,>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!
function weighted<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0)
  let r = rng() * total
  for (const [value, w] of entries) {
    r -= w
    if (r < 0) return value
  }
  return entries[entries.length - 1]![0]
}

const DISTRICTS = [
  'huyện Krông Pắc', 'huyện Ea Kar', 'huyện Cư M’gar', 'thị xã Buôn Hồ', 'huyện Lắk', 'huyện Krông Bông',
  'thành phố Buôn Ma Thuột', 'huyện Ea H’leo', 'huyện Buôn Đôn', 'huyện M’Đrắk', 'huyện Krông Năng', 'huyện Cư Kuin',
]
const COMMUNES = [
  'xã Ea Tu', 'xã Hòa Thắng', 'phường Tân Lập', 'phường Thành Công', 'xã Ea Kao', 'thị trấn Phước An', 'xã Cư Né',
  'xã Krông Búk', 'xã Ea Đrơng', 'xã Yang Mao', 'xã Đắk Phơi', 'phường An Lạc', 'xã Ea Nuôl', 'thị trấn Liên Sơn',
  'xã Hòa Phú', 'xã Cư Pơng', 'xã Ea Sô', 'xã Dray Sáp', 'phường Thiện An', 'xã Bông Krang',
]
const VILLAGES = ['buôn Kô Siêr', 'thôn 3', 'thôn Tân Thành', 'buôn Ale A', 'tổ dân phố 5', 'thôn Hà Xuyên', 'buôn Trấp', 'khu phố 2']
const AUDIENCES = [
  'báo cáo viên, tuyên truyền viên', 'cán bộ Tổ bầu cử', 'đoàn viên thanh niên', 'người có uy tín trong đồng bào dân tộc thiểu số',
  'cán bộ đài truyền thanh cơ sở', 'hội viên phụ nữ', 'cựu chiến binh', 'học sinh, sinh viên đủ 18 tuổi',
]
const TOPICS = [
  'ý nghĩa, tầm quan trọng của cuộc bầu cử', 'quyền và nghĩa vụ của cử tri', 'tiêu chuẩn đại biểu Quốc hội',
  'tiêu chuẩn đại biểu HĐND các cấp', 'nguyên tắc bầu cử phổ thông, bình đẳng, trực tiếp và bỏ phiếu kín',
  'danh sách chính thức những người ứng cử', 'thời gian, địa điểm bỏ phiếu', 'Luật Bầu cử đại biểu Quốc hội và HĐND',
  'phòng, chống dịch COVID-19 tại khu vực bỏ phiếu', 'kết quả hội nghị hiệp thương lần thứ ba',
]
const PAPERS = ['Báo tỉnh', 'Cổng thông tin điện tử tỉnh', 'Đài Phát thanh - Truyền hình tỉnh', 'trang tin điện tử huyện', 'bản tin nội bộ']

type Part = (rng: Rng) => string
const place: Part = (rng) => weighted(rng, [
  [pick(rng, COMMUNES) + ', ' + pick(rng, DISTRICTS), 5],
  [pick(rng, DISTRICTS), 3],
  [pick(rng, VILLAGES) + ', ' + pick(rng, COMMUNES), 2],
])

/** Title phrases per channel key (the suffix of `channel-…` ids). */
const TITLES: Record<string, readonly Part[]> = {
  press: [
    (r) => `Đăng tải tin, bài về ${pick(r, TOPICS)} trên ${pick(r, PAPERS)}`,
    (r) => `Mở chuyên mục "Bầu cử 2021" trên ${pick(r, PAPERS)}`,
    (r) => `Phỏng vấn lãnh đạo Ủy ban bầu cử ${pick(r, DISTRICTS)} về công tác chuẩn bị bầu cử`,
    (r) => `Đưa tin hoạt động tiếp xúc cử tri của người ứng cử tại ${place(r)}`,
  ],
  radio: [
    (r) => `Phát sóng phóng sự về ${pick(r, TOPICS)}`,
    (r) => `Tiếp sóng chương trình thời sự về bầu cử trên đài truyền thanh ${pick(r, COMMUNES)}`,
    (r) => `Phát thanh tiếng Ê Đê, M’nông về ${pick(r, TOPICS)}`,
    (r) => `Tăng thời lượng phát thanh tuyên truyền bầu cử tại ${place(r)}`,
  ],
  visual: [
    (r) => `Treo băng rôn, khẩu hiệu tuyên truyền bầu cử tại ${place(r)}`,
    (r) => `Lắp đặt pano cổ động trên các trục đường chính ${pick(r, DISTRICTS)}`,
    (r) => `Treo cờ Tổ quốc, cờ trang trí tại khu vực bỏ phiếu ${place(r)}`,
    (r) => `Thay mới áp phích cổ động bầu cử tại ${place(r)}`,
  ],
  mobile: [
    (r) => `Tuyên truyền lưu động bằng xe loa tại ${place(r)}`,
    (r) => `Chiếu phim lưu động kết hợp tuyên truyền bầu cử tại ${pick(r, VILLAGES)}, ${pick(r, COMMUNES)}`,
    (r) => `Biểu diễn văn nghệ chào mừng ngày bầu cử tại ${place(r)}`,
    (r) => `Triển lãm ảnh "Bầu cử - ngày hội toàn dân" tại ${pick(r, DISTRICTS)}`,
  ],
  meetings: [
    (r) => `Hội nghị tập huấn nghiệp vụ công tác bầu cử cho ${pick(r, AUDIENCES)} ${pick(r, DISTRICTS)}`,
    (r) => `Hội nghị báo cáo viên chuyên đề ${pick(r, TOPICS)}`,
    (r) => `Hội nghị tiếp xúc cử tri của người ứng cử tại ${place(r)}`,
    (r) => `Họp Tiểu ban Thông tin - Tuyên truyền ${pick(r, DISTRICTS)} đánh giá tiến độ`,
  ],
  counter: [
    (r) => `Rà soát, phản bác thông tin sai trái về bầu cử trên mạng xã hội (${pick(r, DISTRICTS)})`,
    (r) => `Tổng hợp dư luận xã hội về cuộc bầu cử tại ${place(r)}`,
    (r) => `Đăng bài đấu tranh phản bác luận điệu xuyên tạc về ${pick(r, TOPICS)}`,
  ],
  print: [
    (r) => `In, cấp phát tài liệu hỏi - đáp về ${pick(r, TOPICS)} cho ${pick(r, DISTRICTS)}`,
    (r) => `Biên soạn tờ gấp tuyên truyền bầu cử bằng tiếng dân tộc cho ${pick(r, COMMUNES)}`,
    (r) => `Phát hành đề cương tuyên truyền bầu cử đến ${pick(r, AUDIENCES)}`,
  ],
  contests: [
    (r) => `Hội thi tìm hiểu pháp luật về bầu cử tại ${place(r)}`,
    (r) => `Cuộc thi sáng tác tranh cổ động bầu cử dành cho ${pick(r, AUDIENCES)}`,
    (r) => `Chấm, trao giải cuộc thi trực tuyến tìm hiểu về bầu cử (${pick(r, DISTRICTS)})`,
  ],
  other: [
    (r) => `Ban hành kế hoạch tuyên truyền bầu cử của ${pick(r, DISTRICTS)}`,
    (r) => `Kiểm tra công tác thông tin, tuyên truyền bầu cử tại ${place(r)}`,
    (r) => `Báo cáo tiến độ công tác tuyên truyền bầu cử về Ủy ban bầu cử tỉnh (${pick(r, DISTRICTS)})`,
    (r) => `Hướng dẫn các xã tổ chức tuyên truyền trước ngày bầu cử, ${pick(r, DISTRICTS)}`,
  ],
}
const QUANTITIES = ['', '', '', '', '', '', '20 băng rôn', '5 pano 2m×3m', '3.000 tờ gấp', '12 buổi', '200 áp phích', '1 chuyên mục/tuần', '30 tin, bài']

/** A start day in the window: peak (April–D) three times as dense as the rest. */
function startDay(rng: Rng, electionDay: string): string {
  const span = diffDays(WINDOW_START, WINDOW_LAST) + 1
  for (;;) {
    const day = addDays(WINDOW_START, Math.floor(rng() * span))
    const weight = day >= '2021-04-01' && day <= electionDay ? 1 : day > electionDay ? 0.5 : 0.33
    if (rng() < weight) return day
  }
}

/** All-day length in days, 1–14, skewed to short. */
function allDayLength(rng: Rng): number {
  return weighted(rng, [[1, 45], [2, 14], [3, 10], [4, 7], [5, 6], [6, 3], [7, 5], [8, 2], [9, 1.5], [10, 2], [11, 1], [12, 1], [13, 0.5], [14, 4]] as const)
}

export interface BenchPlan {
  plan: Plan
  templateTaskCount: number
  generatedTaskCount: number
}

export function generateBenchPlan(count: number = BENCH_TASK_COUNT, seed: number = BENCH_SEED): BenchPlan {
  const rng = mulberry32(seed)
  const base = buildCampaign2021Plan(BENCH_NOW)
  const electionDay = base.election.electionDay
  const milestones = computeMilestones(base.election).filter((m) => m.date >= WINDOW_START && m.date <= WINDOW_LAST)
  const tasks: Record<string, Task> = { ...base.tasks }
  const templateTaskCount = Object.keys(tasks).length
  const unitIds = base.units.map((u) => u.id)
  const toGenerate = count - templateTaskCount

  for (let i = 0; i < toGenerate; i += 1) {
    const channel = pick(rng, base.channels)
    const key = channel.id.replace(/^channel-/, '')
    const title = pick(rng, TITLES[key] ?? TITLES.other!)(rng)
    const timed = rng() < 0.15
    let day = startDay(rng, electionDay)
    let start: string
    let end: string
    if (timed) {
      const hour = 7 + Math.floor(rng() * 11) // 07..17
      const minute = pick(rng, [0, 0, 0, 30])
      start = `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
      end = fromMinuteNumber(toMinuteNumber(start) + 60 * (1 + Math.floor(rng() * 4)))
    } else {
      const length = allDayLength(rng)
      const lastAllowed = addDays(WINDOW_LAST, 1 - length)
      if (day > lastAllowed) day = lastAllowed
      start = day
      end = addDays(day, length)
    }
    const anchorRoll = rng()
    let anchor: TaskAnchor = { type: 'fixed' }
    if (anchorRoll < 0.08) anchor = { type: 'election-day', offsetDays: diffDays(electionDay, day) }
    else if (anchorRoll < 0.11 && milestones.length > 0) {
      const m = pick(rng, milestones)
      anchor = { type: 'milestone', milestoneId: m.id, offsetDays: diffDays(m.date, day) }
    }
    const lead = pick(rng, unitIds)
    const supportCount = weighted(rng, [[0, 4], [1, 3], [2, 2], [3, 1]] as const)
    const support = new Set<string>()
    while (support.size < supportCount) {
      const u = pick(rng, unitIds)
      if (u !== lead) support.add(u)
    }
    const status: TaskStatus = weighted(rng, [['planned', 70], ['in-progress', 15], ['done', 12], ['cancelled', 3]] as const)
    const level: AdminLevel = pick(rng, ADMIN_LEVELS.slice(1))
    const isMeeting = key === 'meetings'
    const id = `bench-task-${String(i + 1).padStart(5, '0')}`
    tasks[id] = {
      id,
      title,
      allDay: !timed,
      start,
      end,
      anchor,
      channelId: channel.id,
      leadUnitId: lead,
      supportUnitIds: [...support],
      location: timed || rng() < 0.15 ? place(rng) : '',
      quantity: pick(rng, QUANTITIES),
      status,
      description: rng() < 0.1 ? `Trọng tâm: ${pick(rng, TOPICS)}.` : '',
      training: isMeeting && rng() < 0.6
        ? {
            connectionPointCount: 1 + Math.floor(rng() * 20),
            connectionPoints: [],
            participantCount: 30 + Math.floor(rng() * 300),
            participants: pick(rng, AUDIENCES),
            topics: [pick(rng, TOPICS)],
            presenters: [],
          }
        : null,
      level,
      source: null,
      createdAt: BENCH_NOW,
      updatedAt: BENCH_NOW,
    }
  }

  const plan: Plan = { ...base, tasks }
  checkPlan(plan)
  return { plan, templateTaskCount, generatedTaskCount: toGenerate }
}

/** The app must take the plan as it is: nothing dropped or repaired on load, every task a valid draft. */
function checkPlan(plan: Plan): void {
  const report = emptyReport()
  const restored = restorePlan(JSON.parse(JSON.stringify(plan)), report)
  if (!restored || report.droppedTasks + report.repairedTasks + report.droppedOther > 0) {
    throw new Error(`generated plan does not restore cleanly: ${JSON.stringify(report)}`)
  }
  for (const task of Object.values(plan.tasks)) {
    const { id: _id, createdAt: _c, updatedAt: _u, ...draft } = task
    const errors = validateTaskDraft(draft, plan)
    if (hasErrors(errors)) throw new Error(`generated task ${task.id} is invalid: ${JSON.stringify(errors)}`)
  }
}

/** Summary numbers printed with the results (what the plan is). */
export function describePlan(plan: Plan) {
  const tasks = Object.values(plan.tasks)
  const allDay = tasks.filter((t) => t.allDay)
  const lengths = allDay.map((t) => diffDays(t.start, t.end))
  return {
    tasks: tasks.length,
    allDay: allDay.length,
    timed: tasks.length - allDay.length,
    oneDay: lengths.filter((n) => n === 1).length,
    meanAllDayLength: Number((lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length)).toFixed(2)),
    anchoredToElectionDay: tasks.filter((t) => t.anchor.type === 'election-day').length,
    anchoredToMilestone: tasks.filter((t) => t.anchor.type === 'milestone').length,
    channels: new Set(tasks.map((t) => t.channelId)).size,
    units: new Set(tasks.map((t) => t.leadUnitId)).size,
    firstStart: tasks.reduce((m, t) => (t.start < m ? t.start : m), '9999'),
    lastEnd: tasks.reduce((m, t) => (t.end > m ? t.end : m), ''),
  }
}
