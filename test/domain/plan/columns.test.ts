import {
  a1,
  areaA1,
  columnIndex,
  columnLetter,
  DEFAULT_TASK_COLUMNS,
} from '../../../src/domain/plan/columns';

describe('columns', () => {
  it('has the nine default columns of Phụ lục II', () => {
    expect(DEFAULT_TASK_COLUMNS.map((c) => c.header)).toEqual([
      'TT',
      'Nhiệm vụ',
      'Kết quả/Sản phẩm',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Thời gian hoàn thành',
      'Kinh phí (đồng)',
      'Nguồn kinh phí',
      'Ghi chú',
    ]);
    expect(columnIndex(DEFAULT_TASK_COLUMNS, 'budget')).toBe(6);
  });

  it('writes A1 notation as Sheets does', () => {
    expect([
      columnLetter(1),
      columnLetter(26),
      columnLetter(27),
      columnLetter(702),
      columnLetter(703),
    ]).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(a1(12, 7)).toBe('G12');
    expect(areaA1(3, 3, 1, 1)).toBe('C3');
    expect(areaA1(1, 1, 4, 9)).toBe('A1:I4');
  });
});
