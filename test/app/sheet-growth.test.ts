import * as entry from '../../src/index';
import { mailLogSpec, MAIL_LOG_SHEET } from '../../src/domain/tracking/mail-log';
import { MasterWorkbook } from '../../src/gas/master';
import { openOffice } from '../fixtures/office';

/**
 * A sheet has a fixed number of rows (1,000 when made) and Sheets refuses a write below them ("The
 * coordinates of the range are outside the dimensions of the sheet."): the deadline day's reminders
 * at 1,000 units stopped after about 960 emails when "Thư đã gửi" reached its last row. Appending
 * grows the sheet first.
 */
describe('appending below a sheet’s last row', () => {
  it('grows the mail log and the run log past 1,000 rows', () => {
    const o = openOffice();
    try {
      entry.menuSetup();
      const master = new MasterWorkbook(o.master);
      master.ensureSheet(mailLogSpec(), []);
      const sheet = o.master.getSheetByName(MAIL_LOG_SHEET) as GoogleAppsScript.Spreadsheet.Sheet;
      const width = sheet.getLastColumn();
      const row = (i: number) => Array.from({ length: width }, (_, c) => (c === 0 ? `r${i}` : 'x'));
      const max = sheet.getMaxRows();
      expect(max).toBeLessThan(1100);
      master.appendRows(
        MAIL_LOG_SHEET,
        Array.from({ length: 1100 }, (_, i) => row(i)),
      );
      const first = master.appendRow(MAIL_LOG_SHEET, row(1100));
      expect(first).toBe(1102);
      expect(sheet.getLastRow()).toBe(1102);
      expect(sheet.getRange(1102, 1).getValue()).toBe('r1100');

      const log = o.master.getSheetByName('Nhật ký') as GoogleAppsScript.Spreadsheet.Sheet;
      const logMax = log.getMaxRows();
      for (let i = log.getLastRow(); i <= logMax; i++) master.appendLog([`dòng ${i}`]);
      expect(log.getLastRow()).toBe(logMax + 1);
    } finally {
      o.close();
    }
  });
});
