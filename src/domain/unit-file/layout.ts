import { OfficeConfig } from '../config/fields';
import { formatDateVn } from '../dates';
import { REFORM_AREAS } from '../plan/areas';
import { columnHelp, columnLetter, completionExamples, TaskColumn } from '../plan/columns';
import { fullAuthorityName } from '../config/names';
import { planFields } from '../plan/plan-fields';
import { area, ProtectionSpec, SheetSpec, SpecValue, StyleSpec, ValidationSpec } from '../sheet-spec';
import {
  LIST_COLUMNS,
  LIST_ROWS,
  PLAN_HEADER_ROW,
  PLAN_HEADERS,
  PROPOSALS_TITLE,
  SUBMISSION_FIRST_ROW,
  SUBMISSION_HEADER_ROW,
  SUBMISSION_UNIT_HEADERS,
  TASK_FIRST_SECTION_ROW,
  TASK_HEADER_ROW,
  TASK_PROTECTED_EXTRA_COLUMNS,
  TASKS_TITLE,
  UNIT_SHEETS,
} from './sheets';
import { roundsFor, UNIT_STATE_DRAFTING, UNIT_STATES } from './submission';

export type WorkbookVariant = 'agency' | 'other';

export const BUDGET_WORDS = ['Kinh phí thường xuyên', 'Lồng ghép', 'Không'] as const;

const HEADER_BACKGROUND = '#d9e2f3';
const SECTION_BACKGROUND = '#f2f2f2';
const OFFICE_BACKGROUND = '#fff2cc';
const AMOUNT_FORMAT = '#,##0';
const PLAIN_TEXT_FORMAT = '@';

export interface WorkbookInput {
  readonly config: OfficeConfig;
  readonly columns: readonly TaskColumn[];
  /** Names offered in the agency dropdowns. */
  readonly unitNames: readonly string[];
  readonly variant: WorkbookVariant;
}

/** Placeholder for the unit's name in the template; replaced per unit after the copy. */
export const UNIT_NAME_PLACEHOLDER = '(tên cơ quan, đơn vị)';

/** Every sheet of a unit's spreadsheet, in tab order. */
export function unitWorkbookSpecs(input: WorkbookInput): SheetSpec[] {
  const sheets: SheetSpec[] = [guideSheet(input), planSheet(input), taskSheet(input, UNIT_SHEETS.tasks)];
  if (input.variant === 'agency') sheets.push(taskSheet(input, UNIT_SHEETS.proposals));
  sheets.push(submissionSheet(input), listsSheet(input));
  return sheets;
}

export interface UnitCell {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly value: string;
  /** In the plan's input column, formatted as plain text ("@"). */
  readonly plainText?: boolean;
}

/**
 * What makes a copy of the template this unit's own: its name on each sheet, and the plan's
 * issuer (in full) and parent authority prefilled (the unit may change them). `parentLine` is the
 * unit's (registry override, else its kind's); empty: no parent line.
 */
export function unitPersonalCells(
  input: Pick<WorkbookInput, 'config' | 'variant'>,
  unitName: string,
  parentLine = '',
): UnitCell[] {
  const fields = planFields(input.config);
  const planRow = (key: string) => PLAN_HEADER_ROW + 1 + fields.findIndex((f) => f.key === key);
  return [
    ...unitTitleCells(input, unitName),
    {
      sheet: UNIT_SHEETS.plan,
      row: planRow('parentAuthority'),
      column: 3,
      value: parentLine,
      plainText: true,
    },
    {
      sheet: UNIT_SHEETS.plan,
      row: planRow('issuer'),
      column: 3,
      value: fullAuthorityName(unitName),
      plainText: true,
    },
  ];
}

/** The title line that names the unit on each sheet (row, column 1). */
export function unitTitleCells(
  input: Pick<WorkbookInput, 'config' | 'variant'>,
  unitName: string,
): UnitCell[] {
  const year = input.config.planYear;
  const cells: UnitCell[] = [
    { sheet: UNIT_SHEETS.guide, row: 2, column: 1, value: unitName },
    { sheet: UNIT_SHEETS.plan, row: 2, column: 1, value: unitName },
    { sheet: UNIT_SHEETS.tasks, row: 3, column: 1, value: taskSubtitle(year, unitName) },
    { sheet: UNIT_SHEETS.submission, row: 2, column: 1, value: unitName },
  ];
  if (input.variant === 'agency') {
    cells.push({ sheet: UNIT_SHEETS.proposals, row: 3, column: 1, value: proposalSubtitle(unitName) });
  }
  return cells;
}

function taskSubtitle(year: number, unitName: string): string {
  return `(Kèm theo Kế hoạch Cải cách hành chính năm ${year} của ${unitName})`;
}

function proposalSubtitle(unitName: string): string {
  return `(Nhiệm vụ mới, đột phá do ${unitName} đề xuất cho kế hoạch chung)`;
}

function guideSheet({ config, columns, variant }: WorkbookInput): SheetSpec {
  const year = config.planYear;
  const rows: SpecValue[][] = [
    [`HƯỚNG DẪN XÂY DỰNG KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM ${year}`],
    [UNIT_NAME_PLACEHOLDER],
    [''],
    ['1. Thời hạn'],
  ];
  if (variant === 'agency') {
    rows.push([
      `- Gửi đề xuất nhiệm vụ mới, đột phá (trang "${UNIT_SHEETS.proposals}") trước ngày ${formatDateVn(config.proposalDeadline)}.`,
    ]);
  }
  rows.push(
    [
      `- Hoàn thành kế hoạch và chọn "Đã hoàn thành, đề nghị tiếp nhận" trước ngày ${formatDateVn(config.unitPlanDeadline)}.`,
    ],
    ...(config.reportingPeriods.length > 0
      ? [
          [
            `- Báo cáo tiến độ thực hiện kế hoạch: ${config.reportingPeriods.map((p) => `${p.name} trước ngày ${formatDateVn(p.unitDue)}`).join('; ')}.`,
          ],
        ]
      : []),
    [''],
    ['2. Cách điền'],
    [`- Trang "${UNIT_SHEETS.plan}": nhập nội dung vào cột "Nội dung" (cột C) theo từng mục của Phụ lục I.`],
    [
      `- Trang "${UNIT_SHEETS.tasks}": mỗi nhiệm vụ một dòng, dưới đúng mục I–VIII. Có thể chèn thêm dòng trong một mục. Không sửa dòng tiêu đề và dòng tên mục.`,
    ],
    [
      `- Trang "${UNIT_SHEETS.submission}": khi đã hoàn thành, chọn "Đã hoàn thành, đề nghị tiếp nhận". Sau khi nộp, bảng tính được khóa đến khi ${config.coordinatingOffice} tiếp nhận hoặc trả lại.`,
    ],
    [
      `- Trang "Tiến độ <kỳ>" (có sau khi đã nộp kế hoạch, mỗi kỳ một trang): nhiệm vụ lấy từ trang "${UNIT_SHEETS.tasks}", đơn vị chỉ điền các cột từ "Tình trạng" đến "Ghi chú". Khi xong, chọn "Đã hoàn thành, đề nghị tiếp nhận" ở dòng của kỳ đó trong trang "${UNIT_SHEETS.submission}".`,
    ],
    [''],
    ['3. Các cột của bảng nhiệm vụ'],
    ...columns.map((c) => [`- ${c.header}: ${columnHelp(c, year)}`]),
    ['- Kinh phí: ghi rõ số tiền. Trường hợp kinh phí thường xuyên thì ghi rõ: Kinh phí thường xuyên.'],
    [''],
    ['4. Các lĩnh vực cải cách hành chính và nội dung cần xây dựng'],
  );
  for (const a of REFORM_AREAS) {
    rows.push([`${a.roman}. ${a.title}`]);
    for (const g of config.guidance[a.number - 1] ?? []) rows.push([`- ${g}`]);
  }
  const headings = rows
    .map((r, i) => ({ text: String(r[0]), row: i + 1 }))
    .filter(({ text, row }) => row === 1 || /^\d\. |^[IVX]+\. /.test(text));
  return {
    name: UNIT_SHEETS.guide,
    values: rows,
    columnWidths: [900],
    styles: [
      { area: area(1, 1, rows.length, 1), wrap: true },
      ...headings.map(({ row }) => ({ area: area(row, 1), bold: true })),
      { area: area(1, 1), fontSize: 14 },
    ],
    protections: [{ description: 'Hướng dẫn (chỉ quản trị được sửa)' }],
  };
}

function planSheet({ config }: WorkbookInput): SheetSpec {
  const fields = planFields(config);
  const rows: SpecValue[][] = [
    [`KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM ${config.planYear} (PHỤ LỤC I)`, '', '', ''],
    [UNIT_NAME_PLACEHOLDER, '', '', ''],
    [...PLAN_HEADERS],
    ...fields.map((f) => [
      f.key,
      f.label,
      f.key === 'organization' ? unitOrganizationText(config.planYear) : '',
      f.help,
    ]),
  ];
  const first = PLAN_HEADER_ROW + 1;
  const inputArea = area(first, 3, fields.length, 1);
  return {
    name: UNIT_SHEETS.plan,
    values: rows,
    columnWidths: [40, 260, 520, 360],
    frozenRows: PLAN_HEADER_ROW,
    styles: [
      { area: area(1, 1), bold: true, fontSize: 14 },
      { area: area(2, 1), bold: true },
      { area: area(PLAN_HEADER_ROW, 1, 1, 4), bold: true, background: HEADER_BACKGROUND, wrap: true },
      { area: area(first, 1, fields.length, 4), wrap: true },
      { area: area(first, 2, fields.length, 1), bold: true },
      { area: area(first, 4, fields.length, 1), italic: true, color: '#595959' },
      // Plain text: a narrative starting with "- " must not become a broken formula.
      { area: inputArea, numberFormat: PLAIN_TEXT_FORMAT },
      { area: area(first, 1, fields.length, 1), color: '#999999' },
    ],
    protections: [{ description: 'Kế hoạch: chỉ cột "Nội dung" do đơn vị nhập', unprotected: [inputArea] }],
    notes: [
      {
        row: PLAN_HEADER_ROW,
        column: 3,
        text: 'Chỉ nhập ở cột này. Xuống dòng trong ô: Alt+Enter (Ctrl+Enter).',
      },
    ],
  };
}

/** Row 1 of a task table: what tells "Nhiệm vụ" from "Đề xuất" when a unit renamed the sheet. */
export function taskTableTitle(sheetName: string): string {
  return sheetName === UNIT_SHEETS.proposals ? PROPOSALS_TITLE : TASKS_TITLE;
}

function taskSheet({ config, columns }: WorkbookInput, name: string): SheetSpec {
  const width = columns.length;
  const perSection = config.taskRowsPerSection;
  const isProposals = name === UNIT_SHEETS.proposals;
  const rows: SpecValue[][] = [
    [taskTableTitle(name)],
    [
      isProposals
        ? `NHIỆM VỤ MỚI, ĐỘT PHÁ VỀ CẢI CÁCH HÀNH CHÍNH NĂM ${config.planYear}`
        : `KHUNG LOGIC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM ${config.planYear}`,
    ],
    [
      isProposals
        ? proposalSubtitle(UNIT_NAME_PLACEHOLDER)
        : taskSubtitle(config.planYear, UNIT_NAME_PLACEHOLDER),
    ],
    columns.map((c) => c.header),
  ];
  const sectionRows: number[] = [];
  for (const a of REFORM_AREAS) {
    sectionRows.push(rows.length + 1);
    rows.push([a.roman, a.tableTitle]);
    for (let i = 0; i < perSection; i++) rows.push([]);
  }
  const lastRow = rows.length;
  const bodyRows = lastRow - TASK_HEADER_ROW;
  const body = (role: TaskColumn['role']) =>
    area(TASK_FIRST_SECTION_ROW, columns.findIndex((c) => c.role === role) + 1, bodyRows, 1);
  const styles: StyleSpec[] = [
    { area: area(1, 1, 3, width), align: 'center' },
    { area: area(1, 1, 2, width), bold: true },
    { area: area(3, 1, 1, width), italic: true },
    {
      area: area(TASK_HEADER_ROW, 1, 1, width),
      bold: true,
      background: HEADER_BACKGROUND,
      wrap: true,
      align: 'center',
    },
    { area: area(TASK_FIRST_SECTION_ROW, 1, bodyRows, width), wrap: true },
    { area: body('budget'), numberFormat: AMOUNT_FORMAT },
    // Plain text: what a unit types stays text ("- Rà soát", "0012", "6/2025" would otherwise
    // become a broken formula, a number or a date).
    ...columns
      .filter((c) => c.role !== 'budget')
      .map((c) => ({ area: body(c.role), numberFormat: PLAIN_TEXT_FORMAT })),
    ...sectionRows.map((row) => ({
      area: area(row, 1, 1, width),
      bold: true,
      background: SECTION_BACKGROUND,
    })),
  ];
  const protections = taskProtections(width, sectionRows, lastRow);
  return {
    name,
    values: rows,
    columnWidths: columns.map((c) => c.width),
    frozenRows: TASK_HEADER_ROW,
    styles,
    merges: [area(1, 1, 1, width), area(2, 1, 1, width), area(3, 1, 1, width)],
    validations: taskValidations(columns, bodyRows, config.planYear),
    notes: columns.map((c, i) => ({
      row: TASK_HEADER_ROW,
      column: i + 1,
      text: columnHelp(c, config.planYear),
    })),
    protections,
  };
}

/**
 * What stays locked in a task table: the title and header block, every section row, and the
 * columns right of the table. Task rows between sections stay open, so units can type and insert
 * rows inside a section. Rebuilt from the sheet's current section rows on every template push.
 */
export function taskProtections(
  width: number,
  sectionRows: readonly number[],
  lastRow: number,
): ProtectionSpec[] {
  return [
    { area: area(1, 1, TASK_HEADER_ROW, width), description: 'Tiêu đề bảng' },
    ...sectionRows.map((row, i) => ({
      area: area(row, 1, 1, width),
      description: `Dòng mục ${REFORM_AREAS[i]?.roman ?? ''}`.trim(),
    })),
    { area: area(1, width + 1, lastRow, TASK_PROTECTED_EXTRA_COLUMNS), description: 'Ngoài bảng' },
  ];
}

/** Replaces the unit-name placeholder in every text cell of a spec. */
export function personaliseSpec(spec: SheetSpec, unitName: string): SheetSpec {
  return {
    ...spec,
    values: spec.values.map((row) =>
      row.map((v) => (typeof v === 'string' ? v.split(UNIT_NAME_PLACEHOLDER).join(unitName) : v)),
    ),
  };
}

/** Dropdowns and help on the body of a task table (rows from the first section down). */
export function taskValidations(
  columns: readonly TaskColumn[],
  bodyRows: number,
  year: number,
): ValidationSpec[] {
  const col = (role: TaskColumn['role']) => columns.findIndex((c) => c.role === role) + 1;
  const body = (role: TaskColumn['role']) => area(TASK_FIRST_SECTION_ROW, col(role), bodyRows, 1);
  const list = (column: number) => {
    const letter = columnLetter(column);
    return `'${UNIT_SHEETS.lists}'!$${letter}$2:$${letter}$${LIST_ROWS + 1}`;
  };
  const budgetCell = `${columnLetter(col('budget'))}${TASK_FIRST_SECTION_ROW}`;
  return [
    {
      area: body('lead'),
      rule: { kind: 'range', a1: list(LIST_COLUMNS.units) },
      allowInvalid: true,
      helpText: 'Chọn cơ quan chủ trì trong danh sách.',
    },
    {
      area: body('source'),
      rule: { kind: 'range', a1: list(LIST_COLUMNS.sources) },
      allowInvalid: true,
      helpText: 'Chọn nguồn kinh phí trong danh sách.',
    },
    {
      area: body('budget'),
      rule: {
        kind: 'formula',
        formula: `=OR(ISBLANK(${budgetCell}),ISNUMBER(${budgetCell}),${BUDGET_WORDS.map((w) => `${budgetCell}="${w}"`).join(',')})`,
      },
      allowInvalid: true,
      helpText: 'Nhập số tiền bằng đồng (ví dụ 50.000.000) hoặc: ' + BUDGET_WORDS.join('; ') + '.',
    },
    {
      area: body('completion'),
      rule: {
        kind: 'formula',
        formula: `=LEN(${columnLetter(col('completion'))}${TASK_FIRST_SECTION_ROW})>=0`,
      },
      allowInvalid: true,
      helpText: completionExamples(year),
    },
  ];
}

function submissionSheet({ config, variant }: WorkbookInput): SheetSpec {
  const rounds = roundsFor(config, variant === 'agency');
  const office = config.coordinatingOffice;
  const rows: SpecValue[][] = [
    [`NỘP KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM ${config.planYear}`],
    [UNIT_NAME_PLACEHOLDER],
    [
      `Khi đã hoàn thành, chọn "${UNIT_STATES[1]}" ở cột C. ${office} sẽ tiếp nhận hoặc trả lại kèm ý kiến ở các cột màu vàng.`,
    ],
    [''],
    [...SUBMISSION_UNIT_HEADERS, `Kết quả xem xét của ${office}`, `Ý kiến của ${office}`, 'Cập nhật lúc'],
    ...rounds.map((r) => [r.label, formatDateVn(r.deadline), UNIT_STATE_DRAFTING, '', '', '', '']),
  ];
  const n = rounds.length;
  return {
    name: UNIT_SHEETS.submission,
    values: rows,
    columnWidths: [260, 100, 250, 240, 200, 300, 140],
    frozenRows: SUBMISSION_HEADER_ROW,
    styles: [
      { area: area(1, 1), bold: true, fontSize: 14 },
      { area: area(2, 1), bold: true },
      { area: area(SUBMISSION_HEADER_ROW, 1, 1, 7), bold: true, background: HEADER_BACKGROUND, wrap: true },
      { area: area(SUBMISSION_FIRST_ROW, 5, n, 3), background: OFFICE_BACKGROUND },
      { area: area(SUBMISSION_FIRST_ROW, 1, n, 7), wrap: true },
    ],
    validations: [
      {
        area: area(SUBMISSION_FIRST_ROW, 3, n, 1),
        rule: { kind: 'list', values: [...UNIT_STATES] },
        allowInvalid: false,
        helpText: `Chọn "${UNIT_STATES[1]}" khi đã hoàn thành.`,
      },
    ],
    protections: [
      {
        description: `Nộp kế hoạch: cột màu vàng do ${office} ghi`,
        unprotected: [area(SUBMISSION_FIRST_ROW, 3, n, 2)],
      },
    ],
  };
}

function listsSheet({ unitNames, config }: WorkbookInput): SheetSpec {
  const columns: [number, string, readonly string[]][] = [
    [LIST_COLUMNS.units, 'Cơ quan, đơn vị', unitNames],
    [LIST_COLUMNS.sources, 'Nguồn kinh phí', config.fundingSources],
    [LIST_COLUMNS.statuses, 'Trạng thái', UNIT_STATES],
    [LIST_COLUMNS.budgetWords, 'Kinh phí (chữ)', BUDGET_WORDS],
  ];
  const height = 1 + Math.max(...columns.map(([, , items]) => items.length));
  const rows: SpecValue[][] = Array.from({ length: height }, () =>
    Array<SpecValue>(LIST_COLUMNS.budgetWords).fill(''),
  );
  for (const [column, title, items] of columns) {
    rows[0][column - 1] = title;
    items.forEach((item, i) => (rows[i + 1][column - 1] = item));
  }
  return {
    name: UNIT_SHEETS.lists,
    values: rows,
    minRows: LIST_ROWS + 1,
    columnWidths: Array(LIST_COLUMNS.budgetWords).fill(200),
    hidden: true,
    styles: [{ area: area(1, 1, 1, LIST_COLUMNS.budgetWords), bold: true }],
    protections: [{ description: 'Danh mục (do hệ thống cập nhật)' }],
  };
}

/** A unit's own section VI, offered as its starting text (its plan is about itself). */
export function unitOrganizationText(year: number): string {
  return [
    `1. Xác định rõ ràng, cụ thể trách nhiệm tổ chức triển khai thực hiện kế hoạch Cải cách hành chính năm ${year} của cơ quan, đơn vị.`,
    '2. Phân định rõ nhiệm vụ theo dõi, kiểm tra, đôn đốc, chỉ đạo thực hiện công tác Cải cách hành chính gắn với trách nhiệm của từng bộ phận, cá nhân.',
    `3. Xác định rõ nhiệm vụ của cơ quan, đơn vị trong đánh giá kết quả triển khai CCHC năm ${year}.`,
  ].join('\n');
}
