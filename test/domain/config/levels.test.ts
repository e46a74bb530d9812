import { ConfigRow, parseConfig } from '../../../src/domain/config/parse-config';
import {
  formatUnitKind,
  PARENT_FROM_OFFICE,
  parseLevel,
  parseUnitKindLine,
  presetFor,
} from '../../../src/domain/config/levels';
import {
  abbreviatedAuthority,
  fullAuthorityName,
  headerLines,
  localityOf,
  placeFromUnitName,
  shortNameOf,
} from '../../../src/domain/config/names';
import { configRows } from '../../../src/domain/master/layout';
import { Level } from '../../../src/domain/config/levels';
import { CellValue } from '../../../src/domain/cell';
import { REGISTRY_COLUMNS, registryColumn } from '../../../src/domain/registry/columns';
import { parseRegistry } from '../../../src/domain/registry/parse-registry';

const layout = { valueColumn: 'C' };

function rowsOf(year: number, level: Level, overrides: Record<string, string> = {}): ConfigRow[] {
  return configRows(year, 'snv@quangtri.example.vn', presetFor(level)).map((r, i) => ({
    key: String(r[0]),
    value: String(r[0]) in overrides ? overrides[String(r[0])] : r[2],
    row: 3 + i,
  }));
}

const PROVINCE_NAMES = {
  issuingAuthority: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ',
  placeName: 'Quảng Trị',
  signerName: 'Nguyễn Văn A',
};

describe('levels and presets', () => {
  it.each([
    ['tỉnh', 'tỉnh'],
    ['Thành phố', 'tỉnh'],
    ['phường', 'xã'],
    ['Đặc khu', 'xã'],
    ['huyện', 'huyện'],
    ['ấp', null],
  ])('reads the level %j as %j', (text, level) => {
    expect(parseLevel(text)).toBe(level);
  });

  it('writes and reads back every preset kind, labels with commas included', () => {
    for (const level of ['tỉnh', 'xã', 'huyện'] as const) {
      for (const kind of presetFor(level).unitKinds)
        expect(parseUnitKindLine(formatUnitKind(kind))).toEqual(kind);
    }
    expect(parseUnitKindLine('UBND xã, phường, đặc khu | có đề xuất')).toMatchObject({
      label: 'UBND xã, phường, đặc khu',
      proposes: true,
      parentLine: '',
    });
    expect(parseUnitKindLine('Sở | có thể')).toHaveProperty('error');
  });

  it("a new province's settings hold no district's names, people or decisions", () => {
    const values = configRows(2027, 'snv@quangtri.example.vn', presetFor('tỉnh'))
      .map((r) => String(r[2]))
      .join('\n');
    for (const word of [
      'Vĩnh Linh',
      'Thái Văn Thành',
      '5486',
      'huyện',
      'Huyện',
      'thị trấn',
      'Phòng Nội vụ',
    ]) {
      expect(values).not.toContain(word);
    }
    expect(values).toContain('Sở Nội vụ');
    expect(values).toContain('Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã');
  });

  it('a province office must type its own names; then it parses with its level defaults', () => {
    const blank = parseConfig(rowsOf(2027, 'tỉnh'), layout);
    expect(blank.config).toBeNull();
    expect(blank.problems.map((p) => p.field)).toEqual([
      'Cơ quan ban hành',
      'Địa danh',
      'Họ và tên người ký',
    ]);
    const { config, problems } = parseConfig(rowsOf(2027, 'tỉnh', PROVINCE_NAMES), layout);
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      level: 'tỉnh',
      parentAuthority: '',
      shortName: 'UBND tỉnh Quảng Trị',
      coordinatingOffice: 'Sở Nội vụ',
    });
    expect(config?.unitKinds.map((k) => [k.label, k.proposes])).toEqual([
      ['Sở, ban, ngành', true],
      ['Cơ quan Trung ương trên địa bàn tỉnh', false],
      ['Đơn vị sự nghiệp', false],
      ['UBND xã, phường, đặc khu', true],
    ]);
    expect(config?.recipients).toContain('Bộ Nội vụ');
    expect(config?.recipients).toContain('UBND các xã, phường, đặc khu');
    expect(config?.fundingSources).not.toContain('Ngân sách huyện');
    expect(config?.guidance).toHaveLength(8);
    expect(config?.guidance.flat().join(' ')).not.toContain('cấp huyện');
  });

  it("a commune's plan goes to the province through Sở Nội vụ, its party committee, council and units", () => {
    const { config } = parseConfig(
      rowsOf(2027, 'xã', {
        issuingAuthority: 'ỦY BAN NHÂN DÂN XÃ CỬA TÙNG',
        placeName: 'Cửa Tùng',
        signerName: 'Lê Thị B',
      }),
      layout,
    );
    expect(config?.shortName).toBe('UBND xã Cửa Tùng');
    expect(config?.recipients).toEqual([
      'UBND tỉnh (qua Sở Nội vụ)',
      'Thường trực Đảng ủy xã',
      'Thường trực HĐND xã',
      'Chủ tịch, các Phó Chủ tịch UBND xã',
      'Các phòng, đơn vị thuộc UBND xã',
      'Lưu: VT',
    ]);
    expect(config?.organization).toContain('các phòng, đơn vị thuộc UBND xã');
  });

  it('an office upgrading from the 2025 layout reads as before: new rows missing are its level defaults', () => {
    const added = new Set([
      'shortName',
      'unitKinds',
      'recipients',
      'solutions',
      'organization',
      'fundingSources',
    ]);
    const old = rowsOf(2025, 'huyện').filter((r) => !added.has(r.key) && !r.key.startsWith('guidance'));
    const { config, problems } = parseConfig(old, layout);
    expect(problems).toEqual([]);
    expect(config?.shortName).toBe('UBND huyện Vĩnh Linh');
    expect(config?.unitKinds.map((k) => k.label)).toEqual([
      'Cơ quan chuyên môn',
      'Đơn vị sự nghiệp',
      'UBND xã, thị trấn',
    ]);
    expect(config?.recipients[0]).toBe('Sở Nội vụ tỉnh');
    expect(config?.guidance[2].join(' ')).toContain('Bộ phận một cửa cấp huyện, cấp xã');
  });

  it('refuses an unknown level and a kinds line without a label, at their cells', () => {
    const { problems } = parseConfig(
      rowsOf(2027, 'tỉnh', { ...PROVINCE_NAMES, level: 'vùng', unitKinds: ' | có' }),
      layout,
    );
    expect(problems.map((p) => p.field)).toEqual(['Cấp', 'Loại đơn vị']);
  });
});

describe('names in the header and in running text (Nghị định 30/2020)', () => {
  it.each([
    ['UBND HUYỆN VĨNH LINH', 'ỦY BAN NHÂN DÂN HUYỆN VĨNH LINH'],
    ['ubnd tỉnh Quảng Trị', 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ'],
    ['Sở Nội vụ', 'SỞ NỘI VỤ'],
  ])('the issuer %j in full: %j', (name, full) => {
    expect(fullAuthorityName(name)).toBe(full);
  });

  it('breaks long names on two lines, short ones stay on one', () => {
    expect(headerLines('ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ')).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG TRỊ']);
    expect(headerLines('SỞ NỘI VỤ')).toEqual(['SỞ NỘI VỤ']);
    const lines = headerLines('Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Trị');
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH QUẢNG TRỊ');
  });

  it.each([
    ['ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ', 'UBND tỉnh Quảng Trị'],
    ['UBND HUYỆN VĨNH LINH', 'UBND huyện Vĩnh Linh'],
    ['ỦY BAN NHÂN DÂN PHƯỜNG ĐỒNG HỚI', 'UBND phường Đồng Hới'],
    ['ỦY BAN NHÂN DÂN ĐẶC KHU CỒN CỎ', 'UBND đặc khu Cồn Cỏ'],
    ['ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ', 'UBND thành phố Huế'],
  ])('short name of %j is %j', (issuer, short) => {
    expect(shortNameOf(issuer)).toBe(short);
  });

  it('locality, place from a unit name, abbreviated parent', () => {
    expect(localityOf('UBND tỉnh Quảng Trị')).toBe('tỉnh Quảng Trị');
    expect(placeFromUnitName('UBND xã Cửa Tùng')).toBe('Cửa Tùng');
    expect(placeFromUnitName('UBND đặc khu Cồn Cỏ')).toBe('Cồn Cỏ');
    expect(placeFromUnitName('Sở Tư pháp')).toBe('');
    expect(abbreviatedAuthority('ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ')).toBe('UBND TỈNH QUẢNG TRỊ');
  });
});

describe('the registry with configured kinds', () => {
  const row = (cells: Record<string, string>): CellValue[] =>
    REGISTRY_COLUMNS.map((c) => cells[c.role] ?? '');
  const kinds = presetFor('tỉnh').unitKinds;
  const context = { kinds, placeName: 'Quảng Trị', issuingAuthority: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ' };
  const base = { focalEmails: 'a@x.vn' };

  it("accepts a province's kinds; a sở carries the province above it, a commune nothing and its own place", () => {
    const { units, problems } = parseRegistry(
      [
        row({ ...base, code: 'SNV', name: 'Sở Nội vụ', kind: 'Sở, ban, ngành' }),
        row({
          ...base,
          code: 'THUE',
          name: 'Thuế tỉnh Quảng Trị',
          kind: 'cơ quan trung ương trên địa bàn tỉnh',
        }),
        row({ ...base, code: 'CT', name: 'UBND xã Cửa Tùng', kind: 'UBND xã, phường, đặc khu' }),
        row({ ...base, code: 'DH', name: 'UBND phường Đồng Hới', kind: 'Phường' }),
        row({
          ...base,
          code: 'BV',
          name: 'Bệnh viện Đa khoa tỉnh',
          kind: 'Đơn vị sự nghiệp',
          placeName: 'Đồng Hới',
          parentLine: 'Sở Y tế tỉnh Quảng Trị',
        }),
        row({ ...base, code: 'X', name: 'UBND xã X', kind: 'UBND xã, phường, đặc khu', parentLine: 'Không' }),
      ],
      context,
    );
    expect(problems).toEqual([]);
    expect(units.map((u) => [u.code, u.kind, u.proposes, u.parentLine, u.placeName])).toEqual([
      ['SNV', 'Sở, ban, ngành', true, 'UBND TỈNH QUẢNG TRỊ', 'Quảng Trị'],
      ['THUE', 'Cơ quan Trung ương trên địa bàn tỉnh', false, '', 'Quảng Trị'],
      ['CT', 'UBND xã, phường, đặc khu', true, '', 'Cửa Tùng'],
      ['DH', 'UBND xã, phường, đặc khu', true, '', 'Đồng Hới'],
      ['BV', 'Đơn vị sự nghiệp', false, 'SỞ Y TẾ TỈNH QUẢNG TRỊ', 'Đồng Hới'],
      ['X', 'UBND xã, phường, đặc khu', true, '', 'X'],
    ]);
    expect(kinds[0].parentLine).toBe(PARENT_FROM_OFFICE);
  });

  it('refuses a district kind in a province, listing the configured kinds', () => {
    const { problems } = parseRegistry(
      [row({ ...base, code: 'TP', name: 'Phòng Tư pháp', kind: 'Cơ quan chuyên môn' })],
      context,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0].cell).toBe(`C3`);
    expect(problems[0].message).toContain('Sở, ban, ngành; Cơ quan Trung ương trên địa bàn tỉnh');
    expect(registryColumn('kind')).toBe(3);
  });
});
