import { describe, expect, it } from 'vitest'
import { computeMilestones, milestoneOffsetLabel } from '@/domain/rules/milestones'
import { MILESTONE_RULES } from '@/domain/rules/election-laws'
import type { ElectionSettings } from '@/domain/types'

const ELECTION_2021: ElectionSettings = { name: '', nameEn: '', electionDay: '2021-05-23', law: 'law-85-2015', announcedOn: '2020-11-17' }
const ELECTION_2026: ElectionSettings = { name: '', nameEn: '', electionDay: '2026-03-15', law: 'law-85-2015-amended-83-2025', announcedOn: '2025-05-21' }

const dates = (election: ElectionSettings) => Object.fromEntries(computeMilestones(election).map((m) => [m.id, m.date]))

describe('legal milestones', () => {
  it('has every row of the reference table, once', () => {
    expect(MILESTONE_RULES.map((r) => r.order)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1))
    expect(new Set(MILESTONE_RULES.map((r) => r.id)).size).toBe(21)
  })

  it('gives the 2021 dates of the reference (Law 85/2015, D = 23/05/2021)', () => {
    expect(dates(ELECTION_2021)).toEqual({
      'election-announced': '2020-11-17',
      'composition-planned': '2021-02-07',
      'election-committees-formed': '2021-02-07',
      'consultation-1': '2021-02-17',
      'constituencies-announced': '2021-03-04',
      'election-boards-formed': '2021-03-14',
      'candidate-dossier-deadline': '2021-03-14',
      'consultation-2': '2021-03-19',
      'polling-teams-formed': '2021-04-03',
      'voter-lists-posted': '2021-04-13',
      'consultation-3': '2021-04-18',
      'consultation-3-minutes-sent': '2021-04-23',
      'official-candidate-lists': '2021-04-28',
      'candidate-lists-posted': '2021-05-03',
      'candidate-complaints-closed': '2021-05-13',
      'polling-notice': '2021-05-13',
      'campaigning-ends': '2021-05-22',
      'election-day': '2021-05-23',
      're-vote-deadline': '2021-06-07',
      'results-peoples-councils': '2021-06-02',
      'results-national-assembly': '2021-06-12',
    })
  })

  it('gives the 2026 cross-check dates of the reference (amended law, D = 15/03/2026)', () => {
    const d = dates(ELECTION_2026)
    expect(d['election-committees-formed']).toBe('2025-11-30')
    expect(d['consultation-1']).toBe('2025-12-10')
    expect(d['constituencies-announced']).toBe('2025-12-25')
    expect(d['election-boards-formed']).toBe('2026-01-04')
    expect(d['polling-teams-formed']).toBe('2026-01-31')
    expect(d['candidate-dossier-deadline']).toBe('2026-02-01')
    expect(d['consultation-2']).toBe('2026-02-03')
    expect(d['voter-lists-posted']).toBe('2026-02-03')
    expect(d['consultation-3']).toBe('2026-02-20')
    expect(d['consultation-3-minutes-sent']).toBe('2026-02-22')
    expect(d['official-candidate-lists']).toBe('2026-02-26')
    expect(d['candidate-lists-posted']).toBe('2026-02-27')
    expect(d['candidate-complaints-closed']).toBe('2026-03-05')
    expect(d['campaigning-ends']).toBe('2026-03-14')
    expect(d['re-vote-deadline']).toBe('2026-03-22')
    expect(d['results-national-assembly']).toBe('2026-03-25')
  })

  it('sorts by computed date, so polling teams come before the dossier deadline under the amended law', () => {
    const ids = computeMilestones(ELECTION_2026).map((m) => m.id)
    expect(ids.indexOf('polling-teams-formed')).toBeLessThan(ids.indexOf('candidate-dossier-deadline'))
    const all = computeMilestones(ELECTION_2026).map((m) => m.date)
    expect(all).toEqual([...all].sort())
  })

  it('uses the D-115 deadline when the announcement day is unknown, and marks deadlines and times', () => {
    const milestones = computeMilestones({ ...ELECTION_2021, announcedOn: null })
    const announced = milestones.find((m) => m.id === 'election-announced')!
    expect(announced.date).toBe('2021-01-28')
    expect(announced.timing).toBe('deadline')
    const notice = milestones.find((m) => m.id === 'polling-notice')!
    expect([notice.date, notice.endDate]).toEqual(['2021-05-13', '2021-05-23'])
    expect(milestones.find((m) => m.id === 'campaigning-ends')!.time).toBe('07:00')
  })

  it('labels the announcement with the real offset of the day it was announced, and the rule beside it', () => {
    const label = (election: ElectionSettings, id: string) => milestoneOffsetLabel(computeMilestones(election).find((m) => m.id === id)!)
    expect(label(ELECTION_2021, 'election-announced')).toBe('D-187 (≤ D-115)')
    expect(label(ELECTION_2026, 'election-announced')).toBe('D-298 (≤ D-115)')
    expect(label({ ...ELECTION_2021, announcedOn: null }, 'election-announced')).toBe('D-115')
    expect(label(ELECTION_2021, 'consultation-1')).toBe('D-95')
  })
})
