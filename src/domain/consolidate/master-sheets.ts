import { formatDate } from '../parse/calendar';
import { REFORM_AREAS } from '../plan/areas';
import { ColumnRole, TaskColumn } from '../plan/columns';
import { cappedProblem, Problem } from '../problem';
import { area, SheetSpec, SpecValue } from '../sheet-spec';
import { fundingSourceLabel as sourceLabel } from '../parse/funding-source';
import { BudgetSummary } from './budget-totals';
import { BUDGET_KIND_LABELS, COMPLETION_KIND_LABELS } from './labels';
import { TaskRow } from './task-row';

export const CONSOLIDATED_SHEET = 'Tổng hợp';
export const PROPOSALS_SHEET = 'Đề xuất tổng hợp';
export const PROBLEMS_SHEET = 'Lỗi dữ liệu';
export const BUDGET_SHEET = 'Kinh phí';

const HEADER_BACKGROUND = '#d9e2f3';
const SECTION_BACKGROUND = '#f2f2f2';
const AMOUNT_FORMAT = '#,##0';
/** The amount as understood, beside the budget cell as typed (whose header is the unit table's). */
export const AMOUNT_HEADER = 'Số tiền (đồng, chuẩn hóa)';

/** Link to the unit's cell, supplied by the adapter (it knows file ids and sheet ids). */
export type LinkTo = (unitCode: string, sheet: string, cell: string) => string;

function checkText(row: TaskRow): string {
  if (row.errors > 0) return `Lỗi (${row.errors})`;
  if (row.warnings > 0) return `Cảnh báo (${row.warnings})`;
  return 'Hợp lệ';
}

function headerStyles(width: number, rows: number) {
  return [
    { area: area(1, 1, 1, width), bold: true, background: HEADER_BACKGROUND, wrap: true },
    ...(rows > 0 ? [{ area: area(2, 1, rows, width), wrap: true }] : []),
  ];
}

function consolidatedHeader(columns: readonly TaskColumn[]): string[] {
  const written = columns.filter((c) => c.role !== 'number');
  return [
    'STT',
    'Mã đơn vị',
    'Đơn vị',
    'Mục',
    'TT của đơn vị',
    ...written.map((c) => c.header),
    'Loại thời hạn',
    'Hạn hoàn thành',
    'Loại kinh phí',
    AMOUNT_HEADER,
    'Nguồn (chuẩn hóa)',
    'Liên kết',
    'Kiểm tra',
  ];
}

/** One row of "Tổng hợp": number `n` in the sheet, the task as written and as understood. */
export function consolidatedRow(
  r: TaskRow,
  n: number,
  columns: readonly TaskColumn[],
  link: LinkTo,
): SpecValue[] {
  const index = (role: ColumnRole) => columns.findIndex((c) => c.role === role);
  return [
    n,
    r.unit.code,
    r.unit.name,
    r.area.roman,
    r.cells[index('number')] ?? '',
    ...columns.filter((c) => c.role !== 'number').map((c) => r.cells[index(c.role)] ?? ''),
    COMPLETION_KIND_LABELS[r.completion.kind],
    r.completion.due ? formatDate(r.completion.due) : '',
    BUDGET_KIND_LABELS[r.budget.kind],
    r.budget.amount ?? '',
    r.source === 'empty' ? '' : sourceLabel(r.source),
    link(r.unit.code, r.sheet, `B${r.row}`),
    checkText(r),
  ];
}

/** "Tổng hợp" with `rowCount` rows below the header: its header and formatting (values: header only). */
export function consolidatedFormat(columns: readonly TaskColumn[], rowCount: number): SheetSpec {
  const header = consolidatedHeader(columns);
  const written = columns.filter((c) => c.role !== 'number');
  const amountColumn = header.indexOf(AMOUNT_HEADER) + 1;
  return {
    name: CONSOLIDATED_SHEET,
    values: [header],
    columnWidths: [48, 80, 200, 50, 60, ...written.map((c) => c.width), 120, 110, 140, 130, 150, 120, 110],
    frozenRows: 1,
    styles: [
      ...headerStyles(header.length, rowCount),
      ...(rowCount > 0 ? [{ area: area(2, amountColumn, rowCount, 1), numberFormat: AMOUNT_FORMAT }] : []),
    ],
  };
}

/** A proposal as kept between steps: who proposed it, its area, its cells as written, the link. */
export interface ProposalLine {
  readonly unitName: string;
  readonly area: number;
  readonly link: string;
  readonly cells: readonly string[];
}

export function proposalLine(r: TaskRow, link: LinkTo): ProposalLine {
  return {
    unitName: r.unit.name,
    area: r.area.number,
    link: link(r.unit.code, r.sheet, `B${r.row}`),
    cells: r.cells,
  };
}

/** Flat row for the draft sheet, and back. */
export function proposalLineRow(p: ProposalLine): SpecValue[] {
  return [p.unitName, p.area, p.link, ...p.cells];
}

export function proposalLineOf(row: readonly SpecValue[]): ProposalLine {
  return {
    unitName: String(row[0]),
    area: Number(row[1]),
    link: String(row[2]),
    cells: row.slice(3).map(String),
  };
}

/** "Đề xuất tổng hợp": the agencies' proposals grouped by area — the draft of the local plan's table. */
export function proposalsSheet(lines: readonly ProposalLine[], columns: readonly TaskColumn[]): SheetSpec {
  const written = columns.filter((c) => c.role !== 'number');
  const index = (role: ColumnRole) => columns.findIndex((c) => c.role === role);
  const header = ['TT', ...written.map((c) => c.header), 'Đơn vị đề xuất', 'Liên kết'];
  const values: SpecValue[][] = [header];
  const sectionRows: number[] = [];
  let number = 0;
  for (const a of REFORM_AREAS) {
    sectionRows.push(values.length + 1);
    values.push([a.roman, a.tableTitle]);
    for (const p of lines.filter((line) => line.area === a.number)) {
      number++;
      values.push([`${number}.`, ...written.map((c) => p.cells[index(c.role)] ?? ''), p.unitName, p.link]);
    }
  }
  const amountColumn = header.indexOf(columns[index('budget')].header) + 1;
  return {
    name: PROPOSALS_SHEET,
    values,
    columnWidths: [48, ...written.map((c) => c.width), 200, 120],
    frozenRows: 1,
    styles: [
      ...headerStyles(header.length, values.length - 1),
      { area: area(2, amountColumn, values.length - 1, 1), numberFormat: AMOUNT_FORMAT },
      ...sectionRows.map((row) => ({
        area: area(row, 1, 1, header.length),
        bold: true,
        background: SECTION_BACKGROUND,
      })),
    ],
  };
}

export const PROBLEM_HEADERS = [
  'Mã đơn vị',
  'Đơn vị',
  'Trang',
  'Ô',
  'Cột',
  'Giá trị',
  'Vấn đề',
  'Mức độ',
  'Liên kết',
];

export function problemRow(problem: Problem, link: LinkTo): SpecValue[] {
  const p = cappedProblem(problem); // every row must fit its cells, whoever made the problem
  return [
    p.unit?.code ?? '',
    p.unit?.name ?? '',
    p.sheet,
    p.cell,
    p.field,
    p.value,
    p.message,
    p.severity === 'error' ? 'Lỗi' : 'Cảnh báo',
    p.unit ? link(p.unit.code, p.sheet, p.cell) : '',
  ];
}

export function problemsFormat(rowCount: number): SheetSpec {
  return {
    name: PROBLEMS_SHEET,
    values: [PROBLEM_HEADERS],
    columnWidths: [80, 200, 100, 60, 140, 200, 480, 80, 120],
    frozenRows: 1,
    styles: headerStyles(PROBLEM_HEADERS.length, rowCount),
  };
}

/** "Kinh phí": totals per area and per funding source, for section V of the plan. */
export function budgetSheet(summary: BudgetSummary): SheetSpec {
  const values: SpecValue[][] = [
    ['Mục', 'Lĩnh vực', 'Số nhiệm vụ', 'Kinh phí (đồng)', 'Nhiệm vụ dùng kinh phí thường xuyên'],
    ...summary.byArea.map((a) => [a.area.roman, a.area.tableTitle, a.tasks, a.amount, a.recurrentTasks]),
    ['', 'Tổng cộng', summary.byArea.reduce((s, a) => s + a.tasks, 0), summary.total, summary.recurrentTasks],
    [],
    ['Nguồn kinh phí', '', 'Số nhiệm vụ', 'Kinh phí (đồng)'],
    ...summary.bySource.map((s) => [sourceLabel(s.source), '', s.tasks, s.amount]),
    [],
    ['Nhiệm vụ lồng ghép', '', summary.integratedTasks],
    ['Nhiệm vụ chỉ ghi nguồn kinh phí, chưa có số tiền (không tính vào tổng)', '', summary.sourceOnlyTasks],
    ['Nhiệm vụ có kinh phí không đọc được (không tính vào tổng)', '', summary.unreadableTasks],
  ];
  const totalRow = summary.byArea.length + 2;
  const sourceHeader = totalRow + 2;
  return {
    name: BUDGET_SHEET,
    values,
    columnWidths: [220, 360, 110, 150, 200],
    frozenRows: 1,
    styles: [
      { area: area(1, 1, 1, 5), bold: true, background: HEADER_BACKGROUND, wrap: true },
      { area: area(totalRow, 1, 1, 5), bold: true },
      { area: area(sourceHeader, 1, 1, 4), bold: true, background: HEADER_BACKGROUND },
      { area: area(2, 4, values.length - 1, 1), numberFormat: AMOUNT_FORMAT },
    ],
  };
}
