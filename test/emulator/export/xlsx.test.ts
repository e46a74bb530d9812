import ExcelJS from 'exceljs';
import {
  elementAttributes,
  exportSpreadsheet,
  exportSpreadsheetDetailed,
  pixelsOfExcelWidth,
  readXlsx,
  readZipParts,
  xlsxProblems,
} from '../../../emulator/export';
import { spreadsheetModelOf } from '../../../emulator/services/spreadsheet';
import { cellXml, emulator } from './helpers';

const LONG_NAME = 'Tổng hợp kết quả thực hiện nhiệm vụ cải cách hành chính';

/**
 * A unit's plan file as the product builds one: a title merged across, a bold header, tasks with
 * amounts, dates, a Yes/No column, a hidden list sheet feeding dropdowns, notes, frozen rows.
 */
function planFile() {
  const emu = emulator();
  const ss = emu.SpreadsheetApp.create('Kế hoạch CCHC 2025 - Phòng Tư pháp');
  const tasks = ss.getSheets()[0].setName('Nhiệm vụ');
  const lists = ss.insertSheet('Danh mục');
  const summary = ss.insertSheet(LONG_NAME);
  const odd = ss.insertSheet('Q1/Q2: [nháp]');

  tasks.getRange('A1').setValue('KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025');
  tasks.getRange('A1:F1').merge().setFontWeight('bold').setFontSize(14).setHorizontalAlignment('center');
  tasks
    .getRange('A2:F2')
    .setValues([['STT', 'Nhiệm vụ', 'Kinh phí', 'Cơ quan chủ trì', 'Tình trạng', 'Hạn']])
    .setFontWeight('bold')
    .setBackground('#fff2cc')
    .setWrap(true);
  tasks.getRange('C3:C10').setNumberFormat('#,##0');
  tasks.getRange('F3:F10').setNumberFormat('dd/MM/yyyy');
  tasks.getRange('A3:F4').setValues([
    [
      1,
      'Rà soát thủ tục hành chính',
      50000000,
      'Phòng Tư pháp',
      'Đang thực hiện',
      new Date(Date.UTC(2025, 5, 29, 17)),
    ],
    [2, 'Tuyên truyền CCHC', 12500000, 'Văn phòng', 'Hoàn thành', new Date(Date.UTC(2025, 11, 15, 3, 30))],
  ]);
  tasks.getRange('B5').setValue('- Rà soát lại quy trình'); // Sheets turns it into a broken formula
  tasks.getRange('B6').setNumberFormat('@').setValue('=IMPORTXML("https://example.gov.vn","//a")');
  tasks.getRange('C7').setFormula('=SUM(C3:C4)');
  tasks.getRange('C8').setFormula('=1+2');
  tasks.getRange('B9').setFormula(`='${LONG_NAME}'!A1`);
  tasks.getRange('E9').setValue(true);
  tasks.getRange('B3').setFontStyle('italic').setFontColor('#c00000');
  tasks.getRange('B2').setNote('Ghi rõ tên nhiệm vụ theo Kế hoạch của UBND huyện.');
  tasks.setColumnWidth(1, 40).setColumnWidth(2, 320);
  tasks.setRowHeight(2, 42);
  tasks.setFrozenRows(2);
  tasks.setFrozenColumns(1);

  lists.getRange('A1:A4').setValues([['Cơ quan'], ['Phòng Tư pháp'], ['Văn phòng'], ['Phòng Nội vụ']]);
  lists.hideSheet();
  summary.getRange('A1').setValue('Tổng');
  odd.getRange('A1').setValue(1);

  const app = emu.SpreadsheetApp;
  tasks
    .getRange('D3:D10')
    .setDataValidation(
      app
        .newDataValidation()
        .requireValueInRange(lists.getRange('A2:A4'), true)
        .setAllowInvalid(true)
        .setHelpText('Chọn cơ quan chủ trì trong danh sách.')
        .build(),
    );
  tasks
    .getRange('E3:E10')
    .setDataValidation(
      app
        .newDataValidation()
        .requireValueInList(['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành'], true)
        .setAllowInvalid(false)
        .build(),
    );
  tasks
    .getRange('C3:C10')
    .setDataValidation(
      app
        .newDataValidation()
        .requireFormulaSatisfied('=OR(ISBLANK(C3),ISNUMBER(C3))')
        .setAllowInvalid(true)
        .setHelpText('Nhập số tiền bằng đồng.')
        .build(),
    );
  tasks.getRange('A3:A10').setDataValidation(app.newDataValidation().requireTextIsEmail().build());
  ss.setActiveSheet(tasks);
  return { emu, id: ss.getId() };
}

describe('exportSpreadsheet (.xlsx)', () => {
  let wb: ExcelJS.Workbook;
  let buffer: Buffer;
  let sheetXml: string;
  let workbookXml: string;
  let ctx: ReturnType<typeof planFile>;

  beforeAll(async () => {
    ctx = planFile();
    buffer = await exportSpreadsheet(ctx.emu.ctx, ctx.id);
    wb = await readXlsx(buffer);
    const parts = await readZipParts(buffer);
    sheetXml = parts.get('xl/worksheets/sheet1.xml') ?? '';
    workbookXml = parts.get('xl/workbook.xml') ?? '';
  });

  it('keeps the sheets in order, hidden ones hidden, renaming only what Excel refuses', async () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Nhiệm vụ',
      'Danh mục',
      'Tổng hợp kết quả thực hiện',
      'Q1_Q2_ _nháp_',
    ]);
    expect(wb.worksheets.map((w) => w.state)).toEqual(['visible', 'hidden', 'visible', 'visible']);
    const detailed = await exportSpreadsheetDetailed(ctx.emu.ctx, ctx.id);
    expect(detailed.sheetNames).toEqual([
      { from: LONG_NAME, to: 'Tổng hợp kết quả thực hiện' },
      { from: 'Q1/Q2: [nháp]', to: 'Q1_Q2_ _nháp_' },
    ]);
  });

  it('keeps values with their types: text, numbers, real dates, booleans', () => {
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    expect(ws.getCell('B3').value).toBe('Rà soát thủ tục hành chính');
    expect(ws.getCell('C3').value).toBe(50000000);
    expect(ws.getCell('A3').value).toBe(1);
    expect(ws.getCell('E9').value).toBe(true);
    // A date is a serial under a date format, which Excel (and ExcelJS) read as a date: midnight of
    // 30 June in Hà Nội is serial 45838, which ExcelJS reads as 30 June 00:00 UTC (no zone in Excel).
    expect(ws.getCell('F3').value).toEqual(new Date(Date.UTC(2025, 5, 30)));
    expect(ws.getCell('F3').type).toBe(ExcelJS.ValueType.Date);
    expect(cellXml(sheetXml, 'F3')).toContain('<v>45838</v>');
    // A time of day stays: 10:30 in Hà Nội.
    expect(ws.getCell('F4').value).toEqual(new Date(Date.UTC(2025, 11, 15, 10, 30)));
  });

  it('keeps text that starts with "=" as text: no <f> element', () => {
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    expect(ws.getCell('B6').value).toBe('=IMPORTXML("https://example.gov.vn","//a")');
    expect(ws.getCell('B6').type).toBe(ExcelJS.ValueType.String);
    expect(cellXml(sheetXml, 'B6')).not.toContain('<f>');
  });

  it('writes formulas with their cached values, and Sheets parse errors as the typed text', () => {
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    expect(ws.getCell('C7').value).toEqual({ formula: 'SUM(C3:C4)', result: { error: '#NAME?' } });
    expect(ws.getCell('C8').value).toEqual({ formula: '1+2', result: 3 });
    expect(ws.getCell('B9').value).toMatchObject({ formula: "'Tổng hợp kết quả thực hiện'!A1" });
    expect(ws.getCell('B5').value).toBe('=- Rà soát lại quy trình');
    expect(cellXml(sheetXml, 'B5')).not.toContain('<f>');
    // ExcelJS does not read calcPr back: look at the XML.
    expect(workbookXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('translates number formats', () => {
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    expect(ws.getCell('C3').numFmt).toBe('#,##0');
    expect(ws.getCell('F3').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('B6').numFmt).toBe('@');
  });

  it('keeps fonts, fills, alignment and wrap', () => {
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    const title = ws.getCell('A1');
    expect(title.font).toMatchObject({ name: 'Arial', size: 14, bold: true });
    expect(title.alignment).toMatchObject({ horizontal: 'center' });
    const header = ws.getCell('C2');
    expect(header.font.bold).toBe(true);
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } });
    expect(header.alignment.wrapText).toBe(true);
    expect(ws.getCell('B3').font).toMatchObject({ italic: true, color: { argb: 'FFC00000' } });
    expect(ws.getCell('B4').font).toEqual({ name: 'Arial', size: 10 });
  });

  it('converts column widths and row heights so Excel draws the same pixels', () => {
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    const model = spreadsheetModelOf(ctx.emu.ctx, ctx.id)!.sheets[0];
    for (const col of [1, 2, 3, 26]) {
      expect(pixelsOfExcelWidth(ws.getColumn(col).width!)).toBe(model.columnWidth(col));
    }
    expect(ws.getColumn(3).width).toBeCloseTo(14.28, 2);
    expect(ws.getRow(2).height).toBe(31.5);
  });

  it('keeps merges, frozen panes and the sheet shown on opening', () => {
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    expect(ws.model.merges).toEqual(['A1:F1']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2, topLeftCell: 'B3' });
    expect(wb.views[0].activeTab).toBe(0);
  });

  it('turns notes into comments', () => {
    const note = wb.getWorksheet('Nhiệm vụ')!.getCell('B2').note;
    const text = typeof note === 'string' ? note : note.texts?.map((t) => t.text).join('');
    expect(text).toBe('Ghi rõ tên nhiệm vụ theo Kế hoạch của UBND huyện.');
  });

  it('turns list and range rules into Excel lists, formulas into custom rules, others into prompts', () => {
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    expect(ws.getCell('D5').dataValidation).toMatchObject({
      type: 'list',
      formulae: ["'Danh mục'!$A$2:$A$4"],
      prompt: 'Chọn cơ quan chủ trì trong danh sách.',
      showInputMessage: true,
    });
    expect(ws.getCell('D5').dataValidation.showErrorMessage).toBeFalsy();
    expect(ws.getCell('E10').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Chưa thực hiện,Đang thực hiện,Hoàn thành"'],
      showErrorMessage: true,
      errorStyle: 'stop',
    });
    expect(ws.getCell('C3').dataValidation).toMatchObject({
      type: 'custom',
      formulae: ['OR(ISBLANK(C3),ISNUMBER(C3))'],
      prompt: 'Nhập số tiền bằng đồng.',
    });
    expect(ws.getCell('A3').dataValidation).toMatchObject({ type: 'any' });
    expect(ws.getCell('F3').dataValidation).toBeUndefined();
    // The emulator keeps a copy of the rule in every cell: each range is still written once.
    expect(elementAttributes(sheetXml, 'dataValidation').map((v) => v.sqref)).toEqual([
      'A3:A10',
      'C3:C10',
      'D3:D10',
      'E3:E10',
    ]);
  });

  it('passes the repair-prompt checks', async () => {
    expect(await xlsxProblems(buffer)).toEqual([]);
  });
});
