import JSZip from 'jszip';
import {
  exportSpreadsheet,
  exportSpreadsheetDetailed,
  readXlsx,
  readZipParts,
  xlsxProblems,
} from '../../../emulator/export';
import { spreadsheetModelOf } from '../../../emulator/services/spreadsheet';
import { cellXml, emulator } from './helpers';

/**
 * What makes Excel offer to repair a file, checked on files built through the emulator's
 * SpreadsheetApp; where Sheets itself prevents a state (overlapping merges, every sheet hidden),
 * the test edits the model directly, as a bug elsewhere in the emulator could.
 */
describe('.xlsx soundness', () => {
  it('maps sheet names Excel refuses, keeps them unique, and follows them in formulas and rules', async () => {
    const emu = emulator();
    const ss = emu.SpreadsheetApp.create('Tổng hợp');
    const first = ss.getSheets()[0].setName('Danh sách đơn vị thuộc huyện Vĩnh Linh năm 2025');
    const second = ss.insertSheet('Danh sách đơn vị thuộc huyện Vĩnh Linh năm 2026');
    ss.insertSheet('History');
    const lists = ss.insertSheet("'Danh mục: [chung]'");
    lists.getRange('A1:A2').setValues([['x'], ['y']]);
    second.getRange('A1').setFormula("='Danh sách đơn vị thuộc huyện Vĩnh Linh năm 2025'!A1");
    first
      .getRange('B2:B5')
      .setDataValidation(
        emu.SpreadsheetApp.newDataValidation().requireValueInRange(lists.getRange('A1:A2')).build(),
      );

    const { buffer, sheetNames } = await exportSpreadsheetDetailed(emu.ctx, ss.getId());
    const wb = await readXlsx(buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Danh sách đơn vị thuộc huyện',
      'Danh sách đơn vị thuộc (2)',
      'History_',
      'Danh mục_ _chung_',
    ]);
    expect(sheetNames.map((c) => c.to)).toEqual(wb.worksheets.map((w) => w.name));
    expect(wb.worksheets[1].getCell('A1').value).toMatchObject({
      formula: "'Danh sách đơn vị thuộc huyện'!A1",
    });
    expect(wb.worksheets[0].getCell('B3').dataValidation.formulae).toEqual(["'Danh mục_ _chung_'!$A$1:$A$2"]);
    expect(await xlsxProblems(buffer)).toEqual([]);
  });

  it('leaves out a merge that overlaps another, and shows a sheet when all are hidden', async () => {
    const emu = emulator();
    const ss = emu.SpreadsheetApp.create('Lỗi');
    const sheet = ss.getSheets()[0];
    sheet.getRange('A1:B2').merge();
    const model = spreadsheetModelOf(emu.ctx, ss.getId())!;
    model.sheets[0].merges.push(
      { row: 2, col: 2, numRows: 2, numCols: 2 },
      { row: 5, col: 1, numRows: 1, numCols: 1 },
    );
    model.sheets[0].hidden = true;

    const { buffer, warnings } = await exportSpreadsheetDetailed(emu.ctx, ss.getId());
    const wb = await readXlsx(buffer);
    expect(wb.worksheets[0].model.merges).toEqual(['A1:B2']);
    expect(wb.worksheets[0].state).toBe('visible');
    expect(warnings).toEqual([
      'every sheet was hidden; "Trang tính1" is shown',
      'merge B2:C3 overlaps another and was left out',
    ]);
    expect(await xlsxProblems(buffer)).toEqual([]);
  });

  it('drops characters XML cannot hold, cuts over-long text and prompts, keeps cells inside Excel’s grid', async () => {
    const emu = emulator();
    const ss = emu.SpreadsheetApp.create('Giới hạn', 10, 16400);
    const sheet = ss.getSheets()[0];
    sheet.getRange('A1').setValue('Dán\u0000từ\u0007Word\ttab\nxuống dòng');
    sheet.getRange('A2').setValue('x'.repeat(40000));
    sheet.getRange(1, 16390).setValue('ngoài lưới');
    sheet
      .getRange('B1:B3')
      .setDataValidation(
        emu.SpreadsheetApp.newDataValidation()
          .requireTextContains('a')
          .setHelpText('Hướng dẫn '.repeat(40))
          .build(),
      );
    sheet
      .getRange('C1:C3')
      .setDataValidation(
        emu.SpreadsheetApp.newDataValidation().requireValueInList(['Có, đã làm', 'Chưa']).build(),
      );

    const { buffer, warnings } = await exportSpreadsheetDetailed(emu.ctx, ss.getId());
    const ws = (await readXlsx(buffer)).worksheets[0];
    expect(ws.getCell('A1').value).toBe('DántừWord\ttab\nxuống dòng');
    expect((ws.getCell('A2').value as string).length).toBe(32767);
    expect(ws.getCell('B2').dataValidation.prompt).toHaveLength(255);
    expect(ws.getCell('B2').dataValidation.prompt!.endsWith('…')).toBe(true);
    // A value holding a comma cannot be in an Excel list: the rule keeps only its prompt.
    expect(ws.getCell('C2').dataValidation.type).toBe('any');
    expect(warnings).toEqual([
      'Trang tính1!A2: text cut to 32767 characters',
      "Trang tính1: 1 cells beyond Excel's grid left out",
    ]);
    expect(await xlsxProblems(buffer)).toEqual([]);
  });

  it('shifts a custom rule’s formula for each piece of a range with a hole in it', async () => {
    const emu = emulator();
    const ss = emu.SpreadsheetApp.create('Quy tắc');
    const sheet = ss.getSheets()[0];
    const rule = emu.SpreadsheetApp.newDataValidation().requireFormulaSatisfied('=LEN(C3)>=0').build();
    sheet.getRange('C3:D10').setDataValidation(rule);
    sheet.getRange('C5:D5').clearDataValidations();
    const date = emu.SpreadsheetApp.newDataValidation()
      .requireDateBetween(new Date(Date.UTC(2024, 11, 31, 17)), new Date(Date.UTC(2025, 11, 30, 17)))
      .build();
    sheet.getRange('F3:F4').setDataValidation(date);

    const buffer = await exportSpreadsheet(emu.ctx, ss.getId());
    const ws = (await readXlsx(buffer)).worksheets[0];
    expect(ws.getCell('D4').dataValidation.formulae).toEqual(['LEN(C3)>=0']);
    expect(ws.getCell('C6').dataValidation.formulae).toEqual(['LEN(C6)>=0']);
    expect(ws.getCell('C5').dataValidation).toBeUndefined();
    // Date bounds are the days in Hà Nội: 1 January and 31 December 2025.
    expect(ws.getCell('F3').dataValidation).toMatchObject({
      type: 'date',
      operator: 'between',
      formulae: [new Date(Date.UTC(2025, 0, 1)), new Date(Date.UTC(2025, 11, 31))],
    });
    const sheetXml = (await readZipParts(buffer)).get('xl/worksheets/sheet1.xml') ?? '';
    expect(cellXml(sheetXml, 'C5')).toBeUndefined();
    expect(await xlsxProblems(buffer)).toEqual([]);
  });

  it('the checker itself finds what Excel would repair', async () => {
    const emu = emulator();
    const ss = emu.SpreadsheetApp.create('Hỏng');
    ss.getSheets()[0].getRange('A1:B2').merge();
    const good = await exportSpreadsheet(emu.ctx, ss.getId());
    const zip = await JSZip.loadAsync(good);
    const book = await zip.file('xl/workbook.xml')!.async('string');
    zip.file(
      'xl/workbook.xml',
      book.replace('name="Trang tính1"', 'name="Quý I/2025: [nháp] của Văn phòng UBND"'),
    );
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file(
      'xl/worksheets/sheet1.xml',
      sheet
        .replace(
          '<mergeCell ref="A1:B2"/>',
          '<mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/><mergeCell ref="ZZZZ1:A1"/>',
        )
        // What ExcelJS's own merging of per-cell rules once produced here: D10:D76 inside D5:D76.
        .replace(
          '</mergeCells>',
          '</mergeCells><dataValidations count="2"><dataValidation type="list" sqref="D10:D76"><formula1>"a"</formula1>' +
            '</dataValidation><dataValidation type="list" sqref="D5:D76"><formula1>"a"</formula1></dataValidation></dataValidations>',
        ),
    );
    const bad = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await xlsxProblems(bad)).toEqual([
      'sheet name "Quý I/2025: [nháp] của Văn phòng UBND" longer than 31 characters',
      'xl/worksheets/sheet1.xml: merge B2:C3 overlaps another',
      'xl/worksheets/sheet1.xml: bad merge ZZZZ1:A1',
      'xl/worksheets/sheet1.xml: validation D5:D76 overlaps another',
    ]);
  });
});
