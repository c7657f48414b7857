/**
 * "Theo dõi kế hoạch cấp trên" (issue 13, province → districts): which of a higher-level plan's
 * tasks are meant for a lower-level plan, and copying one of them into it.
 *
 * The rule ("meant for"), applied both to the replication (only those documents are pulled) and to
 * what is shown (the replica may hold a few more, see below):
 * - the `plan-settings` document (names of units, channels, phases; election day for D-n);
 * - a task whose `level` is this plan's level or a lower one (a district plan sees district and
 *   commune tasks: the same rule `defaultTasksForLevel` uses when a plan is derived);
 * - a task with no level (`null`): a task the province added itself (the task editor sets no level)
 *   is for every level below until someone says otherwise;
 * - a task this plan already holds a copy of (`derivedFromTaskId`), whatever its level: a district
 *   that took a province-level task keeps seeing what the province does with it.
 * Not meant for it: tasks of a higher level (national, province for a district plan) not copied.
 *
 * Deletions (CouchDB stubs with no fields) always pass, or a task deleted at the province would
 * stay in the follower's replica. A task the replica already holds passes too, so a task whose
 * level the province raises gets its new version (then hidden here by the rule).
 */
import { isPlainRecord } from '@/domain/plan/bounded-value'
import { newId } from '@/domain/plan/ids'
import { compareTitles } from '@/domain/plan/title-order'
import { SETTINGS_DOC_ID, taskIdOfDoc } from '@/domain/sync/plan-documents'
import { ADMIN_LEVELS, type AdminLevel, type EpochMs, type Plan, type Task } from '@/domain/types'

export interface FollowRule {
  /** The levels meant for this plan: its own and the lower ones. */
  levels: readonly AdminLevel[]
  /** Ids of the higher-level tasks this plan holds a copy of. */
  copiedTaskIds: ReadonlySet<string>
}

/** This level and the ones below it (`province` → province, district, commune). */
export function levelsMeantFor(level: AdminLevel): AdminLevel[] {
  return ADMIN_LEVELS.slice(ADMIN_LEVELS.indexOf(level))
}

/** The rule of a plan: its level, and the higher-level tasks it already copied. */
export function followRuleOf(plan: Pick<Plan, 'level' | 'tasks'>): FollowRule {
  const copiedTaskIds = new Set<string>()
  for (const task of Object.values(plan.tasks)) if (task.derivedFromTaskId) copiedTaskIds.add(task.derivedFromTaskId)
  return { levels: levelsMeantFor(plan.level), copiedTaskIds }
}

/** Whether a (restored) task of the higher-level plan is meant for the plan of `rule`. */
export function isTaskMeantFor(task: Pick<Task, 'id' | 'level'>, rule: FollowRule): boolean {
  return task.level === null || rule.levels.includes(task.level) || rule.copiedTaskIds.has(task.id)
}

/**
 * The replication's filter on a raw document from the server (anything, from anyone). `held`: ids
 * of the documents the follower's replica already has.
 */
export function isDocumentMeantFor(doc: unknown, rule: FollowRule, held: ReadonlySet<string> = new Set()): boolean {
  if (!isPlainRecord(doc) || typeof doc._id !== 'string') return false
  if (doc._id.startsWith('_design/') || doc._id.startsWith('_local/')) return false
  if (doc._id === SETTINGS_DOC_ID || doc._deleted === true || held.has(doc._id)) return true
  if (doc.type !== 'task') return false
  const level = doc.level ?? null
  if (level === null) return true
  if (typeof level === 'string' && (rule.levels as readonly string[]).includes(level)) return true
  return rule.copiedTaskIds.has(taskIdOfDoc(doc._id))
}

export interface FollowedTaskRow {
  task: Task
  /** The id of this plan's copy of the task, or null when it has none. */
  copyId: string | null
}

/** The higher-level plan's tasks meant for `plan`, by start then title, each with this plan's copy. */
export function listFollowedTasks(followed: Pick<Plan, 'tasks'>, plan: Pick<Plan, 'level' | 'tasks'>): FollowedTaskRow[] {
  const rule = followRuleOf(plan)
  const copies = new Map<string, string>()
  for (const task of Object.values(plan.tasks)) if (task.derivedFromTaskId && !copies.has(task.derivedFromTaskId)) copies.set(task.derivedFromTaskId, task.id)
  return Object.values(followed.tasks)
    .filter((task) => isTaskMeantFor(task, rule))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : compareTitles(a.title, b.title)))
    .map((task) => ({ task, copyId: copies.get(task.id) ?? null }))
}

/** The id in `mine` of the item `id` of the higher-level plan: the same id, else the same name; null when neither. */
function matchByIdOrName<T extends { id: string; name: string }>(mine: readonly T[], theirs: readonly T[], id: string): string | null {
  if (mine.some((item) => item.id === id)) return id
  const name = theirs.find((item) => item.id === id)?.name
  if (name === undefined) return null
  return mine.find((item) => item.name.trim().toLocaleLowerCase('vi') === name.trim().toLocaleLowerCase('vi'))?.id ?? null
}

/**
 * Copies a higher-level task into `plan` as a new task of its own (`derivedFromTaskId` = the
 * source's id; status planned, not done), or returns `plan` unchanged when it already has a copy.
 * The copy's lead/support units and channel are this plan's own with the same id or name; one this
 * plan does not have is added from the higher-level plan (as `derivePlan` keeps a parent unit a
 * copied task names), so no task loses its unit. Pure: the caller makes it one undo step.
 */
export function copyFollowedTask(plan: Plan, source: Task, followed: Pick<Plan, 'units' | 'channels'>, now: EpochMs, id: string = newId('task')): Plan {
  if (Object.values(plan.tasks).some((task) => task.derivedFromTaskId === source.id)) return plan
  const units = [...plan.units]
  const channels = [...plan.channels]
  const unitFor = (unitId: string): string | null => {
    const matched = matchByIdOrName(units, followed.units, unitId)
    if (matched !== null) return matched
    const theirs = followed.units.find((unit) => unit.id === unitId)
    if (!theirs) return null
    units.push({ ...theirs, updatedAt: now })
    return theirs.id
  }
  const leadUnitId = source.leadUnitId === null ? null : unitFor(source.leadUnitId)
  const supportUnitIds = [...new Set(source.supportUnitIds.map(unitFor).filter((u): u is string => u !== null && u !== leadUnitId))]
  let channelId: string | null = null
  if (source.channelId !== null) {
    channelId = matchByIdOrName(channels, followed.channels, source.channelId)
    const theirs = followed.channels.find((channel) => channel.id === source.channelId)
    if (channelId === null && theirs) {
      channels.push({ ...theirs, updatedAt: now })
      channelId = theirs.id
    }
  }
  const copy: Task = {
    ...source, id, leadUnitId, supportUnitIds, channelId, derivedFromTaskId: source.id, status: 'planned', doneOn: null, createdAt: now, updatedAt: now,
  }
  return { ...plan, units, channels, tasks: { ...plan.tasks, [id]: copy }, updatedAt: now }
}
