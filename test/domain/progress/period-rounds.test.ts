import { CellValue } from '../../../src/domain/cell';
import { REFORM_AREAS } from '../../../src/domain/plan/areas';
import { DEFAULT_TASK_COLUMNS } from '../../../src/domain/plan/columns';
import { parseCompletionTime } from '../../../src/domain/parse/completion-time';
import { taskIds } from '../../../src/domain/progress/identity';
import {
  baselineOf,
  openPeriods,
  periodOpensOn,
  periodRound,
  trackedUnitState,
  periodRecordOf,
  PeriodOpening,
} from '../../../src/domain/progress/period-rounds';
import { defaultPeriods } from '../../../src/domain/progress/periods';
import { planTasksOfGrid } from '../../../src/domain/progress/plan-of-grid';
import { progressPush } from '../../../src/domain/progress/push-plan';
import { progressColumn, progressSheetSpec } from '../../../src/domain/progress/sheet';
import { emptyRecord, SubmissionStatus } from '../../../src/domain/tracking/status';
import { progressContent } from '../../../src/domain/tracking/content';
import { source, YEAR } from './fixtures';

const config = { planYear: YEAR, reportingPeriods: defaultPeriods(YEAR, 'xã') };
const [quarter, half] = config.reportingPeriods;
const day = (m: number, d: number) => ({ y: YEAR, m, d });

describe('periods as rounds', () => {
  it('opens the first period on 1 January, each later one the day after the previous units’ due date', () => {
    expect(periodOpensOn(config.reportingPeriods, 0, YEAR)).toEqual(day(1, 1));
    expect(periodOpensOn(config.reportingPeriods, 1, YEAR)).toEqual(day(3, 17));
    expect(periodOpensOn(config.reportingPeriods, 3, YEAR)).toEqual(day(9, 17));
  });

  it('opens periods by date only once the plan was submitted, and keeps a tracked one', () => {
    const none: PeriodOpening = { planSubmitted: false, tracked: () => false };
    const planIn: PeriodOpening = { planSubmitted: true, tracked: () => false };
    const keys = (today: { y: number; m: number; d: number }, o: typeof none) =>
      openPeriods(config, today, o).map((p) => p.key);
    expect(keys(day(2, 1), none)).toEqual([]);
    expect(keys(day(2, 1), planIn)).toEqual(['quy-i']);
    expect(keys(day(3, 16), planIn)).toEqual(['quy-i']);
    expect(keys(day(3, 17), planIn)).toEqual(['quy-i', '6-thang']);
    expect(keys(day(12, 31), planIn)).toEqual(['quy-i', '6-thang', 'quy-iii', 'nam']);
    // A period tracked already stays a round, and the ones before it too (fixed rows).
    expect(keys(day(2, 1), { planSubmitted: false, tracked: (k) => k === 'progress:6-thang' })).toEqual([
      'quy-i',
      '6-thang',
    ]);
  });

  it('makes a round of a period: keyed by it, due on unitDue, its sheet the progress sheet', () => {
    expect(periodRound(config, half)).toEqual({
      key: 'progress:6-thang',
      label: `Báo cáo tiến độ 6 tháng năm ${YEAR}`,
      deadline: half.unitDue,
      tasksSheet: 'Tiến độ 6 tháng',
      period: half,
    });
  });

  it('tells a unit’s period state from its round’s record', () => {
    const state = (s: SubmissionStatus) => trackedUnitState({ status: s });
    expect(
      ['not-started', 'drafting', 'returned', 'submitted', 'accepted'].map((s) =>
        state(s as SubmissionStatus),
      ),
    ).toEqual(['missing', 'drafting', 'drafting', 'reported', 'reported']);
    expect(trackedUnitState(undefined)).toBe('missing');
    const records = new Map([
      ['HX|progress:quy-i', { ...emptyRecord('HX', 'progress:quy-i'), status: 'submitted' as const }],
    ]);
    expect(trackedUnitState(periodRecordOf(records, 'HX', quarter))).toBe('reported');
    expect(trackedUnitState(periodRecordOf(records, 'HX', half))).toBe('missing');
    expect(trackedUnitState(periodRecordOf(records, 'VO', quarter))).toBe('missing');
  });

  it('reads the baseline from the plan round’s record', () => {
    const records = new Map([['HX|plan', { ...emptyRecord('HX', 'plan'), baselineIds: ['I-a', 'II-b'] }]]);
    expect([...(baselineOf(records, 'HX') ?? [])]).toEqual(['I-a', 'II-b']);
    expect(baselineOf(records, 'VO')).toBeUndefined();
  });
});

/** A "Nhiệm vụ" grid as the template makes it, with `tasks` under their sections. */
function tasksGrid(tasks: readonly { area: number; task: string }[]): CellValue[][] {
  const width = DEFAULT_TASK_COLUMNS.length;
  const blank = () => Array<CellValue>(width).fill('');
  const grid: CellValue[][] = [blank(), blank(), blank(), DEFAULT_TASK_COLUMNS.map((c) => c.header)];
  let n = 0;
  for (const a of REFORM_AREAS) {
    grid.push([a.roman, a.tableTitle, ...Array<CellValue>(width - 2).fill('')]);
    for (const t of tasks.filter((x) => x.area === a.number)) {
      const row = blank();
      row[0] = String(++n);
      row[1] = t.task;
      row[2] = 'Sản phẩm';
      row[3] = 'Văn phòng';
      row[5] = 'Quý II/2026';
      grid.push(row);
    }
  }
  return grid;
}

const submissionGrid = (states: string[]): CellValue[][] => [
  [],
  [],
  [],
  [],
  ['Nội dung', 'Hạn', 'Trạng thái của đơn vị'],
  ...states.map((s) => ['x', 'y', s]),
];

describe('the push’s progress sheets (progressPush)', () => {
  const plan = [
    { area: 1, task: 'Xây dựng kế hoạch CCHC năm 2026' },
    { area: 3, task: 'Rà soát thủ tục hành chính' },
  ];
  const open = (sent = false) => [{ period: quarter, index: 1, label: 'Quý I', sent }];

  it('reads the plan’s tasks from the grid of "Nhiệm vụ", refusing a changed header', () => {
    const tasks = planTasksOfGrid(tasksGrid(plan), DEFAULT_TASK_COLUMNS, YEAR);
    expect(tasks?.map((t) => [t.area.number, t.task])).toEqual([
      [1, 'Xây dựng kế hoạch CCHC năm 2026'],
      [3, 'Rà soát thủ tục hành chính'],
    ]);
    const changed = tasksGrid(plan);
    changed[3][1] = 'Việc';
    expect(planTasksOfGrid(changed, DEFAULT_TASK_COLUMNS, YEAR)).toBeNull();
  });

  it('takes each task row’s result, lead and parsed time, skipping a row with no task', () => {
    const grid = tasksGrid([
      { area: 3, task: 'Rà soát TTHC' },
      { area: 3, task: ' ' },
    ]);
    expect(planTasksOfGrid(grid, DEFAULT_TASK_COLUMNS, YEAR)).toEqual([
      {
        area: REFORM_AREAS[2],
        task: 'Rà soát TTHC',
        result: 'Sản phẩm',
        lead: 'Văn phòng',
        completion: parseCompletionTime('Quý II/2026', YEAR),
      },
    ]);
  });

  it('creates a missing sheet and the period’s row, writing the unit’s state cell only when blank', () => {
    const sheets: Record<string, CellValue[][]> = {
      'Nhiệm vụ': tasksGrid(plan),
      'Nộp kế hoạch': submissionGrid(['Đã hoàn thành, đề nghị tiếp nhận']),
    };
    const push = progressPush({
      planYear: YEAR,
      unitName: 'Xã A',
      periods: open(),
      sheet: (n) => sheets[n] ?? null,
    });
    expect(push.problems).toEqual([]);
    expect(push.sheets.map((s) => [s.kind, s.spec.name])).toEqual([['create', 'Tiến độ Quý I']]);
    expect(push.rows).toEqual([{ row: 7, label: 'Quý I', due: '16/03/2026', state: 'Đang soạn' }]);
    expect(push.submissionRows).toBe(2);
    sheets['Nộp kế hoạch'] = submissionGrid(['', 'Đang soạn']);
    expect(
      progressPush({ planYear: YEAR, unitName: 'Xã A', periods: open(), sheet: (n) => sheets[n] ?? null })
        .rows[0].state,
    ).toBeNull();
  });

  it('marks tasks outside the baseline as added, keeps the unit’s input, and never touches a sent period', () => {
    const first = progressSheetSpec({
      period: quarter,
      planYear: YEAR,
      unitName: 'Xã A',
      rows: [],
    });
    // The sheet as first pushed (plan as submitted), then the unit typed a status on task 1.
    const pushed = progressPush({
      planYear: YEAR,
      unitName: 'Xã A',
      periods: open(),
      sheet: (n) => (n === 'Nhiệm vụ' ? tasksGrid(plan) : null),
    }).sheets[0].spec;
    const typed = pushed.values.map((r) => [...r]) as CellValue[][];
    const taskRow = typed.findIndex((r, i) => i >= 4 && r[progressColumn('id') - 1] !== '');
    typed[taskRow][progressColumn('status') - 1] = 'Đang thực hiện';
    const grown = [...plan, { area: 7, task: 'Triển khai chữ ký số' }];
    const baseline = new Set(taskIds(plan.map((t) => source(t.area, t.task))));
    const sheets: Record<string, CellValue[][]> = { 'Nhiệm vụ': tasksGrid(grown), 'Tiến độ Quý I': typed };
    const push = progressPush({
      planYear: YEAR,
      unitName: 'Xã A',
      periods: open(),
      baseline,
      sheet: (n) => sheets[n] ?? null,
    });
    expect(push.sheets.map((s) => s.kind)).toEqual(['rewrite']);
    const values = push.sheets[0].spec.values;
    const origin = progressColumn('origin') - 1;
    expect(values.filter((r) => r[origin] === 'Bổ sung').map((r) => r[1])).toEqual(['Triển khai chữ ký số']);
    expect(values.find((r) => r[1] === plan[0].task)?.[progressColumn('status') - 1]).toBe('Đang thực hiện');
    expect(progressContent(values as CellValue[][]).hasContent).toBe(true);
    expect(progressContent(first.values as CellValue[][]).hasContent).toBe(false);
    // Sent (by the tracking or by the unit's own cell): nothing is written to its sheet.
    expect(
      progressPush({ planYear: YEAR, unitName: 'Xã A', periods: open(true), sheet: (n) => sheets[n] ?? null })
        .sheets,
    ).toEqual([]);
    sheets['Nộp kế hoạch'] = submissionGrid(['', 'Đã hoàn thành, đề nghị tiếp nhận']);
    expect(
      progressPush({ planYear: YEAR, unitName: 'Xã A', periods: open(), sheet: (n) => sheets[n] ?? null })
        .sheets,
    ).toEqual([]);
  });

  it('carries the next period from the previous one’s rows, and leaves a sheet whose header changed', () => {
    const sheets: Record<string, CellValue[][]> = { 'Nhiệm vụ': tasksGrid(plan) };
    const two = [
      { period: quarter, index: 1, label: 'Quý I', sent: false },
      { period: half, index: 2, label: '6 tháng', sent: false },
    ];
    const push = progressPush({
      planYear: YEAR,
      unitName: 'Xã A',
      periods: two,
      sheet: (n) => sheets[n] ?? null,
    });
    expect(push.sheets.map((s) => s.spec.name)).toEqual(['Tiến độ Quý I', 'Tiến độ 6 tháng']);
    // Without a baseline, the second period sees no added task (the first period's rows have all).
    const origin = progressColumn('origin') - 1;
    expect(push.sheets[1].spec.values.some((r) => r[origin] === 'Bổ sung')).toBe(false);
    const broken = push.sheets[0].spec.values.map((r) => [...r]) as CellValue[][];
    broken[3][7] = 'Trạng thái';
    sheets['Tiến độ Quý I'] = broken;
    const again = progressPush({
      planYear: YEAR,
      unitName: 'Xã A',
      periods: two.slice(0, 1),
      sheet: (n) => sheets[n] ?? null,
    });
    expect(again.sheets).toEqual([]);
    expect(again.problems[0]).toContain('Xã A, trang "Tiến độ Quý I": tiêu đề cột (dòng 4) đã bị sửa');
  });
});
