import { REGISTRY_HEADER_ROW, registryColumn } from '../../src/domain/registry/columns';
import { TASK_FIRST_SECTION_ROW } from '../../src/domain/unit-file/sheets';
import { completionExamples, DEFAULT_TASK_COLUMNS } from '../../src/domain/plan/columns';
import * as entry from '../../src/index';
import { focalEmail, registryRows, SAMPLE_UNITS } from '../../sample/vinh-linh';
import { lastLog, Office, provisionedOffice, setConfig, typeRegistry } from '../fixtures/office';
import { setUnitState } from '../../sample/fill';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function fileId(master: Spreadsheet, index: number): string {
  const sheet = master.getSheetByName('Đơn vị');
  return String(sheet?.getRange(REGISTRY_HEADER_ROW + 1 + index, registryColumn('fileId')).getValue());
}

/** Every value and formula of every sheet the unit can type in. */
function unitInputs(ss: Spreadsheet): string {
  return JSON.stringify(
    ['Kế hoạch', 'Nhiệm vụ', 'Đề xuất', 'Nộp kế hoạch'].map((name) => {
      const sheet = ss.getSheetByName(name);
      if (!sheet) return null;
      const range = sheet.getDataRange();
      return [range.getValues(), range.getFormulas()];
    }),
  );
}

describe('Cập nhật mẫu cho các đơn vị', () => {
  let office: Office;
  afterEach(() => office.close());

  it('updates lists, guidance and protections but leaves every unit cell byte-identical', () => {
    const units = SAMPLE_UNITS.slice(0, 3);
    office = provisionedOffice(units);
    const { emu, master } = office;
    const id = fileId(master, 0); // an agency: has "Đề xuất"
    const focal = focalEmail(units[0]);
    emu.as(focal, () => {
      const ss = emu.SpreadsheetApp.openById(id);
      const tasks = ss.getSheetByName('Nhiệm vụ');
      if (!tasks) throw new Error('no tasks');
      tasks.insertRowsAfter(TASK_FIRST_SECTION_ROW, 2);
      tasks.getRange(TASK_FIRST_SECTION_ROW + 1, 1, 2, 7).setValues([
        [
          '1',
          '\'=IMPORTXML("http://x","//a")',
          'Kế hoạch',
          'Văn phòng HĐND và UBND huyện',
          '',
          'Quý I/2025',
          50000000,
        ],
        ['2', "'- Rà soát", '', '', '', "'0012", 'Kinh phí thường xuyên'],
      ]);
      ss.getSheetByName('Kế hoạch')?.getRange(5, 3).setValue('Mục tiêu: 100% hồ sơ đúng hạn');
      ss.getSheetByName('Đề xuất')
        ?.getRange(TASK_FIRST_SECTION_ROW + 1, 2)
        .setValue('Số hóa hồ sơ');
    });
    const before = unitInputs(emu.SpreadsheetApp.openById(id));

    // The office adds a unit: the dropdown list in every file must offer it after the push.
    typeRegistry(master, registryRows(SAMPLE_UNITS.slice(0, 4)));
    entry.menuPushTemplate();
    expect(lastLog(master).slice(2, 5)).toEqual([
      'Cập nhật mẫu cho các đơn vị',
      'Thành công',
      'cập nhật 3, lỗi 0',
    ]);

    const ss = emu.SpreadsheetApp.openById(id);
    expect(unitInputs(ss)).toBe(before);
    const lists = ss.getSheetByName('Danh mục')?.getRange(2, 1, 4, 1).getValues().flat();
    expect(lists).toEqual(SAMPLE_UNITS.slice(0, 4).map((u) => u.name));

    // Section rows moved down by the inserted rows: still locked for the unit, at their new place.
    emu.as(focal, () => {
      const tasks = emu.SpreadsheetApp.openById(id).getSheetByName('Nhiệm vụ');
      expect(() => tasks?.getRange(TASK_FIRST_SECTION_ROW, 2).setValue('x')).toThrow('protected cell');
      const sectionII = (tasks?.getRange(1, 1, 40, 1).getValues() ?? []).findIndex((r) => r[0] === 'II') + 1;
      expect(sectionII).toBeGreaterThan(TASK_FIRST_SECTION_ROW + 8);
      expect(() => tasks?.getRange(sectionII, 2).setValue('x')).toThrow('protected cell');
      expect(() => tasks?.getRange(sectionII + 1, 2).setValue('Việc mới')).not.toThrow();
    });
    const protections =
      ss.getSheetByName('Nhiệm vụ')?.getProtections(emu.SpreadsheetApp.ProtectionType.RANGE) ?? [];
    expect(protections.length).toBe(10);
  });

  it('reports a unit whose task table header was changed, and skips only that table', () => {
    office = provisionedOffice(SAMPLE_UNITS.slice(0, 1));
    const { emu, master } = office;
    const ss = emu.SpreadsheetApp.openById(fileId(master, 0));
    ss.getSheetByName('Nhiệm vụ')?.getRange(4, 2).setValue('Tên nhiệm vụ'); // the owner can edit protected cells
    entry.menuPushTemplate();
    const message = emu.ui.dialogs().at(-1)?.prompt ?? '';
    expect(message).toContain('trang "Nhiệm vụ"');
    expect(message).toContain('Tên nhiệm vụ');
  });

  it('keeps a submitted round locked', () => {
    office = provisionedOffice(SAMPLE_UNITS.slice(12, 13));
    const { emu, master } = office;
    const unit = SAMPLE_UNITS[12];
    const id = fileId(master, 0);
    setUnitState(emu, focalEmail(unit), id, 'Đã hoàn thành, đề nghị tiếp nhận');
    entry.menuRefreshStatus();
    const edit = () =>
      emu.as(focalEmail(unit), () =>
        emu.SpreadsheetApp.openById(id)
          .getSheetByName('Nhiệm vụ')
          ?.getRange(TASK_FIRST_SECTION_ROW + 1, 2)
          .setValue('sửa'),
      );
    expect(edit).toThrow('protected cell');
    entry.menuPushTemplate();
    expect(edit).toThrow('protected cell');
  });
});

describe('the pushed help of the completion column', () => {
  let office: Office;
  afterEach(() => office.close());

  it("gives the plan year's examples, also after the year changed", () => {
    office = provisionedOffice(SAMPLE_UNITS.slice(0, 1));
    setConfig(office.master, 'planYear', 2026); // its deadlines (2025) are the year before: valid
    entry.menuPushTemplate();
    const ss = office.emu.SpreadsheetApp.openById(fileId(office.master, 0));
    const completion = DEFAULT_TASK_COLUMNS.findIndex((c) => c.role === 'completion') + 1;
    const rule = ss
      .getSheetByName('Nhiệm vụ')
      ?.getRange(TASK_FIRST_SECTION_ROW + 1, completion)
      .getDataValidation();
    expect(rule?.getHelpText()).toBe(completionExamples(2026));
    expect(rule?.getHelpText()).not.toContain('/…');
  });
});

describe('sharing follows the registry', () => {
  it('adds a new focal point, removes one no longer listed, and switches link sharing off', () => {
    const office = provisionedOffice(SAMPLE_UNITS.slice(12, 13));
    try {
      const { emu, master } = office;
      const id = fileId(master, 0);
      const file = emu.DriveApp.getFileById(id);
      file.addEditor('nguoicu@vinhlinh.example.vn');
      file.setSharing(emu.DriveApp.Access.ANYONE_WITH_LINK, emu.DriveApp.Permission.VIEW);
      const rows = registryRows(SAMPLE_UNITS.slice(12, 13));
      rows[0][3] = 'moi@vinhlinh.example.vn';
      typeRegistry(master, rows);
      entry.menuPushTemplate();
      const editors = file
        .getEditors()
        .map((u) => u.getEmail())
        .filter((e) => e !== 'noivu@vinhlinh.example.vn');
      expect(editors).toEqual(['moi@vinhlinh.example.vn']);
      expect(String(file.getSharingAccess())).toBe('PRIVATE');
      const report = office.emu.ui.dialogs().at(-1)?.prompt ?? '';
      expect(report).toContain('chia sẻ lại theo danh sách đơn vị ở 1 đơn vị');
      expect(report).toContain('đã cấp quyền sửa tệp cho moi@vinhlinh.example.vn');
      expect(report).toMatch(/đã gỡ quyền sửa tệp của .*nguoicu@vinhlinh\.example\.vn/);
      expect(lastLog(master).slice(2, 4)).toEqual(['Cập nhật mẫu cho các đơn vị', 'Thành công']);
    } finally {
      office.close();
    }
  });

  it("names a focal point added to the registry since the last push, with that push's date", () => {
    const office = provisionedOffice(SAMPLE_UNITS.slice(12, 13));
    try {
      const { emu, master } = office;
      entry.menuPushTemplate(); // records the focal points
      emu.ctx.clock.advance(3 * 24 * 3600 * 1000);
      const rows = registryRows(SAMPLE_UNITS.slice(12, 13));
      rows[0][3] = `${rows[0][3]}, la@vinhlinh.example.vn`;
      typeRegistry(master, rows);
      entry.menuPushTemplate();
      const report = emu.ui.dialogs().at(-1)?.prompt ?? '';
      expect(report).toMatch(
        /đầu mối trong trang "Đơn vị" đã bị sửa từ sau lần cập nhật \d\d\/\d\d\/\d{4} \d\d:\d\d \(thêm la@vinhlinh\.example\.vn\)/,
      );
      expect(report).toContain('đã cấp quyền sửa tệp cho la@vinhlinh.example.vn');
      // Pushed again with no change: nothing to tell.
      entry.menuPushTemplate();
      expect(emu.ui.toasts().at(-1)?.message).toContain('Đã cập nhật mẫu cho 1 đơn vị.');
    } finally {
      office.close();
    }
  });

  it("pushes the master's guidance and funding sources into every unit file", () => {
    const office = provisionedOffice(SAMPLE_UNITS.slice(0, 2));
    const { emu, master } = office;
    setConfig(master, 'guidance3', 'Vận hành Trung tâm Phục vụ hành chính công theo mô hình mới.');
    setConfig(master, 'fundingSources', 'Ngân sách tỉnh\nNgân sách xã\nXã hội hóa');
    entry.menuPushTemplate();
    expect(lastLog(master)[3]).toBe('Thành công');
    const ss = emu.SpreadsheetApp.openById(fileId(master, 1));
    const guide = ss.getSheetByName('Hướng dẫn')?.getDataRange().getValues().flat().map(String) ?? [];
    expect(guide).toContain('- Vận hành Trung tâm Phục vụ hành chính công theo mô hình mới.');
    expect(guide.join('\n')).not.toContain('Bộ phận một cửa cấp huyện');
    const lists = ss.getSheetByName('Danh mục')?.getDataRange().getValues() ?? [];
    const sources = lists
      .slice(1)
      .map((r) => r[2])
      .filter(Boolean);
    expect(sources).toEqual(['Ngân sách tỉnh', 'Ngân sách xã', 'Xã hội hóa']);
    office.close();
  });
});
