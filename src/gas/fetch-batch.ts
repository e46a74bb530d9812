/**
 * Many requests to Google in parallel: `UrlFetchApp.fetchAll` in batches, with the script's OAuth
 * token; 429 and 5xx answers (and a batch that fails whole, e.g. on a timeout) are retried with
 * exponential backoff. What still fails after that comes back as null, for the caller's serial
 * fallback.
 */
type HTTPResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;

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

export const isRetryable = (code: number): boolean => code === 429 || code >= 500;

/** Each request's last response (retryable ones retried), or null when none came back. */
export function fetchAllWithRetry(
  requests: readonly ApiRequest[],
  options: BatchOptions = DEFAULT_BATCH,
): (HTTPResponse | null)[] {
  const token = ScriptApp.getOAuthToken();
  const results: (HTTPResponse | null)[] = requests.map(() => null);
  let pending = requests.map((_, i) => i);
  for (let attempt = 0; attempt < options.maxAttempts && pending.length > 0; attempt++) {
    if (attempt > 0) Utilities.sleep(options.firstBackoffMs * Math.pow(2, attempt - 1));
    const retry: number[] = [];
    for (let start = 0; start < pending.length; start += options.batchSize) {
      const batch = pending.slice(start, start + options.batchSize);
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
      } catch {
        retry.push(...batch); // fetchAll fails whole when one request times out
        continue;
      }
      batch.forEach((i, k) => {
        results[i] = responses[k];
        if (isRetryable(responses[k].getResponseCode())) retry.push(i);
      });
    }
    pending = retry;
  }
  return results;
}

/** Each request's parsed JSON answer (2xx), or null when it kept failing. */
export function fetchJsonAll(
  requests: readonly ApiRequest[],
  options: BatchOptions = DEFAULT_BATCH,
): (unknown | null)[] {
  return fetchAllWithRetry(requests, options).map((response) => {
    const code = response ? response.getResponseCode() : 0;
    return response && code >= 200 && code < 300 ? JSON.parse(response.getContentText() || '{}') : null;
  });
}
