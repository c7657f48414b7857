import { describe, expect, it } from 'vitest'
import type { Plan } from '@/domain/types'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import { serializeBackup } from '@/io/backup/backup-file'
import { MAX_IMPORT_BYTES } from '@/io/import-limits'
import {
  assembleTaken, TAKE_PART_TASKS, type FinalAnswer, type ImportAnswer, type ImportRequest, type ReadResult, type TakenImport,
} from '@/features/import-export/utils/import-protocol'
import { createImportSession } from '@/features/import-export/utils/import-session'
import { createImportClient } from '@/features/import-export/utils/import-client'

const plan = buildCampaign2021Plan(1)
const NOW = Date.UTC(2021, 2, 1)

/** A session as the worker runs it, with every answer it posted. */
function session() {
  const answers: ImportAnswer[] = []
  const s = createImportSession((a) => answers.push(a), (() => { let t = 0; return () => (t += 1000) })())
  const ask = async (request: ImportRequest): Promise<FinalAnswer> => {
    await s.handle(request)
    const last = answers.filter((a) => a.id === request.id && a.type !== 'progress' && a.type !== 'take-part')
    expect(last).toHaveLength(1) // every request gets exactly one answer
    return last[0] as FinalAnswer
  }
  /** "Nhập": the tasks come in parts, then the answer that puts them back together. */
  const take = async (id: number, current: Plan | null): Promise<TakenImport> => {
    const answer = await ask({ type: 'take', id, plan: current, now: NOW })
    if (answer.type !== 'take') throw new Error('not a take answer')
    const parts = answers.filter((a) => a.id === id && a.type === 'take-part')
    return assembleTaken(answer, parts.flatMap((p) => (p.type === 'take-part' ? p.tasks : [])))
  }
  const read = async (text: string | Uint8Array, name: string, target: Plan = plan): Promise<ReadResult> => {
    const answer = await ask({ type: 'read', id: answers.length + 1, file: new Blob([text as BlobPart]), name, plan: target, now: NOW })
    if (answer.type !== 'read') throw new Error('not a read answer')
    return answer.result
  }
  return { answers, ask, read, take }
}

function backupWithOneNewerTask(): string {
  const edited = structuredClone(plan)
  const id = 'vn-2021-province-press-training'
  edited.tasks[id] = { ...edited.tasks[id]!, title: 'Tập huấn (đã sửa)', updatedAt: plan.tasks[id]!.updatedAt + 60_000 }
  return serializeBackup([edited], new Date(NOW))
}

const FOREIGN_CSV = [
  'KẾ HOẠCH TUYÊN TRUYỀN CÔNG TÁC BẦU CỬ NĂM 2021,,,,',
  'STT,Nội dung công việc,Thời gian thực hiện,Cơ quan chủ trì,Ghi chú',
  '1,Treo băng rôn khẩu hiệu,01/04 – 30/04/2021,Sở Văn hóa Thể thao và Du lịch,',
  '2,Hội nghị báo cáo viên cấp xã,Từ 10/05/2021 đến 12/05/2021,Ban Tuyên giáo Huyện ủy,Hội trường xã',
  '3,Phát thanh lưu động,32/13/2021,Đài Truyền thanh xã,',
].join('\r\n')

describe('the import worker’s protocol, without a worker', () => {
  it('previews a backup as counts only, and hands its plan over when it is applied', async () => {
    const { answers, read, take } = session()
    const result = await read(backupWithOneNewerTask(), 'sao-luu.json')
    const taskCount = Object.keys(plan.tasks).length
    expect(result).toMatchObject({
      ok: true,
      preview: {
        kind: 'own', format: 'json', problemCount: 0, newPlan: { name: plan.name, taskCount, planCount: 1 },
        counts: { merge: { added: 0, updated: 1, unchanged: taskCount - 1, removed: 0 }, replace: { added: 0, updated: 1, unchanged: taskCount - 1, removed: 0 } },
      },
    })
    // The restore report crosses as data, for the main thread to put into words.
    expect(result.ok && result.preview.kind === 'own' && result.preview.report).toMatchObject({ droppedTasks: 0, droppedOther: 0 })
    // No task crosses before "Nhập": the preview is small whatever the file.
    expect(JSON.stringify(result).length).toBeLessThan(1_000)
    expect(answers.filter((a) => a.type === 'progress').map((a) => a.type === 'progress' && a.stage)).toEqual(expect.arrayContaining(['reading', 'parsing', 'preview']))

    const taken = await take(99, null)
    expect(taken.wholePlan?.tasks['vn-2021-province-press-training']?.title).toBe('Tập huấn (đã sửa)')
    expect(Object.keys(taken.wholePlan?.tasks ?? {})).toEqual(Object.keys(plan.tasks))
  })

  it('hands over every plan of a backup of all plans, the open plan’s own first', async () => {
    const other = { ...structuredClone(plan), id: 'plan-district', name: 'Kế hoạch huyện' }
    const third = { ...structuredClone(plan), id: 'plan-commune', name: 'Kế hoạch xã', tasks: {} }
    const { read, take } = session()
    const result = await read(serializeBackup([other, plan, third], new Date(NOW)), 'sao-luu-tat-ca.json')
    expect(result.ok && result.preview.kind === 'own' && result.preview.newPlan).toEqual({ name: plan.name, taskCount: Object.keys(plan.tasks).length, planCount: 3 })
    const taken = await take(5, null)
    expect(taken.wholePlan?.id).toBe(plan.id)
    expect(taken.otherPlans.map((p) => [p.id, p.name, Object.keys(p.tasks).length])).toEqual([
      ['plan-district', 'Kế hoạch huyện', Object.keys(plan.tasks).length], ['plan-commune', 'Kế hoạch xã', 0],
    ])
  })

  it('hands a big plan over in parts no bigger than TAKE_PART_TASKS, so no message is a long task to receive', async () => {
    const big = structuredClone(plan)
    const template = Object.values(plan.tasks)[0]!
    for (let i = 0; i < 2_500; i += 1) big.tasks[`t-${i}`] = { ...template, id: `t-${i}`, title: `Nhiệm vụ ${i}` }
    const { answers, read, take } = session()
    const result = await read(serializeBackup([big], new Date(NOW)), 'lon.json')
    expect(result.ok && result.preview.kind === 'own' && result.preview.counts.merge.added).toBe(2_500)
    const taken = await take(7, null)
    const parts = answers.filter((a) => a.type === 'take-part')
    expect(parts.length).toBe(Math.ceil(Object.keys(big.tasks).length / TAKE_PART_TASKS))
    expect(parts.every((p) => p.type === 'take-part' && p.tasks.length <= TAKE_PART_TASKS)).toBe(true)
    expect(Object.keys(taken.wholePlan?.tasks ?? {})).toEqual(Object.keys(big.tasks))
    expect(taken.wholePlan?.tasks['t-2499']?.title).toBe('Nhiệm vụ 2499')
  })

  it('refuses a file over the byte limit before reading it, naming the size and the limit', async () => {
    const { answers, read } = session()
    const big = new Uint8Array(MAX_IMPORT_BYTES + 10)
    expect(await read(big, 'lon.json')).toEqual({ ok: false, failure: { kind: 'tooLarge', bytes: MAX_IMPORT_BYTES + 10, limit: MAX_IMPORT_BYTES } })
    expect(answers.some((a) => a.type === 'progress')).toBe(false)
  })

  it('answers bad files with typed failures, never with sentences', async () => {
    const { read } = session()
    expect(await read('{ không phải json', 'hong.json')).toEqual({ ok: false, failure: { kind: 'file', error: 'notJson' } })
    expect(await read('\x89PNG\r\n', 'anh.png')).toEqual({ ok: false, failure: { kind: 'file', error: 'unknownType' } })
    const newer = JSON.stringify({ type: 'election-campaign-planner/backup', version: 99, data: { plans: [] } })
    expect(await read(newer, 'moi.json')).toEqual({ ok: false, failure: { kind: 'newerVersion', version: 99 } })
  })

  it('previews a calendar and hands its tasks over on apply', async () => {
    const { answers, read, take } = session()
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//T//T//VI',
      'BEGIN:VEVENT', 'UID:a@t', 'DTSTAMP:20210301T000000Z', 'DTSTART;VALUE=DATE:20210510', 'DTEND;VALUE=DATE:20210512', 'SUMMARY:Hội nghị', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:b@t', 'DTSTAMP:20210301T000000Z', 'SUMMARY:Không có ngày', 'END:VEVENT',
      'END:VCALENDAR', ''].join('\r\n')
    const result = await read(ics, 'lich.ics')
    expect(result).toMatchObject({ ok: true, preview: { kind: 'own', format: 'ics', counts: { merge: { added: 1 } }, problemCount: 1, problems: [{ kind: 'icsSkipped', index: 1, reason: 'noStart' }] } })
    // The calendar's parse is counted in events (it reports two steps per event).
    expect(answers).toContainEqual(expect.objectContaining({ type: 'progress', stage: 'parsing', done: 2, total: 2, unit: 'events' }))
    const taken = await take(50, null)
    expect(taken.source?.tasks.map((t) => t.title)).toEqual(['Hội nghị'])
  })

  it('keeps a foreign sheet in the session: another header row or mapping is previewed there, and apply maps it on the current plan', async () => {
    const { ask, read, take } = session()
    const result = await read(`\uFEFF${FOREIGN_CSV}`, 'xa.csv')
    if (!result.ok || result.preview.kind !== 'foreign') throw new Error('expected a foreign sheet')
    const preview = result.preview
    expect(preview.sheet.headerRow).toBe(2)
    expect(preview.headerChoices.map((r) => r.number)).toEqual([1, 2, 3, 4, 5])
    expect(preview.mapping).toEqual({ 0: null, 1: 'title', 2: 'start', 3: 'lead', 4: 'description' })
    expect(preview.mapped).toMatchObject({ ok: true, taskCount: 2, errorCount: 1, errors: [{ row: 5, message: 'invalidStart' }] })
    expect(preview.counts?.merge.added).toBe(2)

    const titleRow = await ask({ type: 'map', id: 20, headerRow: 1, mapping: null })
    expect(titleRow.type === 'map' && titleRow.preview?.mapped).toMatchObject({ ok: false, missing: ['title', 'start'] })
    await ask({ type: 'map', id: 21, headerRow: 2, mapping: null })
    const moved = await ask({ type: 'map', id: 22, headerRow: null, mapping: { ...preview.mapping, 4: 'location' } })
    expect(moved.type === 'map' && moved.preview?.mapping[4]).toBe('location')

    const taken = await take(23, plan)
    if (!taken.source) throw new Error('nothing taken')
    const meeting = taken.source.tasks.find((t) => t.title === 'Hội nghị báo cáo viên cấp xã')
    expect(meeting).toMatchObject({ location: 'Hội trường xã', createdAt: NOW })
    expect(taken.source.units?.map((u) => u.name)).toEqual(['Ban Tuyên giáo Huyện ủy'])
  })

  it('warms up on a sample of the plan without answering', async () => {
    const answers: ImportAnswer[] = []
    await createImportSession((a) => answers.push(a)).handle({ type: 'warm', id: 1, sample: plan })
    expect(answers).toEqual([])
  })

  it('answers a mapping or an apply with nothing when no file was read', async () => {
    const { ask } = session()
    expect(await ask({ type: 'map', id: 1, headerRow: 1, mapping: null })).toEqual({ type: 'map', id: 1, preview: null })
    expect(await ask({ type: 'take', id: 2, plan: null, now: NOW })).toEqual({ type: 'take', id: 2, source: null, wholePlan: null, taskKeys: null, otherPlans: [] })
  })
})

describe('the import client on the main thread (no Worker)', () => {
  it('reads a file through the same session', async () => {
    const client = createImportClient({ useWorker: false })
    expect(client.inWorker).toBe(false)
    const stages: string[] = []
    const result = await client.read(new Blob([backupWithOneNewerTask()]), 'sao-luu.json', plan, NOW, (stage) => stages.push(stage))
    expect(result).toMatchObject({ ok: true, preview: { counts: { merge: { updated: 1 } } } })
    expect(stages).toContain('reading')
  })

  it('cancels a read: its promise gives null, and the next read starts afresh', async () => {
    const client = createImportClient({ useWorker: false })
    const pending = client.read(new Blob([backupWithOneNewerTask()]), 'sao-luu.json', plan, NOW)
    client.cancel()
    expect(await pending).toBeNull()
    expect(await client.take(null, NOW)).toEqual({ source: null, wholePlan: null, otherPlans: [] })
    expect(await client.read(new Blob(['{']), 'x.json', plan, NOW)).toEqual({ ok: false, failure: { kind: 'file', error: 'notJson' } })
  })
})
