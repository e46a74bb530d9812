import { foldForMatch, normalizeText, plainKey, removeDiacritics } from '../../../src/domain/text/normalize';

const nfd = (s: string): string => s.normalize('NFD');

describe('normalizeText', () => {
  it('composes NFD input to NFC', () => {
    const out = normalizeText(nfd('Phòng Tài chính'));
    expect(out).toBe('Phòng Tài chính');
    expect(out).toBe(out.normalize('NFC'));
    expect(out.length).toBe('Phòng Tài chính'.length);
  });

  it('collapses spaces, tabs and non-breaking spaces to one space and trims', () => {
    expect(normalizeText('  UBND\u00A0\u00A0xã \t Vĩnh\u202FLinh  ')).toBe('UBND xã Vĩnh Linh');
    expect(normalizeText('a\u3000\u2009b')).toBe('a b');
  });

  it('keeps line breaks as a single \\n, whatever their form, dropping blank lines', () => {
    expect(normalizeText('dòng 1\r\ndòng 2\rdòng 3\u2028dòng 4')).toBe('dòng 1\ndòng 2\ndòng 3\ndòng 4');
    expect(normalizeText('a  \n \n\n  b')).toBe('a\nb');
    expect(normalizeText('\n\na\n\n')).toBe('a');
  });

  it('strips zero-width characters', () => {
    expect(normalizeText('Ph\u200Bòng\u200C \uFEFFNội\u2060 vụ\u200D')).toBe('Phòng Nội vụ');
  });

  it('keeps the soft hyphen, which is the letter ư in TCVN3 text', () => {
    expect(normalizeText('Ng\u00ADêi')).toBe('Ng\u00ADêi');
  });

  it('returns an empty string for whitespace only', () => {
    expect(normalizeText(' \u00A0\t\r\n ')).toBe('');
  });
});

describe('foldForMatch', () => {
  it.each([
    ['UBND xã Vĩnh Hoà', 'UBND Xã  Vĩnh Hòa'],
    ['UBND xã Vĩnh Hoà', nfd('UBND Xã  Vĩnh Hòa')],
    ['Vĩnh Thuỷ', 'VĨNH THỦY'],
    ['sức khoẻ', 'Sức khỏe'],
    ['Quỳ', 'Qùy'],
    ['uỳ', 'ùy'],
    ['Hoá', 'Hóa'],
    ['hoạ', 'họa'],
    ['Phòng Tài chính - Kế hoạch', 'phòng tài chính kế hoạch'],
    ['Phòng Tài chính–Kế hoạch', 'Phòng Tài chính, Kế hoạch.'],
    ['Đông Hà', '\u00D0ông Hà'], // Icelandic eth typed for Đ
    ['đông hà', '\u0110ÔNG HÀ'],
  ])('%j matches %j', (a, b) => {
    expect(foldForMatch(a)).toBe(foldForMatch(b));
  });

  it.each([
    ['Vĩnh Hòa', 'Vĩnh Hóa'],
    ['Vĩnh Hòa', 'Vinh Hoa'],
    ['Hoà', 'Hoa'],
    ['Đông', 'Dong'],
    ['thủy', 'thùy'],
    ['Xã 2', 'Xã 3'],
  ])('%j does not match %j', (a, b) => {
    expect(foldForMatch(a)).not.toBe(foldForMatch(b));
  });

  it('puts the tone of a final oa/oe/uy on the second vowel and leaves other words alone', () => {
    expect(foldForMatch('UBND Xã  Vĩnh Hòa')).toBe('ubnd xã vĩnh hoà');
    expect(foldForMatch('Thủy khỏe')).toBe('thuỷ khoẻ');
    expect(foldForMatch('hoàn thành tuyết người của')).toBe('hoàn thành tuyết người của');
  });

  it('gives lower case, single spaces and no punctuation', () => {
    expect(foldForMatch('  PHÒNG  Nội-vụ, (huyện) ')).toBe('phòng nội vụ huyện');
  });

  it('returns NFC', () => {
    const key = foldForMatch(nfd('Người đứng đầu'));
    expect(key).toBe(key.normalize('NFC'));
  });

  it('returns an empty key for punctuation only', () => {
    expect(foldForMatch(' - , . ')).toBe('');
  });
});

describe('removeDiacritics', () => {
  it('removes tones and modifiers and maps đ → d, keeping case', () => {
    expect(removeDiacritics('Vĩnh Hòa, ĐỒNG, đường, Ưu, ắ ậ ợ ữ')).toBe('Vinh Hoa, DONG, duong, Uu, a a o u');
  });

  it('works on NFD input', () => {
    expect(removeDiacritics(nfd('Quảng Trị'))).toBe('Quang Tri');
  });

  it('leaves ASCII alone', () => {
    expect(removeDiacritics('UBND 2025 - PAR INDEX')).toBe('UBND 2025 - PAR INDEX');
  });
});

describe('plainKey', () => {
  it('is normalised, lower case and without diacritics', () => {
    expect(plainKey(nfd('  QUÝ\u00A0 I/2025 '))).toBe('quy i/2025');
    expect(plainKey('Quy I/2025')).toBe('quy i/2025');
  });
});
