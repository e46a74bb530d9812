import { CellValue } from '../../../src/domain/cell';
import { carryOver } from '../../../src/domain/progress/carry-over';
import { PlanTask, ProgressRow } from '../../../src/domain/progress/model';
import { defaultPeriods } from '../../../src/domain/progress/periods';
import { ProgressContext, readProgressSheet } from '../../../src/domain/progress/read';
import {
  PROGRESS_COLUMNS,
  PROGRESS_FIRST_ROW,
  PROGRESS_HEADER_ROW,
  progressColumn,
  ProgressColumnRole,
  progressSheetSpec,
} from '../../../src/domain/progress/sheet';
import { source, withInput, YEAR } from './fixtures';

const unit = { code: 'DV01', name: 'Phòng Văn hóa - Xã hội' };
const period = defaultPeriods(YEAR, 'tỉnh')[0]; // Quý I, cut-off 14/03/2026
const plan = [
  source(1, 'Xây dựng kế hoạch CCHC năm 2026', 'Tháng 1/2026'),
  source(1, 'Tuyên truyền về CCHC', 'Thường xuyên'),
  source(3, 'Rà soát, đơn giản hóa thủ tục hành chính', 'Quý I/2026'),
  source(7, 'Triển khai chữ ký số', 'Quý III/2026'),
];

function setup(previous: ProgressRow[] = []) {
  const rows = carryOver({ plan, previous }).rows;
  const spec = progressSheetSpec({ period, planYear: YEAR, unitName: unit.name, rows });
  const grid: CellValue[][] = spec.values.map((r) => [...r]);
  const rowOf = (task: string) => grid.findIndex((r) => r[progressColumn('task') - 1] === task) + 1;
  const type = (row: number, values: Partial<Record<ProgressColumnRole, CellValue>>) => {
    for (const [role, value] of Object.entries(values)) {
      grid[row - 1][progressColumn(role as ProgressColumnRole) - 1] = value as CellValue;
    }
  };
  const planMap = new Map<string, { task: PlanTask; origin: 'plan' | 'added' }>();
  for (const r of rows)
    if (r.origin !== 'not-in-plan') planMap.set(r.task.id, { task: r.task, origin: r.origin });
  const ctx: ProgressContext = { unit, period, planYear: YEAR, plan: planMap };
  return { rows, spec, grid, rowOf, type, ctx };
}

describe('progressSheetSpec', () => {
  it('carries each task under its area, with its parsed deadline, origin and id', () => {
    const first = carryOver({ plan: plan.slice(0, 3), previous: [] }).rows;
    const rows = carryOver({ plan, previous: first }).rows;
    const spec = progressSheetSpec({ period, planYear: YEAR, unitName: unit.name, rows });
    expect(spec.name).toBe('Tiến độ Quý I');
    expect(spec.values[1][0]).toBe(
      'Kỳ báo cáo: Quý I năm 2026 — số liệu tính đến ngày 14/03/2026; hạn gửi: 16/03/2026',
    );
    expect(spec.values[PROGRESS_HEADER_ROW - 1]).toEqual(PROGRESS_COLUMNS.map((c) => c.header));
    const body = spec.values
      .slice(PROGRESS_FIRST_ROW - 1)
      .map((r) => [r[0], r[1], r[5], r[6], r[r.length - 1]]);
    expect(body.slice(0, 5)).toEqual([
      ['I', 'Công tác chỉ đạo, điều hành Cải cách hành chính', '', '', ''],
      [1, plan[0].task, '31/01/2026', '', rows[0].task.id],
      [2, plan[1].task, 'Trong năm (không có hạn riêng)', '', rows[1].task.id],
      ['II', 'Cải cách thể chế', '', '', ''],
      ['III', 'Cải cách thủ tục hành chính', '', '', ''],
    ]);
    const chuKySo = body.find((r) => r[1] === plan[3].task);
    expect(chuKySo?.[3]).toBe('Bổ sung');
  });

  it('leaves only the unit’s columns open, and never a section row', () => {
    const { spec } = setup();
    const [sheet] = spec.protections ?? [];
    expect(sheet.area).toBeUndefined();
    const open = sheet.unprotected ?? [];
    const statusCol = progressColumn('status');
    expect(open.every((a) => a.column === statusCol && a.numColumns === 6)).toBe(true);
    const sectionRows = spec.values
      .map((r, i) => (/^[IVX]+$/.test(String(r[0])) ? i + 1 : 0))
      .filter(Boolean);
    expect(sectionRows).toHaveLength(8);
    for (const row of sectionRows) {
      expect(open.some((a) => row >= a.row && row < a.row + a.numRows)).toBe(false);
    }
    const openRows = open.reduce((n, a) => n + a.numRows, 0);
    expect(openRows).toBe(spec.values.length - PROGRESS_HEADER_ROW - 8);
  });

  it('offers the four statuses as a strict dropdown', () => {
    const { spec } = setup();
    const status = spec.validations?.find((v) => v.area.column === progressColumn('status'));
    expect(status?.rule).toEqual({
      kind: 'list',
      values: ['Đã hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', 'Không thực hiện'],
    });
    expect(status?.allowInvalid).toBe(false);
  });

  it('writes what the unit typed back into a refreshed sheet', () => {
    const first = carryOver({ plan, previous: [] }).rows;
    const typed = [
      withInput(first[0], { status: 'Đã hoàn thành', completionDate: { y: 2026, m: 1, d: 20 } }),
      ...first.slice(1),
    ];
    const { spec, rowOf } = setup(typed);
    const row = spec.values[rowOf(plan[0].task) - 1];
    expect(row[progressColumn('status') - 1]).toBe('Đã hoàn thành');
    expect(row[progressColumn('completionDate') - 1]).toBe('20/01/2026');
  });
});

describe('readProgressSheet', () => {
  it('reads a well-filled sheet without problems', () => {
    const { grid, rowOf, type, ctx } = setup();
    type(rowOf(plan[0].task), {
      status: 'Đã hoàn thành',
      completionDate: '25/01/2026',
      evidence: 'KH số 05/KH-UBND ngày 25/01/2026',
      budgetSpent: '2.000.000',
    });
    type(rowOf(plan[1].task), { status: 'đang thực hiện' });
    type(rowOf(plan[2].task), { status: 'Không thực hiện', reason: 'Chờ hướng dẫn của tỉnh' });
    type(rowOf(plan[3].task), { status: 'Chưa thực hiện', budgetSpent: 0 });
    const { entries, problems, structureOk } = readProgressSheet(grid, ctx);
    expect(problems).toEqual([]);
    expect(structureOk).toBe(true);
    expect(entries.map((e) => [e.task.task, e.status, e.completionDate, e.budgetSpent])).toEqual([
      [plan[0].task, 'done', { y: 2026, m: 1, d: 25 }, 2_000_000],
      [plan[1].task, 'in-progress', null, null],
      [plan[2].task, 'dropped', null, null],
      [plan[3].task, 'not-started', null, 0],
    ]);
    expect(entries[0]).toMatchObject({
      unit,
      sheet: 'Tiến độ Quý I',
      row: rowOf(plan[0].task),
      origin: 'plan',
    });
  });

  const problemsOf = (fill: (s: ReturnType<typeof setup>) => void) => {
    const s = setup();
    fill(s);
    return readProgressSheet(s.grid, s.ctx).problems.filter(
      (p) => !p.message.includes('chưa chọn tình trạng'),
    );
  };
  const cellOf = (s: ReturnType<typeof setup>, task: string, role: ProgressColumnRole) =>
    `${String.fromCharCode(64 + progressColumn(role))}${s.rowOf(task)}`;

  it('warns of a completion date after the cut-off, at its cell', () => {
    let s!: ReturnType<typeof setup>;
    const problems = problemsOf((x) => {
      s = x;
      x.type(x.rowOf(plan[2].task), {
        status: 'Đã hoàn thành',
        completionDate: '20/03/2026',
        evidence: 'QĐ số 7/QĐ-UBND',
      });
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'warning',
      cell: cellOf(s, plan[2].task, 'completionDate'),
      field: 'Ngày hoàn thành',
      value: '20/03/2026',
      unit,
    });
    expect(problems[0].message).toContain('sau ngày chốt số liệu 14/03/2026');
  });

  it('refuses "Đã hoàn thành" without evidence, and warns of evidence that names nothing', () => {
    let s!: ReturnType<typeof setup>;
    const problems = problemsOf((x) => {
      s = x;
      x.type(x.rowOf(plan[0].task), { status: 'Đã hoàn thành', completionDate: '25/01/2026' });
      x.type(x.rowOf(plan[2].task), {
        status: 'Đã hoàn thành',
        completionDate: '10/03/2026',
        evidence: 'Đã xong',
      });
    });
    expect(problems.map((p) => [p.severity, p.cell])).toEqual([
      ['error', cellOf(s, plan[0].task, 'evidence')],
      ['warning', cellOf(s, plan[2].task, 'evidence')],
    ]);
    expect(problems[0].message).toContain('cần có minh chứng');
  });

  it('refuses "Không thực hiện" without a reason', () => {
    let s!: ReturnType<typeof setup>;
    const problems = problemsOf((x) => {
      s = x;
      x.type(x.rowOf(plan[3].task), { status: 'Không thực hiện' });
    });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        cell: cellOf(s, plan[3].task, 'reason'),
        field: 'Lý do, khó khăn',
      }),
    ]);
    expect(problems[0].message).toContain('phải ghi lý do');
  });

  it('refuses a status for a task not in the plan, and does not count it', () => {
    const first = carryOver({ plan, previous: [] }).rows;
    const typed = first.map((r, i) => (i === 3 ? withInput(r, { status: 'Đang thực hiện' }) : r));
    // The unit removed the task from its plan: the refreshed sheet keeps the row, marked.
    const rows = carryOver({ plan: plan.slice(0, 3), previous: typed }).rows;
    const spec = progressSheetSpec({ period, planYear: YEAR, unitName: unit.name, rows });
    const grid: CellValue[][] = spec.values.map((r) => [...r]);
    const spare = grid.length; // a status typed into a spare row below the table
    grid[spare - 1][progressColumn('status') - 1] = 'Đã hoàn thành';
    const planMap = new Map(
      rows
        .filter((r) => r.origin !== 'not-in-plan')
        .map((r) => [r.task.id, { task: r.task, origin: 'plan' as const }]),
    );
    const { entries, problems } = readProgressSheet(grid, { unit, period, planYear: YEAR, plan: planMap });
    expect(entries.map((e) => e.task.task)).toEqual(plan.slice(0, 3).map((t) => t.task));
    const orphanRow = grid.findIndex((r) => r[progressColumn('task') - 1] === plan[3].task) + 1;
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.cell)).toEqual([`H${orphanRow}`, `H${spare}`]);
    expect(errors[0].message).toContain(`nhiệm vụ "${plan[3].task}" không có trong kế hoạch`);
    expect(errors[1].message).toContain('không có nhiệm vụ nào');
  });

  it('refuses unreadable dates, amounts and statuses', () => {
    let s!: ReturnType<typeof setup>;
    const problems = problemsOf((x) => {
      s = x;
      x.type(x.rowOf(plan[0].task), { status: 'Xong', completionDate: '31/02/2026', budgetSpent: 'nhiều' });
    });
    expect(problems.map((p) => [p.severity, p.field])).toEqual([
      ['error', 'Tình trạng'],
      ['error', 'Ngày hoàn thành'],
      ['error', 'Kinh phí đã sử dụng (đồng)'],
    ]);
    expect(problems[1].cell).toBe(cellOf(s, plan[0].task, 'completionDate'));
    expect(problems[1].message).toContain('không đọc được');
  });

  it('warns of a date without "Đã hoàn thành" and of "Đã hoàn thành" without a date', () => {
    const problems = problemsOf((x) => {
      x.type(x.rowOf(plan[0].task), { status: 'Đang thực hiện', completionDate: '01/03/2026' });
      x.type(x.rowOf(plan[2].task), { status: 'Đã hoàn thành', evidence: 'https://example.gov.vn/vb/12' });
    });
    expect(problems.map((p) => [p.severity, p.field])).toEqual([
      ['warning', 'Ngày hoàn thành'],
      ['warning', 'Ngày hoàn thành'],
    ]);
    expect(problems[1].message).toContain('không tính được đúng hạn');
  });

  it('lists the tasks without a status in one warning', () => {
    const { grid, ctx, rowOf, type } = setup();
    type(rowOf(plan[0].task), { status: 'Đang thực hiện' });
    const { problems, entries } = readProgressSheet(grid, ctx);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toBe(
      `3 nhiệm vụ chưa chọn tình trạng (ô H${rowOf(plan[1].task)}, H${rowOf(plan[2].task)}, H${rowOf(plan[3].task)}); được tính là "Chưa thực hiện".`,
    );
    expect(entries.filter((e) => e.status === null)).toHaveLength(3);
  });

  it('reads nothing from a sheet whose header was changed', () => {
    const { grid, ctx } = setup();
    grid[PROGRESS_HEADER_ROW - 1][progressColumn('status') - 1] = 'Trạng thái';
    const reading = readProgressSheet(grid, ctx);
    expect(reading.structureOk).toBe(false);
    expect(reading.entries).toEqual([]);
    expect(reading.problems[0].message).toContain('cột H phải là "Tình trạng"');
  });
});
