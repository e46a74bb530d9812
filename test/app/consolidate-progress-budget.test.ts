import * as entry from '../../src/index';
import { SampleUnit } from '../../sample/vinh-linh';
import { Calls, callsBesideCsvReads } from '../fixtures/calls';
import { manyUnits } from '../fixtures/many-units';
import { fillEveryTaskTable, provisionedOffice, runContinuations } from '../fixtures/office';
import { addProgressSheets, fillSampleProgress, SAMPLE_PERIODS } from '../fixtures/progress';

/** The calls of a first and of a second period consolidation over `units`, each unit reporting. */
function consolidationCalls(units: SampleUnit[]): { first: Calls; second: Calls } {
  const office = provisionedOffice(units);
  try {
    fillEveryTaskTable(office, units);
    addProgressSheets(office, units, SAMPLE_PERIODS[0]);
    office.emu.ctx.clock.set(Date.UTC(2025, 2, 16, 2));
    fillSampleProgress(office, units, SAMPLE_PERIODS[0]);
    office.emu.ctx.clock.set(Date.UTC(2025, 2, 17, 2));
    const run = (): Calls => {
      office.emu.ctx.ledger.reset();
      entry.menuConsolidateProgress();
      runContinuations(office);
      return {
        ...office.emu.ctx.ledger.snapshot(),
        total: office.emu.ctx.ledger.totalCalls(),
        modeledMs: office.emu.ctx.ledger.modeledTimeMs(),
      };
    };
    return { first: run(), second: run() };
  } finally {
    office.close();
  }
}

describe('period consolidation call budget', () => {
  it('reads through parallel CSV batches once the gids are known: calls grow with batches, not units', () => {
    const small = consolidationCalls(manyUnits(10));
    const large = consolidationCalls(manyUnits(60));
    // First run of a period: no gid of the new sheet is known yet (the push does not record it),
    // so each file is opened once by SpreadsheetApp; the reads record the gids.
    expect(large.first['SpreadsheetApp.openById']).toBe(60);
    // From then on: one fetchAll per 50 sheets, no file opened, the same sheet writes.
    expect(small.second['UrlFetchApp.fetchAll']).toBe(1);
    expect(large.second['UrlFetchApp.fetchAll']).toBe(2);
    expect(large.second['SpreadsheetApp.openById'] ?? 0).toBe(0);
    expect(large.second['Range.setValues']).toBe(small.second['Range.setValues']);
    expect(large.second['Range.getValues'] ?? 0).toBe(small.second['Range.getValues'] ?? 0);
    expect(callsBesideCsvReads(large.second) - callsBesideCsvReads(small.second)).toBeLessThanOrEqual(5);
    process.stdout.write(
      `period consolidation — 10 units: ${small.first.total} calls first (${Math.round(small.first.modeledMs)} ms modeled), ` +
        `${small.second.total} next (${Math.round(small.second.modeledMs)} ms); 60 units: ${large.first.total} first ` +
        `(${Math.round(large.first.modeledMs)} ms), ${large.second.total} next (${Math.round(large.second.modeledMs)} ms)\n`,
    );
  });
});
