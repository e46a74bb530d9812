import { FOCAL, OWNER, thrown, world } from './helpers';

describe('Spreadsheet', () => {
  it('reports id, name, URL and renames', () => {
    const w = world();
    const ss = w.app.create('Old');
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    ss.rename('New');
    expect(ss.getName()).toBe('New');
    expect(w.ctx.drive.peek(ss.getId())?.name).toBe('New');
  });

  it('inserts sheets with locale default names, at an index, and makes the new one active', () => {
    const w = world();
    const ss = w.app.create('A');
    const second = ss.insertSheet();
    expect(second.getName()).toBe('Trang tính2');
    ss.insertSheet('Đầu', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Đầu', 'Trang tính1', 'Trang tính2']);
    expect(ss.getActiveSheet().getName()).toBe('Đầu');
    expect(ss.getSheetByName('Đầu')?.getIndex()).toBe(1);
  });

  it('refuses a duplicate sheet name with Sheets’ message, whatever the case', () => {
    const w = world();
    const ss = w.app.create('A');
    ss.insertSheet('Tổng hợp');
    expect(thrown(() => ss.insertSheet('Tổng hợp')).message).toBe(
      'A sheet with the name "Tổng hợp" already exists. Please enter another name.',
    );
    expect(() => ss.insertSheet('TỔNG HỢP')).toThrow('already exists');
    expect(ss.getNumSheets()).toBe(2);
  });

  it('returns null for a missing sheet name', () => {
    const w = world();
    expect(w.app.create('A').getSheetByName('Không có')).toBeNull();
  });

  it('copies a template sheet with insertSheet({template})', () => {
    const w = world();
    const ss = w.app.create('A');
    const tpl = ss.getSheets()[0];
    tpl.getRange('A1').setValue('Tiêu đề').setFontWeight('bold');
    tpl.setFrozenRows(1);
    const copy = ss.insertSheet('Bản sao', { template: tpl });
    expect(copy.getRange('A1').getValue()).toBe('Tiêu đề');
    expect(copy.getRange('A1').getFontWeight()).toBe('bold');
    expect(copy.getFrozenRows()).toBe(1);
    copy.getRange('A1').setValue('khác');
    expect(tpl.getRange('A1').getValue()).toBe('Tiêu đề');
  });

  it('cannot delete the only sheet', () => {
    const w = world();
    const ss = w.app.create('A');
    expect(thrown(() => ss.deleteSheet(ss.getSheets()[0])).message).toBe(
      "You can't remove all the sheets in a document.",
    );
    const extra = ss.insertSheet('B');
    ss.deleteSheet(extra);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Trang tính1']);
    expect(() => extra.getName()).toThrow();
  });

  it('refuses insertSheet past the cell limit', () => {
    const w = world();
    const ss = w.app.create('A', 99_800, 100); // 9,980,000 cells; a new sheet adds 26,000
    expect(() => ss.insertSheet('B')).toThrow('above the limit of 10000000 cells');
  });

  it('sets locale and time zone; a bad zone fails', () => {
    const w = world();
    const ss = w.app.create('A');
    ss.setSpreadsheetLocale('en_US');
    expect(ss.getSpreadsheetLocale()).toBe('en_US');
    ss.setSpreadsheetTimeZone('Asia/Tokyo');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
    expect(() => ss.setSpreadsheetTimeZone('Mars/Base')).toThrow();
  });

  it('records toasts with their title and timeout (5 s by default)', () => {
    const w = world();
    const ss = w.app.create('A');
    ss.toast('Xong');
    ss.toast('Đã gửi', 'Kế hoạch', 8);
    expect(w.ui.toasts().map((t) => [t.message, t.title, t.timeoutSeconds, t.spreadsheetId])).toEqual([
      ['Xong', '', 5, ss.getId()],
      ['Đã gửi', 'Kế hoạch', 8, ss.getId()],
    ]);
    w.ui.uiAvailable = false; // a trigger: no error, nothing shown
    ss.toast('Trong trigger');
    expect(w.ui.toasts().map((t) => t.shown)).toEqual([true, true, false]);
  });

  it('shares through the Drive item: editors, viewers, owner', () => {
    const w = world();
    const ss = w.app.create('A');
    ss.addViewer('viewer@unit.vn');
    ss.addEditors(['a@unit.vn', 'viewer@unit.vn']);
    const item = w.ctx.drive.peek(ss.getId());
    expect([...(item?.editors ?? [])]).toEqual(['a@unit.vn', 'viewer@unit.vn']);
    expect([...(item?.viewers ?? [])]).toEqual([]);
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual([OWNER, 'a@unit.vn', 'viewer@unit.vn']);
    ss.addViewer('a@unit.vn'); // an editor stays an editor
    expect(ss.getViewers()).toEqual([]);
    ss.removeEditor('a@unit.vn');
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual([OWNER, 'viewer@unit.vn']);
    expect(ss.getOwner()?.getEmail()).toBe(OWNER);
    expect(() => ss.addEditor('not an email')).toThrow('Invalid email');
  });

  it('gives an added editor access to the file', () => {
    const w = world();
    const ss = w.app.create('A');
    expect(() => w.ctx.session.as(FOCAL, () => w.app.openById(ss.getId()))).toThrow();
    ss.addEditor(FOCAL);
    w.ctx.session.as(FOCAL, () => w.app.openById(ss.getId()).getSheets()[0].getRange('A1').setValue('ok'));
    expect(ss.getSheets()[0].getRange('A1').getValue()).toBe('ok');
  });

  it('reads ranges by "Sheet!A1" notation, quoted names included; unknown ones fail', () => {
    const w = world();
    const ss = w.app.create('A');
    const sheet = ss.insertSheet('Kế hoạch 2025');
    sheet.getRange('B2').setValue(3);
    expect(ss.getRange("'Kế hoạch 2025'!B2").getValue()).toBe(3);
    expect(ss.getRange("'Kế hoạch 2025'!A1:C3").getA1Notation()).toBe('A1:C3');
    ss.setActiveSheet(sheet);
    expect(ss.getRange('B2').getValue()).toBe(3);
    expect(() => ss.getRange('Nowhere!A1')).toThrow('Range not found');
    expect(() => ss.getRange('A1:??')).toThrow('Range not found');
  });
});

describe('Spreadsheet.moveActiveSheet', () => {
  it('moves the active sheet to a 1-based tab position', () => {
    const ss = world().app.create('Tabs');
    ss.insertSheet('B');
    ss.insertSheet('C');
    const c = ss.getSheetByName('C');
    if (!c) throw new Error('no C');
    ss.setActiveSheet(c);
    ss.moveActiveSheet(1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['C', 'Trang tính1', 'B']);
    expect(c.getIndex()).toBe(1);
    expect(() => ss.moveActiveSheet(4)).toThrow('Invalid argument: pos');
  });
});
