import * as entry from '../../src/index';
import { urlFetchControls } from '../../emulator/services/url-fetch';
import { fillTaskTable, setUnitState } from '../../sample/fill';
import { focalEmail, SAMPLE_UNITS } from '../../sample/vinh-linh';
import { Office, provisionedOffice, unitFileId } from '../fixtures/office';

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
