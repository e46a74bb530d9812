import { CHART_ROWS, progressDashboardSpec, unitRows } from '../../../src/domain/progress/dashboard';
import { defaultPeriods } from '../../../src/domain/progress/periods';
import { periodProgress } from '../../fixtures/period-progress';

const YEAR = 2026;
const [q1, six] = defaultPeriods(YEAR, 'xã');
const A = { code: 'NV', name: 'Phòng Nội vụ' };
const B = { code: 'TP', name: 'Phòng Tư pháp' };
const C = { code: 'CT', name: 'UBND xã Cửa Tùng' };
const done = (task: string, area = 1) => ({ task, area, time: 'Thường xuyên', status: 'done' as const });
const open = (task: string, area = 1) => ({
  task,
  area,
  time: 'Thường xuyên',
  status: 'in-progress' as const,
});

const first = periodProgress(q1, YEAR, [
  { unit: A, state: 'reported', tasks: [done('a1'), open('a2'), open('a3', 3), open('a4', 3)] },
  { unit: B, state: 'reported', tasks: [done('b1'), done('b2', 3)] },
  { unit: C, state: 'missing', tasks: [] },
]);
const second = periodProgress(six, YEAR, [
  { unit: A, state: 'reported', tasks: [done('a1'), done('a2'), done('a3', 3), open('a4', 3)] },
  { unit: B, state: 'reported', tasks: [done('b1'), open('b2', 3)] },
  { unit: C, state: 'missing', tasks: [] },
]);

describe('the progress dashboard over periods', () => {
  it('orders units furthest behind in the latest period first, a unit that never reported before all', () => {
    // Given out of order: the periods are sorted by cut-off.
    const rows = unitRows([second, first]);
    expect(rows.map((r) => [r.unit.name, r.rates])).toEqual([
      ['UBND xã Cửa Tùng', [null, null]],
      ['Phòng Tư pháp', [1, 0.5]],
      ['Phòng Nội vụ', [0.25, 0.75]],
    ]);
  });

  it('writes the completion rate per area per period as percentages, each chart above its table', () => {
    const { sheet, charts } = progressDashboardSpec([first, second], '20/06/2026 08:00');
    const rowOf = (label: string) => sheet.values.findIndex((r) => r[0] === label) + 1;
    const areaHeader = rowOf('Lĩnh vực');
    expect(sheet.values[areaHeader - 1]).toEqual(['Lĩnh vực', 'Quý I (%)', '6 tháng (%)']);
    // Area I: quarter I 2 of 3 done; six months 3 of 3. Area III: 1 of 3, then 1 of 3.
    expect(sheet.values[rowOf('I. Công tác chỉ đạo, điều hành Cải cách hành chính') - 1]).toEqual([
      'I. Công tác chỉ đạo, điều hành Cải cách hành chính',
      66.7,
      100,
    ]);
    expect(sheet.values[rowOf('III. Cải cách thủ tục hành chính') - 1].slice(1)).toEqual([33.3, 33.3]);
    expect(sheet.values[rowOf('II. Cải cách thể chế') - 1].slice(1)).toEqual(['', '']);
    expect(sheet.values[rowOf('Chung') - 1].slice(1)).toEqual([50, 66.7]);
    const unitHeader = rowOf('Đơn vị');
    expect(charts).toEqual([
      expect.objectContaining({
        kind: 'column',
        data: { row: areaHeader, column: 1, numRows: 9, numColumns: 3 },
        anchor: { row: areaHeader - CHART_ROWS, column: 1 },
      }),
      expect.objectContaining({
        kind: 'bar',
        data: { row: unitHeader, column: 1, numRows: 4, numColumns: 3 },
        anchor: { row: unitHeader - CHART_ROWS, column: 1 },
      }),
    ]);
    expect(sheet.values[unitHeader]).toEqual(['UBND xã Cửa Tùng', '', '']);
  });

  it('says to consolidate first when no period has been consolidated', () => {
    const { sheet, charts } = progressDashboardSpec([], '20/06/2026 08:00');
    expect(charts).toEqual([]);
    expect(sheet.values.flat().join(' ')).toContain('Chưa có kỳ báo cáo nào được tổng hợp');
  });
});
