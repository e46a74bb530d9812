import { compareVietnamese, sortVietnamese, vietnameseSortKey } from '../../../src/domain/text/collate';

const sorted = (items: string[]): string[] => [...items].sort(compareVietnamese);
const shuffle = (items: string[]): string[] => {
  // Deterministic reversal + interleave: enough to defeat an accidental already-sorted input.
  const reversed = [...items].reverse();
  return reversed.filter((_, i) => i % 2 === 0).concat(reversed.filter((_, i) => i % 2 === 1));
};

describe('compareVietnamese', () => {
  it('orders base letters a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y', () => {
    const alphabet = 'a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y'.split(' ');
    expect(sorted(shuffle(alphabet))).toEqual(alphabet);
  });

  it('orders words by letter before tone: an < ăn < ân, dương < đông', () => {
    expect(sorted(['ân', 'ăn', 'an', 'Đông', 'Dương'])).toEqual(['an', 'ăn', 'ân', 'Dương', 'Đông']);
  });

  it('orders tones as a secondary difference: none, huyền, sắc, hỏi, ngã, nặng', () => {
    const tones = ['ma', 'mà', 'má', 'mả', 'mã', 'mạ'];
    expect(sorted(shuffle(tones))).toEqual(tones);
  });

  it('lets letters decide before tones: "mạ" < "man" although ạ has the heaviest tone', () => {
    expect(compareVietnamese('mạ', 'man')).toBeLessThan(0);
    expect(compareVietnamese('màn', 'mạ')).toBeGreaterThan(0);
  });

  it('is case-insensitive at the primary level, lower case first only as a last resort', () => {
    expect(compareVietnamese('Bình', 'an')).toBeGreaterThan(0);
    expect(compareVietnamese('an', 'Bình')).toBeLessThan(0);
    expect(compareVietnamese('a', 'A')).toBeLessThan(0);
    expect(compareVietnamese('Đông', 'đông')).toBeGreaterThan(0);
  });

  it('treats NFC and NFD, and both tone placements, as equal', () => {
    expect(compareVietnamese('Hà Nội', 'Hà Nội'.normalize('NFD'))).toBe(0);
    expect(compareVietnamese('hoà', 'hòa')).toBe(0);
    expect(compareVietnamese('Thuỷ', 'Thủy')).toBe(0);
  });

  it('reads NFD letters whose tone mark comes before the modifier ("ậ", "ệ", "ợ")', () => {
    const nfd = (w: string): string => w.normalize('NFD');
    expect(compareVietnamese(nfd('ạ'), nfd('ậ'))).toBeLessThan(0);
    expect(compareVietnamese(nfd('ậ'), 'ậ')).toBe(0);
    expect(compareVietnamese(nfd('Việt'), nfd('Viết'))).toBeGreaterThan(0);
    expect(compareVietnamese(nfd('ợ'), 'ơ')).toBeGreaterThan(0);
    expect(compareVietnamese(nfd('ợ'), 'p')).toBeLessThan(0);
    expect(compareVietnamese(nfd('ọ'), 'ô')).toBeLessThan(0);
  });

  it('sorts a prefix first and spaces before letters', () => {
    expect(sorted(['Hà Nội', 'Hàm', 'Hà', 'Hà Giang'])).toEqual(['Hà', 'Hà Giang', 'Hà Nội', 'Hàm']);
  });

  it('sorts digits before letters and foreign letters in their Latin place', () => {
    expect(sorted(['Xã A', 'Xã 2', 'Xã 1'])).toEqual(['Xã 1', 'Xã 2', 'Xã A']);
    expect(sorted(['zalo', 'wifi', 'y tế', 'fax', 'gà', 'em', 'jazz', 'kim'])).toEqual([
      'em',
      'fax',
      'gà',
      'jazz',
      'kim',
      'wifi',
      'y tế',
      'zalo',
    ]);
  });

  it('sorts a real unit list', () => {
    const units = [
      'UBND xã Vĩnh Thủy',
      'Phòng Văn hóa và Thông tin',
      'Phòng Nội vụ',
      'Ban Quản lý dự án',
      'UBND thị trấn Hồ Xá',
      'Phòng Tài chính - Kế hoạch',
      'Phòng Tư pháp',
      'Phòng Tài nguyên và Môi trường',
      'Đài Truyền thanh',
      'Phòng Giáo dục và Đào tạo',
      'UBND xã Vĩnh Ô',
      'UBND xã Vĩnh Long',
      'Trung tâm Y tế',
    ];
    expect(sorted(units)).toEqual([
      'Ban Quản lý dự án',
      'Đài Truyền thanh',
      'Phòng Giáo dục và Đào tạo',
      'Phòng Nội vụ',
      'Phòng Tài chính - Kế hoạch',
      'Phòng Tài nguyên và Môi trường',
      'Phòng Tư pháp',
      'Phòng Văn hóa và Thông tin',
      'Trung tâm Y tế',
      'UBND thị trấn Hồ Xá',
      'UBND xã Vĩnh Long',
      'UBND xã Vĩnh Ô',
      'UBND xã Vĩnh Thủy',
    ]);
  });

  it('is antisymmetric and agrees with the sort key', () => {
    const words = ['a', 'A', 'ă', 'hoà', 'hòa', 'Hoa', 'Hóa', 'mạ', 'man', 'Đ', 'd', '1', ' ', '-', 'z', 'ư'];
    for (const a of words) {
      for (const b of words) {
        const ab = Math.sign(compareVietnamese(a, b));
        expect(Math.sign(compareVietnamese(b, a))).toBe(-ab || 0);
        const ka = vietnameseSortKey(a);
        const kb = vietnameseSortKey(b);
        expect(ka < kb ? -1 : ka > kb ? 1 : 0).toBe(ab);
      }
    }
  });
});

describe('sortVietnamese', () => {
  it('sorts objects by a text field like the comparator, keeping equal items in input order', () => {
    const rows = [
      { id: 1, name: 'Đông' },
      { id: 2, name: 'hòa' },
      { id: 3, name: 'Dương' },
      { id: 4, name: 'hoà' },
      { id: 5, name: 'ăn' },
    ];
    expect(sortVietnamese(rows, (r) => r.name).map((r) => r.id)).toEqual([5, 3, 1, 2, 4]);
  });

  it('does not modify its input', () => {
    const input = ['b', 'a'];
    sortVietnamese(input, (s) => s);
    expect(input).toEqual(['b', 'a']);
  });
});
