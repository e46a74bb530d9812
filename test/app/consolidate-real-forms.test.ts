import { BUDGET_SHEET, CONSOLIDATED_SHEET, PROBLEMS_SHEET } from '../../src/domain/consolidate/master-sheets';
import * as entry from '../../src/index';
import { fillTaskTable } from '../../sample/fill';
import { focalEmail, SAMPLE_UNITS } from '../../sample/vinh-linh';
import { Office, provisionedOffice, sheetValues, unitFileId } from '../fixtures/office';

/**
 * Issue 15 through the whole consolidation: the forms of real tables reach "Tổng hợp" as read,
 * and each new warning reaches "Lỗi dữ liệu" at its cell with what was read and a suggestion.
 */
describe('Tổng hợp dữ liệu: the forms officials really write (issue 15)', () => {
  let office: Office;
  afterEach(() => office.close());

  it('lists each new warning at its cell, once per file for multi-year periods', () => {
    const units = SAMPLE_UNITS.slice(0, 3);
    office = provisionedOffice(units);
    const [unit, other] = units;
    const fileId = unitFileId(office.master, unit.code);
    const task = (name: string, lead: string, cooperating: string, time: string, budget: string) => [
      '',
      name,
      'Báo cáo',
      lead,
      cooperating,
      time,
      budget,
      '',
      '',
    ];
    fillTaskTable(office.emu, focalEmail(unit), fileId, 'Nhiệm vụ', [
      [
        task('Số hóa hồ sơ', unit.name, '', 'Giai đoạn 2025 - 2030', 'Vốn đầu tư công'),
        task('Rà soát quy trình', unit.name, '', '2025-2030', 'Kinh phí thường xuyên'),
      ],
      [
        task(
          'Ban hành quy chế',
          `${unit.name}; ${other.name}`,
          'Các cơ quan, đơn vị liên quan',
          'Ban hành trong quý I năm 2025. Thực hiện rà soát, điều chỉnh (nếu có)',
          'Không',
        ),
        task('Vận hành hệ thống', unit.name, 'UBND các xã, thị trấn', 'Triển khai từ năm 2025', 'Không'),
      ],
    ]);
    fillTaskTable(office.emu, focalEmail(unit), fileId, 'Đề xuất', [
      [task('Đề án số hóa', unit.name, '', 'Giai đoạn 2025 - 2030', 'Không')],
    ]);
    entry.menuConsolidate();

    const problems = sheetValues(office.master, PROBLEMS_SHEET).slice(1);
    const mine = problems.filter((p) => p[0] === unit.code);
    const about = (text: string) => mine.filter((p) => String(p[6]).includes(text));

    // One "past the plan year" warning for the file, though both sheets have periods.
    const spans = about('kéo dài quá năm kế hoạch');
    expect(spans).toHaveLength(1);
    expect(spans[0][2]).toBe('Nhiệm vụ');
    expect(String(spans[0][3])).toMatch(/^F\d+$/);
    expect(spans[0][6]).toMatch(/^2 nhiệm vụ \(ô F\d+, F\d+\)/);
    expect(spans[0][7]).toBe('Cảnh báo');

    const followUp = about('được giữ làm ghi chú');
    expect(followUp.map((p) => [p[4], p[7]])).toEqual([['Thời gian hoàn thành', 'Cảnh báo']]);
    expect(followUp[0][6]).toContain('"Ban hành trong quý I năm 2025" (hạn 31/03/2025)');
    expect(followUp[0][6]).toContain('nên chuyển phần ghi chú sang cột Ghi chú');

    const source = about('đã đọc là nguồn "Vốn đầu tư công"');
    expect(source.map((p) => [p[4], p[5], p[7]])).toEqual([
      ['Kinh phí (đồng)', 'Vốn đầu tư công', 'Cảnh báo'],
    ]);
    expect(source[0][6]).toContain('Ghi số tiền (đồng) vào ô này');
    for (const p of [...spans, ...followUp, ...source]) expect(String(p[8])).toContain('range=');

    // Two leads in one cell, a group as the cooperating agency: nothing to report.
    expect(about('không có trong danh sách')).toEqual([]);
    expect(mine.every((p) => p[7] === 'Cảnh báo')).toBe(true);

    const rows = sheetValues(office.master, CONSOLIDATED_SHEET);
    const header = rows[0];
    const byTask = (name: string) => rows.find((r) => r[header.indexOf('Nhiệm vụ')] === name) ?? [];
    const kind = header.indexOf('Loại thời hạn');
    const due = header.indexOf('Hạn hoàn thành');
    expect([byTask('Số hóa hồ sơ')[kind], byTask('Số hóa hồ sơ')[due]]).toEqual([
      'Giai đoạn nhiều năm',
      '31/12/2030',
    ]);
    expect([byTask('Vận hành hệ thống')[kind], byTask('Vận hành hệ thống')[due]]).toEqual([
      'Thực hiện từ (không có hạn)',
      '',
    ]);
    expect(byTask('Số hóa hồ sơ')[header.indexOf('Loại kinh phí')]).toBe('Chỉ ghi nguồn');
    expect(byTask('Số hóa hồ sơ')[header.indexOf('Nguồn (chuẩn hóa)')]).toBe('Vốn đầu tư công');

    const budget = sheetValues(office.master, BUDGET_SHEET);
    expect(budget.find((r) => String(r[0]).startsWith('Nhiệm vụ chỉ ghi nguồn'))?.[2]).toBe(1);
  });
});
