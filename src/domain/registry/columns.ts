/**
 * The registry sheet ("Đơn vị"): what the office types (code … head email) and what the script
 * writes back (file link and state). One definition serves the sheet's layout, its reading and
 * the write-back.
 */
export const REGISTRY_SHEET = 'Đơn vị';
/** Row of the column headers; units start below it. */
export const REGISTRY_HEADER_ROW = 2;

export type RegistryRole =
  | 'code'
  | 'name'
  | 'kind'
  | 'focalEmails'
  | 'headEmail'
  | 'fileLink'
  | 'fileId'
  | 'fileCreated'
  | 'fileState'
  | 'planStatus'
  | 'planDoc'
  | 'planPdf'
  | 'placeName'
  | 'parentLine';

export interface RegistryColumn {
  readonly role: RegistryRole;
  readonly header: string;
  readonly width: number;
  /** Written by the script; protected from hand edits. */
  readonly byScript: boolean;
  readonly help: string;
}

export const REGISTRY_COLUMNS: readonly RegistryColumn[] = [
  {
    role: 'code',
    header: 'Mã đơn vị',
    width: 90,
    byScript: false,
    help: 'Mã ngắn, duy nhất, ví dụ NV, TP, XVH.',
  },
  {
    role: 'name',
    header: 'Tên đơn vị',
    width: 260,
    byScript: false,
    help: 'Tên đầy đủ, ví dụ Phòng Tư pháp.',
  },
  {
    role: 'kind',
    header: 'Loại đơn vị',
    width: 170,
    byScript: false,
    help: 'Chọn trong danh sách (các loại ở mục "Loại đơn vị" của trang Cấu hình).',
  },
  {
    role: 'focalEmails',
    header: 'Email đầu mối',
    width: 240,
    byScript: false,
    help: 'Người điền kế hoạch; nhiều email cách nhau bởi dấu phẩy. Chỉ những người này được chia sẻ tệp.',
  },
  {
    role: 'headEmail',
    header: 'Email thủ trưởng',
    width: 200,
    byScript: false,
    help: 'Được đồng gửi khi đơn vị quá hạn.',
  },
  { role: 'fileLink', header: 'Tệp kế hoạch', width: 120, byScript: true, help: 'Do hệ thống ghi.' },
  { role: 'fileId', header: 'ID tệp', width: 120, byScript: true, help: 'Do hệ thống ghi. Không sửa.' },
  { role: 'fileCreated', header: 'Ngày tạo tệp', width: 130, byScript: true, help: 'Do hệ thống ghi.' },
  { role: 'fileState', header: 'Tình trạng tệp', width: 200, byScript: true, help: 'Do hệ thống ghi.' },
  {
    role: 'planStatus',
    header: 'Trạng thái kế hoạch',
    width: 200,
    byScript: true,
    help: 'Do hệ thống ghi khi cập nhật trạng thái (kèm cờ Quá hạn, Nộp trễ, Sửa sau khi nộp).',
  },
  {
    role: 'planDoc',
    header: 'Văn bản kế hoạch',
    width: 160,
    byScript: true,
    help: 'Do hệ thống ghi khi tạo văn bản.',
  },
  {
    role: 'planPdf',
    header: 'Bản PDF',
    width: 160,
    byScript: true,
    help: 'Do hệ thống ghi khi tạo văn bản.',
  },
  // Added after the 2025 layout, at the end so an older registry keeps its columns.
  {
    role: 'placeName',
    header: 'Địa danh (nếu khác)',
    width: 150,
    byScript: false,
    help: 'Địa danh trên văn bản của đơn vị, nếu khác với loại đơn vị (Cấu hình). Để trống: theo loại đơn vị.',
  },
  {
    role: 'parentLine',
    header: 'Cơ quan chủ quản (nếu khác)',
    width: 200,
    byScript: false,
    help: 'Dòng cơ quan chủ quản trên văn bản của đơn vị, nếu khác với loại đơn vị. Ghi "Không" nếu đơn vị không có cơ quan chủ quản.',
  },
];

/** The script's columns lie together (fileLink … planPdf); the office types those around them. */
export function scriptColumnSpan(): { first: number; count: number } {
  const first = REGISTRY_COLUMNS.findIndex((c) => c.byScript);
  let count = 0;
  while (REGISTRY_COLUMNS[first + count]?.byScript) count++;
  return { first: first + 1, count };
}

/** 1-based column of `role` in the registry sheet. */
export function registryColumn(role: RegistryRole): number {
  return REGISTRY_COLUMNS.findIndex((c) => c.role === role) + 1;
}
