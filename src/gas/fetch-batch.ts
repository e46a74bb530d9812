/**
 * Many requests to Google's APIs in parallel: `UrlFetchApp.fetchAll` in batches, with the
 * script's OAuth token; 429 and 5xx answers (and a batch that fails whole, e.g. on a timeout) are
 * retried with exponential backoff. What still fails after that comes back as null, for the
 * caller's serial fallback.
 */
export interface ApiRequest {
  readonly url: string;
  readonly method?: 'get' | 'post';
  readonly payload?: unknown;
}

export interface BatchOptions {
  readonly batchSize: number;
  /** 1 for requests that must not be sent twice (a copy whose answer was lost may exist). */
  readonly maxAttempts: number;
  readonly firstBackoffMs: number;
}

export const DEFAULT_BATCH: BatchOptions = { batchSize: 50, maxAttempts: 4, firstBackoffMs: 1000 };
export const SEND_ONCE: BatchOptions = { ...DEFAULT_BATCH, maxAttempts: 1 };

const retryable = (code: number) => code === 429 || code >= 500;

/** Each request's parsed JSON answer (2xx), or null when it kept failing. */
export function fetchJsonAll(
  requests: readonly ApiRequest[],
  options: BatchOptions = DEFAULT_BATCH,
): (unknown | null)[] {
  const token = ScriptApp.getOAuthToken();
  const results: (unknown | null)[] = requests.map(() => null);
  let pending = requests.map((_, i) => i);
  for (let attempt = 0; attempt < options.maxAttempts && pending.length > 0; attempt++) {
    if (attempt > 0) Utilities.sleep(options.firstBackoffMs * Math.pow(2, attempt - 1));
    const retry: number[] = [];
    for (let start = 0; start < pending.length; start += options.batchSize) {
      const batch = pending.slice(start, start + options.batchSize);
      let responses: GoogleAppsScript.URL_Fetch.HTTPResponse[];
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
      } catch {
        retry.push(...batch);
        continue;
      }
      batch.forEach((i, k) => {
        const code = responses[k].getResponseCode();
        if (code >= 200 && code < 300) results[i] = JSON.parse(responses[k].getContentText() || '{}');
        else if (retryable(code)) retry.push(i);
      });
    }
    pending = retry;
  }
  return results;
}
