/**
 * The legal milestones of an election of the National Assembly and People's Councils, as offsets
 * from election day D, under Law 85/2015/QH13 as enacted and as amended by Law 83/2025/QH15.
 * Source: shared/reference/election-timeline.md (table "Legal milestones"), rows 1–21.
 *
 * `deadline` means the law sets a latest day ("chậm nhất", ≤) rather than a fixed day.
 */
import type { ElectionLaw } from '@/domain/types'

export type MilestoneTiming = 'on' | 'deadline' | 'range'

export interface MilestoneOffset {
  offsetDays: number
  timing: MilestoneTiming
  /** Last day (inclusive) of a 'range' milestone, as an offset from D. */
  endOffsetDays?: number
  /** Wall-clock time, when the law sets one (campaigning ends at 07:00 on D-1). */
  time?: string
}

export interface MilestoneRule {
  id: string
  order: number
  nameVi: string
  nameEn: string
  /** Articles of Law 85/2015 (consolidated numbering). */
  articles: string
  offsets: Record<ElectionLaw, MilestoneOffset>
  /** Communication work that is campaigning must not run from this milestone to the close of voting. */
  noteVi?: string
  noteEn?: string
}

export const LAW_LABELS: Record<ElectionLaw, { vi: string; en: string }> = {
  'law-85-2015': { vi: 'Luật số 85/2015/QH13', en: 'Law 85/2015/QH13' },
  'law-85-2015-amended-83-2025': {
    vi: 'Luật số 85/2015/QH13, sửa đổi bởi Luật số 83/2025/QH15',
    en: 'Law 85/2015/QH13 as amended by Law 83/2025/QH15',
  },
}

/** Art. 5: election day is announced at least this many days ahead. */
export const MIN_ANNOUNCEMENT_LEAD_DAYS = 115

function same(offset: MilestoneOffset): Record<ElectionLaw, MilestoneOffset> {
  return { 'law-85-2015': offset, 'law-85-2015-amended-83-2025': offset }
}

function changed(before: MilestoneOffset, after: MilestoneOffset): Record<ElectionLaw, MilestoneOffset> {
  return { 'law-85-2015': before, 'law-85-2015-amended-83-2025': after }
}

export const MILESTONE_RULES: readonly MilestoneRule[] = [
  {
    id: 'election-announced', order: 1, articles: '5',
    nameVi: 'Công bố ngày bầu cử', nameEn: 'Election day announced',
    offsets: same({ offsetDays: -115, timing: 'deadline' }),
  },
  {
    id: 'composition-planned', order: 2, articles: '8, 9',
    nameVi: 'Dự kiến cơ cấu, thành phần, số lượng người được giới thiệu ứng cử',
    nameEn: 'Planned composition of deputies',
    offsets: same({ offsetDays: -105, timing: 'on' }),
  },
  {
    id: 'election-committees-formed', order: 3, articles: '22',
    nameVi: 'Thành lập Ủy ban bầu cử', nameEn: 'Election committees formed',
    offsets: same({ offsetDays: -105, timing: 'on' }),
  },
  {
    id: 'consultation-1', order: 4, articles: '38, 39, 50',
    nameVi: 'Hội nghị hiệp thương lần thứ nhất', nameEn: '1st consultation conference',
    offsets: same({ offsetDays: -95, timing: 'on' }),
  },
  {
    id: 'constituencies-announced', order: 5, articles: '10',
    nameVi: 'Công bố đơn vị bầu cử', nameEn: 'Constituencies announced',
    offsets: same({ offsetDays: -80, timing: 'on' }),
  },
  {
    id: 'election-boards-formed', order: 6, articles: '24',
    nameVi: 'Thành lập Ban bầu cử', nameEn: 'Election boards formed',
    offsets: same({ offsetDays: -70, timing: 'on' }),
  },
  {
    id: 'candidate-dossier-deadline', order: 7, articles: '35',
    nameVi: 'Hạn nộp hồ sơ ứng cử', nameEn: 'Candidate dossier deadline',
    offsets: changed({ offsetDays: -70, timing: 'deadline' }, { offsetDays: -42, timing: 'deadline' }),
  },
  {
    id: 'consultation-2', order: 8, articles: '43, 44, 53',
    nameVi: 'Hội nghị hiệp thương lần thứ hai', nameEn: '2nd consultation conference',
    offsets: changed({ offsetDays: -65, timing: 'on' }, { offsetDays: -40, timing: 'on' }),
  },
  {
    id: 'polling-teams-formed', order: 9, articles: '25',
    nameVi: 'Thành lập Tổ bầu cử', nameEn: 'Polling teams formed',
    offsets: changed({ offsetDays: -50, timing: 'on' }, { offsetDays: -43, timing: 'on' }),
  },
  {
    id: 'voter-lists-posted', order: 10, articles: '32',
    nameVi: 'Niêm yết danh sách cử tri', nameEn: 'Voter lists posted',
    offsets: same({ offsetDays: -40, timing: 'on' }),
  },
  {
    id: 'consultation-3', order: 11, articles: '48, 49, 56',
    nameVi: 'Hội nghị hiệp thương lần thứ ba', nameEn: '3rd consultation conference',
    offsets: changed({ offsetDays: -35, timing: 'on' }, { offsetDays: -23, timing: 'on' }),
  },
  {
    id: 'consultation-3-minutes-sent', order: 12, articles: '57, 58',
    nameVi: 'Gửi biên bản hiệp thương lần thứ ba', nameEn: '3rd-consultation minutes sent',
    offsets: changed({ offsetDays: -30, timing: 'on' }, { offsetDays: -21, timing: 'on' }),
  },
  {
    id: 'official-candidate-lists', order: 13, articles: '57, 58',
    nameVi: 'Công bố danh sách chính thức những người ứng cử', nameEn: 'Official candidate lists announced',
    offsets: changed({ offsetDays: -25, timing: 'on' }, { offsetDays: -17, timing: 'on' }),
    noteVi: 'Bắt đầu vận động bầu cử', noteEn: 'Campaigning for candidates begins',
  },
  {
    id: 'candidate-lists-posted', order: 14, articles: '57(7), 59',
    nameVi: 'Niêm yết danh sách người ứng cử', nameEn: 'Candidate lists posted at polling areas',
    offsets: changed({ offsetDays: -20, timing: 'on' }, { offsetDays: -16, timing: 'on' }),
  },
  {
    id: 'candidate-complaints-closed', order: 15, articles: '61',
    nameVi: 'Ngừng xem xét, giải quyết khiếu nại về người ứng cử', nameEn: 'Complaints about candidates no longer handled',
    offsets: same({ offsetDays: -10, timing: 'on' }),
  },
  {
    id: 'polling-notice', order: 16, articles: '70',
    nameVi: 'Thông báo thời gian, địa điểm bỏ phiếu (thường xuyên)', nameEn: 'Voters notified of time and place (regularly)',
    offsets: same({ offsetDays: -10, timing: 'range', endOffsetDays: 0 }),
  },
  {
    id: 'campaigning-ends', order: 17, articles: '64',
    nameVi: 'Kết thúc vận động bầu cử (07:00)', nameEn: 'Campaigning ends (07:00)',
    offsets: same({ offsetDays: -1, timing: 'on', time: '07:00' }),
    noteVi: 'Không tổ chức hoạt động vận động bầu cử từ 07:00 ngày D-1 đến khi kết thúc bỏ phiếu',
    noteEn: 'No campaigning from 07:00 on D-1 until voting closes',
  },
  {
    id: 'election-day', order: 18, articles: '71',
    nameVi: 'Ngày bầu cử (07:00–19:00)', nameEn: 'Election day (07:00–19:00)',
    offsets: same({ offsetDays: 0, timing: 'on', time: '07:00' }),
  },
  {
    id: 're-vote-deadline', order: 19, articles: '79, 80',
    nameVi: 'Bầu cử thêm, bầu cử lại (hạn chót)', nameEn: 'Additional vote / re-vote deadline',
    offsets: changed({ offsetDays: 15, timing: 'deadline' }, { offsetDays: 7, timing: 'deadline' }),
  },
  {
    id: 'results-peoples-councils', order: 20, articles: '86',
    nameVi: 'Công bố kết quả bầu cử đại biểu HĐND', nameEn: "People's Council results announced",
    offsets: same({ offsetDays: 10, timing: 'deadline' }),
  },
  {
    id: 'results-national-assembly', order: 21, articles: '86',
    nameVi: 'Công bố kết quả bầu cử đại biểu Quốc hội', nameEn: 'National Assembly results announced',
    offsets: changed({ offsetDays: 20, timing: 'deadline' }, { offsetDays: 10, timing: 'deadline' }),
  },
]
