import {
  asReadBack,
  changedRowRuns,
  joinRuns,
  keyedRowEdits,
  sameCell,
  spanOf,
} from '../../src/domain/sheet-diff';
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

  it('inserts the rows a keyed sheet gains among the others, and writes only them and the changed rows', () => {
    const key = (r: readonly unknown[]) => String(r[0]);
    // A round opened for unit b: its row goes between a and c, c moves down untouched.
    expect(keyedRowEdits([['h'], ['a'], ['c']], [['h'], ['a'], ['b'], ['c']], key)).toEqual({
      inserts: [{ at: 2, count: 1 }],
      runs: [{ from: 2, to: 2 }],
    });
    // Two groups, one at the end, and a changed row between them.
    const read = [
      ['h', ''],
      ['a', '1'],
      ['c', '1'],
    ];
    const wanted = [
      ['h', ''],
      ['a', '1'],
      ['b', '1'],
      ['c', '2'],
      ['d', '1'],
      ['e', '1'],
    ];
    expect(keyedRowEdits(read, wanted, key)).toEqual({
      inserts: [
        { at: 2, count: 1 },
        { at: 4, count: 2 },
      ],
      runs: [{ from: 2, to: 5 }],
    });
    expect(keyedRowEdits(read, read, key)).toEqual({ inserts: [], runs: [] });
  });

  it('asks a keyed sheet for a rebuild when a row goes, the order changes or a key repeats', () => {
    const key = (r: readonly unknown[]) => String(r[0]);
    expect(keyedRowEdits([['h'], ['a'], ['b']], [['h'], ['a']], key)).toBeNull();
    expect(keyedRowEdits([['h'], ['a'], ['b']], [['h'], ['b'], ['a']], key)).toBeNull();
    expect(keyedRowEdits([['h'], ['a'], ['b']], [['h'], ['a'], ['x'], ['c']], key)).toBeNull();
    expect(keyedRowEdits([['h'], ['a']], [['h'], ['a'], ['a']], key)).toBeNull();
  });

  it('asks for a rebuild when rows or columns differ (units added, cells typed beside the table)', () => {
    expect(changedRowRuns([['h'], ['a']], [['h'], ['a'], ['b']])).toBeNull();
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
