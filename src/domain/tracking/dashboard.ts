import { BudgetSummary } from '../consolidate/budget-totals';
import { DateOnly, daysBetween, formatDateVn } from '../dates';
import { fundingSourceLabel } from '../parse/funding-source';
import { Area, area, SheetSpec, SpecValue } from '../sheet-spec';
import { Round } from '../unit-file/submission';
import { STATUS_LABELS, SubmissionStatus } from './status';
import { TrackLine } from './track-sheet';

export const DASHBOARD_SHEET = 'Tổng quan';

const STATUSES: readonly SubmissionStatus[] = [
  'not-started',
  'drafting',
  'submitted',
  'returned',
  'accepted',
];

/** A chart the adapter draws from a block of the dashboard. */
export interface ChartSpec {
  /** 'bar': horizontal bars, for long lists of labels (units). */
  readonly kind: 'column' | 'pie' | 'bar';
  readonly title: string;
  /** Labels in the first column, values in the next ones (header row included). */
  readonly data: Area;
  /** Where the chart's top-left corner goes. */
  readonly anchor: { readonly row: number; readonly column: number };
}

export interface Dashboard {
  readonly sheet: SheetSpec;
  readonly charts: readonly ChartSpec[];
}

export interface DashboardInput {
  readonly today: DateOnly;
  readonly rounds: readonly Round[];
  readonly lines: readonly TrackLine[];
  /** The local plan's own milestone (issued and reported), shown beside the rounds. */
  readonly localPlanDeadline: DateOnly;
  readonly budget: BudgetSummary | null;
  readonly updatedText: string;
}

/**
 * "Tổng quan": rebuilt from the tracking records and the last consolidation's totals on every
 * refresh — never edited by hand. Per round: counts by status, share done, days left, the late
 * units by name; then budget per area and per source; charts beside the blocks.
 */
export function dashboardSpec(input: DashboardInput): Dashboard {
  const values: SpecValue[][] = [
    ['TỔNG QUAN TIẾN ĐỘ XÂY DỰNG KẾ HOẠCH CCHC'],
    [`Cập nhật lúc ${input.updatedText}`],
    [],
  ];
  const bold: number[] = [1];
  const headers: number[] = [];
  const charts: ChartSpec[] = [];
  const left = (days: number) => (days >= 0 ? `còn ${days} ngày` : `quá ${-days} ngày`);

  values.push([
    'Kế hoạch chung',
    `Hạn ban hành ${formatDateVn(input.localPlanDeadline)} (${left(daysBetween(input.today, input.localPlanDeadline))})`,
  ]);
  values.push([]);

  for (const round of input.rounds) {
    const lines = input.lines.filter((l) => l.round.key === round.key);
    const count = (s: SubmissionStatus) => lines.filter((l) => l.record.status === s).length;
    const done = count('submitted') + count('accepted');
    const share = lines.length === 0 ? 0 : Math.round((done / lines.length) * 1000) / 10;
    bold.push(values.length + 1);
    values.push([
      round.label,
      `Hạn ${formatDateVn(round.deadline)} (${left(daysBetween(input.today, round.deadline))})`,
    ]);
    values.push([
      'Đã nộp hoặc đã tiếp nhận',
      `${done}/${lines.length} đơn vị (${String(share).replace('.', ',')}%)`,
    ]);
    const statusHeader = values.length + 1;
    headers.push(statusHeader);
    values.push(['Trạng thái', 'Số đơn vị']);
    for (const s of STATUSES) values.push([STATUS_LABELS[s], count(s)]);
    charts.push({
      kind: 'pie',
      title: `${round.label}: trạng thái`,
      data: area(statusHeader, 1, STATUSES.length + 1, 2),
      anchor: { row: statusHeader, column: 5 },
    });
    const overdue = lines.filter((l) => l.flags.overdue).map((l) => l.unitName);
    const late = lines.filter((l) => l.flags.late).map((l) => l.unitName);
    const changed = lines.filter((l) => l.flags.changed).map((l) => l.unitName);
    values.push(['Quá hạn chưa nộp', overdue.length > 0 ? overdue.join('; ') : 'Không']);
    values.push(['Nộp trễ', late.length > 0 ? late.join('; ') : 'Không']);
    values.push(['Sửa sau khi nộp', changed.length > 0 ? changed.join('; ') : 'Không']);
    values.push([]);
  }

  if (input.budget) {
    const b = input.budget;
    bold.push(values.length + 1);
    values.push(['KINH PHÍ (theo lần tổng hợp gần nhất)']);
    const areaHeader = values.length + 1;
    headers.push(areaHeader);
    values.push(['Lĩnh vực', 'Kinh phí (đồng)']);
    for (const a of b.byArea) values.push([`${a.area.roman}. ${a.area.tableTitle}`, a.amount]);
    values.push(['Tổng cộng', b.total]);
    charts.push({
      kind: 'column',
      title: 'Kinh phí theo lĩnh vực',
      data: area(areaHeader, 1, b.byArea.length + 1, 2),
      anchor: { row: areaHeader, column: 5 },
    });
    values.push([]);
    const sourceHeader = values.length + 1;
    headers.push(sourceHeader);
    values.push(['Nguồn kinh phí', 'Kinh phí (đồng)']);
    for (const s of b.bySource) values.push([fundingSourceLabel(s.source), s.amount]);
    values.push(['Nhiệm vụ dùng kinh phí thường xuyên', b.recurrentTasks]);
  }

  return {
    sheet: {
      name: DASHBOARD_SHEET,
      values,
      columnWidths: [300, 420, 20, 20],
      styles: [
        { area: area(1, 1, values.length, 2), wrap: true },
        ...bold.map((row) => ({ area: area(row, 1, 1, 2), bold: true })),
        ...headers.map((row) => ({ area: area(row, 1, 1, 2), bold: true, background: '#d9e2f3' })),
        { area: area(1, 1), fontSize: 14 },
        { area: area(1, 2, values.length, 1), numberFormat: '#,##0' },
      ],
      protections: [{ description: 'Tổng quan (do hệ thống dựng lại)', warningOnly: true }],
    },
    charts,
  };
}

/**
 * The day (dd/mm/yyyy) in a dashboard's "Cập nhật lúc …" line (row 2), or null. The first
 * refresh of each day rebuilds "Tổng quan" and "Theo dõi nộp" whole (format, protections, charts
 * restored); later ones that day change only the cells that differ.
 */
export function updatedDay(grid: readonly (readonly unknown[])[]): string | null {
  const text = grid[1]?.[0];
  if (typeof text !== 'string' || !text.startsWith('Cập nhật lúc ')) return null;
  return /\d{2}\/\d{2}\/\d{4}/.exec(text)?.[0] ?? null;
}
