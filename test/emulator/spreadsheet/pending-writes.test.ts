import { Emulator, runExecution } from '../../../emulator';
import { LATENCY } from '../../../emulator/core/latency';
import { spreadsheetModelOf } from '../../../emulator/services/spreadsheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A file with A1:B2 typed outside any execution (committed at once), and how to export it. */
function setup(): { emu: Emulator; id: string; sheet: Sheet; csv: () => string } {
  const emu = new Emulator();
  const ss = emu.SpreadsheetApp.create('Đơn vị A');
  const sheet = ss.getSheets()[0];
  sheet.getRange('A1:B2').setValues([
    ['Nhiệm vụ', 'Tiến độ'],
    ['Rà soát', 'cũ'],
  ]);
  const id = ss.getId();
  const csv = (): string =>
    emu.UrlFetchApp.fetch(
      `https://docs.google.com/spreadsheets/d/${id}/export?format=csv&gid=${sheet.getSheetId()}`,
      { headers: { Authorization: `Bearer ${emu.ScriptApp.getOAuthToken()}` } },
    ).getContentText();
  return { emu, id, sheet, csv };
}

const OLD = 'Nhiệm vụ,Tiến độ\r\nRà soát,cũ';
const NEW = 'Nhiệm vụ,Tiến độ\r\nRà soát,mới';

describe('SpreadsheetApp bundles writes until flush, a read or the end of the execution', () => {
  test('writes outside an execution are committed at once (people typing in the browser)', () => {
    const { sheet, csv } = setup();
    sheet.getRange('B2').setValue('mới');
    expect(csv()).toBe(NEW);
  });

  test('inside an execution the CSV export sees the committed values until flush()', () => {
    const { emu, sheet, csv } = setup();
    runExecution(emu.ctx, () => {
      sheet.getRange('B2').setValue('mới');
      expect(csv()).toBe(OLD);
      emu.SpreadsheetApp.flush();
      expect(csv()).toBe(NEW);
    });
  });

  test('a read of the file through SpreadsheetApp sees the write and commits it', () => {
    const { emu, sheet, csv } = setup();
    runExecution(emu.ctx, () => {
      sheet.getRange('B2').setValue('mới');
      expect(sheet.getRange('B2').getValue()).toBe('mới');
      expect(csv()).toBe(NEW);
    });
  });

  test('a read of another file commits nothing of this one (guess, stricter case)', () => {
    const { emu, sheet, csv } = setup();
    const other = emu.SpreadsheetApp.create('Khác').getSheets()[0];
    runExecution(emu.ctx, () => {
      sheet.getRange('B2').setValue('mới');
      other.getRange('A1').getValue();
      expect(csv()).toBe(OLD);
    });
  });

  test('the end of the execution commits what is pending', () => {
    const { emu, sheet, csv } = setup();
    runExecution(emu.ctx, () => sheet.getRange('B2').setValue('mới'));
    expect(csv()).toBe(NEW);
  });

  test('structure and formats are bundled too: the export sees the old grid', () => {
    const { emu, id, sheet } = setup();
    runExecution(emu.ctx, () => {
      sheet.insertRowsBefore(1, 2);
      sheet.getRange('A1').setBackground('#ff0000');
      const committed = spreadsheetModelOf(emu.ctx, id)!.sheets[0];
      expect(committed.valueAt(1, 1)).toBe('Nhiệm vụ');
      expect(committed.styleAt(1, 1).background).toBe('#ffffff');
    });
    const committed = spreadsheetModelOf(emu.ctx, id)!.sheets[0];
    expect(committed.valueAt(3, 1)).toBe('Nhiệm vụ');
    expect(committed.styleAt(1, 1).background).toBe('#ff0000');
  });

  test('every sheet keeps its committed content, whichever is written first; a deleted one too', () => {
    const { emu, id, sheet } = setup();
    const ss = emu.SpreadsheetApp.openById(id);
    const second = ss.insertSheet('Thứ hai');
    second.getRange('A1').setValue('trước');
    const firstName = sheet.getName();
    runExecution(emu.ctx, () => {
      sheet.getRange('B2').setValue('mới');
      second.getRange('A1').setValue('sau');
      ss.deleteSheet(sheet);
      ss.setSpreadsheetLocale('en_US');
      const committed = spreadsheetModelOf(emu.ctx, id)!;
      expect(committed.sheets.map((s) => s.name)).toEqual([firstName, 'Thứ hai']);
      expect(committed.sheets[0].valueAt(2, 2)).toBe('cũ');
      expect(committed.sheets[1].valueAt(1, 1)).toBe('trước');
      expect(committed.locale).not.toBe('en_US');
    });
    const committed = spreadsheetModelOf(emu.ctx, id)!;
    expect(committed.sheets.map((s) => s.name)).toEqual(['Thứ hai']);
    expect(committed.sheets[0].valueAt(1, 1)).toBe('sau');
  });

  test("Drive's copy of a file holds its committed content (guess, stricter case)", () => {
    const { emu, id, sheet } = setup();
    runExecution(emu.ctx, () => {
      sheet.getRange('B2').setValue('mới');
      const before = emu.SpreadsheetApp.openById(emu.DriveApp.getFileById(id).makeCopy('Bản sao').getId());
      emu.SpreadsheetApp.flush();
      const after = emu.SpreadsheetApp.openById(emu.DriveApp.getFileById(id).makeCopy('Bản sao 2').getId());
      expect(before.getSheets()[0].getRange('B2').getValue()).toBe('cũ');
      expect(after.getSheets()[0].getRange('B2').getValue()).toBe('mới');
    });
  });

  test('a write is cheap; its commit pays per operation and per cell at the next read', () => {
    const { emu, sheet } = setup();
    const flush = LATENCY['SpreadsheetApp.flush'];
    const perCell = LATENCY['SpreadsheetApp.flush.cells'].perUnitMs ?? 0;
    runExecution(emu.ctx, () => {
      const range = sheet.getRange('A1:B2');
      const t0 = emu.ctx.clock.nowMs();
      range.setValues([
        ['a', 'b'],
        ['c', 'd'],
      ]);
      range.setValues([
        ['e', 'f'],
        ['g', 'h'],
      ]);
      const t1 = emu.ctx.clock.nowMs();
      expect(t1 - t0).toBeLessThan(5);
      range.getValues();
      const commit = flush.ms + 2 * (flush.perUnitMs ?? 0) + 8 * perCell;
      expect(emu.ctx.clock.nowMs() - t1).toBeCloseTo(LATENCY['Range.getValues'].ms + commit, 3);
      // Nothing pending now: a flush costs only its round trip.
      const t2 = emu.ctx.clock.nowMs();
      emu.SpreadsheetApp.flush();
      expect(emu.ctx.clock.nowMs() - t2).toBeCloseTo(flush.ms, 3);
    });
  });
});
