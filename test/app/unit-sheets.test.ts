import { urlFetchControls } from '../../emulator';
import { SHEET_IDS_PREFIX } from '../../src/app/sheet-ids';
import { loadConfig } from '../../src/app/config';
import { loadUnits } from '../../src/app/provision';
import { readUnitSheets } from '../../src/app/unit-sheets';
import { MasterWorkbook } from '../../src/gas/master';
import { SAMPLE_UNITS } from '../../sample/vinh-linh';
import { Office, provisionedOffice, unitFileId } from '../fixtures/office';

const UNITS = SAMPLE_UNITS.slice(12, 17);
const TASKS = 'Nhiệm vụ';

function read(office: Office) {
  const master = new MasterWorkbook(office.master);
  const units = loadUnits(master, loadConfig(master));
  return readUnitSheets(units, () => [TASKS]).map((r) => ({
    code: r.request.key.split('|')[0],
    via: r.via,
    reason: r.fallbackReason,
    sheetId: r.sheetId,
    read: r.grid !== null,
  }));
}

const ownGid = (office: Office, code: string): number =>
  (
    office.emu.SpreadsheetApp.openById(unitFileId(office.master, code)).getSheetByName(
      TASKS,
    ) as GoogleAppsScript.Spreadsheet.Sheet
  ).getSheetId();

const forgetGids = (office: Office, alsoTemplates = false) => {
  const store = office.emu.PropertiesService.getDocumentProperties();
  for (const key of store.getKeys()) {
    if (key.startsWith(SHEET_IDS_PREFIX) || (alsoTemplates && key === 'cchc.templates'))
      store.deleteProperty(key);
  }
};

describe('readUnitSheets: why a sheet was not read from its CSV export', () => {
  let office: Office;
  afterEach(() => office.close());

  it('names the reason for each file that fell back, and gives every read its own gid', () => {
    office = provisionedOffice(UNITS);
    const [fine, refused, unparseable, notCsv, silent] = UNITS.map((u) => unitFileId(office.master, u.code));
    const controls = urlFetchControls(office.emu.ctx);
    controls.failNext(`/d/${refused}/export`, 403);
    controls.failNext(`/d/${unparseable}/export`, 200, {
      body: 'a,"b',
      contentType: 'text/csv; charset=utf-8',
    });
    controls.failNext(`/d/${notCsv}/export`, 200, { body: '<html></html>', contentType: 'text/html' });
    controls.failNext(`/d/${silent}/export`, 503, { times: 10 });
    expect(fine).not.toBe('');
    const reads = read(office);
    expect(reads).toEqual([
      { code: UNITS[0].code, via: 'csv', reason: null, sheetId: ownGid(office, UNITS[0].code), read: true },
      {
        code: UNITS[1].code,
        via: 'spreadsheet',
        reason: { kind: 'http', status: 403 },
        sheetId: ownGid(office, UNITS[1].code),
        read: true,
      },
      {
        code: UNITS[2].code,
        via: 'spreadsheet',
        reason: { kind: 'unparseable', message: 'Could not parse text.' },
        sheetId: ownGid(office, UNITS[2].code),
        read: true,
      },
      {
        code: UNITS[3].code,
        via: 'spreadsheet',
        reason: { kind: 'not-csv', contentType: 'text/html' },
        sheetId: ownGid(office, UNITS[3].code),
        read: true,
      },
      {
        code: UNITS[4].code,
        via: 'spreadsheet',
        reason: { kind: 'http', status: 503 }, // the last answer, after the retries
        sheetId: ownGid(office, UNITS[4].code),
        read: true,
      },
    ]);
  });

  it('a stale gid answered with another sheet is "wrong-sheet"; no answer at all, "no-answer"; no gid known, "no-gid"', () => {
    office = provisionedOffice(UNITS.slice(0, 1));
    const code = UNITS[0].code;
    // A gid the file does not have, answered 200 with its first sheet, as Google may.
    forgetGids(office);
    const store = office.emu.PropertiesService.getDocumentProperties();
    const templates = JSON.parse(store.getProperty('cchc.templates') as string);
    templates.other.sheetIds[TASKS] = 12345;
    store.setProperty('cchc.templates', JSON.stringify(templates));
    urlFetchControls(office.emu.ctx).unknownCsvGid = 'first-sheet';
    expect(read(office)[0]).toEqual({
      code,
      via: 'spreadsheet',
      reason: { kind: 'wrong-sheet', sheetId: 12345 },
      sheetId: ownGid(office, code),
      read: true,
    });
    // Found by name once: the next read is the CSV export at the file's own gid.
    expect(read(office)[0]).toEqual({
      code,
      via: 'csv',
      reason: null,
      sheetId: ownGid(office, code),
      read: true,
    });

    // No answer at all (fetchAll fails whole on a timeout, every attempt).
    urlFetchControls(office.emu.ctx).timeoutNext('/export', 10);
    expect(read(office)[0]).toMatchObject({ via: 'spreadsheet', reason: { kind: 'no-answer' }, read: true });

    forgetGids(office, true);
    expect(read(office)[0]).toMatchObject({ via: 'spreadsheet', reason: { kind: 'no-gid' }, read: true });
  });

  it('a file that is gone is missing only when SpreadsheetApp cannot open it either', () => {
    office = provisionedOffice(UNITS.slice(0, 1));
    office.emu.ctx.drive.deletePermanently(unitFileId(office.master, UNITS[0].code));
    const master = new MasterWorkbook(office.master);
    const r = readUnitSheets(loadUnits(master, loadConfig(master)), () => [TASKS])[0];
    expect([r.via, r.failure, r.fallbackReason]).toEqual([
      'spreadsheet',
      'missing',
      { kind: 'http', status: 404 },
    ]);
  });
});
