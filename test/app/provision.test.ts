import { REGISTRY_HEADER_ROW, registryColumn } from '../../src/domain/registry/columns';
import { TASK_FIRST_SECTION_ROW, TASK_HEADER_ROW } from '../../src/domain/unit-file/sheets';
import { runExecution } from '../../emulator';
import * as entry from '../../src/index';
import { focalEmail, SAMPLE_ADMIN, SAMPLE_UNITS, registryRows } from '../../sample/vinh-linh';
import { lastLog, Office, openOffice, provisionedOffice, typeRegistry } from '../fixtures/office';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function registryGrid(master: Spreadsheet): unknown[][] {
  const sheet = master.getSheetByName('Đơn vị');
  if (!sheet) throw new Error('no registry');
  return sheet.getRange(REGISTRY_HEADER_ROW + 1, 1, sheet.getLastRow() - REGISTRY_HEADER_ROW, 9).getValues();
}

function fileIdOf(master: Spreadsheet, code: string): string {
  const row = registryGrid(master).find((r) => r[0] === code);
  return String(row?.[registryColumn('fileId') - 1] ?? '');
}

describe('Tạo bảng tính cho đơn vị', () => {
  let office: Office;
  afterEach(() => office.close());

  it('creates one spreadsheet per unit of the sample district, shared with its focal point only', () => {
    office = provisionedOffice();
    const { emu, master } = office;
    expect(SAMPLE_UNITS.length).toBeGreaterThanOrEqual(35);
    for (const unit of SAMPLE_UNITS) {
      const id = fileIdOf(master, unit.code);
      expect(id).not.toBe('');
      const file = emu.DriveApp.getFileById(id);
      expect(file.getName()).toBe(`Kế hoạch CCHC 2025 - ${unit.name}`);
      const editors = file
        .getEditors()
        .map((u) => u.getEmail())
        .filter((e) => e !== SAMPLE_ADMIN);
      expect(editors).toEqual([focalEmail(unit)]);
      expect(file.getViewers().map((u) => u.getEmail())).not.toContain('anyone');
      expect(String(file.getSharingAccess())).toBe('PRIVATE');
      const sheets = emu.SpreadsheetApp.openById(id)
        .getSheets()
        .map((s) => s.getName());
      expect(sheets.includes('Đề xuất')).toBe(unit.kind === 'Cơ quan chuyên môn');
    }
    const tasks = emu.SpreadsheetApp.openById(fileIdOf(master, 'TP')).getSheetByName('Nhiệm vụ');
    expect(tasks?.getRange(3, 1).getValue()).toBe(
      '(Kèm theo Kế hoạch Cải cách hành chính năm 2025 của Phòng Tư pháp)',
    );
    expect(lastLog(master).slice(2, 5)).toEqual([
      'Tạo bảng tính cho đơn vị',
      'Thành công',
      `tạo ${SAMPLE_UNITS.length}, đã có 0, lỗi 0`,
    ]);
  });

  it('works as ONE execution: the templates it renders are flushed before Drive copies them', () => {
    // On Google the menu run is one execution and its SpreadsheetApp writes are bundled: a copy
    // made through Drive sees only what was applied (core/pending-writes.ts).
    office = provisionedOffice(SAMPLE_UNITS.slice(0, 4), false);
    runExecution(office.emu.ctx, () => entry.menuProvisionUnits());
    expect(lastLog(office.master).slice(3, 5)).toEqual(['Thành công', 'tạo 4, đã có 0, lỗi 0']);
    const tasks = office.emu.SpreadsheetApp.openById(fileIdOf(office.master, 'TP')).getSheetByName(
      'Nhiệm vụ',
    );
    expect(tasks?.getRange(3, 1).getValue()).toBe(
      '(Kèm theo Kế hoạch Cải cách hành chính năm 2025 của Phòng Tư pháp)',
    );
  });

  it('creates nothing on a second run', () => {
    office = provisionedOffice(SAMPLE_UNITS.slice(0, 6));
    const files = office.emu.DriveApp.getFilesByType('application/vnd.google-apps.spreadsheet');
    let before = 0;
    while (files.hasNext()) before += files.next() ? 1 : 0;
    entry.menuProvisionUnits();
    const again = office.emu.DriveApp.getFilesByType('application/vnd.google-apps.spreadsheet');
    let after = 0;
    while (again.hasNext()) after += again.next() ? 1 : 0;
    expect(after).toBe(before);
    expect(lastLog(office.master)[4]).toBe('tạo 0, đã có 6, lỗi 0');
  });

  it('reports a trashed or unreachable file and never recreates it', () => {
    office = provisionedOffice(SAMPLE_UNITS.slice(0, 3));
    const { emu, master } = office;
    const trashedId = fileIdOf(master, SAMPLE_UNITS[0].code);
    emu.DriveApp.getFileById(trashedId).setTrashed(true);
    emu.ctx.drive.deletePermanently(fileIdOf(master, SAMPLE_UNITS[1].code));
    entry.menuProvisionUnits();
    const dialog = emu.ui.dialogs().at(-1);
    expect(dialog?.prompt).toContain(`${SAMPLE_UNITS[0].name}: Tệp đã bị chuyển vào thùng rác`);
    expect(dialog?.prompt).toContain(`${SAMPLE_UNITS[1].name}: Không mở được tệp`);
    expect(fileIdOf(master, SAMPLE_UNITS[0].code)).toBe(trashedId);
    const state = registryGrid(master).map((r) => r[registryColumn('fileState') - 1]);
    expect(state.slice(0, 3)).toEqual([
      'Tệp đã bị chuyển vào thùng rác',
      'Không mở được tệp (đã bị xóa hoặc mất quyền truy cập)',
      'Đã tạo, đã chia sẻ',
    ]);
  });

  it('creates nothing when the registry has an error, and names the cell', () => {
    office = openOffice();
    entry.menuSetup();
    const rows = registryRows(SAMPLE_UNITS.slice(0, 3));
    rows[2][3] = 'khong-phai-email';
    typeRegistry(office.master, rows);
    entry.menuProvisionUnits();
    expect(office.emu.ui.dialogs().at(-1)?.prompt).toContain('ô D5');
    expect(office.emu.DriveApp.getFilesByType('application/vnd.google-apps.spreadsheet').hasNext()).toBe(
      true,
    ); // master
    expect(fileIdOf(office.master, SAMPLE_UNITS[0].code)).toBe('');
  });

  it('adopts a copy left by an interrupted run instead of making another', () => {
    office = openOffice();
    entry.menuSetup();
    typeRegistry(office.master, registryRows(SAMPLE_UNITS.slice(0, 2)));
    // The run dies personalising the second unit's copy: both copies exist (made in parallel),
    // the registry knows neither.
    office.emu.ctx.ledger.failOn('SpreadsheetApp.openById', 2);
    entry.menuProvisionUnits();
    const name = `Kế hoạch CCHC 2025 - ${SAMPLE_UNITS[1].name}`;
    expect(fileIdOf(office.master, SAMPLE_UNITS[1].code)).toBe('');
    expect(office.emu.DriveApp.getFilesByName(name).hasNext()).toBe(true);
    entry.menuProvisionUnits();
    const copies = office.emu.DriveApp.getFilesByName(name);
    const ids: string[] = [];
    while (copies.hasNext()) ids.push(copies.next().getId());
    expect(ids).toEqual([fileIdOf(office.master, SAMPLE_UNITS[1].code)]);
  });

  it('refuses a person who is not an admin', () => {
    office = provisionedOffice(SAMPLE_UNITS.slice(0, 2), false);
    office.master.addEditor('nhanvien@vinhlinh.example.vn');
    office.emu.as('nhanvien@vinhlinh.example.vn', () => entry.menuProvisionUnits());
    expect(office.emu.ui.dialogs().at(-1)?.prompt).toContain('không có quyền quản trị');
    expect(fileIdOf(office.master, SAMPLE_UNITS[0].code)).toBe('');
  });
});

describe("a unit's focal point in its own file", () => {
  let office: Office;
  afterEach(() => office.close());

  it('can fill task rows and its status, but not section rows, headers or the office cells', () => {
    office = provisionedOffice(SAMPLE_UNITS.slice(0, 2));
    const { emu, master } = office;
    const unit = SAMPLE_UNITS[1];
    const id = fileIdOf(master, unit.code);
    emu.as(focalEmail(unit), () => {
      const ss = emu.SpreadsheetApp.openById(id);
      const tasks = ss.getSheetByName('Nhiệm vụ');
      if (!tasks) throw new Error('no tasks');
      // Task columns are plain text: what the unit types stays text, even "- …" or "0012".
      tasks.getRange(TASK_FIRST_SECTION_ROW + 1, 1, 1, 3).setValues([['0012', '- Rà soát quy chế', '=1+1']]);
      expect(tasks.getRange(TASK_FIRST_SECTION_ROW + 1, 1, 1, 3).getValues()).toEqual([
        ['0012', '- Rà soát quy chế', '=1+1'],
      ]);
      expect(() => tasks.getRange(TASK_FIRST_SECTION_ROW, 2).setValue('Đổi tên mục')).toThrow(
        'protected cell',
      );
      expect(() => tasks.getRange(TASK_HEADER_ROW, 2).setValue('Tên')).toThrow('protected cell');
      expect(() => tasks.getRange(TASK_FIRST_SECTION_ROW + 1, 10).setValue('x')).toThrow('protected cell');
      tasks.insertRowsAfter(TASK_FIRST_SECTION_ROW + 1, 1);
      tasks.getRange(TASK_FIRST_SECTION_ROW + 2, 2).setValue('Nhiệm vụ thêm');
      const submission = ss.getSheetByName('Nộp kế hoạch');
      if (!submission) throw new Error('no submission sheet');
      submission.getRange(6, 3).setValue('Đã hoàn thành, đề nghị tiếp nhận');
      expect(() => submission.getRange(6, 5).setValue('Đã tiếp nhận')).toThrow('protected cell');
      expect(() => submission.getRange(6, 3).setValue('Xong rồi')).toThrow(
        'violates the data validation rules',
      );
      const plan = ss.getSheetByName('Kế hoạch');
      plan?.getRange(5, 3).setValue('Mục tiêu của đơn vị');
      expect(() => plan?.getRange(5, 2).setValue('Đổi nhãn')).toThrow('protected cell');
      expect(() => ss.getSheetByName('Hướng dẫn')?.getRange(1, 1).setValue('x')).toThrow('protected cell');
    });
  });

  it('cannot open another unit’s file', () => {
    office = provisionedOffice(SAMPLE_UNITS.slice(0, 2));
    const { emu, master } = office;
    const other = fileIdOf(master, SAMPLE_UNITS[0].code);
    expect(() => emu.as(focalEmail(SAMPLE_UNITS[1]), () => emu.SpreadsheetApp.openById(other))).toThrow();
  });
});
