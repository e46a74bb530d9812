import { DEFAULT_TASK_COLUMNS } from '../../../src/domain/plan/columns';
import { isUnitSheet } from '../../../src/domain/unit-file/sheet-identity';
import { unitWorkbookSpecs } from '../../../src/domain/unit-file/layout';
import { UNIT_SHEETS } from '../../../src/domain/unit-file/sheets';
import { sampleConfig } from '../../fixtures/config';

/** A sheet as its CSV export shows it: display text of every cell. */
const asCsvGrid = (values: readonly (readonly unknown[])[]): string[][] =>
  values.map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v))));

describe('isUnitSheet', () => {
  const specs = unitWorkbookSpecs({
    config: sampleConfig(),
    columns: DEFAULT_TASK_COLUMNS,
    unitNames: ['Phòng Nội vụ'],
    variant: 'agency',
  });
  const read = [UNIT_SHEETS.tasks, UNIT_SHEETS.proposals, UNIT_SHEETS.plan, UNIT_SHEETS.submission];

  it('knows each sheet a reader asks for, as the layout writes it, and tells it from every other sheet', () => {
    for (const name of read) {
      for (const spec of specs) {
        expect([name, spec.name, isUnitSheet(name, asCsvGrid(spec.values))]).toEqual([
          name,
          spec.name,
          spec.name === name,
        ]);
      }
    }
  });

  it('holds whatever the unit typed below the header, and through Unicode forms and case', () => {
    const tasks = specs.find((s) => s.name === UNIT_SHEETS.tasks) as (typeof specs)[number];
    const grid = asCsvGrid(tasks.values);
    grid[0][0] = grid[0][0].normalize('NFD').toLowerCase();
    grid.push(['1.', 'Việc đã nhập', 'Kết quả']);
    expect(isUnitSheet(UNIT_SHEETS.tasks, grid)).toBe(true);
  });

  it('refuses an empty or truncated export; a sheet nobody reads by gid passes', () => {
    expect(isUnitSheet(UNIT_SHEETS.tasks, [])).toBe(false);
    expect(isUnitSheet(UNIT_SHEETS.submission, [['NỘP KẾ HOẠCH']])).toBe(false);
    expect(isUnitSheet(UNIT_SHEETS.guide, [])).toBe(true);
  });
});
