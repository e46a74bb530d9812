import { EmulatorContext } from '../../core/context';
import { DAILY_QUOTAS, resetDailyQuotas, resetsAt, used } from '../../core/quotas';

/**
 * The daily recipients quota ("Email recipients per day: 100 / day" for consumer accounts, 1,500
 * for Google Workspace — https://developers.google.com/apps-script/guides/services/quotas), kept
 * with the other daily quotas in core/quotas.ts (the day rule is described there). Every address
 * in to, cc and bcc counts, duplicates included ("Quotas are based on the number of email
 * recipients", MailApp.getRemainingDailyQuota reference).
 */
export const CONSUMER_DAILY_RECIPIENTS = DAILY_QUOTAS.email.consumer;
export const WORKSPACE_DAILY_RECIPIENTS = DAILY_QUOTAS.email.workspace;

/** Recipients `user` has used today (0 once their day has turned). */
export function recipientsUsed(ctx: EmulatorContext, user: string): number {
  return used(ctx, 'email', user);
}

/** Test control: start a fresh day for `user` (or everyone) without moving the clock. */
export function resetMailQuota(ctx: EmulatorContext, user?: string): void {
  resetDailyQuotas(ctx, 'email', user);
}

/** Test control: when `user`'s current count ends (null when they have sent nothing today). */
export function mailQuotaResetsAt(ctx: EmulatorContext, user: string): Date | null {
  return resetsAt(ctx, 'email', user);
}
