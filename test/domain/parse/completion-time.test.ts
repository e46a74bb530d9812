import {
  acceptedCompletionTimeForms,
  CompletionTimeKind,
  CompletionTimeProblem,
  completionTimeMessage,
  parseCompletionTime,
} from '../../../src/domain/parse/completion-time';
import { encodeLegacy } from '../../../src/domain/text/legacy-encoding';

const PLAN_YEAR = 2025;

/** "kind dd/mm/yyyy" or "kind -" for a compact expectation. */
function read(raw: unknown, planYear = PLAN_YEAR): string {
  const r = parseCompletionTime(raw, planYear);
  const due =
    r.due === null
      ? '-'
      : `${String(r.due.d).padStart(2, '0')}/${String(r.due.m).padStart(2, '0')}/${r.due.y}`;
  return `${r.kind} ${due}`;
}

describe('parseCompletionTime: the forms people write', () => {
  it.each([
    ['Thường xuyên', 'recurring -'],
    ['Thường xuyên, liên tục', 'recurring -'],
    ['Liên tục', 'recurring -'],
    ['Trong năm 2025', 'year 31/12/2025'],
    ['Cả năm', 'year 31/12/2025'],
    ['Năm 2025', 'year 31/12/2025'],
    ['Trong năm', 'year 31/12/2025'],
    ['Cuối năm', 'year 31/12/2025'],
    ['2025', 'year 31/12/2025'],
    ['Quý I/2025', 'quarter 31/03/2025'],
    ['Quý 1', 'quarter 31/03/2025'],
    ['Quý II', 'quarter 30/06/2025'],
    ['Quý III/2025', 'quarter 30/09/2025'],
    ['Quý IV năm 2025', 'quarter 31/12/2025'],
    ['Q2/2025', 'quarter 30/06/2025'],
    ['Q1', 'quarter 31/03/2025'],
    ['QIV/2025', 'quarter 31/12/2025'],
    ['Q.3/2025', 'quarter 30/09/2025'],
    ['Trong Quý I năm 2025', 'quarter 31/03/2025'],
    ['Hết quý II', 'quarter 30/06/2025'],
    ['6 tháng đầu năm', 'half 30/06/2025'],
    ['6 tháng cuối năm', 'half 31/12/2025'],
    ['Sáu tháng đầu năm 2025', 'half 30/06/2025'],
    ['6 tháng đầu năm 2025', 'half 30/06/2025'],
    ['Nửa cuối năm', 'half 31/12/2025'],
    ['3 tháng đầu năm', 'quarter 31/03/2025'],
    ['9 tháng đầu năm', 'quarter 30/09/2025'],
    ['Tháng 6/2025', 'month 30/06/2025'],
    ['tháng 6', 'month 30/06/2025'],
    ['Tháng 02/2025', 'month 28/02/2025'],
    ['Tháng 12 năm 2025', 'month 31/12/2025'],
    ['T12/2025', 'month 31/12/2025'],
    ['T6', 'month 30/06/2025'],
    ['6/2025', 'month 30/06/2025'],
    ['Tháng 6, 2025', 'month 30/06/2025'],
    ['Trước ngày 15/12/2025', 'by-date 15/12/2025'],
    ['Trước 30/6', 'by-date 30/06/2025'],
    ['Hoàn thành trước ngày 31/01/2025', 'by-date 31/01/2025'],
    ['Chậm nhất ngày 15/12/2025', 'by-date 15/12/2025'],
    ['Đến ngày 15/12/2025', 'by-date 15/12/2025'],
    ['Hạn chót: 30/9/2025', 'by-date 30/09/2025'],
    ['15/12/2025', 'date 15/12/2025'],
    ['15-12-2025', 'date 15/12/2025'],
    ['15.12.2025', 'date 15/12/2025'],
    ['15/12/25', 'date 15/12/2025'],
    ['2025-12-15', 'date 15/12/2025'],
    ['Ngày 15 tháng 12 năm 2025', 'date 15/12/2025'],
    ['6/12', 'date 06/12/2025'],
    ['Định kỳ hằng quý', 'periodic -'],
    ['Định kỳ 6 tháng', 'periodic -'],
    ['Hằng tháng', 'periodic -'],
    ['Hàng tháng', 'periodic -'],
    ['Hằng năm', 'periodic -'],
    ['Theo quý', 'periodic -'],
    ['Theo kế hoạch của tỉnh', 'per-plan -'],
    ['Theo chỉ đạo', 'per-plan -'],
    ['Theo chỉ đạo của UBND tỉnh', 'per-plan -'],
    ['Khi có yêu cầu', 'conditional -'],
    ['Thực hiện thường xuyên', 'recurring -'],
    ['Thời gian: Quý II/2025', 'quarter 30/06/2025'],
  ])('%j → %s', (raw, expected) => {
    expect(read(raw)).toBe(expected);
  });

  it('keeps the normalised text', () => {
    expect(parseCompletionTime('  Quý\u00A0 I/2025 ', PLAN_YEAR).text).toBe('Quý I/2025');
    expect(parseCompletionTime('Thường xuyên'.normalize('NFD'), PLAN_YEAR).text).toBe('Thường xuyên');
  });

  it('reports no problem for a good reading', () => {
    expect(parseCompletionTime('Quý I/2025', PLAN_YEAR).problems).toEqual([]);
    expect(parseCompletionTime('Thường xuyên', PLAN_YEAR).problems).toEqual([]);
  });
});

describe('parseCompletionTime: case, Unicode form and spacing do not matter', () => {
  it.each([
    ['QUÝ I/2025', 'quarter 31/03/2025'],
    ['quý i/2025', 'quarter 31/03/2025'],
    ['Quy I/2025', 'quarter 31/03/2025'],
    ['  Quý   I  /  2025  ', 'quarter 31/03/2025'],
    ['Quý\u00A0I/2025', 'quarter 31/03/2025'],
    ['Quý I/2025'.normalize('NFD'), 'quarter 31/03/2025'],
    ['THƯỜNG XUYÊN'.normalize('NFD'), 'recurring -'],
    ['thuong xuyen', 'recurring -'],
    ['TRƯỚC NGÀY 15/12/2025', 'by-date 15/12/2025'],
    ['6 THÁNG ĐẦU NĂM', 'half 30/06/2025'],
    ['Tháng 6 / 2025', 'month 30/06/2025'],
    ['Trước ngày 15 / 12 / 2025', 'by-date 15/12/2025'],
    ['Quý I\u20132025', 'quarter 31/03/2025'], // en dash
  ])('%j → %s', (raw, expected) => {
    expect(read(raw)).toBe(expected);
  });
});

describe('parseCompletionTime: lists and ranges end with their latest item', () => {
  it.each([
    ['Quý I, II/2025', 'quarter 30/06/2025'],
    ['Quý I và Quý II năm 2025', 'quarter 30/06/2025'],
    ['Quý I - Quý III', 'quarter 30/09/2025'],
    ['Tháng 3-4/2025', 'month 30/04/2025'],
    ['Tháng 3, 4/2025', 'month 30/04/2025'],
    ['Từ tháng 3 đến tháng 6 năm 2025', 'month 30/06/2025'],
    ['15/6 và 15/12/2025', 'date 15/12/2025'],
    ['Quý IV/2025 - Quý I/2026', 'quarter 31/03/2026'],
  ])('%j → %s', (raw, expected) => {
    expect(read(raw)).toBe(expected);
  });
});

describe('parseCompletionTime: the forms of real plans (issue 15)', () => {
  /** "kind due [problems] {note}" for a plan of 2026. */
  function full(raw: string, planYear = 2026): string {
    const r = parseCompletionTime(raw, planYear);
    const from = r.from
      ? ` từ ${String(r.from.d).padStart(2, '0')}/${String(r.from.m).padStart(2, '0')}/${r.from.y}`
      : '';
    const note = r.note ? ` {${r.note}}` : '';
    return `${read(raw, planYear)}${from} [${r.problems.join(',')}]${note}`;
  }

  it.each([
    ['Giai đoạn 2026 - 2030', 'period 31/12/2030 từ 01/01/2026 [spans-past-plan-year]'],
    ['giai đoạn 2026-2030', 'period 31/12/2030 từ 01/01/2026 [spans-past-plan-year]'],
    ['Trong giai đoạn 2025 – 2030', 'period 31/12/2030 từ 01/01/2025 [spans-past-plan-year]'],
    ['GĐ 2026-2030', 'period 31/12/2030 từ 01/01/2026 [spans-past-plan-year]'],
    ['2026 - 2030', 'period 31/12/2030 từ 01/01/2026 [spans-past-plan-year]'],
    ['Từ năm 2026 đến năm 2030', 'period 31/12/2030 từ 01/01/2026 [spans-past-plan-year]'],
    ['Năm 2025 - 2026', 'period 31/12/2026 từ 01/01/2025 []'],
    ['Giai đoạn 2021 - 2025', 'period 31/12/2025 từ 01/01/2021 [year-before-plan]'],
    ['Giai đoạn 2027 - 2030', 'period 31/12/2030 từ 01/01/2027 [year-after-plan]'],
  ])('a period: %j → %s', (raw, expected) => {
    expect(full(raw)).toBe(expected);
  });

  it.each([
    [
      'Hoàn thành trong năm 2026, và rà soát, sửa đổi, bổ sung trong các năm tiếp theo (nếu có)',
      'year 31/12/2026 [follow-up-note] {và rà soát, sửa đổi, bổ sung trong các năm tiếp theo (nếu có)}',
    ],
    [
      'Ban hành trong quý I năm 2026. Thực hiện rà soát, điều chỉnh (nếu có)',
      'quarter 31/03/2026 [follow-up-note] {Thực hiện rà soát, điều chỉnh (nếu có)}',
    ],
    [
      'Hoàn thành trước năm 2027 và vận hành thường xuyên, liên tục',
      'year 31/12/2026 [before-year,follow-up-note] {vận hành thường xuyên, liên tục}',
    ],
    ['Năm 2026 và các năm tiếp theo', 'year 31/12/2026 [follow-up-note] {các năm tiếp theo}'],
    [
      'Quý II/2026; trình UBND tỉnh trước ngày 15/7/2026',
      'quarter 30/06/2026 [other-time-in-note] {trình UBND tỉnh trước ngày 15/7/2026}',
    ],
  ])('a deadline and a follow-up clause: %j → %s', (raw, expected) => {
    expect(full(raw)).toBe(expected);
  });

  it.each([
    ['Triển khai từ năm 2026', 'ongoing-from - từ 01/01/2026 []'],
    ['Bắt đầu từ tháng 3', 'ongoing-from - từ 01/03/2026 []'],
    ['Từ năm 2026', 'ongoing-from - từ 01/01/2026 []'],
    ['Kể từ ngày 01/7/2026', 'ongoing-from - từ 01/07/2026 []'],
    ['Từ Quý II/2026 trở đi', 'ongoing-from - từ 01/04/2026 []'],
    ['Từ năm 2027', 'ongoing-from - từ 01/01/2027 [year-after-plan]'],
    ['Từ nay đến hết năm 2026', 'year 31/12/2026 []'],
    ['Từ tháng 3 đến tháng 6/2026', 'month 30/06/2026 []'],
  ])('a start is never a deadline: %j → %s', (raw, expected) => {
    expect(full(raw)).toBe(expected);
  });

  it.each([
    ['Nhiệm vụ thường xuyên', 'recurring - []'],
    ['Tháng 12 hằng năm', 'month 31/12/2026 []'],
    ['Tháng 11 hàng năm', 'month 30/11/2026 []'],
    ['Hằng năm, trước ngày 15/12', 'by-date 15/12/2026 []'],
    ['Định kỳ 6 tháng', 'periodic - []'],
    ['Báo cáo định kỳ 6 tháng, hằng năm', 'periodic - []'],
    ['Sau khi có hướng dẫn của Bộ Nội vụ', 'conditional - []'],
    ['Khi có văn bản hướng dẫn', 'conditional - []'],
    ['Theo tiến độ của Đề án 06', 'conditional - []'],
    ['Triển khai sau khi Đề án được phê duyệt', 'conditional - []'],
    ['Quí I/2026', 'quarter 31/03/2026 []'],
    ['quí II năm 2026', 'quarter 30/06/2026 []'],
    ['Qúy III/2026', 'quarter 30/09/2026 []'],
    ['Quý IV - 2026', 'quarter 31/12/2026 []'],
    ['Quý 2-2026', 'quarter 30/06/2026 []'],
    ['Quý 3 năm 2026', 'quarter 30/09/2026 []'],
    ['Trước năm 2027', 'year 31/12/2026 [before-year]'],
    ['Trước năm 2026', 'year 31/12/2025 [year-before-plan,before-year]'],
  ])('%j → %s', (raw, expected) => {
    expect(full(raw)).toBe(expected);
  });

  it('explains each new reading in its message: what was read and what to do', () => {
    const followUp = parseCompletionTime(
      'Ban hành trong quý I năm 2026. Thực hiện rà soát, điều chỉnh (nếu có)',
      2026,
    );
    expect(completionTimeMessage('follow-up-note', 2026, followUp)).toBe(
      'Đã lấy "Ban hành trong quý I năm 2026" (hạn 31/03/2026) làm thời hạn; "Thực hiện rà soát, điều chỉnh (nếu có)" được giữ làm ghi chú, không tính là thời hạn. Nếu đúng, nên chuyển phần ghi chú sang cột Ghi chú.',
    );
    const before = parseCompletionTime('Trước năm 2027', 2026);
    expect(completionTimeMessage('before-year', 2026, before)).toContain('hạn 31/12/2026');
    expect(completionTimeMessage('before-year', 2026, before)).toContain('"Trong năm 2027"');
    const period = parseCompletionTime('Giai đoạn 2026 - 2030', 2026);
    expect(completionTimeMessage('spans-past-plan-year', 2026, period)).toContain('(2026–2030)');
    expect(completionTimeMessage('spans-past-plan-year', 2026, period)).toContain('31/12/2030');
  });
});

describe('parseCompletionTime: cell values that are not text', () => {
  it('reads a Date as its calendar date in Asia/Ho_Chi_Minh', () => {
    // What getValues returns for a date cell of a sheet in Asia/Ho_Chi_Minh: local midnight.
    const r = parseCompletionTime(new Date(Date.UTC(2025, 11, 14, 17, 0)), PLAN_YEAR);
    expect(r).toEqual({ kind: 'date', due: { y: 2025, m: 12, d: 15 }, text: '15/12/2025', problems: [] });
    expect(read(new Date(Date.UTC(2025, 11, 15, 16, 59)))).toBe('date 15/12/2025');
  });

  it('flags an invalid Date as unreadable', () => {
    expect(parseCompletionTime(new Date(NaN), PLAN_YEAR).kind).toBe('unreadable');
  });

  it('reads a number as a Sheets date serial', () => {
    expect(parseCompletionTime(46006, PLAN_YEAR)).toEqual({
      kind: 'date',
      due: { y: 2025, m: 12, d: 15 },
      text: '15/12/2025',
      problems: [],
    });
    expect(read(46006.5)).toBe('date 15/12/2025');
  });

  it('reads a whole number 1900 … 2199 as a year ("2025" typed in a cell)', () => {
    expect(read(2025)).toBe('year 31/12/2025');
    expect(parseCompletionTime(2026, PLAN_YEAR).problems).toEqual(['year-after-plan']);
  });

  it('reads serials only from 01/01/2000 on', () => {
    expect(read(36526)).toBe('date 01/01/2000');
    expect(read(36525)).toBe('unreadable -');
  });

  it.each([[6], [-1], [20000], [NaN], [Infinity], [true], [{}]])('flags %p as unreadable', (raw) => {
    const r = parseCompletionTime(raw, PLAN_YEAR);
    expect(r.kind).toBe('unreadable');
    expect(r.due).toBeNull();
    expect(r.problems).toEqual(['unreadable']);
  });

  it.each([[''], ['   '], ['\u00A0\n'], [null], [undefined]])('reads %p as empty', (raw) => {
    expect(parseCompletionTime(raw, PLAN_YEAR)).toEqual({ kind: 'empty', due: null, text: '', problems: [] });
  });
});

describe('parseCompletionTime: years other than the plan year', () => {
  it.each<[unknown, CompletionTimeKind, CompletionTimeProblem[]]>([
    ['Quý I/2024', 'quarter', ['year-before-plan']],
    ['15/12/2024', 'date', ['year-before-plan']],
    ['Trong năm 2024', 'year', ['year-before-plan']],
    ['Quý I/2026', 'quarter', ['year-after-plan']],
    ['Tháng 1/2026', 'month', ['year-after-plan']],
    [new Date(Date.UTC(2026, 0, 14, 17)), 'date', ['year-after-plan']],
    ['Thường xuyên trong năm 2024', 'recurring', ['year-before-plan']],
    ['Quý I/2025', 'quarter', []],
  ])('%p is kept as %s with %p', (raw, kind, problems) => {
    const r = parseCompletionTime(raw, PLAN_YEAR);
    expect(r.kind).toBe(kind);
    expect(r.problems).toEqual(problems);
    if (kind !== 'recurring') expect(r.due).not.toBeNull();
  });

  it('fills a missing year with the plan year, whatever it is', () => {
    expect(read('Quý 1', 2030)).toBe('quarter 31/03/2030');
    expect(read('Trước 30/6', 2030)).toBe('by-date 30/06/2030');
    expect(parseCompletionTime('Cả năm', 2030).problems).toEqual([]);
  });

  it('checks 29/02 against the year it falls in', () => {
    expect(read('29/02', 2024)).toBe('date 29/02/2024');
    expect(parseCompletionTime('29/02', 2025).problems).toEqual(['impossible-date']);
  });
});

describe('parseCompletionTime: what cannot be read', () => {
  it.each([
    ['31/02/2025', 'impossible-date'],
    ['32/12/2025', 'impossible-date'],
    ['31/04', 'impossible-date'],
    ['Tháng 13/2025', 'impossible-date'],
    ['Quý 5/2025', 'impossible-date'],
    ['Quý V', 'impossible-date'],
    ['Năm 3025', 'impossible-date'],
    ['abc', 'unreadable'],
    ['Sớm', 'unreadable'],
    ['6 tháng', 'unreadable'],
    ['Sau tháng 6', 'unreadable'],
    ['Đầu năm', 'unreadable'],
    ['Tháng 6 hoặc tháng 7', 'unreadable'],
    ['15/12/202', 'unreadable'],
    ['Hoàn thành', 'unreadable'],
    ['Quý I/2025 #', 'unreadable'],
  ])('%j → unreadable (%s)', (raw, problem) => {
    const r = parseCompletionTime(raw, PLAN_YEAR);
    expect(r).toEqual({ kind: 'unreadable', due: null, text: raw, problems: [problem] });
  });

  it('ignores text in parentheses', () => {
    expect(read('Quý II/2025 (dự kiến)')).toBe('quarter 30/06/2025');
  });

  it('reads text typed in a legacy encoding, with a warning', () => {
    for (const encoding of ['TCVN3', 'VNI'] as const) {
      const garbled = encodeLegacy('Tháng 6/2025', encoding);
      const r = parseCompletionTime(garbled, PLAN_YEAR);
      expect(r.kind).toBe('month');
      expect(r.due).toEqual({ y: 2025, m: 6, d: 30 });
      expect(r.problems).toEqual(['legacy-encoding']);
      expect(r.text).toBe(garbled);
    }
  });
});

describe('completionTimeMessage', () => {
  const codes: CompletionTimeProblem[] = [
    'unreadable',
    'impossible-date',
    'year-before-plan',
    'year-after-plan',
    'spans-past-plan-year',
    'follow-up-note',
    'other-time-in-note',
    'before-year',
    'legacy-encoding',
  ];

  it.each(codes)('has a Vietnamese message for %s', (code) => {
    const message = completionTimeMessage(code, PLAN_YEAR);
    expect(message.length).toBeGreaterThan(20);
    expect(message).toMatch(/[ăâđêôơưàáảãạ]/);
  });

  it('lists the accepted forms with the plan year', () => {
    const message = completionTimeMessage('unreadable', PLAN_YEAR);
    for (const form of [
      '"Thường xuyên"',
      '"Quý I/2025"',
      '"Tháng 6/2025"',
      '"15/12/2025"',
      '"6 tháng đầu năm"',
    ]) {
      expect(message).toContain(form);
    }
  });

  it('names the plan year in year warnings', () => {
    expect(completionTimeMessage('year-before-plan', 2026)).toContain('2026');
    expect(completionTimeMessage('year-after-plan', 2026)).toContain('2026');
  });

  it('works without a plan year, with examples that still parse', () => {
    expect(completionTimeMessage('unreadable')).toContain('"Quý I"');
    expect(completionTimeMessage('unreadable')).not.toMatch(/\d{4}/);
  });

  it.each([undefined, 2025, 2031])('every accepted form it suggests (plan year %p) is read', (planYear) => {
    for (const form of acceptedCompletionTimeForms(planYear)) {
      const r = parseCompletionTime(form, planYear ?? PLAN_YEAR);
      expect(r.kind).not.toBe('unreadable');
      expect(r.problems).toEqual([]);
    }
  });
});
