import { carryOver } from '../../../src/domain/progress/carry-over';
import { taskId, taskIds } from '../../../src/domain/progress/identity';
import { EMPTY_INPUT } from '../../../src/domain/progress/model';
import { REFORM_AREAS } from '../../../src/domain/plan/areas';
import { CellValue } from '../../../src/domain/cell';
import { defaultPeriods } from '../../../src/domain/progress/periods';
import { progressColumn, progressSheetSpec } from '../../../src/domain/progress/sheet';
import { rowsOfProgressSheet } from '../../../src/domain/progress/sheet-rows';
import { source, withInput, YEAR } from './fixtures';

const plan = [
  source(1, 'Xây dựng kế hoạch CCHC năm 2026'),
  source(1, 'Kiểm tra công tác CCHC tại các đơn vị'),
  source(3, 'Rà soát, đơn giản hóa thủ tục hành chính'),
  source(7, 'Triển khai chữ ký số cho cán bộ, công chức'),
];

describe('task identity', () => {
  it('does not change with case, spacing, punctuation or Unicode form', () => {
    const area = REFORM_AREAS[0];
    const id = taskId(area, 'Xây dựng kế hoạch CCHC năm 2026');
    expect(taskId(area, '  xây  dựng Kế hoạch CCHC năm 2026. '.normalize('NFD'))).toBe(id);
    expect(id).toMatch(/^I-[0-9a-f]{12}$/);
    expect(taskId(REFORM_AREAS[1], 'Xây dựng kế hoạch CCHC năm 2026')).not.toBe(id);
    expect(taskId(area, 'Xây dựng kế hoạch CCHC năm 2027')).not.toBe(id);
  });

  it('numbers the same wording repeated in one area', () => {
    const ids = taskIds([source(5, 'Báo cáo quý'), source(5, 'Báo cáo quý'), source(6, 'Báo cáo quý')]);
    expect(ids[1]).toBe(`${ids[0]}#2`);
    expect(ids[2]).not.toContain('#');
  });
});

describe('carryOver', () => {
  it('makes one empty row per task in the year’s first period, all from the plan', () => {
    const { rows } = carryOver({ plan, previous: [] });
    expect(rows.map((r) => [r.task.task, r.origin, r.input])).toEqual(
      plan.map((t) => [t.task, 'plan', EMPTY_INPUT]),
    );
    expect(rows[0].task.completion.due).toEqual({ y: 2026, m: 6, d: 30 });
  });

  it('keeps what the unit typed for each task, even after the plan was reordered', () => {
    const first = carryOver({ plan, previous: [] }).rows;
    const typed = [
      withInput(first[0], { status: 'Đã hoàn thành', evidence: 'KH số 05/KH-UBND' }),
      ...first.slice(1),
    ];
    const reordered = [plan[1], plan[0], plan[2], plan[3]];
    const { rows } = carryOver({ plan: reordered, previous: typed });
    expect(rows[1].task.task).toBe(plan[0].task);
    expect(rows[1].input.status).toBe('Đã hoàn thành');
    expect(rows[1].input.evidence).toBe('KH số 05/KH-UBND');
    expect(rows[0].input).toEqual(EMPTY_INPUT);
  });

  it('marks a task not in the earlier rows as added, in its area’s place', () => {
    const first = carryOver({ plan, previous: [] }).rows;
    const later = [
      ...plan.slice(0, 3),
      source(3, 'Số hóa hồ sơ, kết quả giải quyết TTHC', 'Quý IV/2026'),
      plan[3],
    ];
    const { rows } = carryOver({ plan: later, previous: first });
    expect(rows.map((r) => r.origin)).toEqual(['plan', 'plan', 'plan', 'added', 'plan']);
    // Once added, it stays added in the periods after.
    expect(carryOver({ plan: later, previous: rows }).rows[3].origin).toBe('added');
  });

  it('decides plan or added from the submitted plan’s ids when they are kept', () => {
    const baseline = new Set(taskIds(plan.slice(0, 3)));
    const { rows } = carryOver({ plan, previous: [], baseline });
    expect(rows.map((r) => r.origin)).toEqual(['plan', 'plan', 'plan', 'added']);
  });

  it('follows a task whose wording the unit edited, and says so', () => {
    const first = carryOver({ plan, previous: [] }).rows;
    const typed = first.map((r, i) =>
      i === 2 ? withInput(r, { status: 'Đang thực hiện', notes: 'đã rà soát 12 TTHC' }) : r,
    );
    const edited = [
      ...plan.slice(0, 2),
      source(3, 'Rà soát, đơn giản hóa các thủ tục hành chính nội bộ'),
      plan[3],
    ];
    const { rows, reworded } = carryOver({ plan: edited, previous: typed });
    expect(rows[2].input.notes).toBe('đã rà soát 12 TTHC');
    expect(rows[2].origin).toBe('plan');
    expect(reworded).toEqual([{ from: first[2].task.id, to: rows[2].task.id }]);
    expect(rows).toHaveLength(4);
  });

  it('does not match a different task of the same area', () => {
    const first = carryOver({ plan, previous: [] }).rows;
    const typed = first.map((r, i) => (i === 2 ? withInput(r, { status: 'Đang thực hiện' }) : r));
    const other = [...plan.slice(0, 2), source(3, 'Thực hiện thanh toán trực tuyến phí, lệ phí'), plan[3]];
    const { rows, reworded } = carryOver({ plan: other, previous: typed });
    expect(reworded).toEqual([]);
    expect(rows[2].input).toEqual(EMPTY_INPUT);
    expect(rows[2].origin).toBe('added');
    // The old row, with what the unit typed, stays after its area's tasks, marked.
    expect(rows[3]).toMatchObject({ origin: 'not-in-plan', input: { status: 'Đang thực hiện' } });
    expect(rows[3].task.task).toBe(plan[2].task);
  });

  it('drops a removed task’s row only when the unit typed nothing in it', () => {
    const first = carryOver({ plan, previous: [] }).rows;
    const { rows } = carryOver({ plan: plan.slice(0, 3), previous: first });
    expect(rows.map((r) => r.task.task)).toEqual(plan.slice(0, 3).map((t) => t.task));
  });
});

describe('carrying from the previous period’s sheet', () => {
  it('reads the rows a sheet holds and carries what the unit typed into the next period', () => {
    const [q1, h1] = defaultPeriods(YEAR, 'tỉnh');
    const first = carryOver({ plan, previous: [] }).rows;
    const spec = progressSheetSpec({ period: q1, planYear: YEAR, unitName: 'Phòng Nội vụ', rows: first });
    const grid: CellValue[][] = spec.values.map((r) => [...r]);
    const at = grid.findIndex((r) => r[progressColumn('task') - 1] === plan[2].task);
    grid[at][progressColumn('status') - 1] = 'Đã hoàn thành';
    grid[at][progressColumn('completionDate') - 1] = { y: YEAR, m: 3, d: 2 };
    grid[at][progressColumn('evidence') - 1] = 'QĐ số 7/QĐ-UBND';

    const read = rowsOfProgressSheet(grid, YEAR);
    expect(read?.map((r) => [r.task.id, r.task.area.roman, r.origin])).toEqual(
      first.map((r) => [r.task.id, r.task.area.roman, 'plan']),
    );
    expect(read?.[2].task.completion).toEqual(first[2].task.completion);

    const later = [...plan, source(8, 'Khảo sát mức độ hài lòng', 'Quý III/2026')];
    const { rows } = carryOver({ plan: later, previous: read ?? [] });
    expect(rows[2].input).toMatchObject({
      status: 'Đã hoàn thành',
      completionDate: { y: YEAR, m: 3, d: 2 },
      evidence: 'QĐ số 7/QĐ-UBND',
    });
    expect(rows[4].origin).toBe('added');
    const next = progressSheetSpec({ period: h1, planYear: YEAR, unitName: 'Phòng Nội vụ', rows });
    expect(next.name).toBe('Tiến độ 6 tháng');
    expect(
      rowsOfProgressSheet(
        next.values.map((r) => [...r]),
        YEAR,
      )?.map((r) => r.origin),
    ).toEqual(['plan', 'plan', 'plan', 'plan', 'added']);
  });

  it('carries nothing from a sheet whose header was changed', () => {
    const spec = progressSheetSpec({
      period: defaultPeriods(YEAR, 'tỉnh')[0],
      planYear: YEAR,
      unitName: 'X',
      rows: carryOver({ plan, previous: [] }).rows,
    });
    const grid: CellValue[][] = spec.values.map((r) => [...r]);
    grid[3][0] = 'STT';
    expect(rowsOfProgressSheet(grid, YEAR)).toBeNull();
  });
});
