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
    const perUnit = (many.total - few.total) / 20;
    expect(perUnit).toBeLessThanOrEqual(20);
    expect((many['File.makeCopy'] ?? 0) - (few['File.makeCopy'] ?? 0)).toBe(20);
    expect((many['SpreadsheetApp.openById'] ?? 0) - (few['SpreadsheetApp.openById'] ?? 0)).toBe(20);
    // Template rendering (hundreds of calls) happens once per variant, not per unit.
    expect(many['SpreadsheetApp.create']).toBe(2);
  });
});
