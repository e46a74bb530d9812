import { sampleConfig } from '../../fixtures/config';
import { REFORM_AREAS } from '../../../src/domain/plan/areas';
import { DEFAULT_TASK_COLUMNS } from '../../../src/domain/plan/columns';
import { rectangular } from '../../../src/domain/sheet-spec';
import {
  personaliseSpec,
  UNIT_NAME_PLACEHOLDER,
  unitPersonalCells,
  unitWorkbookSpecs,
} from '../../../src/domain/unit-file/layout';
import { TASK_FIRST_SECTION_ROW, TASK_HEADER_ROW, UNIT_SHEETS } from '../../../src/domain/unit-file/sheets';
import { locateTaskTable } from '../../../src/domain/unit-file/task-table';

const input = (variant: 'agency' | 'other') => ({
  config: sampleConfig(),
  columns: DEFAULT_TASK_COLUMNS,
  unitNames: ['Phòng Tư pháp', 'UBND xã Vĩnh Hòa'],
  variant,
});

describe('unit workbook layout', () => {
  it('gives agencies a proposals sheet and everyone else not', () => {
    expect(unitWorkbookSpecs(input('agency')).map((s) => s.name)).toEqual([
      'Hướng dẫn',
      'Kế hoạch',
      'Nhiệm vụ',
      'Đề xuất',
      'Nộp kế hoạch',
      'Danh mục',
    ]);
    expect(unitWorkbookSpecs(input('other')).map((s) => s.name)).not.toContain('Đề xuất');
  });

  it('lays the task table out as Phụ lục II: header, then sections I–VIII with room for tasks', () => {
    const tasks = unitWorkbookSpecs(input('other')).find((s) => s.name === UNIT_SHEETS.tasks);
    if (!tasks) throw new Error('no task sheet');
    const grid = rectangular(tasks.values);
    expect(grid[TASK_HEADER_ROW - 1].slice(0, 9)).toEqual(DEFAULT_TASK_COLUMNS.map((c) => c.header));
    const shape = locateTaskTable(grid, DEFAULT_TASK_COLUMNS);
    expect(shape.headerProblems).toEqual([]);
    expect(shape.sections.map((s) => s.area.roman)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
      'VII',
      'VIII',
    ]);
    expect(shape.sections[0].row).toBe(TASK_FIRST_SECTION_ROW);
    expect(shape.sections[1].row - shape.sections[0].row).toBe(sampleConfig().taskRowsPerSection + 1);
    expect(grid[shape.sections[7].row - 1][1]).toBe(REFORM_AREAS[7].tableTitle);
  });

  it('protects the header, every section row and the columns beside the table, not the task rows', () => {
    const tasks = unitWorkbookSpecs(input('other')).find((s) => s.name === UNIT_SHEETS.tasks);
    const areas = (tasks?.protections ?? []).map((p) => p.area);
    expect(areas).toHaveLength(1 + 8 + 1);
    const firstTaskRow = TASK_FIRST_SECTION_ROW + 1;
    const covers = (row: number, column: number) =>
      areas.some(
        (a) =>
          a &&
          row >= a.row &&
          row < a.row + a.numRows &&
          column >= a.column &&
          column < a.column + a.numColumns,
      );
    expect(covers(TASK_HEADER_ROW, 2)).toBe(true);
    expect(covers(TASK_FIRST_SECTION_ROW, 2)).toBe(true);
    expect(covers(firstTaskRow, 2)).toBe(false);
    expect(covers(firstTaskRow, 10)).toBe(true);
  });

  it('opens only the input column of the plan sheet and the unit columns of the submission sheet', () => {
    const specs = unitWorkbookSpecs(input('agency'));
    const plan = specs.find((s) => s.name === UNIT_SHEETS.plan);
    const submission = specs.find((s) => s.name === UNIT_SHEETS.submission);
    expect(plan?.protections?.[0].unprotected?.map((a) => a.column)).toEqual([3]);
    expect(submission?.protections?.[0].unprotected).toEqual([
      { row: 6, column: 3, numRows: 2, numColumns: 2 },
    ]);
  });

  it('personalises every placeholder with the unit name', () => {
    const specs = unitWorkbookSpecs(input('agency')).map((s) => personaliseSpec(s, 'Phòng Tư pháp'));
    const text = JSON.stringify(specs.map((s) => s.values));
    expect(text).not.toContain(UNIT_NAME_PLACEHOLDER);
    const cells = unitPersonalCells({ config: sampleConfig(), variant: 'agency' }, 'Phòng Tư pháp');
    expect(cells.map((c) => c.sheet)).toEqual(expect.arrayContaining(['Nhiệm vụ', 'Đề xuất', 'Kế hoạch']));
    expect(cells.find((c) => c.value === 'PHÒNG TƯ PHÁP')).toBeDefined();
  });
});
