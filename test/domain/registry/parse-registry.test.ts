import { CellValue } from '../../../src/domain/cell';
import { REGISTRY_COLUMNS } from '../../../src/domain/registry/columns';
import { parseRegistry, parseUnitKind } from '../../../src/domain/registry/parse-registry';

const row = (code: string, name: string, kind: string, focal: string, head = ''): CellValue[] => [
  code,
  name,
  kind,
  focal,
  head,
  ...Array<CellValue>(REGISTRY_COLUMNS.length - 5).fill(''),
];

describe('parseUnitKind', () => {
  it.each([
    ['Cơ quan chuyên môn', 'agency'],
    ['co quan chuyen mon', 'agency'],
    ['Đơn vị sự nghiệp', 'service'],
    ['UBND xã, thị trấn', 'commune'],
    ['UBND phường', 'commune'],
    ['Xã', 'commune'],
    ['Doanh nghiệp', null],
  ])('%s → %s', (text, kind) => {
    expect(parseUnitKind(text)).toBe(kind);
  });
});

describe('parseRegistry', () => {
  it('reads valid units with their sheet rows, skipping empty rows', () => {
    const { units, problems } = parseRegistry([
      row('TP', 'Phòng Tư pháp', 'Cơ quan chuyên môn', 'a@tp.vn; B@tp.vn', 'head@tp.vn'),
      row('', '', '', ''),
      row('XVH', 'UBND xã Vĩnh Hòa', 'UBND xã, thị trấn', 'c@vh.vn'),
    ]);
    expect(problems).toEqual([]);
    expect(units.map((u) => [u.code, u.kind, u.proposes, u.row, u.focalEmails])).toEqual([
      ['TP', 'Cơ quan chuyên môn', true, 3, ['a@tp.vn', 'b@tp.vn']],
      ['XVH', 'UBND xã, thị trấn', false, 5, ['c@vh.vn']],
    ]);
  });

  it('reports every problem at its cell before anything is created', () => {
    const { units, problems } = parseRegistry([
      row('TP', 'Phòng Tư pháp', 'Cơ quan chuyên môn', 'a@tp.vn'),
      row('tp', 'Phòng Y tế', 'Cơ quan chuyên môn', 'a@yt.vn'),
      row('YT2', '', 'Cơ quan chuyên môn', 'a@yt.vn'),
      row('X1', 'UBND xã A', 'Hợp tác xã', 'x@a.vn'),
      row('X2', 'UBND xã B', 'Xã', 'not-an-email', 'also bad'),
      row('X3', 'UBND xã C', 'Xã', ''),
    ]);
    expect(problems.map((p) => p.cell)).toEqual(['A4', 'B5', 'C6', 'D7', 'E7', 'D8']);
    expect(problems.every((p) => p.sheet === 'Đơn vị' && p.severity === 'error')).toBe(true);
    expect(problems[0].message).toContain('dòng 3');
    expect(problems[2].message).toContain('Cơ quan chuyên môn');
    expect(units.map((u) => u.code)).toEqual(['TP']);
  });

  it('catches names that differ only by Unicode form or tone placement', () => {
    const nfd = 'UBND xã Vĩnh Hòa'.normalize('NFD');
    const { problems } = parseRegistry([
      row('A', 'UBND xã Vĩnh Hòa', 'Xã', 'a@x.vn'),
      row('B', 'UBND xã Vĩnh Hoà', 'Xã', 'b@x.vn'),
      row('C', nfd, 'Xã', 'c@x.vn'),
    ]);
    expect(problems.map((p) => p.cell)).toEqual(['B4', 'B5']);
    expect(problems[0].message).toContain('cách gõ dấu');
  });
});
