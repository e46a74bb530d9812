/**
 * The Sheets API (v4) through UrlFetchApp, many files at once: one spreadsheets.get and one
 * spreadsheets.batchUpdate per file, sent in parallel (fetchAll) and paced to the per-minute
 * quotas — "Read requests … per minute per user per project 60", the same for write requests
 * (https://developers.google.com/workspace/sheets/api/limits). A batch of requests is sent only
 * when the last minute's requests of its kind leave room for it; the wait is whatever is left
 * of the minute after the work done meanwhile, not a fixed pause. A 429 that still comes (the
 * previous execution's requests are not known here) is retried with backoff by fetch-batch.ts.
 */
import { ApiRequest, DEFAULT_BATCH, describeFailure, fetchAllWithRetry, SEND_ONCE } from './fetch-batch';
import { ApiSpreadsheet, SheetRequest } from './sheet-requests';

const API = 'https://sheets.googleapis.com/v4/spreadsheets';

/** Requests of each kind allowed in any 60 seconds for one user (Sheets API usage limits). */
export const SHEETS_REQUESTS_PER_MINUTE = 60;
const MINUTE_MS = 60_000;

type Kind = 'read' | 'write';

/**
 * When this execution sent each request of a kind. Made by the caller once per execution (a job's
 * setup) rather than held in a module variable, which tests would carry from one run to the next.
 */
export interface SheetsPacer {
  readonly sent: Record<Kind, number[]>;
}

export function newSheetsPacer(): SheetsPacer {
  return { sent: { read: [], write: [] } };
}

/** Sleeps until `count` more requests of `kind` fit in the trailing minute. */
function paceFor(pacer: SheetsPacer, kind: Kind, count: number): void {
  const now = new Date().getTime();
  const recent = pacer.sent[kind].filter((t) => t > now - MINUTE_MS);
  pacer.sent[kind] = recent;
  const excess = recent.length + count - SHEETS_REQUESTS_PER_MINUTE;
  if (excess <= 0) return;
  // The excess-th oldest request must leave the window first.
  const waitMs = recent[excess - 1] + MINUTE_MS - now + 1;
  if (waitMs > 0) Utilities.sleep(waitMs);
}

function record(pacer: SheetsPacer, kind: Kind, count: number): void {
  const now = new Date().getTime();
  for (let i = 0; i < count; i++) pacer.sent[kind].push(now);
}

/** One answer per file: the parsed body, or why there is none (HTTP status and Google's status). */
export type ApiAnswer<T> =
  { readonly ok: true; readonly body: T } | { readonly ok: false; readonly reason: string };

function send<T>(pacer: SheetsPacer, kind: Kind, requests: readonly ApiRequest[]): ApiAnswer<T>[] {
  const answers: ApiAnswer<T>[] = [];
  for (let start = 0; start < requests.length; start += SHEETS_REQUESTS_PER_MINUTE) {
    const batch = requests.slice(start, start + SHEETS_REQUESTS_PER_MINUTE);
    paceFor(pacer, kind, batch.length);
    record(pacer, kind, batch.length);
    // A write whose answer was lost may have been applied (its addProtectedRange would be added
    // twice): only refusals (429) are sent again; the caller's slow path repairs the rest.
    const options = kind === 'write' ? SEND_ONCE : DEFAULT_BATCH;
    const responses = fetchAllWithRetry(batch, { ...options, batchSize: SHEETS_REQUESTS_PER_MINUTE });
    for (const response of responses) {
      if (response && response.getResponseCode() === 200)
        answers.push({ ok: true, body: JSON.parse(response.getContentText()) as T });
      else answers.push({ ok: false, reason: describeFailure(response) });
    }
  }
  return answers;
}

/** spreadsheets.get of each file with a field mask (and optional ranges). */
export function getSpreadsheets(
  pacer: SheetsPacer,
  ids: readonly string[],
  fields: string,
  ranges: readonly string[] = [],
): ApiAnswer<ApiSpreadsheet>[] {
  const query = [
    `fields=${encodeURIComponent(fields)}`,
    ...ranges.map((r) => `ranges=${encodeURIComponent(r)}`),
  ].join('&');
  return send<ApiSpreadsheet>(
    pacer,
    'read',
    ids.map((id) => ({ url: `${API}/${id}?${query}` })),
  );
}

/**
 * spreadsheets.batchUpdate of each file: its requests applied together or not at all (the API's
 * own promise), so a failed file is left as it was and can be done again the slow way.
 */
export function batchUpdateSpreadsheets(
  pacer: SheetsPacer,
  updates: readonly { readonly id: string; readonly requests: readonly SheetRequest[] }[],
): ApiAnswer<unknown>[] {
  return send(
    pacer,
    'write',
    updates.map((u) => ({
      url: `${API}/${u.id}:batchUpdate`,
      method: 'post' as const,
      payload: { requests: u.requests },
    })),
  );
}

/**
 * One file's batchUpdate on its own (UrlFetchApp.fetch: no parallel batch to wait for), paced.
 * Only a refusal (429: nothing applied) is sent again after a backoff; a lost answer or another
 * error is returned at once, as the batch may have been applied — the caller's fallback removes
 * what it may have added before doing the work the slow way.
 */
export function batchUpdateOne(
  pacer: SheetsPacer,
  id: string,
  requests: readonly SheetRequest[],
): ApiAnswer<unknown> {
  const token = ScriptApp.getOAuthToken();
  let reason = 'không có phản hồi';
  for (let attempt = 0; attempt < DEFAULT_BATCH.maxAttempts; attempt++) {
    if (attempt > 0) Utilities.sleep(DEFAULT_BATCH.firstBackoffMs * Math.pow(2, attempt - 1));
    paceFor(pacer, 'write', 1);
    record(pacer, 'write', 1);
    let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
    try {
      response = UrlFetchApp.fetch(`${API}/${id}:batchUpdate`, {
        method: 'post',
        contentType: 'application/json',
        payload: JSON.stringify({ requests }),
        headers: { Authorization: `Bearer ${token}` },
        muteHttpExceptions: true,
      });
    } catch (e) {
      reason = e instanceof Error ? e.message : String(e);
      break;
    }
    const code = response.getResponseCode();
    if (code === 200) return { ok: true, body: JSON.parse(response.getContentText()) as unknown };
    reason = describeFailure(response);
    if (code !== 429) break;
  }
  return { ok: false, reason };
}
