import { describe, expect, it } from 'vitest'
import { buildCampaign2021Plan } from '@/domain/templates/campaign-2021'
import { buildMilestoneRows } from '@/io/schedule-table/milestone-table'

const plan = buildCampaign2021Plan(1234)

describe('milestone table', () => {
  it('lists the legal milestones as the 2021 provincial schedules did', () => {
    const rows = buildMilestoneRows(plan, 'vi')
    expect(rows).toHaveLength(21)
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1))
    const byId = new Map(rows.map((r) => [r.milestoneId, r]))
    expect(byId.get('voter-lists-posted')).toMatchObject({ offsetLabel: 'Trước 40 ngày (D-40)', dateLabel: '13/04/2021', isDeadline: false })
    expect(byId.get('election-day')).toMatchObject({ offsetLabel: 'Ngày bầu cử (D)', dateLabel: '23/05/2021 07:00' })
    expect(byId.get('results-peoples-councils')).toMatchObject({ offsetLabel: 'Sau 10 ngày (D+10)', dateLabel: '≤ 02/06/2021', isDeadline: true })
    expect(byId.get('polling-notice')).toMatchObject({ offsetLabel: 'Từ trước 10 ngày đến ngày bầu cử (D-10 – D)', dateLabel: '13/05/2021 – 23/05/2021', endDate: '2021-05-23' })
    // The real announcement day is a fact, not a deadline.
    expect(byId.get('election-announced')).toMatchObject({ dateLabel: '17/11/2020', isDeadline: false, offsetLabel: 'Trước 187 ngày (D-187)' })
    expect(buildMilestoneRows(plan, 'en').find((r) => r.milestoneId === 'voter-lists-posted')).toMatchObject({ offsetLabel: '40 days before (D-40)', name: 'Voter lists posted' })
  })
})
