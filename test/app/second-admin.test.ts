import { mailOutbox } from '../../emulator';
import * as entry from '../../src/index';
import { setUnitState } from '../../sample/fill';
import { focalEmail, SAMPLE_ADMIN, SAMPLE_UNITS } from '../../sample/vinh-linh';
import {
  Office,
  provisionedOffice,
  runContinuations,
  setConfig,
  sheetValues,
  unitFileId,
  fillEveryTaskTable,
} from '../fixtures/office';

/**
 * More than one admin (issue 12, item 3): the unit files' folder is shared with every admin, so
 * a second one reads what the first provisioned; a file that cannot be read never replaces good
 * data with emptiness.
 */
const SECOND = 'phonoivu@vinhlinh.example.vn';
const UNITS = SAMPLE_UNITS.slice(0, 6);
const SUBMIT = 'Đã hoàn thành, đề nghị tiếp nhận';
const PLAN = 'Kế hoạch CCHC năm 2025';

function statusOf(o: Office, code: string): string {
  return String(sheetValues(o.master, 'Theo dõi nộp').find((r) => r[0] === code && r[2] === PLAN)?.[3]);
}

function asSecond(o: Office, run: () => void): void {
  o.emu.as(SECOND, run);
  runContinuations(o);
}

function lastLog(o: Office): string[] {
  const log = sheetValues(o.master, 'Nhật ký');
  return log[log.length - 1].map(String);
}

function unitFolder(o: Office): GoogleAppsScript.Drive.Folder {
  const id = String(sheetValues(o.master, 'Cấu hình').find((r) => r[0] === 'unitFolderId')?.[2] ?? '');
  const parents = o.emu.DriveApp.getFileById(unitFileId(o.master, UNITS[0].code)).getParents();
  return id ? o.emu.DriveApp.getFolderById(id) : parents.next();
}

/** An office whose first admin provisioned; the second admin added as the README says. */
function office(): Office {
  const o = provisionedOffice(UNITS);
  fillEveryTaskTable(o, UNITS);
  o.master.addEditor(SECOND);
  setConfig(o.master, 'admins', `${SAMPLE_ADMIN}, ${SECOND}`);
  entry.menuSetup();
  // The template push brings the unit files' protections and the folders' sharing in line.
  entry.menuPushTemplate();
  runContinuations(o);
  return o;
}

describe('a second admin', () => {
  it('consolidates and refreshes the files the first admin provisioned, as the first would', () => {
    const o = office();
    try {
      entry.menuConsolidate();
      runContinuations(o);
      const first = ['Tổng hợp', 'Kinh phí', 'Lỗi dữ liệu'].map((n) => sheetValues(o.master, n));
      expect(first[0].length).toBeGreaterThan(UNITS.length);

      asSecond(o, () => entry.menuConsolidate());
      expect(lastLog(o).slice(1, 4)).toEqual([SECOND, 'Tổng hợp dữ liệu', 'Thành công']);
      expect(['Tổng hợp', 'Kinh phí', 'Lỗi dữ liệu'].map((n) => sheetValues(o.master, n))).toEqual(first);

      const unit = UNITS[3];
      o.emu.ctx.clock.set(Date.UTC(2025, 1, 10, 2));
      setUnitState(o.emu, focalEmail(unit), unitFileId(o.master, unit.code), SUBMIT);
      const before = statusOf(o, unit.code);
      asSecond(o, () => entry.menuRefreshStatus());
      expect(lastLog(o).slice(1, 4)).toEqual([SECOND, 'Cập nhật trạng thái', 'Thành công']);
      expect(statusOf(o, unit.code)).not.toBe(before);
      expect(statusOf(o, unit.code)).toBe('Đã nộp');
    } finally {
      o.close();
    }
  });

  it('keeps the last good rows of a unit whose file it cannot read, marked, and its budget in the totals', () => {
    const o = office();
    try {
      entry.menuConsolidate();
      runContinuations(o);
      const clean = sheetValues(o.master, 'Tổng hợp');
      const budget = sheetValues(o.master, 'Kinh phí');
      const hidden = UNITS[1];
      // It submitted, and the first admin's refresh saw it.
      o.emu.ctx.clock.set(Date.UTC(2025, 1, 10, 2));
      setUnitState(o.emu, focalEmail(hidden), unitFileId(o.master, hidden.code), SUBMIT);
      entry.menuRefreshStatus();
      runContinuations(o);
      expect(statusOf(o, hidden.code)).toBe('Đã nộp');
      // Its file moved out of the shared folder into a private one of the first admin's.
      const file = o.emu.DriveApp.getFileById(unitFileId(o.master, hidden.code));
      file.moveTo(o.emu.DriveApp.createFolder('Riêng'));

      asSecond(o, () => entry.menuConsolidate());
      const rows = sheetValues(o.master, 'Tổng hợp');
      const check = rows[0].indexOf('Kiểm tra');
      const keptRows = rows.filter((r) => r[1] === hidden.code);
      expect(keptRows.length).toBe(clean.filter((r) => r[1] === hidden.code).length);
      expect(keptRows.length).toBeGreaterThan(0);
      for (const r of keptRows)
        expect(String(r[check])).toMatch(/^Dữ liệu lần đọc trước \(\d{2}\/\d{2}\/\d{4}/);
      const strip = (r: unknown[]) => [...r.slice(1, check), ...r.slice(check + 1)];
      expect(keptRows.map(strip)).toEqual(clean.filter((r) => r[1] === hidden.code).map(strip));
      expect(rows.filter((r) => r[1] !== hidden.code && String(r[check]).startsWith('Dữ liệu'))).toEqual([]);
      expect(rows).toHaveLength(clean.length);
      expect(sheetValues(o.master, 'Kinh phí')).toEqual(budget);
      const log = lastLog(o);
      expect(log[5]).toContain(hidden.name);
      expect(log[5]).toContain('Tạo bảng tính cho đơn vị');

      // The refresh keeps that unit's status (the file unread is not "not started").
      asSecond(o, () => entry.menuRefreshStatus());
      expect(statusOf(o, hidden.code)).toBe('Đã nộp');
      expect(lastLog(o)[5]).toContain(hidden.name);
    } finally {
      o.close();
    }
  });

  it('sends no reminder based on a file it could not read', () => {
    const o = office();
    try {
      const hidden = UNITS[4];
      o.emu.DriveApp.getFileById(unitFileId(o.master, hidden.code)).moveTo(
        o.emu.DriveApp.createFolder('Riêng'),
      );
      o.emu.ctx.clock.set(Date.UTC(2025, 1, 16, 2)); // after the deadline: every unit is overdue
      asSecond(o, () => entry.menuRefreshStatus());
      const outbox = mailOutbox(o.emu.ctx);
      outbox.clear();
      asSecond(o, () => entry.menuSendReminders());
      const to = outbox.messages().flatMap((m) => m.to);
      expect(to).toContain(focalEmail(UNITS[0]));
      expect(to).not.toContain(focalEmail(hidden));
    } finally {
      o.close();
    }
  });

  it('replaces nothing when most files cannot be read, and says access is probably missing', () => {
    const o = office();
    try {
      entry.menuConsolidate();
      runContinuations(o);
      o.emu.ctx.clock.set(Date.UTC(2025, 1, 10, 2));
      const submitted = UNITS[2];
      setUnitState(o.emu, focalEmail(submitted), unitFileId(o.master, submitted.code), SUBMIT);
      entry.menuRefreshStatus();
      runContinuations(o);
      const names = ['Tổng hợp', 'Kinh phí', 'Lỗi dữ liệu', 'Theo dõi nộp', 'Đơn vị'];
      const before = names.map((n) => sheetValues(o.master, n));
      unitFolder(o).removeEditor(SECOND);

      asSecond(o, () => entry.menuConsolidate());
      expect(lastLog(o)[3]).toBe('Không thành công');
      expect(lastLog(o)[5]).toContain('chưa được chia sẻ thư mục');
      asSecond(o, () => entry.menuRefreshStatus());
      expect(lastLog(o)[3]).toBe('Không thành công');
      expect(lastLog(o)[5]).toContain('chưa được chia sẻ thư mục');
      expect(names.map((n) => sheetValues(o.master, n))).toEqual(before);
      expect(o.master.getSheets().filter((s) => s.getName().includes('đang ghi'))).toHaveLength(0);
    } finally {
      o.close();
    }
  });

  it('loses the folder when taken off the admin list; the owner and the person running it keep theirs', () => {
    const o = office();
    try {
      const editors = () =>
        unitFolder(o)
          .getEditors()
          .map((u) => u.getEmail());
      expect(editors()).toContain(SECOND);
      setConfig(o.master, 'admins', SAMPLE_ADMIN);
      entry.menuProvisionUnits();
      runContinuations(o);
      expect(editors()).not.toContain(SECOND);
      expect(editors()).toContain(SAMPLE_ADMIN);
      expect(() =>
        o.emu.as(SECOND, () => o.emu.SpreadsheetApp.openById(unitFileId(o.master, UNITS[0].code))),
      ).toThrow();
    } finally {
      o.close();
    }
  });
});
