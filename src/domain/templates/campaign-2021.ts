/**
 * The embedded default: the 2021 campaign for the election of the 15th National Assembly and the
 * People's Councils 2021-2026 (D = Sunday 23/05/2021, Law 85/2015/QH13, announced by Resolution
 * 133/2020/QH14 of 17/11/2020). What a new machine opens on.
 */
import { buildDefaultPhases } from '@/domain/templates/phases'
import { buildTemplateChannels, buildTemplateTask, buildTemplateUnits } from '@/domain/templates/build-plan'
import { CAMPAIGN_2021_TASK_SEEDS } from '@/domain/templates/campaign-2021-tasks'
import type { DocumentDetails, ElectionSettings, EpochMs, Plan, Task } from '@/domain/types'

export const CAMPAIGN_2021_TEMPLATE_ID = 'vn-2021'
export const DEFAULT_PLAN_ID = 'plan-vn-2021'
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh'

export const ELECTION_2021: ElectionSettings = {
  name: 'Bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026',
  nameEn: 'Election of the 15th National Assembly and People’s Councils 2021-2026',
  electionDay: '2021-05-23',
  law: 'law-85-2015',
  announcedOn: '2020-11-17',
}

/** Document details of the sample plan: a provincial election committee's plan, number left blank. */
export const DOCUMENT_2021: DocumentDetails = {
  parentAgency: 'UBND TỈNH',
  issuingAgency: 'ỦY BAN BẦU CỬ TỈNH',
  agencyCode: 'UBBC',
  number: '',
  place: '',
  issuedOn: null,
  subject: 'Thông tin, tuyên truyền cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026',
  purpose: [
    'Tuyên truyền sâu rộng để cử tri hiểu rõ ý nghĩa, tầm quan trọng của cuộc bầu cử; quyền và nghĩa vụ của công dân trong bầu cử; tiêu chuẩn người ứng cử.',
    'Công tác thông tin, tuyên truyền được tiến hành từ tháng 01/2021, cao điểm từ tháng 4/2021 đến ngày bầu cử 23/5/2021 và sau khi kết thúc bầu cử, công bố kết quả; bảo đảm thiết thực, hiệu quả, phù hợp với từng đối tượng, địa bàn.',
    'Kịp thời đấu tranh, phản bác các quan điểm sai trái, xuyên tạc lợi dụng bầu cử để chống phá.',
  ].join('\n'),
  signerAuthority: 'TM. ỦY BAN BẦU CỬ',
  signerTitle: 'CHỦ TỊCH',
  signerName: '',
  recipients: ['Hội đồng bầu cử quốc gia (b/c)', 'Thường trực Tỉnh ủy (b/c)', 'Các thành viên Ủy ban bầu cử tỉnh', 'Các sở, ban, ngành, đoàn thể tỉnh', 'Ủy ban bầu cử các huyện, thị xã, thành phố'],
  draftingUnitCode: 'TBTT',
}

/** A fresh copy of the 2021 plan (`now` stamps createdAt/updatedAt). */
export function buildCampaign2021Plan(now: EpochMs): Plan {
  const tasks: Record<string, Task> = {}
  for (const seed of CAMPAIGN_2021_TASK_SEEDS) {
    const task = buildTemplateTask(CAMPAIGN_2021_TEMPLATE_ID, seed, ELECTION_2021, now)
    tasks[task.id] = task
  }
  return {
    id: DEFAULT_PLAN_ID,
    name: 'Kế hoạch tuyên truyền bầu cử 2021 (mẫu cấp tỉnh)',
    level: 'province',
    locality: '',
    parentPlanId: null,
    timeZone: VIETNAM_TIME_ZONE,
    election: ELECTION_2021,
    document: DOCUMENT_2021,
    checks: { maxTasksPerUnitPerDay: 5, dismissed: {} },
    phases: buildDefaultPhases(ELECTION_2021),
    units: buildTemplateUnits(now),
    channels: buildTemplateChannels(now),
    tasks,
    deletedTasks: {},
    createdAt: now,
    updatedAt: now,
  }
}
