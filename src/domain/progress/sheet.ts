import { DateOnly, formatDateVn } from '../dates';
import { columnLetter } from '../plan/columns';
import { REFORM_AREAS } from '../plan/areas';
import {
  area,
  ProtectionSpec,
  rectangular,
  SheetSpec,
  SpecValue,
  StyleSpec,
  ValidationSpec,
} from '../sheet-spec';
import { deadlineText } from './deadline';
import {
  ADDED_MARK,
  NOT_IN_PLAN_MARK,
  PROGRESS_STATUSES,
  ProgressRow,
  STATUS_LABELS,
  UnitInput,
} from './model';
import { ReportingPeriod } from './periods';

/**
 * The progress sheet of one period in a unit's file: the plan's tasks carried (locked), and what
 * the unit fills in beside them. Built here as data; the template push renders it.
 */
export type ProgressColumnRole =
  | 'number'
  | 'task'
  | 'result'
  | 'lead'
  | 'completion'
  | 'deadline'
  | 'origin'
  | 'status'
  | 'completionDate'
  | 'evidence'
  | 'budgetSpent'
  | 'reason'
  | 'notes'
  | 'id';

export interface ProgressColumn {
  readonly role: ProgressColumnRole;
  readonly header: string;
  readonly width: number;
  /** true: the unit types it; false: carried from the plan, locked. */
  readonly input: boolean;
  readonly help: string;
}

export const PROGRESS_COLUMNS: readonly ProgressColumn[] = [
  { role: 'number', header: 'TT', width: 40, input: false, help: 'Số thứ tự trong kỳ báo cáo.' },
  {
    role: 'task',
    header: 'Nhiệm vụ',
    width: 300,
    input: false,
    help: 'Nhiệm vụ trong kế hoạch của đơn vị (không sửa ở đây: sửa ở trang "Nhiệm vụ").',
  },
  {
    role: 'result',
    header: 'Kết quả/Sản phẩm',
    width: 180,
    input: false,
    help: 'Sản phẩm đầu ra theo kế hoạch.',
  },
  { role: 'lead', header: 'Cơ quan chủ trì', width: 150, input: false, help: 'Theo kế hoạch.' },
  {
    role: 'completion',
    header: 'Thời gian hoàn thành (kế hoạch)',
    width: 140,
    input: false,
    help: 'Như đơn vị ghi trong kế hoạch.',
  },
  {
    role: 'deadline',
    header: 'Hạn (hệ thống đọc)',
    width: 110,
    input: false,
    help: 'Hạn hệ thống đọc được từ kế hoạch, dùng để tính đúng hạn, quá hạn.',
  },
  {
    role: 'origin',
    header: 'Nguồn',
    width: 100,
    input: false,
    help: `"${ADDED_MARK}": nhiệm vụ bổ sung sau khi nộp kế hoạch. "${NOT_IN_PLAN_MARK}": nhiệm vụ đã bỏ khỏi kế hoạch.`,
  },
  {
    role: 'status',
    header: 'Tình trạng',
    width: 130,
    input: true,
    help: 'Chọn: Đã hoàn thành; Đang thực hiện; Chưa thực hiện; Không thực hiện (ghi lý do).',
  },
  {
    role: 'completionDate',
    header: 'Ngày hoàn thành',
    width: 110,
    input: true,
    help: 'Ngày hoàn thành thực tế (ngày/tháng/năm), chỉ ghi khi đã hoàn thành.',
  },
  {
    role: 'evidence',
    header: 'Kết quả, minh chứng (số, ngày văn bản hoặc đường dẫn)',
    width: 220,
    input: true,
    help: 'Ví dụ: Kế hoạch số 12/KH-UBND ngày 05/3; hoặc đường dẫn tới văn bản. Bắt buộc khi đã hoàn thành.',
  },
  {
    role: 'budgetSpent',
    header: 'Kinh phí đã sử dụng (đồng)',
    width: 130,
    input: true,
    help: 'Số tiền đã sử dụng đến ngày chốt số liệu, bằng đồng (ví dụ 15.000.000).',
  },
  {
    role: 'reason',
    header: 'Lý do, khó khăn',
    width: 200,
    input: true,
    help: 'Bắt buộc khi "Không thực hiện"; nêu khó khăn nếu chậm.',
  },
  { role: 'notes', header: 'Ghi chú', width: 150, input: true, help: 'Ghi chú thêm (nếu có).' },
  {
    role: 'id',
    header: 'Mã nhiệm vụ',
    width: 110,
    input: false,
    help: 'Mã hệ thống dùng để đối chiếu nhiệm vụ giữa các kỳ; không sửa.',
  },
];

export const PROGRESS_HEADER_ROW = 4;
export const PROGRESS_FIRST_ROW = 5;
export const PROGRESS_TITLE = 'BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH';
/** Blank rows left at the end: never read as tasks (a status there is flagged). */
export const PROGRESS_SPARE_ROWS = 5;

const HEADER_BACKGROUND = '#d9e2f3';
const SECTION_BACKGROUND = '#f2f2f2';
const CARRIED_BACKGROUND = '#f7f7f7';
const DATE_FORMAT = 'dd/MM/yyyy';
const AMOUNT_FORMAT = '#,##0';
const PLAIN_TEXT_FORMAT = '@';

/** 1-based column of a role. */
export function progressColumn(role: ProgressColumnRole): number {
  return PROGRESS_COLUMNS.findIndex((c) => c.role === role) + 1;
}

/** "Tiến độ Quý I": one sheet per period, so earlier periods stay as they were sent. */
export function progressSheetName(period: ReportingPeriod): string {
  return `Tiến độ ${period.name}`;
}

export function progressSubtitle(period: ReportingPeriod, year: number): string {
  return `Kỳ báo cáo: ${period.name} năm ${year} — số liệu tính đến ngày ${formatDateVn(period.cutOff)}; hạn gửi: ${formatDateVn(period.unitDue)}`;
}

const ORIGIN_TEXT = { plan: '', added: ADDED_MARK, 'not-in-plan': NOT_IN_PLAN_MARK } as const;

function inputCell(value: UnitInput[keyof UnitInput]): SpecValue {
  if (typeof value === 'object') return formatDateVn(value as DateOnly);
  return value;
}

/** The grid row of a task: carried cells, then the unit's own, then the id. */
export function progressRowValues(row: ProgressRow, n: number): SpecValue[] {
  const byRole: Record<ProgressColumnRole, SpecValue> = {
    number: n,
    task: row.task.task,
    result: row.task.result,
    lead: row.task.lead,
    completion: row.task.completion.text,
    deadline: deadlineText(row.task.completion),
    origin: ORIGIN_TEXT[row.origin],
    status: inputCell(row.input.status),
    completionDate: inputCell(row.input.completionDate),
    evidence: inputCell(row.input.evidence),
    budgetSpent: inputCell(row.input.budgetSpent),
    reason: inputCell(row.input.reason),
    notes: inputCell(row.input.notes),
    id: row.task.id,
  };
  return PROGRESS_COLUMNS.map((c) => byRole[c.role]);
}

export interface ProgressSheetInput {
  readonly period: ReportingPeriod;
  readonly planYear: number;
  readonly unitName: string;
  readonly rows: readonly ProgressRow[];
}

/**
 * The sheet: three title rows, the header, then each area's section row (I–VIII) followed by its
 * tasks, then a few spare rows. Locked: titles, header, section rows, the carried columns and the
 * id; open: the unit's columns on task rows. Dates of the carried input are written as dd/MM/yyyy
 * text and read back through the same parser as typed dates.
 */
export function progressSheetSpec({ period, planYear, unitName, rows }: ProgressSheetInput): SheetSpec {
  const width = PROGRESS_COLUMNS.length;
  const grid: SpecValue[][] = [
    [PROGRESS_TITLE],
    [progressSubtitle(period, planYear)],
    [`Đơn vị: ${unitName}`],
    PROGRESS_COLUMNS.map((c) => c.header),
  ];
  const sectionRows: number[] = [];
  let n = 0;
  for (const a of REFORM_AREAS) {
    sectionRows.push(grid.length + 1);
    grid.push([a.roman, a.tableTitle]);
    for (const row of rows.filter((r) => r.task.area.number === a.number)) {
      grid.push(progressRowValues(row, ++n));
    }
  }
  for (let i = 0; i < PROGRESS_SPARE_ROWS; i++) grid.push([]);
  const lastRow = grid.length;
  const bodyRows = lastRow - PROGRESS_HEADER_ROW;
  const body = (role: ProgressColumnRole) => area(PROGRESS_FIRST_ROW, progressColumn(role), bodyRows, 1);
  const styles: StyleSpec[] = [
    { area: area(1, 1, 2, width), bold: true, align: 'center' },
    { area: area(3, 1, 1, width), italic: true, align: 'center' },
    {
      area: area(PROGRESS_HEADER_ROW, 1, 1, width),
      bold: true,
      background: HEADER_BACKGROUND,
      wrap: true,
      align: 'center',
    },
    { area: area(PROGRESS_FIRST_ROW, 1, bodyRows, width), wrap: true },
    ...PROGRESS_COLUMNS.filter((c) => !c.input && c.role !== 'number').map((c) => ({
      area: body(c.role),
      background: CARRIED_BACKGROUND,
      numberFormat: PLAIN_TEXT_FORMAT,
    })),
    { area: body('completionDate'), numberFormat: DATE_FORMAT },
    { area: body('budgetSpent'), numberFormat: AMOUNT_FORMAT },
    ...(['evidence', 'reason', 'notes'] as const).map((role) => ({
      area: body(role),
      numberFormat: PLAIN_TEXT_FORMAT,
    })),
    ...sectionRows.map((row) => ({
      area: area(row, 1, 1, width),
      bold: true,
      background: SECTION_BACKGROUND,
    })),
  ];
  return {
    name: progressSheetName(period),
    values: rectangular(grid),
    columnWidths: PROGRESS_COLUMNS.map((c) => c.width),
    frozenRows: PROGRESS_HEADER_ROW,
    styles,
    merges: [area(1, 1, 1, width), area(2, 1, 1, width), area(3, 1, 1, width)],
    validations: progressValidations(bodyRows),
    notes: PROGRESS_COLUMNS.map((c, i) => ({ row: PROGRESS_HEADER_ROW, column: i + 1, text: c.help })),
    protections: progressProtections(sectionRows, lastRow),
  };
}

/** The status dropdown (strict), a date check and an amount check (warnings, for pasted text). */
export function progressValidations(bodyRows: number): ValidationSpec[] {
  const cell = (role: ProgressColumnRole) => `${columnLetter(progressColumn(role))}${PROGRESS_FIRST_ROW}`;
  const body = (role: ProgressColumnRole) => area(PROGRESS_FIRST_ROW, progressColumn(role), bodyRows, 1);
  return [
    {
      area: body('status'),
      rule: { kind: 'list', values: PROGRESS_STATUSES.map((s) => STATUS_LABELS[s]) },
      allowInvalid: false,
      helpText: PROGRESS_COLUMNS[progressColumn('status') - 1].help,
    },
    {
      area: body('completionDate'),
      rule: {
        kind: 'formula',
        formula: `=OR(ISBLANK(${cell('completionDate')}),ISDATE(${cell('completionDate')}))`,
      },
      allowInvalid: true,
      helpText: 'Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/03/2026.',
    },
    {
      area: body('budgetSpent'),
      rule: {
        kind: 'formula',
        formula: `=OR(ISBLANK(${cell('budgetSpent')}),ISNUMBER(${cell('budgetSpent')}))`,
      },
      allowInvalid: true,
      helpText: 'Nhập số tiền bằng đồng, ví dụ 15.000.000.',
    },
  ];
}

/**
 * Whole sheet locked but the unit's columns on the body: a unit cannot edit a carried task (the
 * plan is the one list of tasks) nor its id (the match of the next period depends on it).
 * Section rows stay locked inside the open columns too.
 */
export function progressProtections(sectionRows: readonly number[], lastRow: number): ProtectionSpec[] {
  const inputs = PROGRESS_COLUMNS.filter((c) => c.input).map((c) => progressColumn(c.role));
  const first = Math.min(...inputs);
  const count = inputs.length;
  const open = [];
  let start = PROGRESS_FIRST_ROW;
  for (const row of [...sectionRows, lastRow + 1]) {
    if (row > start) open.push(area(start, first, row - start, count));
    start = row + 1;
  }
  return [{ description: 'Trang tiến độ: chỉ nhập ở các cột của đơn vị', unprotected: open }];
}
