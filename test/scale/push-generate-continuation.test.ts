import { DAILY_LIMIT_KEY } from '../../src/gas/doc-quota';
import { LAYOUT_TEMPLATE_NAME } from '../../src/gas/docs-api';
import * as entry from '../../src/index';
import { setUnitState } from '../../sample/fill';
import { focalEmail, registryRows } from '../../sample/vinh-linh';
import { manyUnits } from '../fixtures/many-units';
import {
  Office,
  openOffice,
  runContinuations,
  sheetValues,
  typeRegistry,
  unitFileId,
} from '../fixtures/office';

const N = 1000;
const units = manyUnits(N);

function provisioned(): Office {
  // A province at this size works in Google Workspace: a consumer account's 250 documents a day
  // (and 90 minutes of trigger time) would stop the run (see the day benchmark).
  const office = openOffice(new Date(Date.UTC(2025, 1, 10, 2)), { accountType: 'workspace' });
  office.emu.PropertiesService.getDocumentProperties().setProperty(DAILY_LIMIT_KEY, '1500');
  entry.menuSetup();
  typeRegistry(office.master, registryRows(units));
  entry.menuProvisionUnits();
  runContinuations(office);
  return office;
}

/** What the push leaves in every unit file: its lists, protections and validations, file by file. */
function pushedState(office: Office): string[] {
  return units.map((unit) => {
    const ss = office.emu.SpreadsheetApp.openById(unitFileId(office.master, unit.code));
    const tasks = ss.getSheetByName('Nhiệm vụ');
    const protections = (tasks?.getProtections(office.emu.SpreadsheetApp.ProtectionType.RANGE) ?? [])
      .map((p) => `${p.getRange().getA1Notation()}:${p.getDescription()}`)
      .sort()
      .join(';');
    const lists = ss.getSheetByName('Danh mục')?.getRange(2, 1, 3, 1).getValues().flat().join(',');
    return `${unit.code}|${protections}|${lists}`;
  });
}

/** The generated documents in the output folder, by name, and how many of each. */
function outputs(office: Office): string[] {
  const config = sheetValues(office.master, 'Cấu hình');
  const folderId = String(config.find((r) => r[0] === 'outputFolderId')?.[2]);
  const files = office.emu.DriveApp.getFolderById(folderId).getFiles();
  const names: string[] = [];
  while (files.hasNext()) {
    const file = files.next();
    // A half-made copy a killed step left goes to the trash (still listed by getFiles): not an output.
    if (!file.isTrashed()) names.push(file.getName());
  }
  // The layout template the documents are copied from is kept there too; it is not an output.
  return names.filter((n) => n !== LAYOUT_TEMPLATE_NAME).sort();
}

describe(`template push and documents for ${N} units`, () => {
  it('continue past the time limit, survive faults, and end exactly like uninterrupted runs', () => {
    const run = (faults: boolean) => {
      const office = provisioned();
      try {
        typeRegistry(
          office.master,
          registryRows(units.map((u, i) => (i === 0 ? { ...u, name: `${u.name} mới` } : u))),
        );
        if (faults)
          // Killed mid-push: the push opens each unit file through Drive (its state, its sharing),
          // two getFileById a unit, so about the 350th unit (its Sheets API batch already sent).
          office.emu.ctx.ledger.failOn(
            'DriveApp.getFileById',
            700,
            () => new Error('Exceeded maximum execution time'),
          );
        entry.menuPushTemplate();
        runContinuations(office);
        const pushed = pushedState(office);
        // Every unit submits; then one document per unit.
        typeRegistry(office.master, registryRows(units));
        units.forEach((u) =>
          setUnitState(
            office.emu,
            focalEmail(u),
            unitFileId(office.master, u.code),
            'Đã hoàn thành, đề nghị tiếp nhận',
          ),
        );
        entry.menuRefreshStatus();
        runContinuations(office);
        if (faults) {
          // Killed right after a copy of the layout template is made, before it is filled (the
          // 40th property write counts it against the day's documents); later a request to the
          // Docs/Drive API gets no answer (a passing fault: no DocumentApp fallback).
          office.emu.ctx.ledger.failOn(
            'Properties.setProperty',
            40,
            () => new Error('Exceeded maximum execution time'),
          );
          office.emu.ctx.ledger.failOn(
            'UrlFetchApp.fetchAll',
            500,
            () => new Error('Address unavailable: https://docs.googleapis.com'),
          );
        }
        office.emu.ui.answerNext(office.emu.SpreadsheetApp.getUi().Button.OK, '');
        entry.menuGenerateUnitPlans();
        runContinuations(office);
        const executions = Number(
          sheetValues(office.master, 'Tiến độ').find((r) => r[0] === 'Tạo văn bản kế hoạch')?.[6],
        );
        return { pushed, docs: outputs(office), executions };
      } finally {
        office.close();
      }
    };
    const clean = run(false);
    const faulty = run(true);
    expect(clean.docs).toHaveLength(2 * N); // a Doc and its PDF per unit
    expect(new Set(clean.docs).size).toBe(2 * N);
    expect(clean.executions).toBeGreaterThan(2);
    expect(faulty.pushed).toEqual(clean.pushed);
    expect(faulty.docs).toEqual(clean.docs);
  });
});
