/**
 * Reads many unit sheets at once. Strategy (docs/benchmarks.md has the numbers): each sheet's
 * CSV export, fetched in parallel (fetch-batch.ts: fetchAll in batches with the script's OAuth
 * token, 429 and 5xx retried with backoff); a sheet still unread after that, or whose export
 * cannot be used, is read with SpreadsheetApp — one file at a time, slower
 * but always available. CSV gives display values, which is what the unit sees and what the
 * domain parsers read; SpreadsheetApp's getDisplayValues gives the same.
 */
import { commitSpreadsheetWrites } from './commit-writes';
import { fetchAllWithRetry } from './fetch-batch';

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

export function csvExportUrl(fileId: string, sheetId: number): string {
  return `https://docs.google.com/spreadsheets/d/${fileId}/export?format=csv&gid=${sheetId}`;
}

export function readSheets(requests: readonly SheetRequest[]): SheetRead[] {
  commitSpreadsheetWrites(); // the export sees only applied writes
  const viaCsv = requests.filter((r) => r.sheetId !== null);
  // The export answers 307 to a signed download URL; UrlFetchApp follows it by default.
  const responses = fetchAllWithRetry(
    viaCsv.map((r) => ({ url: csvExportUrl(r.fileId, r.sheetId as number) })),
  );
  const results = new Map<string, SheetRead>();
  viaCsv.forEach((request, i) => {
    const read = fromCsv(request, responses[i]);
    if (read) results.set(request.key, read);
  });
  return requests.map((r) => results.get(r.key) ?? readWithSpreadsheetApp(r));
}

/** A usable CSV answer, a definite "missing", or null for the SpreadsheetApp fallback. */
function fromCsv(
  request: SheetRequest,
  response: GoogleAppsScript.URL_Fetch.HTTPResponse | null,
): SheetRead | null {
  if (!response) return null;
  const code = response.getResponseCode();
  if (code === 404) return { request, grid: null, failure: 'missing', via: 'csv' };
  const headers = response.getHeaders() as Record<string, string>;
  const type = String(headers['Content-Type'] ?? headers['content-type'] ?? '');
  // Without a valid token the redirect ends on Google's sign-in page: 200, but HTML.
  if (code !== 200 || type.indexOf('text/csv') < 0) return null;
  return { request, grid: Utilities.parseCsv(response.getContentText('UTF-8')), failure: null, via: 'csv' };
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
