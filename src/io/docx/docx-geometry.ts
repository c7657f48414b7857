/**
 * The Word export's page, column and type measurements (twips unless named otherwise; docx sizes are
 * half-points). They come from shared/reference/decree30-layout.md §2: A4 portrait, margins
 * 20/20/30/15 mm, Times New Roman.
 */

export const PAGE_WIDTH_TWIPS = 11906
export const PAGE_HEIGHT_TWIPS = 16838
// Hard-coded rather than convertMillimetersToTwip(), which floors (20 mm → 1133) and would not match
// the values Word writes for the same margins.
export const MARGIN_TOP_TWIPS = 1134
export const MARGIN_BOTTOM_TWIPS = 1134
export const MARGIN_LEFT_TWIPS = 1701
export const MARGIN_RIGHT_TWIPS = 851
export const HEADER_DISTANCE_TWIPS = 567
/** 11906 − 1701 − 851: every full-width table is exactly this wide. */
export const TEXT_WIDTH_TWIPS = PAGE_WIDTH_TWIPS - MARGIN_LEFT_TWIPS - MARGIN_RIGHT_TWIPS

/**
 * Header and signature tables: left ≈ 38 % (agency, Nơi nhận), right ≈ 62 % (motto, signer), so the
 * signer block is centred under the motto. The right column must leave ≥ 5424 twips of text room
 * for the 13 pt bold "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" to stay on one line.
 */
export const HEADER_COLUMNS_TWIPS = [3554, 5800] as const
export const HEADER_CELL_MARGIN_TWIPS = 57
export const HEADER_USABLE_TWIPS = HEADER_COLUMNS_TWIPS.map((w) => w - 2 * HEADER_CELL_MARGIN_TWIPS)
/** Measured width of the 14 pt bold "Độc lập - Tự do - Hạnh phúc": the rule under it is this long. */
export const MOTTO_WIDTH_TWIPS = 3415

/**
 * Task table columns: STT | Nội dung công việc | Thời gian | Đơn vị chủ trì | Đơn vị phối hợp | Ghi chú.
 * They add up to TEXT_WIDTH_TWIPS. With 72-twip side margins, STT holds a five-digit number (STT runs
 * on through the phases, as in the spreadsheet and print, so a 10,000-task plan reaches 10000) at
 * 12 pt, and "Thời gian" holds "28/12/2020 -" on one line.
 */
export const TASK_COLUMNS_TWIPS = [760, 2594, 1450, 1400, 1400, 1750] as const
/** Set once on the table (tblCellMar), not on each cell: a 10,000-row table has 60,000 cells. */
export const TASK_CELL_MARGIN_TWIPS = { top: 40, bottom: 40, left: 72, right: 72 }

/**
 * Paragraph styles of the task table. Its 60,000 cells take their look from these instead of direct
 * run and paragraph properties: docx's cost grows with the number of XML elements, and this keeps a
 * 10,000-task export within its time budget. The font comes from the document defaults.
 */
export const STYLE_TASK_CELL = 'TaskCell'
export const STYLE_TASK_CELL_CENTRED = 'TaskCellCentred'
export const STYLE_TASK_HEAD = 'TaskHead'

export const FONT = 'Times New Roman'
export const SIZE_11PT = 22
export const SIZE_12PT = 24
export const SIZE_13PT = 26
export const SIZE_14PT = 28
export const BODY_FIRST_LINE_TWIPS = 567
export const BODY_BEFORE_TWIPS = 120
/** 1.15 lines: within the decree's "single to 1.5 lines". */
export const BODY_LINE_240THS = 276
