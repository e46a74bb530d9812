import { EmulatorContext } from '../../core/context';

/**
 * The daily recipients quota ("Email recipients per day: 100 / day" for consumer accounts, 1,500
 * for Google Workspace; "Quotas are per user and reset 24 hours after the first request" —
 * https://developers.google.com/apps-script/guides/services/quotas). Modeled literally: each
 * person's window opens with their first send and lasts 24 h of modeled time; every address in
 * to, cc and bcc counts, duplicates included ("Quotas are based on the number of email
 * recipients", MailApp.getRemainingDailyQuota reference).
 */
export const CONSUMER_DAILY_RECIPIENTS = 100;
export const WORKSPACE_DAILY_RECIPIENTS = 1500;
export const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;

interface Usage {
  readonly windowStartMs: number;
  used: number;
}

const USAGE = new WeakMap<EmulatorContext, Map<string, Usage>>();

function usageMap(ctx: EmulatorContext): Map<string, Usage> {
  let map = USAGE.get(ctx);
  if (!map) USAGE.set(ctx, (map = new Map()));
  return map;
}

/** Recipients `user` has used in their current window (0 once the window has passed). */
export function recipientsUsed(ctx: EmulatorContext, user: string): number {
  const usage = usageMap(ctx).get(user.toLowerCase());
  if (!usage || ctx.clock.nowMs() >= usage.windowStartMs + QUOTA_WINDOW_MS) return 0;
  return usage.used;
}

export function useRecipients(ctx: EmulatorContext, user: string, count: number): void {
  const map = usageMap(ctx);
  const key = user.toLowerCase();
  const now = ctx.clock.nowMs();
  const usage = map.get(key);
  if (!usage || now >= usage.windowStartMs + QUOTA_WINDOW_MS)
    map.set(key, { windowStartMs: now, used: count });
  else usage.used += count;
}

/** Test control: start a fresh day for `user` (or everyone) without moving the clock. */
export function resetMailQuota(ctx: EmulatorContext, user?: string): void {
  if (user === undefined) usageMap(ctx).clear();
  else usageMap(ctx).delete(user.toLowerCase());
}

/** Test control: when `user`'s current window ends (null when they have no open window). */
export function mailQuotaResetsAt(ctx: EmulatorContext, user: string): Date | null {
  const usage = usageMap(ctx).get(user.toLowerCase());
  if (!usage || ctx.clock.nowMs() >= usage.windowStartMs + QUOTA_WINDOW_MS) return null;
  return new Date(usage.windowStartMs + QUOTA_WINDOW_MS);
}
