import * as entry from '../../src/index';
import { urlFetchControls } from '../../emulator/services/url-fetch';
import { fillTaskTable, setUnitState } from '../../sample/fill';
import { focalEmail, SAMPLE_UNITS } from '../../sample/vinh-linh';
import { lastLog, Office, provisionedOffice, unitFileId } from '../fixtures/office';

/**
 * A new submission locked without opening its file (src/gas/lock-api.ts) must leave what the
 * SpreadsheetApp way leaves: the round's areas locked once, a protection an interrupted lock left
 * without its description over one of them removed, the unit's own protections kept.
 */
const SUBMIT = 'Đã hoàn thành, đề nghị tiếp nhận';
const TASK = ['1.', 'Rà soát văn bản', 'Báo cáo', 'Thanh tra huyện', '', 'Quý IV/2025', 'Không', '', ''];
const unit = SAMPLE_UNITS[12];

let office: Office;
afterEach(() => office.close());
const fileId = () => unitFileId(office.master, unit.code);
const file = () => office.emu.SpreadsheetApp.openById(fileId());

function protections(): string[] {
  return file()
    .getProtections(office.emu.SpreadsheetApp.ProtectionType.RANGE)
    .map((p) => `${p.getRange().getSheet().getName()}!${p.getRange().getA1Notation()}|${p.getDescription()}`)
    .sort();
}

function submitted(): void {
  office = provisionedOffice([unit]);
  fillTaskTable(office.emu, focalEmail(unit), fileId(), 'Nhiệm vụ', [[TASK]]);
  setUnitState(office.emu, focalEmail(unit), fileId(), SUBMIT);
}

describe('locking a new submission through the Sheets API', () => {
  it('removes an orphan lock over one of its areas, keeps the unit’s own protection, opens no file', () => {
    submitted();
    const ss = file();
    // An interrupted SpreadsheetApp lock: protect() done, setDescription() not.
    ss.getSheetByName('Nộp kế hoạch')?.getRange('C6:D6').protect();
    // The unit's own protection elsewhere, described.
    ss.getSheetByName('Hướng dẫn')?.getRange('A1').protect().setDescription('của đơn vị');
    const opened = office.emu.ctx.ledger.count('SpreadsheetApp.openById');
    entry.menuRefreshStatus();
    expect(office.emu.ctx.ledger.count('SpreadsheetApp.openById') - opened).toBe(0);
    const lock = 'Đã nộp, khóa: Kế hoạch CCHC năm 2025';
    // The template's own protections (headers, section rows) aside: the unit's, and the round's
    // locks — the orphan over C6:D6 replaced by the lock, nothing doubled.
    const relevant = protections().filter(
      (p) => p.endsWith(`|${lock}`) || p.endsWith('|') || p.includes('của đơn vị'),
    );
    const tasksRows = file().getSheetByName('Nhiệm vụ')?.getMaxRows();
    expect(relevant).toEqual(
      [
        'Hướng dẫn!A1|của đơn vị',
        `Kế hoạch!C4:C22|${lock}`,
        `Nhiệm vụ!A5:I${tasksRows}|${lock}`,
        `Nộp kế hoạch!C6:D6|${lock}`,
      ].sort(),
    );
    expect(file().getSheetByName('Nộp kế hoạch')?.getRange(6, 5).getValue()).toBe('Đã nhận, đang xem xét');
  });

  it('leaves a file with a sheet it cannot judge (a renamed task sheet?) to the SpreadsheetApp way', () => {
    submitted();
    file().insertSheet('Bảng của tôi');
    const gets = () =>
      urlFetchControls(office.emu.ctx)
        .requests()
        .filter(
          (r) => r.method === 'GET' && r.url.includes(`sheets.googleapis.com/v4/spreadsheets/${fileId()}?`),
        );
    const opened = office.emu.ctx.ledger.count('SpreadsheetApp.openById');
    entry.menuRefreshStatus();
    expect(gets()).toHaveLength(1);
    expect(office.emu.ctx.ledger.count('SpreadsheetApp.openById') - opened).toBeGreaterThan(0);
    expect(protections().filter((p) => p.endsWith('Đã nộp, khóa: Kế hoạch CCHC năm 2025'))).toHaveLength(3);
    expect(file().getSheetByName('Nộp kế hoạch')?.getRange(6, 5).getValue()).toBe('Đã nhận, đang xem xét');
  });
});

describe('locking a period report through the Sheets API', () => {
  const QUARTER = 'Tiến độ Quý I';
  const LOCK = 'Đã nộp, khóa: Báo cáo tiến độ Quý I năm 2025';
  /** 09:00 in Vĩnh Linh on a day of 2025. */
  const at = (m: number, d: number) => Date.UTC(2025, m - 1, d, 2, 0, 0);

  /** The plan in and pushed (Quý I opened), the unit's first report typed and sent (row 7). */
  function periodSent(): void {
    submitted();
    office.emu.ctx.clock.set(at(2, 10));
    entry.menuRefreshStatus();
    entry.menuPushTemplate();
    office.emu.ctx.clock.set(at(3, 12));
    const id = fileId();
    office.emu.as(focalEmail(unit), () => {
      const ss = office.emu.SpreadsheetApp.openById(id);
      ss.getSheetByName(QUARTER)?.getRange(6, 8).setValue('Đã hoàn thành');
      ss.getSheetByName('Nộp kế hoạch')?.getRange(7, 3).setValue(SUBMIT);
    });
    // An interrupted SpreadsheetApp lock of the progress sheet: protect() done, setDescription() not.
    const sheet = file().getSheetByName(QUARTER);
    if (!sheet) throw new Error('no progress sheet');
    const last = String.fromCharCode(64 + sheet.getMaxColumns());
    sheet.getRange(`A5:${last}${sheet.getMaxRows()}`).protect();
  }

  /** The period round's locks and any description-less protection, "sheet!A1|description". */
  const periodLocks = () => protections().filter((p) => p.endsWith(`|${LOCK}`) || p.endsWith('|'));

  it('locks the same areas as the SpreadsheetApp way, the orphan replaced, the office cells written', () => {
    periodSent();
    const opened = office.emu.ctx.ledger.count('SpreadsheetApp.openById');
    entry.menuRefreshStatus();
    expect(lastLog(office.master)[3]).toBe('Thành công');
    expect(office.emu.ctx.ledger.count('SpreadsheetApp.openById') - opened).toBe(0);
    const viaApi = periodLocks();
    const sheet = file().getSheetByName(QUARTER);
    const last = String.fromCharCode(64 + (sheet?.getMaxColumns() ?? 0));
    expect(viaApi).toEqual(
      [`${QUARTER}!A5:${last}${sheet?.getMaxRows()}|${LOCK}`, `Nộp kế hoạch!C7:D7|${LOCK}`].sort(),
    );
    const office7 = file().getSheetByName('Nộp kế hoạch')?.getRange(7, 5, 1, 2).getValues();
    office.close();

    periodSent();
    // The lock's read refused: the file is opened and locked through SpreadsheetApp.
    urlFetchControls(office.emu.ctx).failNext(`sheets.googleapis.com/v4/spreadsheets/${fileId()}?`, 500, {
      times: 20,
    });
    const before = office.emu.ctx.ledger.count('SpreadsheetApp.openById');
    entry.menuRefreshStatus();
    expect(lastLog(office.master)[3]).toBe('Thành công');
    expect(office.emu.ctx.ledger.count('SpreadsheetApp.openById') - before).toBeGreaterThan(0);
    expect(periodLocks()).toEqual(viaApi);
    expect(file().getSheetByName('Nộp kế hoạch')?.getRange(7, 5, 1, 2).getValues()).toEqual(office7);
  });
});
