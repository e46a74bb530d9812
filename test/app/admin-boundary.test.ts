import * as entry from '../../src/index';
import { focalEmail, SAMPLE_ADMIN, SAMPLE_UNITS } from '../../sample/vinh-linh';
import { urlFetchControls } from '../../emulator';
import { lastLog, openOffice, Office, provisionedOffice, setConfig, unitFileId } from '../fixtures/office';

const OUTSIDER = 'khac@vinhlinh.example.vn';
const SECOND = 'pho.phong@vinhlinh.example.vn';

function lastDialog(office: Office): string {
  return office.emu.ui.dialogs().at(-1)?.prompt ?? '';
}

function editorsOf(office: Office): string[] {
  return office.master.getEditors().map((u) => u.getEmail());
}

describe('the master editors are the admins', () => {
  let office: Office;
  afterEach(() => office.close());

  it('every action from the menu warns, naming an editor who is not an admin', () => {
    office = openOffice();
    entry.menuSetup();
    office.master.addEditor(OUTSIDER);
    entry.menuCheckRegistry();
    expect(lastDialog(office)).toContain(`${OUTSIDER} có quyền sửa bảng tính tổng hợp`);
    entry.menuSetup();
    expect(lastDialog(office)).toContain(OUTSIDER);
    expect(lastLog(office.master)[5]).toContain(OUTSIDER);
  });

  it('says nothing when the editors are the admins (owner included)', () => {
    office = openOffice();
    entry.menuSetup(); // the first run asks which preset: that prompt is the only dialog so far
    const before = office.emu.ui.dialogs().length;
    office.master.addEditor(SECOND);
    setConfig(office.master, 'admins', `${SAMPLE_ADMIN}, ${SECOND}`);
    entry.menuSetup();
    expect(office.emu.ui.dialogs().slice(before)).toEqual([]);
  });

  it('the fix makes the outsider a viewer, after asking; admins and the owner keep editing', () => {
    office = openOffice();
    entry.menuSetup();
    office.master.addEditor(SECOND);
    office.master.addEditor(OUTSIDER);
    setConfig(office.master, 'admins', `${SAMPLE_ADMIN}, ${SECOND}`);
    const ui = office.emu.SpreadsheetApp.getUi();

    office.emu.ui.answerNext(ui.Button.NO);
    office.emu.as(SECOND, () => entry.menuRestrictMasterEditors());
    expect(editorsOf(office)).toContain(OUTSIDER);

    office.emu.ui.answerNext(ui.Button.YES);
    office.emu.as(SECOND, () => entry.menuRestrictMasterEditors());
    expect(editorsOf(office).sort()).toEqual([SAMPLE_ADMIN, SECOND].sort());
    expect(office.master.getViewers().map((u) => u.getEmail())).toContain(OUTSIDER);
    expect(lastLog(office.master).slice(1, 4)).toEqual([
      SECOND,
      'Chỉ để quản trị sửa bảng tổng hợp',
      'Thành công',
    ]);
  });

  it('the fix is refused to someone who is not an admin', () => {
    office = openOffice();
    entry.menuSetup();
    office.master.addEditor(OUTSIDER);
    office.emu.as(OUTSIDER, () => entry.menuRestrictMasterEditors());
    expect(editorsOf(office)).toContain(OUTSIDER);
    expect(lastDialog(office)).toContain('không có quyền quản trị');
  });
});

describe('protections of the data the product relies on are real, admins only', () => {
  let office: Office;
  afterEach(() => office.close());

  it('an editor who is not an admin cannot add themself to "Email quản trị"', () => {
    office = openOffice();
    entry.menuSetup();
    office.master.addEditor(OUTSIDER);
    expect(() => office.emu.as(OUTSIDER, () => setConfig(office.master, 'admins', OUTSIDER))).toThrow(
      'protected cell',
    );
    // A second admin, once setup ran again, can.
    office.master.addEditor(SECOND);
    setConfig(office.master, 'admins', `${SAMPLE_ADMIN}, ${SECOND}`);
    entry.menuSetup();
    expect(() =>
      office.emu.as(SECOND, () => setConfig(office.master, 'admins', `${SAMPLE_ADMIN}, ${SECOND}`)),
    ).not.toThrow();
  });

  it('"Theo dõi nộp" and "Thư đã gửi" refuse an editor who is not an admin; admins write them', () => {
    office = provisionedOffice(SAMPLE_UNITS.slice(0, 2));
    office.master.addEditor(SECOND);
    setConfig(office.master, 'admins', `${SAMPLE_ADMIN}, ${SECOND}`);
    entry.menuSetup();
    entry.menuRefreshStatus();
    office.emu.ctx.clock.set(new Date(Date.UTC(2025, 0, 7, 2)));
    entry.menuSendReminders();
    expect(lastLog(office.master).slice(1, 4)).toEqual([SAMPLE_ADMIN, 'Gửi nhắc nhở', 'Thành công']);
    entry.menuRefreshStatus(); // the sheet is rebuilt: its protection with it
    expect(lastLog(office.master).slice(1, 4)).toEqual([SAMPLE_ADMIN, 'Cập nhật trạng thái', 'Thành công']);
    office.master.addEditor(OUTSIDER);
    for (const name of ['Theo dõi nộp', 'Thư đã gửi']) {
      const sheet = office.master.getSheetByName(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      expect(sheet.getLastRow()).toBeGreaterThan(1);
      expect(() => office.emu.as(OUTSIDER, () => sheet.getRange(2, 1).setValue('x'))).toThrow(
        'protected cell',
      );
      const cell = sheet.getRange(2, 1);
      const kept = cell.getValue() as string;
      expect(() => office.emu.as(SECOND, () => cell.setValue(kept))).not.toThrow();
    }
  });

  it('setup makes an older master\'s warning-only "Thư đã gửi" protection real', () => {
    office = openOffice();
    entry.menuSetup();
    const sheet = office.master.insertSheet('Thư đã gửi');
    sheet.protect().setDescription('Thư đã gửi (do hệ thống ghi)').setWarningOnly(true);
    office.master.addEditor(OUTSIDER);
    entry.menuSetup();
    expect(() => office.emu.as(OUTSIDER, () => sheet.getRange(2, 1).setValue('x'))).toThrow('protected cell');
  });
});

describe('a unit sharing its own file', () => {
  it('is reported at the next status refresh, naming the extra editor and the open link, not undone', () => {
    const office = provisionedOffice(SAMPLE_UNITS.slice(12, 14));
    try {
      const { emu, master } = office;
      const [unit, other] = SAMPLE_UNITS.slice(12, 14);
      const id = unitFileId(master, unit.code);
      emu.as(focalEmail(unit), () => {
        const file = emu.DriveApp.getFileById(id);
        file.addEditor('ban.be@gmail.example.com');
        file.setSharing(emu.DriveApp.Access.ANYONE_WITH_LINK, emu.DriveApp.Permission.VIEW);
      });
      const listings = () =>
        urlFetchControls(emu.ctx)
          .requests()
          .filter((r) => r.url.includes('/drive/v3/files?')).length;
      const before = listings();
      entry.menuRefreshStatus();
      const report = emu.ui.dialogs().at(-1)?.prompt ?? '';
      expect(report).toContain(
        `${unit.name}: tệp đang được chia sẻ ngoài danh sách đầu mối (cho ban.be@gmail.example.com quyền sửa; mở cho mọi người có đường liên kết)`,
      );
      expect(report).not.toContain(`${other.name}: tệp đang được chia sẻ`);
      expect(lastLog(master)[5]).toContain('ban.be@gmail.example.com');
      // Reported, not undone: that is the template push's job.
      const file = emu.DriveApp.getFileById(id);
      expect(file.getEditors().map((u) => u.getEmail())).toContain('ban.be@gmail.example.com');
      // One more folder listing for the whole refresh, no call per file.
      expect(listings() - before).toBeLessThanOrEqual(2);
    } finally {
      office.close();
    }
  });
});
