/**
 * The task table's columns (Phụ lục II, "khung logic"). The seed shows nine columns but not their
 * header; this default is the set seen in similar plans. It is the ONE place the column set is
 * defined: unit sheets, validation, consolidation and documents all read it from here.
 */
export type ColumnRole =
  'number' | 'task' | 'result' | 'lead' | 'cooperating' | 'completion' | 'budget' | 'source' | 'note';

export interface TaskColumn {
  readonly role: ColumnRole;
  /** Header text exactly as written in the unit's sheet; the structure check compares it. */
  readonly header: string;
  /** Column width in pixels in the unit's sheet. */
  readonly width: number;
  /** Share of the page's text width in the plan document's table (the shares add up to 100). */
  readonly docShare: number;
  /** Short help shown as the header's note and in the guidance sheet. */
  readonly help: string;
}

/** Written with {năm}: the examples are of the plan year (columnHelp fills it in). */
const YEAR = '{năm}';
const YEAR_EXAMPLES = `Thường xuyên; Quý I/${YEAR}; 6 tháng đầu năm; Tháng 6/${YEAR}; Trước ngày 15/12/${YEAR}; 15/12/${YEAR}`;

/** The completion-time examples of `year`, for the column's validation help. */
export function completionExamples(year: number): string {
  return `Ví dụ: ${YEAR_EXAMPLES.split(YEAR).join(String(year))}.`;
}

/** A column's help with the plan year in its examples. */
export function columnHelp(column: TaskColumn, year: number): string {
  return column.help.split(YEAR).join(String(year));
}

export const DEFAULT_TASK_COLUMNS: readonly TaskColumn[] = [
  {
    role: 'number',
    header: 'TT',
    width: 48,
    docShare: 6,
    help: 'Số thứ tự, đánh liên tục qua các mục (1, 2, 3…).',
  },
  {
    role: 'task',
    header: 'Nhiệm vụ',
    width: 320,
    docShare: 22,
    help: 'Tên nhiệm vụ cụ thể. Bắt buộc với mỗi dòng có nội dung.',
  },
  {
    role: 'result',
    header: 'Kết quả/Sản phẩm',
    width: 220,
    docShare: 15,
    help: 'Sản phẩm đầu ra: kế hoạch, báo cáo, quyết định…',
  },
  {
    role: 'lead',
    header: 'Cơ quan chủ trì',
    width: 180,
    docShare: 13,
    help: 'Chọn trong danh sách cơ quan, đơn vị.',
  },
  {
    role: 'cooperating',
    header: 'Cơ quan phối hợp',
    width: 200,
    docShare: 11,
    help: 'Một hoặc nhiều cơ quan, cách nhau bởi dấu phẩy hoặc chấm phẩy.',
  },
  {
    role: 'completion',
    header: 'Thời gian hoàn thành',
    width: 150,
    docShare: 11,
    help: `Ví dụ: ${YEAR_EXAMPLES}.`,
  },
  {
    role: 'budget',
    header: 'Kinh phí (đồng)',
    width: 140,
    docShare: 11,
    help: 'Số tiền bằng đồng (ví dụ 50.000.000), hoặc: Kinh phí thường xuyên; Lồng ghép; Không.',
  },
  {
    role: 'source',
    header: 'Nguồn kinh phí',
    width: 160,
    docShare: 8,
    help: 'Chọn trong danh sách nguồn kinh phí (ngân sách các cấp, vốn lồng ghép, xã hội hóa…).',
  },
  { role: 'note', header: 'Ghi chú', width: 160, docShare: 3, help: 'Ghi chú thêm (nếu có).' },
];

/** 0-based index of the column with `role` in `columns`. */
export function columnIndex(columns: readonly TaskColumn[], role: ColumnRole): number {
  const index = columns.findIndex((c) => c.role === role);
  if (index < 0) throw new Error(`The task table has no "${role}" column`);
  return index;
}

/** Spreadsheet column letter for a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 notation of a single cell, 1-based. */
export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** A1 notation of a rectangle as Range.getA1Notation gives it ("A1" for one cell, else "A1:I4"). */
export function areaA1(row: number, column: number, numRows: number, numColumns: number): string {
  const start = a1(row, column);
  return numRows === 1 && numColumns === 1
    ? start
    : `${start}:${a1(row + numRows - 1, column + numColumns - 1)}`;
}
