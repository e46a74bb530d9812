/**
 * Reads many unit sheets at once. Strategy (docs/consolidation.md has the numbers): each sheet's
 * CSV export, fetched in parallel with UrlFetchApp.fetchAll in batches and the script's OAuth
 * token; 429 and 5xx answers are retried with exponential backoff; a sheet still unread after
 * that, or whose export cannot be used, is read with SpreadsheetApp — one file at a time, slower
 * but always available. CSV gives display values, which is what the unit sees and what the
 * domain parsers read; SpreadsheetApp's getDisplayValues gives the same.
 */

export interface SheetRequest {
  readonly key: string;
  readonly fileId: string;
  readonly sheetName: string;
  /** The sheet's gid, when known: needed for the CSV export. */
  readonly sheetId: number | null;
}

export type ReadFailure = 'missing' | 'no-sheet' | 'failed';

export interface SheetRead {
  readonly request: SheetRequest;
  readonly grid: string[][] | null;
  readonly failure: ReadFailure | null;
  readonly via: 'csv' | 'spreadsheet' | null;
}

export interface ReadOptions {
  readonly batchSize: number;
  readonly maxAttempts: number;
  readonly firstBackoffMs: number;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { batchSize: 50, maxAttempts: 4, firstBackoffMs: 1000 };

const RETRYABLE = (code: number) => code === 429 || code >= 500;

export function csvExportUrl(fileId: string, sheetId: number): string {
  return `https://docs.google.com/spreadsheets/d/${fileId}/export?format=csv&gid=${sheetId}`;
}

export function readSheets(
  requests: readonly SheetRequest[],
  options: ReadOptions = DEFAULT_READ_OPTIONS,
): SheetRead[] {
  const results = new Map<string, SheetRead>();
  const token = ScriptApp.getOAuthToken();
  let pending = requests.filter((r) => r.sheetId !== null);
  for (let attempt = 0; attempt < options.maxAttempts && pending.length > 0; attempt++) {
    if (attempt > 0) Utilities.sleep(options.firstBackoffMs * Math.pow(2, attempt - 1));
    const retry: SheetRequest[] = [];
    for (let start = 0; start < pending.length; start += options.batchSize) {
      const batch = pending.slice(start, start + options.batchSize);
      for (const [request, outcome] of fetchBatch(batch, token)) {
        if (outcome === 'retry') retry.push(request);
        else if (outcome !== 'fallback') results.set(request.key, outcome);
      }
    }
    pending = retry;
  }
  for (const request of requests) {
    if (!results.has(request.key)) results.set(request.key, readWithSpreadsheetApp(request));
  }
  return requests.map((r) => results.get(r.key) as SheetRead);
}

function fetchBatch(
  batch: readonly SheetRequest[],
  token: string,
): [SheetRequest, SheetRead | 'retry' | 'fallback'][] {
  let responses: GoogleAppsScript.URL_Fetch.HTTPResponse[];
  try {
    responses = UrlFetchApp.fetchAll(
      batch.map((r) => ({
        url: csvExportUrl(r.fileId, r.sheetId as number),
        headers: { Authorization: `Bearer ${token}` },
        muteHttpExceptions: true,
        // The export answers 307 to a signed download URL; UrlFetchApp follows it by default.
      })),
    );
  } catch {
    // fetchAll fails whole when one request times out: try the batch again.
    return batch.map((r) => [r, 'retry']);
  }
  return batch.map((request, i) => {
    const code = responses[i].getResponseCode();
    const headers = responses[i].getHeaders() as Record<string, string>;
    const type = String(headers['Content-Type'] ?? headers['content-type'] ?? '');
    // Without a valid token the redirect ends on Google's sign-in page: 200, but HTML.
    if (code === 200 && type.indexOf('text/csv') < 0) return [request, 'fallback'];
    if (code === 200) {
      const grid = Utilities.parseCsv(responses[i].getContentText('UTF-8'));
      return [request, { request, grid, failure: null, via: 'csv' }];
    }
    if (code === 404) return [request, { request, grid: null, failure: 'missing', via: 'csv' }];
    return [request, RETRYABLE(code) ? 'retry' : 'fallback'];
  });
}

function readWithSpreadsheetApp(request: SheetRequest): SheetRead {
  let ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  try {
    ss = SpreadsheetApp.openById(request.fileId);
  } catch {
    return { request, grid: null, failure: 'missing', via: 'spreadsheet' };
  }
  try {
    const sheet = ss.getSheetByName(request.sheetName);
    if (!sheet) return { request, grid: null, failure: 'no-sheet', via: 'spreadsheet' };
    return { request, grid: sheet.getDataRange().getDisplayValues(), failure: null, via: 'spreadsheet' };
  } catch {
    return { request, grid: null, failure: 'failed', via: 'spreadsheet' };
  }
}
