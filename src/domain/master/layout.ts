import { CONFIG_SHEET } from '../config/parse-config';
import { CONFIG_FIELDS } from '../config/fields';
import { REGISTRY_COLUMNS, REGISTRY_HEADER_ROW, REGISTRY_SHEET } from '../registry/columns';
import { UNIT_KIND_LABELS } from '../registry/unit';
import { area, SheetSpec, SpecValue } from '../sheet-spec';

/** The office's master spreadsheet: the sheets setup creates. */
export const LOG_SHEET = 'Nhật ký';
export const CONFIG_HEADER_ROW = 2;
export const CONFIG_KEY_COLUMN = 1;
export const CONFIG_VALUE_COLUMN = 3;
export const LOG_HEADERS = [
  'Thời điểm',
  'Người thực hiện',
  'Thao tác',
  'Kết quả',
  'Số lượng',
  'Vấn đề',
] as const;

const HEADER_BACKGROUND = '#d9e2f3';
/** Rows prepared in the registry (a province and its communes can mean a thousand units and more). */
export const REGISTRY_CAPACITY = 3000;

/** One row per setting: key (for the script), label, value, explanation. */
export function configRows(year: number, admin: string): SpecValue[][] {
  return CONFIG_FIELDS.map((f) => {
    const value = f.key === 'admins' ? admin : f.defaultValue(year);
    return [f.key, f.label, f.kind === 'year' || f.kind === 'count' ? Number(value) : value, f.help];
  });
}

export function configSheetSpec(year: number, admin: string): SheetSpec {
  const rows = configRows(year, admin);
  const first = CONFIG_HEADER_ROW + 1;
  return {
    name: CONFIG_SHEET,
    values: [
      ['CẤU HÌNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH', '', '', ''],
      ['Khóa', 'Mục', 'Giá trị', 'Giải thích'],
      ...rows,
    ],
    columnWidths: [40, 230, 380, 520],
    frozenRows: CONFIG_HEADER_ROW,
    styles: [
      { area: area(1, 1), bold: true, fontSize: 14 },
      { area: area(CONFIG_HEADER_ROW, 1, 1, 4), bold: true, background: HEADER_BACKGROUND },
      { area: area(first, 1, rows.length, 4), wrap: true },
      { area: area(first, 2, rows.length, 1), bold: true },
      { area: area(first, 1, rows.length, 1), color: '#999999' },
      { area: area(first, 4, rows.length, 1), italic: true, color: '#595959' },
    ],
    // The whole sheet, values too: whoever can change "Email quản trị" can act as an admin.
    protections: [{ description: 'Cấu hình (chỉ quản trị được sửa)' }],
  };
}

export function registrySheetSpec(): SheetSpec {
  const headers = REGISTRY_COLUMNS.map((c) => c.header);
  const width = headers.length;
  const inputs = REGISTRY_COLUMNS.filter((c) => !c.byScript).length;
  return {
    name: REGISTRY_SHEET,
    minRows: REGISTRY_HEADER_ROW + REGISTRY_CAPACITY,
    values: [['DANH SÁCH CƠ QUAN, ĐƠN VỊ', ...Array<string>(width - 1).fill('')], headers],
    columnWidths: REGISTRY_COLUMNS.map((c) => c.width),
    frozenRows: REGISTRY_HEADER_ROW,
    styles: [
      { area: area(1, 1), bold: true, fontSize: 14 },
      { area: area(REGISTRY_HEADER_ROW, 1, 1, width), bold: true, background: HEADER_BACKGROUND, wrap: true },
      {
        area: area(REGISTRY_HEADER_ROW + 1, inputs + 1, REGISTRY_CAPACITY, width - inputs),
        background: '#f3f3f3',
      },
    ],
    notes: REGISTRY_COLUMNS.map((c, i) => ({ row: REGISTRY_HEADER_ROW, column: i + 1, text: c.help })),
    validations: [
      {
        area: area(REGISTRY_HEADER_ROW + 1, 3, REGISTRY_CAPACITY, 1),
        rule: { kind: 'list', values: Object.values(UNIT_KIND_LABELS) },
        allowInvalid: false,
        helpText: 'Chọn loại đơn vị.',
      },
    ],
    protections: [
      { area: area(1, 1, REGISTRY_HEADER_ROW, width), description: 'Tiêu đề danh sách đơn vị' },
      {
        area: area(REGISTRY_HEADER_ROW + 1, inputs + 1, REGISTRY_CAPACITY, width - inputs),
        description: 'Cột do hệ thống ghi',
      },
    ],
  };
}

export function logSheetSpec(): SheetSpec {
  return {
    name: LOG_SHEET,
    values: [[...LOG_HEADERS]],
    columnWidths: [150, 220, 220, 110, 110, 600],
    frozenRows: 1,
    styles: [{ area: area(1, 1, 1, LOG_HEADERS.length), bold: true, background: HEADER_BACKGROUND }],
    // Warning only: every action run by any office member appends here, under their own name.
    protections: [{ description: 'Nhật ký (do hệ thống ghi)', warningOnly: true }],
  };
}
