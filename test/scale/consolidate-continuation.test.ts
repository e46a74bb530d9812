import * as entry from '../../src/index';
import { fillTaskTable } from '../../sample/fill';
import { sampleTasks } from '../../sample/tasks';
import { focalEmail, registryRows } from '../../sample/vinh-linh';
import { manyUnits } from '../fixtures/many-units';
import {
  lastLog,
  openOffice,
  runContinuations,
  sheetValues,
  typeRegistry,
  unitFileId,
} from '../fixtures/office';

const N = 1000;
const SHEETS = ['Tổng hợp', 'Lỗi dữ liệu', 'Đề xuất tổng hợp', 'Kinh phí'];

describe(`consolidating ${N} units`, () => {
  it('goes through several continuations, survives a step killed after writing, and ends with the data of an uninterrupted run', () => {
    // A slow day for the CSV export (20 s a request): the run cannot finish in one execution.
    const office = openOffice(undefined, { urlFetchLatencyMs: { csvExport: 20_000 } });
    try {
      entry.menuSetup();
      const units = manyUnits(N);
      typeRegistry(office.master, registryRows(units));
      entry.menuProvisionUnits();
      runContinuations(office);
      for (const unit of units) {
        fillTaskTable(
          office.emu,
          focalEmail(unit),
          unitFileId(office.master, unit.code),
          'Nhiệm vụ',
          sampleTasks(unit, units),
        );
      }

      const executions = () =>
        Number(sheetValues(office.master, 'Tiến độ').find((r) => r[0] === 'Tổng hợp dữ liệu')?.[6]);
      entry.menuConsolidate();
      runContinuations(office);
      const cleanExecutions = executions();
      const clean = SHEETS.map((name) => sheetValues(office.master, name));
      expect(clean[0].length - 1).toBe(units.reduce((n, u) => n + sampleTasks(u, units).flat().length, 0));
      expect(cleanExecutions).toBeGreaterThanOrEqual(2);

      // Again, and this time a step dies after appending its rows, before its state is saved,
      // and a parallel read times out.
      office.emu.ctx.ledger.failOn(
        'Properties.setProperty',
        4,
        () => new Error('Exceeded maximum execution time'),
      );
      office.emu.ctx.ledger.failOn(
        'UrlFetchApp.fetchAll',
        9,
        () => new Error('Timeout: https://docs.google.com'),
      );
      entry.menuConsolidate();
      runContinuations(office);
      const failures = sheetValues(office.master, 'Nhật ký').filter(
        (r) => String(r[2]).startsWith('Tổng hợp dữ liệu') && r[3] === 'Không thành công',
      );
      // The killed step is logged as a failed execution; the timed-out batch is retried inside its step.
      expect(failures.map((r) => String(r[5]))).toEqual([
        expect.stringContaining('Exceeded maximum execution time'),
      ]);
      expect(SHEETS.map((name) => sheetValues(office.master, name))).toEqual(clean);
      expect(office.master.getSheets().filter((s) => s.getName().includes('đang ghi'))).toHaveLength(0);
      expect(lastLog(office.master).slice(2, 4)).toEqual(['Tổng hợp dữ liệu (chạy tiếp)', 'Thành công']);
    } finally {
      office.close();
    }
  });
});
