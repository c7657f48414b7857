/**
 * The campaign's phases, anchored to election day D like tasks. In 2021 (D = 23/05/2021) the campaign
 * began on 1/1 (D-142), peaked from 1/4 (D-52) to D, and went on until results were announced (the
 * National Assembly results deadline, D+20 under Law 85/2015). Source: election-timeline.md, "The
 * communication campaign of 2021", and the National Election Council's Q&A book (question 157).
 * The 31/3 | 1/4 split is our modelling of "peak from April", not a quoted date.
 */
import { addDays } from '@/domain/dates/local-date'
import { MILESTONE_RULES } from '@/domain/rules/election-laws'
import type { ElectionSettings, Phase } from '@/domain/types'

export const GENERAL_PHASE_START_OFFSET_DAYS = -142
export const PEAK_PHASE_START_OFFSET_DAYS = -52

const PHASE_SOURCE = {
  note: 'election-timeline.md: "từ tháng 01 năm 2021, cao điểm từ tháng 4 năm 2021 đến ngày bầu cử 23 tháng 5 năm 2021 và sau khi kết thúc bầu cử, công bố kết quả" (Hỏi đáp HĐBCQG, câu 157). Ranh giới 31/3 | 1/4 là cách mô hình hóa "cao điểm từ tháng 4", không phải ngày được trích dẫn.',
  urls: [],
  verified: 'partly' as const,
}

/** The day the last results are due under the law in force (phase 3 ends then). */
export function resultsDeadlineOffsetDays(election: Pick<ElectionSettings, 'law'>): number {
  const rule = MILESTONE_RULES.find((r) => r.id === 'results-national-assembly')
  return rule ? rule.offsets[election.law].offsetDays : 20
}

/** The three phases for an election, with the 2021 offsets. */
export function buildDefaultPhases(election: ElectionSettings): Phase[] {
  const d = election.electionDay
  const resultsOffset = resultsDeadlineOffsetDays(election)
  return [
    {
      id: 'phase-general',
      name: 'Tuyên truyền chung',
      nameEn: 'General communication',
      start: addDays(d, GENERAL_PHASE_START_OFFSET_DAYS),
      end: addDays(d, PEAK_PHASE_START_OFFSET_DAYS),
      startOffsetDays: GENERAL_PHASE_START_OFFSET_DAYS,
      endOffsetDays: PEAK_PHASE_START_OFFSET_DAYS,
      focus: 'Ý nghĩa cuộc bầu cử, Hiến pháp và Luật Bầu cử, tiêu chuẩn người ứng cử',
      source: PHASE_SOURCE,
    },
    {
      id: 'phase-peak',
      name: 'Cao điểm',
      nameEn: 'Peak',
      start: addDays(d, PEAK_PHASE_START_OFFSET_DAYS),
      end: addDays(d, 1),
      startOffsetDays: PEAK_PHASE_START_OFFSET_DAYS,
      endOffsetDays: 1,
      focus: 'Quyền và nghĩa vụ của cử tri, danh sách người ứng cử, không khí ngày hội (từ 1/5)',
      source: PHASE_SOURCE,
    },
    {
      id: 'phase-after',
      name: 'Sau bầu cử',
      nameEn: 'After the election',
      start: addDays(d, 1),
      end: addDays(d, resultsOffset + 1),
      startOffsetDays: 1,
      endOffsetDays: resultsOffset + 1,
      focus: 'Kết quả bầu cử, cảm ơn cử tri, tháo dỡ trực quan',
      source: PHASE_SOURCE,
    },
  ]
}
