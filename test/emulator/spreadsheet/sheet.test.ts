import { newSheet, thrown, world } from './helpers';

describe('Sheet.getRange', () => {
  it('takes 1-based row, column and sizes, and A1 notation', () => {
    const sheet = newSheet(world());
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
    expect(sheet.getRange(2, 3, 4, 2).getA1Notation()).toBe('C2:D5');
    expect(sheet.getRange('b2:c3').getA1Notation()).toBe('B2:C3');
    expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
    expect(sheet.getRange('3:4').getNumColumns()).toBe(26);
    expect(sheet.getRange('B2:C').getA1Notation()).toBe('B2:C1000');
  });

  it('gives Apps Script’s messages for row or column 0 and for sizes below 1', () => {
    const sheet = newSheet(world());
    expect(thrown(() => sheet.getRange(0, 1)).message).toBe('The starting row of the range is too small.');
    expect(thrown(() => sheet.getRange(1, 0)).message).toBe('The starting column of the range is too small.');
    expect(thrown(() => sheet.getRange(1, 1, 0, 1)).message).toBe(
      'The number of rows in the range must be at least 1.',
    );
    expect(thrown(() => sheet.getRange(1, 1, 1, 0)).message).toBe(
      'The number of columns in the range must be at least 1.',
    );
  });

  it('refuses ranges outside the grid', () => {
    const sheet = newSheet(world());
    const e = thrown(() => sheet.getRange(1000, 1, 2, 1));
    expect(e.name).toBe('Exception');
    expect(e.message).toBe('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 27)).toThrow('outside the dimensions');
    expect(sheet.getRange(1000, 26).getA1Notation()).toBe('Z1000');
    expect(() => sheet.getRange('A1001')).toThrow('Range not found');
    expect(() => sheet.getRange('A0')).toThrow('Range not found');
  });

  it('rejects non-number arguments with the signature message', () => {
    const sheet = newSheet(world());
    const bad = sheet.getRange as unknown as (...a: unknown[]) => unknown;
    expect(thrown(() => bad.call(sheet, 1, undefined)).message).toBe(
      "The parameters (number,null) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });
});

describe('content extent', () => {
  it('getLastRow/getLastColumn are 0 on an empty sheet and follow values, not formats', () => {
    const sheet = newSheet(world());
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('E20').setBackground('#ff0000').setNote('ghi chú');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('C7').setValue('x');
    sheet.getRange('D2').setFormula('=1+1');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([7, 4]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D7');
    sheet.getRange('C7').clearContent();
    expect(sheet.getLastRow()).toBe(2);
  });

  it('getDataRange is A1 on an empty sheet', () => {
    expect(newSheet(world()).getDataRange().getA1Notation()).toBe('A1');
  });

  it('appendRow writes after the last row, parses like typing, and grows the grid when full', () => {
    const w = world();
    const sheet = w.app.create('A', 2, 2).getSheets()[0];
    sheet.appendRow(['Mã', 'Ngày']);
    sheet.appendRow(['0012', '1/2/2025']);
    sheet.appendRow(['x', 'y', 'z']);
    expect(sheet.getMaxRows()).toBe(3);
    expect(sheet.getMaxColumns()).toBe(3);
    const values = sheet.getRange(1, 1, 3, 3).getValues();
    expect(values[1][0]).toBe(12);
    expect(values[1][1]).toBeInstanceOf(Date);
    expect(values[2]).toEqual(['x', 'y', 'z']);
  });
});

describe('rows and columns', () => {
  it('inserts rows after/before and moves content down', () => {
    const sheet = newSheet(world());
    sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual(['a', '', '', 'b', 'c']);
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getRange('A2').getValue()).toBe('a');
    sheet.insertRows(2);
    expect(sheet.getRange('A3').getValue()).toBe('a');
  });

  it('inserts columns and shifts cells right', () => {
    const sheet = newSheet(world());
    sheet.getRange('A1:B1').setValues([['a', 'b']]);
    sheet.insertColumnsAfter(1, 1);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['a', '', 'b']]);
    expect(sheet.getMaxColumns()).toBe(27);
  });

  it('deletes rows, shifting content up; cannot delete every row', () => {
    const sheet = newSheet(world());
    sheet.getRange('A1:A4').setValues([['a'], ['b'], ['c'], ['d']]);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A2').getValues().flat()).toEqual(['a', 'd']);
    sheet.deleteRow(1);
    expect(sheet.getRange('A1').getValue()).toBe('d');
    expect(sheet.getMaxRows()).toBe(997);
    expect(thrown(() => sheet.deleteRows(1, 997)).message).toBe(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(() => sheet.deleteRows(990, 20)).toThrow('Those rows are out of bounds.');
  });

  it('refuses insertRows/insertColumns past the 10,000,000-cell limit', () => {
    const w = world();
    const sheet = w.app.create('A', 100_000, 100).getSheets()[0];
    expect(thrown(() => sheet.insertRowsAfter(1, 1)).message).toBe(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expect(() => sheet.insertColumnsAfter(1, 1)).toThrow('limit of 10000000 cells');
    expect(sheet.getMaxRows()).toBe(100_000);
  });

  it('keeps merges moving with inserted rows', () => {
    const sheet = newSheet(world());
    sheet.getRange('A2:B2').merge();
    sheet.insertRowsBefore(1, 3);
    expect(
      sheet
        .getRange('A1:Z10')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A5:B5']);
  });
});

describe('layout', () => {
  it('freezes rows and columns', () => {
    const sheet = newSheet(world());
    expect(sheet.getFrozenRows()).toBe(0);
    sheet.setFrozenRows(2);
    sheet.setFrozenColumns(1);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([2, 1]);
  });

  it('sizes columns (default 100) and rows (default 21)', () => {
    const sheet = newSheet(world());
    expect(sheet.getColumnWidth(3)).toBe(100);
    sheet.setColumnWidth(3, 250);
    sheet.setColumnWidths(5, 2, 40);
    expect([3, 4, 5, 6, 7].map((c) => sheet.getColumnWidth(c))).toEqual([250, 100, 40, 40, 100]);
    expect(sheet.getRowHeight(1)).toBe(21);
    sheet.setRowHeight(1, 42);
    expect(sheet.getRowHeight(1)).toBe(42);
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getColumnWidth(4)).toBe(250);
  });

  it('renames with the duplicate-name check, reports id, index and parent', () => {
    const w = world();
    const ss = w.app.create('A');
    const second = ss.insertSheet('Hai');
    expect(thrown(() => second.setName('Trang tính1')).message).toBe(
      'A sheet with the name "Trang tính1" already exists. Please enter another name.',
    );
    second.setName('Hai mới');
    expect(ss.getSheetByName('Hai mới')?.getSheetId()).toBe(second.getSheetId());
    expect(ss.getSheets()[0].getSheetId()).toBe(0);
    expect(second.getSheetId()).not.toBe(0);
    expect(second.getIndex()).toBe(2);
    expect(second.getParent().getId()).toBe(ss.getId());
  });

  it('hides and shows sheets but never the last visible one', () => {
    const w = world();
    const ss = w.app.create('A');
    const first = ss.getSheets()[0];
    expect(() => first.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    const second = ss.insertSheet('B');
    first.hideSheet();
    expect(first.isSheetHidden()).toBe(true);
    first.showSheet();
    expect(first.isSheetHidden()).toBe(false);
    expect(second.isSheetHidden()).toBe(false);
  });

  it('sets the tab colour and activates', () => {
    const w = world();
    const ss = w.app.create('A');
    const b = ss.insertSheet('B');
    ss.getSheets()[0].activate();
    expect(ss.getActiveSheet().getName()).toBe('Trang tính1');
    b.setTabColor('#FF0000');
    expect(b.getTabColor()).toBe('#ff0000');
    b.activate();
    expect(ss.getActiveSheet().getName()).toBe('B');
  });

  it('clears contents only, or contents and formats', () => {
    const sheet = newSheet(world());
    sheet.getRange('A1').setValue('x').setFontWeight('bold');
    sheet.clearContents();
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getFontWeight()).toBe('bold');
    sheet.getRange('A1').setValue('y');
    sheet.clear();
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getFontWeight()).toBe('normal');
  });
});
