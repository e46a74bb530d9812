import { DateOnly } from '../dates';

/**
 * The office's settings, as typed in the master's "Cấu hình" sheet. Nothing about one district,
 * year or unit list is in the code: it is all here, with the seed (Vĩnh Linh, 2025) as defaults.
 */
export interface OfficeConfig {
  /** Cơ quan chủ quản, e.g. "UBND TỈNH QUẢNG TRỊ" (header, upper left). */
  readonly parentAuthority: string;
  /** Cơ quan ban hành, e.g. "UBND HUYỆN VĨNH LINH". */
  readonly issuingAuthority: string;
  /** The coordinating office, e.g. "Phòng Nội vụ" (since 2025 also "Sở Nội vụ"). */
  readonly coordinatingOffice: string;
  /** Place name for the date line, e.g. "Vĩnh Linh". */
  readonly placeName: string;
  /** The administrative level whose plan this is: "huyện", "tỉnh" or "xã". */
  readonly level: string;
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
  /** Drive folder for the archived copies made at each submission; empty until first needed. */
  readonly archiveFolderId: string;
  /** The office's own plan template (a Google Doc with {{placeholders}}); empty: the built-in one. */
  readonly documentTemplateId: string;
}

export type FieldKind = 'text' | 'year' | 'date' | 'emails' | 'lines' | 'count' | 'id';

export interface ConfigField {
  readonly key: keyof OfficeConfig;
  readonly label: string;
  readonly help: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  /** Default shown on first setup; dates are relative to the plan year. */
  readonly defaultValue: (year: number) => string;
}

const none = () => '';

/** The fields in the order the sheet shows them. */
export const CONFIG_FIELDS: readonly ConfigField[] = [
  {
    key: 'parentAuthority',
    label: 'Cơ quan chủ quản',
    help: 'Dòng trên cùng bên trái của văn bản, viết hoa. Ví dụ: UBND TỈNH QUẢNG TRỊ.',
    kind: 'text',
    required: true,
    defaultValue: () => 'UBND TỈNH QUẢNG TRỊ',
  },
  {
    key: 'issuingAuthority',
    label: 'Cơ quan ban hành',
    help: 'Cơ quan ban hành kế hoạch chung, viết hoa. Ví dụ: UBND HUYỆN VĨNH LINH.',
    kind: 'text',
    required: true,
    defaultValue: () => 'UBND HUYỆN VĨNH LINH',
  },
  {
    key: 'coordinatingOffice',
    label: 'Cơ quan tổng hợp',
    help: 'Cơ quan tham mưu, tổng hợp kế hoạch của các đơn vị. Ví dụ: Phòng Nội vụ.',
    kind: 'text',
    required: true,
    defaultValue: () => 'Phòng Nội vụ',
  },
  {
    key: 'placeName',
    label: 'Địa danh',
    help: 'Địa danh ghi ở dòng ngày tháng của văn bản. Ví dụ: Vĩnh Linh.',
    kind: 'text',
    required: true,
    defaultValue: () => 'Vĩnh Linh',
  },
  {
    key: 'level',
    label: 'Cấp',
    help: 'Cấp của kế hoạch chung: huyện, tỉnh hoặc xã (dùng trong "ngân sách cấp …").',
    kind: 'text',
    required: true,
    defaultValue: () => 'huyện',
  },
  {
    key: 'planYear',
    label: 'Năm kế hoạch',
    help: 'Năm của kế hoạch CCHC, 4 chữ số. Ví dụ: 2025.',
    kind: 'year',
    required: true,
    defaultValue: (y) => String(y),
  },
  {
    key: 'proposalDeadline',
    label: 'Hạn gửi đề xuất nhiệm vụ',
    help: 'Hạn các cơ quan chuyên môn gửi đề xuất nhiệm vụ mới, đột phá (dd/MM/yyyy).',
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
    help: 'Ví dụ: Thái Văn Thành.',
    kind: 'text',
    required: true,
    defaultValue: () => 'Thái Văn Thành',
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
    defaultValue: () =>
      [
        'Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030',
        'Quyết định số 5486/QĐ-UBND ngày 31/12/2021 của UBND huyện về ban hành Kế hoạch CCHC nhà nước huyện Vĩnh Linh giai đoạn 2021-2025, định hướng đến năm 2030',
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
];
