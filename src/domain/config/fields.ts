import { DateOnly } from '../dates';
import { REFORM_AREAS } from '../plan/areas';
import { defaultPeriods, formatPeriodLine, PERIOD_LINE_FORM, ReportingPeriod } from '../progress/periods';
import {
  DEFAULT_SOLUTIONS,
  defaultGuidance,
  defaultOrganization,
  formatUnitKind,
  Level,
  LevelPreset,
  UnitKindSpec,
} from './levels';

/**
 * The office's settings, as typed in the master's "Cấu hình" sheet. Nothing about one district,
 * year or unit list is in the code: it is all here, with the seed (Vĩnh Linh, 2025) as defaults.
 */
export interface OfficeConfig {
  /** Cơ quan chủ quản (header, upper left); empty for UBND tỉnh and UBND xã: no parent line. */
  readonly parentAuthority: string;
  /** Cơ quan ban hành as the header writes it, e.g. "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ". */
  readonly issuingAuthority: string;
  /** The issuer in running text, normal case, e.g. "UBND tỉnh Quảng Trị" (derived when blank). */
  readonly shortName: string;
  /** The coordinating office, e.g. "Phòng Nội vụ" (since 2025 also "Sở Nội vụ"). */
  readonly coordinatingOffice: string;
  /** Place name for the date line, e.g. "Vĩnh Linh". */
  readonly placeName: string;
  /** The administrative level whose plan this is. */
  readonly level: Level;
  readonly planYear: number;
  /** Specialized agencies send proposals for the local plan (seed: 10/01). */
  readonly proposalDeadline: DateOnly;
  /** The local (district) plan is issued (seed: 31/01). */
  readonly localPlanDeadline: DateOnly;
  /** Every unit's own plan is issued and reported (seed: 15/02). */
  readonly unitPlanDeadline: DateOnly;
  /** Drive folder for unit files; empty until setup creates one. */
  readonly unitFolderId: string;
  /** Drive folder for generated documents; empty until first generation. */
  readonly outputFolderId: string;
  /** Who may run admin actions; lower-cased. */
  readonly admins: readonly string[];
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"… */
  readonly signerAuthority: string;
  readonly signerTitle: string;
  readonly signerName: string;
  /** Ký hiệu of the plan, e.g. "KH-UBND" in "Số: 12/KH-UBND". */
  readonly documentSymbol: string;
  /** Căn cứ: one per line. */
  readonly legalBases: readonly string[];
  /** Empty task rows prepared under each section of a unit's table. */
  readonly taskRowsPerSection: number;
  /** First reminder this many days before a deadline. */
  readonly reminderDaysBefore: number;
  /** Once overdue, a reminder every this many days (with the unit head in copy). */
  readonly reminderOverdueEveryDays: number;
  /**
   * The share (%) of the day's email recipients quota the reminders may use; the rest is kept for
   * return notices, and the reminders left go after Google resets the quota.
   */
  readonly reminderQuotaShare: number;
  /** Drive folder for the archived copies made at each submission; empty until first needed. */
  readonly archiveFolderId: string;
  /** The office's own plan template (a Google Doc with {{placeholders}}); empty: the built-in one. */
  readonly documentTemplateId: string;
  /** The kinds of unit in "Loại đơn vị", with what each proposes and carries in its documents. */
  readonly unitKinds: readonly UnitKindSpec[];
  /** Nơi nhận of the office's plan draft. */
  readonly recipients: readonly string[];
  /** Section IV (Giải pháp) and VI (Tổ chức thực hiện) of the draft, and the units' start text. */
  readonly solutions: string;
  readonly organization: string;
  /** The funding-source dropdown of every task table. */
  readonly fundingSources: readonly string[];
  /** The progress-report periods of the plan year, in the order of their cut-offs. */
  readonly reportingPeriods: readonly ReportingPeriod[];
  /**
   * Which column of Google's daily quotas applies to the admins' account. Apps Script cannot tell
   * a consumer account from a Workspace one, so the office says; absent: the stricter consumer one.
   */
  readonly googleAccount: GoogleAccountType;
  /** Guidance bullets of the eight areas (index 0 = area 1). */
  readonly guidance: readonly (readonly string[])[];
}

/** The eight guidance settings, one per reform area; gathered into OfficeConfig.guidance. */
export type GuidanceKey = `guidance${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`;

export type FieldKind =
  'text' | 'year' | 'date' | 'emails' | 'lines' | 'count' | 'id' | 'level' | 'kinds' | 'periods' | 'account';

/** The two columns of Google's quota table: consumer (gmail.com and other personal accounts) or Workspace. */
export type GoogleAccountType = 'consumer' | 'workspace';

/** How "Loại tài khoản Google" is written in "Cấu hình", per account type. */
export const GOOGLE_ACCOUNT_LABELS: Readonly<Record<GoogleAccountType, string>> = {
  consumer: 'Gmail',
  workspace: 'Google Workspace',
};

export interface ConfigField {
  readonly key: keyof OfficeConfig | GuidanceKey;
  readonly label: string;
  readonly help: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  /** Default shown on first setup: from the plan year and the chosen level's preset. */
  readonly defaultValue: (year: number, preset: LevelPreset) => string;
  /**
   * Added after the 2025 layout: a missing row or a blank value reads as the level's default, so
   * an office that upgrades keeps working before it runs setup again.
   */
  readonly fromLevel?: boolean;
}

const none = () => '';
const district = (p: LevelPreset) => p.level === 'huyện';

/** The fields in the order the sheet shows them (fields added later come last, as setup appends them). */
export const CONFIG_FIELDS: readonly ConfigField[] = [
  {
    key: 'parentAuthority',
    label: 'Cơ quan chủ quản',
    help: 'Dòng trên cùng bên trái của văn bản, viết hoa. Để trống khi cơ quan ban hành là UBND tỉnh hoặc UBND xã (không có cơ quan chủ quản).',
    kind: 'text',
    required: false,
    defaultValue: (_y, p) => (district(p) ? 'UBND TỈNH QUẢNG TRỊ' : ''),
  },
  {
    key: 'issuingAuthority',
    label: 'Cơ quan ban hành',
    help: 'Tên đầy đủ của cơ quan ban hành kế hoạch chung, viết hoa, như ở đầu văn bản.',
    kind: 'text',
    required: true,
    defaultValue: (_y, p) => (district(p) ? 'UBND HUYỆN VĨNH LINH' : ''),
  },
  {
    key: 'coordinatingOffice',
    label: 'Cơ quan tổng hợp',
    help: 'Cơ quan tham mưu, tổng hợp kế hoạch của các đơn vị.',
    kind: 'text',
    required: true,
    defaultValue: (_y, p) => p.coordinatingOffice,
  },
  {
    key: 'placeName',
    label: 'Địa danh',
    help: 'Địa danh ghi ở dòng ngày tháng của văn bản (tên tỉnh, tên xã…), không có chữ "tỉnh", "xã".',
    kind: 'text',
    required: true,
    defaultValue: (_y, p) => (district(p) ? 'Vĩnh Linh' : ''),
  },
  {
    key: 'level',
    label: 'Cấp',
    help: 'Cấp của kế hoạch chung: tỉnh, xã (hoặc huyện với kế hoạch năm 2025). Quyết định nguồn kinh phí, nơi nhận và các cảnh báo về cấp không còn tồn tại.',
    kind: 'level',
    required: true,
    defaultValue: (_y, p) => p.level,
  },
  {
    key: 'planYear',
    label: 'Năm kế hoạch',
    help: 'Năm của kế hoạch CCHC, 4 chữ số.',
    kind: 'year',
    required: true,
    defaultValue: (y) => String(y),
  },
  {
    key: 'proposalDeadline',
    label: 'Hạn gửi đề xuất nhiệm vụ',
    help: 'Hạn các cơ quan, đơn vị được giao gửi đề xuất nhiệm vụ mới, đột phá (dd/MM/yyyy).',
    kind: 'date',
    required: true,
    defaultValue: (y) => `10/01/${y}`,
  },
  {
    key: 'localPlanDeadline',
    label: 'Hạn ban hành kế hoạch chung',
    help: 'Hạn ban hành kế hoạch CCHC chung và báo cáo cấp trên (dd/MM/yyyy).',
    kind: 'date',
    required: true,
    defaultValue: (y) => `31/01/${y}`,
  },
  {
    key: 'unitPlanDeadline',
    label: 'Hạn nộp kế hoạch của đơn vị',
    help: 'Hạn các cơ quan, đơn vị, địa phương ban hành và gửi kế hoạch (dd/MM/yyyy).',
    kind: 'date',
    required: true,
    defaultValue: (y) => `15/02/${y}`,
  },
  {
    key: 'unitFolderId',
    label: 'Thư mục tệp của đơn vị (ID)',
    help: 'ID thư mục Google Drive chứa bảng tính của các đơn vị. Để trống: hệ thống tự tạo khi thiết lập.',
    kind: 'id',
    required: false,
    defaultValue: none,
  },
  {
    key: 'outputFolderId',
    label: 'Thư mục văn bản (ID)',
    help: 'ID thư mục Google Drive chứa văn bản kế hoạch được tạo. Để trống: hệ thống tự tạo.',
    kind: 'id',
    required: false,
    defaultValue: none,
  },
  {
    key: 'admins',
    label: 'Email quản trị',
    help: 'Những người được chạy các chức năng quản trị; nhiều email cách nhau bởi dấu phẩy.',
    kind: 'emails',
    required: true,
    defaultValue: none,
  },
  {
    key: 'signerAuthority',
    label: 'Thẩm quyền ký',
    help: 'Ví dụ: TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH.',
    kind: 'text',
    required: true,
    defaultValue: () => 'TM. ỦY BAN NHÂN DÂN',
  },
  {
    key: 'signerTitle',
    label: 'Chức vụ người ký',
    help: 'Ví dụ: CHỦ TỊCH; PHÓ CHỦ TỊCH.',
    kind: 'text',
    required: true,
    defaultValue: () => 'CHỦ TỊCH',
  },
  {
    key: 'signerName',
    label: 'Họ và tên người ký',
    help: 'Họ và tên đầy đủ của người ký kế hoạch chung.',
    kind: 'text',
    required: true,
    defaultValue: (_y, p) => (district(p) ? 'Thái Văn Thành' : ''),
  },
  {
    key: 'documentSymbol',
    label: 'Ký hiệu kế hoạch',
    help: 'Phần sau số của kế hoạch chung, ví dụ KH-UBND trong "Số: 12/KH-UBND".',
    kind: 'text',
    required: true,
    defaultValue: () => 'KH-UBND',
  },
  {
    key: 'legalBases',
    label: 'Căn cứ',
    help: 'Các văn bản làm căn cứ, mỗi văn bản một dòng (Alt+Enter để xuống dòng).',
    kind: 'lines',
    required: false,
    defaultValue: (_y, p) =>
      [
        'Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030',
        ...(district(p)
          ? [
              'Quyết định số 5486/QĐ-UBND ngày 31/12/2021 của UBND huyện về ban hành Kế hoạch CCHC nhà nước huyện Vĩnh Linh giai đoạn 2021-2025, định hướng đến năm 2030',
            ]
          : []),
      ].join('\n'),
  },
  {
    key: 'taskRowsPerSection',
    label: 'Số dòng nhiệm vụ mỗi mục',
    help: 'Số dòng trống chuẩn bị sẵn dưới mỗi mục I–VIII trong bảng nhiệm vụ của đơn vị (1–200).',
    kind: 'count',
    required: true,
    defaultValue: () => '8',
  },
  {
    key: 'reminderDaysBefore',
    label: 'Nhắc trước hạn (ngày)',
    help: 'Gửi thư nhắc lần đầu trước hạn bao nhiêu ngày (1–200).',
    kind: 'count',
    required: true,
    defaultValue: () => '3',
  },
  {
    key: 'reminderOverdueEveryDays',
    label: 'Nhắc khi quá hạn, mỗi (ngày)',
    help: 'Khi đơn vị quá hạn: nhắc ngày hôm sau, rồi cứ bao nhiêu ngày nhắc lại, đồng gửi thủ trưởng (1–200).',
    kind: 'count',
    required: true,
    defaultValue: () => '3',
  },
  {
    key: 'archiveFolderId',
    label: 'Thư mục lưu bản đã nộp (ID)',
    help: 'ID thư mục Google Drive lưu bản sao kế hoạch tại thời điểm đơn vị nộp. Để trống: hệ thống tự tạo.',
    kind: 'id',
    required: false,
    defaultValue: none,
  },
  {
    key: 'documentTemplateId',
    label: 'Mẫu văn bản riêng (ID Google Docs)',
    help: 'Để trống: dùng mẫu có sẵn theo Nghị định 30/2020. Nếu có mẫu riêng: tài liệu Google Docs với các trường {{...}} (xem hướng dẫn).',
    kind: 'id',
    required: false,
    defaultValue: none,
  },
  {
    key: 'shortName',
    label: 'Tên cơ quan ban hành trong câu văn',
    help: 'Viết thường như trong câu văn, ví dụ "UBND tỉnh Quảng Trị", "UBND xã Cửa Tùng". Để trống: suy ra từ "Cơ quan ban hành".',
    kind: 'text',
    required: false,
    fromLevel: true,
    defaultValue: none,
  },
  {
    key: 'unitKinds',
    label: 'Loại đơn vị',
    help: 'Mỗi loại một dòng: Tên loại | có đề xuất / không đề xuất | Cơ quan chủ quản trên văn bản của đơn vị (để trống nếu không có) | Địa danh (để trống: địa danh của cơ quan; "theo tên đơn vị": lấy từ tên đơn vị, như UBND xã Cửa Tùng → Cửa Tùng).',
    kind: 'kinds',
    required: false,
    fromLevel: true,
    defaultValue: (_y, p) => p.unitKinds.map(formatUnitKind).join('\n'),
  },
  {
    key: 'recipients',
    label: 'Nơi nhận của kế hoạch chung',
    help: 'Mỗi nơi nhận một dòng; dòng cuối là "Lưu: VT, …".',
    kind: 'lines',
    required: false,
    fromLevel: true,
    defaultValue: (_y, p) => p.recipients.join('\n'),
  },
  {
    key: 'solutions',
    label: 'Giải pháp thực hiện (mục IV)',
    help: 'Nội dung mục IV của dự thảo kế hoạch chung; mỗi ý một dòng.',
    kind: 'lines',
    required: false,
    fromLevel: true,
    defaultValue: () => DEFAULT_SOLUTIONS,
  },
  {
    key: 'organization',
    label: 'Tổ chức thực hiện (mục VI)',
    help: 'Nội dung mục VI của dự thảo kế hoạch chung, cũng là nội dung gợi ý trong tệp của đơn vị; mỗi ý một dòng.',
    kind: 'lines',
    required: false,
    fromLevel: true,
    defaultValue: (y, p) => defaultOrganization(p.level, y),
  },
  {
    key: 'fundingSources',
    label: 'Nguồn kinh phí',
    help: 'Danh sách chọn ở cột "Nguồn kinh phí" của bảng nhiệm vụ; mỗi nguồn một dòng.',
    kind: 'lines',
    required: false,
    fromLevel: true,
    defaultValue: (_y, p) => p.fundingSources.join('\n'),
  },
  {
    key: 'reportingPeriods',
    label: 'Kỳ báo cáo tiến độ',
    help: `Mỗi kỳ một dòng, theo thứ tự thời gian: ${PERIOD_LINE_FORM} (ngày/tháng/năm). Mặc định theo Văn bản 581/BNV-CCHC: chốt số liệu ngày 14 tháng cuối kỳ. Khi đổi năm kế hoạch, các ngày ghi cho năm cũ được hiểu là cùng ngày, tháng của năm kế hoạch.`,
    kind: 'periods',
    required: false,
    fromLevel: true,
    defaultValue: (y, p) => defaultPeriods(y, p.level).map(formatPeriodLine).join('\n'),
  },
  {
    key: 'googleAccount',
    label: 'Loại tài khoản Google',
    help: '"Gmail" (tài khoản Google thường, kể cả tài khoản dùng email khác): mỗi ngày tạo được 250 văn bản Google Docs, gửi thư tới 100 người nhận. "Google Workspace" (tài khoản do cơ quan quản lý): 1.500 văn bản, 1.500 người nhận. Không chắc thì để "Gmail": hệ thống tính theo hạn mức thấp hơn.',
    kind: 'account',
    required: false,
    fromLevel: true,
    defaultValue: () => GOOGLE_ACCOUNT_LABELS.consumer,
  },
  {
    key: 'reminderQuotaShare',
    label: 'Thư nhắc dùng tối đa (% hạn mức thư mỗi ngày)',
    help: 'Thư nhắc chỉ dùng phần này của hạn mức người nhận thư mỗi ngày (100 người với Gmail, 1.500 với Google Workspace, theo "Loại tài khoản Google"); phần còn lại để dành cho thư báo trả lại kế hoạch. Thư nhắc chưa gửi được vì thế sẽ tự gửi sau khi Google làm mới hạn mức (0 giờ theo giờ Thái Bình Dương: 15 giờ, mùa hè 14 giờ, giờ Việt Nam). Nhập 100 để thư nhắc được dùng hết hạn mức (1–100).',
    kind: 'count',
    required: false,
    fromLevel: true,
    defaultValue: () => '50',
  },
  ...REFORM_AREAS.map((a): ConfigField => ({
    key: `guidance${a.number}` as GuidanceKey,
    label: `Hướng dẫn lĩnh vực ${a.roman}`,
    help: `Nội dung cần xây dựng của lĩnh vực "${a.title}", mỗi ý một dòng; đưa vào tệp của đơn vị khi cập nhật mẫu.`,
    kind: 'lines',
    required: false,
    fromLevel: true,
    defaultValue: (_y, p) => defaultGuidance(p.level)[a.number - 1].join('\n'),
  })),
];
