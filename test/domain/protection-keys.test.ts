import { protectionKey, wantedRangeProtections } from '../../src/domain/protection-keys';

describe('wantedRangeProtections', () => {
  it('keys each range protection by its A1 range and description, leaving out whole-sheet ones', () => {
    const range = { area: { row: 2, column: 1, numRows: 3, numColumns: 2 }, description: 'Khóa' };
    const sheet = { description: 'Cả trang' };
    const wanted = wantedRangeProtections([range, sheet]);
    expect([...wanted.keys()]).toEqual([protectionKey('A2:B4', 'Khóa')]);
    expect(wanted.get('A2:B4|Khóa')).toBe(range);
  });

  it('tells apart the same range with another description', () => {
    const area = { row: 1, column: 1, numRows: 1, numColumns: 1 };
    const wanted = wantedRangeProtections([
      { area, description: 'một' },
      { area, description: 'hai' },
    ]);
    expect(wanted.size).toBe(2);
  });
});
