import { newSheet, thrown, world } from './helpers';

/** Write one string as a script would, and read back value, formula, display and format. */
function typed(text: unknown, locale?: string) {
  const w = world({ locale });
  const cell = newSheet(w).getRange('A1');
  cell.setValue(text);
  return {
    value: cell.getValue() as unknown,
    formula: cell.getFormula(),
    display: cell.getDisplayValue(),
    format: cell.getNumberFormat(),
  };
}

describe('setValues parses strings as if typed (USER_ENTERED)', () => {
  it('"- Rà soát" becomes a formula Sheets cannot parse, not the text', () => {
    const r = typed('- Rà soát');
    expect(r.value).not.toBe('- Rà soát');
    expect(r.value).toBe('#ERROR!');
    expect(r.formula).toBe('=- Rà soát');
  });

  it('a leading apostrophe keeps the text, without the apostrophe', () => {
    const r = typed("'- Rà soát");
    expect(r).toEqual({ value: '- Rà soát', formula: '', display: '- Rà soát', format: 'General' });
    expect(typed("'0012").value).toBe('0012');
    expect(typed("'=1+1").formula).toBe('');
  });

  it('"=…" is a formula: kept as written; arithmetic is computed, other functions are #NAME?', () => {
    const importXml = typed('=IMPORTXML("x","y")');
    expect(importXml.formula).toBe('=IMPORTXML("x","y")');
    expect(importXml.value).toBe('#NAME?');
    expect(typed('=(1+2)*3').value).toBe(9);
    expect(typed('=1/0').value).toBe('#DIV/0!');
    expect(typed('=SUM(A2:A3)').value).toBe('#NAME?');
  });

  it('a leading "+" before text is a formula too; "+84912345678" is a number', () => {
    const plus = typed('+ghi chú');
    expect(plus.formula).toBe('=+ghi chú');
    expect(plus.value).toBe('#ERROR!');
    expect(typed('+84912345678').value).toBe(84912345678);
    expect(typed('-abc').value).toBe('#NAME?');
    expect(typed('-12').value).toBe(-12);
  });

  it('numbers lose leading zeros and follow the vi locale ("." thousands, "," decimals)', () => {
    expect(typed('0012').value).toBe(12);
    expect(typed('0912345678').value).toBe(912345678);
    const big = typed('50.000.000');
    expect(big.value).toBe(50_000_000);
    expect(big.display).toBe('50.000.000');
    expect(typed('1,5').value).toBe(1.5);
    expect(typed('1.234.567,25').value).toBe(1234567.25);
    expect(typed('1.5').value).toBe('1.5'); // not a thousands group in vi: stays text
  });

  it('follows the en locale ("," thousands, "." decimals)', () => {
    expect(typed('1,234.5', 'en').value).toBe(1234.5);
    expect(typed('1.5', 'en').value).toBe(1.5);
    expect(typed('1,5', 'en').value).toBe('1,5');
  });

  it('percentages become fractions with a percent format', () => {
    const r = typed('50%');
    expect(r.value).toBe(0.5);
    expect(r.format).toBe('0%');
    expect(r.display).toBe('50%');
    expect(typed('12,5%').value).toBeCloseTo(0.125);
  });

  it('TRUE/FALSE in any case are booleans', () => {
    expect(typed('TRUE').value).toBe(true);
    expect(typed('false').value).toBe(false);
    expect(typed('TRUE').display).toBe('TRUE');
  });

  it('vi dates are day first; "1/2" is 1 February of the current year with a date format', () => {
    const w = world({ start: new Date(Date.UTC(2026, 5, 15)) });
    const cell = newSheet(w).getRange('A1');
    cell.setValue('1/2');
    const d = cell.getValue() as Date;
    expect(d).toBeInstanceOf(Date);
    // midnight in Asia/Ho_Chi_Minh (UTC+7)
    expect(d.toISOString()).toBe('2026-01-31T17:00:00.000Z');
    expect(cell.getNumberFormat()).toBe('dd/MM/yyyy');
    expect(cell.getDisplayValue()).toBe('01/02/2026');
    cell.setValue('15/7/2021');
    expect((cell.getValue() as Date).toISOString()).toBe('2021-07-14T17:00:00.000Z');
    cell.setValue('31/2/2025'); // no such day: text
    expect(cell.getValue()).toBe('31/2/2025');
  });

  it('en dates are month first', () => {
    const r = typed('1/2/2025', 'en');
    expect((r.value as Date).toISOString()).toBe('2025-01-01T17:00:00.000Z');
    expect(r.display).toBe('1/2/2025');
    expect(typed('15/7/2021', 'en').value).toBe('15/7/2021');
  });

  it('a cell formatted as plain text keeps strings exactly as given', () => {
    const w = world();
    const range = newSheet(w).getRange('A1:D1');
    range.setNumberFormat('@');
    range.setValues([['0012', '- Rà soát', '=1+1', '1/2']]);
    expect(range.getValues()).toEqual([['0012', '- Rà soát', '=1+1', '1/2']]);
    expect(range.getFormulas()).toEqual([['', '', '', '']]);
  });

  it('stores numbers, booleans and Dates as they are', () => {
    const w = world();
    const range = newSheet(w).getRange('A1:C1');
    const when = new Date(Date.UTC(2025, 2, 4, 3, 30));
    range.setValues([[0.1, false, when]]);
    const [n, b, d] = range.getValues()[0] as [number, boolean, Date];
    expect(n).toBe(0.1);
    expect(b).toBe(false);
    expect(d.getTime()).toBe(when.getTime());
    expect(range.getDisplayValues()[0][2]).toBe('04/03/2025 10:30:00');
  });

  it('clears a cell written with "", null or undefined', () => {
    const w = world();
    const range = newSheet(w).getRange('A1:C1');
    range.setValues([['a', 'b', 'c']]);
    range.setValues([['', null, undefined]]);
    expect(range.getValues()).toEqual([['', '', '']]);
    expect(range.getSheet().getLastRow()).toBe(0);
  });
});

describe('sizes', () => {
  it('setValues refuses data of another height with Apps Script’s message', () => {
    const range = newSheet(world()).getRange(1, 1, 2, 3);
    expect(thrown(() => range.setValues([[1, 2, 3]])).message).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  it('setValues refuses data of another width with Apps Script’s message and writes nothing', () => {
    const range = newSheet(world()).getRange(1, 1, 2, 3);
    expect(
      thrown(() =>
        range.setValues([
          [1, 2, 3],
          [4, 5],
        ]),
      ).message,
    ).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(range.getValues()).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  it('getValues returns exactly the range’s size, "" for empty cells', () => {
    const range = newSheet(world()).getRange('B2:D3');
    expect(range.getValues()).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  it('setValue fills every cell; getValue reads the top-left one', () => {
    const range = newSheet(world()).getRange('A1:B2');
    range.setValue('x');
    expect(range.getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });
});

describe('dates and time zones', () => {
  it('returns dates as instants of the spreadsheet’s time zone', () => {
    const w = world();
    const ss = w.app.create('A');
    const cell = ss.getSheets()[0].getRange('A1');
    cell.setValue('2/1/2025');
    expect((cell.getValue() as Date).toISOString()).toBe('2025-01-01T17:00:00.000Z');
    ss.setSpreadsheetTimeZone('Europe/London');
    // the stored day is unchanged; the instant is midnight in the new zone
    expect((cell.getValue() as Date).toISOString()).toBe('2025-01-02T00:00:00.000Z');
  });

  it('a number given a date format reads back as a Date', () => {
    const cell = newSheet(world()).getRange('A1');
    cell.setValue(45659);
    expect(cell.getValue()).toBe(45659);
    cell.setNumberFormat('yyyy-MM-dd');
    expect(cell.getValue()).toBeInstanceOf(Date);
    expect(cell.getDisplayValue()).toBe('2025-01-02');
  });
});

describe('display values', () => {
  it('format numbers per number format and locale', () => {
    const w = world();
    const ss = w.app.create('A');
    const range = ss.getSheets()[0].getRange('A1:D1');
    range.setValues([[1234567.891, 0.256, 1234.5, 1 / 3]]);
    range.setNumberFormats([['#,##0.00', '0.0%', '#,##0', 'General']]);
    expect(range.getDisplayValues()).toEqual([['1.234.567,89', '25,6%', '1.235', '0,3333333333']]);
    ss.setSpreadsheetLocale('en_US');
    expect(range.getDisplayValues()).toEqual([['1,234,567.89', '25.6%', '1,235', '0.3333333333']]);
  });

  it('format dates per pattern', () => {
    const cell = newSheet(world()).getRange('A1');
    cell.setValue(new Date(Date.UTC(2025, 0, 2, 7, 5, 9))); // 14:05:09 in Hanoi
    cell.setNumberFormat('dd/MM/yyyy HH:mm');
    expect(cell.getDisplayValue()).toBe('02/01/2025 14:05');
    cell.setNumberFormat('d/M/yy');
    expect(cell.getDisplayValue()).toBe('2/1/25');
    cell.setNumberFormat('h:mm am/pm');
    expect(cell.getDisplayValue()).toBe('2:05 PM');
  });
});

describe('formulas', () => {
  it('setFormula/getFormula(s) keep the text; getFormulas gives "" for plain values', () => {
    const range = newSheet(world()).getRange('A1:B1');
    range.setValues([['a', 1]]);
    range.offset(0, 1, 1, 1).setFormula('=2*21');
    expect(range.getFormulas()).toEqual([['', '=2*21']]);
    expect(range.getValues()).toEqual([['a', 42]]);
    range.setFormulas([['=1+1', '=VLOOKUP(A1,B:C,2,FALSE)']]);
    expect(range.getFormulas()).toEqual([['=1+1', '=VLOOKUP(A1,B:C,2,FALSE)']]);
    expect(range.getValues()).toEqual([[2, '#NAME?']]);
  });
});

describe('cell length', () => {
  it('refuses a text over 50,000 characters, and the whole write with it; 50,000 fits', () => {
    const w = world();
    const sheet = newSheet(w);
    const range = sheet.getRange('A1:B1');
    const err = thrown(() => range.setValues([['ok', 'x'.repeat(50_001)]]));
    expect(err.message).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(range.getValues()).toEqual([['', '']]);
    expect(thrown(() => sheet.appendRow(['y'.repeat(50_001)])).message).toContain('50000 characters');
    sheet.getRange('A1').setValue('z'.repeat(50_000));
    expect(String(sheet.getRange('A1').getValue()).length).toBe(50_000);
  });
});
