/**
 * Many requests to Google in parallel: `UrlFetchApp.fetchAll` in batches, with the script's OAuth
 * token; rate limits (429, and Drive's 403 with a rate-limit reason) and 5xx answers (and a batch
 * that fails whole, e.g. on a timeout) are retried with exponential backoff. What still fails after
 * that comes back as null, for the caller's serial fallback.
 */
type HTTPResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;

export interface ApiRequest {
  readonly url: string;
  readonly method?: 'get' | 'post';
  readonly payload?: unknown;
}

export interface BatchOptions {
  readonly batchSize: number;
  readonly maxAttempts: number;
  readonly firstBackoffMs: number;
  /**
   * For requests that must not be sent twice (a copy whose answer was lost may exist): only
   * answers that say the request was refused unperformed (rate limits) are retried, never a 5xx
   * or a missing answer.
   */
  readonly refusalsOnly?: boolean;
  /**
   * Writes to Drive (copies, shares): sent in small batches spaced so that they never go faster
   * than Drive's sustained rate, instead of finding the rate through its refusals.
   */
  readonly pacedWrites?: boolean;
}

export const DEFAULT_BATCH: BatchOptions = { batchSize: 50, maxAttempts: 4, firstBackoffMs: 1000 };
export const SEND_ONCE: BatchOptions = { ...DEFAULT_BATCH, refusalsOnly: true };

/**
 * Drive's sustained write rate per user: "about 3 writes a second" (Workspace admin help, as
 * quoted in apps-script-platform.md; emulator url-fetch/quotas.ts). How large a burst Drive lets
 * through is not published, so writes go in batches of PACED_WRITE_BATCH — small enough to lean
 * on no burst allowance worth the name — each starting no sooner than the previous batch's writes
 * take at that rate (10 writes: 3.3 s; a batch of copies takes about that long to answer anyway).
 */
export const DRIVE_WRITES_PER_SECOND = 3;
export const PACED_WRITE_BATCH = 10;
/**
 * Added to each batch's spacing: the script's clock reads whole milliseconds and Drive's "about"
 * is not exact, so the pace stays a little under 3 a second (10 writes every 3.53 s: 2.8/s).
 */
const PACE_MARGIN_MS = 200;

/**
 * When the next paced write may start, on the script's clock. Kept per UrlFetchApp — one per
 * execution in Apps Script — so a host that reuses module state for another execution (the
 * emulator: each instance installs its own services in one Node process) starts unbooked instead
 * of waiting for a booking some other execution made.
 */
const nextWriteAt = new WeakMap<object, number>();

/** Waits until `count` more writes fit the sustained rate, and books them. */
function paceWrites(count: number): void {
  const now = new Date().getTime();
  const spacing = Math.ceil((PACED_WRITE_BATCH / DRIVE_WRITES_PER_SECOND) * 1000) + PACE_MARGIN_MS;
  let booked = nextWriteAt.get(UrlFetchApp) ?? 0;
  // A booking never lies further ahead than one batch's spacing; one that does is not this
  // execution's (module state kept by a host that reuses it) and is dropped.
  if (booked - now > spacing) booked = now;
  if (booked > now) Utilities.sleep(booked - now);
  booked = Math.max(now, booked) + Math.ceil((count / DRIVE_WRITES_PER_SECOND) * 1000) + PACE_MARGIN_MS;
  nextWriteAt.set(UrlFetchApp, booked);
}

/**
 * Drive's rate-limit reasons: it answers them as 403 (sometimes 429), and asks for exponential
 * backoff (https://developers.google.com/drive/api/guides/handle-errors). Other 403 reasons —
 * insufficientFilePermissions, forbidden… — are real refusals and are not retried.
 */
const RATE_LIMIT_REASONS = ['userRateLimitExceeded', 'rateLimitExceeded', 'sharingRateLimitExceeded'];

/** The first error reason of a Google JSON error body (Drive's errors[0].reason), if any. */
export function errorReason(response: HTTPResponse): string | null {
  try {
    const body = JSON.parse(response.getContentText()) as {
      error?: { errors?: { reason?: unknown }[]; status?: unknown };
    };
    const reason = body.error?.errors?.[0]?.reason ?? body.error?.status;
    return typeof reason === 'string' ? reason : null;
  } catch {
    return null;
  }
}

/** A refusal to be tried again later: 429, or a 403 whose reason is a rate limit. */
export function isRateLimited(response: HTTPResponse): boolean {
  const code = response.getResponseCode();
  if (code === 429) return true;
  if (code !== 403) return false;
  const reason = errorReason(response);
  return reason !== null && RATE_LIMIT_REASONS.includes(reason);
}

function isRetryable(response: HTTPResponse, options: BatchOptions): boolean {
  if (isRateLimited(response)) return true;
  return !options.refusalsOnly && response.getResponseCode() >= 500;
}

/** Each request's last response (retryable ones retried), or null when none came back. */
export function fetchAllWithRetry(
  requests: readonly ApiRequest[],
  options: BatchOptions = DEFAULT_BATCH,
): (HTTPResponse | null)[] {
  return fetchAllDetailed(requests, options).responses;
}

/**
 * As fetchAllWithRetry, with what UrlFetchApp threw for each request that got no answer (its
 * last attempt): a caller may tell a passing fault (a timeout) from the day's UrlFetch quota spent,
 * when no request was sent at all.
 */
export function fetchAllDetailed(
  requests: readonly ApiRequest[],
  options: BatchOptions = DEFAULT_BATCH,
): { responses: (HTTPResponse | null)[]; thrown: (string | null)[] } {
  const thrown: (string | null)[] = requests.map(() => null);
  const token = ScriptApp.getOAuthToken();
  const results: (HTTPResponse | null)[] = requests.map(() => null);
  let pending = requests.map((_, i) => i);
  for (let attempt = 0; attempt < options.maxAttempts && pending.length > 0; attempt++) {
    if (attempt > 0) Utilities.sleep(options.firstBackoffMs * Math.pow(2, attempt - 1));
    const retry: number[] = [];
    const size = options.pacedWrites ? Math.min(options.batchSize, PACED_WRITE_BATCH) : options.batchSize;
    for (let start = 0; start < pending.length; start += size) {
      const batch = pending.slice(start, start + size);
      if (options.pacedWrites) paceWrites(batch.length);
      let responses: HTTPResponse[];
      try {
        responses = UrlFetchApp.fetchAll(
          batch.map((i) => {
            const r = requests[i];
            return {
              url: r.url,
              method: r.method ?? 'get',
              headers: { Authorization: `Bearer ${token}` },
              contentType: r.payload === undefined ? undefined : 'application/json',
              payload: r.payload === undefined ? undefined : JSON.stringify(r.payload),
              muteHttpExceptions: true,
            };
          }),
        );
      } catch (e) {
        // fetchAll fails whole when one request times out; a request that must not be sent twice
        // may have been performed, so it is left to the caller.
        for (const i of batch) thrown[i] = e instanceof Error ? e.message : String(e);
        if (!options.refusalsOnly) retry.push(...batch);
        continue;
      }
      batch.forEach((i, k) => {
        results[i] = responses[k];
        thrown[i] = null;
        if (isRetryable(responses[k], options)) retry.push(i);
      });
    }
    pending = retry;
  }
  return { responses: results, thrown };
}

/** UrlFetchApp's refusal once the day's calls are spent: nothing was sent, none will be today. */
export function isDailyFetchQuota(thrown: string | null): boolean {
  return thrown !== null && /too many times for one day/i.test(thrown);
}

/** Each request's parsed JSON answer (2xx), or null when it kept failing. */
export interface JsonAnswers {
  readonly answers: (unknown | null)[];
  /** Why some failed, e.g. "2 of 40: HTTP 403 insufficientFilePermissions"; null when none did. */
  readonly failure: string | null;
}

export function fetchJsonAll(
  requests: readonly ApiRequest[],
  options: BatchOptions = DEFAULT_BATCH,
): JsonAnswers {
  const responses = fetchAllWithRetry(requests, options);
  const why = new Set<string>();
  const answers = responses.map((response) => {
    const code = response ? response.getResponseCode() : 0;
    if (response && code >= 200 && code < 300) return JSON.parse(response.getContentText() || '{}');
    why.add(describeFailure(response));
    return null;
  });
  const failed = answers.filter((a) => a === null).length;
  return { answers, failure: failed === 0 ? null : `${failed}/${requests.length}: ${[...why].join(', ')}` };
}

/** "HTTP 403 accessNotConfigured", or that no answer came. */
export function describeFailure(response: HTTPResponse | null): string {
  return response ? `HTTP ${response.getResponseCode()}${describeReason(response)}` : 'không có phản hồi';
}

function describeReason(response: HTTPResponse): string {
  const reason = errorReason(response);
  return reason ? ` ${reason}` : '';
}
