import { MIME } from '../../../emulator/core/drive-store';
import { spreadsheetModelOf } from '../../../emulator/services/spreadsheet';
import { FOCAL, OWNER, thrown, world } from './helpers';

describe('SpreadsheetApp.create', () => {
  it('makes a Drive file owned by the effective user whose content is the spreadsheet model', () => {
    const w = world();
    const ss = w.app.create('Kế hoạch');
    const item = w.ctx.drive.peek(ss.getId());
    expect(item?.mimeType).toBe(MIME.spreadsheet);
    expect(item?.owner).toBe(OWNER);
    expect(item?.name).toBe('Kế hoạch');
    expect(item?.content).toBe(spreadsheetModelOf(w.ctx, ss.getId()));
  });

  it('names the only sheet per the locale: "Trang tính1" in vi (the default), "Sheet1" in en', () => {
    const vi = world().app.create('A').getSheets();
    expect(vi.map((s) => s.getName())).toEqual(['Trang tính1']);
    const en = world({ locale: 'en' }).app.create('A').getSheets();
    expect(en.map((s) => s.getName())).toEqual(['Sheet1']);
  });

  it('gives a 1000 × 26 grid by default, or the size asked for', () => {
    const w = world();
    const sheet = w.app.create('A').getSheets()[0];
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    const small = w.app.create('B', 10, 3).getSheets()[0];
    expect([small.getMaxRows(), small.getMaxColumns()]).toEqual([10, 3]);
  });

  it('refuses a file above the 10,000,000-cell limit with Google’s message', () => {
    const w = world();
    expect(thrown(() => w.app.create('big', 100001, 100)).message).toBe(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expect(w.app.create('exact', 100000, 100).getSheets()[0].getMaxRows()).toBe(100000);
  });

  it('takes the locale and time zone from the session', () => {
    const w = world();
    w.ctx.session.timeZone = 'Europe/Paris';
    const ss = w.app.create('A');
    expect(ss.getSpreadsheetLocale()).toBe('vi_VN');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Paris');
  });
});

describe('SpreadsheetApp.openById / openByUrl', () => {
  it('opens the same file: edits through one handle show through the other', () => {
    const w = world();
    const a = w.app.create('A');
    a.getSheets()[0].getRange('B2').setValue('x');
    const b = w.app.openById(a.getId());
    expect(b.getSheets()[0].getRange('B2').getValue()).toBe('x');
    const c = w.app.openByUrl(a.getUrl());
    expect(c.getName()).toBe('A');
  });

  it('refuses a file the user cannot see with Sheets’ permission message', () => {
    const w = world();
    const id = w.app.create('private').getId();
    const e = thrown(() => w.ctx.session.as(FOCAL, () => w.app.openById(id)));
    expect(e.name).toBe('Exception');
    expect(e.message).toBe('You do not have permission to access the requested document.');
  });

  it('fails on an unknown id and on a deleted file', () => {
    const w = world();
    expect(thrown(() => w.app.openById('nope')).message).toMatch(/openById/);
    const id = w.app.create('gone').getId();
    w.ctx.drive.deletePermanently(id);
    expect(() => w.app.openById(id)).toThrow();
  });

  it('lets a viewer read but not write', () => {
    const w = world();
    const ss = w.app.create('A');
    ss.getSheets()[0].getRange('A1').setValue(5);
    ss.addViewer(FOCAL);
    w.ctx.session.as(FOCAL, () => {
      const mine = w.app.openById(ss.getId());
      expect(mine.getSheets()[0].getRange('A1').getValue()).toBe(5);
      expect(() => mine.getSheets()[0].getRange('A1').setValue(6)).toThrow(
        'You do not have permission to access the requested document.',
      );
    });
    expect(ss.getSheets()[0].getRange('A1').getValue()).toBe(5);
  });

  it('rejects a URL that is not a spreadsheet URL', () => {
    const w = world();
    expect(() => w.app.openByUrl('https://example.com/x')).toThrow('Invalid argument: url');
  });
});

describe('active spreadsheet', () => {
  it('is null until one is set, then it is that file', () => {
    const w = world();
    expect(w.app.getActiveSpreadsheet()).toBeNull();
    expect(w.app.getActive()).toBeNull();
    const ss = w.app.create('Master');
    w.app.setActiveSpreadsheet(ss);
    expect(w.app.getActive().getId()).toBe(ss.getId());
    expect(w.app.getActiveSheet().getName()).toBe('Trang tính1');
  });
});

describe('costs', () => {
  it('charges every call under Class.method, range reads per cell', () => {
    const w = world();
    w.ctx.ledger.reset();
    const ss = w.app.create('A');
    const range = ss.getSheets()[0].getRange(1, 1, 10, 10);
    range.getValues();
    w.app.flush();
    expect(w.ctx.ledger.snapshot()).toEqual({
      'Range.getValues': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheets': 1,
      'SpreadsheetApp.create': 1,
      'SpreadsheetApp.flush': 1,
    });
    const before = w.ctx.ledger.modeledTimeMs();
    ss.getSheets()[0]
      .getRange(1, 1, 1, 1)
      .setValues([[1]]);
    const small = w.ctx.ledger.modeledTimeMs() - before;
    const mid = w.ctx.ledger.modeledTimeMs();
    ss.getSheets()[0]
      .getRange(1, 1, 100, 26)
      .setValues(Array.from({ length: 100 }, () => Array<number>(26).fill(1)));
    expect(w.ctx.ledger.modeledTimeMs() - mid).toBeGreaterThan(small);
  });

  it('moves Drive’s last-updated time with content edits but not with reads', () => {
    const w = world();
    const ss = w.app.create('A');
    const item = w.ctx.drive.peek(ss.getId());
    const created = item?.updatedMs;
    ss.getSheets()[0].getRange('A1').getValues();
    expect(item?.updatedMs).toBe(created);
    w.ctx.clock.advance(60_000);
    ss.getSheets()[0].getRange('A1').setBackground('red');
    expect(item?.updatedMs).toBeGreaterThan(created as number);
  });
});
