/**
 * Reads many unit sheets at once. Strategy (docs/benchmarks.md has the numbers): each sheet's
 * CSV export, fetched in parallel (fetch-batch.ts: fetchAll in batches with the script's OAuth
 * token, 429 and 5xx retried with backoff); a sheet still unread after that, or whose export
 * cannot be used, is read with SpreadsheetApp — one file at a time, slower
 * but always available. CSV gives display values, which is what the unit sees and what the
 * domain parsers read; SpreadsheetApp's getDisplayValues gives the same.
 *
 * The export is asked by gid, which only the file itself knows for sure (sheets get random ids;
 * a copy keeps its template's). So an export answer is trusted only when it is CSV, parses, and
 * shows the sheet that was asked for (`isExpected`): a stale gid may be refused (400) or, worse,
 * answered with another sheet. Anything else — any 4xx included — goes to SpreadsheetApp, which
 * alone decides between "the file is gone" and "readable": an export error is never taken for a
 * missing file.
 */
import { commitSpreadsheetWrites } from './commit-writes';
import { noteFallback, noteFastPath } from './paths';
import { fetchAllWithRetry } from './fetch-batch';

export interface SheetRequest {
  readonly key: string;
  readonly fileId: string;
  readonly sheetName: string;
  /** The sheet's gid, when known or guessed: needed for the CSV export. */
  readonly sheetId: number | null;
  /** Whether a grid exported by gid is this sheet (checked on CSV reads only); default: any. */
  readonly isExpected?: (grid: readonly (readonly string[])[]) => boolean;
}

export type ReadFailure = 'missing' | 'no-sheet' | 'failed';

/** Why the CSV fast path was not taken for a sheet (the self-test reports it). */
export type FallbackReason =
  | { readonly kind: 'no-gid' }
  /** No answer after the retries (timeouts, 429/5xx throughout). */
  | { readonly kind: 'no-answer' }
  | { readonly kind: 'http'; readonly status: number }
  /** 200 but not CSV: e.g. the sign-in page when the token is not accepted. */
  | { readonly kind: 'not-csv'; readonly contentType: string }
  /** Utilities.parseCsv threw (its message). */
  | { readonly kind: 'unparseable'; readonly message: string }
  /** The export at this gid shows another sheet: the gid is stale. */
  | { readonly kind: 'wrong-sheet'; readonly sheetId: number };

export interface SheetRead {
  readonly request: SheetRequest;
  readonly grid: string[][] | null;
  readonly failure: ReadFailure | null;
  readonly via: 'csv' | 'spreadsheet' | null;
  /** The gid the grid was read from — the file's own — when it was read. */
  readonly sheetId: number | null;
  /** Why the sheet was read with SpreadsheetApp rather than its CSV export; null for CSV reads. */
  readonly fallbackReason: FallbackReason | null;
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
  const read = new Map<string, SheetRead>();
  const reasons = new Map<string, FallbackReason>();
  viaCsv.forEach((request, i) => {
    const answer = fromCsv(request, responses[i]);
    if ('grid' in answer) read.set(request.key, answer);
    else reasons.set(request.key, answer.reason);
  });
  const fallback = requests.filter((r) => !read.has(r.key));
  notePaths(read.size, fallback, reasons);
  for (const [fileId, sheets] of byFile(fallback)) {
    for (const r of readWithSpreadsheetApp(fileId, sheets, (request) => reasons.get(request.key))) {
      read.set(r.request.key, r);
    }
  }
  return requests.map((r) => read.get(r.key) as SheetRead);
}

/** A CSV answer that can be trusted, or why not (the SpreadsheetApp fallback decides). */
function fromCsv(
  request: SheetRequest,
  response: GoogleAppsScript.URL_Fetch.HTTPResponse | null,
): SheetRead | { readonly reason: FallbackReason } {
  if (!response) return { reason: { kind: 'no-answer' } };
  const code = response.getResponseCode();
  if (code !== 200) return { reason: { kind: 'http', status: code } };
  const headers = response.getHeaders() as Record<string, string>;
  const type = String(headers['Content-Type'] ?? headers['content-type'] ?? '');
  // Without a valid token the redirect ends on Google's sign-in page: 200, but HTML.
  if (type.indexOf('text/csv') < 0) return { reason: { kind: 'not-csv', contentType: type } };
  let grid: string[][];
  try {
    grid = Utilities.parseCsv(response.getContentText('UTF-8'));
  } catch (e) {
    return { reason: { kind: 'unparseable', message: e instanceof Error ? e.message : String(e) } };
  }
  const sheetId = request.sheetId as number;
  if (request.isExpected && !request.isExpected(grid)) return { reason: { kind: 'wrong-sheet', sheetId } };
  return { request, grid, failure: null, via: 'csv', sheetId, fallbackReason: null };
}

/** The paths taken, for the self-test's report (paths.ts). */
function notePaths(
  viaCsv: number,
  fallback: readonly SheetRequest[],
  reasons: ReadonlyMap<string, FallbackReason>,
): void {
  noteFastPath('csv-export', viaCsv);
  for (const r of fallback) {
    noteFallback(
      'csv-export',
      `${r.sheetName}: ${describeFallback(reasons.get(r.key) ?? { kind: 'no-gid' })}`,
    );
  }
}

/** Why a sheet was not read through its export, in Vietnamese. */
export function describeFallback(reason: FallbackReason): string {
  switch (reason.kind) {
    case 'no-gid':
      return 'chưa biết mã trang (gid)';
    case 'no-answer':
      return 'không có phản hồi sau khi thử lại';
    case 'http':
      return `HTTP ${reason.status}`;
    case 'not-csv':
      return `phản hồi không phải CSV (${reason.contentType || 'không rõ loại'})`;
    case 'unparseable':
      return `không đọc được CSV: ${reason.message}`;
    case 'wrong-sheet':
      return `gid ${reason.sheetId} là một trang khác`;
  }
}

function byFile(requests: readonly SheetRequest[]): Map<string, SheetRequest[]> {
  const files = new Map<string, SheetRequest[]>();
  for (const r of requests) files.set(r.fileId, [...(files.get(r.fileId) ?? []), r]);
  return files;
}

/** The file's sheets by name: the file opened once, each sheet found by its name. */
function readWithSpreadsheetApp(
  fileId: string,
  requests: readonly SheetRequest[],
  reasonOf: (request: SheetRequest) => FallbackReason | undefined,
): SheetRead[] {
  const result = (
    request: SheetRequest,
    grid: string[][] | null,
    failure: ReadFailure | null,
    sheetId: number | null = null,
  ): SheetRead => ({
    request,
    grid,
    failure,
    via: 'spreadsheet',
    sheetId,
    fallbackReason: reasonOf(request) ?? { kind: 'no-gid' },
  });
  let ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  try {
    ss = SpreadsheetApp.openById(fileId);
  } catch {
    return requests.map((r) => result(r, null, 'missing'));
  }
  return requests.map((request) => {
    try {
      const sheet = ss.getSheetByName(request.sheetName);
      if (!sheet) return result(request, null, 'no-sheet');
      return result(request, sheet.getDataRange().getDisplayValues(), null, sheet.getSheetId());
    } catch {
      return result(request, null, 'failed');
    }
  });
}
