import * as entry from '../../src/index';
import { fillTaskTable, setUnitState } from '../../sample/fill';
import { sampleTasks } from '../../sample/tasks';
import { focalEmail, SAMPLE_UNITS, SampleUnit } from '../../sample/vinh-linh';
import { lastLog, Office, provisionedOffice, unitFileId } from '../fixtures/office';

/**
 * Where the gids of the progress sheets live, and what the refresh does before the push has made
 * a period's sheet. A unit's Quý I opens once its plan is submitted (in the plan year), long
 * before the office runs "Cập nhật mẫu": the refresh must not open the file every time it reads
 * it to look for a sheet that is not there (after the deadline's burst that was 500 files an
 * hour); and the push must keep the gids of the sheets it makes in the progress store, never in
 * the files' shared gid maps (which overflow at a few dozen files with gids of their own).
 */
const SUBMIT = 'Đã hoàn thành, đề nghị tiếp nhận';
const at = (m: number, d: number, h = 9) => Date.UTC(2025, m - 1, d, h - 7, 0, 0);
const HOUR = 60 * 60 * 1000;
const pick = (code: string) => SAMPLE_UNITS.find((u) => u.code === code) as SampleUnit;
const UNITS = ['TP', 'HX', 'VO'].map(pick);

let office: Office;
afterEach(() => office.close());

function submitPlans(): void {
  const { emu, master } = office;
  emu.ctx.clock.set(at(2, 10));
  for (const u of UNITS) {
    const id = unitFileId(master, u.code);
    fillTaskTable(emu, focalEmail(u), id, 'Nhiệm vụ', sampleTasks(u, UNITS));
    setUnitState(emu, focalEmail(u), id, SUBMIT);
  }
  entry.menuRefreshStatus();
  expect(lastLog(master)[3]).toBe('Thành công');
}

/** The document properties whose keys start with `prefix`, as one text (keys and values). */
function stored(prefix: string): string {
  const props = office.emu.PropertiesService.getDocumentProperties().getProperties();
  return Object.entries(props)
    .filter(([k]) => k.startsWith(prefix))
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}

describe("the progress sheets' gids", () => {
  it('a refresh before the push reads the changed files without opening one to look for "Tiến độ Quý I"', () => {
    office = provisionedOffice(UNITS);
    submitPlans();
    // The submissions were archived and locked: their files changed, so the next hour reads them
    // all again, each with its Quý I open and no progress sheet made yet.
    office.emu.ctx.clock.advance(HOUR);
    const opened = office.emu.ctx.ledger.count('SpreadsheetApp.openById');
    entry.menuRefreshStatus();
    expect(lastLog(office.master)[3]).toBe('Thành công');
    expect(office.emu.ctx.ledger.count('SpreadsheetApp.openById') - opened).toBe(0);
  });

  it('the push keeps them in the period store, not in the shared gid maps; the refresh then reads them', () => {
    office = provisionedOffice(UNITS);
    submitPlans();
    office.emu.ctx.clock.advance(HOUR);
    entry.menuPushTemplate();
    expect(lastLog(office.master)[3]).toBe('Thành công');
    expect(stored('cchc.gids.')).not.toContain('Tiến độ');
    const store = stored('cchc.progressGids.quy-i.');
    const ids = UNITS.map((u) => {
      const ss = office.emu.SpreadsheetApp.openById(unitFileId(office.master, u.code));
      return ss.getSheetByName('Tiến độ Quý I')?.getSheetId();
    });
    for (const id of ids) expect(store).toContain(`:${String(id)}`);

    // A unit types its progress and sends it: the refresh reads the sheet by its CSV export.
    const hx = UNITS[1];
    const id = unitFileId(office.master, hx.code);
    office.emu.as(focalEmail(hx), () => {
      const ss = office.emu.SpreadsheetApp.openById(id);
      ss.getSheetByName('Nộp kế hoạch')?.getRange(7, 3).setValue(SUBMIT);
    });
    office.emu.ctx.clock.advance(HOUR);
    const opened = office.emu.ctx.ledger.count('SpreadsheetApp.openById');
    entry.menuRefreshStatus();
    expect(lastLog(office.master)[3]).toBe('Thành công');
    expect(office.emu.ctx.ledger.count('SpreadsheetApp.openById') - opened).toBe(0);
    const track = office.master.getSheetByName('Theo dõi nộp')?.getDataRange().getValues() ?? [];
    const row = track.find((r) => r[0] === hx.code && String(r[2]).startsWith('Báo cáo tiến độ Quý I'));
    expect(row?.[3]).toBe('Đã nộp');
  });
});
