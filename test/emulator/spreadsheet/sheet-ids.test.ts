import { createDriveApp } from '../../../emulator/services/drive';
import { world } from './helpers';

/** A file built by the same code each time: the default sheet renamed, three sheets inserted. */
function build(app: ReturnType<typeof world>['app'], name: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = app.create(name);
  ss.getSheets()[0].setName('Hướng dẫn');
  for (const sheet of ['Kế hoạch', 'Nhiệm vụ', 'Nộp kế hoạch']) ss.insertSheet(sheet);
  return ss;
}

const gids = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => ss.getSheets().map((s) => s.getSheetId());

describe('sheet ids (gids)', () => {
  it('a new file’s first sheet is gid 0; inserted sheets get random, unrelated ids', () => {
    const w = world();
    const ids = gids(build(w.app, 'A'));
    expect(ids[0]).toBe(0);
    const inserted = ids.slice(1);
    for (const id of inserted) {
      expect(Number.isInteger(id)).toBe(true);
      expect(id).toBeGreaterThan(0);
      expect(id).toBeLessThanOrEqual(2_147_483_647);
    }
    expect(new Set(inserted).size).toBe(inserted.length);
    // Not a sequence: consecutive inserts differ by no common step.
    expect(inserted[1] - inserted[0]).not.toBe(inserted[2] - inserted[1]);
    expect(inserted.every((id) => id > 1000)).toBe(true);
  });

  it('two files built the same way do not share the gids of their inserted sheets', () => {
    const w = world();
    const a = gids(build(w.app, 'Mẫu cũ'));
    const b = gids(build(w.app, 'Mẫu mới'));
    expect(b[0]).toBe(0);
    for (const id of b.slice(1)) expect(a).not.toContain(id);
  });

  it('a copy keeps its source’s gids; a sheet inserted into the copy gets a new random id', () => {
    const w = world();
    const drive = createDriveApp(w.ctx);
    const source = build(w.app, 'Mẫu');
    const copyId = drive.getFileById(source.getId()).makeCopy('Bản sao').getId();
    const copy = w.app.openById(copyId);
    expect(gids(copy)).toEqual(gids(source));
    const added = copy.insertSheet('Thêm').getSheetId();
    const sourceAdded = source.insertSheet('Thêm').getSheetId();
    expect(added).not.toBe(sourceAdded);
    expect(gids(source)).not.toContain(added);
  });

  it('is deterministic per emulator instance: the same code gives the same ids in every run', () => {
    expect(gids(build(world().app, 'A'))).toEqual(gids(build(world().app, 'A')));
  });
});
