import { mailOutbox } from '../../emulator';
import { QuotaDay } from '../../emulator/core/quotas';
import * as entry from '../../src/index';
import { registryRows } from '../../sample/vinh-linh';
import { manyUnits } from '../fixtures/many-units';
import { lastLog, openOffice, runContinuations, sheetValues, typeRegistry } from '../fixtures/office';

const N = 70;

/**
 * N units, none submitted, on the plan deadline (15/02/2025): each gets a due-day reminder to its
 * focal point with its head in copy — about 2 × N recipients, more than a consumer account's 100.
 */
function officeOnDeadline(day: QuotaDay) {
  const o = openOffice(new Date(Date.UTC(2025, 1, 10, 2)), { quotaDay: day });
  entry.menuSetup();
  typeRegistry(o.master, registryRows(manyUnits(N)));
  entry.menuProvisionUnits();
  runContinuations(o);
  o.emu.ctx.clock.set(Date.UTC(2025, 1, 14, 23)); // 15/02 06:00 in Viet Nam
  entry.menuRefreshStatus();
  runContinuations(o);
  return o;
}

function sentKeys(o: ReturnType<typeof openOffice>): string[] {
  return mailOutbox(o.emu.ctx)
    .messages()
    .map((m) => `${m.to.join()}|${m.subject}`);
}

describe.each<QuotaDay>(['pacific-midnight', 'rolling-24h'])(
  'reminders at a consumer account’s daily mail quota (day turning %s)',
  (day) => {
    test('stop at the limit, say what is left, send the rest after the quota resets, nobody twice', () => {
      const o = officeOnDeadline(day);
      try {
        o.emu.ctx.clock.set(Date.UTC(2025, 1, 15, 1)); // 08:00 in Viet Nam
        entry.menuSendReminders();
        runContinuations(o);
        const first = sentKeys(o);
        expect(first.length).toBeGreaterThan(0);
        expect(o.emu.MailApp.getRemainingDailyQuota()).toBeLessThan(2);
        const said = o.emu.ui.dialogs().at(-1)?.prompt ?? '';
        expect(said).toMatch(
          /dừng lại vì hết hạn mức gửi thư trong ngày \(còn \d+ người nhận\)\. \d+ thư chưa gửi/,
        );
        const left = Number(/(\d+) thư chưa gửi/.exec(said)?.[1]);
        expect(left).toBeGreaterThan(0);
        expect(lastLog(o.master)[4]).toBe(`gửi ${first.length}, chưa gửi ${left}`);

        // Run again the same day before the reset: nothing goes, it says so again.
        o.emu.ctx.clock.set(Date.UTC(2025, 1, 15, 6)); // 13:00: before Pacific midnight (15:00)
        entry.menuSendReminders();
        runContinuations(o);
        expect(sentKeys(o)).toHaveLength(first.length);
        expect(o.emu.ui.dialogs().at(-1)?.prompt).toContain('hết hạn mức gửi thư');

        // After the reset (15:00 Viet Nam at midnight Pacific, or a day after the first send).
        o.emu.ctx.clock.set(
          day === 'pacific-midnight' ? Date.UTC(2025, 1, 15, 9) : Date.UTC(2025, 1, 16, 1, 30),
        );
        entry.menuSendReminders();
        runContinuations(o);
        const all = sentKeys(o);
        expect(all.length).toBeGreaterThan(first.length);
        // Every email sent is logged once as sent, no unit got the same tier twice, and nothing
        // is left "Đang gửi".
        const rows = sheetValues(o.master, 'Thư đã gửi').slice(1);
        const sent = rows.filter((r) => r[9] === 'Đã gửi').map((r) => `${r[1]}|${r[4]}|${r[5]}`);
        expect(sent).toHaveLength(all.length);
        expect(new Set(sent).size).toBe(sent.length);
        const states = rows.map((r) => String(r[9]));
        expect(states.filter((s) => s === 'Đang gửi')).toEqual([]);
      } finally {
        o.close();
      }
    });
  },
);
