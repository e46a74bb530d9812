import { REFORM_AREAS } from '../plan/areas';

/**
 * The level of local government whose plan this is. Since 1 July 2025 there are two: the
 * province (tỉnh, thành phố) and the commune level (xã, phường, đặc khu); 'huyện' is kept for the
 * 2025 district sample and offices that still read last year's files.
 */
export type Level = 'tỉnh' | 'xã' | 'huyện';

export const LEVELS: readonly Level[] = ['tỉnh', 'xã', 'huyện'];

/** The year the district level ceased to exist (1 July 2025): plans of this year on are two-level. */
export const TWO_LEVEL_FROM_YEAR = 2026;

/** Reads "tỉnh", "Tỉnh", "thành phố", "xã", "phường", "đặc khu", "huyện" as a level. */
export function parseLevel(text: string): Level | null {
  const key = text.normalize('NFC').trim().toLowerCase();
  if (/^(cấp )?(tỉnh|thành phố( trực thuộc trung ương)?)$/.test(key)) return 'tỉnh';
  if (/^(cấp )?(xã|phường|đặc khu)$/.test(key)) return 'xã';
  if (/^(cấp )?(huyện|quận|thị xã)$/.test(key)) return 'huyện';
  return null;
}

/**
 * A kind of unit the office registers: its label in "Loại đơn vị", whether it proposes tasks
 * for the office's own plan, and what its documents carry by default above its own name (the
 * parent line) and in the date line (the place).
 */
export interface UnitKindSpec {
  readonly label: string;
  readonly proposes: boolean;
  /** Parent authority line (UPPER) of its documents; empty: no parent line. */
  readonly parentLine: string;
  /** Place name of its date line; empty: the office's; PLACE_FROM_UNIT_NAME: from the unit's name. */
  readonly placeName: string;
}

/** The place name is the unit's own (a commune's plan is dated at the commune, not the province). */
export const PLACE_FROM_UNIT_NAME = 'theo tên đơn vị';

/** The parent line is the office's own authority ("UBND TỈNH QUẢNG TRỊ" above "SỞ NỘI VỤ"). */
export const PARENT_FROM_OFFICE = 'theo cơ quan ban hành';

/** How a kind is written on one line of the "Loại đơn vị" setting. */
export function formatUnitKind(k: UnitKindSpec): string {
  return [k.label, k.proposes ? 'có đề xuất' : 'không đề xuất', k.parentLine, k.placeName].join(' | ');
}

/**
 * One line of the setting: "Nhãn | có đề xuất | DÒNG CƠ QUAN CHỦ QUẢN | Địa danh". Only the label
 * is required (labels may contain commas, so the separator is "|").
 */
export function parseUnitKindLine(line: string): UnitKindSpec | { error: string } {
  const parts = line.split('|').map((p) => p.normalize('NFC').trim());
  const label = parts[0] ?? '';
  if (label === '') return { error: `Dòng "${line}" thiếu tên loại đơn vị.` };
  const proposesText = (parts[1] ?? '').toLowerCase();
  let proposes = false;
  if (/^(có( đề xuất)?|x|1)$/.test(proposesText)) proposes = true;
  else if (!/^(|không( đề xuất)?|0)$/.test(proposesText)) {
    return { error: `Loại "${label}": cột thứ hai ghi "có đề xuất" hoặc "không đề xuất".` };
  }
  const parent = parts[2] ?? '';
  const place = parts[3] ?? '';
  return {
    label,
    proposes,
    parentLine: parent.toLowerCase() === PARENT_FROM_OFFICE ? PARENT_FROM_OFFICE : parent.toUpperCase(),
    placeName: place.toLowerCase() === PLACE_FROM_UNIT_NAME ? PLACE_FROM_UNIT_NAME : place,
  };
}

/** What a level starts with: everything here is a default the office may edit. */
export interface LevelPreset {
  readonly level: Level;
  readonly label: string;
  readonly unitKinds: readonly UnitKindSpec[];
  /** Nơi nhận of the office's plan (the last is the archive line). */
  readonly recipients: readonly string[];
  readonly fundingSources: readonly string[];
  readonly coordinatingOffice: string;
  readonly issuingExample: string;
  readonly shortExample: string;
}

/** The budgets a plan of two-level government draws on (no district budget since July 2025). */
const TWO_LEVEL_FUNDING_SOURCES: readonly string[] = [
  'Ngân sách trung ương',
  'Ngân sách tỉnh',
  'Ngân sách xã',
  'Vốn đầu tư công',
  'Vốn lồng ghép',
  'Xã hội hóa',
  'Nguồn hợp pháp khác',
  'Khác',
];

const PROVINCE: LevelPreset = {
  level: 'tỉnh',
  label: 'Tỉnh, thành phố (Sở Nội vụ)',
  unitKinds: [
    { label: 'Sở, ban, ngành', proposes: true, parentLine: PARENT_FROM_OFFICE, placeName: '' },
    { label: 'Cơ quan Trung ương trên địa bàn tỉnh', proposes: false, parentLine: '', placeName: '' },
    { label: 'Đơn vị sự nghiệp', proposes: false, parentLine: '', placeName: '' },
    {
      label: 'UBND xã, phường, đặc khu',
      proposes: true,
      parentLine: '',
      placeName: PLACE_FROM_UNIT_NAME,
    },
  ],
  recipients: [
    'Bộ Nội vụ',
    'Thường trực Tỉnh ủy',
    'Thường trực HĐND tỉnh',
    'Chủ tịch, các Phó Chủ tịch UBND tỉnh',
    'Các sở, ban, ngành',
    'UBND các xã, phường, đặc khu',
    'Lưu: VT, SNV',
  ],
  fundingSources: TWO_LEVEL_FUNDING_SOURCES,
  coordinatingOffice: 'Sở Nội vụ',
  issuingExample: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ',
  shortExample: 'UBND tỉnh Quảng Trị',
};

const COMMUNE: LevelPreset = {
  level: 'xã',
  label: 'Xã, phường, đặc khu',
  unitKinds: [
    { label: 'Phòng chuyên môn', proposes: true, parentLine: PARENT_FROM_OFFICE, placeName: '' },
    { label: 'Đơn vị sự nghiệp', proposes: false, parentLine: PARENT_FROM_OFFICE, placeName: '' },
  ],
  recipients: [
    'UBND tỉnh (qua Sở Nội vụ)',
    'Thường trực Đảng ủy xã',
    'Thường trực HĐND xã',
    'Chủ tịch, các Phó Chủ tịch UBND xã',
    'Các phòng, đơn vị thuộc UBND xã',
    'Lưu: VT',
  ],
  fundingSources: TWO_LEVEL_FUNDING_SOURCES,
  coordinatingOffice: 'Văn phòng HĐND và UBND xã',
  issuingExample: 'ỦY BAN NHÂN DÂN XÃ CỬA TÙNG',
  shortExample: 'UBND xã Cửa Tùng',
};

/** The 2025 district of the seed letter (Phòng Nội vụ, cơ quan chuyên môn, xã and thị trấn). */
const DISTRICT: LevelPreset = {
  level: 'huyện',
  label: 'Huyện (mẫu năm 2025)',
  unitKinds: [
    { label: 'Cơ quan chuyên môn', proposes: true, parentLine: PARENT_FROM_OFFICE, placeName: '' },
    { label: 'Đơn vị sự nghiệp', proposes: false, parentLine: PARENT_FROM_OFFICE, placeName: '' },
    { label: 'UBND xã, thị trấn', proposes: false, parentLine: '', placeName: PLACE_FROM_UNIT_NAME },
  ],
  recipients: [
    'Sở Nội vụ tỉnh',
    'Thường trực Huyện ủy, HĐND huyện',
    'Các cơ quan, đơn vị thuộc huyện',
    'UBND các xã, thị trấn',
    'Lưu: VT, NV',
  ],
  fundingSources: [
    'Ngân sách trung ương',
    'Ngân sách tỉnh',
    'Ngân sách huyện',
    'Ngân sách xã',
    'Vốn lồng ghép',
    'Xã hội hóa',
    'Khác',
  ],
  coordinatingOffice: 'Phòng Nội vụ',
  issuingExample: 'ỦY BAN NHÂN DÂN HUYỆN VĨNH LINH',
  shortExample: 'UBND huyện Vĩnh Linh',
};

export const PRESETS: Readonly<Record<Level, LevelPreset>> = { tỉnh: PROVINCE, xã: COMMUNE, huyện: DISTRICT };

export function presetFor(level: Level): LevelPreset {
  return PRESETS[level];
}

/** Section VI's three points, by level: who carries out the plan. */
export function defaultOrganization(level: Level, year: number): string {
  const who =
    level === 'tỉnh'
      ? 'các sở, ban, ngành, đơn vị thuộc tỉnh và UBND các xã, phường, đặc khu'
      : level === 'xã'
        ? 'các phòng, đơn vị thuộc UBND xã'
        : 'từng cơ quan, đơn vị thuộc huyện và UBND các xã, thị trấn';
  return [
    `1. Xác định rõ ràng, cụ thể trách nhiệm tổ chức triển khai thực hiện kế hoạch Cải cách hành chính năm ${year} của ${who}.`,
    '2. Phân định rõ nhiệm vụ theo dõi, kiểm tra, đôn đốc, chỉ đạo thực hiện công tác Cải cách hành chính gắn với trách nhiệm của từng cơ quan, đơn vị.',
    `3. Xác định rõ nhiệm vụ của cơ quan, đơn vị, địa phương trong đánh giá kết quả triển khai CCHC năm ${year}.`,
  ].join('\n');
}

export const DEFAULT_SOLUTIONS =
  'Nêu các giải pháp để thực hiện có hiệu quả các nhiệm vụ Cải cách hành chính đã xây dựng.';

/**
 * The eight areas' guidance for a level. The seed's text is the district's; for two-level
 * government the one-stop shop is the Trung tâm Phục vụ hành chính công of the province and of
 * each commune (no "cấp huyện").
 */
export function defaultGuidance(level: Level): string[][] {
  return REFORM_AREAS.map((a) =>
    a.guidance.map((g) =>
      level === 'huyện'
        ? g
        : g.replace(
            'tại Bộ phận một cửa cấp huyện, cấp xã',
            'tại Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã',
          ),
    ),
  );
}
