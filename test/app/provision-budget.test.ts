import * as entry from '../../src/index';
import { SAMPLE_UNITS } from '../../sample/vinh-linh';
import { provisionedOffice } from '../fixtures/office';

/** Service calls made by provisioning `n` units on a fresh office. */
function provisioningCalls(n: number): Record<string, number> & { total: number } {
  const office = provisionedOffice(SAMPLE_UNITS.slice(0, n), false);
  try {
    office.emu.ctx.ledger.reset();
    entry.menuProvisionUnits();
    return { ...office.emu.ctx.ledger.snapshot(), total: office.emu.ctx.ledger.totalCalls() };
  } finally {
    office.close();
  }
}

describe('provisioning call budget', () => {
  it('costs a small constant number of calls per unit once the template exists', () => {
    // Both sets hold agencies and other units, so both templates are built in each run.
    const few = provisioningCalls(14);
    const many = provisioningCalls(34);
    // Reading a response (HTTPResponse.*) and the per-request counter cost nothing modeled.
    const billable = (c: Record<string, number>) =>
      Object.entries(c)
        .filter(([k]) => k !== 'total' && k !== 'UrlFetchApp.request' && !k.startsWith('HTTPResponse.'))
        .reduce((n, [, v]) => n + v, 0);
    const perUnit = (billable(many) - billable(few)) / 20;
    // (Paced Drive writes add a fetchAll and a sleep per 10 writes: about 0.3 a unit.)
    expect(perUnit).toBeLessThanOrEqual(16.5);
    // Copies and shares go in parallel batches, paced at 10 writes each (fetch-batch.ts): no
    // DriveApp copy; 14 units take 2 copy and 2 share batches, 34 (25 + 9 in two steps) take 4 + 4.
    expect(many['File.makeCopy'] ?? 0).toBe(0);
    expect(many['UrlFetchApp.fetchAll'] - few['UrlFetchApp.fetchAll']).toBe(4);
    // 20 copies, 20 shares, and one more folder listing (34 units take two steps, 14 one).
    expect(many['UrlFetchApp.request'] - few['UrlFetchApp.request']).toBe(41);
    expect((many['SpreadsheetApp.openById'] ?? 0) - (few['SpreadsheetApp.openById'] ?? 0)).toBe(20);
    // Template rendering (hundreds of calls) happens once per variant, not per unit.
    expect(many['SpreadsheetApp.create']).toBe(2);
  });
});
