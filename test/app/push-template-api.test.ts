import { REGISTRY_HEADER_ROW, registryColumn } from '../../src/domain/registry/columns';
import * as entry from '../../src/index';
import { urlFetchControls } from '../../emulator/services/url-fetch';
import { SAMPLE_UNITS } from '../../sample/vinh-linh';
import { lastLog, Office, provisionedOffice } from '../fixtures/office';

function fileIds(office: Office): string[] {
  const sheet = office.master.getSheetByName('Đơn vị');
  return SAMPLE_UNITS.slice(0, 3).map((_, i) =>
    String(sheet?.getRange(REGISTRY_HEADER_ROW + 1 + i, registryColumn('fileId')).getValue()),
  );
}

/** Everything of the file's protections the push keeps in line, in a comparable form. */
function protections(office: Office, id: string): string[] {
  const ss = office.emu.SpreadsheetApp.openById(id);
  return ss
    .getProtections(office.emu.SpreadsheetApp.ProtectionType.RANGE)
    .map(
      (p) =>
        `${p.getRange().getSheet().getName()}!${p.getRange().getA1Notation()}|${p.getDescription()}|${p
          .getEditors()
          .map((u) => u.getEmail())
          .sort()
          .join(',')}`,
    )
    .sort();
}

describe('Cập nhật mẫu through the Sheets API', () => {
  let office: Office;
  afterEach(() => office.close());

  it('reads each unit file once and updates it with one batchUpdate, opening none with SpreadsheetApp', () => {
    office = provisionedOffice(SAMPLE_UNITS.slice(0, 3));
    const ids = fileIds(office);
    const controls = urlFetchControls(office.emu.ctx);
    const before = controls.requests().length;
    const opened = office.emu.ctx.ledger.count('SpreadsheetApp.openById');
    entry.menuPushTemplate();
    const sheets = controls
      .requests()
      .slice(before)
      .filter((r) => r.url.includes('sheets.googleapis.com'));
    for (const id of ids) {
      expect(sheets.filter((r) => r.method === 'GET' && r.url.includes(`/spreadsheets/${id}?`))).toHaveLength(
        1,
      );
      expect(
        sheets.filter((r) => r.method === 'POST' && r.url.endsWith(`/spreadsheets/${id}:batchUpdate`)),
      ).toHaveLength(1);
    }
    expect(sheets).toHaveLength(2 * ids.length);
    expect(office.emu.ctx.ledger.count('SpreadsheetApp.openById') - opened).toBe(0);
    expect(lastLog(office.master)[3]).toBe('Thành công');
  });

  it('ends as the SpreadsheetApp path does: same protections, and a second push changes none', () => {
    office = provisionedOffice(SAMPLE_UNITS.slice(0, 3));
    const [id] = fileIds(office);
    entry.menuPushTemplate();
    const afterApi = protections(office, id);
    expect(afterApi.some((p) => p.includes('Tiêu đề bảng'))).toBe(true);
    entry.menuPushTemplate();
    expect(protections(office, id)).toEqual(afterApi);
    // The slow path (every API request refused) gives the same protections.
    urlFetchControls(office.emu.ctx).failNext('sheets.googleapis.com', 500, { times: 1000 });
    entry.menuPushTemplate();
    expect(protections(office, id)).toEqual(afterApi);
  });

  it('falls back to SpreadsheetApp for a file the API refuses, and still pushes it', () => {
    office = provisionedOffice(SAMPLE_UNITS.slice(0, 3));
    const [id] = fileIds(office);
    urlFetchControls(office.emu.ctx).failNext(`/spreadsheets/${id}:batchUpdate`, 403, { times: 10 });
    const opened = office.emu.ctx.ledger.count('SpreadsheetApp.openById');
    entry.menuPushTemplate();
    expect(office.emu.ctx.ledger.count('SpreadsheetApp.openById') - opened).toBe(1);
    expect(lastLog(office.master)[3]).toBe('Thành công');
    expect(protections(office, id).some((p) => p.includes('Tiêu đề bảng'))).toBe(true);
  });
});
