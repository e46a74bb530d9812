import { dailyAt, deleteTriggers, everyHours } from '../gas/triggers';
import { ActionContext, ActionOutcome } from './action';
import { loadConfig, requireAdmin } from './config';

/** Trigger handlers (exported by src/index.ts). */
export const AUTO_REFRESH_HANDLER = 'autoRefreshStatus';
export const AUTO_REMIND_HANDLER = 'autoSendReminders';
/** Reminders go out in the morning, office time. */
export const REMINDER_HOUR = 8;

/** "Bật cập nhật tự động": status every hour, reminders every morning. Re-running never doubles them. */
export function enableAutomation(ctx: ActionContext): ActionOutcome {
  requireAdmin(loadConfig(ctx.master), ctx.user);
  deleteTriggers(AUTO_REFRESH_HANDLER);
  deleteTriggers(AUTO_REMIND_HANDLER);
  everyHours(AUTO_REFRESH_HANDLER, 1);
  dailyAt(AUTO_REMIND_HANDLER, REMINDER_HOUR);
  return {
    ok: true,
    summary: `Đã bật: cập nhật trạng thái mỗi giờ, gửi nhắc nhở lúc ${REMINDER_HOUR} giờ sáng hằng ngày (chạy dưới tài khoản ${ctx.user}).`,
    counts: '2 trình kích hoạt',
    problems: [],
  };
}

/** "Tắt cập nhật tự động". */
export function disableAutomation(ctx: ActionContext): ActionOutcome {
  requireAdmin(loadConfig(ctx.master), ctx.user);
  const removed = deleteTriggers(AUTO_REFRESH_HANDLER) + deleteTriggers(AUTO_REMIND_HANDLER);
  return {
    ok: true,
    summary: `Đã tắt cập nhật tự động (${removed} trình kích hoạt).`,
    counts: `xóa ${removed}`,
    problems: [],
  };
}
