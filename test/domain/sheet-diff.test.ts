import { asReadBack, changedRowRuns, joinRuns, sameCell, spanOf } from '../../src/domain/sheet-diff';
import { updatedDay } from '../../src/domain/tracking/dashboard';

describe('comparing a sheet as read with what a rebuild would write', () => {
  it('a cell holds the value written literally: same text, same number; a typed date never', () => {
    expect(sameCell('Đã nộp', 'Đã nộp')).toBe(true);
    expect(sameCell('001', '001')).toBe(true);
    expect(sameCell(3, 3)).toBe(true);
    expect(sameCell('3', 3)).toBe(false);
    expect(sameCell(undefined, '')).toBe(true);
    expect(sameCell(undefined, 'x')).toBe(false);
    expect(sameCell({ y: 2025, m: 2, d: 15 }, '15/02/2025')).toBe(false);
  });

  it('reads back padded to the width, without trailing empty rows', () => {
    expect(asReadBack([['a'], ['b', 1], [], ['']], 2)).toEqual([
      ['a', ''],
      ['b', 1],
    ]);
  });

  it('groups the changed rows into runs of consecutive rows', () => {
    const read = [
      ['h', 'x'],
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ];
    const wanted = [
      ['h', 'x'],
      ['a', 9],
      ['b', 9],
      ['c', 3],
      ['d', 9],
    ];
    expect(changedRowRuns(read, wanted)).toEqual([
      { from: 1, to: 2 },
      { from: 4, to: 4 },
    ]);
    expect(changedRowRuns(read, read)).toEqual([]);
    expect(
      spanOf([
        { from: 1, to: 2 },
        { from: 4, to: 4 },
      ]),
    ).toEqual([{ from: 1, to: 4 }]);
    expect(spanOf([])).toEqual([]);
    expect(
      spanOf([
        { from: 1, to: 1 },
        { from: 0, to: 5 },
      ]),
    ).toEqual([{ from: 0, to: 5 }]);
    const runs = [
      { from: 1, to: 2 },
      { from: 6, to: 6 },
      { from: 11, to: 12 },
    ];
    expect(joinRuns(runs, 3)).toEqual([
      { from: 1, to: 6 },
      { from: 11, to: 12 },
    ]);
    expect(joinRuns(runs, 0)).toEqual(runs);
  });

  it('rewrites from the first difference to the new end when rows are added (a round opened)', () => {
    expect(changedRowRuns([['h'], ['a']], [['h'], ['a'], ['b']])).toEqual([{ from: 2, to: 2 }]);
    // A row put among the others shifts every row after it.
    expect(changedRowRuns([['h'], ['a'], ['c']], [['h'], ['a'], ['b'], ['c']])).toEqual([{ from: 2, to: 3 }]);
    expect(changedRowRuns([['h'], ['a']], [['h'], ['x'], ['a']])).toEqual([{ from: 1, to: 2 }]);
  });

  it('asks for a rebuild when rows are removed or columns differ (cells typed beside the table)', () => {
    expect(changedRowRuns([['h'], ['a'], ['b']], [['h'], ['a']])).toBeNull();
    expect(
      changedRowRuns(
        [
          ['h', ''],
          ['a', 'typed'],
        ],
        [['h'], ['a']],
      ),
    ).toBeNull();
  });

  it("finds the day of the dashboard's update line", () => {
    expect(updatedDay([['TỔNG QUAN'], ['Cập nhật lúc 15/02/2025 10:01']])).toBe('15/02/2025');
    expect(updatedDay([['TỔNG QUAN'], ['something else']])).toBeNull();
    expect(updatedDay([])).toBeNull();
  });
});
