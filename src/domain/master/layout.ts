import { CONFIG_SHEET } from '../config/parse-config';
import { CONFIG_FIELDS } from '../config/fields';
import { LevelPreset, presetFor, UnitKindSpec } from '../config/levels';
import {
  REGISTRY_COLUMNS,
  REGISTRY_HEADER_ROW,
  REGISTRY_SHEET,
  registryColumn,
  scriptColumnSpan,
} from '../registry/columns';
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

/** The master's hidden lists (the registry's "Loại đơn vị" dropdown reads its column A). */
export const MASTER_LISTS_SHEET = 'Danh mục';
/** Rows kept for unit kinds in the lists sheet. */
export const KIND_LIST_ROWS = 50;

/** One row per setting: key (for the script), label, value, explanation. */
export function configRows(
  year: number,
  admin: string,
  preset: LevelPreset = presetFor('huyện'),
): SpecValue[][] {
  return CONFIG_FIELDS.map((f) => {
    const value = f.key === 'admins' ? admin : f.defaultValue(year, preset);
    return [f.key, f.label, f.kind === 'year' || f.kind === 'count' ? Number(value) : value, f.help];
  });
}

export function configSheetSpec(
  year: number,
  admin: string,
  preset: LevelPreset = presetFor('huyện'),
): SheetSpec {
  const rows = configRows(year, admin, preset);
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
  const script = scriptColumnSpan();
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
        area: area(REGISTRY_HEADER_ROW + 1, script.first, REGISTRY_CAPACITY, script.count),
        background: '#f3f3f3',
      },
    ],
    notes: REGISTRY_COLUMNS.map((c, i) => ({ row: REGISTRY_HEADER_ROW, column: i + 1, text: c.help })),
    validations: registryValidations(),
    protections: [
      { area: area(1, 1, REGISTRY_HEADER_ROW, width), description: 'Tiêu đề danh sách đơn vị' },
      {
        area: area(REGISTRY_HEADER_ROW + 1, script.first, REGISTRY_CAPACITY, script.count),
        description: 'Cột do hệ thống ghi',
      },
    ],
  };
}

/**
 * "Loại đơn vị" offers the configured kinds, read from a range of the lists sheet: a label may
 * hold commas ("UBND xã, phường, đặc khu"), which an inline list cannot carry into .xlsx.
 */
export function registryValidations(): SheetSpec['validations'] {
  const kindColumn = registryColumn('kind');
  return [
    {
      area: area(REGISTRY_HEADER_ROW + 1, kindColumn, REGISTRY_CAPACITY, 1),
      rule: { kind: 'range', a1: `'${MASTER_LISTS_SHEET}'!$A$2:$A$${KIND_LIST_ROWS + 1}` },
      allowInvalid: false,
      helpText: 'Chọn loại đơn vị (các loại ở mục "Loại đơn vị" của trang Cấu hình).',
    },
  ];
}

/** Column A of the lists sheet: the kinds' labels, padded to KIND_LIST_ROWS. */
export function kindListValues(kinds: readonly UnitKindSpec[]): SpecValue[][] {
  return [['Loại đơn vị'], ...Array.from({ length: KIND_LIST_ROWS }, (_, i) => [kinds[i]?.label ?? ''])];
}

export function masterListsSheetSpec(kinds: readonly UnitKindSpec[]): SheetSpec {
  return {
    name: MASTER_LISTS_SHEET,
    values: kindListValues(kinds),
    columnWidths: [260],
    hidden: true,
    styles: [{ area: area(1, 1), bold: true }],
    protections: [{ description: 'Danh mục (do hệ thống cập nhật từ trang Cấu hình)' }],
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
