import * as entry from '../../src/index';
import { urlFetchControls } from '../../emulator/services/url-fetch';
import { fillTaskTable, setUnitState } from '../../sample/fill';
import { focalEmail, SAMPLE_UNITS } from '../../sample/vinh-linh';
import { lastLog, Office, provisionedOffice, unitFileId } from '../fixtures/office';

const SUBMIT = 'Đã hoàn thành, đề nghị tiếp nhận';
const TASK = ['1.', 'Rà soát văn bản', 'Báo cáo', 'Thanh tra huyện', '', 'Quý IV/2025', 'Không', '', ''];

describe('submission locks through the Sheets API', () => {
  let office: Office;
  afterEach(() => office.close());
  const unit = SAMPLE_UNITS[12];
  const fileId = () => unitFileId(office.master, unit.code);

  /** The round's locks of the unit file: "sheet!A1|editors". */
  function locks(): string[] {
    const ss = office.emu.SpreadsheetApp.openById(fileId());
    return ss
      .getProtections(office.emu.SpreadsheetApp.ProtectionType.RANGE)
      .filter((p) => p.getDescription().startsWith('Đã nộp, khóa: '))
      .map(
        (p) =>
          `${p.getRange().getSheet().getName()}!${p.getRange().getA1Notation()}|${p
            .getEditors()
            .map((u) => u.getEmail())
            .sort()
            .join(',')}`,
      )
      .sort();
  }

  function submit(): void {
    office = provisionedOffice([unit]);
    fillTaskTable(office.emu, focalEmail(unit), fileId(), 'Nhiệm vụ', [[TASK]]);
    setUnitState(office.emu, focalEmail(unit), fileId(), SUBMIT);
  }

  const lockRequests = () =>
    urlFetchControls(office.emu.ctx)
      .requests()
      .filter((r) => r.method === 'POST' && r.url.endsWith(`/spreadsheets/${fileId()}:batchUpdate`));

  it('locks every input area of a new submission with one batchUpdate, none through Range.protect', () => {
    submit();
    const protects = office.emu.ctx.ledger.count('Range.protect');
    entry.menuRefreshStatus();
    expect(lastLog(office.master)[3]).toBe('Thành công');
    expect(lockRequests()).toHaveLength(1);
    expect(office.emu.ctx.ledger.count('Range.protect') - protects).toBe(0);
    const made = locks();
    // The tasks, the plan's text and the submission row: each only for the office's admins.
    expect(made.map((l) => l.split('!')[0])).toEqual(['Kế hoạch', 'Nhiệm vụ', 'Nộp kế hoạch']);
    const id = fileId();
    const unitCanType = () =>
      office.emu.as(focalEmail(unit), () =>
        office.emu.SpreadsheetApp.openById(id).getSheetByName('Nhiệm vụ')?.getRange(6, 2).setValue('x'),
      );
    expect(unitCanType).toThrow('protected cell');
    for (const lock of made) expect(lock).not.toContain(focalEmail(unit));

    // A refresh with nothing new recognises its own lock by description and adds none.
    entry.menuRefreshStatus();
    expect(lockRequests()).toHaveLength(1);
    expect(locks()).toEqual(made);
  });

  it('locks through SpreadsheetApp when the API refuses, with the same locks and none doubled', () => {
    submit();
    urlFetchControls(office.emu.ctx).failNext(`/spreadsheets/${fileId()}:batchUpdate`, 403, { times: 10 });
    const protects = office.emu.ctx.ledger.count('Range.protect');
    entry.menuRefreshStatus();
    expect(lastLog(office.master)[3]).toBe('Thành công');
    expect(office.emu.ctx.ledger.count('Range.protect') - protects).toBe(3);
    const viaFallback = locks();
    expect(viaFallback.map((l) => l.split('!')[0])).toEqual(['Kế hoạch', 'Nhiệm vụ', 'Nộp kế hoạch']);

    office.close();
    submit();
    entry.menuRefreshStatus();
    expect(locks()).toEqual(viaFallback);
  });

  it('retries a 429 and still locks once', () => {
    submit();
    urlFetchControls(office.emu.ctx).failNext(`/spreadsheets/${fileId()}:batchUpdate`, 429, { times: 1 });
    entry.menuRefreshStatus();
    expect(lockRequests()).toHaveLength(2);
    expect(locks().map((l) => l.split('!')[0])).toEqual(['Kế hoạch', 'Nhiệm vụ', 'Nộp kế hoạch']);
  });
});
