import { SpreadsheetModel, spreadsheetModelOf } from '../../../emulator/services/spreadsheet';
import { FOCAL, world } from './helpers';

function richFile() {
  const w = world();
  const ss = w.app.create('Mẫu');
  const sheet = ss.getSheets()[0];
  sheet.getRange('A1:B2').setValues([
    ['Tiêu đề', 5],
    ['1/2/2025', '=1+1'],
  ]);
  sheet.getRange('A1').setFontWeight('bold').setBackground('#eeeeee').setNote('ghi chú');
  sheet.getRange('B1').setNumberFormat('#,##0');
  sheet.getRange('C1:D1').merge();
  sheet.getRange('B3').setDataValidation(w.app.newDataValidation().requireValueInList(['a', 'b']).build());
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 300);
  sheet.setRowHeight(2, 40);
  ss.addEditor(FOCAL);
  const p = sheet.getRange('A1:B1').protect().setDescription('Tiêu đề');
  p.removeEditors([FOCAL]);
  return { w, ss, id: ss.getId() };
}

describe('spreadsheetModelOf', () => {
  it('gives internal readers the model without charging or checking access', () => {
    const { w, id } = richFile();
    w.ctx.ledger.reset();
    const model = w.ctx.session.as('stranger@else.vn', () => spreadsheetModelOf(w.ctx, id));
    expect(model).toBeInstanceOf(SpreadsheetModel);
    expect(w.ctx.ledger.totalCalls()).toBe(0);
    expect(spreadsheetModelOf(w.ctx, 'missing')).toBeUndefined();
  });

  it('exposes what exporters need through readable accessors', () => {
    const { w, id } = richFile();
    const model = spreadsheetModelOf(w.ctx, id) as SpreadsheetModel;
    expect([model.locale, model.timeZone]).toEqual(['vi_VN', 'Asia/Ho_Chi_Minh']);
    const s = model.sheets[0];
    expect([s.name, s.id, s.maxRows, s.maxColumns]).toEqual(['Trang tính1', 0, 1000, 26]);
    expect(s.valueAt(1, 1)).toBe('Tiêu đề');
    expect(s.valueAt(2, 1)).toBe(45689); // date serial of 1 Feb 2025
    expect(s.numberFormatAt(2, 1)).toBe('dd/MM/yyyy');
    expect([s.formulaAt(2, 2), s.valueAt(2, 2)]).toEqual(['=1+1', 2]);
    expect(s.valueAt(9, 9)).toBeUndefined();
    expect(s.styleAt(1, 1)).toMatchObject({ fontWeight: 'bold', background: '#eeeeee', fontSize: 10 });
    expect(s.noteAt(1, 1)).toBe('ghi chú');
    expect(s.merges).toEqual([{ row: 1, col: 3, numRows: 1, numCols: 2 }]);
    expect(s.validationAt(3, 2)?.criteria).toBe('VALUE_IN_LIST');
    expect([s.frozenRows, s.columnWidth(1), s.columnWidth(2), s.rowHeight(2)]).toEqual([1, 300, 100, 40]);
    expect(model.protections).toEqual([
      expect.objectContaining({
        type: 'RANGE',
        sheetId: 0,
        range: { row: 1, col: 1, numRows: 1, numCols: 2 },
        description: 'Tiêu đề',
        editors: ['office@unit.vn'],
      }),
    ]);
    // stored cells only (a merge is not a cell record)
    expect([...s.cells()].map((c) => `${c.row},${c.col}`)).toEqual(['1,1', '1,2', '2,1', '2,2', '3,2']);
  });
});

describe('clone (DriveApp.makeCopy)', () => {
  it('copies everything deeply: changes to the copy leave the original alone', () => {
    const { w, id } = richFile();
    const original = spreadsheetModelOf(w.ctx, id) as SpreadsheetModel;
    const copy = original.clone();
    expect(copy).toBeInstanceOf(SpreadsheetModel);
    const a = original.sheets[0];
    const b = copy.sheets[0];
    expect(b.valueAt(1, 1)).toBe('Tiêu đề');
    expect(b.styleAt(1, 1).fontWeight).toBe('bold');
    expect(b.numberFormatAt(1, 2)).toBe('#,##0');
    expect(b.noteAt(1, 1)).toBe('ghi chú');
    expect(b.validationAt(3, 2)?.args[0]).toEqual(['a', 'b']);
    expect([b.frozenRows, b.columnWidth(1), b.rowHeight(2)]).toEqual([1, 300, 40]);
    expect(b.merges).toEqual(a.merges);
    expect(copy.protections[0].editors).toEqual(['office@unit.vn']);

    b.update(1, 1, (c) => {
      c.value = 'khác';
      (c.format ??= {}).fontWeight = 'normal';
    });
    b.merges.push({ row: 5, col: 5, numRows: 1, numCols: 2 });
    b.columnWidths.set(1, 50);
    copy.protections[0].editors?.push('x@unit.vn');
    (copy.sheets[0].validationAt(3, 2)?.args[0] as string[]).push('c');
    expect(a.valueAt(1, 1)).toBe('Tiêu đề');
    expect(a.styleAt(1, 1).fontWeight).toBe('bold');
    expect(a.merges).toHaveLength(1);
    expect(a.columnWidth(1)).toBe(300);
    expect(original.protections[0].editors).toEqual(['office@unit.vn']);
    expect(a.validationAt(3, 2)?.args[0]).toEqual(['a', 'b']);
  });

  it('a file made from the clone opens with SpreadsheetApp like any other', () => {
    const { w, id } = richFile();
    const item = w.ctx.drive.peek(id);
    const copyItem = w.ctx.drive.create({
      name: 'Bản sao',
      mimeType: item?.mimeType as string,
      content: item?.content?.clone(),
    });
    const copy = w.app.openById(copyItem.id);
    expect(copy.getSheets()[0].getRange('A1').getValue()).toBe('Tiêu đề');
    copy.getSheets()[0].getRange('A1').setValue('mới');
    expect(w.app.openById(id).getSheets()[0].getRange('A1').getValue()).toBe('Tiêu đề');
  });
});
