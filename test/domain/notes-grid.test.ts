import { notesGrid } from '../../src/domain/notes-grid';

describe('notesGrid', () => {
  it('spans the smallest rectangle holding every note, blank where there is none', () => {
    const { top, left, grid } = notesGrid([
      { row: 5, column: 3, text: 'b' },
      { row: 3, column: 4, text: 'a' },
    ]);
    expect([top, left]).toEqual([3, 3]);
    expect(grid).toEqual([
      ['', 'a'],
      ['', ''],
      ['b', ''],
    ]);
  });

  it('is one cell for one note', () => {
    expect(notesGrid([{ row: 2, column: 7, text: 'x' }])).toEqual({ top: 2, left: 7, grid: [['x']] });
  });
});
