import { mailOutbox, TriggerRunner } from '../../emulator';
import * as entry from '../../src/index';
import { registryRows } from '../../sample/vinh-linh';
import { RECIPIENTS_PER_DAY, reminderReserve } from '../../src/domain/tracking/reminders';
import { manyUnits } from '../fixtures/many-units';
import {
  lastLog,
  openOffice,
  runContinuations,
  setConfig,
  sheetValues,
  typeRegistry,
} from '../fixtures/office';

/**
 * The reminders' share of the day's mail quota ("Thư nhắc dùng tối đa (% hạn mức thư mỗi ngày)",
 * default 50): on the plan's deadline day, reminders to every unit that has not submitted must not
 * take the recipients the office needs that day to return plans; what they leave goes by itself
 * after Google resets the quota — the same day in Viet Nam (15:00), never twice.
 */
describe('reminderReserve', () => {
  it('keeps the part of the daily quota beyond the share', () => {
    expect(RECIPIENTS_PER_DAY).toEqual({ consumer: 100, workspace: 1500 });
    expect(reminderReserve('consumer', 50)).toBe(50);
    expect(reminderReserve('workspace', 50)).toBe(750);
    expect(reminderReserve('workspace', 100)).toBe(0);
    expect(reminderReserve('workspace', 150)).toBe(0);
    expect(reminderReserve('consumer', 33)).toBe(67);
  });
});

const N = 70;
/** 15/02/2025, the plan deadline: 06:00 and 08:00 in Viet Nam; Pacific midnight is 15:00. */
const EARLY = Date.UTC(2025, 1, 14, 23);
const EIGHT = Date.UTC(2025, 1, 15, 1);

function officeOnDeadline(share?: number) {
  const o = openOffice(new Date(Date.UTC(2025, 1, 10, 2)));
  entry.menuSetup();
  if (share !== undefined) setConfig(o.master, 'reminderQuotaShare', share);
  typeRegistry(o.master, registryRows(manyUnits(N)));
  entry.menuProvisionUnits();
  runContinuations(o);
  o.emu.ctx.clock.set(EARLY);
  entry.menuRefreshStatus();
  runContinuations(o);
  return o;
}

const recipients = (o: ReturnType<typeof openOffice>) =>
  mailOutbox(o.emu.ctx)
    .messages()
    .reduce((n, m) => n + m.to.length + m.cc.length, 0);

describe('reminders use their share of the mail quota and leave the rest', () => {
  test('by default half of a Gmail account’s 100 recipients; the rest after the reset, nobody twice', () => {
    const o = officeOnDeadline();
    try {
      o.emu.ctx.clock.set(EIGHT);
      entry.menuSendReminders();
      runContinuations(o);
      const first = mailOutbox(o.emu.ctx).messages().length;
      expect(first).toBeGreaterThan(0);
      expect(recipients(o)).toBeLessThanOrEqual(50);
      expect(o.emu.MailApp.getRemainingDailyQuota()).toBeGreaterThanOrEqual(50);
      const said = o.emu.ui.dialogs().at(-1)?.prompt ?? '';
      expect(said).toMatch(
        /dừng lại vì thư nhắc đã dùng hết phần hạn mức gửi thư dành cho chúng \(50% mỗi ngày\), giữ lại \d+ người nhận cho thư báo trả lại kế hoạch\. \d+ thư chưa gửi sẽ tự gửi lúc 15:10 ngày 15\/02\/2025/,
      );
      expect(lastLog(o.master)[4]).toMatch(/^gửi \d+, chưa gửi \d+$/);
      const pending = o.emu.ScriptApp.getProjectTriggers().filter(
        (t) => t.getHandlerFunction() === 'remindAfterQuotaResetTrigger',
      );
      expect(pending).toHaveLength(1);

      // 15:10: the trigger sends the rest of the deadline day's reminders on the new quota day.
      const runner = new TriggerRunner(o.emu.ctx);
      o.emu.ui.uiAvailable = false;
      runner.advanceAndRun(Date.UTC(2025, 1, 15, 8, 11) - o.emu.ctx.clock.nowMs(), {
        remindAfterQuotaResetTrigger: entry.remindAfterQuotaResetTrigger,
        continueJobsTrigger: entry.continueJobsTrigger,
      });
      o.emu.ui.uiAvailable = true;
      runContinuations(o);
      const all = mailOutbox(o.emu.ctx).messages();
      expect(all.length).toBeGreaterThan(first);
      // Still within that day's share, and every tier sent once.
      expect(o.emu.MailApp.getRemainingDailyQuota()).toBeGreaterThanOrEqual(50);
      const rows = sheetValues(o.master, 'Thư đã gửi').slice(1);
      const sent = rows.filter((r) => r[9] === 'Đã gửi').map((r) => `${r[1]}|${r[4]}|${r[5]}`);
      expect(sent).toHaveLength(all.length);
      expect(new Set(sent).size).toBe(sent.length);
      expect(new Set(all.map((m) => m.subject)).size).toBe(all.length);
      // The spent trigger is gone: at most the one the new day's share armed again remains.
      const left = o.emu.ScriptApp.getProjectTriggers().filter(
        (t) => t.getHandlerFunction() === 'remindAfterQuotaResetTrigger',
      );
      expect(left.map((t) => t.getUniqueId())).not.toContain(pending[0].getUniqueId());
      expect(left.length).toBeLessThanOrEqual(1);
    } finally {
      o.close();
    }
  });

  test('at 100% the reminders may spend the whole quota', () => {
    const o = officeOnDeadline(100);
    try {
      o.emu.ctx.clock.set(EIGHT);
      entry.menuSendReminders();
      runContinuations(o);
      expect(o.emu.MailApp.getRemainingDailyQuota()).toBeLessThan(2);
    } finally {
      o.close();
    }
  });
});
