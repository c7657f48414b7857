/**
 * The communication channels of an election campaign (reference: "Channels and who usually leads
 * them", plus the contest and "other" rows of campaign-2021-tasks.md). Colours: one palette, each
 * dark enough that white text on it passes WCAG AA (contrast ≥ 4.5:1), checked in channels.test.ts.
 */
export const CHANNEL_KEYS = [
  'press', 'radio', 'visual', 'mobile', 'meetings', 'counter', 'print', 'contests', 'other',
] as const
export type ChannelKey = (typeof CHANNEL_KEYS)[number]

export interface ChannelSeed {
  key: ChannelKey
  name: string
  nameEn: string
  color: string
}

export const CHANNEL_SEEDS: readonly ChannelSeed[] = [
  { key: 'press', name: 'Báo chí, cổng thông tin điện tử', nameEn: 'Press and portals', color: '#1f5fa8' },
  { key: 'radio', name: 'Phát thanh, truyền hình, truyền thanh cơ sở', nameEn: 'Radio, TV and loudspeakers', color: '#6a3d9a' },
  { key: 'visual', name: 'Pano, áp phích, băng rôn, khẩu hiệu, cờ', nameEn: 'Panels, posters, banners, flags', color: '#b03a16' },
  { key: 'mobile', name: 'Tuyên truyền lưu động, văn nghệ, triển lãm', nameEn: 'Mobile propaganda and performances', color: '#2e7d32' },
  { key: 'meetings', name: 'Hội nghị, tập huấn', nameEn: 'Conferences and trainings', color: '#00695c' },
  { key: 'counter', name: 'Đấu tranh phản bác thông tin sai trái', nameEn: 'Countering false claims online', color: '#37474f' },
  { key: 'print', name: 'Tài liệu, ấn phẩm', nameEn: 'Printed material', color: '#8a5300' },
  { key: 'contests', name: 'Cuộc thi, hội thi', nameEn: 'Contests', color: '#ad1457' },
  { key: 'other', name: 'Chỉ đạo, kế hoạch, văn bản', nameEn: 'Direction, plans and documents', color: '#5d4037' },
]
