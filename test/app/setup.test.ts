import * as entry from '../../src/index';
import { lastLog, openOffice, Office, setConfig } from '../fixtures/office';
import { SAMPLE_ADMIN } from '../../sample/vinh-linh';
import { exportSpreadsheetDetailed, readXlsx } from '../../emulator/export';

describe('Thiết lập ban đầu', () => {
  let office: Office;
  beforeEach(() => (office = openOffice()));
  afterEach(() => office.close());

  it('creates the configuration, registry and log sheets with the seed defaults', () => {
    entry.menuSetup();
    const names = office.master.getSheets().map((s) => s.getName());
    expect(names).toEqual(expect.arrayContaining(['Cấu hình', 'Đơn vị', 'Nhật ký']));
    const config = office.master.getSheetByName('Cấu hình');
    const values = config?.getDataRange().getValues() ?? [];
    const valueOf = (key: string) => values.find((r) => r[0] === key)?.[2];
    expect(valueOf('issuingAuthority')).toBe('UBND HUYỆN VĨNH LINH');
    expect(valueOf('planYear')).toBe(2025);
    expect(valueOf('admins')).toBe(SAMPLE_ADMIN);
    expect(lastLog(office.master).slice(1, 4)).toEqual([SAMPLE_ADMIN, 'Thiết lập ban đầu', 'Thành công']);
  });

  it('never overwrites what the office filled in when run again', () => {
    entry.menuSetup();
    const config = office.master.getSheetByName('Cấu hình');
    if (!config) throw new Error('no config');
    const row =
      config
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'placeName') + 1;
    config.getRange(row, 3).setValue('Gio Linh');
    const before = office.master.getSheets().length;
    entry.menuSetup();
    expect(config.getRange(row, 3).getValue()).toBe('Gio Linh');
    expect(office.master.getSheets().length).toBe(before);
    expect(office.emu.ui.toasts().at(-1)?.message).toContain('không ghi đè');
  });

  it('adds a setting row that is missing, below the others', () => {
    entry.menuSetup();
    const config = office.master.getSheetByName('Cấu hình');
    if (!config) throw new Error('no config');
    const row =
      config
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'taskRowsPerSection') + 1;
    config.deleteRow(row);
    entry.menuSetup();
    const keys = config
      .getDataRange()
      .getValues()
      .map((r) => r[0]);
    expect(keys.at(-1)).toBe('taskRowsPerSection');
  });

  it('refuses someone who is not an admin once admins are set', () => {
    entry.menuSetup();
    office.master.addEditor('khac@vinhlinh.example.vn');
    office.emu.as('khac@vinhlinh.example.vn', () => entry.menuSetup());
    const dialog = office.emu.ui.dialogs().at(-1);
    expect(dialog?.prompt).toContain('không có quyền quản trị');
    expect(lastLog(office.master).slice(2, 4)).toEqual(['Thiết lập ban đầu', 'Không thành công']);
  });
});

describe('a second admin', () => {
  it('can edit the protected master sheets once setup is run again', () => {
    const office = openOffice();
    try {
      entry.menuSetup();
      const second = 'pho.phong@vinhlinh.example.vn';
      office.master.addEditor(second);
      const registry = () => office.master.getSheetByName('Đơn vị')?.getRange(2, 1);
      expect(() => office.emu.as(second, () => registry()?.setValue('x'))).toThrow('protected cell');
      setConfig(office.master, 'admins', `${SAMPLE_ADMIN}, ${second}`);
      entry.menuSetup();
      expect(() => office.emu.as(second, () => registry()?.setValue('Mã đơn vị'))).not.toThrow();
    } finally {
      office.close();
    }
  });

  it('whose edit access comes from a Google Group can run setup when the list names people instead', () => {
    const office = openOffice();
    try {
      const group = 'cchc@vinhlinh.example.vn';
      const member = 'pho.phong@vinhlinh.example.vn';
      office.emu.ctx.drive.defineGroup(group, [member]);
      office.master.addEditor(group);
      entry.menuSetup();
      setConfig(office.master, 'admins', `${SAMPLE_ADMIN}, ${group}`);
      entry.menuSetup();
      // The office names its admins one by one; the member runs setup: the group goes away.
      setConfig(office.master, 'admins', `${SAMPLE_ADMIN}, ${member}`);
      office.emu.as(member, () => entry.menuSetup());
      expect(lastLog(office.master).slice(1, 4)).toEqual([member, 'Thiết lập ban đầu', 'Thành công']);
      const { RANGE, SHEET } = office.emu.SpreadsheetApp.ProtectionType;
      const locked = office.master
        .getSheets()
        .flatMap((sh) => [...sh.getProtections(SHEET), ...sh.getProtections(RANGE)])
        .filter((p) => !p.isWarningOnly());
      expect(locked.length).toBeGreaterThan(0);
      for (const p of locked) expect(p.getEditors().map((u) => u.getEmail())).toEqual([SAMPLE_ADMIN, member]);
    } finally {
      office.close();
    }
  });
});

describe('Thiết lập ban đầu: presets and upgrades', () => {
  let office: Office;
  afterEach(() => office.close());
  const ok = () => office.emu.SpreadsheetApp.getUi().Button.OK;
  const valueOf = (key: string) =>
    office.master
      .getSheetByName('Cấu hình')
      ?.getDataRange()
      .getValues()
      .find((r) => r[0] === key)?.[2];

  it("asks which preset on the first run; a province's kinds, with their commas, reach the .xlsx dropdown", async () => {
    office = openOffice(new Date(Date.UTC(2026, 11, 3, 2)));
    office.emu.ui.answerNext(ok(), '1');
    entry.menuSetup();
    expect(office.emu.ui.dialogs()[0]?.prompt).toContain('Chọn mẫu cấu hình');
    expect(valueOf('level')).toBe('tỉnh');
    expect(valueOf('planYear')).toBe(2027);
    expect(valueOf('parentAuthority')).toBe('');
    expect(valueOf('issuingAuthority')).toBe('');
    expect(valueOf('coordinatingOffice')).toBe('Sở Nội vụ');
    expect(String(valueOf('unitKinds'))).toContain('UBND xã, phường, đặc khu | có đề xuất');
    const kinds = office.master.getSheetByName('Danh mục')?.getRange('A2:A5').getValues().flat();
    expect(kinds).toEqual([
      'Sở, ban, ngành',
      'Cơ quan Trung ương trên địa bàn tỉnh',
      'Đơn vị sự nghiệp',
      'UBND xã, phường, đặc khu',
    ]);
    // The registry accepts exactly those labels.
    const kindCell = office.master.getSheetByName('Đơn vị')!.getRange('C3');
    expect(() => kindCell.setValue('UBND xã, phường, đặc khu')).not.toThrow();
    const { buffer } = await exportSpreadsheetDetailed(office.emu.ctx, office.master.getId());
    const wb = await readXlsx(Buffer.from(buffer));
    expect(wb.getWorksheet('Đơn vị')!.getCell('C3').dataValidation).toMatchObject({
      type: 'list',
      formulae: ["'Danh mục'!$A$2:$A$51"],
    });
  });

  it('a 2026 office must choose: a blank answer creates nothing', () => {
    office = openOffice(new Date(Date.UTC(2026, 11, 3, 2)));
    office.emu.ui.answerNext(ok(), '');
    entry.menuSetup();
    expect(office.master.getSheetByName('Cấu hình')).toBeNull();
    expect(office.emu.ui.dialogs().at(-1)?.prompt).toContain('Chưa chọn được mẫu cấu hình');
  });

  it('an office upgrading from the 2025 layout keeps its settings and registry; new rows and columns are added', () => {
    office = openOffice();
    entry.menuSetup();
    const config = office.master.getSheetByName('Cấu hình')!;
    // The 2025 layout: no rows after documentTemplateId, a registry of 12 columns.
    const keys = config
      .getDataRange()
      .getValues()
      .map((r) => String(r[0]));
    const firstNew = keys.indexOf('shortName') + 1;
    config.deleteRows(firstNew, keys.length - firstNew + 1);
    const registry = office.master.getSheetByName('Đơn vị')!;
    registry.getRange('M2:N2').setValues([['', '']]);
    setConfig(office.master, 'placeName', 'Gio Linh');
    registry.getRange('A3:E3').setValues([['TP', 'Phòng Tư pháp', 'Cơ quan chuyên môn', 'tp@x.vn', '']]);
    entry.menuCheckRegistry();
    expect(lastLog(office.master)[3]).toBe('Thành công');

    entry.menuSetup();
    expect(valueOf('placeName')).toBe('Gio Linh');
    expect(valueOf('shortName')).toBe('');
    expect(String(valueOf('recipients'))).toContain('Thường trực Huyện ủy');
    expect(registry.getRange('M2:N2').getValues()[0]).toEqual([
      'Địa danh (nếu khác)',
      'Cơ quan chủ quản (nếu khác)',
    ]);
    expect(registry.getRange('A3:C3').getValues()[0]).toEqual(['TP', 'Phòng Tư pháp', 'Cơ quan chuyên môn']);
    entry.menuCheckRegistry();
    expect(lastLog(office.master)[3]).toBe('Thành công');
  });
});
