import { CONFIG_FIELDS } from '../../../src/domain/config/fields';
import { ConfigRow, parseConfig } from '../../../src/domain/config/parse-config';
import { configRows } from '../../../src/domain/master/layout';

const layout = { valueColumn: 'C' };

/** The rows setup writes, as the adapter reads them back (dates typed as text here). */
function defaultRows(overrides: Record<string, ConfigRow['value']> = {}): ConfigRow[] {
  return configRows(2025, 'office@vinhlinh.gov.vn').map((r, i) => ({
    key: String(r[0]),
    value: String(r[0]) in overrides ? overrides[String(r[0])] : r[2],
    row: 3 + i,
  }));
}

describe('parseConfig', () => {
  it('reads the seed defaults into a typed config', () => {
    const { config, problems } = parseConfig(defaultRows(), layout);
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      issuingAuthority: 'UBND HUYỆN VĨNH LINH',
      planYear: 2025,
      proposalDeadline: { y: 2025, m: 1, d: 10 },
      localPlanDeadline: { y: 2025, m: 1, d: 31 },
      unitPlanDeadline: { y: 2025, m: 2, d: 15 },
      admins: ['office@vinhlinh.gov.vn'],
      taskRowsPerSection: 8,
    });
    expect(config?.legalBases).toHaveLength(2);
  });

  it('accepts Date cells already turned into calendar days', () => {
    const { config } = parseConfig(defaultRows({ unitPlanDeadline: { y: 2025, m: 2, d: 20 } }), layout);
    expect(config?.unitPlanDeadline).toEqual({ y: 2025, m: 2, d: 20 });
  });

  it('names the sheet, cell and field of each problem, in Vietnamese', () => {
    const rows = defaultRows({ planYear: '25', unitPlanDeadline: '31/02/2025', admins: 'office@vinhlinh' });
    const { config, problems } = parseConfig(rows, layout);
    expect(config).toBeNull();
    const row = (key: string) => rows.find((r) => r.key === key)?.row;
    expect(problems.map((p) => [p.sheet, p.cell, p.field])).toEqual([
      ['Cấu hình', `C${row('planYear')}`, 'Năm kế hoạch'],
      ['Cấu hình', `C${row('unitPlanDeadline')}`, 'Hạn nộp kế hoạch của đơn vị'],
      ['Cấu hình', `C${row('admins')}`, 'Email quản trị'],
    ]);
    expect(problems[1].message).toContain('ngày/tháng/năm');
    expect(problems[2].message).toContain('office@vinhlinh');
  });

  it('reports a required field left empty and a missing row', () => {
    const rows = defaultRows({ signerName: '' }).filter((r) => r.key !== 'placeName');
    const { problems } = parseConfig(rows, layout);
    expect(problems.map((p) => p.field)).toEqual(['Địa danh', 'Họ và tên người ký']);
    expect(problems[0].cell).toBe('');
    expect(problems[0].message).toContain('Thiết lập ban đầu');
  });

  it('refuses a deadline far from the plan year', () => {
    const { problems } = parseConfig(defaultRows({ proposalDeadline: '10/01/2015' }), layout);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('2025');
  });

  it('keeps optional folder ids empty', () => {
    const { config } = parseConfig(defaultRows(), layout);
    expect(config?.unitFolderId).toBe('');
    expect(CONFIG_FIELDS.find((f) => f.key === 'unitFolderId')?.required).toBe(false);
  });

  it('reads the Google account type: Gmail by default and when the row is missing, Workspace when said', () => {
    expect(parseConfig(defaultRows(), layout).config?.googleAccount).toBe('consumer');
    const without = defaultRows().filter((r) => r.key !== 'googleAccount');
    expect(parseConfig(without, layout).config?.googleAccount).toBe('consumer');
    for (const text of ['Google Workspace', 'google  workspace', 'Workspace'])
      expect(parseConfig(defaultRows({ googleAccount: text }), layout).config?.googleAccount).toBe(
        'workspace',
      );
    const rows = defaultRows({ googleAccount: 'Doanh nghiệp' });
    const { config, problems } = parseConfig(rows, layout);
    expect(config).toBeNull();
    expect(problems.map((p) => [p.cell, p.field])).toEqual([
      [`C${rows.find((r) => r.key === 'googleAccount')?.row}`, 'Loại tài khoản Google'],
    ]);
    expect(problems[0].message).toContain('"Gmail" hoặc "Google Workspace"');
  });
});
