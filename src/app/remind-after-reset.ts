import { deleteTriggers } from '../gas/triggers';
import { startJob } from './jobs/registry';
import { remindJob, REMIND_AFTER_RESET_HANDLER } from './reminders';

/**
 * The one-off trigger a reminders run left when the day's quota (or the reminders' share of it)
 * stopped it: the daily reminders again, after Google reset the quota. Only the tiers not yet
 * logged go (the mail log), so nothing is sent twice; a run still paused is resumed instead.
 */
export function remindAfterQuotaReset(): void {
  deleteTriggers(REMIND_AFTER_RESET_HANDLER);
  startJob(remindJob, { interactive: false });
}
