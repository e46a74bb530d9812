import * as entry from '../../src/index';
import { SAMPLE_UNITS } from '../../sample/vinh-linh';
import { provisionedOffice } from '../fixtures/office';

/** Service calls and modeled time of the sidebar's reads for the first `n` sample units. */
function readCost(n: number) {
  const office = provisionedOffice(SAMPLE_UNITS.slice(0, n));
  try {
    const { ledger } = office.emu.ctx;
    ledger.reset();
    entry.consoleSnapshot();
    const snapshot = { calls: ledger.totalCalls(), ms: ledger.modeledTimeMs() };
    ledger.reset();
    entry.consoleProgress();
    const progress = { calls: ledger.totalCalls(), ms: ledger.modeledTimeMs() };
    return { snapshot, progress, opens: ledger.count('SpreadsheetApp.openById') };
  } finally {
    office.close();
  }
}

describe('the sidebar reads the master only', () => {
  it('costs the same calls for 6 and 36 units (no unit file is opened), and the poll is cheaper still', () => {
    const few = readCost(6);
    const many = readCost(36);
    process.stdout.write(`console reads: ${JSON.stringify({ few, many })}\n`);
    expect(many.snapshot.calls).toBe(few.snapshot.calls);
    expect(many.snapshot.calls).toBeLessThanOrEqual(45);
    expect(many.progress.calls).toBeLessThanOrEqual(25);
    expect(many.opens).toBe(0);
  });
});
