import * as entry from '../../src/index';
import { setUnitState } from '../../sample/fill';
import { focalEmail, SAMPLE_UNITS } from '../../sample/vinh-linh';
import { manyUnits } from '../fixtures/many-units';
import {
  lastLog,
  openOffice,
  provisionedOffice,
  runContinuations,
  sheetValues,
  typeRegistry,
  unitFileId,
} from '../fixtures/office';
import { registryRows } from '../../sample/vinh-linh';

describe('operations that meet', () => {
  it('refuses a decision while a status refresh is paused, so the refresh cannot undo it', () => {
    const office = openOffice(undefined, { urlFetchLatencyMs: { csvExport: 40_000 } });
    try {
      entry.menuSetup();
      const units = manyUnits(80);
      typeRegistry(office.master, registryRows(units));
      entry.menuProvisionUnits();
      runContinuations(office);
      setUnitState(
        office.emu,
        focalEmail(units[0]),
        unitFileId(office.master, units[0].code),
        'Đã hoàn thành, đề nghị tiếp nhận',
      );
      entry.menuRefreshStatus(); // slow exports: it pauses before the end
      expect(sheetValues(office.master, 'Tiến độ').find((r) => r[0] === 'Cập nhật trạng thái')?.[1]).toBe(
        'Tạm dừng, sẽ tự chạy tiếp',
      );
      office.emu.ui.answerNext(office.emu.SpreadsheetApp.getUi().Button.OK, units[0].code);
      entry.menuAccept();
      expect(office.emu.ui.dialogs().at(-1)?.prompt).toContain('"Cập nhật trạng thái" đang chạy dở');
      runContinuations(office);
      office.emu.ui.answerNext(office.emu.SpreadsheetApp.getUi().Button.OK, units[0].code);
      entry.menuAccept();
      expect(sheetValues(office.master, 'Theo dõi nộp').find((r) => r[0] === units[0].code)?.[3]).toBe(
        'Đã tiếp nhận',
      );
    } finally {
      office.close();
    }
  });

  it('resumes two paused operations one per execution, each within the time limit', () => {
    const office = openOffice(undefined, { urlFetchLatencyMs: { csvExport: 40_000 } });
    try {
      entry.menuSetup();
      typeRegistry(office.master, registryRows(manyUnits(150)));
      entry.menuProvisionUnits(); // pauses
      const executions = (label: string) =>
        sheetValues(office.master, 'Nhật ký').filter((r) => String(r[2]).startsWith(label));
      runContinuations(office);
      entry.menuConsolidate(); // pauses (slow exports)
      entry.menuRefreshStatus(); // pauses too: two jobs wait
      runContinuations(office);
      const progress = sheetValues(office.master, 'Tiến độ');
      expect(progress.find((r) => r[0] === 'Tổng hợp dữ liệu')?.[1]).toBe('Hoàn thành');
      expect(progress.find((r) => r[0] === 'Cập nhật trạng thái')?.[1]).toBe('Hoàn thành');
      expect(executions('Tổng hợp dữ liệu').every((r) => r[3] === 'Thành công')).toBe(true);
      expect(executions('Cập nhật trạng thái').every((r) => r[3] === 'Thành công')).toBe(true);
    } finally {
      office.close();
    }
  });

  it('does not let a non-admin resuming a paused operation count as its failure', () => {
    const office = provisionedOffice(SAMPLE_UNITS.slice(0, 1), false);
    try {
      typeRegistry(office.master, registryRows(manyUnits(120)));
      entry.menuProvisionUnits(); // pauses
      office.master.addEditor('nhanvien@vinhlinh.example.vn');
      for (let i = 0; i < 3; i++)
        office.emu.as('nhanvien@vinhlinh.example.vn', () => entry.menuContinueJobs());
      expect(lastLog(office.master)[5]).toContain('không có quyền quản trị');
      runContinuations(office);
      expect(
        sheetValues(office.master, 'Tiến độ')
          .find((r) => r[0] === 'Tạo bảng tính cho đơn vị')
          ?.slice(1, 4),
      ).toEqual(['Hoàn thành', 120, 120]);
    } finally {
      office.close();
    }
  });
});
