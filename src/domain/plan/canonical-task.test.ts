import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readCanonicalTask } from '@/domain/plan/canonical-task'
import { compactTask } from '@/domain/plan/compact-plan'
import { emptyReport, reportHasChanges, restorePlan, restoreTask } from '@/domain/plan/restore-plan'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import type { Task } from '@/domain/types'

const plan = buildCampaign2021Plan(Date.UTC(2021, 0, 1))
/** The template's tasks as storage holds them (compact, id given back as restore does). */
const stored = Object.values(plan.tasks).map((task) => ({ ...compactTask(task), id: task.id }))
const plain = stored.filter((t) => !('recurrence' in t))
const TRAINING = { connectionPointCount: 3, connectionPoints: ['Xã A'], participantCount: null, participants: 'Cán bộ', topics: ['Luật'], presenters: [] }

/** What the schema makes of `raw`, and whether it changed anything. */
function bySchema(raw: unknown): { task: Task | null; changed: boolean } {
  const report = emptyReport()
  const task = restoreTask(raw, report)
  return { task, changed: reportHasChanges(report) }
}

const VALUES = [
  undefined, null, '', 'x', '2021-05-23', '2021-02-31', '2021-05-23T08:00:00+07:00', 0, -1, 1.5, Number.NaN, true, false, [], ['u1'], [1],
  {}, { type: 'fixed' }, { type: 'fixed', extra: 1 }, { type: 'election-day', offsetDays: -10 }, { type: 'election-day', offsetDays: 0.5 },
  { type: 'milestone', milestoneId: 'm', offsetDays: 2 }, { type: 'milestone', offsetDays: 2 }, 'done', 'planned', 'cancelled', 'bogus',
  'province', 'commune', { frequency: 'daily' }, '__proto__', TRAINING, { ...TRAINING, participantCount: -1 }, { ...TRAINING, topics: [1] },
  { note: 'n', urls: ['https://x'], verified: 'yes' }, { note: 'n', urls: [], verified: 'maybe' }, { note: 1, urls: [], verified: 'yes' },
]
const FIELDS = [
  'title', 'allDay', 'start', 'end', 'anchor', 'endAnchor', 'channelId', 'leadUnitId', 'supportUnitIds', 'location', 'quantity', 'status',
  'doneOn', 'description', 'training', 'recurrence', 'level', 'source', 'campaigning', 'derivedFromTaskId', 'createdAt', 'updatedAt', 'unknownField',
]

describe('readCanonicalTask', () => {
  it('takes the fast path for plain stored tasks and gives exactly what the schema gives', () => {
    expect(plain.length).toBeGreaterThan(20)
    for (const raw of plain) {
      const fast = readCanonicalTask(raw)
      const schema = bySchema(raw)
      expect(fast).not.toBeNull()
      expect(schema.changed).toBe(false)
      // Same keys in the same order, same values.
      expect(JSON.stringify(fast)).toBe(JSON.stringify(schema.task))
      expect(fast).toEqual(schema.task)
    }
  })

  it('takes a plain training and gives what the schema gives', () => {
    const raw = { ...plain[0]!, training: TRAINING }
    expect(JSON.stringify(readCanonicalTask(raw))).toBe(JSON.stringify(bySchema(raw).task))
    expect(bySchema(raw).changed).toBe(false)
  })

  it('leaves a recurrence, and a training or source with other fields, to the schema', () => {
    const base = plain[0]!
    expect(readCanonicalTask({ ...base, recurrence: { frequency: 'daily', interval: 1, weekdays: [], until: '2021-05-01', count: null, exceptions: {} } })).toBeNull()
    expect(readCanonicalTask({ ...base, training: { ...TRAINING, extra: 1 } })).toBeNull()
    expect(readCanonicalTask({ ...base, source: { note: '', urls: [] } })).toBeNull()
    expect(readCanonicalTask({ ...base, source: { note: '', urls: [1], verified: 'yes' } })).toBeNull()
  })

  it('never accepts a task the schema would repair, and otherwise agrees with it (one field changed at random)', () => {
    fc.assert(fc.property(
      fc.constantFrom(...plain), fc.constantFrom(...FIELDS), fc.constantFrom(...VALUES),
      (base, field, value) => {
        const raw: Record<string, unknown> = { ...base }
        if (value === undefined) delete raw[field]
        else raw[field] = value
        const fast = readCanonicalTask(raw)
        if (fast === null) return
        const schema = bySchema(raw)
        expect(schema.changed).toBe(false)
        expect(JSON.stringify(fast)).toBe(JSON.stringify(schema.task))
      },
    ), { numRuns: 3000, seed: 11 })
  })

  it('sends a task with a wrong field to the schema, which counts its repair', () => {
    const raw = { ...plain[0]!, status: 'bogus' }
    expect(readCanonicalTask(raw)).toBeNull()
    const report = emptyReport()
    const restored = restorePlan({ ...plan, tasks: { [raw.id]: raw } }, report)
    expect(restored?.tasks[raw.id]?.status).toBe('planned')
    expect(report.repairedTasks).toBe(1)
  })

  it('still counts a link restore drops from a task that took the fast path', () => {
    const raw = { ...plain[0]!, leadUnitId: 'unit-gone', supportUnitIds: ['unit-gone'] }
    expect(readCanonicalTask(raw)).not.toBeNull()
    const report = emptyReport()
    const restored = restorePlan({ ...plan, tasks: { [raw.id]: raw } }, report)
    expect(restored?.tasks[raw.id]).toMatchObject({ leadUnitId: null, supportUnitIds: [] })
    expect(report.repairedTasks).toBe(1)
    expect(report.details[0]?.fields).toEqual(['leadUnitId', 'supportUnitIds'])
  })

  it('never throws on garbage', () => {
    for (const raw of [null, 1, 'x', [], { id: 1 }, Object.create(null), { id: 't', start: '2021-01-01', end: '2021-01-01' }]) {
      expect(readCanonicalTask(raw)).toBeNull()
    }
  })
})
