import { mailOutbox, urlFetchControls } from '../../emulator';
import { consume, QuotaDay, remaining } from '../../emulator/core/quotas';
import { setUnitState } from '../../sample/fill';
import * as entry from '../../src/index';
import { focalEmail, registryRows } from '../../sample/vinh-linh';
import { manyUnits } from '../fixtures/many-units';
import {
  lastLog,
  openOffice,
  runContinuations,
  setConfig,
  sheetValues,
  typeRegistry,
  unitFileId,
} from '../fixtures/office';

const N = 70;

/**
 * N units, none submitted, on the plan deadline (15/02/2025): each gets a due-day reminder to its
 * focal point with its head in copy — about 2 × N recipients, more than a consumer account's 100.
 */
function officeOnDeadline(day: QuotaDay) {
  const o = openOffice(new Date(Date.UTC(2025, 1, 10, 2)), { quotaDay: day });
  entry.menuSetup();
  // The whole quota for the reminders: this is about the quota itself (reminder-share.test.ts: the
  // share they leave to other mail by default).
  setConfig(o.master, 'reminderQuotaShare', 100);
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

describe('the status refresh with the day’s UrlFetch calls spent', () => {
  test('reads through SpreadsheetApp instead, archives each new submission once, and uses UrlFetch again the next day', () => {
    const o = openOffice(new Date(Date.UTC(2025, 1, 10, 2)));
    try {
      entry.menuSetup();
      const units = manyUnits(12);
      typeRegistry(o.master, registryRows(units));
      entry.menuProvisionUnits();
      runContinuations(o);
      const fileOf = (code: string) => unitFileId(o.master, code);
      setUnitState(o.emu, focalEmail(units[1]), fileOf(units[1].code), 'Đã hoàn thành, đề nghị tiếp nhận');
      o.emu.ctx.clock.set(Date.UTC(2025, 1, 11, 2));
      consume(o.emu.ctx, 'urlfetch', remaining(o.emu.ctx, 'urlfetch'));
      const net = urlFetchControls(o.emu.ctx);
      const sentBefore = net.requests().length;
      entry.menuRefreshStatus();
      runContinuations(o);
      expect(net.requests().length).toBe(sentBefore); // nothing went out
      const [header, ...rows] = sheetValues(o.master, 'Theo dõi nộp');
      const status = (code: string) =>
        String(rows.find((r) => r[0] === code)?.[header.indexOf('Trạng thái')]);
      expect(status(units[1].code)).toBe('Đã nộp');
      expect(archives(o)).toBe(1);
      // The next Pacific day: the refresh is back on the fast paths, and archives nothing twice.
      o.emu.ctx.clock.set(Date.UTC(2025, 1, 12, 2));
      entry.menuRefreshStatus();
      runContinuations(o);
      expect(net.requests().length).toBeGreaterThan(sentBefore);
      expect(archives(o)).toBe(1);
      expect(status(units[1].code)).toBe('Đã nộp');
    } finally {
      o.close();
    }
  });
});

function archives(o: ReturnType<typeof openOffice>): number {
  const files = o.emu.DriveApp.getFilesByType('application/vnd.google-apps.spreadsheet');
  let n = 0;
  while (files.hasNext()) if (files.next().getName().includes(' - bản nộp ')) n++;
  return n;
}
