import { runExecution } from '../../emulator';
import { urlFetchControls } from '../../emulator/services/url-fetch';
import * as entry from '../../src/index';
import { fillTaskTable, setUnitState } from '../../sample/fill';
import { focalEmail, SAMPLE_UNITS } from '../../sample/vinh-linh';
import { lastLog, Office, provisionedOffice, unitFileId } from '../fixtures/office';

const SUBMIT = 'Đã hoàn thành, đề nghị tiếp nhận';
const TASK = ['1.', 'Rà soát văn bản', 'Báo cáo', 'Thanh tra huyện', '', 'Quý IV/2025', 'Không', '', ''];

describe('the submission lock and a task sheet renamed or replaced', () => {
  let office: Office;
  afterEach(() => office.close());
  const unit = SAMPLE_UNITS[12];

  /** Runs `fn` on the unit's spreadsheet as its focal point. */
  function asUnit<T>(fn: (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => T): T {
    const id = unitFileId(office.master, unit.code);
    return office.emu.as(focalEmail(unit), () => fn(office.emu.SpreadsheetApp.openById(id)));
  }
  const typeInto = (sheet: string, row: number) => () =>
    asUnit((ss) => ss.getSheetByName(sheet)?.getRange(row, 2).setValue('sửa sau khi nộp'));

  it('locks a task sheet renamed before the submission and names the unit', () => {
    office = provisionedOffice([unit]);
    fillTaskTable(office.emu, focalEmail(unit), unitFileId(office.master, unit.code), 'Nhiệm vụ', [[TASK]]);
    asUnit((ss) => ss.getSheetByName('Nhiệm vụ')?.setName('Nhiệm vụ của đơn vị'));
    setUnitState(office.emu, focalEmail(unit), unitFileId(office.master, unit.code), SUBMIT);
    entry.menuRefreshStatus();
    expect(typeInto('Nhiệm vụ của đơn vị', 6)).toThrow('protected cell');
    const log = lastLog(office.master);
    expect(log[5]).toContain(unit.name);
    expect(log[5]).toContain('"Nhiệm vụ của đơn vị"');
  });

  it('locks again a task sheet deleted after the submission and made anew, and names the unit', () => {
    office = provisionedOffice([unit]);
    fillTaskTable(office.emu, focalEmail(unit), unitFileId(office.master, unit.code), 'Nhiệm vụ', [[TASK]]);
    setUnitState(office.emu, focalEmail(unit), unitFileId(office.master, unit.code), SUBMIT);
    entry.menuRefreshStatus();
    expect(typeInto('Nhiệm vụ', 6)).toThrow('protected cell');

    // The unit copies its locked table to a new sheet, deletes the old one, takes back the name.
    asUnit((ss) => {
      const old = ss.getSheetByName('Nhiệm vụ');
      if (!old) throw new Error('no task sheet');
      const copy = ss.insertSheet('Bản sao', { template: old });
      ss.deleteSheet(old);
      copy.setName('Nhiệm vụ');
      copy.getRange(6, 2).setValue('Nhiệm vụ đã sửa sau khi nộp');
    });
    entry.menuRefreshStatus();
    expect(typeInto('Nhiệm vụ', 6)).toThrow('protected cell');
    const log = lastLog(office.master);
    expect(log[5]).toContain(unit.name);
    expect(log[5]).toContain('"Nhiệm vụ" của bản nộp Kế hoạch CCHC năm 2025 không còn được khóa');
  });

  it('a lock stopped between protect() and setDescription() leaves no orphan after the retry; a unit protection is kept', () => {
    office = provisionedOffice([unit]);
    fillTaskTable(office.emu, focalEmail(unit), unitFileId(office.master, unit.code), 'Nhiệm vụ', [[TASK]]);
    // The unit's own description-less protection, outside every input area: not the product's.
    asUnit((ss) => ss.getSheetByName('Hướng dẫn')?.getRange('A1').protect());
    setUnitState(office.emu, focalEmail(unit), unitFileId(office.master, unit.code), SUBMIT);
    // The Sheets API refuses the lock, so the SpreadsheetApp fallback (protect, then setDescription) runs.
    const fileId = unitFileId(office.master, unit.code);
    urlFetchControls(office.emu.ctx).failNext(`/spreadsheets/${fileId}:batchUpdate`, 403, { times: 10 });
    office.emu.ctx.ledger.failOn('Protection.setDescription', 1);
    try {
      runExecution(office.emu.ctx, () => entry.menuRefreshStatus());
    } catch {
      // the run may die of the fault or report it: either way the person refreshes again
    }
    expect(office.emu.ctx.ledger.tripped().map((t) => t.key)).toEqual(['Protection.setDescription']);
    const unnamed = () =>
      asUnit((ss) =>
        ss
          .getProtections(SpreadsheetApp.ProtectionType.RANGE)
          .filter((p) => p.getDescription() === '')
          .map((p) => `${p.getRange().getSheet().getName()}!${p.getRange().getA1Notation()}`),
      );
    expect(unnamed()).toHaveLength(2); // the orphan, and the unit's own

    entry.menuRefreshStatus();
    expect(unnamed()).toEqual(['Hướng dẫn!A1']);
    expect(typeInto('Nhiệm vụ', 6)).toThrow('protected cell');
  });
});
