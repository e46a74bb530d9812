import { mailOutbox } from '../../emulator';
import * as entry from '../../src/index';
import { registryRows } from '../../sample/vinh-linh';
import { manyUnits } from '../fixtures/many-units';
import { openOffice, runContinuations, sheetValues, typeRegistry } from '../fixtures/office';

/**
 * N units, none submitted, on 16 February (past the plan deadline): every unit's plan (and an
 * agency's proposals) is overdue, so the reminders send about N emails.
 */
function remindersFor(n: number): { writes: number; sent: number; logged: string[] } {
  const o = openOffice(new Date(Date.UTC(2025, 1, 10, 2)), { accountType: 'workspace' });
  try {
    entry.menuSetup();
    typeRegistry(o.master, registryRows(manyUnits(n)));
    entry.menuProvisionUnits();
    runContinuations(o);
    o.emu.ctx.clock.set(Date.UTC(2025, 1, 16, 1));
    entry.menuRefreshStatus();
    runContinuations(o);
    const before = o.emu.ctx.ledger.count('Range.setValues');
    entry.menuSendReminders();
    runContinuations(o);
    return {
      writes: o.emu.ctx.ledger.count('Range.setValues') - before,
      sent: mailOutbox(o.emu.ctx).messages().length,
      logged: sheetValues(o.master, 'Thư đã gửi')
        .slice(1)
        .map((r) => String(r[9])),
    };
  } finally {
    o.close();
  }
}

describe('reminders: the mail log is written per step, not per email', () => {
  test('three times the emails cost no more log writes than the extra steps’ two each', () => {
    const small = remindersFor(30);
    const large = remindersFor(90);
    expect(small.sent).toBeGreaterThanOrEqual(30);
    expect(large.sent).toBeGreaterThanOrEqual(90);
    // Every email logged once and marked sent; nothing else left in the log.
    expect(large.logged).toEqual(large.logged.map(() => 'Đã gửi'));
    expect(large.logged).toHaveLength(large.sent);
    // A step sends up to 40 emails: the extra emails take a few more steps, each writing the log
    // twice (intents, outcomes) and the job's progress row once — where one write per email
    // (intent and mark: two) would add about 170.
    const extraSteps = Math.ceil(large.sent / 40) - Math.ceil(small.sent / 40);
    expect(extraSteps).toBeGreaterThan(0);
    expect(large.writes - small.writes).toBeLessThanOrEqual(3 * extraSteps);
    expect(large.writes).toBeLessThan(large.sent);
  });
});
