import { urlFetchControls } from '../../emulator';
import { CONSOLIDATED_SHEET, PROPOSALS_SHEET } from '../../src/domain/consolidate/master-sheets';
import { FILE_STATE_TEXT } from '../../src/domain/unit-file/naming';
import * as entry from '../../src/index';
import { SHEET_IDS_PREFIX } from '../../src/app/sheet-ids';
import { fillTaskTable } from '../../sample/fill';
import { sampleTasks } from '../../sample/tasks';
import { focalEmail, registryRows, SAMPLE_UNITS, SampleUnit } from '../../sample/vinh-linh';
import {
  lastLog,
  Office,
  provisionedOffice,
  runContinuations,
  sheetValues,
  typeRegistry,
  unitFileId,
} from '../fixtures/office';

// Two agencies (tasks and proposals) and a service unit; then an agency and a commune are added,
// which rebuilds both templates (the unit list is in their dropdowns).
const OLD = [SAMPLE_UNITS[0], SAMPLE_UNITS[1], SAMPLE_UNITS[13]];
const ADDED = [SAMPLE_UNITS[2], SAMPLE_UNITS[20]];
const ALL = [...OLD, ...ADDED];
const PROPOSAL = 'Số hóa hồ sơ lưu trữ của phòng';

function fill(office: Office, units: readonly SampleUnit[]): void {
  for (const unit of units) {
    const id = unitFileId(office.master, unit.code);
    fillTaskTable(office.emu, focalEmail(unit), id, 'Nhiệm vụ', sampleTasks(unit, ALL));
  }
  fillTaskTable(office.emu, focalEmail(OLD[0]), unitFileId(office.master, OLD[0].code), 'Đề xuất', [
    [['1.', PROPOSAL, 'Dữ liệu số', OLD[0].name, '', 'Quý III/2025', '100.000.000', 'Ngân sách huyện', '']],
  ]);
}

/** The gid of a sheet in a unit's own file. */
function ownGid(office: Office, code: string, sheet: string): number {
  const ss = office.emu.SpreadsheetApp.openById(unitFileId(office.master, code));
  return (ss.getSheetByName(sheet) as GoogleAppsScript.Spreadsheet.Sheet).getSheetId();
}

/** What a consolidation link points at: the file, the gid and the cell's text there. */
function target(office: Office, link: string): { fileId: string; gid: number; text: string } {
  const m = /\/d\/([^/]+)\/edit#gid=(\d+)&range=([A-Z]+\d+)$/.exec(link);
  if (!m) throw new Error(`not a cell link: ${link}`);
  const ss = office.emu.SpreadsheetApp.openById(m[1]);
  const sheet = ss.getSheets().find((s) => s.getSheetId() === Number(m[2]));
  return { fileId: m[1], gid: Number(m[2]), text: sheet ? sheet.getRange(m[3]).getDisplayValue() : '' };
}

/** Three units provisioned and filled; then two added, which rebuilds the templates. */
function officeWithRebuiltTemplates(beforeAdding: (office: Office) => void = () => undefined): Office {
  const office = provisionedOffice(OLD);
  fill(office, OLD);
  const gidsBefore = OLD.map((u) => ownGid(office, u.code, 'Nhiệm vụ'));
  beforeAdding(office);
  typeRegistry(office.master, registryRows(ALL));
  entry.menuProvisionUnits();
  runContinuations(office);
  fill(office, ADDED);
  // The premise: the rebuilt templates' sheets (hence the new units') have other gids.
  for (const unit of ADDED) expect(gidsBefore).not.toContain(ownGid(office, unit.code, 'Nhiệm vụ'));
  return office;
}

function expectEveryUnitReadAndLinked(office: Office): void {
  const rows = sheetValues(office.master, CONSOLIDATED_SHEET);
  const header = rows[0];
  const body = rows.slice(1);
  const taskColumn = header.indexOf('Nhiệm vụ');
  const linkColumn = header.indexOf('Liên kết');
  for (const unit of ALL) {
    const mine = body.filter((r) => r[1] === unit.code);
    expect(mine.map((r) => r[taskColumn])).toEqual(sampleTasks(unit, ALL).flatMap((a) => a.map((t) => t[1])));
    for (const r of mine) {
      const t = target(office, String(r[linkColumn]));
      expect([t.fileId, t.gid, t.text]).toEqual([
        unitFileId(office.master, unit.code),
        ownGid(office, unit.code, 'Nhiệm vụ'),
        r[taskColumn],
      ]);
    }
  }
  const proposals = sheetValues(office.master, PROPOSALS_SHEET);
  const proposal = proposals.find((r) => r.includes(PROPOSAL)) as unknown[];
  const t = target(office, String(proposal[proposal.length - 1]));
  expect([t.gid, t.text]).toEqual([ownGid(office, OLD[0].code, 'Đề xuất'), PROPOSAL]);
  expect(lastLog(office.master)[3]).toBe('Thành công');
}

describe('Tổng hợp dữ liệu: each unit file by its own sheet ids', () => {
  let office: Office;
  afterEach(() => office.close());

  it('after a unit is added and the template rebuilt, reads every older unit by CSV and links to its own sheets', () => {
    office = officeWithRebuiltTemplates();
    office.emu.ctx.ledger.reset();
    entry.menuConsolidate();
    const opened = office.emu.ctx.ledger.count('SpreadsheetApp.openById');
    expectEveryUnitReadAndLinked(office);
    // All by the CSV export: nobody was opened one by one, nothing is reported missing.
    expect(opened).toBe(0);
    const registry = sheetValues(office.master, 'Đơn vị');
    for (const unit of ALL) expect(registry.find((r) => r[0] === unit.code)?.[8]).toBe(FILE_STATE_TEXT.ok);
  });

  it('units whose gids were never recorded: a wrong sheet served for a stale gid is noticed, the right one found by name once', () => {
    // As a deployment from before the gids were recorded: only the latest template's are known.
    office = officeWithRebuiltTemplates((o) => {
      const store = o.emu.PropertiesService.getDocumentProperties();
      for (const key of store.getKeys()) if (key.startsWith(SHEET_IDS_PREFIX)) store.deleteProperty(key);
    });
    // The stricter answer to an unknown gid: the first sheet's CSV, 200, as if all were well.
    urlFetchControls(office.emu.ctx).unknownCsvGid = 'first-sheet';
    office.emu.ctx.ledger.reset();
    entry.menuConsolidate();
    const openedFirst = office.emu.ctx.ledger.count('SpreadsheetApp.openById');
    expectEveryUnitReadAndLinked(office);
    // The older units only (the new ones are the templates' copies): each opened once for both sheets.
    expect(openedFirst).toBe(OLD.length);

    office.emu.ctx.ledger.reset();
    entry.menuConsolidate();
    const openedAgain = office.emu.ctx.ledger.count('SpreadsheetApp.openById');
    expectEveryUnitReadAndLinked(office);
    expect(openedAgain).toBe(0);
  });

  it('an export refused (400, 403, 404) is read with SpreadsheetApp, not reported as a missing file', () => {
    office = provisionedOffice(OLD);
    fill(office, OLD);
    const controls = urlFetchControls(office.emu.ctx);
    OLD.forEach((unit, i) =>
      controls.failNext(`/d/${unitFileId(office.master, unit.code)}/export`, [400, 403, 404][i], {
        times: 5,
      }),
    );
    entry.menuConsolidate();
    const rows = sheetValues(office.master, CONSOLIDATED_SHEET).slice(1);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(OLD.map((u) => u.code)));
    expect(lastLog(office.master)[3]).toBe('Thành công');
    const registry = sheetValues(office.master, 'Đơn vị');
    for (const unit of OLD) expect(registry.find((r) => r[0] === unit.code)?.[8]).toBe(FILE_STATE_TEXT.ok);
  });

  it('a CSV that does not parse sends that file alone to SpreadsheetApp; the run goes on', () => {
    office = provisionedOffice(OLD);
    fill(office, OLD);
    urlFetchControls(office.emu.ctx).failNext(`/d/${unitFileId(office.master, OLD[2].code)}/export`, 200, {
      body: 'PHỤ LỤC II\r\n"Rà soát, cập nhật,1',
      contentType: 'text/csv; charset=utf-8',
      times: 20,
    });
    office.emu.ctx.ledger.reset();
    entry.menuConsolidate();
    const rows = sheetValues(office.master, CONSOLIDATED_SHEET).slice(1);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(OLD.map((u) => u.code)));
    expect(rows.filter((r) => r[1] === OLD[2].code)).toHaveLength(sampleTasks(OLD[2], ALL).flat().length);
    expect(lastLog(office.master)[3]).toBe('Thành công');
    expect(office.emu.ctx.ledger.count('SpreadsheetApp.openById')).toBe(1);
  });
});
