import { problemRow } from '../../../src/domain/consolidate/master-sheets';
import { CellValue } from '../../../src/domain/cell';
import { Problem } from '../../../src/domain/problem';
import { carryOver } from '../../../src/domain/progress/carry-over';
import {
  entryOf,
  entryRow,
  periodSheetNames,
  problemOfRow,
  ratesSheet,
  ratesSheetReading,
  unitOfRawRow,
  unitRawRow,
} from '../../../src/domain/progress/master-sheets';
import { PeriodUnit } from '../../../src/domain/progress/period-progress';
import { consolidationPeriod } from '../../../src/domain/progress/period-choice';
import { defaultPeriods } from '../../../src/domain/progress/periods';
import { progressRates } from '../../../src/domain/progress/rates';
import { ProgressEntry } from '../../../src/domain/progress/read';
import { periodUnitState } from '../../../src/domain/progress/unit-state';
import { source, withInput, YEAR } from './fixtures';

const periods = defaultPeriods(YEAR, 'tỉnh');
const [quarterI, sixMonths] = periods;
const unit = { code: 'SNV', name: 'Sở Nội vụ' };

function entry(over: Partial<ProgressEntry> = {}): ProgressEntry {
  const { rows } = carryOver({ plan: [source(3, 'Rà soát thủ tục hành chính', 'Quý I/2026')], previous: [] });
  return {
    unit,
    sheet: 'Tiến độ 6 tháng',
    row: 7,
    task: rows[0].task,
    origin: 'plan',
    status: 'done',
    completionDate: { y: YEAR, m: 3, d: 5 },
    evidence: 'Báo cáo số 12/BC-SNV',
    budgetSpent: 15_000_000,
    reason: '',
    notes: '=1+1',
    ...over,
  };
}

describe('the period master sheets, written and read back', () => {
  it('names every sheet after the period, apart from the plan\'s own ("Lỗi dữ liệu" stays the plan\'s)', () => {
    expect(periodSheetNames(sixMonths)).toEqual({
      entries: 'Tiến độ 6 tháng - Tổng hợp',
      rates: 'Tiến độ 6 tháng - Tỷ lệ',
      overdue: 'Tiến độ 6 tháng - Quá hạn',
      problems: 'Tiến độ 6 tháng - Lỗi dữ liệu',
      unitsRaw: 'Tiến độ 6 tháng - đơn vị (tạm)',
    });
  });

  it.each([
    ['done, dated, with budget', entry()],
    [
      'no status, no date, no budget, added',
      entry({ status: null, completionDate: null, budgetSpent: null, origin: 'added' }),
    ],
    [
      'dropped with its reason',
      entry({ status: 'dropped', reason: 'Không bố trí được kinh phí', completionDate: null }),
    ],
  ])('an entry row reads back as the same entry: %s', (_, e) => {
    const row = entryRow(e, 1, 'https://docs.google.com/spreadsheets/d/x/edit#gid=1&range=H7');
    expect(entryOf(row, YEAR)).toEqual(e);
  });

  it('a row that is no entry (no area, no id) reads as none', () => {
    expect(entryOf(['', '', '', ''], YEAR)).toBeNull();
  });

  it('a problem row reads back as the same problem', () => {
    const problem: Problem = {
      severity: 'warning',
      unit,
      sheet: 'Tiến độ Quý I',
      cell: 'I12',
      field: 'Ngày hoàn thành',
      value: '',
      message: '"Đã hoàn thành" nhưng chưa ghi ngày hoàn thành.',
    };
    expect(problemOfRow(problemRow(problem, () => 'link'))).toEqual(problem);
  });

  it('the rates sheet lists every unit with its state and file, and says when it was consolidated', () => {
    const units: PeriodUnit[] = [
      { unit, state: 'reported', fileUrl: 'https://docs.google.com/spreadsheets/d/a/edit' },
      { unit: { code: 'STP', name: 'Sở Tư pháp' }, state: 'missing', fileUrl: '' },
    ];
    const entries = [entry({ sheet: 'Tiến độ Quý I' })];
    const spec = ratesSheet({
      period: quarterI,
      planYear: YEAR,
      units,
      report: progressRates(entries, quarterI, YEAR),
      consolidatedAt: '17/03/2026 09:00',
    });
    expect(ratesSheetReading(spec.values as CellValue[][])).toEqual({
      consolidatedAt: '17/03/2026 09:00',
      units,
    });
    expect(units.map((u) => unitOfRawRow(unitRawRow(u)))).toEqual(units);
  });
});

describe('periodUnitState', () => {
  const { rows } = carryOver({
    plan: [source(1, 'Ban hành kế hoạch'), source(2, 'Rà soát văn bản')],
    previous: [],
  });
  it('missing without a readable sheet, or when nothing is typed on a task of the plan', () => {
    expect(periodUnitState(null)).toBe('missing');
    expect(periodUnitState(rows)).toBe('missing');
    // An earlier period's words on a task that left the plan say nothing of this one.
    expect(
      periodUnitState([
        ...rows,
        { ...withInput(rows[0], { status: 'Đã hoàn thành' }), origin: 'not-in-plan' },
      ]),
    ).toBe('missing');
  });
  it('drafting while some task has no status; reported when every task has one', () => {
    expect(periodUnitState([withInput(rows[0], { notes: 'đang làm' }), rows[1]])).toBe('drafting');
    expect(periodUnitState([withInput(rows[0], { status: 'Đã hoàn thành' }), rows[1]])).toBe('drafting');
    expect(
      periodUnitState([
        withInput(rows[0], { status: 'Đã hoàn thành' }),
        withInput(rows[1], { status: 'Đang thực hiện' }),
      ]),
    ).toBe('reported');
  });
  it("once the tracking keeps the period's round, only a sent report is reported", () => {
    const complete = [
      withInput(rows[0], { status: 'Đã hoàn thành' }),
      withInput(rows[1], { status: 'Đang thực hiện' }),
    ];
    expect(periodUnitState(complete, { status: 'drafting' })).toBe('drafting');
    expect(periodUnitState(complete, { status: 'returned' })).toBe('drafting');
    expect(periodUnitState(complete, { status: 'submitted' })).toBe('reported');
    expect(periodUnitState([withInput(rows[0], { notes: 'x' }), rows[1]], { status: 'accepted' })).toBe(
      'reported',
    );
    expect(periodUnitState(rows, { status: 'not-started' })).toBe('missing');
    // Sent, but the sheet is gone or unreadable: nothing to count.
    expect(periodUnitState(null, { status: 'submitted' })).toBe('missing');
  });
});

describe('consolidationPeriod', () => {
  it('is the latest period whose cut-off is on or before today', () => {
    expect(consolidationPeriod(periods, { y: YEAR, m: 3, d: 14 })).toBe(quarterI);
    expect(consolidationPeriod(periods, { y: YEAR, m: 6, d: 13 })).toBe(quarterI);
    expect(consolidationPeriod(periods, { y: YEAR, m: 6, d: 14 })).toBe(sixMonths);
    expect(consolidationPeriod(periods, { y: YEAR + 1, m: 1, d: 5 })).toBe(periods[3]);
  });
  it('before the first cut-off, says when it is', () => {
    expect(consolidationPeriod(periods, { y: YEAR, m: 3, d: 13 })).toEqual({
      error: expect.stringContaining('14/03/2026'),
    });
    expect(consolidationPeriod([], { y: YEAR, m: 3, d: 13 })).toEqual({
      error: expect.stringContaining('Kỳ báo cáo'),
    });
  });
});
