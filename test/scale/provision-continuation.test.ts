import * as entry from '../../src/index';
import { registryRows } from '../../sample/vinh-linh';
import { manyUnits } from '../fixtures/many-units';
import { Office, openOffice, runContinuations, sheetValues, typeRegistry } from '../fixtures/office';

const N = 1000;

/** Each unit's file as the registry and Drive show it: name, sharing, sheets. */
function provisioned(office: Office): string[] {
  return sheetValues(office.master, 'Đơn vị')
    .slice(2)
    .filter((r) => r[0] !== '')
    .map((r) => {
      const file = office.emu.DriveApp.getFileById(String(r[6]));
      const editors = file
        .getEditors()
        .map((u) => u.getEmail())
        .sort()
        .join(',');
      return `${r[0]}|${file.getName()}|${editors}|${String(file.getSharingAccess())}`;
    });
}

function unitFilesInDrive(office: Office): number {
  const files = office.emu.DriveApp.getFilesByType('application/vnd.google-apps.spreadsheet');
  let n = 0;
  while (files.hasNext()) if (files.next().getName().startsWith('Kế hoạch CCHC 2025 - ')) n++;
  return n;
}

function run(fault: boolean): { office: Office; hops: number } {
  const office = openOffice();
  entry.menuSetup();
  typeRegistry(office.master, registryRows(manyUnits(N)));
  // The run dies in the middle of a step — after a copy, before its registry row — twice.
  if (fault) {
    office.emu.ctx.ledger.failOn('File.addEditors', 137, () => new Error('Exceeded maximum execution time'));
    office.emu.ctx.ledger.failOn('File.addEditors', 611, () => new Error('Service error: Drive'));
  }
  entry.menuProvisionUnits();
  const hops = runContinuations(office);
  return { office, hops };
}

describe(`provisioning ${N} units`, () => {
  it('continues by itself past the time limit, survives faults, and ends exactly like an uninterrupted run', () => {
    const clean = run(false);
    const expected = provisioned(clean.office);
    clean.office.close();
    const faulty = run(true);
    try {
      expect(faulty.hops).toBeGreaterThan(5); // many executions, each stopped before 6 minutes
      expect(provisioned(faulty.office)).toEqual(expected);
      expect(unitFilesInDrive(faulty.office)).toBe(N); // no duplicate copy
      const progress = sheetValues(faulty.office.master, 'Tiến độ').find(
        (r) => r[0] === 'Tạo bảng tính cho đơn vị',
      );
      expect(progress?.slice(1, 4)).toEqual(['Hoàn thành', N, N]);
      expect(faulty.office.emu.ScriptApp.getProjectTriggers()).toHaveLength(0);
    } finally {
      faulty.office.close();
    }
  });
});
