import { describe, expect, it } from 'vitest'
import { updateTask, deleteTask, addUnit } from '@/domain/plan/plan-ops'
import { emptyReport } from '@/domain/plan/restore-plan'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import {
  applyRemoteChange, diffPlanDocuments, documentsToPlan, parseRemoteDocuments, parseTaskDocument, serializePlanDocuments,
  serializeTaskDocument, SETTINGS_DOC_ID, taskDocId, taskIdOfDoc, type IncomingDocument,
} from '@/domain/sync/plan-documents'
import { parseDatabaseAddress } from '@/domain/sync/database-address'
import { rebasePlanOnRemote } from '@/domain/sync/rebase-history'

const plan = buildCampaign2021Plan(1_600_000_000_000)
const [firstId, secondId] = Object.keys(plan.tasks)

describe('plan documents', () => {
  it('one document per task with the task id as _id, plus one settings document', () => {
    const docs = serializePlanDocuments(plan)
    expect(docs).toHaveLength(Object.keys(plan.tasks).length + 1)
    expect(docs[0]!._id).toBe(SETTINGS_DOC_ID)
    expect(docs.map((d) => d._id)).toContain(firstId)
    expect(docs[0]).not.toHaveProperty('tasks')
    expect(docs[0]).not.toHaveProperty('updatedAt')
  })

  it('round-trips a plan through its documents', () => {
    const docs = JSON.parse(JSON.stringify(serializePlanDocuments(plan))) as IncomingDocument[]
    const report = emptyReport()
    const back = documentsToPlan({ ...plan, tasks: {}, units: [] }, docs, report)
    expect(back.tasks).toEqual(plan.tasks)
    expect(back.units).toEqual(plan.units)
    expect(back.election).toEqual(plan.election)
    expect(report.details).toEqual([])
  })

  it('ids CouchDB reserves are prefixed and read back', () => {
    expect(taskDocId('_odd')).toBe('task~_odd')
    expect(taskIdOfDoc(taskDocId('_odd'))).toBe('_odd')
    expect(taskDocId(SETTINGS_DOC_ID)).not.toBe(SETTINGS_DOC_ID)
  })

  it('the diff names only the changed tasks, the deleted ones, and a settings change', () => {
    const edited = updateTask(plan, firstId!, { title: 'x' }, 2)
    const deleted = deleteTask(edited, secondId!, 3)
    const diff = diffPlanDocuments(plan, deleted)
    expect(diff.changedTasks.map((t) => t.id)).toEqual([firstId])
    expect(diff.deletedTaskIds).toEqual([secondId])
    expect(diff.settingsChanged).toBe(false)
    expect(diffPlanDocuments(plan, addUnit(plan, 'Huyện A', 4)).settingsChanged).toBe(true)
    // An undo brings back an equal copy: no change to write.
    expect(diffPlanDocuments(plan, { ...plan, tasks: { ...plan.tasks, [firstId!]: { ...plan.tasks[firstId!]! } } }).changedTasks).toEqual([])
  })

  it('a bad document from the server is skipped and counted, never applied', () => {
    const report = emptyReport()
    const good = serializeTaskDocument({ ...plan.tasks[firstId!]!, title: 'from server' })
    const docs: IncomingDocument[] = [
      { _id: 'broken', type: 'task', start: 'not a date' },
      { _id: 'not-a-task', type: 'something' },
      { ...serializeTaskDocument(plan.tasks[secondId!]!), id: 'another-id' } as unknown as IncomingDocument,
      good as unknown as IncomingDocument,
      { _id: secondId!, _deleted: true },
    ]
    const change = parseRemoteDocuments(docs, report)
    expect(change.put.map((t) => t.title)).toEqual(['from server'])
    expect(change.deleted).toEqual([secondId])
    expect(report.details.filter((d) => d.outcome === 'dropped')).toHaveLength(3)
    const next = applyRemoteChange(plan, change)
    expect(next.tasks[firstId!]!.title).toBe('from server')
    expect(next.tasks[secondId!]).toBeUndefined()
    expect(Object.keys(next.tasks)).not.toContain('broken')
  })

  it('a settings document that cannot be read leaves the plan as it was', () => {
    const report = emptyReport()
    const change = parseRemoteDocuments([{ _id: SETTINGS_DOC_ID, type: 'plan-settings', election: { electionDay: 'never' } }], report)
    expect(applyRemoteChange(plan, change, report).election).toEqual(plan.election)
    expect(report.details.length).toBeGreaterThan(0)
  })

  it('a task document is read through restore (bad fields repaired, unknown ones kept)', () => {
    const doc = { ...serializeTaskDocument(plan.tasks[firstId!]!), status: 'weird', extra: 'kept' }
    const task = parseTaskDocument(doc)!
    expect(task.status).toBe('planned')
    expect((task as unknown as { extra: string }).extra).toBe('kept')
    expect(task).not.toHaveProperty('_id')
    expect(task).not.toHaveProperty('type')
  })
})

describe('database address', () => {
  it('splits a server and a database', () => {
    expect(parseDatabaseAddress('https://couchdb.example.gov.vn/kh-tuyen-truyen-2026')).toEqual({ serverUrl: 'https://couchdb.example.gov.vn', database: 'kh-tuyen-truyen-2026' })
    expect(parseDatabaseAddress('http://127.0.0.1:5984/couch/plan_1/')).toEqual({ serverUrl: 'http://127.0.0.1:5984/couch', database: 'plan_1' })
    expect(parseDatabaseAddress('ftp://x/db')).toBeNull()
    expect(parseDatabaseAddress('https://x/Bad')).toBeNull()
    expect(parseDatabaseAddress('not a url')).toBeNull()
  })
})

describe('undo history rebased on remote work', () => {
  it('a past state takes the remote task and keeps its own local differences', () => {
    const past = updateTask(plan, secondId!, { title: 'my older local title' }, 5)
    const before = plan
    const after = { ...plan, tasks: { ...plan.tasks, [firstId!]: { ...plan.tasks[firstId!]!, title: 'from the other office' } } }
    const rebased = rebasePlanOnRemote(past, before, after)
    expect(rebased.tasks[firstId!]!.title).toBe('from the other office')
    expect(rebased.tasks[secondId!]!.title).toBe('my older local title')
    expect(rebasePlanOnRemote(past, before, before)).toBe(past)
  })
})
