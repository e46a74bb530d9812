import { summarizeBudget } from '../consolidate/budget-totals';
import { formatVnd } from '../parse/vnd';
import { fundingSourceLabel } from '../parse/funding-source';
import { REFORM_AREAS } from '../plan/areas';
import { documentNumber, officialDateLine } from './official-format';
import { PlanContent } from './plan-document';

/**
 * The placeholders an office's own template (a Google Doc) may use, written {{name}}. Every one
 * is replaced in the body, headers and footers; a name not in this list stops the run with that
 * name (docs/templates.md lists them for the office).
 */
export const TABLE_MARKER = 'BANG_NHIEM_VU';

export interface PlaceholderDef {
  readonly name: string;
  readonly description: string;
  readonly value: (c: PlanContent) => string;
}

const lines = (items: readonly string[]) => items.join('\n');

export const PLACEHOLDERS: readonly PlaceholderDef[] = [
  {
    name: 'co_quan_chu_quan',
    description: 'Cơ quan chủ quản (viết hoa)',
    value: (c) => c.parentAuthority.toUpperCase(),
  },
  {
    name: 'co_quan_ban_hanh',
    description: 'Cơ quan ban hành (viết hoa)',
    value: (c) => c.issuer.toUpperCase(),
  },
  { name: 'don_vi', description: 'Tên cơ quan, đơn vị', value: (c) => c.issuerShort },
  {
    name: 'so_ky_hieu',
    description: 'Dòng "Số: …/…"',
    value: (c) =>
      documentNumber(
        c.number.split('/')[0] ?? '',
        c.number.includes('/') ? c.number.split('/').slice(1).join('/') : c.symbol,
      ),
  },
  {
    name: 'dia_danh_ngay',
    description: 'Địa danh và ngày tháng năm ban hành',
    value: (c) => officialDateLine(c.place, c.issueDate, c.year),
  },
  { name: 'nam', description: 'Năm kế hoạch', value: (c) => String(c.year) },
  { name: 'trich_yeu', description: 'Trích yếu (dòng dưới "KẾ HOẠCH")', value: (c) => c.subject },
  {
    name: 'can_cu',
    description: 'Các căn cứ, mỗi căn cứ một dòng',
    value: (c) => lines(c.legalBases.map((b) => `Căn cứ ${b};`)),
  },
  { name: 'muc_tieu', description: 'I. Mục tiêu', value: (c) => c.objectives },
  ...REFORM_AREAS.map((a) => ({
    name: `nhiem_vu_${a.number}`,
    description: `II.${a.number}. ${a.title}`,
    value: (c: PlanContent) => c.areas[a.number - 1] ?? '',
  })),
  { name: 'giai_phap', description: 'IV. Giải pháp thực hiện', value: (c) => c.solutions },
  { name: 'to_chuc_thuc_hien', description: 'VI. Tổ chức thực hiện', value: (c) => c.organization },
  {
    name: 'tong_kinh_phi',
    description: 'Tổng kinh phí (đồng), ví dụ 150.000.000',
    value: (c) => formatVnd(summarizeBudget(c.tasks).total),
  },
  {
    name: 'kinh_phi_theo_nguon',
    description: 'Kinh phí theo từng nguồn, mỗi nguồn một dòng',
    value: (c) =>
      lines(
        summarizeBudget(c.tasks).bySource.map(
          (s) => `- ${fundingSourceLabel(s.source)}: ${formatVnd(s.amount)} đồng;`,
        ),
      ),
  },
  { name: 'so_nhiem_vu', description: 'Số nhiệm vụ trong bảng', value: (c) => String(c.tasks.length) },
  {
    name: 'noi_nhan',
    description: 'Nơi nhận, mỗi nơi một dòng',
    value: (c) => lines(c.recipients.map((r) => `- ${r};`)),
  },
  {
    name: 'tham_quyen_ky',
    description: 'Thẩm quyền ký (TM., KT. …)',
    value: (c) => c.signerAuthority.toUpperCase(),
  },
  { name: 'chuc_vu_nguoi_ky', description: 'Chức vụ người ký', value: (c) => c.signerTitle.toUpperCase() },
  { name: 'nguoi_ky', description: 'Họ và tên người ký', value: (c) => c.signerName },
];

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** The placeholder names written in a text, in order, without duplicates. */
export function placeholdersIn(text: string): string[] {
  const names: string[] = [];
  for (const m of text.match(PLACEHOLDER) ?? []) {
    const name = m.slice(2, -2).trim();
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** Names used in the template that we cannot fill (unknown names), for the error message. */
export function unknownPlaceholders(used: readonly string[]): string[] {
  return used.filter((n) => n !== TABLE_MARKER && !PLACEHOLDERS.some((p) => p.name === n));
}

/** Values for the names used, by name. */
export function placeholderValues(used: readonly string[], content: PlanContent): Map<string, string> {
  const values = new Map<string, string>();
  for (const def of PLACEHOLDERS) if (used.includes(def.name)) values.set(def.name, def.value(content));
  return values;
}
