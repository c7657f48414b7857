import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mergePlans } from '@/domain/plan/merge-plans'
import { addTask, deleteTask, emptyTaskDraft, updateTask } from '@/domain/plan/plan-ops'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'

const base = buildCampaign2021Plan(100)
const draft = (title: string) => ({ ...emptyTaskDraft('2021-05-05', '2021-05-06', true), title })

describe('merging two copies of a plan', () => {
  it('keeps the edits of both sides', () => {
    const a = addTask(base, draft('from A'), 200, 'a')
    const b = addTask(base, draft('from B'), 300, 'b')
    const merged = mergePlans(a, b)
    expect(merged.plan.tasks.a?.title).toBe('from A')
    expect(merged.plan.tasks.b?.title).toBe('from B')
    expect(merged.sameAsRemote).toBe(false)
    expect(merged.changedLocal).toBe(true)
  })

  it('lets the newer edit of the same task win', () => {
    const id = 'vn-2021-province-press-training'
    const older = updateTask(base, id, { title: 'older' }, 200)
    const newer = updateTask(base, id, { title: 'newer' }, 300)
    expect(mergePlans(older, newer).plan.tasks[id]!.title).toBe('newer')
    expect(mergePlans(newer, older).plan.tasks[id]!.title).toBe('newer')
  })

  it('does not resurrect a task deleted after the other side last edited it', () => {
    const id = 'vn-2021-province-press-training'
    const edited = updateTask(base, id, { title: 'edit' }, 200)
    const deleted = deleteTask(base, id, 300)
    expect(mergePlans(edited, deleted).plan.tasks[id]).toBeUndefined()
    expect(mergePlans(deleted, edited).plan.tasks[id]).toBeUndefined()
    // …but an edit made after the deletion wins.
    const laterEdit = updateTask(base, id, { title: 'later' }, 400)
    expect(mergePlans(deleted, laterEdit).plan.tasks[id]!.title).toBe('later')
  })

  it('says when the result is exactly the remote copy, so tabs do not echo', () => {
    const remote = addTask(base, draft('x'), 200, 'x')
    expect(mergePlans(base, remote).sameAsRemote).toBe(true)
    expect(mergePlans(remote, remote).changedLocal).toBe(false)
  })

  it('is symmetric: both tabs reach the same plan (property)', () => {
    const ids = ['vn-2021-province-press-training', 'vn-2021-national-online-training', 'n1', 'n2']
    const op = fc.record({ id: fc.constantFrom(...ids), kind: fc.constantFrom('edit', 'delete', 'add'), at: fc.integer({ min: 101, max: 120 }), title: fc.string() })
    fc.assert(fc.property(fc.array(op, { maxLength: 6 }), fc.array(op, { maxLength: 6 }), (opsA, opsB) => {
      const apply = (ops: typeof opsA) => ops.reduce((plan, o) => (
        o.kind === 'delete' ? deleteTask(plan, o.id, o.at)
          : o.kind === 'add' ? addTask(plan, draft(o.title), o.at, o.id)
            : updateTask(plan, o.id, { title: o.title }, o.at)), base)
      const a = apply(opsA)
      const b = apply(opsB)
      const ab = mergePlans(a, b).plan
      const ba = mergePlans(b, a).plan
      expect(ab.tasks).toEqual(ba.tasks)
      expect(ab.deletedTasks).toEqual(ba.deletedTasks)
      // Merging again changes nothing (tabs settle).
      expect(mergePlans(ab, ba).changedLocal).toBe(false)
    }), { numRuns: 300 })
  })
})
