import { parseConfig, ConfigRow } from '../../../src/domain/config/parse-config';
import { presetFor } from '../../../src/domain/config/levels';
import { configRows } from '../../../src/domain/master/layout';
import {
  defaultPeriods,
  formatPeriodLine,
  parsePeriodLine,
  parsePeriods,
  periodKey,
} from '../../../src/domain/progress/periods';

const errorOf = (r: unknown): string => (r as { error: string }).error;

describe('reporting periods', () => {
  it('proposes the four usual periods of the plan year, cut off on the 14th (581/BNV-CCHC)', () => {
    const periods = defaultPeriods(2026, 'tỉnh');
    expect(periods.map((p) => [p.key, p.name])).toEqual([
      ['quy-i', 'Quý I'],
      ['6-thang', '6 tháng'],
      ['quy-iii', 'Quý III'],
      ['nam', 'Năm'],
    ]);
    expect(periods.map(formatPeriodLine)).toEqual([
      'Quý I | 14/03/2026 | 16/03/2026 | 20/03/2026',
      '6 tháng | 14/06/2026 | 16/06/2026 | 20/06/2026',
      'Quý III | 14/09/2026 | 16/09/2026 | 20/09/2026',
      'Năm | 14/12/2026 | 16/12/2026 | 20/12/2026',
    ]);
  });

  it('gives a commune office an earlier own deadline than the province (it reports to the province)', () => {
    const [q1] = defaultPeriods(2026, 'xã');
    expect(q1.officeDue).toEqual({ y: 2026, m: 3, d: 18 });
    expect(q1.unitDue).toEqual({ y: 2026, m: 3, d: 16 });
  });

  it('reads back what it writes, and short dates in the plan year', () => {
    const text = defaultPeriods(2027, 'tỉnh').map(formatPeriodLine).join('\n');
    expect(parsePeriods(text, 2027)).toEqual(defaultPeriods(2027, 'tỉnh'));
    expect(parsePeriodLine('Quý  I | 15/3 | 18/3 | 20/3', 2027)).toEqual({
      key: 'quy-i',
      name: 'Quý I',
      cutOff: { y: 2027, m: 3, d: 15 },
      unitDue: { y: 2027, m: 3, d: 18 },
      officeDue: { y: 2027, m: 3, d: 20 },
    });
    expect(periodKey('QUÝ III')).toBe('quy-iii');
  });

  it('lets only the office’s year-end report fall in the next January', () => {
    expect(parsePeriodLine('Năm | 30/11/2026 | 05/12/2026 | 10/01/2027', 2026)).toHaveProperty('officeDue', {
      y: 2027,
      m: 1,
      d: 10,
    });
    expect(errorOf(parsePeriodLine('Năm | 30/11/2026 | 05/01/2027 | 10/01/2027', 2026))).toContain(
      'hạn đơn vị gửi 05/01/2027 không thuộc năm kế hoạch 2026',
    );
  });

  it.each([
    ['Quý I | 14/03/2026 | 16/03/2026', 'cần đủ 4 phần'],
    [' | 14/03/2026 | 16/03/2026 | 20/03/2026', 'thiếu tên kỳ'],
    ['Quý I | 31/02/2026 | 16/03/2026 | 20/03/2026', 'ngày chốt số liệu "31/02/2026" không đọc được'],
    ['Quý I | 14/03/2025 | 16/03/2026 | 20/03/2026', 'không thuộc năm kế hoạch 2026'],
    ['Quý I | 14/03/2026 | 13/03/2026 | 20/03/2026', 'trước ngày chốt số liệu'],
    ['Quý I | 14/03/2026 | 16/03/2026 | 15/03/2026', 'trước hạn đơn vị gửi'],
  ])('refuses "%s"', (line, message) => {
    expect(errorOf(parsePeriodLine(line, 2026))).toContain(message);
  });

  it('reads a setting left from last year as the same days of the plan year, and refuses mixed years', () => {
    const lastYear = defaultPeriods(2025, 'tỉnh').map(formatPeriodLine).join('\n');
    expect(parsePeriods(lastYear, 2026)).toEqual(defaultPeriods(2026, 'tỉnh'));
    expect(parsePeriods('Năm | 30/11/2025 | 05/12/2025 | 10/01/2026', 2026)).toHaveProperty('0.officeDue', {
      y: 2027,
      m: 1,
      d: 10,
    });
    const mixed =
      'Quý I | 14/03/2025 | 16/03/2025 | 20/03/2025\n6 tháng | 14/06/2024 | 16/06/2026 | 20/06/2026';
    expect(errorOf(parsePeriods(mixed, 2026))).toContain(
      'ngày chốt số liệu 14/06/2024 không thuộc năm kế hoạch 2026',
    );
  });

  it('refuses a name twice, periods out of order and an empty setting', () => {
    const q1 = 'Quý I | 14/03/2026 | 16/03/2026 | 20/03/2026';
    const h1 = '6 tháng | 14/06/2026 | 16/06/2026 | 20/06/2026';
    expect(errorOf(parsePeriods(`${q1}\nquý i | 14/06/2026 | 16/06/2026 | 20/06/2026`, 2026))).toContain(
      'ghi hai lần',
    );
    expect(errorOf(parsePeriods(`${h1}\n${q1}`, 2026))).toContain(
      'phải sau ngày chốt của kỳ trước ("6 tháng"',
    );
    expect(errorOf(parsePeriods('\n  \n', 2026))).toContain('Cần ít nhất một kỳ báo cáo');
  });
});

describe('reporting periods in the "Cấu hình" sheet', () => {
  const layout = { valueColumn: 'C' };
  const rows = (overrides: Record<string, string> = {}, drop = ''): ConfigRow[] =>
    configRows(2026, 'office@quangtri.gov.vn', presetFor('tỉnh'))
      .map((r, i) => ({
        key: String(r[0]),
        value: String(r[0]) in overrides ? overrides[String(r[0])] : r[2],
        row: 3 + i,
      }))
      .filter((r) => r.key !== drop);

  it('reads the default setting setup writes', () => {
    const { config, problems } = parseConfig(
      rows({ issuingAuthority: 'UBND TỈNH QUẢNG TRỊ', placeName: 'Quảng Trị', signerName: 'A' }),
      layout,
    );
    expect(problems).toEqual([]);
    expect(config?.reportingPeriods).toEqual(defaultPeriods(2026, 'tỉnh'));
  });

  it('falls back to the defaults of the plan year when the row is missing or blank (an upgraded office)', () => {
    const base = { issuingAuthority: 'UBND TỈNH QUẢNG TRỊ', placeName: 'Quảng Trị', signerName: 'A' };
    expect(parseConfig(rows(base, 'reportingPeriods'), layout).config?.reportingPeriods).toEqual(
      defaultPeriods(2026, 'tỉnh'),
    );
    expect(
      parseConfig(rows({ ...base, reportingPeriods: '' }), layout).config?.reportingPeriods,
    ).toHaveLength(4);
  });

  it('points a wrong setting at its cell, in Vietnamese', () => {
    const all = rows({
      issuingAuthority: 'UBND TỈNH QUẢNG TRỊ',
      placeName: 'Quảng Trị',
      signerName: 'A',
      reportingPeriods: 'Quý I | 14/03/2026 | 12/03/2026 | 20/03/2026',
    });
    const { config, problems } = parseConfig(all, layout);
    expect(config).toBeNull();
    const row = all.find((r) => r.key === 'reportingPeriods')?.row;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sheet: 'Cấu hình', cell: `C${row}`, field: 'Kỳ báo cáo tiến độ' });
    expect(problems[0].message).toContain('trước ngày chốt số liệu');
  });
});
