import { closestMatches, editDistance, NameMatcher } from '../../../src/domain/text/similar';

const UNITS = [
  'Phòng Nội vụ',
  'Phòng Tài chính - Kế hoạch',
  'Phòng Tư pháp',
  'Phòng Tài nguyên và Môi trường',
  'Phòng Văn hóa và Thông tin',
  'Phòng Giáo dục và Đào tạo',
  'Phòng Y tế',
  'Phòng Kinh tế và Hạ tầng',
  'Phòng Lao động - Thương binh và Xã hội',
  'Văn phòng HĐND và UBND',
  'Thanh tra huyện',
  'UBND xã Vĩnh Hoà',
  'UBND xã Vĩnh Hóa',
  'UBND xã Vĩnh Long',
  'UBND xã Vĩnh Lâm',
  'UBND xã Vĩnh Thủy',
  'UBND xã Vĩnh Sơn',
  'UBND xã Vĩnh Giang',
  'UBND thị trấn Hồ Xá',
  'UBND thị trấn Cửa Tùng',
  'Trung tâm Văn hóa, Thông tin và Thể thao',
];

const best = (query: string): string | undefined => closestMatches(query, UNITS)[0]?.candidate;

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['abcd', 'abdc', 1], // adjacent swap
    ['chinh', 'chnih', 1],
    ['hoa', 'son', 2],
  ])('%j → %j = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closestMatches', () => {
  it('finds the longer official name from a shortened one', () => {
    expect(best('Phòng Tài chính')).toBe('Phòng Tài chính - Kế hoạch');
    expect(best('Tài chính')).toBe('Phòng Tài chính - Kế hoạch');
    expect(best('Phòng Giáo dục')).toBe('Phòng Giáo dục và Đào tạo');
    expect(best('Phòng Lao động')).toBe('Phòng Lao động - Thương binh và Xã hội');
  });

  it('ignores case, spacing, NFD and tone placement: exact folded match scores 1', () => {
    const [first] = closestMatches('ubnd  XÃ Vĩnh Hòa'.normalize('NFD'), UNITS);
    expect(first).toEqual({ candidate: 'UBND xã Vĩnh Hoà', index: 11, score: 1 });
  });

  it('ranks the candidate with the same tones above one with other tones', () => {
    const matches = closestMatches('UBND xã Vĩnh Hòa', UNITS);
    expect(matches.map((m) => m.candidate).slice(0, 2)).toEqual(['UBND xã Vĩnh Hoà', 'UBND xã Vĩnh Hóa']);
    expect(matches[1].score).toBeLessThan(1);
  });

  it('matches text typed without diacritics', () => {
    expect(best('Phong Tai chinh')).toBe('Phòng Tài chính - Kế hoạch');
    expect(best('UBND xa Vinh Lam')).toBe('UBND xã Vĩnh Lâm');
  });

  it('survives a typo inside a word', () => {
    expect(best('Phòng Tài chíhn - Kế hoạch')).toBe('Phòng Tài chính - Kế hoạch');
    expect(best('UBND xã Vĩnh Thủyy')).toBe('UBND xã Vĩnh Thủy');
  });

  it('understands "Ủy ban nhân dân" as "UBND" and words run together', () => {
    expect(best('Ủy ban nhân dân xã Vĩnh Long')).toBe('UBND xã Vĩnh Long');
    expect(best('PhòngNội vụ')).toBe('Phòng Nội vụ');
  });

  it('does not suggest a unit that only shares generic words', () => {
    const names = closestMatches('UBND xã Vĩnh Hòa', UNITS).map((m) => m.candidate);
    expect(names).not.toContain('UBND xã Vĩnh Sơn');
    expect(names).not.toContain('UBND xã Vĩnh Long');
    expect(closestMatches('Hội Nông dân', UNITS)).toEqual([]);
    expect(closestMatches('Công an huyện', UNITS)).toEqual([]);
  });

  it('returns best first with scores between 0 and 1, at most `limit`', () => {
    const matches = closestMatches('UBND xã Vĩnh', UNITS, 2, 0);
    expect(matches).toHaveLength(2);
    for (const m of matches) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
      expect(UNITS[m.index]).toBe(m.candidate);
    }
    expect(matches[0].score).toBeGreaterThanOrEqual(matches[1].score);
  });

  it('returns nothing for an empty query or an empty list', () => {
    expect(closestMatches('  ', UNITS)).toEqual([]);
    expect(closestMatches('Phòng Nội vụ', [])).toEqual([]);
  });

  it('NameMatcher gives the same answers as closestMatches', () => {
    const matcher = new NameMatcher(UNITS);
    for (const q of ['Phòng Tài chính', 'UBND xa Vinh Hoa', 'Thanh tra', 'Sở Nội vụ']) {
      expect(matcher.closest(q)).toEqual(closestMatches(q, UNITS));
    }
  });
});
