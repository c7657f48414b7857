import { describe, expect, it } from 'vitest'
import { electionWarnings } from '@/domain/rules/election-checks'
import { ELECTION_2021 } from '@/domain/templates/campaign-2021'

describe('election settings warnings', () => {
  it('accepts 2021: a Sunday announced 187 days ahead', () => {
    expect(electionWarnings(ELECTION_2021)).toEqual([])
  })
  it('warns when election day is not a Sunday, or was announced less than 115 days ahead', () => {
    expect(electionWarnings({ ...ELECTION_2021, electionDay: '2021-05-22' })).toContain('not-sunday')
    expect(electionWarnings({ ...ELECTION_2021, announcedOn: '2021-01-29' })).toEqual(['announced-too-late'])
    expect(electionWarnings({ ...ELECTION_2021, announcedOn: '2021-01-28' })).toEqual([])
  })
})
