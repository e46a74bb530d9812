import { ModeledClock } from '../../../emulator/core/clock';
import { LATENCY } from '../../../emulator/core/latency';
import { CostLedger } from '../../../emulator/core/ledger';

describe('CostLedger', () => {
  it('counts calls per method and advances the modeled clock by their latency', () => {
    const clock = new ModeledClock(0);
    const ledger = new CostLedger(clock);
    ledger.charge('SpreadsheetApp.openById');
    ledger.charge('SpreadsheetApp.openById');
    ledger.charge('Range.setValues', 1000);
    expect(ledger.count('SpreadsheetApp.openById')).toBe(2);
    expect(ledger.countPrefix('SpreadsheetApp.')).toBe(2);
    expect(ledger.totalCalls()).toBe(3);
    const expected =
      2 * LATENCY['SpreadsheetApp.openById'].ms +
      LATENCY['Range.setValues'].ms +
      1000 * (LATENCY['Range.setValues'].perUnitMs ?? 0);
    expect(ledger.modeledTimeMs()).toBeCloseTo(expected);
    expect(clock.nowMs()).toBeCloseTo(expected);
  });

  it('gives every latency row a source', () => {
    for (const [key, row] of Object.entries(LATENCY))
      expect([key, row.source.length > 0]).toEqual([key, true]);
  });

  it('throws an injected fault at the planned call only, without counting it', () => {
    const ledger = new CostLedger(new ModeledClock(0));
    ledger.failOn('Range.setValues', 2);
    ledger.charge('Range.setValues');
    expect(() => ledger.charge('Range.setValues')).toThrow('Injected fault at Range.setValues');
    expect(() => ledger.charge('Range.setValues')).not.toThrow();
    expect(ledger.count('Range.setValues')).toBe(2);
  });

  it('throws a fault planned at the nth call of any key, names the call, and counts every key', () => {
    const ledger = new CostLedger(new ModeledClock(0));
    ledger.failOnCall(3);
    ledger.charge('Range.getValues');
    ledger.chargeFixed('UrlFetchApp.fetchAll', 10);
    expect(() => ledger.charge('File.makeCopy')).toThrow('Injected fault at File.makeCopy (call 3)');
    expect(() => ledger.charge('File.makeCopy')).not.toThrow();
    expect(ledger.count('File.makeCopy')).toBe(1);
    expect(ledger.tripped()).toEqual([{ key: 'File.makeCopy' }]);
  });

  it('clears calls planned on any key with the others', () => {
    const ledger = new CostLedger(new ModeledClock(0));
    ledger.failOnCall(1);
    ledger.failOn('Range.setValues', 1);
    ledger.clearFaults();
    expect(() => ledger.charge('Range.setValues')).not.toThrow();
    expect(ledger.tripped()).toEqual([]);
  });

  it('lets listeners veto a call after it is charged', () => {
    const ledger = new CostLedger(new ModeledClock(0));
    const off = ledger.onCharge((key) => {
      if (key === 'X.y') throw new Error('limit');
    });
    expect(() => ledger.charge('X.y')).toThrow('limit');
    off();
    expect(() => ledger.charge('X.y')).not.toThrow();
  });
});
