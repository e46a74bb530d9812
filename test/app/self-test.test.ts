import { consentControls, runExecution, SCOPES, urlFetchControls } from '../../emulator';
import { MIME } from '../../emulator/core/drive-store';
import { propertyStores } from '../../emulator/services/properties';
import { spreadsheetModelOf } from '../../emulator/services/spreadsheet';
import { SAMPLE_ADMIN, SAMPLE_UNITS } from '../../sample/vinh-linh';
import { MENU } from '../../src/app/menu';
import * as entry from '../../src/index';
import { fillTaskTable } from '../../sample/fill';
import { sampleTasks } from '../../sample/tasks';
import { focalEmail } from '../../sample/vinh-linh';
import {
  lastLog,
  Office,
  openOffice,
  provisionedOffice,
  runContinuations,
  setConfig,
  unitFileId,
} from '../fixtures/office';

/**
 * "Kiểm tra hệ thống" on the emulator: the same code the menu runs on real Google. It must pass
 * every step, leave nothing of its own behind (everything it made is in the trash), and leave
 * the office's sheets, settings, document properties and triggers exactly as they were.
 */

const UNITS = SAMPLE_UNITS.filter((u) => ['TP', 'VHO', 'BQLDA'].includes(u.code));
const STEPS = 10;

/** Every sheet of a spreadsheet as name → values, read from the model (no Apps Script call). */
function sheetsOf(office: Office, id = office.master.getId()): Map<string, unknown[][]> {
  const model = spreadsheetModelOf(office.emu.ctx, id);
  if (!model) throw new Error('no spreadsheet');
  return new Map(
    model.sheets.map((s) => [
      s.name,
      Array.from({ length: s.lastRow() }, (_, r) =>
        Array.from({ length: s.lastColumn() }, (_, c) => s.valueAt(r + 1, c + 1) ?? ''),
      ),
    ]),
  );
}

interface Snapshot {
  readonly items: Set<string>;
  readonly trashed: Set<string>;
  readonly updated: Map<string, number>;
  readonly sheets: Map<string, unknown[][]>;
  readonly properties: Map<string, string>;
  readonly triggers: number;
}

function snapshot(office: Office): Snapshot {
  const { ctx } = office.emu;
  const all = ctx.drive.all().filter((it) => !it.deleted);
  return {
    items: new Set(all.map((it) => it.id)),
    trashed: new Set(all.filter((it) => ctx.drive.isTrashed(it)).map((it) => it.id)),
    updated: new Map(all.map((it) => [it.id, it.updatedMs])),
    sheets: sheetsOf(office),
    properties: new Map(propertyStores(ctx).document),
    triggers: office.emu.ScriptApp.getProjectTriggers().length,
  };
}

/** What the run created in Drive (files and folders), and which of them are not in the trash. */
function created(office: Office, before: Snapshot) {
  const { ctx } = office.emu;
  const made = ctx.drive.all().filter((it) => !it.deleted && !before.items.has(it.id));
  return { made, live: made.filter((it) => !ctx.drive.isTrashed(it)) };
}

function expectOfficeUntouched(office: Office, before: Snapshot): void {
  const after = snapshot(office);
  const sheets = new Map(after.sheets);
  const log = sheets.get('Nhật ký') ?? [];
  sheets.delete('Nhật ký');
  const expected = new Map(before.sheets);
  const logBefore = expected.get('Nhật ký') ?? [];
  expected.delete('Nhật ký');
  expect(sheets).toEqual(expected);
  expect(log.slice(0, logBefore.length)).toEqual(logBefore); // only appended to
  expect(after.properties).toEqual(before.properties);
  expect(after.triggers).toBe(before.triggers);
  // None of the office's files went to the trash.
  expect([...after.trashed].filter((id) => before.items.has(id))).toEqual([...before.trashed]);
  // The office's own files (the master aside, which gets the log row) were not written to.
  for (const [id, ms] of before.updated) {
    if (id !== office.master.getId()) expect([id, after.updated.get(id)]).toEqual([id, ms]);
  }
}

const lastAlert = (office: Office) => office.emu.ui.dialogs().at(-1);

describe('Kiểm tra hệ thống', () => {
  let office: Office;
  afterEach(() => office.close());

  it('is the last menu group, and the bundle exports its callback', () => {
    expect(MENU[MENU.length - 1]).toEqual({
      label: '4. Hệ thống',
      items: [{ label: 'Kiểm tra hệ thống', functionName: 'menuSelfTest' }],
    });
    expect(typeof entry.menuSelfTest).toBe('function');
    office = openOffice();
  });

  it('passes every step on a working office, trashes all it made, and changes nothing of the office', () => {
    office = provisionedOffice(UNITS);
    // The office is mid-year: a unit has typed tasks and the data is consolidated.
    const tp = UNITS[0];
    fillTaskTable(
      office.emu,
      focalEmail(tp),
      unitFileId(office.master, tp.code),
      'Nhiệm vụ',
      sampleTasks(tp, UNITS),
    );
    entry.menuConsolidate();
    runContinuations(office);
    const before = snapshot(office);
    expect(before.properties.size).toBeGreaterThan(0); // the office's templates and budget are remembered

    entry.menuSelfTest();

    const alert = lastAlert(office);
    expect(alert?.title).toBe('Kiểm tra hệ thống');
    const lines = (alert?.prompt ?? '').split('\n').filter((l) => l.startsWith('• '));
    expect(lines).toHaveLength(STEPS);
    expect(lines.every((l) => l.startsWith('• ✓ '))).toBe(true);
    expect(alert?.prompt).toContain('Hệ thống hoạt động bình thường');
    expect(lastLog(office.master).slice(1, 5)).toEqual([
      SAMPLE_ADMIN,
      'Kiểm tra hệ thống',
      'Thành công',
      `đạt ${STEPS}/${STEPS}`,
    ]);

    // It really made the files of a small year — and every one of them is in the trash now.
    const { made, live } = created(office, before);
    const kinds = (mime: string) => made.filter((it) => it.mimeType === mime).length;
    expect(kinds(MIME.spreadsheet)).toBeGreaterThanOrEqual(1 + 2 + 2 + 2); // master, templates, units, snapshots
    expect(kinds(MIME.document)).toBe(2); // the layout template (once per office) and the unit's Doc
    expect(kinds(MIME.pdf)).toBe(1);
    expect(live.map((it) => it.name)).toEqual([]);
    // Trashed, not deleted: recoverable from the trash like anything a person trashes.
    expect(made.every((it) => it.trashed)).toBe(true);

    expectOfficeUntouched(office, before);
  });

  it('passes as ONE execution, where its typed tasks and submission are bundled writes', () => {
    // On Google the menu run is one execution: what the self-test types is applied only at a
    // flush, so its reads through the CSV export must come after one (core/pending-writes.ts).
    office = provisionedOffice(UNITS);
    runExecution(office.emu.ctx, () => entry.menuSelfTest());
    const prompt = lastAlert(office)?.prompt ?? '';
    const lines = prompt.split('\n').filter((l) => l.startsWith('• '));
    expect(lines.filter((l) => !l.startsWith('• ✓ '))).toEqual([]);
    expect(lines).toHaveLength(STEPS);
  });

  it('reports the failing step with its error, skips the rest, and still cleans up', () => {
    office = provisionedOffice(UNITS);
    const before = snapshot(office);
    // The fault lasts: generation tries a failing unit once more at once, and that fails too.
    for (let attempt = 0; attempt < 2; attempt++)
      office.emu.ctx.ledger.failOn(
        'DocumentApp.create',
        1,
        () => new Error('Service unavailable: Documents'),
      );

    entry.menuSelfTest();

    const prompt = lastAlert(office)?.prompt ?? '';
    expect(prompt).toContain('Kiểm tra hệ thống không đạt (9/10 bước đạt)');
    expect(prompt).toContain('• ✗ Tạo văn bản kế hoạch: ');
    expect(prompt).toContain('Service unavailable: Documents');
    expect(prompt).toContain('• ✓ Dọn dẹp (chuyển vào thùng rác)');
    expect(lastLog(office.master)[3]).toBe('Không thành công');
    expect(created(office, before).live.map((it) => it.name)).toEqual([]);
    expectOfficeUntouched(office, before);
  });

  it('skips every later step when provisioning fails, and trashes the templates it had made', () => {
    office = provisionedOffice(UNITS);
    const before = snapshot(office);
    // The parallel copies keep failing, and so does the one-by-one fallback.
    urlFetchControls(office.emu.ctx).failNext('/copy', 503, { times: 100 });
    office.emu.ctx.ledger.failOn('File.makeCopy', 1, () => new Error('Drive quota exceeded'));

    entry.menuSelfTest();

    const lines = (lastAlert(office)?.prompt ?? '').split('\n').filter((l) => l.startsWith('• '));
    expect(lines.map((l) => l.slice(2, 3))).toEqual(['✓', '✓', '✗', '–', '–', '–', '–', '–', '–', '✓']);
    expect(lines[2]).toContain('Drive quota exceeded');
    const { made, live } = created(office, before);
    expect(made.filter((it) => it.name.startsWith('[Mẫu]')).length).toBeGreaterThanOrEqual(1);
    expect(live).toEqual([]);
    expectOfficeUntouched(office, before);
  });

  it('fails the step whose fast path fell back on Google, naming the error, though the work got done', () => {
    office = provisionedOffice(UNITS);
    const before = snapshot(office);
    // The Drive API refuses every copy; DriveApp's makeCopy still makes them, one by one.
    urlFetchControls(office.emu.ctx).failNext('/copy', 503, { times: 100 });

    entry.menuSelfTest();

    const lines = (lastAlert(office)?.prompt ?? '').split('\n').filter((l) => l.startsWith('• '));
    expect(lines[2]).toMatch(
      /^• ✗ Tạo bảng tính cho 2 đơn vị: .*sao chép tệp qua Drive API không được, đã dùng cách chậm \(.*503/,
    );
    expect(lines.slice(3, -1).every((l) => l.startsWith('• – '))).toBe(true);
    expect(created(office, before).live).toEqual([]);
  });

  it('fails the consolidation step when the CSV export fell back to SpreadsheetApp', () => {
    office = provisionedOffice(UNITS);
    urlFetchControls(office.emu.ctx).failNext('/export', 500, { times: 1000 });

    entry.menuSelfTest();

    const lines = (lastAlert(office)?.prompt ?? '').split('\n').filter((l) => l.startsWith('• '));
    expect(lines.slice(0, 4).every((l) => l.startsWith('• ✓ '))).toBe(true);
    expect(lines[4]).toMatch(
      /^• ✗ Tổng hợp dữ liệu .*đọc bảng tính qua xuất CSV không được, đã dùng cách chậm/,
    );
  });

  it('checks the permissions first: one left unticked fails that step and nothing is made', () => {
    office = provisionedOffice(UNITS);
    const before = snapshot(office);
    consentControls(office.emu.ctx).decline([SCOPES.sendMail]);

    entry.menuSelfTest();

    const lines = (lastAlert(office)?.prompt ?? '').split('\n').filter((l) => l.startsWith('• '));
    expect(lines[0]).toContain(
      '• ✗ Quyền của tập lệnh: tài khoản chưa cho phép hệ thống: "gửi email thay bạn"',
    );
    expect(lines.slice(1, -1).every((l) => l.startsWith('• – '))).toBe(true);
    expect(created(office, before).made).toEqual([]);
  });

  it('shares one unit file with two focal points when the office has a second admin', () => {
    office = provisionedOffice(UNITS);
    const second = 'pho.phong@vinhlinh.example.vn';
    setConfig(office.master, 'admins', `${SAMPLE_ADMIN}, ${second}`);
    const before = snapshot(office);

    entry.menuSelfTest();

    const lines = (lastAlert(office)?.prompt ?? '').split('\n').filter((l) => l.startsWith('• '));
    expect(lines.filter((l) => !l.startsWith('• ✓ '))).toEqual([]);
    expect(lines[2]).toContain(`chia sẻ cho ${second}`);
    const unitFile = created(office, before).made.find((it) => it.name.includes('Cơ quan thử nghiệm'));
    expect(unitFile && [...unitFile.editors]).toEqual([second]);
  });

  it('defers, not fails, a step whose job paused at its time budget, and forgets the scratch job', () => {
    office = provisionedOffice(UNITS);
    const before = snapshot(office);
    const { ledger, clock } = office.emu.ctx;
    // Google is slow today: three and a half minutes pass while the scratch master is created, so
    // provisioning starts in time but its units no longer fit before the limit.
    let slowed = false;
    const undo = ledger.onCharge((key) => {
      if (key === 'SpreadsheetApp.create' && !slowed) {
        slowed = true;
        clock.advance(210 * 1000);
      }
    });
    entry.menuSelfTest();
    undo();

    const lines = (lastAlert(office)?.prompt ?? '').split('\n').filter((l) => l.startsWith('• '));
    expect(lines.map((l) => l.slice(2, 3))).toEqual(['✓', '✓', '⏸', '⏸', '⏸', '⏸', '⏸', '⏸', '⏸', '✓']);
    expect(lines[2]).toContain('chưa xong trong lần chạy này');
    expect(lines[3]).toContain('chưa chạy vì bước trước chưa xong');
    expect(lastAlert(office)?.prompt).toContain('Kiểm tra hệ thống chưa xong trong một lần chạy');
    expect(created(office, before).live).toEqual([]);
    expectOfficeUntouched(office, before); // no job record or continuation trigger left behind
  });

  it('skips the steps that would start too late for cleanup before the 6-minute limit', () => {
    office = provisionedOffice(UNITS);
    const before = snapshot(office);
    const { ledger, clock } = office.emu.ctx;
    // Google is slow today: five minutes pass while the scratch master is being created.
    let slowed = false;
    const undo = ledger.onCharge((key) => {
      if (key === 'SpreadsheetApp.create' && !slowed) {
        slowed = true;
        clock.advance(5 * 60 * 1000);
      }
    });
    entry.menuSelfTest();
    undo();
    const lines = (lastAlert(office)?.prompt ?? '').split('\n').filter((l) => l.startsWith('• '));
    // Not a failure of the office's system: deferred, and said so.
    expect(lines.map((l) => l.slice(2, 3))).toEqual(['✓', '✓', '⏸', '⏸', '⏸', '⏸', '⏸', '⏸', '⏸', '✓']);
    expect(lines[2]).toContain('kịp dọn dẹp trước giới hạn 6 phút');
    expect(lastAlert(office)?.prompt).toContain('Kiểm tra hệ thống chưa xong trong một lần chạy');
    expect(created(office, before).live).toEqual([]);
  });

  it('works on a fresh master before setup, leaving it as it was', () => {
    office = openOffice();
    const before = snapshot(office);
    entry.menuSelfTest();
    expect(lastAlert(office)?.prompt).toContain('Hệ thống hoạt động bình thường');
    expect(created(office, before).live).toEqual([]);
    expect(sheetsOf(office)).toEqual(before.sheets); // no "Nhật ký" yet, so not even a log row
  });

  it('refuses a person who is not one of the office admins, creating nothing', () => {
    office = provisionedOffice(UNITS);
    const before = snapshot(office);
    office.master.addEditor('nhanvien@vinhlinh.example.vn');
    office.emu.as('nhanvien@vinhlinh.example.vn', () => entry.menuSelfTest());
    expect(lastAlert(office)?.prompt).toContain('không có quyền quản trị');
    expect(created(office, before).made).toEqual([]);
  });
});
