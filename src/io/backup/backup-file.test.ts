import { describe, expect, it } from 'vitest'
import { BACKUP_FILE_VERSION, backupFileName, parseBackup, serializeBackup } from '@/io/backup/backup-file'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'

const plan = buildCampaign2021Plan(1234)

describe('JSON backup file', () => {
  it('round-trips a plan without loss', () => {
    const text = serializeBackup([plan], new Date('2026-11-22T03:00:00Z'))
    const parsed = parseBackup(text)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(parsed.plans).toEqual([plan])
    expect(JSON.parse(text)).toMatchObject({ type: 'election-campaign-planner/backup', version: BACKUP_FILE_VERSION, exportedAt: '2026-11-22T03:00:00.000Z' })
  })

  it('refuses what is not a backup, and a newer file version', () => {
    expect(parseBackup('{')).toEqual({ ok: false, error: 'notJson' })
    expect(parseBackup('{"type":"other"}')).toEqual({ ok: false, error: 'notBackup' })
    expect(parseBackup(JSON.stringify({ type: 'election-campaign-planner/backup', version: 99, data: {} }))).toMatchObject({ ok: false, error: 'newerVersion', version: 99 })
    expect(parseBackup(JSON.stringify({ type: 'election-campaign-planner/backup', version: 1, data: { plans: [1, 2] } }))).toEqual({ ok: false, error: 'noPlans' })
  })

  it('names the file for what it is', () => {
    expect(backupFileName([plan], '2026-11-22')).toBe('ke-hoach-tuyen-truyen-bau-cu-2021-sao-luu-2026-11-22.json')
    expect(backupFileName([plan, { ...plan, id: 'other' }], '2026-11-22')).toBe('ke-hoach-tuyen-truyen-bau-cu-tat-ca-sao-luu-2026-11-22.json')
  })

  it('holds several plans, in order, and reads every one back', () => {
    const second = { ...buildCampaign2021Plan(5678), id: 'plan-2', name: 'Kế hoạch huyện' }
    const parsed = parseBackup(serializeBackup([second, plan], new Date('2026-11-22T03:00:00Z')))
    expect(parsed.ok && parsed.plans).toEqual([second, plan])
  })
})
