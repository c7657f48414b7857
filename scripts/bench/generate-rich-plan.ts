/**
 * The storage benchmark's second plan: 10,000 tasks as rich as the 2021 template's own (description,
 * quantity, location, source note with its verified flag, support units), made by copying the
 * template's tasks with a district or commune in the title and the location, and the lead unit and
 * dates varied. It is what a province plan with its derived district plans holds: as a plain JSON
 * backup ~10 MB, twice Chromium's localStorage quota, so it only fits compressed.
 */
import { addDays } from '@/domain/dates/local-date'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Plan, Task } from '@/domain/types'
import { BENCH_NOW, BENCH_TASK_COUNT, mulberry32 } from './generate-plan'

const PLACES = [
  'huyện Krông Pắc', 'huyện Ea Kar', 'huyện Cư M’gar', 'thị xã Buôn Hồ', 'huyện Lắk', 'huyện Krông Bông',
  'thành phố Buôn Ma Thuột', 'huyện Ea H’leo', 'huyện Buôn Đôn', 'huyện M’Đrắk', 'huyện Krông Năng', 'huyện Cư Kuin',
  'xã Ea Tu', 'xã Hòa Thắng', 'phường Tân Lập', 'phường Thành Công', 'xã Ea Kao', 'thị trấn Phước An', 'xã Cư Né',
]

export function generateRichPlan(count: number = BENCH_TASK_COUNT, seed = 20210524): Plan {
  const rng = mulberry32(seed)
  const base = buildCampaign2021Plan(BENCH_NOW)
  const templateTasks = Object.values(base.tasks).filter((t) => t.recurrence === null)
  const unitIds = base.units.map((u) => u.id)
  const tasks: Record<string, Task> = {}
  for (let i = 0; i < count; i += 1) {
    const task = templateTasks[i % templateTasks.length]!
    const place = PLACES[Math.floor(rng() * PLACES.length)]!
    // Fixed tasks may move a few days; anchored ones keep their dates (their anchor defines them).
    const shift = task.anchor.type === 'fixed' && task.allDay ? Math.floor(rng() * 5) - 2 : 0
    const id = `rich-task-${String(i + 1).padStart(5, '0')}`
    tasks[id] = {
      ...task,
      id,
      title: `${task.title} (${place})`,
      start: shift === 0 ? task.start : addDays(task.start, shift),
      end: shift === 0 ? task.end : addDays(task.end, shift),
      location: task.location || place,
      leadUnitId: task.leadUnitId ?? unitIds[Math.floor(rng() * unitIds.length)]!,
      createdAt: BENCH_NOW,
      updatedAt: BENCH_NOW,
    }
  }
  return { ...base, id: 'plan-rich-bench', name: 'Kế hoạch 10.000 nhiệm vụ đầy đủ (đo lưu trữ)', tasks }
}
