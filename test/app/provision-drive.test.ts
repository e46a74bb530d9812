/**
 * Provisioning against Drive as Google runs it: several focal points per unit, the admin among
 * them, Drive's rate limits, and a unit folder in a shared drive.
 */
import { registryColumn } from '../../src/domain/registry/columns';
import { lastUpdatedTimes } from '../../src/gas/drive-api';
import * as entry from '../../src/index';
import { focalEmail, SAMPLE_ADMIN, SAMPLE_UNITS, registryRows } from '../../sample/vinh-linh';
import { urlFetchControls } from '../../emulator';
import {
  lastLog,
  Office,
  openOffice,
  setConfig,
  sheetValues,
  typeRegistry,
  unitFileId,
} from '../fixtures/office';

const UNIT = SAMPLE_UNITS[0];
const OTHERS = ['pho.phong@vinhlinh.example.vn', 'chuyen.vien@vinhlinh.example.vn'];

function editorsOf(office: Office, fileId: string): string[] {
  return office.emu.DriveApp.getFileById(fileId)
    .getEditors()
    .map((u) => u.getEmail())
    .sort();
}

/** Setup and a registry of `units`, the first one with `focal` as its focal emails. */
function officeWith(
  focal: readonly string[],
  units = SAMPLE_UNITS.slice(0, 3),
  options: Parameters<typeof openOffice>[1] = {},
): Office {
  const office = openOffice(undefined, options);
  entry.menuSetup();
  const rows = registryRows(units);
  rows[0][3] = focal.join(', ');
  typeRegistry(office.master, rows);
  return office;
}

describe('sharing unit files', () => {
  let office: Office;
  afterEach(() => office.close());

  it('gives every focal point of a unit access, not only the last one sent', () => {
    office = officeWith([focalEmail(UNIT), ...OTHERS]);
    entry.menuProvisionUnits();
    const id = unitFileId(office.master, UNIT.code);
    expect(editorsOf(office, id)).toEqual([SAMPLE_ADMIN, focalEmail(UNIT), ...OTHERS].sort());
    expect(editorsOf(office, unitFileId(office.master, SAMPLE_UNITS[1].code))).toEqual(
      [SAMPLE_ADMIN, focalEmail(SAMPLE_UNITS[1])].sort(),
    );
    expect(lastLog(office.master).slice(3, 5)).toEqual(['Thành công', 'tạo 3, đã có 0, lỗi 0']);
    // One file's grants go in rounds, files in parallel: three rounds for three focal points.
    const grants = urlFetchControls(office.emu.ctx)
      .requests()
      .filter((r) => r.url.includes('/permissions'));
    expect(grants).toHaveLength(5);
    expect(office.emu.ctx.ledger.count('File.addEditor')).toBe(0);
  });

  it('makes no grant to the admin running it when the admin is also a focal point', () => {
    office = officeWith([SAMPLE_ADMIN, OTHERS[0]]);
    entry.menuProvisionUnits();
    const id = unitFileId(office.master, UNIT.code);
    expect(office.emu.DriveApp.getFileById(id).getOwner().getEmail()).toBe(SAMPLE_ADMIN);
    expect(editorsOf(office, id)).toEqual([SAMPLE_ADMIN, OTHERS[0]].sort());
    expect(lastLog(office.master).slice(3, 5)).toEqual(['Thành công', 'tạo 3, đã có 0, lỗi 0']);
    const toAdmin = urlFetchControls(office.emu.ctx)
      .requests()
      .filter((r) => r.url.includes('/permissions'));
    expect(toAdmin).toHaveLength(3); // one per unit: the admin's own grant is not sent
  });

  it('retries Drive rate limits (403 userRateLimitExceeded, sharingRateLimitExceeded) instead of going one by one', () => {
    office = officeWith([focalEmail(UNIT)]);
    const controls = urlFetchControls(office.emu.ctx);
    controls.failNext('/permissions', 403, { reason: 'userRateLimitExceeded', times: 2 });
    controls.failNext('/permissions', 403, { reason: 'sharingRateLimitExceeded' });
    controls.failNext('/copy', 403, { reason: 'rateLimitExceeded' });
    entry.menuProvisionUnits();
    for (const unit of SAMPLE_UNITS.slice(0, 3)) {
      expect(editorsOf(office, unitFileId(office.master, unit.code))).toEqual(
        [SAMPLE_ADMIN, focalEmail(unit)].sort(),
      );
    }
    expect(office.emu.ctx.ledger.count('File.addEditor')).toBe(0);
    expect(office.emu.ctx.ledger.count('File.makeCopy')).toBe(0);
    expect(lastLog(office.master)[4]).toBe('tạo 3, đã có 0, lỗi 0');
  });

  it('keeps to Drive’s sustained write rate: a burst past it is retried until every copy and share is made', () => {
    const units = SAMPLE_UNITS.slice(0, 12);
    office = officeWith([focalEmail(UNIT)], units, { driveWriteBurst: 5 });
    entry.menuProvisionUnits();
    const refused = urlFetchControls(office.emu.ctx)
      .requests()
      .filter((r) => r.status === 403);
    expect(refused.length).toBeGreaterThan(0); // the modeled rate did bite
    for (const unit of units) {
      expect(editorsOf(office, unitFileId(office.master, unit.code))).toEqual(
        [SAMPLE_ADMIN, focalEmail(unit)].sort(),
      );
    }
    expect(office.emu.ctx.ledger.count('File.makeCopy')).toBe(0);
    expect(office.emu.ctx.ledger.count('File.addEditor')).toBe(0);
    expect(lastLog(office.master)[4]).toBe('tạo 12, đã có 0, lỗi 0');
  });

  it('does not retry a 403 that is a real refusal; DriveApp then tries once', () => {
    office = officeWith([focalEmail(UNIT)]);
    const controls = urlFetchControls(office.emu.ctx);
    const refusal = JSON.stringify({
      error: {
        code: 403,
        message: 'The user does not have sufficient permissions for file x.',
        errors: [{ message: 'x', domain: 'global', reason: 'insufficientFilePermissions' }],
      },
    });
    controls.failNext('/permissions', 403, { body: refusal, contentType: 'application/json; charset=UTF-8' });
    entry.menuProvisionUnits();
    expect(controls.requests().filter((r) => r.url.includes('/permissions'))).toHaveLength(3);
    expect(office.emu.ctx.ledger.count('File.addEditor')).toBe(1);
    expect(editorsOf(office, unitFileId(office.master, UNIT.code))).toEqual(
      [SAMPLE_ADMIN, focalEmail(UNIT)].sort(),
    );
  });
});

describe('a unit folder in a shared drive', () => {
  let office: Office;
  afterEach(() => office.close());

  function inSharedDrive(): { office: Office; folderId: string } {
    const o = openOffice();
    entry.menuSetup();
    const drive = o.emu.ctx.drive.createSharedDrive('Phòng Nội vụ', [
      { email: SAMPLE_ADMIN, role: 'writer' },
    ]);
    const folder = o.emu.DriveApp.getFolderById(drive.id).createFolder('Kế hoạch CCHC 2025');
    setConfig(o.master, 'unitFolderId', folder.getId());
    typeRegistry(o.master, registryRows(SAMPLE_UNITS.slice(0, 3)));
    return { office: o, folderId: folder.getId() };
  }

  function filesNamed(folderId: string, name: string): string[] {
    const files = office.emu.DriveApp.getFolderById(folderId).getFilesByName(name);
    const ids: string[] = [];
    while (files.hasNext()) ids.push(files.next().getId());
    return ids;
  }

  it('copies and shares there through the Drive API, and a re-run after an interruption duplicates nothing', () => {
    const made = inSharedDrive();
    office = made.office;
    // The run dies personalising the second copy: all three copies exist, the registry knows none.
    office.emu.ctx.ledger.failOn('SpreadsheetApp.openById', 2);
    entry.menuProvisionUnits();
    expect(unitFileId(office.master, SAMPLE_UNITS[1].code)).toBe('');
    office.emu.ctx.ledger.reset();
    entry.menuProvisionUnits();
    for (const unit of SAMPLE_UNITS.slice(0, 3)) {
      const id = unitFileId(office.master, unit.code);
      expect(filesNamed(made.folderId, `Kế hoạch CCHC 2025 - ${unit.name}`)).toEqual([id]);
      const file = office.emu.DriveApp.getFileById(id);
      expect(file.getOwner()).toBeNull();
      expect(editorsOf(office, id)).toEqual([focalEmail(unit)]);
    }
    expect(office.emu.ctx.ledger.count('File.makeCopy')).toBe(0);
    expect(office.emu.ctx.ledger.count('File.addEditor')).toBe(0);
    expect(lastLog(office.master)[3]).toBe('Thành công');
    const state = sheetValues(office.master, 'Đơn vị')
      .slice(2, 5)
      .map((r) => r[registryColumn('fileState') - 1]);
    expect(state).toEqual(['Đã tạo, đã chia sẻ', 'Đã tạo, đã chia sẻ', 'Đã tạo, đã chia sẻ']);
  });

  it('lists last-update times there in one request', () => {
    const made = inSharedDrive();
    office = made.office;
    entry.menuProvisionUnits();
    const ids = SAMPLE_UNITS.slice(0, 3).map((u) => unitFileId(office.master, u.code));
    office.emu.ctx.ledger.reset();
    const times = lastUpdatedTimes(made.folderId, ids);
    expect([...times.keys()].sort()).toEqual([...ids].sort());
    expect(office.emu.ctx.ledger.count('DriveApp.getFileById')).toBe(0);
    expect(office.emu.ctx.ledger.count('UrlFetchApp.fetch')).toBe(1);
  });
});

describe('re-sharing when the registry changes (Cập nhật mẫu cho các đơn vị)', () => {
  let office: Office;
  afterEach(() => office.close());

  it('leaves the owner alone when the admin becomes a focal point, and works in a shared drive', () => {
    office = officeWith([focalEmail(UNIT)]);
    const drive = office.emu.ctx.drive.createSharedDrive('Phòng Nội vụ', [
      { email: SAMPLE_ADMIN, role: 'writer' },
    ]);
    const folder = office.emu.DriveApp.getFolderById(drive.id).createFolder('Kế hoạch CCHC 2025');
    setConfig(office.master, 'unitFolderId', folder.getId());
    entry.menuProvisionUnits();
    const rows = registryRows(SAMPLE_UNITS.slice(0, 3));
    rows[0][3] = `${SAMPLE_ADMIN}, ${OTHERS[0]}`; // the admin takes over one unit with a colleague
    rows[1][3] = OTHERS[1];
    typeRegistry(office.master, rows);
    entry.menuPushTemplate();
    expect(lastLog(office.master).slice(3, 5)).toEqual(['Thành công', 'cập nhật 3, lỗi 0']);
    // The file has no owner to skip: the admin, a member of the drive, is given the file as well.
    expect(editorsOf(office, unitFileId(office.master, UNIT.code))).toEqual([SAMPLE_ADMIN, OTHERS[0]].sort());
    expect(editorsOf(office, unitFileId(office.master, SAMPLE_UNITS[1].code))).toEqual([OTHERS[1]]);
  });

  it('in My Drive: the admin who owns the file is not added as its editor', () => {
    office = officeWith([focalEmail(UNIT)]);
    entry.menuProvisionUnits();
    const rows = registryRows(SAMPLE_UNITS.slice(0, 3));
    rows[0][3] = `${SAMPLE_ADMIN}, ${OTHERS[0]}`;
    typeRegistry(office.master, rows);
    entry.menuPushTemplate();
    expect(lastLog(office.master).slice(3, 5)).toEqual(['Thành công', 'cập nhật 3, lỗi 0']);
    expect(editorsOf(office, unitFileId(office.master, UNIT.code))).toEqual([SAMPLE_ADMIN, OTHERS[0]].sort());
  });
});
