import * as entry from '../../src/index';
import { manyUnits } from '../fixtures/many-units';
import { lastLog, provisionedOffice, runContinuations, sheetValues } from '../fixtures/office';

describe('a long operation seen by the office', () => {
  it('shows its progress while it waits to continue, and a stalled one is reported on the next open', () => {
    const office = provisionedOffice(manyUnits(120), false);
    try {
      entry.menuProvisionUnits();
      const progress = sheetValues(office.master, 'Tiến độ').find((r) => r[0] === 'Tạo bảng tính cho đơn vị');
      expect(progress?.slice(1, 4)).toEqual(['Tạm dừng, sẽ tự chạy tiếp', expect.any(Number), 120]);
      const done = Number(progress?.[2]);
      expect(done).toBeGreaterThan(0);
      expect(done).toBeLessThan(120);
      expect(office.emu.ui.toasts().at(-1)?.message).toBe(
        `Tạo bảng tính cho đơn vị: ${done}/120 đơn vị; sẽ tự chạy tiếp sau khoảng 1 phút.`,
      );
      expect(lastLog(office.master)[4]).toBe(`${done}/120`);

      // Someone deletes the continuation trigger; twenty minutes later the master is opened.
      for (const t of office.emu.ScriptApp.getProjectTriggers()) office.emu.ScriptApp.deleteTrigger(t);
      office.emu.ctx.clock.advance(20 * 60 * 1000);
      entry.onOpen();
      expect(office.emu.ui.toasts().at(-1)?.message).toContain('Chạy tiếp thao tác đang dở');
      expect(lastLog(office.master).slice(2, 4)).toEqual(['Tạo bảng tính cho đơn vị (bị dừng)', 'Chưa xong']);

      // The office resumes it from the menu; it finishes where it stopped, with no duplicate.
      entry.menuContinueJobs();
      runContinuations(office);
      expect(
        sheetValues(office.master, 'Tiến độ')
          .find((r) => r[0] === 'Tạo bảng tính cho đơn vị')
          ?.slice(1, 4),
      ).toEqual(['Hoàn thành', 120, 120]);
      expect(lastLog(office.master)[4]).toBe('tạo 120, đã có 0, lỗi 0');
    } finally {
      office.close();
    }
  });
});
