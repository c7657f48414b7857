/**
 * Units that lead or support the campaign, as titled in 2021 sources (campaign-2021-tasks.md,
 * "Units typically involved at province level"). The template reads a named province as "a province",
 * so the names here are generic ("Sở Thông tin và Truyền thông", not "… Đắk Lắk").
 */
export const UNIT_SEEDS = {
  // national
  hdbcqg: 'Hội đồng bầu cử quốc gia',
  boNoiVu: 'Bộ Nội vụ',
  boTttt: 'Bộ Thông tin và Truyền thông',
  boTuPhap: 'Bộ Tư pháp',
  boVhttdl: 'Bộ Văn hóa, Thể thao và Du lịch',
  vtv: 'Đài Truyền hình Việt Nam',
  qpvn: 'Truyền hình Quốc phòng Việt Nam',
  ttxvn: 'Thông tấn xã Việt Nam',
  // province
  tinhUy: 'Tỉnh ủy',
  ubndTinh: 'Ủy ban nhân dân tỉnh',
  ubbcTinh: 'Ủy ban bầu cử tỉnh',
  tieuBanTt: 'Tiểu ban Thông tin - Tuyên truyền (Ủy ban bầu cử tỉnh)',
  banTuyenGiao: 'Ban Tuyên giáo Tỉnh ủy',
  banDanVan: 'Ban Dân vận Tỉnh ủy',
  soTttt: 'Sở Thông tin và Truyền thông',
  soVhttdl: 'Sở Văn hóa, Thể thao và Du lịch',
  soTuPhap: 'Sở Tư pháp',
  soNoiVu: 'Sở Nội vụ',
  mttqTinh: 'Ủy ban MTTQ Việt Nam tỉnh',
  baoTinh: 'Báo tỉnh',
  daiPtthTinh: 'Đài Phát thanh - Truyền hình tỉnh',
  congTtdt: 'Cổng thông tin điện tử tỉnh',
  ttVanHoa: 'Trung tâm Văn hóa - Nghệ thuật tỉnh',
  ttPhim: 'Trung tâm Phát hành phim và Chiếu bóng tỉnh',
  tinhDoan: 'Tỉnh đoàn',
  coQuanBaoChi: 'Các cơ quan báo chí',
  soNganh: 'Các sở, ban, ngành, đoàn thể tỉnh',
  // district
  ubndHuyen: 'Ủy ban nhân dân cấp huyện',
  phongVhtt: 'Phòng Văn hóa và Thông tin cấp huyện',
  ttVhttHuyen: 'Trung tâm Văn hóa, Thông tin và Thể thao cấp huyện',
  daiHuyen: 'Đài Truyền thanh - Truyền hình cấp huyện',
  // commune
  ubndXa: 'Ủy ban nhân dân cấp xã',
  daiXa: 'Đài truyền thanh cấp xã',
  mttqXa: 'Ủy ban MTTQ và các đoàn thể cấp xã',
  toBauCu: 'Tổ bầu cử',
} as const

export type UnitKey = keyof typeof UNIT_SEEDS
