import { CellValue } from '../../../src/domain/cell';
import { columnLetter, DEFAULT_TASK_COLUMNS } from '../../../src/domain/plan/columns';
import { headerProblemMessage, locateTaskTable } from '../../../src/domain/unit-file/task-table';

const headers = DEFAULT_TASK_COLUMNS.map((c) => c.header);

function grid(header: string[], body: CellValue[][]): CellValue[][] {
  return [['PHỤ LỤC II'], [''], [''], header, ...body];
}

describe('locateTaskTable', () => {
  it('finds sections where inserted rows moved them', () => {
    const shape = locateTaskTable(
      grid(headers, [
        ['I', 'Chỉ đạo'],
        ['1', 'Việc a'],
        ['2', 'Việc b'],
        ['', 'Việc c'],
        ['II.', 'Thể chế'],
        ['', ''],
      ]),
      DEFAULT_TASK_COLUMNS,
    );
    expect(shape.sections.map((s) => [s.area.roman, s.row])).toEqual([
      ['I', 5],
      ['II', 9],
    ]);
    expect(shape.lastRow).toBe(9);
  });

  it('tells a renamed, a moved and a missing column apart', () => {
    const changed = [...headers];
    changed[1] = 'Tên nhiệm vụ';
    [changed[6], changed[7]] = [changed[7], changed[6]];
    changed[8] = '';
    const shape = locateTaskTable(grid(changed, []), DEFAULT_TASK_COLUMNS);
    expect(shape.headerProblems.map((p) => p.kind)).toEqual(['renamed', 'moved', 'moved', 'missing']);
    const message = headerProblemMessage(shape.headerProblems[0], columnLetter);
    expect(message).toContain('cột B');
    expect(message).toContain('Tên nhiệm vụ');
  });

  it('accepts headers typed with NFD and extra spaces', () => {
    const typed = headers.map((h) => ` ${h.normalize('NFD')} `);
    expect(locateTaskTable(grid(typed, []), DEFAULT_TASK_COLUMNS).headerProblems).toEqual([]);
  });
});
