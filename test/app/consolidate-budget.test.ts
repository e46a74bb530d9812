import * as entry from '../../src/index';
import { fillTaskTable } from '../../sample/fill';
import { sampleTasks } from '../../sample/tasks';
import { focalEmail, SampleUnit } from '../../sample/vinh-linh';
import { callsBesideCsvReads } from '../fixtures/calls';
import { manyUnits } from '../fixtures/many-units';
import { provisionedOffice, unitFileId } from '../fixtures/office';

function consolidationCalls(units: SampleUnit[], rowsPerArea: number) {
  const office = provisionedOffice(units);
  try {
    for (const unit of units) {
      const rows = sampleTasks(unit, units).map((area) =>
        Array.from({ length: rowsPerArea }, (_, i) => area[i % area.length]),
      );
      fillTaskTable(office.emu, focalEmail(unit), unitFileId(office.master, unit.code), 'Nhiệm vụ', rows);
    }
    office.emu.ctx.ledger.reset();
    entry.menuConsolidate();
    const calls: Record<string, number> = {
      ...office.emu.ctx.ledger.snapshot(),
      total: office.emu.ctx.ledger.totalCalls(),
    };
    return calls;
  } finally {
    office.close();
  }
}

describe('consolidation call budget', () => {
  it('grows with the number of fetch batches, not with units or rows', () => {
    const small = consolidationCalls(manyUnits(10), 1);
    const large = consolidationCalls(manyUnits(60), 4);
    // 10 units: ≤ 50 sheet reads, one batch; 60 units (+12 proposals sheets): two batches.
    expect(small['UrlFetchApp.fetchAll']).toBe(1);
    expect(large['UrlFetchApp.fetchAll']).toBe(2);
    expect(large['SpreadsheetApp.openById'] ?? 0).toBe(0);
    expect(large['Range.getValues'] ?? 0).toBe(small['Range.getValues'] ?? 0);
    expect(large['Range.setValues']).toBe(small['Range.setValues']);
    // Everything else is a fixed cost: at most a handful more calls for 6× the units and 4× the rows.
    expect(callsBesideCsvReads(large) - callsBesideCsvReads(small)).toBeLessThanOrEqual(5);
  });
});
