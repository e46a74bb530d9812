import { DateOnly } from '../../../src/domain/dates';
import { parseCompletionTime } from '../../../src/domain/parse/completion-time';
import { REFORM_AREAS } from '../../../src/domain/plan/areas';
import { deadlineOf } from '../../../src/domain/progress/deadline';
import { ProgressStatus } from '../../../src/domain/progress/model';
import { defaultPeriods } from '../../../src/domain/progress/periods';
import { formatRate, progressRates, RATE_DEFINITIONS, ratesOf } from '../../../src/domain/progress/rates';
import { ProgressEntry } from '../../../src/domain/progress/read';
import { taskId } from '../../../src/domain/progress/identity';
import { YEAR } from './fixtures';

const [q1, , , year] = defaultPeriods(YEAR, 'tỉnh'); // cut-offs 14/03/2026 and 14/12/2026
const unitA = { code: 'A', name: 'Phòng Nội vụ' };
const unitB = { code: 'B', name: 'UBND xã Cửa Tùng' };
const d = (day: number, month: number): DateOnly => ({ y: YEAR, m: month, d: day });

let rowNo = 5;
function entry(
  label: string,
  time: string,
  status: ProgressStatus | null,
  completionDate: DateOnly | null = null,
  more: { unit?: typeof unitA; area?: number; added?: boolean } = {},
): ProgressEntry {
  const area = REFORM_AREAS[(more.area ?? 1) - 1];
  return {
    unit: more.unit ?? unitA,
    sheet: 'Tiến độ Quý I',
    row: rowNo++,
    task: {
      id: taskId(area, label),
      area,
      task: label,
      result: '',
      lead: '',
      completion: parseCompletionTime(time, YEAR),
    },
    origin: more.added ? 'added' : 'plan',
    status,
    completionDate,
    evidence: status === 'done' ? 'Số 1/BC' : '',
    budgetSpent: null,
    reason: status === 'dropped' ? 'Lý do' : '',
    notes: '',
  };
}

/** One task of each case, at the quarter-I cut-off of 14/03/2026. */
const cases = {
  onTime: entry('a dated, done before its deadline', 'Tháng 1/2026', 'done', d(25, 1)),
  late: entry('b dated, done after its deadline', 'Tháng 2/2026', 'done', d(10, 3)),
  overdue: entry('c dated, past, in progress', 'Tháng 2/2026', 'in-progress'),
  dueOnCutOff: entry('d due on the cut-off day itself', 'Trước ngày 14/03/2026', 'not-started'),
  doneAfterCutOff: entry('e done after the cut-off', 'Quý I/2026', 'done', d(20, 3)),
  recurring: entry('f recurring, done', 'Thường xuyên', 'done', d(1, 3), { area: 2 }),
  periodic: entry('g periodic, in progress', 'Định kỳ hằng quý', 'in-progress', null, { area: 2 }),
  perPlan: entry('h per the province plan', 'Theo kế hoạch của tỉnh', 'not-started', null, { area: 3 }),
  conditional: entry('i conditional, done', 'Sau khi có hướng dẫn của tỉnh', 'done', d(1, 2), { area: 3 }),
  empty: entry('j no time, no status', '', null, null, { area: 3 }),
  multiYear: entry('k multi-year period, done', 'Giai đoạn 2026-2030', 'done', d(1, 3), { area: 4 }),
  dropped: entry('l dropped after its deadline', 'Tháng 1/2026', 'dropped', null, { area: 4 }),
  undated: entry('m done, no date', 'Tháng 1/2026', 'done', null, { area: 5 }),
  added: entry('n added mid-year, past', 'Tháng 2/2026', 'not-started', null, {
    area: 5,
    added: true,
    unit: unitB,
  }),
};
const all = Object.values(cases);

describe('deadline rules', () => {
  it('give each completion-time kind its rule', () => {
    const rule = (e: ProgressEntry) => [e.task.completion.kind, deadlineOf(e.task.completion, YEAR).rule];
    expect(
      [
        cases.onTime,
        cases.recurring,
        cases.periodic,
        cases.perPlan,
        cases.conditional,
        cases.empty,
        cases.multiYear,
      ].map(rule),
    ).toEqual([
      ['month', 'dated'],
      ['recurring', 'year-end'],
      ['periodic', 'year-end'],
      ['per-plan', 'none'],
      ['conditional', 'none'],
      ['empty', 'unknown'],
      ['period', 'beyond-year'],
    ]);
    expect(deadlineOf(cases.periodic.task.completion, YEAR).due).toEqual(d(31, 12));
  });
});

describe('completion rates', () => {
  it('count every case in its place, as of the cut-off', () => {
    const { figures, completedRate, onTimeRate, overdueRate, notStartedRate, dueCompletedRate } = ratesOf(
      all,
      q1,
      YEAR,
    );
    expect(figures).toEqual({
      total: 14,
      added: 1,
      completed: 6, // a b f i k m
      completedOnTime: 4, // a f i k
      completedLate: 1, // b
      completedUndated: 1, // m
      inProgress: 3, // c e g
      notStarted: 4, // d h j n
      dropped: 1, // l
      overdue: 2, // c n
      dueByCutOff: 7, // a b c d l m n
      yearRound: 2, // f g
      noDeadline: 3, // h i j
    });
    expect(figures.completed + figures.inProgress + figures.notStarted + figures.dropped).toBe(figures.total);
    expect([completedRate, onTimeRate, overdueRate, notStartedRate]).toEqual([
      6 / 14,
      4 / 14,
      2 / 14,
      4 / 14,
    ]);
    expect(dueCompletedRate).toBe(3 / 7); // a b m of the seven due
  });

  it('never call a recurring or periodic task overdue before the year ends, nor one with no date', () => {
    const open = [
      cases.periodic,
      cases.perPlan,
      cases.empty,
      entry('recurring, not started', 'Thường xuyên', 'not-started'),
    ];
    expect(ratesOf(open, year, YEAR).figures.overdue).toBe(0);
    // Judged against 31/12: only a cut-off after the year (never one of the year's periods) sees them late.
    const afterYear = { ...year, cutOff: { y: YEAR + 1, m: 1, d: 15 } };
    expect(ratesOf(open, afterYear, YEAR).figures.overdue).toBe(2); // the periodic and the recurring
  });

  it('count a task done after one cut-off as completed at the next', () => {
    expect(ratesOf([cases.doneAfterCutOff], q1, YEAR).figures).toMatchObject({
      completed: 0,
      inProgress: 1,
      overdue: 0,
    });
    expect(ratesOf([cases.doneAfterCutOff], year, YEAR).figures).toMatchObject({
      completed: 1,
      completedOnTime: 1,
    });
  });

  it('judge a task added mid-year by its own deadline', () => {
    expect(ratesOf([cases.added], q1, YEAR).figures).toMatchObject({
      total: 1,
      added: 1,
      overdue: 1,
      dueByCutOff: 1,
    });
  });

  it('give no rate for nothing', () => {
    const empty = ratesOf([], q1, YEAR);
    expect(empty.completedRate).toBeNull();
    expect(formatRate(empty.completedRate)).toBe('—');
    expect(formatRate(6 / 14)).toBe('42,9%');
    expect(formatRate(1)).toBe('100%');
  });

  it('are given per unit, per area and overall, with the overdue list', () => {
    const report = progressRates(all, q1, YEAR);
    expect(report.overall.figures.total).toBe(14);
    expect([...report.byUnit.keys()]).toEqual(['A', 'B']);
    expect(report.byUnit.get('B')?.rates.figures).toMatchObject({ total: 1, overdue: 1 });
    expect(report.byUnit.get('A')?.rates.figures).toMatchObject({ total: 13, overdue: 1, completed: 6 });
    expect(report.byArea).toHaveLength(8);
    expect(report.byArea.map((a) => a.rates.figures.total)).toEqual([5, 2, 3, 2, 2, 0, 0, 0]);
    expect(report.byArea[5].rates.completedRate).toBeNull();
    expect(report.overdue.map((o) => [o.unit.code, o.task, o.deadlineText, o.daysLate, o.row])).toEqual([
      ['A', cases.overdue.task.task, 'Tháng 2/2026', 14, cases.overdue.row],
      ['B', cases.added.task.task, 'Tháng 2/2026', 14, cases.added.row],
    ]);
  });

  it('list the overdue tasks of a unit earliest deadline first', () => {
    const later = entry('later', 'Tháng 2/2026', 'not-started');
    const earlier = entry('earlier', 'Tháng 1/2026', 'in-progress');
    expect(progressRates([later, earlier], q1, YEAR).overdue.map((o) => [o.task, o.daysLate])).toEqual([
      ['earlier', 42],
      ['later', 14],
    ]);
  });

  it('have a Vietnamese definition for each figure written beside it', () => {
    for (const text of Object.values(RATE_DEFINITIONS)) expect(text).toMatch(/^[A-ZĐ][^\n]+\.$/u);
    expect(RATE_DEFINITIONS.overdue).toContain(
      'Nhiệm vụ thường xuyên, định kỳ không quá hạn trước khi hết năm',
    );
  });
});
