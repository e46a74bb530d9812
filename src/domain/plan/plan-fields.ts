import { OfficeConfig } from '../config/fields';
import { REFORM_AREAS } from './areas';

/**
 * The Phụ lục I fields a unit writes in its "Kế hoạch" sheet, in the document's order. Each row
 * of that sheet carries the field's key in column A, so reading it back does not depend on the
 * row order or the labels.
 */
export type PlanFieldKey =
  | 'number'
  | 'issueDate'
  | 'parentAuthority'
  | 'issuer'
  | 'objectives'
  | `area${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`
  | 'solutions'
  | 'organization'
  | 'recipients'
  | 'signerAuthority'
  | 'signerTitle'
  | 'signerName';

export interface PlanField {
  readonly key: PlanFieldKey;
  readonly label: string;
  readonly help: string;
  /** Long text: a tall, wrapped cell. */
  readonly long: boolean;
}

export const PLAN_SHEET = 'Kế hoạch';

/** The guidance and names only change help texts: callers that read keys may pass the year alone. */
export function planFields(
  config: Pick<OfficeConfig, 'planYear'> &
    Partial<Pick<OfficeConfig, 'guidance' | 'shortName' | 'coordinatingOffice'>>,
): PlanField[] {
  const year = config.planYear;
  return [
    {
      key: 'number',
      label: 'Số, ký hiệu',
      help: 'Ví dụ: 05/KH-UBND. Có thể để trống đến khi ban hành.',
      long: false,
    },
    {
      key: 'issueDate',
      label: 'Ngày ban hành',
      help: 'Ngày/tháng/năm, ví dụ 05/02/' + year + '.',
      long: false,
    },
    {
      key: 'parentAuthority',
      label: 'Cơ quan chủ quản',
      help: 'Viết hoa; để trống nếu không có (UBND xã, UBND tỉnh không có cơ quan chủ quản).',
      long: false,
    },
    {
      key: 'issuer',
      label: 'Cơ quan ban hành',
      help: 'Tên cơ quan, đơn vị ban hành kế hoạch, viết hoa.',
      long: false,
    },
    {
      key: 'objectives',
      label: 'I. MỤC TIÊU',
      help: `Mục tiêu CCHC năm ${year} của đơn vị: cụ thể, phù hợp, khả thi, đánh giá được kết quả.`,
      long: true,
    },
    ...REFORM_AREAS.map((a) => ({
      key: `area${a.number}` as PlanFieldKey,
      label: `II.${a.number}. ${a.title}`,
      help: (config.guidance?.[a.number - 1] ?? a.guidance).join(' '),
      long: true,
    })),
    {
      key: 'solutions',
      label: 'IV. GIẢI PHÁP THỰC HIỆN',
      help: 'Các giải pháp để thực hiện có hiệu quả các nhiệm vụ CCHC đã xây dựng.',
      long: true,
    },
    {
      key: 'organization',
      label: 'VI. TỔ CHỨC THỰC HIỆN',
      help: 'Trách nhiệm triển khai; theo dõi, kiểm tra, đôn đốc; đánh giá kết quả. Mỗi ý một dòng.',
      long: true,
    },
    {
      key: 'recipients',
      label: 'Nơi nhận',
      help: `Mỗi nơi nhận một dòng, ví dụ: ${config.shortName ?? 'cơ quan cấp trên'} (qua ${config.coordinatingOffice ?? 'cơ quan tổng hợp'}); Lưu: VT.`,
      long: true,
    },
    {
      key: 'signerAuthority',
      label: 'Thẩm quyền ký',
      help: 'Ví dụ: TM. ỦY BAN NHÂN DÂN; KT. TRƯỞNG PHÒNG.',
      long: false,
    },
    { key: 'signerTitle', label: 'Chức vụ người ký', help: 'Ví dụ: CHỦ TỊCH; TRƯỞNG PHÒNG.', long: false },
    { key: 'signerName', label: 'Họ và tên người ký', help: 'Ví dụ: Nguyễn Văn A.', long: false },
  ];
}
