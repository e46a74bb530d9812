import { spreadsheetModelOf } from '../../../emulator/services/spreadsheet';
import { newSheet, thrown, world } from './helpers';

describe('geometry', () => {
  it('reports position and size, offsets and cells', () => {
    const sheet = newSheet(world());
    const r = sheet.getRange('B3:D7');
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([3, 2, 5, 3]);
    expect([r.getLastRow(), r.getLastColumn()]).toEqual([7, 4]);
    expect(r.offset(1, 1).getA1Notation()).toBe('C4:E8');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('B3');
    expect(r.getCell(2, 3).getA1Notation()).toBe('D4');
    expect(() => r.getCell(6, 1)).toThrow('Cell reference out of range');
    expect(() => r.offset(-3, 0)).toThrow('The starting row of the range is too small.');
    expect(r.getSheet().getName()).toBe('Trang tính1');
  });

  it('isBlank until a value is written', () => {
    const r = newSheet(world()).getRange('A1:B2');
    r.setBackground('yellow');
    expect(r.isBlank()).toBe(true);
    r.getCell(2, 2).setValue(0);
    expect(r.isBlank()).toBe(false);
  });
});

describe('text format', () => {
  it('sets and gets font weight, style, size, family, colour, line (single and plural)', () => {
    const r = newSheet(world()).getRange('A1:B1');
    expect(r.getFontWeight()).toBe('normal');
    expect(r.getFontSize()).toBe(10);
    expect(r.getFontFamily()).toBe('Arial');
    expect(r.getFontColor()).toBe('#000000');
    r.setFontWeight('bold').setFontStyle('italic').setFontSize(14).setFontFamily('Times New Roman');
    r.setFontColor('#1155CC').setFontLine('underline');
    expect(r.getFontWeights()).toEqual([['bold', 'bold']]);
    expect(r.getFontStyles()).toEqual([['italic', 'italic']]);
    expect(r.getFontSizes()).toEqual([[14, 14]]);
    expect(r.getFontFamilies()).toEqual([['Times New Roman', 'Times New Roman']]);
    expect(r.getFontColors()).toEqual([['#1155cc', '#1155cc']]);
    expect(r.getFontLines()).toEqual([['underline', 'underline']]);
    r.setFontWeights([['normal', 'bold']]);
    r.setFontSizes([[8, 12]]);
    expect(r.getFontWeights()).toEqual([['normal', 'bold']]);
    expect(r.getFontSizes()).toEqual([[8, 12]]);
    r.setFontWeight(null);
    expect(r.getFontWeight()).toBe('normal');
  });

  it('plural setters check the data size like setValues', () => {
    const r = newSheet(world()).getRange('A1:B2');
    expect(() => r.setBackgrounds([['red', 'red']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  it('sets backgrounds (CSS names and hex, lower-cased) and resets with null', () => {
    const r = newSheet(world()).getRange('A1:B1');
    expect(r.getBackground()).toBe('#ffffff');
    r.setBackground('red');
    expect(r.getBackgrounds()).toEqual([['#ff0000', '#ff0000']]);
    r.setBackgrounds([['#ABC', null]]);
    expect(r.getBackgrounds()).toEqual([['#aabbcc', '#ffffff']]);
  });

  it('aligns horizontally and vertically', () => {
    const r = newSheet(world()).getRange('A1:B1');
    expect(r.getHorizontalAlignment()).toBe('general');
    expect(r.getVerticalAlignment()).toBe('bottom');
    r.setHorizontalAlignment('center').setVerticalAlignment('middle');
    expect(r.getHorizontalAlignments()).toEqual([['center', 'center']]);
    expect(r.getVerticalAlignments()).toEqual([['middle', 'middle']]);
    r.setHorizontalAlignments([['left', 'normal']]);
    expect(r.getHorizontalAlignments()).toEqual([['left', 'general']]);
  });

  it('wraps with setWrap and setWrapStrategy', () => {
    const w = world();
    const r = newSheet(w).getRange('A1');
    expect(r.getWrap()).toBe(false);
    r.setWrap(true);
    expect(r.getWrap()).toBe(true);
    expect(r.getWrapStrategy()).toBe(w.app.WrapStrategy.WRAP);
    r.setWrapStrategy(w.app.WrapStrategy.CLIP);
    expect(r.getWrap()).toBe(false);
    expect(String(r.getWrapStrategy())).toBe('CLIP');
  });

  it('stores borders: outer edges and inner lines', () => {
    const w = world();
    const sheet = newSheet(w);
    sheet
      .getRange('A1:B2')
      .setBorder(true, true, true, true, true, false, '#FF0000', w.app.BorderStyle.DASHED);
    const model = spreadsheetModelOf(w.ctx, sheet.getParent().getId());
    const s = model?.sheets[0];
    expect(s?.styleAt(1, 1).borders).toEqual({
      top: { color: '#ff0000', style: 'DASHED' },
      left: { color: '#ff0000', style: 'DASHED' },
      right: { color: '#ff0000', style: 'DASHED' },
    });
    expect(s?.styleAt(2, 2).borders.bottom).toEqual({ color: '#ff0000', style: 'DASHED' });
    expect(s?.styleAt(2, 2).borders.top).toBeUndefined();
    sheet.getRange('A1:B2').setBorder(false, null, null, null, null, null);
    expect(s?.styleAt(1, 1).borders.top).toBeUndefined();
    expect(s?.styleAt(1, 1).borders.left).toBeDefined();
  });
});

describe('number formats', () => {
  it('set and get, single and plural', () => {
    const r = newSheet(world()).getRange('A1:B1');
    expect(r.getNumberFormats()).toEqual([['General', 'General']]);
    r.setNumberFormat('#,##0');
    r.setNumberFormats([['0.00', '@']]);
    expect(r.getNumberFormats()).toEqual([['0.00', '@']]);
  });
});

describe('merges', () => {
  it('merges keeping only the top-left value; lists and breaks merges', () => {
    const sheet = newSheet(world());
    const r = sheet.getRange('A1:B2');
    r.setValues([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    r.merge();
    expect(r.getValues()).toEqual([
      ['a', ''],
      ['', ''],
    ]);
    expect(sheet.getRange('B2').isPartOfMerge()).toBe(true);
    expect(
      sheet
        .getRange('A1:Z9')
        .getMergedRanges()
        .map((m) => m.getA1Notation()),
    ).toEqual(['A1:B2']);
    expect(thrown(() => sheet.getRange('B2:C3').merge()).message).toBe(
      'You must select all cells in a merged range to merge or unmerge them.',
    );
    expect(() => sheet.getRange('A1').breakApart()).toThrow('You must select all cells');
    r.breakApart();
    expect(sheet.getRange('A1:Z9').getMergedRanges()).toEqual([]);
  });

  it('mergeAcross merges each row', () => {
    const sheet = newSheet(world());
    sheet.getRange('A1:C2').mergeAcross();
    expect(
      sheet
        .getRange('A1:C2')
        .getMergedRanges()
        .map((m) => m.getA1Notation()),
    ).toEqual(['A1:C1', 'A2:C2']);
  });
});

describe('notes', () => {
  it('set, get and clear, single and plural', () => {
    const r = newSheet(world()).getRange('A1:B1');
    expect(r.getNote()).toBe('');
    r.setNote('Ghi chú');
    expect(r.getNotes()).toEqual([['Ghi chú', 'Ghi chú']]);
    r.setNotes([['một', null]]);
    expect(r.getNotes()).toEqual([['một', '']]);
    r.clearNote();
    expect(r.getNotes()).toEqual([['', '']]);
  });
});

describe('clearing', () => {
  function filled() {
    const w = world();
    const r = newSheet(w).getRange('A1');
    r.setValue(5).setNumberFormat('0.00').setFontWeight('bold').setNote('n');
    r.setDataValidation(w.app.newDataValidation().requireNumberBetween(1, 9).build());
    return r;
  }

  it('clearContent keeps formats, notes and rules', () => {
    const r = filled().clearContent();
    expect(r.getValue()).toBe('');
    expect([r.getFontWeight(), r.getNote(), r.getNumberFormat()]).toEqual(['bold', 'n', '0.00']);
    expect(r.getDataValidation()).not.toBeNull();
  });

  it('clearFormat clears text formatting but not the number format (Range.clearFormat reference)', () => {
    const r = filled().clearFormat();
    expect(r.getValue()).toBe(5);
    expect(r.getFontWeight()).toBe('normal');
    expect(r.getNumberFormat()).toBe('0.00');
  });

  it('clear() empties contents, formats, notes and rules; options narrow it', () => {
    const a = filled().clear({ contentsOnly: true });
    expect([a.getValue(), a.getFontWeight()]).toEqual(['', 'bold']);
    const b = filled().clear();
    expect([b.getValue(), b.getFontWeight(), b.getNote(), b.getNumberFormat()]).toEqual([
      '',
      'normal',
      '',
      'General',
    ]);
    expect(b.getDataValidation()).toBeNull();
    const c = filled().clearDataValidations();
    expect(c.getDataValidation()).toBeNull();
    expect(c.getValue()).toBe(5);
  });
});

describe('activate', () => {
  it('makes the range’s sheet active', () => {
    const w = world();
    const ss = w.app.create('A');
    const b = ss.insertSheet('B');
    ss.setActiveSheet(ss.getSheets()[0]);
    b.getRange('A1').activate();
    expect(ss.getActiveSheet().getName()).toBe('B');
  });
});
