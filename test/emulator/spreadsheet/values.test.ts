import { columnLetters, parseA1, rangeA1 } from '../../../emulator/services/spreadsheet/a1';
import { dateToSerial, serialToDate } from '../../../emulator/services/spreadsheet/dates';
import { localeInfo } from '../../../emulator/services/spreadsheet/locale';
import { formatDisplay, isDateFormat } from '../../../emulator/services/spreadsheet/values/format';
import { evaluateFormula } from '../../../emulator/services/spreadsheet/values/formula';
import { enterValue } from '../../../emulator/services/spreadsheet/values/parse';

const vi = localeInfo('vi');
const en = localeInfo('en');

describe('A1 notation', () => {
  it('converts columns both ways', () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(parseA1('AA10', 1000, 100)).toEqual({ row: 10, col: 27, numRows: 1, numCols: 1 });
    expect(parseA1('$B$2:$C$3', 1000, 26)).toEqual({ row: 2, col: 2, numRows: 2, numCols: 2 });
    expect(parseA1('C3:A1', 1000, 26)).toEqual({ row: 1, col: 1, numRows: 3, numCols: 3 });
    expect(parseA1('A', 1000, 26)).toBeNull();
    expect(parseA1('A1:2', 1000, 26)).toBeNull();
    expect(rangeA1({ row: 1, col: 1, numRows: 2, numCols: 28 })).toBe('A1:AB2');
  });
});

describe('date serials', () => {
  it('are wall-clock days since 1899-12-30 in the spreadsheet’s zone', () => {
    const noonHanoi = new Date(Date.UTC(2025, 0, 2, 5, 0, 0));
    expect(dateToSerial(noonHanoi, 'Asia/Ho_Chi_Minh')).toBe(45659.5);
    expect(dateToSerial(noonHanoi, 'UTC')).toBeCloseTo(45659 + 5 / 24);
    expect(serialToDate(45659.5, 'Asia/Ho_Chi_Minh').getTime()).toBe(noonHanoi.getTime());
  });

  it('survive daylight-saving changes', () => {
    const d = serialToDate(
      dateToSerial(new Date(Date.UTC(2025, 2, 30, 1, 30)), 'Europe/Paris'),
      'Europe/Paris',
    );
    expect(d.toISOString()).toBe('2025-03-30T01:30:00.000Z');
  });
});

describe('display formatting', () => {
  it('classifies date formats', () => {
    expect(['dd/MM/yyyy', 'H:mm', 'yyyy', 'mmm d'].map(isDateFormat)).toEqual([true, true, true, true]);
    expect(['General', '#,##0.00', '0%', '@', '0.00E+00', '"đ" #,##0'].map(isDateFormat)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('formats numbers with literals, negatives and sections', () => {
    expect(formatDisplay(-1234.5, '#,##0.00', vi)).toBe('-1.234,50');
    expect(formatDisplay(1500000, '#,##0 "đ"', vi)).toBe('1.500.000 đ');
    expect(formatDisplay(-5, '0;(0)', en)).toBe('(5)');
    expect(formatDisplay(0.5, '0.0#', en)).toBe('0.5');
    expect(formatDisplay(12345, '0.00E+00', en)).toBe('1.23E+04');
    expect(formatDisplay(1e20, 'General', en)).toBe('1E+20');
    expect(formatDisplay(7, '000', en)).toBe('007');
  });

  it('shows strings and booleans as they are, empty cells as ""', () => {
    expect(formatDisplay('abc', '#,##0', vi)).toBe('abc');
    expect(formatDisplay(true, 'General', vi)).toBe('TRUE');
    expect(formatDisplay(undefined, 'General', vi)).toBe('');
  });

  it('formats dates and times, telling months from minutes', () => {
    const serial = 45659 + (14 * 3600 + 5 * 60 + 9) / 86400; // 2 Jan 2025 14:05:09
    expect(formatDisplay(serial, 'dd/mm/yyyy hh:mm:ss', vi)).toBe('02/01/2025 14:05:09');
    expect(formatDisplay(serial, 'MMMM d, yyyy', en)).toBe('January 2, 2025');
    expect(formatDisplay(serial, 'dddd', en)).toBe('Thursday');
    expect(formatDisplay(serial, 'dddd', vi)).toBe('Thứ Năm');
  });
});

describe('typed input', () => {
  const ctx = {
    locale: vi,
    timeZone: 'Asia/Ho_Chi_Minh',
    nowMs: Date.UTC(2025, 5, 1),
    numberFormat: 'General',
  };

  it('reads times and date-times', () => {
    expect(enterValue('8:30', ctx)).toEqual({ value: 8.5 / 24, impliedFormat: 'HH:mm:ss' });
    const dt = enterValue('2/1/2025 14:05', ctx);
    expect(dt.value).toBeCloseTo(45659 + (14 * 60 + 5) / 1440);
    expect(dt.impliedFormat).toBe('dd/MM/yyyy HH:mm:ss');
    expect(enterValue('2025-01-02', ctx).value).toBe(45659);
  });

  it('keeps ordinary text, including year ranges and codes', () => {
    for (const text of ['2021-2025', 'Số 12/QĐ-UBND', 'Quý I', '1.5', ' ']) {
      expect(enterValue(text, ctx)).toEqual({ value: text });
    }
  });

  it('reads two-digit years in the 1930–2029 window', () => {
    expect(enterValue('1/1/29', ctx).value).toBe(enterValue('1/1/2029', ctx).value);
    expect(enterValue('1/1/30', ctx).value).toBe(enterValue('1/1/1930', ctx).value);
  });
});

describe('formula values', () => {
  it('computes literal arithmetic, text joins and comparisons', () => {
    expect(evaluateFormula('=2^3-4/2')).toBe(6);
    expect(evaluateFormula('=-(1+2)')).toBe(-3);
    expect(evaluateFormula('=50%')).toBe(0.5);
    expect(evaluateFormula('="a"&"b"&1')).toBe('ab1');
    expect(evaluateFormula('=1<2')).toBe(true);
    expect(evaluateFormula('="x"+1')).toBe('#VALUE!');
  });

  it('gives #ERROR! for what does not parse and #NAME? for functions, names and references', () => {
    expect(evaluateFormula('=- Rà soát')).toBe('#ERROR!');
    expect(evaluateFormula('=1+')).toBe('#ERROR!');
    expect(evaluateFormula('=(1')).toBe('#ERROR!');
    expect(evaluateFormula('=')).toBe('#ERROR!');
    expect(evaluateFormula('=IMPORTRANGE("id","A1:B2")')).toBe('#NAME?');
    expect(evaluateFormula("='Kế hoạch'!A1*2")).toBe('#NAME?');
    expect(evaluateFormula('=Rà')).toBe('#NAME?');
  });
});
