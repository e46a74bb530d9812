import * as entry from '../../src/index';
import { SAMPLE_UNITS } from '../../sample/vinh-linh';
import { Office, provisionedOffice, sheetValues, unitFileId } from '../fixtures/office';

const OK = 'Đã tạo, đã chia sẻ';
const TRASHED = 'Tệp đã bị chuyển vào thùng rác';

/** The registry's "Tình trạng tệp" (column I) of a unit. */
function fileStateOf(office: Office, code: string): string {
  return String(sheetValues(office.master, 'Đơn vị').find((r) => r[0] === code)?.[8]);
}

function setTrashed(office: Office, code: string, trashed: boolean): void {
  office.emu.DriveApp.getFileById(unitFileId(office.master, code)).setTrashed(trashed);
}

describe('Tình trạng tệp of a file restored from the trash', () => {
  let office: Office;
  afterEach(() => office.close());

  it.each([
    ['running provisioning again', () => entry.menuProvisionUnits()],
    ['consolidating', () => entry.menuConsolidate()],
    ['refreshing the status', () => entry.menuRefreshStatus()],
  ])('clears at the next check: %s', (_name, operation) => {
    const units = SAMPLE_UNITS.slice(12, 14);
    office = provisionedOffice(units);
    const [restored, other] = units.map((u) => u.code);
    setTrashed(office, restored, true);
    entry.menuProvisionUnits();
    expect(fileStateOf(office, restored)).toBe(TRASHED);

    setTrashed(office, restored, false); // as the README advises
    operation();
    expect(fileStateOf(office, restored)).toBe(OK);
    expect(fileStateOf(office, other)).toBe(OK);
  });

  it('stays marked while the file is still in the trash', () => {
    const units = SAMPLE_UNITS.slice(12, 13);
    office = provisionedOffice(units);
    setTrashed(office, units[0].code, true);
    entry.menuProvisionUnits();
    entry.menuConsolidate();
    entry.menuRefreshStatus();
    expect(fileStateOf(office, units[0].code)).toBe(TRASHED);
  });
});
