/**
 * Rate limits the emulated services enforce, on the modeled clock (the daily UrlFetch quota lives
 * with the other daily quotas in core/quotas.ts):
 *   - per-minute limits of the Google APIs, per user (Sheets: 60 read requests; Drive: 12,000
 *     queries), counted over a sliding 60-second window — stricter than a window aligned to the
 *     minute, which would let 120 requests through across a minute boundary.
 */
import { EmulatorContext } from '../../core/context';
import { DAILY_QUOTAS, resetDailyQuotas } from '../../core/quotas';

export const CONSUMER_DAILY_URLFETCH = DAILY_QUOTAS.urlfetch.consumer;
export const WORKSPACE_DAILY_URLFETCH = DAILY_QUOTAS.urlfetch.workspace;
/** "60 per minute per user per project" (Sheets API usage limits). */
export const SHEETS_READS_PER_MINUTE = 60;
/**
 * "Write requests: per minute per project 300, per minute per user per project 60" (Sheets API
 * usage limits, https://developers.google.com/workspace/sheets/api/limits). A batchUpdate counts
 * as one request whatever it carries ("Each batch request, including all subrequests, is counted
 * as one API request").
 */
export const SHEETS_WRITES_PER_MINUTE = 60;
export const SHEETS_WRITES_PER_MINUTE_PER_PROJECT = 300;
/** "Read requests: per minute per project 300" (same page). */
export const SHEETS_READS_PER_MINUTE_PER_PROJECT = 300;
/**
 * Drive API usage limits: "Queries per 60 seconds per user: 12,000" (earlier table). The current
 * page counts quota units instead (325,000 per minute per user, per-method costs unpublished), so
 * the query count is kept; both answer "403: User rate limit exceeded".
 */
export const DRIVE_QUERIES_PER_MINUTE = 12_000;

/**
 * Sustained Drive writes per second per user before Drive throttles: "about 3" (Workspace admin
 * help, quoted in public issue threads; apps-script-platform.md). The burst a user may send at
 * once is not published: guess 50 (one fetchAll batch of the product), so a burst of copies or
 * shares passes and what follows at more than 3 a second is refused with a rate-limit 403.
 */
export const DRIVE_WRITES_PER_SECOND = 3;
export const DRIVE_WRITE_BURST = 50;

/**
 * Docs API usage limits: "Read requests … Per minute per user per project 300; Write requests …
 * Per minute per user per project 60" (https://developers.google.com/workspace/docs/api/limits);
 * over them Google answers "429: Too many requests".
 */
export const DOCS_READS_PER_MINUTE = 300;
export const DOCS_WRITES_PER_MINUTE = 60;

export const MINUTE_MS = 60 * 1000;

interface QuotaState {
  readonly windows: Map<string, number[]>;
  readonly buckets: Map<string, { tokens: number; atMs: number }>;
}

const STATES = new WeakMap<EmulatorContext, QuotaState>();

function stateOf(ctx: EmulatorContext): QuotaState {
  let state = STATES.get(ctx);
  if (!state) STATES.set(ctx, (state = { windows: new Map(), buckets: new Map() }));
  return state;
}

/** Take one request from `key`'s per-minute allowance; false when it is used up. */
export function takeFromWindow(ctx: EmulatorContext, key: string, limit: number): boolean {
  const now = ctx.clock.nowMs();
  const windows = stateOf(ctx).windows;
  const recent = (windows.get(key) ?? []).filter((t) => t > now - MINUTE_MS);
  windows.set(key, recent);
  if (recent.length >= limit) return false;
  recent.push(now);
  return true;
}

/**
 * Take one token from `key`'s bucket (full at `burst`, refilled at `perSecond` on the modeled
 * clock); false when it is empty. Requests of one fetchAll arrive at one instant, so a burst
 * larger than the bucket is partly refused.
 */
export function takeFromBucket(ctx: EmulatorContext, key: string, burst: number, perSecond: number): boolean {
  const now = ctx.clock.nowMs();
  const buckets = stateOf(ctx).buckets;
  const b = buckets.get(key) ?? { tokens: burst, atMs: now };
  b.tokens = Math.min(burst, b.tokens + ((now - b.atMs) / 1000) * perSecond);
  b.atMs = now;
  buckets.set(key, b);
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

/** Fresh per-minute windows, buckets and daily UrlFetch count (a test control). */
export function resetQuotas(ctx: EmulatorContext): void {
  STATES.delete(ctx);
  resetDailyQuotas(ctx, 'urlfetch');
}
