import { CellValue, isBlank } from '../cell';
import { UnitRef } from '../consolidate/task-row';
import { formatDateVn, parseDateText } from '../dates';
import { parseCompletionTime } from '../parse/completion-time';
import { areaByRoman } from '../plan/areas';
import { Problem, Severity, valueText } from '../problem';
import { area, SheetSpec, SpecValue, StyleSpec } from '../sheet-spec';
import { deadlineText } from './deadline';
import { ADDED_MARK, STATUS_LABELS } from './model';
import { PeriodUnit, PeriodUnitState } from './period-progress';
import { ReportingPeriod } from './periods';
import { Figures, formatRate, Rates, RATE_DEFINITIONS, RatesReport } from './rates';
import { parseStatus, ProgressEntry } from './read';
import { progressSheetName } from './sheet';

/**
 * The master's sheets of one period's consolidation, as data, and how each is read back
 * (`loadPeriodProgress`): "Tiến độ <kỳ> - Tổng hợp" (every entry), "- Tỷ lệ" (the figures with
 * their definitions, and the units' reporting states), "- Quá hạn" (the overdue list) and
 * "- Lỗi dữ liệu" (the problems; the plan's own "Lỗi dữ liệu" is never touched). Every value copied
 * from a unit is a string the adapters write as a literal (sheet-text.ts): it never becomes a
 * formula.
 */
export interface PeriodSheetNames {
  readonly entries: string;
  readonly rates: string;
  readonly overdue: string;
  readonly problems: string;
  /** Kept between steps only (the units read, with their state), dropped at the end. */
  readonly unitsRaw: string;
}

export function periodSheetNames(period: ReportingPeriod): PeriodSheetNames {
  const base = progressSheetName(period);
  return {
    entries: `${base} - Tổng hợp`,
    rates: `${base} - Tỷ lệ`,
    overdue: `${base} - Quá hạn`,
    problems: `${base} - Lỗi dữ liệu`,
    unitsRaw: `${base} - đơn vị (tạm)`,
  };
}

const HEADER_BACKGROUND = '#d9e2f3';
const SECTION_BACKGROUND = '#f2f2f2';
const AMOUNT_FORMAT = '#,##0';
const RATE_FORMAT = '0.0%';

/** "Tiến độ <kỳ> - Tổng hợp": one row per entry, the unit's cell linked. */
export const ENTRY_HEADERS = [
  'STT',
  'Mã đơn vị',
  'Đơn vị',
  'Mục',
  'Mã nhiệm vụ',
  'Nhiệm vụ',
  'Kết quả/Sản phẩm',
  'Cơ quan chủ trì',
  'Thời gian hoàn thành (kế hoạch)',
  'Hạn (hệ thống đọc)',
  'Nguồn',
  'Tình trạng',
  'Ngày hoàn thành',
  'Kết quả, minh chứng',
  'Kinh phí đã sử dụng (đồng)',
  'Lý do, khó khăn',
  'Ghi chú',
  'Trang của đơn vị',
  'Dòng',
  'Liên kết',
] as const;

const ENTRY_WIDTHS = [
  48, 80, 200, 50, 110, 300, 180, 150, 140, 110, 90, 130, 110, 220, 130, 200, 150, 120, 50, 120,
];

type EntryHeader = (typeof ENTRY_HEADERS)[number];
const at = (header: EntryHeader) => ENTRY_HEADERS.indexOf(header);

/** One row of the entries sheet: number `n`, the entry, the link to its status cell. */
export function entryRow(e: ProgressEntry, n: number, link: string): SpecValue[] {
  const byHeader: Record<EntryHeader, SpecValue> = {
    STT: n,
    'Mã đơn vị': e.unit.code,
    'Đơn vị': e.unit.name,
    Mục: e.task.area.roman,
    'Mã nhiệm vụ': e.task.id,
    'Nhiệm vụ': e.task.task,
    'Kết quả/Sản phẩm': e.task.result,
    'Cơ quan chủ trì': e.task.lead,
    'Thời gian hoàn thành (kế hoạch)': e.task.completion.text,
    'Hạn (hệ thống đọc)': deadlineText(e.task.completion),
    Nguồn: e.origin === 'added' ? ADDED_MARK : '',
    'Tình trạng': e.status ? STATUS_LABELS[e.status] : '',
    'Ngày hoàn thành': e.completionDate ? formatDateVn(e.completionDate) : '',
    'Kết quả, minh chứng': e.evidence,
    'Kinh phí đã sử dụng (đồng)': e.budgetSpent ?? '',
    'Lý do, khó khăn': e.reason,
    'Ghi chú': e.notes,
    'Trang của đơn vị': e.sheet,
    Dòng: e.row,
    'Liên kết': link,
  };
  return ENTRY_HEADERS.map((h) => byHeader[h]);
}

/** What was written, read back as it was (the writers' strings are already normalised). */
const text = (v: CellValue | undefined): string => (v === undefined ? '' : valueText(v));

/** An entries row back into the entry it was written from (null: not an entry row). */
export function entryOf(row: readonly CellValue[], planYear: number): ProgressEntry | null {
  const cell = (h: EntryHeader) => row[at(h)];
  const areaOf = areaByRoman(text(cell('Mục')));
  const id = text(cell('Mã nhiệm vụ'));
  if (!areaOf || id === '') return null;
  const spent = cell('Kinh phí đã sử dụng (đồng)');
  const date = text(cell('Ngày hoàn thành'));
  return {
    unit: { code: text(cell('Mã đơn vị')), name: text(cell('Đơn vị')) },
    sheet: text(cell('Trang của đơn vị')),
    row: Number(cell('Dòng')),
    task: {
      id,
      area: areaOf,
      task: text(cell('Nhiệm vụ')),
      result: text(cell('Kết quả/Sản phẩm')),
      lead: text(cell('Cơ quan chủ trì')),
      completion: parseCompletionTime(text(cell('Thời gian hoàn thành (kế hoạch)')), planYear),
    },
    origin: text(cell('Nguồn')) === ADDED_MARK ? 'added' : 'plan',
    status: parseStatus(text(cell('Tình trạng'))),
    completionDate: date === '' ? null : parseDateText(date),
    evidence: text(cell('Kết quả, minh chứng')),
    budgetSpent: spent === undefined || isBlank(spent) ? null : Number(spent),
    reason: text(cell('Lý do, khó khăn')),
    notes: text(cell('Ghi chú')),
  };
}

/** Entries rows (no header) back into their entries, rows that are not entries left out. */
export function entriesOf(rows: readonly (readonly CellValue[])[], planYear: number): ProgressEntry[] {
  return rows.map((r) => entryOf(r, planYear)).filter((e): e is ProgressEntry => e !== null);
}

function headerStyles(row: number, width: number): StyleSpec {
  return { area: area(row, 1, 1, width), bold: true, background: HEADER_BACKGROUND, wrap: true };
}

/** The entries sheet with `rowCount` rows below its header: header and formatting only. */
export function entriesFormat(period: ReportingPeriod, rowCount: number): SheetSpec {
  const width = ENTRY_HEADERS.length;
  return {
    name: periodSheetNames(period).entries,
    values: [[...ENTRY_HEADERS]],
    columnWidths: ENTRY_WIDTHS,
    frozenRows: 1,
    styles: [
      headerStyles(1, width),
      ...(rowCount > 0
        ? [
            { area: area(2, 1, rowCount, width), wrap: true },
            { area: area(2, at('Kinh phí đã sử dụng (đồng)') + 1, rowCount, 1), numberFormat: AMOUNT_FORMAT },
          ]
        : []),
    ],
  };
}

/** How the rates sheet names a unit's reporting state (and reads it back). */
export const UNIT_STATE_LABELS: Readonly<Record<PeriodUnitState, string>> = {
  reported: 'Đã báo cáo',
  drafting: 'Đang soạn',
  missing: 'Chưa báo cáo',
};

function stateOfLabel(label: string): PeriodUnitState {
  const found = (Object.keys(UNIT_STATE_LABELS) as PeriodUnitState[]).find(
    (s) => UNIT_STATE_LABELS[s] === label,
  );
  return found ?? 'missing';
}

/** A unit as kept between steps: [code, name, state, file URL]. */
export function unitRawRow(u: PeriodUnit): SpecValue[] {
  return [u.unit.code, u.unit.name, UNIT_STATE_LABELS[u.state], u.fileUrl];
}

export function unitOfRawRow(row: readonly CellValue[]): PeriodUnit {
  return {
    unit: { code: text(row[0]), name: text(row[1]) },
    state: stateOfLabel(text(row[2])),
    fileUrl: text(row[3]),
  };
}

/** The figure columns of the rates table: header, figure or rate, and the definition behind it. */
const FIGURE_COLUMNS: readonly {
  readonly header: string;
  readonly value: (r: Rates) => number | null;
  readonly rate?: boolean;
  readonly definition?: keyof typeof RATE_DEFINITIONS;
}[] = [
  { header: 'Tổng số nhiệm vụ', value: (r) => r.figures.total, definition: 'total' },
  { header: 'Nhiệm vụ bổ sung', value: (r) => r.figures.added, definition: 'added' },
  { header: 'Đã hoàn thành', value: (r) => r.figures.completed, definition: 'completed' },
  { header: 'Tỷ lệ hoàn thành', value: (r) => r.completedRate, rate: true, definition: 'completed' },
  { header: 'Hoàn thành đúng hạn', value: (r) => r.figures.completedOnTime, definition: 'completedOnTime' },
  { header: 'Tỷ lệ đúng hạn', value: (r) => r.onTimeRate, rate: true, definition: 'completedOnTime' },
  { header: 'Hoàn thành chậm', value: (r) => r.figures.completedLate },
  { header: 'Hoàn thành chưa ghi ngày', value: (r) => r.figures.completedUndated },
  { header: 'Đang thực hiện', value: (r) => r.figures.inProgress },
  { header: 'Chưa thực hiện', value: (r) => r.figures.notStarted, definition: 'notStarted' },
  { header: 'Tỷ lệ chưa thực hiện', value: (r) => r.notStartedRate, rate: true, definition: 'notStarted' },
  { header: 'Không thực hiện', value: (r) => r.figures.dropped, definition: 'dropped' },
  { header: 'Quá hạn', value: (r) => r.figures.overdue, definition: 'overdue' },
  { header: 'Tỷ lệ quá hạn', value: (r) => r.overdueRate, rate: true, definition: 'overdue' },
  { header: 'Đến hạn', value: (r) => r.figures.dueByCutOff, definition: 'dueByCutOff' },
  {
    header: 'Tỷ lệ hoàn thành nhiệm vụ đến hạn',
    value: (r) => r.dueCompletedRate,
    rate: true,
    definition: 'dueByCutOff',
  },
  { header: 'Thường xuyên, định kỳ (hạn 31/12)', value: (r) => r.figures.yearRound },
  { header: 'Không có hạn cụ thể', value: (r) => r.figures.noDeadline },
];

/** Which figure each `Figures` field is, for tests and readers of the sheet. */
export const RATES_HEADERS = ['Phạm vi', 'Mã', 'Tên', 'Tình trạng báo cáo', 'Tệp của đơn vị'] as const;
const RATES_FIRST_FIGURE = RATES_HEADERS.length + 1;
export const RATES_HEADER_ROW = 4;
export const SCOPE_LABELS = { overall: 'Toàn bộ', unit: 'Đơn vị', area: 'Lĩnh vực' } as const;

function figureCells(r: Rates): SpecValue[] {
  return FIGURE_COLUMNS.map((c) => {
    const v = c.value(r);
    return v === null ? formatRate(null) : v;
  });
}

export interface RatesSheetInput {
  readonly period: ReportingPeriod;
  readonly planYear: number;
  readonly units: readonly PeriodUnit[];
  readonly report: RatesReport;
  readonly consolidatedAt: string;
}

/**
 * "Tiến độ <kỳ> - Tỷ lệ": the title and when the figures were taken (row 2, read back), the table
 * (overall, every unit expected to report — with its reporting state and file —, every area),
 * then every definition written out beside its figure's name; each header also carries its
 * definition as a note.
 */
export function ratesSheet({ period, planYear, units, report, consolidatedAt }: RatesSheetInput): SheetSpec {
  const header = [...RATES_HEADERS, ...FIGURE_COLUMNS.map((c) => c.header)];
  const width = header.length;
  const values: SpecValue[][] = [
    [`TỶ LỆ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH - KỲ ${period.name.toUpperCase()} NĂM ${planYear}`],
    ['Số liệu tính đến ngày', formatDateVn(period.cutOff), 'Tổng hợp lúc', consolidatedAt],
    [],
    header,
    [SCOPE_LABELS.overall, '', 'Tất cả đơn vị', '', '', ...figureCells(report.overall)],
  ];
  const noTask = (r: Rates) => r.figures.total === 0;
  for (const u of units) {
    const rates = report.byUnit.get(u.unit.code)?.rates;
    values.push([
      SCOPE_LABELS.unit,
      u.unit.code,
      u.unit.name,
      UNIT_STATE_LABELS[u.state],
      u.fileUrl,
      ...(rates && !noTask(rates) ? figureCells(rates) : FIGURE_COLUMNS.map(() => '')),
    ]);
  }
  for (const a of report.byArea) {
    values.push([SCOPE_LABELS.area, a.area.roman, a.area.tableTitle, '', '', ...figureCells(a.rates)]);
  }
  const tableRows = values.length - RATES_HEADER_ROW;
  values.push([], ['Cách tính các chỉ tiêu']);
  const definitionsRow = values.length;
  const labels: Record<keyof typeof RATE_DEFINITIONS, string> = {
    total: 'Tổng số nhiệm vụ',
    added: 'Nhiệm vụ bổ sung',
    completed: 'Đã hoàn thành',
    completedOnTime: 'Hoàn thành đúng hạn',
    overdue: 'Quá hạn',
    notStarted: 'Chưa thực hiện',
    dropped: 'Không thực hiện',
    dueByCutOff: 'Đến hạn',
  };
  for (const key of Object.keys(RATE_DEFINITIONS) as (keyof typeof RATE_DEFINITIONS)[]) {
    values.push([labels[key], RATE_DEFINITIONS[key]]);
  }
  const rateColumns = FIGURE_COLUMNS.flatMap((c, i) => (c.rate ? [RATES_FIRST_FIGURE + i] : []));
  return {
    name: periodSheetNames(period).rates,
    values,
    columnWidths: [80, 80, 220, 110, 120, ...FIGURE_COLUMNS.map((c) => (c.rate ? 95 : 85))],
    frozenRows: RATES_HEADER_ROW,
    styles: [
      { area: area(1, 1, 1, width), bold: true },
      { area: area(2, 1, 1, 4), italic: true },
      headerStyles(RATES_HEADER_ROW, width),
      { area: area(RATES_HEADER_ROW + 1, 1, 1, width), bold: true, background: SECTION_BACKGROUND },
      ...rateColumns.map((column) => ({
        area: area(RATES_HEADER_ROW + 1, column, tableRows, 1),
        numberFormat: RATE_FORMAT,
      })),
      { area: area(definitionsRow - 1, 1, 1, 2), bold: true },
      { area: area(definitionsRow, 2, values.length - definitionsRow + 1, 1), wrap: true },
    ],
    notes: FIGURE_COLUMNS.flatMap((c, i) =>
      c.definition
        ? [{ row: RATES_HEADER_ROW, column: RATES_FIRST_FIGURE + i, text: RATE_DEFINITIONS[c.definition] }]
        : [],
    ),
  };
}

/** Rows 2 and the unit rows of the rates sheet back: when it was consolidated, and the units. */
export function ratesSheetReading(grid: readonly (readonly CellValue[])[]): {
  consolidatedAt: string;
  units: PeriodUnit[];
} {
  const units: PeriodUnit[] = [];
  for (const row of grid.slice(RATES_HEADER_ROW)) {
    if (text(row[0]) !== SCOPE_LABELS.unit) continue;
    units.push({
      unit: { code: text(row[1]), name: text(row[2]) },
      state: stateOfLabel(text(row[3])),
      fileUrl: text(row[4]),
    });
  }
  return { consolidatedAt: text(grid[1]?.[3]), units };
}

export function figuresOfRow(row: readonly CellValue[]): Partial<Record<keyof Figures, CellValue>> {
  const value = (header: string) =>
    row[RATES_HEADERS.length + FIGURE_COLUMNS.findIndex((c) => c.header === header)];
  return {
    total: value('Tổng số nhiệm vụ'),
    added: value('Nhiệm vụ bổ sung'),
    completed: value('Đã hoàn thành'),
    completedOnTime: value('Hoàn thành đúng hạn'),
    overdue: value('Quá hạn'),
    notStarted: value('Chưa thực hiện'),
    dropped: value('Không thực hiện'),
    dueByCutOff: value('Đến hạn'),
  };
}

export const OVERDUE_HEADERS = [
  'STT',
  'Mã đơn vị',
  'Đơn vị',
  'Nhiệm vụ',
  'Thời gian hoàn thành (kế hoạch)',
  'Hạn',
  'Số ngày quá hạn',
  'Liên kết',
];

/** "Tiến độ <kỳ> - Quá hạn": the overdue tasks, by unit then earliest deadline, each linked. */
export function overdueSheet(
  period: ReportingPeriod,
  report: RatesReport,
  link: (unit: UnitRef, sheet: string, row: number) => string,
): SheetSpec {
  const values: SpecValue[][] = [
    OVERDUE_HEADERS,
    ...report.overdue.map((o, i) => [
      i + 1,
      o.unit.code,
      o.unit.name,
      o.task,
      o.deadlineText,
      formatDateVn(o.due),
      o.daysLate,
      link(o.unit, o.sheet, o.row),
    ]),
  ];
  return {
    name: periodSheetNames(period).overdue,
    values,
    columnWidths: [48, 80, 200, 320, 140, 100, 90, 120],
    frozenRows: 1,
    styles: [
      headerStyles(1, OVERDUE_HEADERS.length),
      ...(values.length > 1
        ? [{ area: area(2, 1, values.length - 1, OVERDUE_HEADERS.length), wrap: true }]
        : []),
    ],
  };
}

/** A row of a problems sheet (PROBLEM_HEADERS' order) back into its problem. */
export function problemOfRow(row: readonly CellValue[]): Problem {
  const code = text(row[0]);
  const severity: Severity = text(row[7]) === 'Lỗi' ? 'error' : 'warning';
  return {
    severity,
    ...(code ? { unit: { code, name: text(row[1]) } } : {}),
    sheet: text(row[2]),
    cell: text(row[3]),
    field: text(row[4]),
    value: text(row[5]),
    message: text(row[6]),
  };
}
