import {
  excelColumnWidth,
  excelNumberFormat,
  excelSheetNames,
  pixelsOfExcelWidth,
  safeFileName,
  sheetNameProblem,
} from '../../../emulator/export';
import { excelFormula, shiftFormula } from '../../../emulator/export/xlsx-formula';
import { rectangles } from '../../../emulator/export/xlsx-validation';

describe('excelNumberFormat', () => {
  it.each([
    ['General', undefined],
    ['', undefined],
    ['@', '@'],
    ['#,##0', '#,##0'],
    ['#,##0.00', '#,##0.00'],
    ['0%', '0%'],
    ['0.00E+00', '0.00E+00'],
    ['#,##0 "đ"', '#,##0 "đ"'],
    ['#,##0 ₫', '#,##0 \\₫'],
    ['[$₫-42A] #,##0', '[$₫-42A] #,##0'],
    ['#,##0;[Red]-#,##0', '#,##0;[Red]-#,##0'],
    ['dd/MM/yyyy', 'dd/mm/yyyy'],
    ['d/M/yyyy', 'd/m/yyyy'],
    ['dd.MM.yyyy', 'dd\\.mm\\.yyyy'],
    ['HH:mm:ss', 'hh:mm:ss'],
    ['dd/MM/yyyy HH:mm', 'dd/mm/yyyy hh:mm'],
    ['h:mm am/pm', 'h:mm AM/PM'],
    ['[h]:mm:ss', '[h]:mm:ss'],
    ['mm:ss.000', 'mm:ss.000'],
    ['"ngày" dd "tháng" MM "năm" yyyy', '"ngày" dd "tháng" mm "năm" yyyy'],
    ['yyyy-MM-ddTHH:mm', 'yyyy-mm-dd\\Thh:mm'],
    ['0.0 "kg"', '0.0 "kg"'],
    ['0 [unknown]', '0 '],
  ])('%j → %j', (sheets, excel) => {
    expect(excelNumberFormat(sheets)).toBe(excel);
  });
});

describe('excelColumnWidth', () => {
  it('gives widths Excel draws back as the same pixels (Calibri 11, 7 px digits)', () => {
    for (const px of [21, 40, 64, 100, 120, 250, 320, 500]) {
      expect(pixelsOfExcelWidth(excelColumnWidth(px))).toBe(px);
    }
    expect(excelColumnWidth(64)).toBe(9.140625); // Excel's own default: 8.43 characters
    expect(excelColumnWidth(100)).toBe(14.28125);
    expect(excelColumnWidth(0)).toBe(0);
  });
});

describe('excelSheetNames', () => {
  it('keeps valid names and maps invalid ones onto unique valid ones', () => {
    const long = 'Tổng hợp kết quả thực hiện nhiệm vụ năm 2025';
    const { names, changes } = excelSheetNames([
      'Nhiệm vụ',
      long,
      `${long} (bản 2)`,
      'Q1/Q2',
      "'Nháp'",
      'History',
      'nhiệm vụ',
      '[]:*?/\\',
    ]);
    expect(names).toEqual([
      'Nhiệm vụ',
      'Tổng hợp kết quả thực hiện',
      'Tổng hợp kết quả thực hiện (2)',
      'Q1_Q2',
      'Nháp',
      'History_',
      'nhiệm vụ (2)',
      '_______',
    ]);
    for (const n of names) expect(sheetNameProblem(n)).toBeNull();
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(changes.map((c) => c.from)).not.toContain('Nhiệm vụ');
    expect(changes).toContainEqual({ from: 'Q1/Q2', to: 'Q1_Q2' });
  });

  it('never splits a letter from its combining mark', () => {
    const decomposed = 'Tổng hợp kết quả thực hiện nhiệm vụ'.normalize('NFD');
    const [name] = excelSheetNames([decomposed]).names;
    expect(name.length).toBeLessThanOrEqual(31);
    expect(/\p{M}/u.test(decomposed[name.length] ?? '')).toBe(false);
  });
});

describe('excelFormula', () => {
  const renames = new Map([
    ['Tổng hợp kết quả thực hiện nhiệm vụ năm 2025', 'Tổng hợp kết quả thực hiện'],
    ['Q1/Q2', 'Q1_Q2'],
  ]);
  it.each([
    ['=SUM(A1:A3)', 'SUM(A1:A3)'],
    ["='Tổng hợp kết quả thực hiện nhiệm vụ năm 2025'!B2", "'Tổng hợp kết quả thực hiện'!B2"],
    ["=SUM('Q1/Q2'!C2:C)", "SUM('Q1_Q2'!C2:C1048576)"],
    ["='Nhiệm vụ'!A1&\"'Q1/Q2'!A1\"", "'Nhiệm vụ'!A1&\"'Q1/Q2'!A1\""],
    ['=COUNTA(B2:B)', 'COUNTA(B2:B1048576)'],
    ['=SUM(A:A)', 'SUM(A:A)'],
    ['=IFS(A1>1,"a",TRUE,"b")', '_xlfn.IFS(A1>1,"a",TRUE,"b")'],
    ['=TEXTJOIN(", ",TRUE,A1:A3)', '_xlfn.TEXTJOIN(", ",TRUE,A1:A3)'],
    ['=FILTER(A2:A,B2:B="x")', '_xlfn._xlws.FILTER(A2:A1048576,B2:B1048576="x")'],
    ['=IMPORTXML("https://example.gov.vn","//a")', 'IMPORTXML("https://example.gov.vn","//a")'],
    ['="IFS(" & A1', '"IFS(" & A1'],
  ])('%s → %s', (sheets, excel) => {
    expect(excelFormula(sheets, renames)).toBe(excel);
  });

  it('shifts relative references only', () => {
    expect(shiftFormula('OR(ISBLANK(C3),ISNUMBER(C3))', 3, 0)).toBe('OR(ISBLANK(C6),ISNUMBER(C6))');
    expect(shiftFormula('$A$1+A$1+$A1+A1+LOG10(B2)', 2, 1)).toBe('$A$1+B$1+$A3+B3+LOG10(C4)');
    expect(shiftFormula('\'Danh mục\'!A1="B2"', 1, 0)).toBe('\'Danh mục\'!A2="B2"');
    expect(shiftFormula('A1', -1, 0)).toBe('#REF!');
  });
});

describe('rectangles', () => {
  it('splits cells into column runs merged side by side', () => {
    const cells = [];
    for (let row = 3; row <= 10; row++)
      for (let col = 2; col <= 3; col++) if (row !== 5) cells.push({ row, col });
    expect(rectangles(cells)).toEqual([
      { row: 3, col: 2, numRows: 2, numCols: 2 },
      { row: 6, col: 2, numRows: 5, numCols: 2 },
    ]);
  });
});

describe('safeFileName', () => {
  it('keeps Vietnamese names and replaces only what file systems refuse', () => {
    expect(safeFileName('Kế hoạch CCHC năm 2025 - Phòng Tư pháp')).toBe(
      'Kế hoạch CCHC năm 2025 - Phòng Tư pháp',
    );
    expect(safeFileName('Báo cáo: Quý I/2025 "nháp"?')).toBe('Báo cáo_ Quý I_2025 _nháp__');
    expect(safeFileName('Kế hoạch'.normalize('NFD'))).toBe('Kế hoạch'.normalize('NFC'));
    expect(safeFileName('tên cuối. ')).toBe('tên cuối');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('')).toBe('untitled');
    expect(Buffer.byteLength(safeFileName('Ệ'.repeat(300)), 'utf8')).toBeLessThanOrEqual(200);
  });
});
