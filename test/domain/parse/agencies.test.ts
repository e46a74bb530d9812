import { agencyKey, AgencyReader, isCollective } from '../../../src/domain/parse/agencies';
import { PROVINCE_SAMPLE } from '../../../sample/two-level';

const UNITS = [
  ...PROVINCE_SAMPLE.units.map((u) => u.name),
  'Bộ Chỉ huy Quân sự tỉnh',
  'Kho bạc Nhà nước khu vực XI',
  'Sở Tài nguyên và Môi trường',
];
const reader = new AgencyReader(UNITS);

/** "known:Name" / "collective" / "unknown:text" for each part of the cell. */
function parts(cell: string): string[] {
  return reader
    .read(cell)
    .map((p) =>
      p.kind === 'known' ? `known:${p.name}` : p.kind === 'collective' ? 'collective' : `unknown:${p.text}`,
    );
}

describe('AgencyReader: several agencies in one cell', () => {
  it.each([
    ['Sở Y tế; Sở Giáo dục và Đào tạo', ['known:Sở Y tế', 'known:Sở Giáo dục và Đào tạo']],
    ['Sở Y tế, Sở Giáo dục và Đào tạo', ['known:Sở Y tế', 'known:Sở Giáo dục và Đào tạo']],
    ['Sở Giáo dục và Đào tạo và UBND cấp xã', ['known:Sở Giáo dục và Đào tạo', 'collective']],
    [
      'Sở Tư pháp\nSở Tài chính\nCông an tỉnh',
      ['known:Sở Tư pháp', 'known:Sở Tài chính', 'known:Công an tỉnh'],
    ],
    ['- Sở Nội vụ;\n- Văn phòng UBND tỉnh.', ['known:Sở Nội vụ', 'known:Văn phòng UBND tỉnh']],
    ['Sở Văn hóa, Thể thao và Du lịch, Sở Y tế', ['known:Sở Văn hóa, Thể thao và Du lịch', 'known:Sở Y tế']],
    ['Sở Nội vụ và các sở, ban, ngành liên quan', ['known:Sở Nội vụ', 'collective']],
    ['Sở ABC, Sở Y tế', ['unknown:Sở ABC', 'known:Sở Y tế']],
    // A misspelt name with commas stays one unknown name, not three.
    ['Sở Văn hóa, Thể thao và Du lich', ['unknown:Sở Văn hóa, Thể thao và Du lich']],
  ])('%j → %p', (cell, expected) => {
    expect(parts(cell)).toEqual(expected);
  });
});

describe('AgencyReader: abbreviations and left-out places', () => {
  it.each([
    ['Sở KH&CN', 'Sở Khoa học và Công nghệ'],
    ['Sở KHCN', 'Sở Khoa học và Công nghệ'],
    ['Sở TN&MT', 'Sở Tài nguyên và Môi trường'],
    ['Sở TNMT', 'Sở Tài nguyên và Môi trường'],
    ['Sở GD&ĐT', 'Sở Giáo dục và Đào tạo'],
    ['Sở VH,TT&DL', 'Sở Văn hóa, Thể thao và Du lịch'],
    ['Sở NN&MT', 'Sở Nông nghiệp và Môi trường'],
    ['Bộ CHQS tỉnh', 'Bộ Chỉ huy Quân sự tỉnh'],
    ['BHXH', 'Bảo hiểm xã hội tỉnh Quảng Trị'],
    ['BHXH tỉnh', 'Bảo hiểm xã hội tỉnh Quảng Trị'],
    ['KBNN', 'Kho bạc Nhà nước khu vực XI'],
    ['VP UBND', 'Văn phòng UBND tỉnh'],
    ['VP UBND tỉnh', 'Văn phòng UBND tỉnh'],
    ['Văn phòng Ủy ban nhân dân tỉnh', 'Văn phòng UBND tỉnh'],
    ['TTPVHCC', 'Trung tâm Phục vụ hành chính công tỉnh'],
    ['TT PVHCC tỉnh', 'Trung tâm Phục vụ hành chính công tỉnh'],
    ['Sở Nội vụ tỉnh Quảng Trị', 'Sở Nội vụ'],
    ['Công an', 'Công an tỉnh'],
    ['sở y tế', 'Sở Y tế'],
  ])('%j → %j', (cell, name) => {
    expect(parts(cell)).toEqual([`known:${name}`]);
  });

  it.each([
    'Phòng Tài chính', // not "… - Kế hoạch": only the level and place may be left out
    'Sở Tu phap', // typed without its marks: a suggestion, not a match
    'Sở Nông nghiệp',
    'UBND xã', // one of many
    'Sở',
  ])('%j is not matched', (cell) => {
    expect(reader.read(cell).map((p) => p.kind)).toEqual(['unknown']);
  });

  it('keys long forms and abbreviations alike', () => {
    expect(agencyKey('Sở Khoa học và Công nghệ')).toBe(agencyKey('Sở KH&CN'));
    expect(agencyKey('Bộ Chỉ huy Quân sự tỉnh')).toBe(agencyKey('Bộ CHQS tỉnh'));
    expect(agencyKey('Sở Tư pháp')).not.toBe(agencyKey('Sở Tu phap'));
  });
});

describe('isCollective', () => {
  it.each([
    'Các sở, ban, ngành',
    'Các sở, ban, ngành, địa phương',
    'UBND các xã, phường, đặc khu',
    'UBND cấp xã',
    'các cơ quan, đơn vị',
    'Các cơ quan, đơn vị có liên quan',
    'Sở, ngành liên quan',
    'Cơ quan, đơn vị',
    'Thành viên Ban Chỉ đạo',
    'Các phòng, ban, đơn vị thuộc UBND xã',
  ])('%j is a group', (cell) => {
    expect(isCollective(cell)).toBe(true);
    expect(parts(cell)).toEqual(['collective']);
  });

  it.each(['Sở Y tế', 'UBND xã Cửa Tùng', 'Ban Quản lý Khu kinh tế tỉnh', 'Công an tỉnh'])(
    '%j is one agency',
    (cell) => {
      expect(isCollective(cell)).toBe(false);
    },
  );
});
