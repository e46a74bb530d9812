import {
  Budget,
  BudgetKind,
  BudgetProblem,
  budgetMessage,
  parseBudget,
} from '../../../src/domain/parse/budget';
import { encodeLegacy } from '../../../src/domain/text/legacy-encoding';

const reading = (raw: unknown): [BudgetKind, number | null, readonly BudgetProblem[]] => {
  const r: Budget = parseBudget(raw);
  return [r.kind, r.amount, r.problems];
};

describe('parseBudget: amounts', () => {
  it.each<[unknown, number]>([
    [50000000, 50_000_000],
    [1200000000, 1_200_000_000],
    ['50.000.000', 50_000_000],
    ['50000000', 50_000_000],
    ['50.000.000 đ', 50_000_000],
    ['50.000.000đ', 50_000_000],
    ['50.000.000 đồng', 50_000_000],
    ['50.000.000 VNĐ', 50_000_000],
    ['50.000.000 d', 50_000_000],
    ['50.000.000 đ.', 50_000_000],
    ['50,5 triệu', 50_500_000],
    ['50 triệu', 50_000_000],
    ['50 triệu đồng', 50_000_000],
    ['50tr', 50_000_000],
    ['50 tr', 50_000_000],
    ['50 trđ', 50_000_000],
    ['50 TRIỆU', 50_000_000],
    ['50 trieu', 50_000_000],
    ['1,2 tỷ', 1_200_000_000],
    ['1,2 tỉ', 1_200_000_000],
    ['0,5 tỷ', 500_000_000],
    ['1 tỷ 200 triệu', 1_200_000_000],
    ['1 tỷ 200 triệu đồng', 1_200_000_000],
    ['2 tỷ 50 triệu 500 nghìn', 2_050_500_000],
    ['1.500 triệu', 1_500_000_000],
    ['500 nghìn', 500_000],
    ['500 ngàn đồng', 500_000],
    ['50k', 50_000],
    ['50,000,000', 50_000_000],
    ['50,000', 50_000],
    ['50 000 000', 50_000_000],
    ['50\u00A0000\u00A0000 đ', 50_000_000],
    ['50.000.000,00', 50_000_000],
    ['50,000,000.00', 50_000_000],
    ['50.5 triệu', 50_500_000],
    ['1,2345 tỷ', 1_234_500_000],
    ['Tổng kinh phí: 120.000.000 đồng', 120_000_000],
    ['Kinh phí dự kiến: 30.000.000', 30_000_000],
    ['50.000.000'.normalize('NFD') + ' đồng'.normalize('NFD'), 50_000_000],
  ])('%j → %i đồng', (raw, amount) => {
    expect(reading(raw)).toEqual(['amount', amount, []]);
  });

  it('keeps the normalised text', () => {
    expect(parseBudget('  50\u00A0triệu ').text).toBe('50 triệu');
    expect(parseBudget(50000000).text).toBe('50.000.000');
  });
});

describe('parseBudget: words instead of an amount', () => {
  it.each<[unknown, BudgetKind, number | null]>([
    ['Kinh phí thường xuyên', 'recurrent', null],
    ['KP thường xuyên', 'recurrent', null],
    ['Thường xuyên', 'recurrent', null],
    ['KINH PHÍ THƯỜNG XUYÊN'.normalize('NFD'), 'recurrent', null],
    ['Kinh phi thuong xuyen', 'recurrent', null],
    ['KPTX', 'recurrent', null],
    ['Từ nguồn kinh phí thường xuyên của đơn vị', 'recurrent', null],
    ['- Kinh phí thường xuyên', 'recurrent', null],
    ['KP thường xuyên: 50.000.000 đ', 'recurrent', 50_000_000],
    ['50 triệu (kinh phí thường xuyên)', 'recurrent', 50_000_000],
    ['Lồng ghép', 'integrated', null],
    ['Lồng ghép trong chương trình …', 'integrated', null],
    ['Lồng ghép trong Chương trình MTQG giai đoạn 2021-2025', 'integrated', null],
    ['Lồng ghép Chương trình 135', 'integrated', null],
    ['Lồng ghép, 20 triệu', 'integrated', 20_000_000],
    ['Không', 'none', 0],
    ['không', 'none', 0],
    ['Không có', 'none', 0],
    ['Không phát sinh kinh phí', 'none', 0],
    ['Không sử dụng kinh phí', 'none', 0],
    ['0', 'none', 0],
    ['0 đồng', 'none', 0],
    [0, 'none', 0],
    ['-', 'none', 0],
    ['--', 'none', 0],
    ['\u2013', 'none', 0],
    ['', 'empty', null],
    ['   ', 'empty', null],
    [null, 'empty', null],
    [undefined, 'empty', null],
  ])('%j → %s', (raw, kind, amount) => {
    expect(reading(raw)).toEqual([kind, amount, []]);
  });
});

describe('parseBudget: decisions on doubtful input', () => {
  it.each<[unknown, BudgetKind, number | null, BudgetProblem[]]>([
    // Hedged amounts are read, with a warning.
    ['khoảng 50 triệu', 'amount', 50_000_000, ['approximate']],
    ['Ước tính 50.000.000', 'amount', 50_000_000, ['approximate']],
    ['Tối đa 50 triệu', 'amount', 50_000_000, ['approximate']],
    ['Không quá 50 triệu', 'amount', 50_000_000, ['approximate']],
    ['~50tr', 'amount', 50_000_000, ['approximate']],
    // Notes in parentheses are ignored, with a warning.
    ['50.000.000 (năm mươi triệu đồng)', 'amount', 50_000_000, ['extra-text']],
    // Fractions of a đồng.
    [50000000.4, 'amount', 50_000_000, ['rounded']],
    ['1,0000000005 tỷ', 'amount', 1_000_000_001, ['rounded']],
    // Very small: probably millions.
    [50, 'amount', 50, ['suspiciously-small']],
    ['50', 'amount', 50, ['suspiciously-small']],
    ['1.500', 'amount', 1_500, ['suspiciously-small']],
    ['12,5', 'amount', 13, ['rounded', 'suspiciously-small']],
    // Errors.
    [-5000000, 'unreadable', null, ['negative']],
    ['-50.000.000', 'unreadable', null, ['negative']],
    ['- 50 triệu', 'unreadable', null, ['negative']],
    ['1,500 triệu', 'unreadable', null, ['ambiguous-number']],
    ['1 tỷ 2', 'unreadable', null, ['ambiguous-number']],
    ['1 tỷ 200', 'unreadable', null, ['ambiguous-number']],
    ['50 triệu cho hội nghị', 'unreadable', null, ['unreadable']],
    ['50 triệu, 60 triệu', 'unreadable', null, ['unreadable']],
    ['50 triệu/năm', 'unreadable', null, ['unreadable']],
    ['50.00.000', 'unreadable', null, ['unreadable']],
    ['1 triệu 2 tỷ', 'unreadable', null, ['unreadable']],
    ['tỷ', 'unreadable', null, ['unreadable']],
    ['Chưa xác định', 'unreadable', null, ['unreadable']],
    ['99999999999999999', 'unreadable', null, ['too-large']],
    [1e300, 'unreadable', null, ['too-large']],
    [NaN, 'unreadable', null, ['unreadable']],
    [true, 'unreadable', null, ['unreadable']],
    [new Date(), 'unreadable', null, ['unreadable']],
  ])('%j → %s %p %p', (raw, kind, amount, problems) => {
    expect(reading(raw)).toEqual([kind, amount, problems]);
  });

  it('reads text typed in a legacy encoding, with a warning', () => {
    for (const encoding of ['TCVN3', 'VNI'] as const) {
      expect(reading(encodeLegacy('Kinh phí thường xuyên', encoding))).toEqual([
        'recurrent',
        null,
        ['legacy-encoding'],
      ]);
      expect(reading(encodeLegacy('50 triệu đồng', encoding))).toEqual([
        'amount',
        50_000_000,
        ['legacy-encoding'],
      ]);
    }
  });
});

describe('parseBudget: a funding source written in the budget column (issue 15)', () => {
  it.each<[string, string, number | null, string[], string[]]>([
    ['Ngân sách tỉnh', 'source-only', null, ['source-in-amount'], ['ngân sách tỉnh']],
    ['NS huyện', 'source-only', null, ['source-in-amount'], ['ngân sách huyện']],
    ['Vốn đầu tư công', 'source-only', null, ['source-in-amount'], ['vốn đầu tư công']],
    ['Nguồn vốn đầu tư công của tỉnh', 'source-only', null, ['source-in-amount'], ['vốn đầu tư công']],
    ['Ngân sách trung ương hỗ trợ', 'source-only', null, ['source-in-amount'], ['ngân sách trung ương']],
    ['Nguồn sự nghiệp khoa học', 'source-only', null, ['source-in-amount'], ['khác']],
    ['Vốn ODA', 'source-only', null, ['source-in-amount'], ['khác']],
    ['Các nguồn vốn hợp pháp khác', 'source-only', null, ['source-in-amount'], ['nguồn hợp pháp khác']],
    ['Xã hội hóa', 'source-only', null, ['source-in-amount'], ['xã hội hóa']],
    ['NS tỉnh: 50.000.000', 'amount', 50_000_000, ['source-with-amount'], ['ngân sách tỉnh']],
    ['Vốn đầu tư công 2 tỷ', 'amount', 2_000_000_000, ['source-with-amount'], ['vốn đầu tư công']],
  ])('%j → %s %p %p from %p', (raw, kind, amount, problems, sources) => {
    const r = parseBudget(raw);
    expect([r.kind, r.amount, r.problems, r.sources]).toEqual([kind, amount, problems, sources]);
  });

  it.each([
    'Chi thường xuyên của cơ quan',
    'Nguồn chi thường xuyên hoặc nguồn vốn hợp pháp khác (nếu có)',
    'Kinh phí chi thường xuyên được giao năm 2026',
  ])('%j is the recurrent budget, with no warning', (raw) => {
    expect(reading(raw)).toEqual(['recurrent', null, []]);
  });

  it('says what was read and what to do', () => {
    const r = parseBudget('Vốn đầu tư công');
    expect(budgetMessage('source-in-amount', r)).toBe(
      'Ô Kinh phí ghi nguồn kinh phí "Vốn đầu tư công", không có số tiền: đã đọc là nguồn "Vốn đầu tư công", chưa có số tiền (không tính vào tổng kinh phí). Ghi số tiền (đồng) vào ô này và nguồn vào cột Nguồn kinh phí; nếu dùng kinh phí thường xuyên, ghi "Kinh phí thường xuyên".',
    );
    const withAmount = parseBudget('NS tỉnh: 50.000.000');
    expect(budgetMessage('source-with-amount', withAmount)).toContain(
      '50.000.000 đồng, nguồn "Ngân sách tỉnh"',
    );
  });
});

describe('budgetMessage', () => {
  const codes: BudgetProblem[] = [
    'unreadable',
    'negative',
    'ambiguous-number',
    'too-large',
    'source-in-amount',
    'source-with-amount',
    'approximate',
    'extra-text',
    'rounded',
    'suspiciously-small',
    'legacy-encoding',
  ];

  it.each(codes)('has a Vietnamese message for %s', (code) => {
    const message = budgetMessage(code);
    expect(message.length).toBeGreaterThan(20);
    expect(message).toMatch(/[ăâđêôơưàáảãạ]/);
  });

  it('lists the accepted forms, each of which is read', () => {
    const message = budgetMessage('unreadable');
    const forms = ['50.000.000', '50 triệu', '1,2 tỷ', 'Kinh phí thường xuyên', 'Lồng ghép', 'Không'];
    for (const form of forms) {
      expect(message).toContain(`"${form}"`);
      expect(parseBudget(form).kind).not.toBe('unreadable');
      expect(parseBudget(form).problems).toEqual([]);
    }
  });
});
